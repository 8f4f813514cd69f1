//! Taking the request away: copy it to the clipboard as JSON or as a `curl` command, download
//! it as a JSON file, or print the form with its preview and marked tables (the print
//! stylesheet leaves the rest out).

use backup_matrix::config::check_object_name;
use backup_matrix::request;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::FormState;

/// A short text for a JavaScript error: its message, or what it is.
fn error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_owned())
}

/// The file name of a downloaded request: the backup's name when it is a valid one.
pub fn file_name(backup_name: &str) -> String {
    let base = if check_object_name(backup_name).is_ok() { backup_name } else { "backup" };
    format!("{base}-request.json")
}

/// Writes `text` to the clipboard; `done` gets what to tell the user, naming `what` was copied.
fn copy(text: &str, what: &'static str, done: RwSignal<Option<String>>) {
    // Missing outside secure contexts (HTTPS or localhost).
    let clipboard = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined())
        .map(JsCast::unchecked_into::<web_sys::Clipboard>);
    let Some(clipboard) = clipboard else {
        done.set(Some(format!(
            "Could not copy {what}: this page has no clipboard access (it needs HTTPS or localhost)."
        )));
        return;
    };
    let ok = Closure::<dyn FnMut(JsValue)>::once(move |_| {
        done.try_set(Some(format!("Copied {what} to the clipboard.")));
    });
    let failed = Closure::<dyn FnMut(JsValue)>::once(move |error| {
        done.try_set(Some(format!("Could not copy {what}: {}.", error_text(&error))));
    });
    let _ = clipboard.write_text(text).then2(&ok, &failed);
    // The promise calls one of them, later; the pair is small and freed with the page.
    ok.forget();
    failed.forget();
}

/// Saves `text` as a JSON file through a Blob URL and a link with `download`.
fn download(text: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Later, so that the browser has started the download.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(10));
    Ok(())
}

/// Copy (JSON or curl), Download and Print buttons, and what the last one did.
#[component]
pub fn TakeAway(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    // What the last button did; `None` while a copy is under way.
    let done = RwSignal::new(None::<String>);
    let json = move || {
        state.request.with_untracked(|request| serde_json::to_string_pretty(request).unwrap_or_default())
    };
    let copy_json = move |_| {
        done.set(None);
        copy(&json(), "the request JSON", done);
    };
    let copy_curl = move |_| {
        done.set(None);
        let curl = state.request.with_untracked(request::curl);
        copy(&curl, "the curl command", done);
    };
    let save = move |_| {
        let name = state.config.with_untracked(|c| file_name(&c.backup_name));
        done.set(Some(match download(&json(), &name) {
            Ok(()) => format!("Downloaded the request as {name}."),
            Err(error) => format!("Could not download: {}.", error_text(&error)),
        }));
    };
    view! {
        <p class="cbw-hint">
            "The request as the preview shows it (method, path and body), whether or not Create would send it now. The curl command reads the API's address and a bearer token from the shell variables PXB_URL and PXB_TOKEN: set them first. Printing leaves these panels and the buttons out."
        </p>
        <div class="cbw-actions">
            <button type="button" class="cbw-button cbw-button-small" on:click=copy_json>
                "Copy request JSON"
            </button>
            <button type="button" class="cbw-button cbw-button-small" on:click=copy_curl>
                "Copy as curl"
            </button>
            <button type="button" class="cbw-button cbw-button-small" on:click=save>
                "Download request JSON"
            </button>
            <button type="button" class="cbw-button cbw-button-small" on:click=|_| drop(window().print())>
                "Print"
            </button>
        </div>
        <p class="cbw-answer" aria-live="polite">{move || done.get()}</p>
    }
}
