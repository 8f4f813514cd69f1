//! A parsed JSON value as a plain tree, and a strict serde `Deserializer` over it that knows
//! where it is. The config's types are read through it, whoever parsed the text: the browser's
//! `JSON.parse` in the widget (so the wasm carries no JSON parser), serde_json natively.
//!
//! Strict where serde's derived types are lenient: a struct must be an object (never an
//! array of its fields), a choice must be a string, a whole number must be whole. Every error
//! names the field it is about, as a path like `provisioners[2].name`.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};

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

/// Where a value is: the root, a key of an object, or an index of an array.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// What went wrong, and where; `path` is empty for the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub path: String,
    /// Set until the error has passed the value it is about, which then names its path.
    located: bool,
    /// A field missing from, or repeated in, the struct being read: the path names it.
    field: Option<&'static str>,
}

impl Error {
    fn new(message: String) -> Self {
        Error { message, path: String::new(), located: false, field: None }
    }

    /// Puts the error at `path` (and its field), unless a value deeper down already did.
    fn at(mut self, path: &Path) -> Self {
        if !self.located {
            self.located = true;
            self.path = match self.field {
                Some(field) => Path::Key(path, field).to_string(),
                None => path.to_string(),
            };
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(message.to_string())
    }

    // serde's own message would format an `Unexpected::Float`, which links Rust's float printing
    // into the wasm: these say the same without it.
    fn invalid_type(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(format!("invalid type: {}, expected {expected}", Found(unexpected)))
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(format!("invalid value: {}, expected {expected}", Found(unexpected)))
    }

    fn missing_field(field: &'static str) -> Self {
        Error { field: Some(field), ..Error::new(format!("missing field `{field}`")) }
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error { field: Some(field), ..Error::new(format!("duplicate field `{field}`")) }
    }
}

/// What was found, worded as serde words it, with any number but an integer as "a number".
struct Found<'a>(Unexpected<'a>);

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(_) => f.write_str("a number"),
            Unexpected::Bool(value) => write!(f, "boolean `{value}`"),
            Unexpected::Unsigned(value) => write!(f, "integer `{value}`"),
            Unexpected::Signed(value) => write!(f, "integer `{value}`"),
            Unexpected::Str(text) => write!(f, "string \"{text}\""),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Other(other) => f.write_str(other),
            _ => f.write_str("a value of another kind"),
        }
    }
}

/// Reads `value` as a `T`, strictly; errors carry the path of the field they are about.
pub fn from_json<'de, T: de::Deserialize<'de>>(value: &'de Json) -> Result<T, Error> {
    T::deserialize(Value { json: value, path: &Path::Root })
}

/// One value of the tree, with where it is.
struct Value<'de, 'p> {
    json: &'de Json,
    path: &'p Path<'p>,
}

impl Value<'_, '_> {
    /// What was found, in the words of serde's messages ("invalid type: string \"x\", ...").
    fn unexpected(&self) -> Unexpected<'_> {
        match self.json {
            Json::Null => Unexpected::Other("null"),
            Json::Bool(value) => Unexpected::Bool(*value),
            Json::Number(number) => match whole_number(*number) {
                Some(Whole::Unsigned(value)) => Unexpected::Unsigned(value),
                Some(Whole::Signed(value)) => Unexpected::Signed(value),
                None => Unexpected::Other("a number"),
            },
            Json::String(text) => Unexpected::Str(text),
            Json::Array(_) => Unexpected::Seq,
            Json::Object(_) => Unexpected::Map,
        }
    }

    fn invalid(&self, expected: &str) -> Error {
        de::Error::invalid_type(self.unexpected(), &expected)
    }
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

impl<'de> de::Deserializer<'de> for Value<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let path = self.path;
        let result = match self.json {
            // Only an Option (deserialize_option) or an ignored value takes null here.
            Json::Null => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
            Json::Bool(value) => visitor.visit_bool(*value),
            // Not visit_f64 for a fraction: nothing here takes one, and saying so needs no float
            // formatting in the wasm.
            Json::Number(number) => match whole_number(*number) {
                Some(Whole::Unsigned(value)) => visitor.visit_u64(value),
                Some(Whole::Signed(value)) => visitor.visit_i64(value),
                None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
            },
            Json::String(text) => visitor.visit_str(text),
            Json::Array(items) => visitor.visit_seq(Items { items: items.iter().enumerate(), path }),
            Json::Object(entries) => visitor.visit_map(Entries { entries: entries.iter(), path, next: None }),
        };
        result.map_err(|error| error.at(path))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let path = self.path;
        match self.json {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|error| error.at(path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // serde's derived structs would also take an array of their fields in order.
        match self.json {
            Json::Object(_) => self.deserialize_any(visitor),
            _ => Err(self.invalid("an object").at(self.path)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The config's choices are plain strings; `{"classic": null}` is not one.
        match self.json {
            Json::String(text) => visitor
                .visit_enum(text.as_str().into_deserializer())
                .map_err(|error: Error| error.at(self.path)),
            _ => Err(self.invalid("a string").at(self.path)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

/// The items of an array, each at its index.
struct Items<'de, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Json>>,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some((index, json)) => {
                let path = Path::Index(self.path, index);
                seed.deserialize(Value { json, path: &path }).map(Some).map_err(|error| error.at(&path))
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, each value at its key; an unknown key is an error at that key.
struct Entries<'de, 'p> {
    entries: std::slice::Iter<'de, (String, Json)>,
    path: &'p Path<'p>,
    next: Option<&'de (String, Json)>,
}

impl<'de> de::MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else { return Ok(None) };
        self.next = Some(entry);
        let key: de::value::StrDeserializer<'_, Error> = entry.0.as_str().into_deserializer();
        seed.deserialize(key).map(Some).map_err(|error| error.at(&Path::Key(self.path, &entry.0)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, json) = self.next.take().ok_or_else(|| Error::new("a value without a key".to_owned()))?;
        let path = Path::Key(self.path, key);
        seed.deserialize(Value { json, path: &path }).map_err(|error| error.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
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
