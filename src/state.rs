//! The one place a widget's state lives: the form's config, and what is derived from it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use backup_matrix::request::form_problems;
use backup_matrix::{decide, request, Config, ConfigError, Decision, Request};
use leptos::prelude::*;

/// Numbers rendered rows, so that their element ids never repeat within a widget.
static NEXT_ROW: AtomicU32 = AtomicU32::new(1);

/// Why Create sends nothing while the backup would fail: the preview says why, and how to fix it.
const FAILS_BLOCKER: &str = "The backup fails, so Create sends nothing: turn on Offload or Cross Cloud Backup/Restore, or choose a class. The preview says which provisioners.";

/// From this many VSC options in all, a select's options other than the chosen one take new
/// notes (what each would give) only when the select is used: rewriting every option's text
/// costs about 2 µs an option in Chromium, so 1,000 options stay within a couple of ms.
const LAZY_NOTES_FROM: usize = 1_000;

/// The reactive state of one widget. The config is the only source; the decision, the
/// request and what blocks Create are memos over it, so the view never restates a rule.
#[derive(Clone, Copy)]
pub struct FormState {
    pub config: RwSignal<Config>,
    /// Shared, so that an event can keep the Decision it reported without copying it.
    pub decision: Memo<Arc<Decision>>,
    pub request: Memo<Request>,
    /// Why Create sends nothing now; empty when it can send.
    pub blockers: Memo<Vec<String>>,
    /// The last config a host handed in that was rejected; the form keeps its last good state.
    pub config_error: RwSignal<Option<ConfigError>>,
    /// Counts configs handed in by the host, so text fields reload their text from it.
    pub revision: RwSignal<u32>,
    /// Whether the VSC selects have so many options in all that only the select in use keeps
    /// every option's note current (`LAZY_NOTES_FROM`).
    pub many_options: Memo<bool>,
}

impl FormState {
    pub fn new(config: Config) -> Self {
        let config = RwSignal::new(config);
        let decision = Memo::new(move |_| Arc::new(config.with(decide)));
        let blockers = Memo::new(move |_| {
            let mut blockers: Vec<String> =
                config.with(form_problems).into_iter().map(|(_, message)| message).collect();
            if !decision.with(|d| d.can_create) {
                // Said once, in the preview; here only why Create sends nothing, and where to look.
                blockers.insert(0, FAILS_BLOCKER.to_owned());
            }
            blockers
        });
        FormState {
            config,
            decision,
            request: Memo::new(move |_| config.with(request)),
            blockers,
            config_error: RwSignal::new(None),
            revision: RwSignal::new(0),
            many_options: Memo::new(move |_| {
                config.with(|c| {
                    c.provisioners.iter().map(|p| p.volume_snapshot_classes.len()).sum::<usize>()
                        >= LAZY_NOTES_FROM
                })
            }),
        }
    }

    /// Changes the form's config in place (a user's edit).
    pub fn edit(&self, change: impl FnOnce(&mut Config)) {
        self.config.update(change);
    }

    /// Takes a config from the host: replaces the form's state and clears a shown error.
    pub fn replace(&self, config: Config) {
        self.config_error.set(None);
        self.config.set(config);
        self.revision.update(|r| *r += 1);
    }
}

/// An element id for a rendered row, never handed out twice: rows come and go with the
/// inventory, and their names are a host's text, never part of an id.
pub fn row_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ROW.fetch_add(1, Ordering::Relaxed))
}
