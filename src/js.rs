//! The JavaScript boundary: values cross as plain objects, parsed and printed by the browser's
//! own JSON, so the wasm carries no JSON text parser or printer.

use backup_matrix::json::{Json, ToJson, MAX_DEPTH};
use wasm_bindgen::{JsCast, JsValue};

/// A Rust value as a plain JS object, as its JSON gives it.
pub fn to_js(value: &(impl ToJson + ?Sized)) -> JsValue {
    js_value(&value.to_json())
}

/// A JSON tree as plain JS values: the one walk every event and export goes through.
fn js_value(json: &Json) -> JsValue {
    match json {
        Json::Null => JsValue::NULL,
        Json::Bool(value) => JsValue::from_bool(*value),
        Json::Number(number) => JsValue::from_f64(*number),
        Json::String(text) => JsValue::from_str(text),
        Json::Array(items) => items.iter().map(js_value).collect::<js_sys::Array>().into(),
        Json::Object(entries) => {
            let object = js_sys::Object::new();
            for (key, value) in entries {
                // Cannot fail on a fresh plain object.
                let _ = js_sys::Reflect::set(&object, &js_key(key), &js_value(value));
            }
            object.into()
        }
    }
}

thread_local! {
    /// Object keys made so far: the schema's few dozen names, each crossing to JS once rather
    /// than once per object (200 provisioners are 1,400 keys in every `backup-change`).
    static KEYS: std::cell::RefCell<Vec<(String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many keys are kept: the schema's names fit; names a host chose (the request's mapping is
/// keyed by provisioner) are made anew instead of growing the list.
const MAX_KEYS: usize = 96;

/// An object key as a JS string, made once per schema name.
fn js_key(key: &str) -> JsValue {
    KEYS.with_borrow_mut(|keys| {
        if let Some((_, value)) = keys.iter().find(|(name, _)| name == key) {
            return value.clone();
        }
        let value = JsValue::from_str(key);
        // The schema's keys are identifiers; provisioner names have dots or dashes.
        let schema_like = key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if schema_like && keys.len() < MAX_KEYS {
            keys.push((key.to_owned(), value.clone()));
        }
        value
    })
}

/// A Rust value as indented JSON text, for people to read.
pub fn pretty(value: &(impl ToJson + ?Sized)) -> String {
    pretty_json(&value.to_json())
}

/// A JSON tree as text indented by two spaces, printed by the browser's `JSON.stringify`.
pub fn pretty_json(json: &Json) -> String {
    pretty_text(json).as_string().unwrap_or_default()
}

/// `pretty_json`, left a JS string: text that only goes back into the page never crosses into
/// the wasm (the request of 200 provisioners is tens of KB).
pub fn pretty_text(json: &Json) -> JsValue {
    js_sys::JSON::stringify_with_replacer_and_space(&js_value(json), &JsValue::NULL, &JsValue::from(2))
        .map(JsValue::from)
        .unwrap_or_default()
}

/// A JSON tree as compact text, printed by the browser's `JSON.stringify`.
pub fn compact_json(json: &Json) -> String {
    js_sys::JSON::stringify(&js_value(json)).ok().and_then(|text| text.as_string()).unwrap_or_default()
}

/// Parses JSON text with the browser's `JSON.parse` into a tree; says why when it cannot.
pub fn parse_json(text: &str) -> Result<Json, String> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        format!("not valid JSON: {message}")
    })?;
    tree(&value, 0)
}

/// The tree of a parsed value; nesting past `MAX_DEPTH` is refused, as natively.
fn tree(value: &JsValue, depth: usize) -> Result<Json, String> {
    if depth > MAX_DEPTH {
        return Err(format!("not valid JSON: nested more than {MAX_DEPTH} levels deep"));
    }
    Ok(if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        Json::Number(number)
    } else if let Some(text) = value.as_string() {
        Json::String(text)
    } else if let Some(items) = value.dyn_ref::<js_sys::Array>() {
        Json::Array(items.iter().map(|item| tree(&item, depth + 1)).collect::<Result<_, _>>()?)
    } else if value.is_object() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        Json::Object(
            entries
                .iter()
                .map(|entry| {
                    let pair: js_sys::Array = entry.unchecked_into();
                    Ok((pair.get(0).as_string().unwrap_or_default(), tree(&pair.get(1), depth + 1)?))
                })
                .collect::<Result<_, String>>()?,
        )
    } else {
        Json::Null
    })
}
