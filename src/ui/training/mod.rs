//! Training and docs: panels that let a trainee explore every case of the matrices (a tour of
//! Table 1, an inventory editor, the environments of Table 3, the KDMP buffer, the upgrade
//! table), share a form state as a link, and take the request away. Every rule comes from
//! `backup_matrix`; these components only call it and show what it says.
//!
//! Fields are the shared ones of `ui::fields`. A part that a user may look for while it does not
//! apply (the Azure file driver version, a notice) stays in the page with `hidden` bound to the
//! state; a part that only exists while it applies is a `<Show>` or an `Option` view.

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
        <section class="cbw-training" part="training" aria-labelledby="training-title">
            <h2 class="cbw-title" id="training-title">"Explore, share and take away"</h2>
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
                <upgrade::UpgradePreview />
            </Panel>
            <Panel title="Take the request away: copy, download, print">
                <take_away::TakeAway state />
            </Panel>
        </section>
    }
}
