//! The one place a widget's state lives: the form's config, and what is derived from it.

use backup_matrix::{decide, request, Config, ConfigError, Decision, Request};
use leptos::prelude::*;

/// The reactive state of one widget. The config is the only source; the decision and the
/// request are memos over it, so the view never restates a rule.
#[derive(Clone, Copy)]
pub struct FormState {
    pub config: RwSignal<Config>,
    pub decision: Memo<Decision>,
    pub request: Memo<Request>,
    /// The last config a host handed in that was rejected; the form keeps its last good state.
    pub config_error: RwSignal<Option<ConfigError>>,
}

impl FormState {
    pub fn new(config: Config) -> Self {
        let config = RwSignal::new(config);
        FormState {
            config,
            decision: Memo::new(move |_| config.with(decide)),
            request: Memo::new(move |_| config.with(request)),
            config_error: RwSignal::new(None),
        }
    }

    /// Changes the form's config in place.
    pub fn edit(&self, change: impl FnOnce(&mut Config)) {
        self.config.update(change);
    }
}
