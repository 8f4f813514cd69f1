//! Reading a config: serde's derive into the config's types (kept strict by `crate::strict`),
//! every error with its path (serde_path_to_error), then the `kubernetes` lists folded in and
//! the result checked. One entry point over any self-describing `Deserializer`:
//! serde_json's text natively (`Config::parse`), JS values in the widget.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::{
    default_locations, default_namespaces, default_org_id, default_schedule_policies, BackupKind,
    BackupLocation, BackupObject, Cluster, Config, ConfigError, FieldPaths, Provisioner, SchedulePolicy,
    MAX_CONFIG_BYTES, ROOT_PATH,
};
use crate::kubernetes::KubernetesInput;
use crate::strict;
use crate::types::Mode;

/// A config as a host writes it: the config's own keys, and the `kubernetes` lists still to
/// fold in. An absent key keeps its default; only an optional one may be `null`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
struct ConfigDocument {
    #[serde(default, deserialize_with = "strict::objects")]
    provisioners: Vec<Provisioner>,
    #[serde(default, deserialize_with = "strict::optional_object")]
    kubernetes: Option<KubernetesInput>,
    #[serde(default)]
    offload: bool,
    #[serde(default)]
    cross_cloud: bool,
    #[serde(default, deserialize_with = "strict::choice")]
    mode: Mode,
    #[serde(default, deserialize_with = "strict::optional_object")]
    cluster: Option<Cluster>,
    #[serde(default = "default_org_id")]
    org_id: String,
    #[serde(default)]
    backup_name: String,
    #[serde(default = "default_locations", deserialize_with = "strict::objects")]
    backup_locations: Vec<BackupLocation>,
    #[serde(default)]
    backup_location: Option<String>,
    #[serde(default = "default_namespaces")]
    namespaces: Vec<String>,
    #[serde(default, deserialize_with = "strict::choice")]
    backup_kind: BackupKind,
    #[serde(default, deserialize_with = "strict::choice")]
    backup_object: BackupObject,
    #[serde(default = "default_schedule_policies")]
    schedule_policies: Vec<SchedulePolicy>,
    #[serde(default)]
    schedule_policy: Option<String>,
}

impl ConfigDocument {
    /// Folds the `kubernetes` lists in and checks the result.
    fn normalized(self) -> Result<Config, ConfigError> {
        let config = Config {
            provisioners: self.provisioners,
            offload: self.offload,
            cross_cloud: self.cross_cloud,
            mode: self.mode,
            cluster: self.cluster,
            org_id: self.org_id,
            backup_name: self.backup_name,
            backup_locations: self.backup_locations,
            backup_location: self.backup_location,
            namespaces: self.namespaces,
            backup_kind: self.backup_kind,
            backup_object: self.backup_object,
            schedule_policies: self.schedule_policies,
            schedule_policy: self.schedule_policy,
            unmatched_snapshot_classes: Vec::new(),
        };
        config.normalized(self.kubernetes)
    }
}

impl Config {
    /// An error unless `bytes` of JSON text are within `MAX_CONFIG_BYTES` (256 KiB).
    pub fn check_size(bytes: usize) -> Result<(), ConfigError> {
        if bytes > MAX_CONFIG_BYTES {
            return Err(ConfigError::new(
                ROOT_PATH,
                format!(
                    "the config is {bytes} bytes of JSON; at most {MAX_CONFIG_BYTES} bytes (256 KiB) are accepted"
                ),
            ));
        }
        Ok(())
    }

    /// Parses, limits, normalises and validates a config given as JSON text (serde_json). Text
    /// that is not JSON is an error at `(root)`, whatever field it was in.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::check_size(text.len())?;
        let mut json = serde_json::Deserializer::from_str(text);
        let document = read(&mut json).and_then(|document| match json.end() {
            Ok(()) => Ok(document),
            Err(error) => Err((String::new(), error)),
        });
        match document {
            Ok(document) => document.normalized(),
            Err((path, error)) if error.is_data() => Err(field_error(path, message_without_position(&error))),
            Err((_, error)) => Err(ConfigError::new(ROOT_PATH, format!("not valid JSON: {error}"))),
        }
    }

    /// Folds the `kubernetes` lists into `provisioners`, then validates the result. Errors
    /// name the field as the host wrote it: in `kubernetes` or in its own `provisioners`.
    fn normalized(mut self, kubernetes: Option<KubernetesInput>) -> Result<Config, ConfigError> {
        let origins = match kubernetes {
            Some(kubernetes) => {
                let inventory = kubernetes.inventory()?;
                let (provisioners, origins) = crate::kubernetes::merge(
                    inventory.provisioners,
                    inventory.origins,
                    std::mem::take(&mut self.provisioners),
                )?;
                self.provisioners = provisioners;
                self.unmatched_snapshot_classes = inventory.unmatched_snapshot_classes;
                origins
            }
            None => FieldPaths::own_all(&self.provisioners),
        };
        self.validate_at(&origins)?;
        Ok(self)
    }
}

/// The document, or where it went wrong (a path like `provisioners[2].name`, `.` for the
/// root) and the deserializer's error.
fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ConfigDocument, (String, D::Error)> {
    let mut track = serde_path_to_error::Track::new();
    strict::object(serde_path_to_error::Deserializer::new(deserializer, &mut track))
        .map_err(|error| (track.path().to_string(), error))
}

/// An error at `path`. serde raises a missing or repeated key on the object that holds it, so
/// the key named by the message is added to the path: the error then points at the field.
fn field_error(path: String, message: String) -> ConfigError {
    let path = if path == "." { String::new() } else { path };
    let path = match field_named_by(&message) {
        Some(field) if path.is_empty() => field.to_owned(),
        Some(field) => format!("{path}.{field}"),
        None => path,
    };
    ConfigError::new(path, message)
}

/// The key that a "missing field", "duplicate field" or "duplicate key" message names.
fn field_named_by(message: &str) -> Option<&str> {
    ["missing field `", "duplicate field `", strict::DUPLICATE_KEY]
        .into_iter()
        .find_map(|prefix| message.strip_prefix(prefix)?.strip_suffix('`'))
}

/// serde_json's message without " at line 1 column 42": the path says where.
fn message_without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    message.strip_suffix(&position).unwrap_or(&message).to_owned()
}

/// A schedule policy's object form: `{ name, uid? }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
struct PolicyObject {
    name: String,
    #[serde(default)]
    uid: Option<String>,
}

/// A policy's name, or an object `{ name, uid? }`; the object form is remembered, so that an
/// error about the name points at `.name`.
impl<'de> Deserialize<'de> for SchedulePolicy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PolicyVisitor)
    }
}

struct PolicyVisitor;

impl<'de> Visitor<'de> for PolicyVisitor {
    type Value = SchedulePolicy;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a schedule policy name, or an object { name, uid }")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<SchedulePolicy, E> {
        Ok(SchedulePolicy::new(name, None))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<SchedulePolicy, E> {
        Ok(SchedulePolicy::new(name, None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SchedulePolicy, A::Error> {
        let PolicyObject { name, uid } =
            PolicyObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(SchedulePolicy { object: true, ..SchedulePolicy::new(name, uid) })
    }
}
