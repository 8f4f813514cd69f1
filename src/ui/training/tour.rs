//! A tour of Table 1: one button per row sets the form to a state that produces that row
//! (`tour::reach_row`), and the preview and the marked tables confirm it.

use backup_matrix::tables::{vsc_option_label, CsiMatrixRow, CSI_MATRIX};
use backup_matrix::tour::{reach_row, steps};
use backup_matrix::{Decision, ProvisionerKind};
use leptos::prelude::*;

use crate::state::FormState;

/// What the last "Show row" button did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// The form was changed so that a provisioner lands on this row.
    Reached(u8),
    /// The form could not reach this row: the inventory is full.
    Unreachable(u8),
}

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
fn on_row(decision: &Decision, number: u8) -> String {
    let names: Vec<&str> = decision
        .provisioners
        .iter()
        .filter(|p| p.csi_matrix_row == Some(number))
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
    let shown = RwSignal::new(None::<Shown>);
    let rows = CSI_MATRIX.iter().map(|row| view! { <TourRow state row shown /> }).collect_view();
    view! {
        <p class="cbw-hint">
            "Each button changes the form as little as it can (offload, a snapshot class, or an added provisioner) so that a provisioner lands on that row."
        </p>
        <ol class="cbw-tour">{rows}</ol>
        <TourAnswer state shown />
    }
}

/// One row of Table 1: its button, what the row says, and how far the form is from it now.
#[component]
fn TourRow(
    /// The widget's state.
    state: FormState,
    /// The row of Table 1.
    row: &'static CsiMatrixRow,
    /// Set to what the button did when it is pressed.
    shown: RwSignal<Option<Shown>>,
) -> impl IntoView {
    let number = row.number;
    let about_id = format!("tour-{number}");
    let in_use = Memo::new(move |_| state.decision.with(|d| !on_row(d, number).is_empty()));
    let status = Memo::new(move |_| {
        if in_use.get() {
            return "In use now".to_owned();
        }
        match state.config.with(|c| steps(c, number)) {
            1 => "1 change away".to_owned(),
            n => format!("{n} changes away"),
        }
    });
    let show = move |_| match state.config.with_untracked(|c| reach_row(c, number)) {
        Some(config) => {
            shown.set(Some(Shown::Reached(number)));
            state.config.set(config);
        }
        None => shown.set(Some(Shown::Unreachable(number))),
    };
    view! {
        <li class="cbw-tour-row" class:cbw-current=move || in_use.get()>
            <button
                type="button"
                class="cbw-button cbw-button-small cbw-button-quiet"
                aria-describedby=about_id.clone()
                on:click=show
            >
                "Show row "
                {number}
            </button>
            <span class="cbw-tour-about" id=about_id>
                {summary(row)}
                <span class="cbw-tour-status">{status}</span>
            </span>
        </li>
    }
}

/// What the last "Show row" button did, and who is on that row now.
#[component]
fn TourAnswer(
    /// The widget's state.
    state: FormState,
    /// What the last button did, if one was pressed.
    shown: RwSignal<Option<Shown>>,
) -> impl IntoView {
    let answer = move || {
        shown.get().map(|shown| match shown {
            Shown::Unreachable(number) => format!(
                "Row {number} cannot be shown: the inventory already lists the most provisioners allowed. Remove one first."
            ),
            Shown::Reached(number) => {
                let users = state.decision.with(|d| on_row(d, number));
                if users.is_empty() {
                    format!("Row {number} applies to no provisioner now.")
                } else {
                    format!(
                        "Row {number} applies now to {users}: see the preview and the marked row of Table 1."
                    )
                }
            }
        })
    };
    view! { <p class="cbw-answer" aria-live="polite">{answer}</p> }
}
