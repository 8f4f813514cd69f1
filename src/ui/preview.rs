//! The live preview: the headline, each provisioner's outcome, the notices, and the request.

use backup_matrix::{BackupType, Level};
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

/// The notice's classes; static text, so no case mapping is linked in for it.
fn notice_class(level: Level) -> &'static str {
    match level {
        Level::Info => "cbw-notice cbw-notice-note",
        Level::Warning => "cbw-notice cbw-notice-caution",
        Level::Error => "cbw-notice cbw-notice-fails",
    }
}

/// Updated on every change; the outcome part is a `role="status"` region.
#[component]
pub fn Preview(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let decision = state.decision;
    let can_create = move || decision.with(|d| d.can_create);
    let body_json = move || state.request.with(|r| crate::js::pretty(&r.body));
    let endpoint = move || state.request.with(|r| format!("{} {}", r.method, r.path));
    let request_id = state.id("request");
    view! {
        <section class="cbw-preview" part="preview" aria-labelledby=state.id("preview-title")>
            <h2 class="cbw-title" id=state.id("preview-title")>"What this backup will be"</h2>
            <div role="status" class="cbw-status">
                <p class="cbw-headline" class:cbw-ok=can_create class:cbw-fail=move || !can_create()>
                    <span class="cbw-mark" aria-hidden="true">{move || if can_create() { "✓" } else { "✕" }}</span>
                    {move || decision.with(|d| d.headline())}
                </p>
                <ul class="cbw-outcomes">
                    {move || {
                        decision
                            .with(|d| {
                                d.provisioners
                                    .iter()
                                    .map(|p| {
                                        let row = p
                                            .csi_matrix_row
                                            .map(|n| format!("Table 1, row {n}"))
                                            .unwrap_or_else(|| "Cross cloud".to_owned());
                                        view! {
                                            <li class="cbw-outcome" data-backup-type=p.backup_type.id()>
                                                <code class="cbw-outcome-name">{p.name.clone()}</code>
                                                <span class="cbw-badge" class:cbw-badge-fail=p.backup_type == BackupType::Fails>
                                                    {p.backup_type.name()}
                                                </span>
                                                <span class="cbw-outcome-row">{row}</span>
                                                <span class="cbw-reason">{p.reason.clone()}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
                <ul class="cbw-notices">
                    {move || {
                        decision
                            .with(|d| {
                                d.notices
                                    .iter()
                                    .map(|n| {
                                        view! {
                                            <li class=notice_class(n.level) data-notice=n.id>
                                                <strong>{level_word(n.level)} ": "</strong>
                                                {n.text.clone()}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
            </div>
            <div class="cbw-request">
                <h3 class="cbw-subtitle" id=request_id.clone()>"Request Create would send"</h3>
                <p class="cbw-endpoint">
                    <code>{endpoint}</code>
                    " "
                    <span class="cbw-hint">
                        {move || state.request.with(|r| if r.is_schedule() { "(a BackupScheduleCreateRequest)" } else { "(a BackupCreateRequest)" })}
                    </span>
                </p>
                <pre class="cbw-json" tabindex="0" role="region" aria-labelledby=request_id><code>{body_json}</code></pre>
            </div>
        </section>
    }
}
