//! The two backup-level options, and the Create button.

use std::rc::Rc;

use backup_matrix::Config;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::markup::{
    bind_attribute, bind_html, effect, find, markup, part_of, push_element, push_escaped, watch_flag, OnEvent,
};
use super::OnCreate;
use crate::state::FormState;

const OPTIONS: &str = concat!(
    r#"<fieldset class="cbw-group"><legend>Options</legend>"#,
    r#"<div class="cbw-flag"><input type="checkbox" id="@offload" aria-describedby="@offload-hint"><label for="@offload">Offload CSI snapshots to backup location</label><p class="cbw-hint" id="@offload-hint">KDMP copies each CSI snapshot to the backup location; without a class, KDMP backs the volume up directly.</p></div>"#,
    r#"<div class="cbw-flag"><input type="checkbox" id="@cross-cloud" aria-describedby="@cross-cloud-hint"><label for="@cross-cloud">Cross Cloud Backup/Restore</label><p class="cbw-hint" id="@cross-cloud-hint">A direct KDMP backup of every volume, to restore on another cloud.</p></div>"#,
    "</fieldset>"
);

/// "Offload CSI snapshots to backup location" and "Cross Cloud Backup/Restore".
#[component]
pub fn Options(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let on_event: OnEvent = Rc::new(move |target, event| {
        if event.type_() != "change" {
            return;
        }
        let on = target.unchecked_ref::<HtmlInputElement>().checked();
        match part_of(&state, target).as_deref() {
            Some("offload") => state.edit(|c| c.offload = on),
            Some("cross-cloud") => state.edit(|c| c.cross_cloud = on),
            _ => {}
        }
    });
    let bind = move |root: Element| {
        bind_flag(state, &root, "offload", |c| c.offload);
        bind_flag(state, &root, "cross-cloud", |c| c.cross_cloud);
    };
    markup(state, "cbw-part", OPTIONS, bind, Some(on_event))
}

/// A checkbox's state from one flag of the config.
fn bind_flag(state: FormState, root: &Element, part: &str, flag: fn(&Config) -> bool) {
    let input: HtmlInputElement = find(&state, root, part).unchecked_into();
    watch_flag(move || state.config.with(flag), move |on| input.set_checked(on));
}

const CREATE: &str = r#"<div class="cbw-create"><button type="button" class="cbw-button" id="@create" part="create-button" aria-describedby="@create-why">Create</button><div class="cbw-create-why" id="@create-why"></div></div>"#;

/// Create: always focusable; sends the request only when the backup can be created.
#[component]
pub fn CreateButton(
    /// The widget's state.
    state: FormState,
    /// Receives the request when Create sends one.
    on_create: OnCreate,
) -> impl IntoView {
    let sent = RwSignal::new(None::<String>);
    let blocked = move || state.blockers.with(|b| !b.is_empty());
    let on_event: OnEvent = Rc::new(move |target, event| {
        if event.type_() != "click" || part_of(&state, target).as_deref() != Some("create") {
            return;
        }
        if blocked() {
            sent.set(None);
            return;
        }
        let request = state.request.get_untracked();
        on_create(&request);
        sent.set(Some(request.body.metadata.name));
    });
    // A change after a send makes the confirmation stale.
    effect(move || {
        state.config.track();
        sent.set(None);
    });
    let bind = move |root: Element| {
        bind_attribute(find(&state, &root, "create").into(), "aria-disabled", move || blocked().to_string());
        bind_html(find(&state, &root, "create-why").into(), move || {
            state.blockers.with(|blockers| {
                let mut html = String::new();
                if blockers.is_empty() {
                    let message = sent.with(|sent| match sent {
                        Some(name) => format!("Create request for \"{name}\" sent."),
                        None => "Ready: Create sends the request shown in the preview.".to_owned(),
                    });
                    push_escaped(&mut html, &message);
                } else {
                    html.push_str("<ul>");
                    for blocker in blockers {
                        push_element(&mut html, "li", "", blocker);
                    }
                    html.push_str("</ul>");
                }
                html
            })
        });
    };
    markup(state, "cbw-part", CREATE, bind, Some(on_event))
}
