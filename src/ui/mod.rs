//! The widget's components. Each renders one concern of `FormState`; none decides anything.

mod actions;
mod details;
mod fields;
mod mapping;
mod preview;
mod tables;
#[cfg(feature = "training")]
mod training;

use std::rc::Rc;

use backup_matrix::Request;
use leptos::prelude::*;

use crate::state::FormState;

pub use actions::{CreateButton, Options};
pub use details::Details;
pub use mapping::SnapshotClassMapping;
pub use preview::Preview;
pub use tables::MatrixTables;
#[cfg(feature = "training")]
pub use training::Training;

/// What the host allows: set with the element's attributes (`url-state`,
/// `inventory-editor="hidden"`) or the options argument of `mount()`. Only the training bundle
/// has these features; the docs bundle accepts the options and has nothing they turn on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainingOptions {
    /// Keep the whole form state in the page's URL hash, and restore it from there on load.
    pub url_state: bool,
    /// Leave out the inventory editor, as a host that passes its real cluster in would.
    pub hide_inventory_editor: bool,
}

/// The URL state, when the host allows it (training bundle).
#[cfg(feature = "training")]
fn link_state(state: FormState, options: TrainingOptions) -> impl IntoView {
    view! { <training::LinkState state enabled=options.url_state /> }
}

/// The docs bundle has no URL state.
#[cfg(not(feature = "training"))]
fn link_state(_state: FormState, _options: TrainingOptions) -> impl IntoView {}

/// The training panels (training bundle).
#[cfg(feature = "training")]
fn training_panels(state: FormState, options: TrainingOptions) -> impl IntoView {
    view! { <Training state options /> }
}

/// The docs bundle has no training panels.
#[cfg(not(feature = "training"))]
fn training_panels(_state: FormState, _options: TrainingOptions) -> impl IntoView {}

/// Called with the request when Create is pressed and the backup can be created.
pub type OnCreate = Rc<dyn Fn(&Request)>;

/// The whole widget: the Create Backup form beside its live preview.
#[component]
pub fn App(
    /// The widget's state.
    state: FormState,
    /// Receives the request when Create sends one.
    on_create: OnCreate,
    /// What the host allows of the training features (URL state, inventory editor).
    #[prop(optional)]
    training: TrainingOptions,
) -> impl IntoView {
    view! {
        <div class="cbw" part="widget">
            <ConfigErrorAlert state />
            {link_state(state, training)}
            <div class="cbw-layout">
                // Enter in a text field must not submit the form: Create sends the request.
                <form class="cbw-form" part="form" aria-label="Create Backup" on:submit=|ev| ev.prevent_default()>
                    <Details state />
                    <SnapshotClassMapping state />
                    <Options state />
                    <CreateButton state on_create />
                </form>
                <Preview state />
            </div>
            <MatrixTables state />
            {training_panels(state, training)}
        </div>
    }
}

/// Shows why the host's last config was rejected; the form keeps its last good state.
#[component]
fn ConfigErrorAlert(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    move || {
        state.config_error.get().map(|error| {
            view! {
                <div class="cbw-config-error" part="config-error" role="alert">
                    <strong>"This config was not applied. "</strong>
                    <span class="cbw-config-error-message">{error.message}</span>
                    " (at "
                    <code>{error.path}</code>
                    "). The form shows the last good config."
                </div>
            }
        })
    }
}
