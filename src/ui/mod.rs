//! The widget's components. Each renders one concern of `FormState`; none decides anything.

mod actions;
mod details;
pub(crate) mod fields;
mod mapping;
mod preview;
mod tables;
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
pub use training::{Training, TrainingOptions};

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
            <ConfigError state />
            <training::LinkState state enabled=training.url_state />
            <div class="cbw-layout">
                <form class="cbw-form" part="form" aria-label="Create Backup" on:submit=|ev| ev.prevent_default()>
                    <Details state />
                    <SnapshotClassMapping state />
                    <Options state />
                    <CreateButton state on_create />
                </form>
                <Preview state />
            </div>
            <MatrixTables state />
            <Training state options=training />
        </div>
    }
}

/// Shows why the host's last config was rejected; the form keeps its last good state.
#[component]
fn ConfigError(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    move || {
        state.config_error.get().map(|error| {
            view! {
                <div class="cbw-config-error" part="config-error" role="alert">
                    <strong>"This config was not applied. "</strong>
                    <span class="cbw-config-error-message">{error.message}</span>
                    " (at " <code>{error.path}</code> "). The form shows the last good config."
                </div>
            }
        })
    }
}
