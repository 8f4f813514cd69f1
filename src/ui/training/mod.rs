//! Training and docs: panels that let a trainee explore every case of the matrices (a tour of
//! Table 1, an inventory editor, the environments of Table 3, the KDMP buffer, the upgrade
//! table), share a form state as a link, and take the request away. Every rule comes from
//! `backup_matrix`; these components only call it and show what it says.
//!
//! To keep the wasm small, the views here use few reactive types (`Signal<String>`,
//! `Signal<bool>`, `Signal<Option<String>>`) and show or hide fixed elements with `hidden`
//! rather than building views in closures.

mod buffer;
mod environment;
mod inventory;
mod link;
mod take_away;
mod tour;
mod upgrade;

use leptos::prelude::*;

use super::TrainingOptions;
use crate::state::FormState;

pub use link::LinkState;

/// A collapsible training panel. Its content is built the first time it opens, so a closed
/// panel costs nothing and a page with many widgets stays light.
#[component]
fn Panel(
    /// The panel's visible title (the summary).
    title: &'static str,
    /// The panel's content.
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details
            class="cbw-panel"
            on:toggle=move |_| {
                if !opened.get_untracked() {
                    opened.set(true);
                }
            }
        >
            <summary class="cbw-panel-title">{title}</summary>
            <div class="cbw-panel-body">{move || opened.get().then(|| children())}</div>
        </details>
    }
}

/// The training panels, each collapsed until opened.
#[component]
pub fn Training(
    /// The widget's state.
    state: FormState,
    /// What the host allows.
    options: TrainingOptions,
) -> impl IntoView {
    view! {
        <section class="cbw-training" part="training" aria-labelledby=state.id("training-title")>
            <h2 class="cbw-title" id=state.id("training-title")>"Explore, share and take away"</h2>
            <Panel title="Tour of Table 1: show any row">
                <tour::Tour state />
            </Panel>
            {(!options.hide_inventory_editor)
                .then(|| {
                    view! {
                        <Panel title="Cluster inventory: provisioners and snapshot classes">
                            <inventory::InventoryEditor state />
                        </Panel>
                    }
                })}
            <Panel title="Environment: cloud provider and storage type (Table 3)">
                <environment::Environment state />
            </Panel>
            <Panel title="KDMP buffer calculator">
                <buffer::BufferCalculator state />
            </Panel>
            <Panel title="Upgrade from 2.6.0 or earlier">
                <upgrade::UpgradePreview state />
            </Panel>
            <Panel title="Take the request away: copy, download, print">
                <take_away::TakeAway state />
            </Panel>
        </section>
    }
}

/// A text field with a visible label, a hint, and an inline error linked to it with
/// `aria-describedby` and `aria-invalid`.
#[component]
fn TextField(
    /// The widget's state.
    state: FormState,
    /// Names the element ids.
    part: String,
    /// The visible label, which is also the accessible name.
    label: String,
    /// A short line on what the field takes.
    hint: &'static str,
    /// The field's text.
    text: RwSignal<String>,
    /// What is wrong with the text, if anything.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = state.id(&part);
    let hint_id = state.id(&format!("{part}-hint"));
    let error_id = state.id(&format!("{part}-error"));
    view! {
        <div class="cbw-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=Signal::derive(move || error.with(Option::is_some).to_string())
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <p class="cbw-hint" id=hint_id>{hint}</p>
            <p class="cbw-error" id=error_id>{error}</p>
        </div>
    }
}
