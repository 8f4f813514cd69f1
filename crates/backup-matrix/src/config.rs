//! What a host hands in: the config JSON, parsed, limited and validated into the form's state.
//! Every error names the field it is about, as a path like `provisioners[2].name`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::{self, Json};
use crate::kubernetes::KubernetesInput;
use crate::tables::PORTWORX_PROVISIONERS;
use crate::types::{Mode, VscOption};

/// The largest config accepted, in bytes of JSON text.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;
/// The most provisioners one config may list.
pub const MAX_PROVISIONERS: usize = 200;
/// The most volume snapshot classes one provisioner may have.
pub const MAX_VSCS_PER_PROVISIONER: usize = 500;
/// The longest name accepted (a Kubernetes object name).
pub const MAX_NAME_LEN: usize = 253;
/// The most namespaces one backup may name.
pub const MAX_NAMESPACES: usize = 500;
/// The most backup locations or schedule policies a config may list.
pub const MAX_CHOICES: usize = 100;

/// The path used for errors about the config as a whole.
pub const ROOT_PATH: &str = "(root)";

/// A rejected config: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigError {
    pub message: String,
    pub path: String,
}

impl ConfigError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        let path = if path.is_empty() || path == "." { ROOT_PATH.to_owned() } else { path };
        ConfigError { message: message.into(), path }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Which volume snapshot class a provisioner's select holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Not said: the form preselects (the single VSC, or the default of several).
    #[default]
    Auto,
    /// "No snapshot class" chosen in a drop-down (JSON `null`).
    NoClass,
    /// This VSC, by name.
    Named(String),
}

impl Selection {
    fn is_auto(&self) -> bool {
        *self == Selection::Auto
    }
}

impl Serialize for Selection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Selection::Named(name) => serializer.serialize_str(name),
            Selection::Auto | Selection::NoClass => serializer.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Selection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Only reached when the key is present, so a JSON null means "no class chosen".
        Ok(match Option::<String>::deserialize(deserializer)? {
            Some(name) => Selection::Named(name),
            None => Selection::NoClass,
        })
    }
}

/// A VolumeSnapshotClass of one provisioner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SnapshotClass {
    pub name: String,
    /// Annotated `snapshot.storage.kubernetes.io/is-default-class: "true"`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

/// One CSI provisioner of the cluster: one row of Snapshot Class Mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provisioner {
    pub name: String,
    /// Marks a provisioner as Portworx's own beyond the two built-in names; `false` cannot
    /// unmark those two (their select is "Disabled (always)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portworx: Option<bool>,
    #[serde(default)]
    pub volume_snapshot_classes: Vec<SnapshotClass>,
    /// The select's value; absent means the form's preselection.
    #[serde(default, skip_serializing_if = "Selection::is_auto")]
    pub volume_snapshot_class: Selection,
}

impl Provisioner {
    /// A provisioner with these VSCs and the form's preselection.
    pub fn new(name: &str, classes: &[(&str, bool)]) -> Self {
        Provisioner {
            name: name.to_owned(),
            portworx: None,
            volume_snapshot_classes: classes
                .iter()
                .map(|(name, default)| SnapshotClass { name: (*name).to_owned(), default: *default })
                .collect(),
            volume_snapshot_class: Selection::Auto,
        }
    }

    /// Portworx's own provisioner: by its name, whatever the config says, or marked so by it.
    pub fn is_portworx(&self) -> bool {
        PORTWORX_PROVISIONERS.contains(&self.name.as_str()) || self.portworx == Some(true)
    }

    /// The VSC annotated default, when exactly one is.
    pub fn default_class(&self) -> Option<&SnapshotClass> {
        let mut defaults = self.volume_snapshot_classes.iter().filter(|c| c.default);
        match (defaults.next(), defaults.next()) {
            (Some(class), None) => Some(class),
            _ => None,
        }
    }

    /// Whether the select is a drop-down that may hold "no snapshot class" (several VSCs).
    pub fn offers_no_class(&self) -> bool {
        !self.is_portworx() && self.volume_snapshot_classes.len() > 1
    }

    /// The VSC the select holds now, after the form's preselection; `None` when no class is
    /// in use (Portworx, no VSC, or "no snapshot class" chosen).
    pub fn selected_class(&self) -> Option<&SnapshotClass> {
        if self.is_portworx() {
            return None;
        }
        let classes = &self.volume_snapshot_classes;
        match &self.volume_snapshot_class {
            Selection::Named(name) => classes.iter().find(|c| &c.name == name),
            Selection::NoClass if self.offers_no_class() => None,
            Selection::Auto | Selection::NoClass => match classes.as_slice() {
                [only] => Some(only),
                _ => self.default_class(),
            },
        }
    }

    /// The state of the "Volume snapshot class" field, as Table 1 names it.
    pub fn vsc_option(&self) -> VscOption {
        if self.is_portworx() {
            return VscOption::Disabled;
        }
        match (self.volume_snapshot_classes.as_slice(), self.selected_class()) {
            ([], _) | (_, None) => VscOption::None,
            ([only], _) if only.default => VscOption::DefaultSingle,
            ([_], _) => VscOption::NonDefaultSingle,
            (_, Some(_)) => VscOption::Multiple,
        }
    }
}

/// Where a backup is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocationKind {
    S3,
    Azure,
    Google,
    Nfs,
}

impl LocationKind {
    pub fn label(self) -> &'static str {
        match self {
            LocationKind::S3 => "S3",
            LocationKind::Azure => "Azure",
            LocationKind::Google => "Google",
            LocationKind::Nfs => "NFS",
        }
    }
}

/// A backup location the user can pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackupLocation {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: LocationKind,
    /// Portworx Backup's uid of the location, sent in `backup_location_ref` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The application cluster the form backs up, as Portworx Backup knows it (`cluster_ref`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// A schedule policy the user can pick: in JSON its name, or `{ name, uid? }`.
#[derive(Debug, Clone, Eq)]
pub struct SchedulePolicy {
    pub name: String,
    /// Portworx Backup's uid of the policy, sent in `schedule_policy_ref` when given.
    pub uid: Option<String>,
    /// Written as `{ name, ... }` in the config, so that errors name `.name`; not compared.
    object: bool,
}

impl SchedulePolicy {
    pub fn new(name: impl Into<String>, uid: Option<String>) -> Self {
        SchedulePolicy { name: name.into(), uid, object: false }
    }

    /// Where the policy's name is in the config, for the one at `index`.
    fn name_path(&self, index: usize) -> String {
        if self.object || self.uid.is_some() {
            format!("schedulePolicies[{index}].name")
        } else {
            format!("schedulePolicies[{index}]")
        }
    }
}

impl PartialEq for SchedulePolicy {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.uid == other.uid
    }
}

/// The object form of a schedule policy.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SchedulePolicyObject {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    uid: Option<String>,
}

impl Serialize for SchedulePolicy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.uid {
            None => serializer.serialize_str(&self.name),
            Some(uid) => {
                SchedulePolicyObject { name: self.name.clone(), uid: Some(uid.clone()) }.serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for SchedulePolicy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PolicyVisitor;
        impl<'de> serde::de::Visitor<'de> for PolicyVisitor {
            type Value = SchedulePolicy;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a schedule policy name, or an object { name, uid }")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<SchedulePolicy, E> {
                Ok(SchedulePolicy::new(name, None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<SchedulePolicy, A::Error> {
                let policy =
                    SchedulePolicyObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(SchedulePolicy { name: policy.name, uid: policy.uid, object: true })
            }
        }
        deserializer.deserialize_any(PolicyVisitor)
    }
}

/// Manual or scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupKind {
    #[default]
    Manual,
    Scheduled,
}

/// What the backup takes: whole namespaces, or virtual machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupObject {
    #[default]
    Namespace,
    Vm,
}

fn default_locations() -> Vec<BackupLocation> {
    [
        ("s3-backups", LocationKind::S3),
        ("azure-backups", LocationKind::Azure),
        ("gcs-backups", LocationKind::Google),
        ("nfs-backups", LocationKind::Nfs),
    ]
    .into_iter()
    .map(|(name, kind)| BackupLocation { name: name.to_owned(), kind, uid: None })
    .collect()
}

fn default_schedule_policies() -> Vec<SchedulePolicy> {
    vec![SchedulePolicy::new("daily", None), SchedulePolicy::new("weekly", None)]
}

/// The organisation of a config that names none: Portworx Backup's own default.
pub const DEFAULT_ORG_ID: &str = "default";

fn default_org_id() -> String {
    DEFAULT_ORG_ID.to_owned()
}

fn default_namespaces() -> Vec<String> {
    vec!["default".to_owned()]
}

/// The whole state of one Create Backup form, as JSON (camelCase). A parsed config is
/// normalised: the `kubernetes` lists are folded into `provisioners`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub provisioners: Vec<Provisioner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes: Option<KubernetesInput>,
    #[serde(default)]
    pub offload: bool,
    #[serde(default)]
    pub cross_cloud: bool,
    #[serde(default)]
    pub mode: Mode,
    /// The application cluster backed up (`cluster_ref`); none means Create is blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
    /// `metadata.org_id`: the Portworx Backup organisation.
    #[serde(default = "default_org_id")]
    pub org_id: String,
    /// `metadata.name` of the backup.
    #[serde(default)]
    pub backup_name: String,
    #[serde(default = "default_locations")]
    pub backup_locations: Vec<BackupLocation>,
    /// The chosen location's name; absent means the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_location: Option<String>,
    #[serde(default = "default_namespaces")]
    pub namespaces: Vec<String>,
    #[serde(default)]
    pub backup_kind: BackupKind,
    #[serde(default)]
    pub backup_object: BackupObject,
    #[serde(default = "default_schedule_policies")]
    pub schedule_policies: Vec<SchedulePolicy>,
    /// The chosen policy for a scheduled backup; absent means the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_policy: Option<String>,
    /// VSCs from `kubernetes` whose driver has no StorageClass: `(vsc, driver)`.
    #[serde(skip)]
    pub unmatched_snapshot_classes: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            provisioners: Vec::new(),
            kubernetes: None,
            offload: false,
            cross_cloud: false,
            mode: Mode::Classic,
            cluster: None,
            org_id: default_org_id(),
            backup_name: String::new(),
            backup_locations: default_locations(),
            backup_location: None,
            namespaces: default_namespaces(),
            backup_kind: BackupKind::Manual,
            backup_object: BackupObject::Namespace,
            schedule_policies: default_schedule_policies(),
            schedule_policy: None,
            unmatched_snapshot_classes: Vec::new(),
        }
    }
}

impl Config {
    /// Parses, limits, normalises and validates a config given as JSON text (serde_json).
    #[cfg(feature = "text")]
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse_with(text, |text| {
            serde_json::from_str::<Json>(text).map_err(|error| format!("not valid JSON: {error}"))
        })
    }

    /// `parse`, with the JSON parser the platform has (the browser's `JSON.parse` in the
    /// widget): it turns the text into a tree, or says why it cannot.
    pub fn parse_with(
        text: &str,
        parse_json: impl FnOnce(&str) -> Result<Json, String>,
    ) -> Result<Config, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(ConfigError::new(
                ROOT_PATH,
                format!(
                    "the config is {} bytes of JSON; at most {} bytes (256 KiB) are accepted",
                    text.len(),
                    MAX_CONFIG_BYTES
                ),
            ));
        }
        let tree = parse_json(text).map_err(|message| ConfigError::new(ROOT_PATH, message))?;
        Config::from_json(&tree)
    }

    /// Reads, normalises and validates a config from a parsed JSON tree.
    pub fn from_json(tree: &Json) -> Result<Config, ConfigError> {
        let config: Config =
            json::from_json(tree).map_err(|error| ConfigError::new(error.path, error.message))?;
        config.normalized()
    }

    /// Folds the `kubernetes` lists into `provisioners`, then validates the result. Errors
    /// name the field as the host wrote it: in `kubernetes` or in its own `provisioners`.
    pub fn normalized(mut self) -> Result<Config, ConfigError> {
        let origins = match self.kubernetes.take() {
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

    /// The chosen backup location, after the form's preselection.
    pub fn location(&self) -> Option<&BackupLocation> {
        match &self.backup_location {
            Some(name) => self.backup_locations.iter().find(|l| &l.name == name),
            None => self.backup_locations.first(),
        }
    }

    /// The chosen schedule policy, after the form's preselection.
    pub fn policy(&self) -> Option<&SchedulePolicy> {
        match &self.schedule_policy {
            Some(name) => self.schedule_policies.iter().find(|p| &p.name == name),
            None => self.schedule_policies.first(),
        }
    }

    /// Checks everything serde's types cannot: limits, names, duplicates, references.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_at(&FieldPaths::own_all(&self.provisioners))
    }

    /// `validate`, with errors about `provisioners[i]` put at `origins[i]`.
    fn validate_at(&self, origins: &[FieldPaths]) -> Result<(), ConfigError> {
        if self.provisioners.is_empty() {
            return Err(ConfigError::new(
                "provisioners",
                "list at least one CSI provisioner (or give `kubernetes` lists that name one)",
            ));
        }
        if self.provisioners.len() > MAX_PROVISIONERS {
            return Err(ConfigError::new(
                "provisioners",
                format!(
                    "{} provisioners given; at most {MAX_PROVISIONERS} are accepted",
                    self.provisioners.len()
                ),
            ));
        }
        let mut provisioner_names = BTreeSet::new();
        let mut class_names = BTreeMap::new();
        for (provisioner, at) in self.provisioners.iter().zip(origins) {
            check_provisioner_name(&provisioner.name, &at.name)?;
            if !provisioner_names.insert(provisioner.name.as_str()) {
                return Err(ConfigError::new(
                    &at.name,
                    format!(
                        "provisioner \"{}\" is listed twice; list each provisioner once",
                        provisioner.name
                    ),
                ));
            }
            validate_classes(provisioner, at, &mut class_names)?;
        }
        if !self.backup_name.is_empty() {
            if let Err(problem) = check_object_name(&self.backup_name) {
                return Err(ConfigError::new("backupName", problem));
            }
        }
        self.validate_choices()
    }

    fn validate_choices(&self) -> Result<(), ConfigError> {
        if let Some(cluster) = &self.cluster {
            check_named(&cluster.name, "cluster.name")?;
            check_uid(cluster.uid.as_deref(), "cluster.uid")?;
        }
        check_named(&self.org_id, "orgId")?;
        if self.backup_locations.is_empty() {
            return Err(ConfigError::new("backupLocations", "list at least one backup location"));
        }
        check_count("backupLocations", self.backup_locations.len(), MAX_CHOICES)?;
        for (index, location) in self.backup_locations.iter().enumerate() {
            check_named(&location.name, &format!("backupLocations[{index}].name"))?;
            check_uid(location.uid.as_deref(), &format!("backupLocations[{index}].uid"))?;
        }
        if let Some(name) = &self.backup_location {
            if self.location().is_none() {
                return Err(ConfigError::new(
                    "backupLocation",
                    format!("\"{name}\" is not one of backupLocations"),
                ));
            }
        }
        check_count("namespaces", self.namespaces.len(), MAX_NAMESPACES)?;
        for (index, namespace) in self.namespaces.iter().enumerate() {
            if let Err(problem) = check_label(namespace) {
                return Err(ConfigError::new(format!("namespaces[{index}]"), problem));
            }
        }
        check_count("schedulePolicies", self.schedule_policies.len(), MAX_CHOICES)?;
        for (index, policy) in self.schedule_policies.iter().enumerate() {
            check_named(&policy.name, &policy.name_path(index))?;
            check_uid(policy.uid.as_deref(), &format!("schedulePolicies[{index}].uid"))?;
        }
        if let Some(name) = &self.schedule_policy {
            if self.policy().is_none() {
                return Err(ConfigError::new(
                    "schedulePolicy",
                    format!("\"{name}\" is not one of schedulePolicies"),
                ));
            }
        }
        Ok(())
    }
}

fn check_count(path: &str, count: usize, max: usize) -> Result<(), ConfigError> {
    if count > max {
        return Err(ConfigError::new(path, format!("{count} entries given; at most {max} are accepted")));
    }
    Ok(())
}

fn check_named(name: &str, path: &str) -> Result<(), ConfigError> {
    check_object_name(name).map_err(|problem| ConfigError::new(path, problem))
}

/// A Portworx Backup uid, when given: at most 253 letters, digits, '-', '_' and '.' (a UUID).
fn check_uid(uid: Option<&str>, path: &str) -> Result<(), ConfigError> {
    let Some(uid) = uid else { return Ok(()) };
    if uid.is_empty() {
        return Err(ConfigError::new(path, "the uid is empty; leave it out when it is not known"));
    }
    if !uid.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
        return Err(ConfigError::new(
            path,
            format!("{} is not a valid uid: use only letters, digits, '-', '_' and '.'", crate::quoted(uid)),
        ));
    }
    if uid.len() > MAX_NAME_LEN {
        return Err(ConfigError::new(
            path,
            format!("the uid is {} characters long; at most {MAX_NAME_LEN} are allowed", uid.len()),
        ));
    }
    Ok(())
}

/// Where one provisioner's fields are in the config text: in its own `provisioners` entry,
/// or, for one folded in from the `kubernetes` lists, in those lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPaths {
    pub name: String,
    pub classes: String,
    /// For each volume snapshot class: the path of its name, and of its default mark.
    pub class_fields: Vec<(String, String)>,
    pub selection: String,
}

impl FieldPaths {
    /// The paths of `provisioners[index]`, as written in the config.
    pub fn own(index: usize, provisioner: &Provisioner) -> FieldPaths {
        let at = format!("provisioners[{index}]");
        FieldPaths {
            name: format!("{at}.name"),
            classes: format!("{at}.volumeSnapshotClasses"),
            class_fields: (0..provisioner.volume_snapshot_classes.len())
                .map(|i| {
                    (
                        format!("{at}.volumeSnapshotClasses[{i}].name"),
                        format!("{at}.volumeSnapshotClasses[{i}].default"),
                    )
                })
                .collect(),
            selection: format!("{at}.volumeSnapshotClass"),
        }
    }

    fn own_all(provisioners: &[Provisioner]) -> Vec<FieldPaths> {
        provisioners.iter().enumerate().map(|(index, p)| FieldPaths::own(index, p)).collect()
    }
}

fn validate_classes(
    provisioner: &Provisioner,
    at: &FieldPaths,
    class_names: &mut BTreeMap<String, String>,
) -> Result<(), ConfigError> {
    let classes = &provisioner.volume_snapshot_classes;
    if classes.len() > MAX_VSCS_PER_PROVISIONER {
        return Err(ConfigError::new(
            &at.classes,
            format!(
                "{} volume snapshot classes given; at most {MAX_VSCS_PER_PROVISIONER} per provisioner are accepted",
                classes.len()
            ),
        ));
    }
    for (class, (path, _)) in classes.iter().zip(&at.class_fields) {
        check_named(&class.name, path)?;
        if let Some(owner) = class_names.insert(class.name.clone(), provisioner.name.clone()) {
            return Err(ConfigError::new(
                path,
                format!(
                    "volume snapshot class \"{}\" is listed twice (also under \"{owner}\"); VSC names are cluster-wide",
                    class.name
                ),
            ));
        }
    }
    let defaults: Vec<usize> = (0..classes.len()).filter(|&i| classes[i].default).collect();
    if let [_, second, ..] = defaults.as_slice() {
        return Err(ConfigError::new(
            &at.class_fields[*second].1,
            format!(
                "{} volume snapshot classes of \"{}\" are marked default; Kubernetes then uses none of them as default, so mark at most one",
                defaults.len(),
                provisioner.name
            ),
        ));
    }
    let path = &at.selection;
    match &provisioner.volume_snapshot_class {
        Selection::Named(name) if provisioner.is_portworx() => Err(ConfigError::new(
            path,
            format!(
                "\"{}\" is a Portworx provisioner: its volume snapshot class is always disabled, so it cannot select \"{name}\"",
                provisioner.name
            ),
        )),
        Selection::Named(name) if !classes.iter().any(|c| &c.name == name) => Err(ConfigError::new(
            path,
            format!("\"{name}\" is not one of the volume snapshot classes of \"{}\"", provisioner.name),
        )),
        Selection::NoClass if classes.len() == 1 && !provisioner.is_portworx() => Err(ConfigError::new(
            path,
            format!(
                "\"{}\" has a single volume snapshot class, which is always auto-populated; it cannot be unselected",
                provisioner.name
            ),
        )),
        _ => Ok(()),
    }
}

fn check_length(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the name is empty".to_owned());
    }
    let length = name.chars().count();
    if length > MAX_NAME_LEN {
        return Err(format!("the name is {length} characters long; at most {MAX_NAME_LEN} are allowed"));
    }
    Ok(())
}

/// A Kubernetes object name: a lowercase RFC 1123 subdomain of at most 253 characters.
pub fn check_object_name(name: &str) -> Result<(), String> {
    check_length(name)?;
    for label in name.split('.') {
        check_label_chars(label).map_err(|problem| format!("\"{name}\" is not a valid name: {problem}"))?;
    }
    Ok(())
}

/// A namespace: a lowercase RFC 1123 label of at most 63 characters.
pub fn check_label(name: &str) -> Result<(), String> {
    check_length(name)?;
    if name.len() > 63 {
        return Err(format!("\"{name}\" is longer than 63 characters, the limit for a namespace"));
    }
    if name.contains('.') {
        return Err(format!(
            "\"{name}\" is not a valid namespace: use only lowercase letters, digits and '-'"
        ));
    }
    check_label_chars(name).map_err(|problem| format!("\"{name}\" is not a valid namespace: {problem}"))
}

fn check_label_chars(label: &str) -> Result<(), &'static str> {
    let bytes = label.as_bytes();
    if bytes.is_empty() {
        return Err("it has an empty part between dots");
    }
    if !bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'.') {
        return Err("use only lowercase letters, digits, '-' and '.'");
    }
    let alphanumeric = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if !alphanumeric(&bytes[0]) || !alphanumeric(&bytes[bytes.len() - 1]) {
        return Err("start and end with a lowercase letter or digit");
    }
    Ok(())
}

/// A provisioner (CSI driver or in-tree plugin) name: an optional DNS-subdomain prefix and a
/// slash, then a name of letters, digits, '-', '_' and '.', as Kubernetes validates them.
pub fn check_provisioner_name(name: &str, path: &str) -> Result<(), ConfigError> {
    let fail = |problem: String| ConfigError::new(path, problem);
    check_length(name).map_err(fail)?;
    let (prefix, last) = match name.split_once('/') {
        Some((prefix, last)) => (Some(prefix), last),
        None => (None, name),
    };
    if let Some(prefix) = prefix {
        check_object_name(&prefix.to_ascii_lowercase()).map_err(|_| {
            fail(format!(
                "\"{name}\" is not a valid provisioner name: its prefix before '/' must be a DNS name"
            ))
        })?;
    }
    let bytes = last.as_bytes();
    let inner_ok = bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let ends_ok = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
    if !inner_ok || !ends_ok {
        return Err(fail(format!(
            "\"{name}\" is not a valid provisioner name: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
        )));
    }
    Ok(())
}
