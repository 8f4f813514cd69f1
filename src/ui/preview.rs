//! The live preview: the headline, each provisioner's outcome, the notices, and the request.

use backup_matrix::decide::notice_id;
use backup_matrix::{BackupType, Level, Notice, ProvisionerDecision};
use leptos::prelude::*;

use crate::state::FormState;

/// A short visible word for a notice level, so that level never rests on colour alone.
fn level_word(level: Level) -> &'static str {
    match level {
        Level::Info => "Note",
        Level::Warning => "Caution",
        Level::Error => "Fails",
    }
}

/// The notice's classes.
fn notice_class(level: Level) -> &'static str {
    match level {
        Level::Info => "cbw-notice cbw-notice-note",
        Level::Warning => "cbw-notice cbw-notice-caution",
        Level::Error => "cbw-notice cbw-notice-fails",
    }
}

/// Updated on every change; the outcome part is the widget's one `role="status"` region.
#[component]
pub fn Preview(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let decision = state.decision;
    let request = state.request;
    let can_create = move || decision.with(|d| d.can_create);
    // Keyed by provisioner: a line stays, and rewrites only the parts of it that changed.
    let names = move || decision.with(|d| d.provisioners.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    // A failing backup is said once, by the headline; its notice stays in the Decision for hosts.
    let notices = move || {
        decision.with(|d| {
            d.notices.iter().filter(|n| n.id != notice_id::BACKUP_FAILS).cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <section class="cbw-preview" part="preview" aria-labelledby="preview-title">
            <h2 class="cbw-title" id="preview-title">"What this backup will be"</h2>
            <div role="status" class="cbw-status">
                <p class="cbw-headline" class:cbw-ok=can_create class:cbw-fail=move || !can_create()>
                    <span class="cbw-mark" aria-hidden="true">{move || if can_create() { "✓" } else { "✕" }}</span>
                    {move || decision.with(|d| d.headline())}
                </p>
                <ul class="cbw-outcomes">
                    <For each=names key=|name| name.clone() let:name>
                        <Outcome state name />
                    </For>
                </ul>
                <ul class="cbw-notices">
                    <For each=notices key=|notice| notice.clone() let:notice>
                        <NoticeLine notice />
                    </For>
                </ul>
            </div>
            <div class="cbw-request">
                <h3 class="cbw-subtitle" id="request-title">"Request Create would send"</h3>
                <p class="cbw-endpoint">
                    <code>{move || request.with(|r| format!("{} {}", r.method, r.path))}</code>
                    " "
                    <span class="cbw-hint">
                        {move || {
                            request.with(|r| {
                                if r.is_schedule() { "(a BackupScheduleCreateRequest)" } else { "(a BackupCreateRequest)" }
                            })
                        }}
                    </span>
                </p>
                <pre class="cbw-json" tabindex="0" role="region" aria-labelledby="request-title">
                    // The request's text stays a JS string: tens of KB for 200 provisioners.
                    <code prop:textContent=move || request.with(|r| crate::js::pretty_text(&r.body))></code>
                </pre>
            </div>
        </section>
    }
}

/// One provisioner's line: its name, backup type, row of Table 1, and why.
#[component]
fn Outcome(
    /// The widget's state.
    state: FormState,
    /// The provisioner's name (the line's key).
    name: String,
) -> impl IntoView {
    // This provisioner's outcome, kept as it is when equal: a change elsewhere costs a comparison.
    let key = name.clone();
    let outcome = Memo::new_owning(move |old: Option<Option<ProvisionerDecision>>| {
        state.decision.with(|d| {
            let now = d.provisioners.iter().find(|p| p.name == key);
            match old {
                Some(old) if old.as_ref() == now => (old, false),
                _ => (now.cloned(), true),
            }
        })
    });
    // One view over the memo: a new outcome rewrites only the texts and attributes that differ.
    move || {
        outcome.with(|outcome| {
            outcome.as_ref().map(|outcome| {
                let row = match outcome.csi_matrix_row {
                    Some(n) => format!("Table 1, row {n}"),
                    None => "Cross cloud".to_owned(),
                };
                view! {
                    <li class="cbw-outcome" data-backup-type=outcome.backup_type.id()>
                        <code class="cbw-outcome-name">{name.clone()}</code>
                        <span class="cbw-badge" class:cbw-badge-fail=outcome.backup_type == BackupType::Fails>
                            {outcome.backup_type.name()}
                        </span>
                        <span class="cbw-outcome-row">{row}</span>
                        <span class="cbw-reason">{outcome.reason.clone()}</span>
                    </li>
                }
            })
        })
    }
}

/// One notice, with its level in words.
#[component]
fn NoticeLine(
    /// The notice.
    notice: Notice,
) -> impl IntoView {
    view! {
        <li class=notice_class(notice.level) data-notice=notice.id>
            <strong>{level_word(notice.level)} ": "</strong>
            {notice.text}
        </li>
    }
}
