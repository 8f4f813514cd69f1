//! The JavaScript boundary, with serde. Rust values go out as plain JS values through
//! serde-wasm-bindgen's JSON-compatible serializer (plain objects, `None` as `null`). Configs
//! come in as JSON text and are read by serde_json, exactly as natively: a host's object is
//! printed by the browser's `JSON.stringify` first. serde-wasm-bindgen's own deserializer reads a
//! struct's known keys only, so `deny_unknown_fields` could not hold on a JS object
//! (RReverser/serde-wasm-bindgen#39); the text also gives the 256 KiB limit its size.

use backup_matrix::config::ROOT_PATH;
use backup_matrix::{Config, ConfigError};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Plain objects (not `Map`s) and `null` for `None`: what `JSON.parse` of the value's JSON gives.
const JSON_COMPATIBLE: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// A Rust value as a plain JS value, as its JSON gives it.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // The widget's types hold only strings, booleans, small numbers, lists and string-keyed
    // objects, which serialize without error.
    value.serialize(&JSON_COMPATIBLE).unwrap_or(JsValue::NULL)
}

/// A Rust value as JSON text indented by two spaces (`JSON.stringify(value, null, 2)`), left a
/// JS string: text that only goes back into the page never crosses into the wasm.
pub fn pretty_text<T: Serialize + ?Sized>(value: &T) -> JsValue {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(value), &JsValue::NULL, &JsValue::from(2))
        .map(JsValue::from)
        .unwrap_or_default()
}

/// Reads a config from what a host hands in: JSON text (a `config` attribute or a string) or
/// an object, which the browser prints as JSON. Limits, normalises and validates it; every error
/// names its field.
pub fn config_from_js(value: &JsValue) -> Result<Config, ConfigError> {
    if let Some(text) = value.as_string() {
        return Config::parse(&text);
    }
    let text = js_sys::JSON::stringify(value).map_err(|error| not_json(&error))?;
    // `undefined`, a function or a symbol print as nothing at all: no config.
    let text = text.as_string().ok_or_else(|| {
        ConfigError::new(
            ROOT_PATH,
            "expected a config object or its JSON text, got nothing that prints as JSON",
        )
    })?;
    Config::parse(&text)
}

/// An error from the browser's `JSON.stringify` (a cycle, a BigInt), at `(root)`.
fn not_json(error: &JsValue) -> ConfigError {
    let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    ConfigError::new(ROOT_PATH, format!("not valid JSON: {message}"))
}
