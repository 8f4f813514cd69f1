//! The two backup-level options, and the Create button.

use backup_matrix::Config;
use leptos::prelude::*;

use super::OnCreate;
use crate::state::FormState;

/// A checkbox bound to one flag of the config, with a hint under it.
#[component]
fn Flag(
    /// The widget's state.
    state: FormState,
    /// Names the element ids.
    part: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// What turning it on does.
    hint: &'static str,
    /// Reads the flag.
    get: fn(&Config) -> bool,
    /// Writes the flag.
    set: fn(&mut Config, bool),
) -> impl IntoView {
    let id = state.id(part);
    let hint_id = state.id(&format!("{part}-hint"));
    view! {
        <div class="cbw-flag">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=hint_id.clone()
                prop:checked=move || state.config.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.edit(|c| set(c, on));
                }
            />
            <label for=id>{label}</label>
            <p class="cbw-hint" id=hint_id>{hint}</p>
        </div>
    }
}

/// "Offload CSI snapshots to backup location" and "Cross Cloud Backup/Restore".
#[component]
pub fn Options(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    view! {
        <fieldset class="cbw-group">
            <legend>"Options"</legend>
            <Flag
                state
                part="offload"
                label="Offload CSI snapshots to backup location"
                hint="KDMP copies each CSI snapshot to the backup location; without a class, KDMP backs the volume up directly."
                get=|c| c.offload
                set=|c, on| c.offload = on
            />
            <Flag
                state
                part="cross-cloud"
                label="Cross Cloud Backup/Restore"
                hint="A direct KDMP backup of every volume, to restore on another cloud."
                get=|c| c.cross_cloud
                set=|c, on| c.cross_cloud = on
            />
        </fieldset>
    }
}

/// Create: always focusable; sends the request only when the backup can be created.
#[component]
pub fn CreateButton(
    /// The widget's state.
    state: FormState,
    /// Receives the request when Create sends one.
    on_create: OnCreate,
) -> impl IntoView {
    let why_id = state.id("create-why");
    let sent = RwSignal::new(None::<String>);
    let blocked = move || state.blockers.with(|b| !b.is_empty());
    let on_click = move |_| {
        if blocked() {
            sent.set(None);
            return;
        }
        let request = state.request.get_untracked();
        on_create(&request);
        sent.set(Some(request.body.metadata.name));
    };
    // A change after a send makes the confirmation stale.
    Effect::new(move |_| {
        state.config.track();
        sent.set(None);
    });
    view! {
        <div class="cbw-create">
            <button
                type="button"
                class="cbw-button"
                part="create-button"
                aria-disabled=move || blocked().to_string()
                aria-describedby=why_id.clone()
                on:click=on_click
            >
                "Create"
            </button>
            <div class="cbw-create-why" id=why_id>
                {move || {
                    let blockers = state.blockers.get();
                    if blockers.is_empty() {
                        sent.get()
                            .map(|name| format!("Create request for \"{name}\" sent."))
                            .unwrap_or_else(|| "Ready: Create sends the request shown in the preview.".to_owned())
                            .into_any()
                    } else {
                        view! {
                            <ul>{blockers.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
