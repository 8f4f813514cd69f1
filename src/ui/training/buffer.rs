//! The KDMP buffer calculator: PVC sizes as Kubernetes quantities, and the extra buffer
//! storage a KDMP-based backup needs for them.

use backup_matrix::quantity::{format_bytes, kdmp_buffer, parse_quantities};
use backup_matrix::tables::KDMP_BUFFER_FACTOR;
use leptos::prelude::*;

use crate::state::FormState;
use crate::ui::fields::TextField;

/// The sizes the field starts with.
const START: &str = "10Gi, 500Mi";

/// "PVC sizes", and the buffer they need when the backup moves data with KDMP.
#[component]
pub fn BufferCalculator(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let text = RwSignal::new(START.to_owned());
    let sizes = Memo::new(move |_| text.with(|t| parse_quantities(t)));
    let error = Signal::derive(move || {
        sizes.with(|s| s.as_ref().err().map(|(index, message)| format!("Size {}: {message}", index + 1)))
    });
    view! {
        <TextField
            id="buffer-sizes"
            label="PVC sizes"
            hint="Kubernetes quantities separated by commas or spaces, such as 500Mi, 10Gi, 1.5Ti or 2G.".to_owned()
            value=text
            error
            on_input=Callback::new(move |typed| text.set(typed))
        />
        <BufferAnswer state sizes />
    }
}

/// The buffer the sizes need, and whether a provisioner of the form moves data with KDMP now.
/// Nothing while the sizes do not read.
#[component]
fn BufferAnswer(
    /// The widget's state.
    state: FormState,
    /// The PVC sizes in bytes, or where the list does not read.
    sizes: Memo<Result<Vec<u128>, (usize, String)>>,
) -> impl IntoView {
    // The provisioners whose backup type moves data with KDMP now.
    let users = Memo::new(move |_| {
        state.decision.with(|d| {
            let names: Vec<&str> = d
                .provisioners
                .iter()
                .filter(|p| p.backup_type.uses_kdmp())
                .map(|p| p.name.as_str())
                .collect();
            names.join(", ")
        })
    });
    let answer = move || {
        let buffer = sizes.with(|s| s.as_ref().ok().map(|sizes| format_bytes(kdmp_buffer(sizes))))?;
        Some(users.with(|users| {
            if users.is_empty() {
                format!(
                    "No provisioner uses KDMP now, so no extra buffer is needed. A KDMP-based backup of these PVCs would need {buffer} ({KDMP_BUFFER_FACTOR}x their size)."
                )
            } else {
                format!(
                    "KDMP moves data for {users}: allocate {buffer} of extra buffer storage in the application cluster ({KDMP_BUFFER_FACTOR}x the PVC sizes) before the backup."
                )
            }
        }))
    };
    view! { <p class="cbw-answer" aria-live="polite">{answer}</p> }
}
