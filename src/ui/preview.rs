//! The live preview: the headline, each provisioner's outcome, the notices, and the request.

use backup_matrix::{BackupType, Decision, Level};
use leptos::prelude::*;
use wasm_bindgen::UnwrapThrowExt;
use web_sys::Element;

use super::markup::{bind_class, bind_html, bind_text, effect, find, markup, push_escaped};
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
    bind_outcomes(find(&state, root, "outcomes").into(), decision);
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
    // The request memo changes only when the request does; its text goes from JS to the page.
    let json = find(&state, root, "json");
    effect(move || {
        let text = request.with(|r| crate::js::pretty_text(&r.body));
        let _ = js_sys::Reflect::set(&json, &"textContent".into(), &text);
    });
}

/// A line of the outcome list: the name, the backup type, the row of Table 1, and why, each
/// with a text node of its own to write into.
const OUTCOME: &str = r#"<code class="cbw-outcome-name"> </code><span> </span><span class="cbw-outcome-row"> </span><span class="cbw-reason"> </span>"#;

/// One line: the `li`, its four text nodes, and the texts they show.
struct Line {
    item: Element,
    texts: Vec<(web_sys::Node, String)>,
}

/// The outcome list, a line per provisioner. Lines are added or removed only when the number
/// of provisioners changes, and only texts that changed are written, in place: a change of one
/// select touches one line.
fn bind_outcomes(list: Element, decision: Memo<Decision>) {
    let mut lines: Vec<Line> = Vec::new();
    effect(move || {
        decision.with(|d| {
            lines.truncate(d.provisioners.len());
            while list.child_element_count() as usize > lines.len() {
                list.last_element_child().unwrap_throw().remove();
            }
            while lines.len() < d.provisioners.len() {
                let item = document().create_element("li").unwrap_throw();
                item.set_class_name("cbw-outcome");
                item.set_inner_html(OUTCOME);
                let _ = list.append_child(&item);
                let parts = item.children();
                let texts = (0..4)
                    .map(|i| (parts.item(i).unwrap_throw().first_child().unwrap_throw(), String::new()))
                    .collect();
                lines.push(Line { item, texts });
            }
            for (line, p) in lines.iter_mut().zip(&d.provisioners) {
                let row = p
                    .csi_matrix_row
                    .map(|n| format!("Table 1, row {n}"))
                    .unwrap_or_else(|| "Cross cloud".to_owned());
                if line.texts[1].1 != p.backup_type.name() {
                    let _ = line.item.set_attribute("data-backup-type", p.backup_type.id());
                    let fails = p.backup_type == BackupType::Fails;
                    let badge = line.item.children().item(1).unwrap_throw();
                    badge.set_class_name(if fails { "cbw-badge cbw-badge-fail" } else { "cbw-badge" });
                }
                for ((node, shown), now) in
                    line.texts.iter_mut().zip([p.name.as_str(), p.backup_type.name(), &row, &p.reason])
                {
                    if shown != now {
                        node.set_node_value(Some(now));
                        *shown = now.to_owned();
                    }
                }
            }
        })
    });
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
