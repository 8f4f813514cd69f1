//! The whole form state in the page's URL hash, when the host allows it: restored on load
//! and when the hash changes, written on every change with `history.replaceState`.

use backup_matrix::share;
use leptos::prelude::*;

use crate::state::FormState;

/// Replaces the hash of the page's URL, adding no history entry.
fn write_hash(link: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{link}")));
    }
}

/// Applies the hash's form state; says why not when it cannot, and keeps the form as it is
/// (`kept` says what that is: the starting state on load, the current one later).
fn restore(state: FormState, notice: RwSignal<Option<String>>, kept: &str) {
    let hash = window().location().hash().unwrap_or_default();
    if hash.len() <= 1 {
        return;
    }
    match share::decode(&hash) {
        Ok(config) => {
            notice.set(None);
            if state.config.with_untracked(|c| *c != config) {
                state.replace(config);
            }
        }
        Err(message) => notice.set(Some(format!("{}. {kept}", message.trim_end_matches('.')))),
    }
}

/// Keeps the form state in the URL hash when `enabled`; shows a short notice when a hash
/// could not be restored. Renders nothing when not enabled.
#[component]
pub fn LinkState(
    /// The widget's state.
    state: FormState,
    /// Whether the host allows the URL state (`url-state`).
    enabled: bool,
) -> impl IntoView {
    enabled.then(|| {
        // Why the last link was not applied; `None` once the form and the link agree.
        let notice = RwSignal::new(None::<String>);
        // Before the form renders, so its fields start with the restored text.
        restore(state, notice, "The form shows its starting state.");
        let listener = window_event_listener_untyped("hashchange", move |_| {
            restore(state, notice, "The form keeps its current state.")
        });
        on_cleanup(move || listener.remove());
        // Gets the link it wrote last; its first run writes nothing: loading the page leaves
        // its URL as it is.
        Effect::new(move |written: Option<String>| {
            let link = state.config.with(share::encode);
            if written.is_some_and(|w| w != link) && link.len() <= share::MAX_STATE_CHARS {
                write_hash(&link);
                notice.set(None);
            }
            link
        });
        view! { <LinkNotice notice /> }
    })
}

/// "Link not applied", and why; in the page but hidden while there is nothing to say.
#[component]
fn LinkNotice(
    /// Why the last link was not applied, if it was not.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <p class="cbw-link-notice" hidden=move || notice.with(Option::is_none) aria-live="polite">
            <strong>"Link not applied: "</strong>
            <span>{move || notice.get()}</span>
        </p>
    }
}
