//! The two backup-level options, and the Create button.

use backup_matrix::what_if::{CheckboxFlipped, WhatIf};
use backup_matrix::Config;
use leptos::prelude::*;

use super::fields::Checkbox;
use super::OnCreate;
use crate::state::FormState;

/// "Offload CSI snapshots to backup location" and "Cross Cloud Backup/Restore".
#[component]
pub fn Options(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let config = state.config;
    let decision = state.decision;
    let consequence = move |flag: fn(&Config) -> bool, flipped: fn(&WhatIf) -> &CheckboxFlipped| {
        Signal::derive(move || {
            let on = config.with(flag);
            decision.with(|d| flipped(&d.what_if).describe(on, d.can_create))
        })
    };
    view! {
        <fieldset class="cbw-group">
            <legend>"Options"</legend>
            <Checkbox
                id="offload"
                label="Offload CSI snapshots to backup location"
                hint="KDMP copies each CSI snapshot to the backup location; without a class, KDMP backs the volume up directly.".to_owned()
                consequence=consequence(|c| c.offload, |w| &w.offload)
                checked=Signal::derive(move || config.with(|c| c.offload))
                on_change=Callback::new(move |on| state.edit(|c| c.offload = on))
            />
            <Checkbox
                id="cross-cloud"
                label="Cross Cloud Backup/Restore"
                hint="A direct KDMP backup of every volume, to restore on another cloud.".to_owned()
                consequence=consequence(|c| c.cross_cloud, |w| &w.cross_cloud)
                checked=Signal::derive(move || config.with(|c| c.cross_cloud))
                on_change=Callback::new(move |on| state.edit(|c| c.cross_cloud = on))
            />
        </fieldset>
    }
}

/// Create: always focusable; sends the request only when the backup can be created, and says
/// why not otherwise.
#[component]
pub fn CreateButton(
    /// The widget's state.
    state: FormState,
    /// Receives the request when Create sends one.
    on_create: OnCreate,
) -> impl IntoView {
    // The name of the backup last sent; cleared by any change, which makes it stale.
    let sent = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        state.config.track();
        sent.set(None);
    });
    let blocked = move || state.blockers.with(|b| !b.is_empty());
    let create = move |_| {
        if blocked() {
            return;
        }
        let request = state.request.get_untracked();
        on_create(&request);
        sent.set(Some(request.body.metadata.name));
    };
    let ready = move || {
        sent.with(|sent| match sent {
            Some(name) => format!("Create request for \"{name}\" sent."),
            None => "Ready: Create sends the request shown in the preview.".to_owned(),
        })
    };
    view! {
        <div class="cbw-create">
            <button
                type="button"
                class="cbw-button"
                part="create-button"
                aria-describedby="create-why"
                aria-disabled=move || blocked().to_string()
                on:click=create
            >
                "Create"
            </button>
            <div class="cbw-create-why" id="create-why">
                <Show when=blocked fallback=ready>
                    <ul>
                        <For each=move || state.blockers.get() key=|blocker| blocker.clone() let:blocker>
                            <li>{blocker}</li>
                        </For>
                    </ul>
                </Show>
            </div>
        </div>
    }
}
