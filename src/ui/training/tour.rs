//! A tour of Table 1: one button per row sets the form to a state that produces that row
//! (`tour::reach_row`), and the preview and the marked tables confirm it.

use backup_matrix::tables::{vsc_option_label, CsiMatrixRow, CSI_MATRIX};
use backup_matrix::tour::{reach_row, steps};
use backup_matrix::{Decision, ProvisionerKind};
use std::rc::Rc;

use leptos::prelude::*;
use web_sys::Element;

use crate::state::FormState;
use crate::ui::markup::{bind_text, effect, find, markup, part_of, push_escaped, OnEvent};

/// Added to a row number in `Tour`'s signal when the form could not reach that row.
const UNREACHABLE: u32 = 100;

/// A row of Table 1 in one line, as its cells read.
fn summary(row: &CsiMatrixRow) -> String {
    let kind = match row.provisioner {
        ProvisionerKind::Portworx => "Portworx",
        ProvisionerKind::NonPortworx => "Non-Portworx",
    };
    let offload = if row.offload { "offload on" } else { "offload off" };
    format!("{kind}, {}, {offload}: {}.", vsc_option_label(row.vsc_option), row.backup_type.name())
}

/// The provisioners on Table 1 row `number` now, joined; empty when none is.
fn on_row(decision: &Decision, number: u32) -> String {
    let names: Vec<&str> = decision
        .provisioners
        .iter()
        .filter(|p| p.csi_matrix_row.map(u32::from) == Some(number))
        .map(|p| p.name.as_str())
        .collect();
    names.join(", ")
}

/// Ten buttons, "Show row 1" to "Show row 10", and what the last one did.
#[component]
pub fn Tour(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    // The row shown last (0: none yet), plus `UNREACHABLE` when the form could not reach it.
    let shown = RwSignal::new(0u32);
    let mut html = String::from(concat!(
        r#"<p class="cbw-hint">Each button changes the form as little as it can (offload, a snapshot class, or an added provisioner) so that a provisioner lands on that row.</p>"#,
        r#"<ol class="cbw-tour" id="@tour">"#
    ));
    for row in &CSI_MATRIX {
        let number = row.number;
        html.push_str(&format!(
            r#"<li class="cbw-tour-row"><button type="button" class="cbw-button cbw-button-small cbw-button-quiet" id="@tour-show-{number}" aria-describedby="@tour-{number}">Show row {number}</button><span class="cbw-tour-about" id="@tour-{number}">"#
        ));
        push_escaped(&mut html, &summary(row));
        html.push_str(r#"<span class="cbw-tour-status"></span></span></li>"#);
    }
    html.push_str(r#"</ol><p class="cbw-answer" aria-live="polite" id="@tour-answer"></p>"#);
    let on_event: OnEvent = Rc::new(move |target, event| {
        let Some(number) = part_of(&state, target)
            .and_then(|part| part.strip_prefix("tour-show-").and_then(|n| n.parse::<u8>().ok()))
        else {
            return;
        };
        if event.type_() != "click" {
            return;
        }
        match state.config.with_untracked(|c| reach_row(c, number)) {
            Some(config) => {
                shown.set(u32::from(number));
                state.config.set(config);
            }
            None => shown.set(u32::from(number) + UNREACHABLE),
        }
    });
    let bind = move |root: Element| {
        let rows = find(&state, &root, "tour").children();
        // Each row's "in use" and status, as shown.
        let mut marked: Vec<(bool, String)> = Vec::new();
        effect(move || {
            let now: Vec<(bool, String)> = CSI_MATRIX
                .iter()
                .map(|row| {
                    if state.decision.with(|d| !on_row(d, u32::from(row.number)).is_empty()) {
                        return (true, "In use now".to_owned());
                    }
                    (
                        false,
                        match state.config.with(|c| steps(c, row.number)) {
                            1 => "1 change away".to_owned(),
                            n => format!("{n} changes away"),
                        },
                    )
                })
                .collect();
            for (index, (in_use, status)) in now.iter().enumerate() {
                if marked.get(index) == Some(&(*in_use, status.clone())) {
                    continue;
                }
                let Some(item) = rows.item(index as u32) else { continue };
                let _ = item.class_list().toggle_with_force("cbw-current", *in_use);
                if let Ok(Some(status_element)) = item.query_selector(".cbw-tour-status") {
                    status_element.set_text_content(Some(status));
                }
            }
            marked = now;
        });
        bind_text(find(&state, &root, "tour-answer").into(), move || {
            let shown = shown.get();
            let number = shown % UNREACHABLE;
            if number == 0 {
                return String::new();
            }
            if shown >= UNREACHABLE {
                return format!(
                    "Row {number} cannot be shown: the inventory already lists the most provisioners allowed. Remove one first."
                );
            }
            let users = state.decision.with(|d| on_row(d, number));
            if users.is_empty() {
                format!("Row {number} applies to no provisioner now.")
            } else {
                format!("Row {number} applies now to {users}: see the preview and the marked row of Table 1.")
            }
        });
    };
    markup(state, "cbw-part", &html, bind, Some(on_event))
}
