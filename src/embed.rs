//! The host-facing API, exported to JavaScript. `js/host.js` wraps it: it defines the
//! `<create-backup-form>` element and the module's exports. A config comes in as the host
//! gave it, a plain object or JSON text (`crate::js::config_from_js` reads both); everything
//! going out is a plain object.

use backup_matrix::scenarios::{self, DEFAULT_SCENARIO, SCENARIOS};
use backup_matrix::{decide, Config, ConfigError, Decision, Request};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::js::{config_from_js, to_js};
use crate::state::FormState;
use crate::ui::{App, OnCreate, TrainingOptions};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

/// Reads the host's options, `{urlState: true, inventoryEditor: "hidden"}`; anything else,
/// including no object at all, leaves the defaults.
pub fn training_options(options: &JsValue) -> TrainingOptions {
    let field = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or_default();
    let editor = field("inventoryEditor");
    TrainingOptions {
        url_state: field("urlState") == JsValue::TRUE,
        hide_inventory_editor: editor.as_string().as_deref() == Some("hidden") || editor == JsValue::FALSE,
    }
}

/// Resolves what a host hands in: a config (an object or JSON text; `null` and `undefined` are
/// none) wins over a scenario id.
fn resolve(config: &JsValue, scenario: Option<String>) -> Result<Config, ConfigError> {
    if !config.is_null() && !config.is_undefined() {
        return config_from_js(config);
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
    fn send(&self, event: &str, detail: &JsValue) {
        let _ = self.emit.call2(&JsValue::NULL, &JsValue::from_str(event), detail);
    }
}

#[wasm_bindgen]
impl Widget {
    /// Replaces the config (an object or JSON text) or the scenario; on a bad one, keeps the
    /// last good state and returns the error, `{message, path}`.
    pub fn update(&self, config: JsValue, scenario: Option<String>) -> Option<JsValue> {
        // An unmounted handle ignores updates.
        self.mounted.as_ref()?;
        match resolve(&config, scenario) {
            Ok(config) => {
                self.state.replace(config);
                None
            }
            Err(error) => {
                let detail = to_js(&error);
                self.state.config_error.set(Some(error));
                self.send("backup-config-error", &detail);
                Some(detail)
            }
        }
    }

    /// The current Decision.
    pub fn decision(&self) -> JsValue {
        self.state.decision.try_with_untracked(to_js).unwrap_or(JsValue::NULL)
    }

    /// The current config.
    pub fn config(&self) -> JsValue {
        self.state.config.try_with_untracked(to_js).unwrap_or(JsValue::NULL)
    }

    /// Removes the widget; later calls on this handle do nothing.
    pub fn unmount(&mut self) {
        self.alive.set(false);
        self.mounted = None;
    }
}

/// The `whatIf` of one `backup-change`, kept with the Decision it belongs to until `host.js`
/// asks for its text: in idle time after the change, or at once when a host reads
/// `detail.whatIf` first. Freed as soon as it has been written.
#[wasm_bindgen]
pub struct WhatIfText(Arc<Decision>);

#[wasm_bindgen]
impl WhatIfText {
    /// The `whatIf` as compact JSON text.
    pub fn json(&self) -> String {
        serde_json::to_string(&self.0.what_if).unwrap_or_default()
    }
}

/// Mounts a widget into `element`. `emit(type, detail)` is called for every event.
/// A bad config still mounts the widget (with the default scenario) and shows the error.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    config: JsValue,
    scenario: Option<String>,
    emit: js_sys::Function,
) -> Widget {
    mount_with_options(element, config, scenario, emit, JsValue::UNDEFINED)
}

/// `mount`, with the host's options: `{urlState: true, inventoryEditor: "hidden"}`.
#[wasm_bindgen(js_name = mountWithOptions)]
pub fn mount_with_options(
    element: web_sys::HtmlElement,
    config: JsValue,
    scenario: Option<String>,
    emit: js_sys::Function,
    options: JsValue,
) -> Widget {
    let training = training_options(&options);
    let (config, error) = match resolve(&config, scenario) {
        Ok(config) => (config, None),
        Err(error) => (resolve(&JsValue::UNDEFINED, None).unwrap_or_default(), Some(error)),
    };
    let state = FormState::new(config);
    state.config_error.set(error.clone());
    let alive = Rc::new(Cell::new(true));
    let change_alive = alive.clone();
    let on_change = emit.clone();
    let create_emit = emit.clone();
    let handle = leptos::mount::mount_to(element, move || {
        // Runs once on start and after every change of the decision: the `backup-change` event.
        // Its `whatIf` goes beside the detail as a `WhatIfText`, which `host.js` writes out
        // after the change (200 provisioners of 50 VSCs make 1 MB of JSON).
        Effect::new(move |_| {
            let decision = state.decision.get();
            if !change_alive.get() {
                return;
            }
            let detail = to_js(&decision.summary());
            let _ = on_change.call3(
                &JsValue::NULL,
                &JsValue::from_str("backup-change"),
                &detail,
                &WhatIfText(decision).into(),
            );
        });
        let on_create: OnCreate = Rc::new(move |request: &Request| {
            let _ = create_emit.call2(&JsValue::NULL, &JsValue::from_str("backup-create"), &to_js(request));
        });
        view! { <App state on_create training /> }
    });
    let widget = Widget { state, mounted: Some(Box::new(handle)), emit, alive };
    if let Some(error) = error {
        widget.send("backup-config-error", &to_js(&error));
    }
    widget
}

/// Parses Leptos's static templates through `policy`, the page's Trusted Types policy
/// `create-backup-form` (`host.js` creates it once per page, before the first mount), so that
/// the widget renders where the page requires Trusted Types. Only the build's own template HTML
/// passes through it.
#[wasm_bindgen(js_name = setHtmlPolicy)]
pub fn set_html_policy(policy: JsValue) {
    leptos::tachys::renderer::Rndr::set_html_policy(policy);
}

/// Decides a config (an object or JSON text) with no DOM: the Decision, or throws
/// `{message, path}`.
#[wasm_bindgen(js_name = decideConfig)]
pub fn decide_config(config: JsValue) -> Result<JsValue, JsValue> {
    match config_from_js(&config) {
        Ok(config) => Ok(to_js(&decide(&config))),
        Err(error) => Err(to_js(&error)),
    }
}

/// The built-in scenarios, `[{id, title}]`.
#[wasm_bindgen(js_name = scenarioList)]
pub fn scenario_list() -> JsValue {
    to_js(SCENARIOS.as_slice())
}
