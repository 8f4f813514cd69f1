//! The live preview: the headline, each provisioner's outcome, the notices, and the request.

use backup_matrix::{BackupType, Decision, Level};
use leptos::prelude::*;
use web_sys::Element;

use super::markup::{bind_class, bind_html, bind_text, find, markup, push_element, push_escaped};
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

const PREVIEW: &str = concat!(
    r#"<section class="cbw-preview" part="preview" aria-labelledby="@preview-title"><h2 class="cbw-title" id="@preview-title">What this backup will be</h2>"#,
    r#"<div role="status" class="cbw-status"><p class="cbw-headline" id="@headline"></p><ul class="cbw-outcomes" id="@outcomes"></ul><ul class="cbw-notices" id="@notices"></ul></div>"#,
    r#"<div class="cbw-request"><h3 class="cbw-subtitle" id="@request">Request Create would send</h3><p class="cbw-endpoint"><code id="@endpoint"></code> <span class="cbw-hint" id="@request-kind"></span></p>"#,
    r#"<pre class="cbw-json" tabindex="0" role="region" aria-labelledby="@request"><code id="@json"></code></pre></div></section>"#
);

/// Updated on every change; the outcome part is a `role="status"` region.
#[component]
pub fn Preview(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    markup(state, "cbw-part", PREVIEW, move |root| bind(state, &root), None)
}

fn bind(state: FormState, root: &Element) {
    let decision = state.decision;
    let can_create = move || decision.with(|d| d.can_create);
    let headline: Element = find(&state, root, "headline").into();
    bind_class(headline.clone(), "cbw-ok", can_create);
    bind_class(headline.clone(), "cbw-fail", move || !can_create());
    bind_html(headline, move || {
        decision.with(|d| {
            let mark = if d.can_create { "✓" } else { "✕" };
            let mut html = format!(r#"<span class="cbw-mark" aria-hidden="true">{mark}</span>"#);
            push_escaped(&mut html, &d.headline());
            html
        })
    });
    bind_html(find(&state, root, "outcomes").into(), move || decision.with(outcomes_html));
    bind_html(find(&state, root, "notices").into(), move || decision.with(notices_html));
    let request = state.request;
    bind_text(find(&state, root, "endpoint").into(), move || {
        request.with(|r| format!("{} {}", r.method, r.path))
    });
    bind_text(find(&state, root, "request-kind").into(), move || {
        request
            .with(
                |r| {
                    if r.is_schedule() {
                        "(a BackupScheduleCreateRequest)"
                    } else {
                        "(a BackupCreateRequest)"
                    }
                },
            )
            .to_owned()
    });
    bind_text(find(&state, root, "json").into(), move || request.with(|r| crate::js::pretty(&r.body)));
}

/// Each provisioner's outcome: its name, the backup type, the row of Table 1, and why.
fn outcomes_html(decision: &Decision) -> String {
    let mut html = String::new();
    for p in &decision.provisioners {
        html.push_str(r#"<li class="cbw-outcome" data-backup-type=""#);
        html.push_str(p.backup_type.id());
        html.push_str(r#"">"#);
        push_element(&mut html, "code", r#" class="cbw-outcome-name""#, &p.name);
        let badge = if p.backup_type == BackupType::Fails {
            r#" class="cbw-badge cbw-badge-fail""#
        } else {
            r#" class="cbw-badge""#
        };
        push_element(&mut html, "span", badge, p.backup_type.name());
        let row =
            p.csi_matrix_row.map(|n| format!("Table 1, row {n}")).unwrap_or_else(|| "Cross cloud".to_owned());
        push_element(&mut html, "span", r#" class="cbw-outcome-row""#, &row);
        push_element(&mut html, "span", r#" class="cbw-reason""#, &p.reason);
        html.push_str("</li>");
    }
    html
}

/// The notices, each with its level in words.
fn notices_html(decision: &Decision) -> String {
    let mut html = String::new();
    for n in &decision.notices {
        html.push_str("<li class=\"");
        html.push_str(notice_class(n.level));
        html.push_str("\" data-notice=\"");
        push_escaped(&mut html, n.id);
        html.push_str("\"><strong>");
        html.push_str(level_word(n.level));
        html.push_str(": </strong>");
        push_escaped(&mut html, &n.text);
        html.push_str("</li>");
    }
    html
}
