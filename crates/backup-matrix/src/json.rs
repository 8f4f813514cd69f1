//! A parsed JSON value as a plain tree, and the small strict reader the config is read with,
//! whoever parsed the text: the browser's `JSON.parse` in the widget (so the wasm carries no
//! JSON parser), serde_json natively. Hand-written rather than serde's derived visitors, which
//! cost the docs bundle about 14 KB of gzipped wasm for the same checks.
//!
//! Strict: an object must be an object (never an array of its fields), a choice must be a
//! string, unknown and repeated keys are errors. Every error names the field it is about, as a
//! path like `provisioners[2].name`.

use std::fmt;

use serde::de::{self, Visitor};

/// The deepest nesting a parser may build (serde_json's own limit): a deeper config is no
/// config, and a tree this deep is safe to walk recursively.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. An object keeps its keys in order, duplicates included, so that a key given
/// twice is an error rather than a silent overwrite.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// One step from a value to one inside it: a key of an object, or an index of an array.
#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// A value of the tree, with where it is: each node borrows its parent, so a path is only
/// written out when an error needs it.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    json: &'a Json,
    step: Step<'a>,
    parent: Option<&'a Node<'a>>,
}

/// What went wrong, and where; `path` is empty for the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub path: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The keys of an object, checked against the ones its type knows.
pub struct Object<'a> {
    node: &'a Node<'a>,
    entries: &'a [(String, Json)],
}

impl<'a> Node<'a> {
    /// The whole tree.
    pub fn root(json: &'a Json) -> Self {
        Node { json, step: Step::Root, parent: None }
    }

    /// The value itself.
    pub fn json(&self) -> &'a Json {
        self.json
    }

    /// The path of this value, like `provisioners[2].name`; empty for the root.
    pub fn path(&self) -> String {
        let mut path = self.parent.map(Node::path).unwrap_or_default();
        match self.step {
            Step::Root => {}
            Step::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Index(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
        path
    }

    /// An error about this value.
    pub fn fail(&self, message: String) -> Error {
        Error { message, path: self.path() }
    }

    /// "invalid type: ..., expected ...", worded as serde words it.
    pub fn invalid(&self, expected: &str) -> Error {
        self.fail(format!("invalid type: {}, expected {expected}", self.found()))
    }

    /// What this value is, as an error message says it ("string \"x\"", "integer `5`").
    fn found(&self) -> String {
        match self.json {
            Json::Null => "null".to_owned(),
            Json::Bool(value) => format!("boolean `{value}`"),
            // Integers only: printing a fraction would link Rust's float formatting into the wasm.
            Json::Number(number) => match whole_number(*number) {
                Some(Whole::Unsigned(value)) => format!("integer `{value}`"),
                Some(Whole::Signed(value)) => format!("integer `{value}`"),
                None => "a number".to_owned(),
            },
            Json::String(text) => format!("string \"{text}\""),
            Json::Array(_) => "sequence".to_owned(),
            Json::Object(_) => "map".to_owned(),
        }
    }

    /// A value inside this one.
    fn child<'b>(&'b self, json: &'b Json, step: Step<'b>) -> Node<'b> {
        Node { json, step, parent: Some(self) }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.json, Json::Null)
    }

    pub fn string(&self) -> Result<String, Error> {
        match self.json {
            Json::String(text) => Ok(text.clone()),
            _ => Err(self.invalid("a string")),
        }
    }

    pub fn bool(&self) -> Result<bool, Error> {
        match self.json {
            Json::Bool(value) => Ok(*value),
            _ => Err(self.invalid("a boolean")),
        }
    }

    /// One of `names`, by its index: a choice is always a string.
    pub fn choice(&self, names: &[&str]) -> Result<usize, Error> {
        let Json::String(text) = self.json else { return Err(self.invalid("a string")) };
        names
            .iter()
            .position(|name| name == text)
            .ok_or_else(|| self.fail(format!("unknown variant `{text}`, expected one of {}", listed(names))))
    }

    /// Reads each item of an array, each at its index.
    pub fn list<T>(&self, read: fn(&Node) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let Json::Array(items) = self.json else { return Err(self.invalid("a sequence")) };
        items.iter().enumerate().map(|(index, item)| read(&self.child(item, Step::Index(index)))).collect()
    }

    /// Reads each value of an object as a string, keeping the keys in order.
    pub fn string_map(&self) -> Result<Vec<(String, String)>, Error> {
        let Json::Object(entries) = self.json else { return Err(self.invalid("a map")) };
        entries
            .iter()
            .map(|(key, value)| Ok((key.clone(), self.child(value, Step::Key(key)).string()?)))
            .collect()
    }

    /// This value as an object whose keys are all in `known`, none twice.
    pub fn object<'b>(&'b self, known: &[&str]) -> Result<Object<'b>, Error> {
        let object = self.lenient_object()?;
        for (index, (key, _)) in object.entries.iter().enumerate() {
            let at = || self.child(&Json::Null, Step::Key(key));
            if !known.contains(&key.as_str()) {
                return Err(at().fail(format!("unknown field `{key}`, expected one of {}", listed(known))));
            }
            object.check_once(index, key)?;
        }
        Ok(object)
    }

    /// This value as an object that may have keys this reader does not read (a Kubernetes
    /// object's); only the keys it reads must not come twice.
    pub fn lenient_object<'b>(&'b self) -> Result<Object<'b>, Error> {
        match self.json {
            Json::Object(entries) => Ok(Object { node: self, entries }),
            _ => Err(self.invalid("an object")),
        }
    }
}

impl<'a> Object<'a> {
    /// An error unless `key`, at `index`, is its first appearance.
    fn check_once(&self, index: usize, key: &'a str) -> Result<(), Error> {
        if self.entries[..index].iter().any(|(earlier, _)| earlier == key) {
            let at = self.node.child(&Json::Null, Step::Key(key));
            return Err(at.fail(format!("duplicate field `{key}`")));
        }
        Ok(())
    }

    /// The value at `key`, when the object has it.
    pub fn get(&self, key: &'static str) -> Result<Option<Node<'a>>, Error> {
        let Some(index) = self.entries.iter().position(|(k, _)| k == key) else { return Ok(None) };
        self.check_once_after(index, key)?;
        Ok(Some(self.node.child(&self.entries[index].1, Step::Key(key))))
    }

    /// The value at `key` unless it is absent or `null` (an optional field).
    pub fn optional(&self, key: &'static str) -> Result<Option<Node<'a>>, Error> {
        Ok(self.get(key)?.filter(|node| !node.is_null()))
    }

    /// The value at `key`; an error names the key when it is absent.
    pub fn required(&self, key: &'static str) -> Result<Node<'a>, Error> {
        self.get(key)?.ok_or_else(|| {
            self.node.child(&Json::Null, Step::Key(key)).fail(format!("missing field `{key}`"))
        })
    }

    /// A key read by a lenient object must not come again later either.
    fn check_once_after(&self, index: usize, key: &'static str) -> Result<(), Error> {
        match self.entries[index + 1..].iter().position(|(k, _)| k == key) {
            Some(later) => self.check_once(index + 1 + later, key),
            None => Ok(()),
        }
    }
}

/// `a`, `b`, `c`: the names an error offers.
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

enum Whole {
    Unsigned(u64),
    Signed(i64),
}

/// A number that is whole and exact in a double; `None` for a fraction or a huge number
/// (nothing here takes one).
fn whole_number(number: f64) -> Option<Whole> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if number.fract() != 0.0 || number.abs() > EXACT {
        None
    } else if number >= 0.0 {
        Some(Whole::Unsigned(number as u64))
    } else {
        Some(Whole::Signed(number as i64))
    }
}

/// Builds the tree from any self-describing format (natively, serde_json's text parser).
impl<'de> de::Deserialize<'de> for Json {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        de::Deserialize::deserialize(deserializer)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value as f64))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json::Number(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Json::Object(entries))
    }
}

/// Parses JSON text into a tree with serde_json, or says why it cannot.
#[cfg(feature = "text")]
pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str::<Json>(text).map_err(|error| format!("not valid JSON: {error}"))
}

/// Prints a tree as compact JSON text with serde_json.
#[cfg(feature = "text")]
pub fn print(json: &Json) -> String {
    serde_json::to_string(json).unwrap_or_default()
}

/// Prints a tree as JSON text indented by two spaces with serde_json.
#[cfg(feature = "text")]
pub fn print_pretty(json: &Json) -> String {
    serde_json::to_string_pretty(json).unwrap_or_default()
}

/// A value as the JSON the contract gives it. Written by hand for each type rather than derived
/// with serde: the wasm then carries one walk from `Json` to a JS object instead of serde's
/// code per type and field. Natively, `serialize_as_json!` makes the same JSON a serde
/// `Serialize`, so serde_json and the tests see exactly what the widget emits.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        self.as_slice().to_json()
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Self {
        Json::String(text.to_owned())
    }
}

impl From<&String> for Json {
    fn from(text: &String) -> Self {
        Json::String(text.clone())
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Json::Bool(value)
    }
}

impl From<&[String]> for Json {
    fn from(items: &[String]) -> Self {
        Json::Array(items.iter().map(Json::from).collect())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Self {
        value.map_or(Json::Null, Into::into)
    }
}

/// Builds a JSON object field by field, in the contract's order.
#[derive(Default)]
pub struct Fields(Vec<(String, Json)>);

impl Fields {
    pub fn new() -> Self {
        Fields(Vec::new())
    }

    /// Adds `key`.
    pub fn with(mut self, key: &str, value: impl Into<Json>) -> Self {
        self.0.push((key.to_owned(), value.into()));
        self
    }

    /// Adds `key` only when there is a value: the contract leaves the key out otherwise.
    pub fn with_some(self, key: &str, value: Option<impl Into<Json>>) -> Self {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    pub fn build(self) -> Json {
        Json::Object(self.0)
    }
}

/// serde_json (natively, and for the training bundle's URL state) reads the tree as it is;
/// whole numbers stay integers.
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Number(number) => match whole_number(*number) {
                Some(Whole::Unsigned(value)) => serializer.serialize_u64(value),
                Some(Whole::Signed(value)) => serializer.serialize_i64(value),
                None => serializer.serialize_f64(*number),
            },
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(entries) => serializer.collect_map(entries.iter().map(|(key, value)| (key, value))),
        }
    }
}

/// `impl serde::Serialize` through `ToJson`, for types whose JSON is written by hand.
#[macro_export]
macro_rules! serialize_as_json {
    ($($type:ty),* $(,)?) => {
        $(
            impl serde::Serialize for $type {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serde::Serialize::serialize(&$crate::json::ToJson::to_json(self), serializer)
                }
            }
        )*
    };
}
