//! The KDMP buffer calculator: PVC sizes as Kubernetes quantities, and the extra buffer
//! storage a KDMP-based backup needs for them.

use backup_matrix::quantity::{format_bytes, kdmp_buffer, parse_quantities};
use backup_matrix::tables::KDMP_BUFFER_FACTOR;
use leptos::prelude::*;

use super::TextField;
use crate::state::FormState;

/// "PVC sizes", and the buffer they need when the backup moves data with KDMP.
#[component]
pub fn BufferCalculator(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let text = RwSignal::new("10Gi, 500Mi".to_owned());
    let error = Signal::derive(move || {
        text.with(|t| {
            parse_quantities(t).err().map(|(index, message)| format!("Size {}: {message}", index + 1))
        })
    });
    let answer = Signal::derive(move || {
        let sizes = text.with(|t| parse_quantities(t)).ok()?;
        let buffer = format_bytes(kdmp_buffer(&sizes));
        // The provisioners whose backup type moves data with KDMP now.
        let users = state.decision.with(|d| {
            let names: Vec<&str> = d
                .provisioners
                .iter()
                .filter(|p| p.backup_type.uses_kdmp())
                .map(|p| p.name.as_str())
                .collect();
            names.join(", ")
        });
        Some(if users.is_empty() {
            format!(
                "No provisioner uses KDMP now, so no extra buffer is needed. A KDMP-based backup of these PVCs would need {buffer} ({KDMP_BUFFER_FACTOR}x their size)."
            )
        } else {
            format!(
                "KDMP moves data for {users}: allocate {buffer} of extra buffer storage in the application cluster ({KDMP_BUFFER_FACTOR}x the PVC sizes) before the backup."
            )
        })
    });
    view! {
        <TextField
            state
            part="buffer-sizes".to_owned()
            label="PVC sizes".to_owned()
            hint="Kubernetes quantities separated by commas or spaces, such as 500Mi, 10Gi, 1.5Ti or 2G."
            text
            error
        />
        <p class="cbw-answer" aria-live="polite">{answer}</p>
    }
}
