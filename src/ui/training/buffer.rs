//! The KDMP buffer calculator: PVC sizes as Kubernetes quantities, and the extra buffer
//! storage a KDMP-based backup needs for them.

use backup_matrix::quantity::{format_bytes, kdmp_buffer, parse_quantities};
use backup_matrix::tables::KDMP_BUFFER_FACTOR;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::state::FormState;
use crate::ui::markup::{bind_error, bind_text, find, markup, OnEvent};

/// The sizes the field starts with.
const START: &str = "10Gi, 500Mi";

const BUFFER: &str = concat!(
    r#"<div class="cbw-field"><label for="@buffer-sizes">PVC sizes</label>"#,
    r#"<input id="@buffer-sizes" type="text" autocomplete="off" spellcheck="false" aria-describedby="@buffer-sizes-hint @buffer-sizes-error">"#,
    r#"<p class="cbw-hint" id="@buffer-sizes-hint">Kubernetes quantities separated by commas or spaces, such as 500Mi, 10Gi, 1.5Ti or 2G.</p>"#,
    r#"<p class="cbw-error" id="@buffer-sizes-error"></p></div>"#,
    r#"<p class="cbw-answer" aria-live="polite" id="@buffer-answer"></p>"#,
);

/// "PVC sizes", and the buffer they need when the backup moves data with KDMP.
#[component]
pub fn BufferCalculator(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let text = RwSignal::new(START.to_owned());
    let on_event: OnEvent = Rc::new(move |target, event| {
        if event.type_() == "input" {
            text.set(target.unchecked_ref::<HtmlInputElement>().value());
        }
    });
    let error = move || {
        text.with(|t| {
            parse_quantities(t).err().map(|(index, message)| format!("Size {}: {message}", index + 1))
        })
    };
    let answer = move || {
        let Ok(sizes) = text.with(|t| parse_quantities(t)) else { return String::new() };
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
        if users.is_empty() {
            format!(
                "No provisioner uses KDMP now, so no extra buffer is needed. A KDMP-based backup of these PVCs would need {buffer} ({KDMP_BUFFER_FACTOR}x their size)."
            )
        } else {
            format!(
                "KDMP moves data for {users}: allocate {buffer} of extra buffer storage in the application cluster ({KDMP_BUFFER_FACTOR}x the PVC sizes) before the backup."
            )
        }
    };
    let bind = move |root: Element| {
        find(&state, &root, "buffer-sizes").unchecked_into::<HtmlInputElement>().set_value(START);
        bind_error(&state, &root, "buffer-sizes", error);
        bind_text(find(&state, &root, "buffer-answer").into(), answer);
    };
    markup(state, "cbw-part", BUFFER, bind, Some(on_event))
}
