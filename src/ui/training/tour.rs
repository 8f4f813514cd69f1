//! A tour of Table 1: one button per row sets the form to a state that produces that row
//! (`tour::reach_row`), and the preview and the marked tables confirm it.

use backup_matrix::tables::{vsc_option_label, CsiMatrixRow, CSI_MATRIX};
use backup_matrix::tour::{reach_row, steps};
use backup_matrix::{Decision, ProvisionerKind};
use leptos::prelude::*;

use crate::state::FormState;

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
    let result = Signal::derive(move || {
        let shown = shown.get();
        let number = shown % UNREACHABLE;
        if number == 0 {
            return None;
        }
        if shown >= UNREACHABLE {
            return Some(format!(
                "Row {number} cannot be shown: the inventory already lists the most provisioners allowed. Remove one first."
            ));
        }
        let users = state.decision.with(|d| on_row(d, number));
        Some(if users.is_empty() {
            format!("Row {number} applies to no provisioner now.")
        } else {
            format!("Row {number} applies now to {users}: see the preview and the marked row of Table 1.")
        })
    });
    view! {
        <p class="cbw-hint">
            "Each button changes the form as little as it can (offload, a snapshot class, or an added provisioner) so that a provisioner lands on that row."
        </p>
        <ol class="cbw-tour">
            {CSI_MATRIX
                .iter()
                .map(|row| {
                    let number = u32::from(row.number);
                    let about = state.id(&format!("tour-{number}"));
                    let in_use = Signal::derive(move || state.decision.with(|d| !on_row(d, number).is_empty()));
                    let status = Signal::derive(move || {
                        if in_use.get() {
                            return "In use now".to_owned();
                        }
                        match state.config.with(|c| steps(c, row.number)) {
                            1 => "1 change away".to_owned(),
                            n => format!("{n} changes away"),
                        }
                    });
                    let show = move |_| {
                        match state.config.with_untracked(|c| reach_row(c, row.number)) {
                            Some(config) => {
                                shown.set(number);
                                state.config.set(config);
                            }
                            None => shown.set(number + UNREACHABLE),
                        }
                    };
                    view! {
                        <li class="cbw-tour-row" class:cbw-current=in_use>
                            <button
                                type="button"
                                class="cbw-button cbw-button-small cbw-button-quiet"
                                aria-describedby=about.clone()
                                on:click=show
                            >
                                {format!("Show row {number}")}
                            </button>
                            <span class="cbw-tour-about" id=about>
                                {summary(row)}
                                <span class="cbw-tour-status">{status}</span>
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <p class="cbw-answer" aria-live="polite">{result}</p>
    }
}
