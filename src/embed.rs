//! The host-facing API, exported to JavaScript. `js/backup-form.js` wraps it: it defines the
//! `<create-backup-form>` element and turns the JSON strings here into plain objects.

use backup_matrix::scenarios::{self, DEFAULT_SCENARIO, SCENARIOS};
use backup_matrix::{decide, Config, ConfigError, Request};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::state::FormState;
use crate::ui::{App, OnCreate, TrainingOptions};
use std::cell::Cell;
use std::rc::Rc;

fn error_json(error: &ConfigError) -> String {
    serde_json::to_string(error).unwrap_or_default()
}

/// Resolves what a host hands in: a config's JSON text wins over a scenario id.
fn resolve(config_json: Option<String>, scenario: Option<String>) -> Result<Config, ConfigError> {
    if let Some(text) = config_json {
        return Config::parse(&text);
    }
    let id = scenario.unwrap_or_else(|| DEFAULT_SCENARIO.to_owned());
    scenarios::find(&id).map(|s| s.config()).ok_or_else(|| {
        let known: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
        ConfigError::new("scenario", format!("unknown scenario \"{id}\"; known: {}", known.join(", ")))
    })
}

/// A mounted widget. Dropping it, or `unmount`, removes the widget from its element.
#[wasm_bindgen]
pub struct Widget {
    state: FormState,
    mounted: Option<Box<dyn std::any::Any>>,
    emit: js_sys::Function,
    /// Cleared by `unmount`: an effect already queued must not speak for a widget that is gone.
    alive: Rc<Cell<bool>>,
}

impl Widget {
    fn send(&self, event: &str, detail: &str) {
        let _ = self.emit.call2(&JsValue::NULL, &JsValue::from_str(event), &JsValue::from_str(detail));
    }
}

#[wasm_bindgen]
impl Widget {
    /// Replaces the config (JSON text) or the scenario; on a bad one, keeps the last good state
    /// and returns the error as JSON `{message, path}`.
    pub fn update(&self, config_json: Option<String>, scenario: Option<String>) -> Option<String> {
        // An unmounted handle ignores updates.
        self.mounted.as_ref()?;
        match resolve(config_json, scenario) {
            Ok(config) => {
                self.state.replace(config);
                None
            }
            Err(error) => {
                let json = error_json(&error);
                self.state.config_error.set(Some(error));
                self.send("backup-config-error", &json);
                Some(json)
            }
        }
    }

    /// The current Decision as JSON text.
    pub fn decision(&self) -> String {
        self.state
            .decision
            .try_with_untracked(|d| serde_json::to_string(d).unwrap_or_default())
            .unwrap_or_default()
    }

    /// The current config as JSON text.
    pub fn config(&self) -> String {
        self.state
            .config
            .try_with_untracked(|c| serde_json::to_string(c).unwrap_or_default())
            .unwrap_or_default()
    }

    /// Removes the widget; later calls on this handle do nothing.
    pub fn unmount(&mut self) {
        self.alive.set(false);
        self.mounted = None;
    }
}

/// Mounts a widget into `element`. `emit(type, detailJson)` is called for every event.
/// A bad config still mounts the widget (with the default scenario) and shows the error.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    config_json: Option<String>,
    scenario: Option<String>,
    emit: js_sys::Function,
) -> Widget {
    mount_with_options(element, config_json, scenario, emit, None)
}

/// `mount`, with the host's options as JSON: `{"urlState": true, "inventoryEditor": "hidden"}`.
#[wasm_bindgen(js_name = mountWithOptions)]
pub fn mount_with_options(
    element: web_sys::HtmlElement,
    config_json: Option<String>,
    scenario: Option<String>,
    emit: js_sys::Function,
    options_json: Option<String>,
) -> Widget {
    let training = TrainingOptions::from_json(options_json.as_deref());
    let (config, error) = match resolve(config_json, scenario) {
        Ok(config) => (config, None),
        Err(error) => (resolve(None, None).unwrap_or_default(), Some(error)),
    };
    let state = FormState::new(config);
    state.config_error.set(error.clone());
    let alive = Rc::new(Cell::new(true));
    let change_alive = alive.clone();
    let on_change = emit.clone();
    let create_emit = emit.clone();
    let handle = leptos::mount::mount_to(element, move || {
        // Runs once on start and after every change of the decision: the `backup-change` event.
        Effect::new(move |_| {
            let detail = state.decision.with(|d| serde_json::to_string(d).unwrap_or_default());
            if !change_alive.get() {
                return;
            }
            let _ = on_change.call2(
                &JsValue::NULL,
                &JsValue::from_str("backup-change"),
                &JsValue::from_str(&detail),
            );
        });
        let on_create: OnCreate = Rc::new(move |request: &Request| {
            let detail = serde_json::to_string(request).unwrap_or_default();
            let _ = create_emit.call2(
                &JsValue::NULL,
                &JsValue::from_str("backup-create"),
                &JsValue::from_str(&detail),
            );
        });
        view! { <App state on_create training /> }
    });
    let widget = Widget { state, mounted: Some(Box::new(handle)), emit, alive };
    if let Some(error) = error {
        widget.send("backup-config-error", &error_json(&error));
    }
    widget
}

/// Decides a config (JSON text) with no DOM: the Decision as JSON, or throws `{message, path}`.
#[wasm_bindgen(js_name = decideJson)]
pub fn decide_json(config_json: &str) -> Result<String, JsValue> {
    match Config::parse(config_json) {
        Ok(config) => Ok(serde_json::to_string(&decide(&config)).unwrap_or_default()),
        Err(error) => Err(JsValue::from_str(&error_json(&error))),
    }
}

/// The built-in scenarios as JSON `[{id, title}]`.
#[wasm_bindgen(js_name = scenariosJson)]
pub fn scenarios_json() -> String {
    serde_json::to_string(&SCENARIOS).unwrap_or_default()
}
