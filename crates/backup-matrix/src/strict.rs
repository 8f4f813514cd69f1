//! `deserialize_with` helpers that keep serde's derive as strict as the config contract: an
//! object is a map (never an array of its fields), a choice is a string, a repeated annotation

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::config::Selection;

/// A deserializer whose derived structs read a map only. serde_json's `deserialize_struct` also
/// hands a derived struct an array of its field values, which a config never is.
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_ignored_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
    }
}

/// A derived struct, read from an object only.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    T::deserialize(MapOnly(deserializer))
}

/// An optional derived struct: `null` (or absent, with `#[serde(default)]`) is `None`.
pub(crate) fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_option(OptionalObject(PhantomData))
}

struct OptionalObject<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OptionalObject<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        object(deserializer).map(Some)
    }
}

/// A list of derived structs, each read from an object only.
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_seq(Objects(PhantomData))
}

struct Objects<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ObjectSeed(PhantomData))? {
            items.push(item);
        }
        Ok(items)
    }
}

/// One item of `objects`.
struct ObjectSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        object(deserializer)
    }
}

/// One of a derived enum's unit variants, by its name: a string and nothing else (serde_json
/// would take `{"classic": null}` for a unit variant too, and word a number badly).
pub(crate) fn choice<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    let name = String::deserialize(deserializer)?;
    T::deserialize(IntoDeserializer::<D::Error>::into_deserializer(name))
}

/// A provisioner's `volumeSnapshotClass`: `null` is "no snapshot class" chosen, a string a class
/// by name; an absent key is `#[serde(default)]`'s `Selection::Auto`.
pub(crate) fn selection<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Selection, D::Error> {
    Ok(match Option::<String>::deserialize(deserializer)? {
        None => Selection::NoClass,
        Some(name) => Selection::Named(name),
    })
}

/// A Kubernetes object's `annotations`: string values, in the order given. A key given twice
/// is an error (a map type would silently keep one of them).
pub(crate) fn annotations<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(String, String)>, D::Error> {
    deserializer.deserialize_map(Annotations)
}

/// What an error says of a key given twice in a map; `Config::parse` puts the key
/// in the error's path.
pub(crate) const DUPLICATE_KEY: &str = "duplicate key `";

struct Annotations;

impl<'de> Visitor<'de> for Annotations {
    type Value = Vec<(String, String)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(String, String)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, String>()? {
            entries.push((key, value));
        }
        // Sorted rather than compared pairwise: a pasted list may hold many annotations.
        let sorted = crate::config::sorted_names(entries.iter().map(|(key, _)| key.as_str()));
        let repeat = sorted.windows(2).filter(|pair| pair[0].0 == pair[1].0).map(|pair| pair[1].1).min();
        match repeat {
            Some(index) => Err(de::Error::custom(format_args!("{DUPLICATE_KEY}{}`", entries[index].0))),
            None => Ok(entries),
        }
    }
}
