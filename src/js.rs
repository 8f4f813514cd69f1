//! The JavaScript boundary, with serde. Rust values go out as plain JS values through
//! serde-wasm-bindgen's JSON-compatible serializer (plain objects, `None` as `null`). Configs
//! come in as JS values, read by [`JsValueDeserializer`] as strictly as serde_json reads text.
//! JSON text is parsed and printed by the browser's `JSON`, so the wasm has no JSON text code.

use std::fmt;

use backup_matrix::config::{MAX_CONFIG_BYTES, ROOT_PATH};
use backup_matrix::{Config, ConfigError};
use serde::de::{
    self, DeserializeSeed, Deserializer, Expected, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
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

/// `pretty_text` as a Rust string (to copy, download, or put into a curl command).
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    pretty_text(value).as_string().unwrap_or_default()
}

/// A Rust value as compact JSON text, printed by the browser's `JSON.stringify`.
pub fn compact_text<T: Serialize + ?Sized>(value: &T) -> String {
    js_sys::JSON::stringify(&to_js(value)).ok().and_then(|text| text.as_string()).unwrap_or_default()
}

/// Reads a config from what a host hands in: JSON text (a `config` attribute or a string) or
/// an object. Limits, normalises and validates it; every error names its field.
pub fn config_from_js(value: &JsValue) -> Result<Config, ConfigError> {
    if let Some(text) = value.as_string() {
        return config_from_text(&text);
    }
    if value.is_object() {
        check_object_size(value)?;
    }
    Config::deserialize_from(JsValueDeserializer::new(value.clone()))
}

/// Reads a config from JSON text, parsed by the browser's `JSON.parse`; text that is not JSON
/// is an error at `(root)`.
pub fn config_from_text(text: &str) -> Result<Config, ConfigError> {
    Config::check_size(text.len())?;
    let value = js_sys::JSON::parse(text).map_err(|error| not_json(&error))?;
    Config::deserialize_from(JsValueDeserializer::new(value))
}

/// The 256 KiB limit for an object: the size of its JSON, in bytes of UTF-8.
fn check_object_size(value: &JsValue) -> Result<(), ConfigError> {
    let text = js_sys::JSON::stringify(value).map_err(|error| not_json(&error))?;
    // `toJSON` may turn an object into nothing at all; the deserializer then says what it is.
    if !text.is_string() {
        return Ok(());
    }
    // UTF-8 takes 1 to 3 bytes per UTF-16 unit: only text near the limit is copied to count them.
    let units = text.length() as usize;
    if units.saturating_mul(3) <= MAX_CONFIG_BYTES {
        return Ok(());
    }
    Config::check_size(String::from(text).len())
}

/// An error from the browser's `JSON` (a syntax error, a cycle), at `(root)`.
fn not_json(error: &JsValue) -> ConfigError {
    let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
    ConfigError::new(ROOT_PATH, format!("not valid JSON: {message}"))
}

/// A JS value read by serde's derive as serde_json reads JSON text. An object is a plain object
/// read by its own keys, unknown ones included (so `deny_unknown_fields` holds; serde-wasm-bindgen's
/// deserializer reads a struct's known keys only), and never an array; an array is an array; a
/// property set to `undefined` is absent, as `JSON.stringify` leaves it out. A value is only
/// looked into when the type asks for it, so an ignored value is never walked, however deep.
pub struct JsValueDeserializer(JsValue);

impl JsValueDeserializer {
    /// Reads `value`.
    pub fn new(value: JsValue) -> Self {
        JsValueDeserializer(value)
    }
}

/// A plain object: not `null`, not an array.
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value)
}

impl<'de> Deserializer<'de> for JsValueDeserializer {
    type Error = JsValueError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsValueError> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(flag) = value.as_bool() {
            visitor.visit_bool(flag)
        } else if let Some(number) = value.as_f64() {
            visit_number(number, visitor)
        } else if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if js_sys::Array::is_array(&value) {
            visitor.visit_seq(Items::new(value.unchecked_into()))
        } else if value.is_object() {
            visitor.visit_map(Entries::new(&value))
        } else {
            Err(invalid_type(&value, &visitor))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsValueError> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsValueError> {
        if is_plain_object(&self.0) {
            visitor.visit_map(Entries::new(&self.0))
        } else {
            Err(invalid_type(&self.0, &visitor))
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsValueError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsValueError> {
        match self.0.as_string() {
            Some(name) => visitor.visit_enum(IntoDeserializer::<JsValueError>::into_deserializer(name)),
            None => Err(invalid_type(&self.0, &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsValueError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct identifier
    }
}

/// 2^53: every whole number up to it is exact in a double.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// A whole number as an integer (as serde_json reads `5`), any other as a float.
fn visit_number<'de, V: Visitor<'de>>(number: f64, visitor: V) -> Result<V::Value, JsValueError> {
    match number_kind(number) {
        Unexpected::Unsigned(value) => visitor.visit_u64(value),
        Unexpected::Signed(value) => visitor.visit_i64(value),
        _ => visitor.visit_f64(number),
    }
}

/// A JS number as serde sees it: an integer when it is whole and exact, else a float.
fn number_kind(number: f64) -> Unexpected<'static> {
    if number.fract() != 0.0 || number.abs() > EXACT_INTEGERS {
        Unexpected::Float(number)
    } else if number >= 0.0 {
        Unexpected::Unsigned(number as u64)
    } else {
        Unexpected::Signed(number as i64)
    }
}

/// "invalid type: ..., expected ..." about `value`.
fn invalid_type(value: &JsValue, expected: &dyn Expected) -> JsValueError {
    let text;
    let found = if value.is_null() || value.is_undefined() {
        Unexpected::Unit
    } else if let Some(flag) = value.as_bool() {
        Unexpected::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        number_kind(number)
    } else if let Some(string) = value.as_string() {
        text = string;
        Unexpected::Str(&text)
    } else if js_sys::Array::is_array(value) {
        Unexpected::Seq
    } else if value.is_object() {
        Unexpected::Map
    } else if value.is_function() {
        Unexpected::Other("a function")
    } else if value.is_bigint() {
        Unexpected::Other("a BigInt")
    } else {
        Unexpected::Other("a symbol")
    };
    de::Error::invalid_type(found, expected)
}

/// The items of an array, each read when the type asks for it.
struct Items {
    array: js_sys::Array,
    next: u32,
}

impl Items {
    fn new(array: js_sys::Array) -> Self {
        Items { array, next: 0 }
    }
}

impl<'de> SeqAccess<'de> for Items {
    type Error = JsValueError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsValueError> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(JsValueDeserializer(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.array.length().saturating_sub(self.next) as usize)
    }
}

/// An object's own enumerable `[key, value]` pairs (`Object.entries`), in order; a property
/// whose value is `undefined` is skipped.
struct Entries {
    entries: js_sys::Array,
    next: u32,
    value: JsValue,
}

impl Entries {
    fn new(object: &JsValue) -> Self {
        Entries {
            entries: js_sys::Object::entries(object.unchecked_ref()),
            next: 0,
            value: JsValue::UNDEFINED,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = JsValueError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, JsValueError> {
        while self.next < self.entries.length() {
            let pair: js_sys::Array = self.entries.get(self.next).unchecked_into();
            self.next += 1;
            let value = pair.get(1);
            if value.is_undefined() {
                continue;
            }
            self.value = value;
            let key = pair.get(0).as_string().unwrap_or_default();
            return seed.deserialize(IntoDeserializer::<JsValueError>::into_deserializer(key)).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsValueError> {
        seed.deserialize(JsValueDeserializer(std::mem::take(&mut self.value)))
    }
}

/// Why a JS value is not what a config's type expects, worded as serde_json words it.
#[derive(Debug)]
pub struct JsValueError(String);

impl fmt::Display for JsValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsValueError {}

impl de::Error for JsValueError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        JsValueError(message.to_string())
    }

    fn invalid_type(found: Unexpected, expected: &dyn Expected) -> Self {
        JsValueError(format!("invalid type: {}, expected {expected}", described(found)))
    }

    fn invalid_value(found: Unexpected, expected: &dyn Expected) -> Self {
        JsValueError(format!("invalid value: {}, expected {expected}", described(found)))
    }
}

/// What was found, as serde_json says it (`null`, `string "x"`). Written here rather than with
/// serde's `Display`, which would link Rust's float formatting and Unicode escaping into the
/// wasm: a number is printed by the browser, a string quoted as it is.
fn described(found: Unexpected) -> String {
    match found {
        Unexpected::Unit => "null".to_owned(),
        Unexpected::Bool(value) => format!("boolean `{value}`"),
        Unexpected::Unsigned(value) => format!("integer `{value}`"),
        Unexpected::Signed(value) => format!("integer `{value}`"),
        Unexpected::Float(value) => {
            let text =
                js_sys::Number::from(value).to_string_with_radix(10).map(String::from).unwrap_or_default();
            format!("floating point `{text}`")
        }
        Unexpected::Char(value) => format!("character `{value}`"),
        Unexpected::Str(text) => format!("string \"{text}\""),
        Unexpected::Bytes(_) => "byte array".to_owned(),
        Unexpected::Option => "Option value".to_owned(),
        Unexpected::NewtypeStruct => "newtype struct".to_owned(),
        Unexpected::Seq => "sequence".to_owned(),
        Unexpected::Map => "map".to_owned(),
        Unexpected::Enum => "enum".to_owned(),
        Unexpected::UnitVariant => "unit variant".to_owned(),
        Unexpected::NewtypeVariant => "newtype variant".to_owned(),
        Unexpected::TupleVariant => "tuple variant".to_owned(),
        Unexpected::StructVariant => "struct variant".to_owned(),
        Unexpected::Other(other) => other.to_owned(),
    }
}
