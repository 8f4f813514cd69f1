//! What a host hands in, as the form's state: the config's types and their defaults, and their
//! JSON (serde's derive, camelCase). Reading a whole config is `read`; the rules their types
//! cannot say are `checks`.

mod checks;
mod read;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::strict;
use crate::tables::PORTWORX_PROVISIONERS;
use crate::types::{Mode, VscOption};

pub(crate) use checks::sorted_names;
pub use checks::{check_label, check_object_name, check_provisioner_name, FieldPaths};

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

/// A rejected config: what is wrong, and where. In JSON `{ message, path }`, the
/// `backup-config-error` detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigError {
    /// What is wrong, in words a host's user can act on.
    pub message: String,
    /// The field, like `provisioners[2].name`; `(root)` for the config as a whole.
    pub path: String,
}

impl ConfigError {
    /// An error at `path`; an empty path (or serde_path_to_error's `.`) is the root.
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

/// Which volume snapshot class a provisioner's select holds. In JSON: absent, `null` or a name
/// (`strict::selection` reads it; `Provisioner` leaves `Auto` out when written).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(untagged)]
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
    /// The form's preselection: written as no key at all.
    pub fn is_auto(&self) -> bool {
        *self == Selection::Auto
    }
}

/// A VolumeSnapshotClass of one provisioner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
pub struct SnapshotClass {
    /// The VSC's name (cluster-wide).
    pub name: String,
    /// Annotated `snapshot.storage.kubernetes.io/is-default-class: "true"`; written only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
}

/// `skip_serializing_if` for a flag the JSON leaves out when it is off.
fn is_false(value: &bool) -> bool {
    !*value
}

/// One CSI provisioner of the cluster: one row of Snapshot Class Mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
pub struct Provisioner {
    /// The provisioner (CSI driver) name, as StorageClasses name it.
    pub name: String,
    /// Marks a provisioner as Portworx's own beyond the two built-in names; `false` cannot
    /// unmark those two (their select is "Disabled (always)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portworx: Option<bool>,
    /// Its VSCs, in the select's order.
    #[serde(default, deserialize_with = "strict::objects")]
    pub volume_snapshot_classes: Vec<SnapshotClass>,
    /// The select's value; absent means the form's preselection.
    #[serde(default, deserialize_with = "strict::selection", skip_serializing_if = "Selection::is_auto")]
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
        self.vsc_option_if(self.selected_class())
    }

    /// The state of the "Volume snapshot class" field were `chosen` the VSC it holds (`None`:
    /// no class): the one rule for the field's state, which `what_if` asks of every option.
    pub fn vsc_option_if(&self, chosen: Option<&SnapshotClass>) -> VscOption {
        if self.is_portworx() {
            return VscOption::Disabled;
        }
        match (self.volume_snapshot_classes.as_slice(), chosen) {
            ([], _) | (_, None) => VscOption::None,
            ([only], _) if only.default => VscOption::DefaultSingle,
            ([_], _) => VscOption::NonDefaultSingle,
            (_, Some(_)) => VscOption::Multiple,
        }
    }
}

/// Where a backup is stored; in JSON `s3`, `azure`, `google` or `nfs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationKind {
    S3,
    Azure,
    Google,
    Nfs,
}

impl LocationKind {
    /// The name the form shows.
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
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
pub struct BackupLocation {
    /// Portworx Backup's name of the location.
    pub name: String,
    /// Its storage, JSON `type`.
    #[serde(rename = "type", deserialize_with = "strict::choice")]
    pub kind: LocationKind,
    /// Portworx Backup's uid of the location, sent in `backup_location_ref` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The application cluster the form backs up, as Portworx Backup knows it (`cluster_ref`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
pub struct Cluster {
    /// Portworx Backup's name of the cluster.
    pub name: String,
    /// Its uid, sent in `cluster_ref` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// A schedule policy the user can pick: in JSON its name, or `{ name, uid? }` (read by `read`,
/// written by the `Serialize` below: its name alone when it has no uid).
#[derive(Debug, Clone, Eq)]
pub struct SchedulePolicy {
    /// Portworx Backup's name of the policy.
    pub name: String,
    /// Portworx Backup's uid of the policy, sent in `schedule_policy_ref` when given.
    pub uid: Option<String>,
    /// Written as `{ name, ... }` in the config, so that errors name `.name`; not compared.
    pub(crate) object: bool,
}

impl SchedulePolicy {
    /// A policy by name, and by uid when known.
    pub fn new(name: impl Into<String>, uid: Option<String>) -> Self {
        SchedulePolicy { name: name.into(), uid, object: false }
    }

    /// Where the policy's name is in the config, for the one at `index`.
    pub(crate) fn name_path(&self, index: usize) -> String {
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

/// Manual or scheduled; in JSON `manual` or `scheduled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupKind {
    /// A backup now (`BackupCreateRequest`).
    #[default]
    Manual,
    /// A backup schedule (`BackupScheduleCreateRequest`).
    Scheduled,
}

/// What the backup takes: whole namespaces, or virtual machines; in JSON `namespace` or `vm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupObject {
    /// Whole namespaces.
    #[default]
    Namespace,
    /// Virtual machines.
    Vm,
}

pub(crate) fn default_locations() -> Vec<BackupLocation> {
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

pub(crate) fn default_schedule_policies() -> Vec<SchedulePolicy> {
    vec![SchedulePolicy::new("daily", None), SchedulePolicy::new("weekly", None)]
}

/// The organisation of a config that names none: Portworx Backup's own default.
pub const DEFAULT_ORG_ID: &str = "default";

pub(crate) fn default_org_id() -> String {
    DEFAULT_ORG_ID.to_owned()
}

pub(crate) fn default_namespaces() -> Vec<String> {
    vec!["default".to_owned()]
}

/// The whole state of one Create Backup form, as JSON (camelCase; optional keys only when
/// set). A parsed config is normalised: its `kubernetes` lists are folded into `provisioners`,
/// so a config never writes them. Read with `Config::parse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// One per CSI provisioner of the cluster, in the form's order.
    pub provisioners: Vec<Provisioner>,
    /// Offload CSI snapshots to backup location.
    pub offload: bool,
    /// Cross Cloud Backup/Restore.
    pub cross_cloud: bool,
    /// Portworx Backup's operation mode.
    pub mode: Mode,
    /// The application cluster backed up (`cluster_ref`); none means Create is blocked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Cluster>,
    /// `metadata.org_id`: the Portworx Backup organisation.
    pub org_id: String,
    /// `metadata.name` of the backup.
    pub backup_name: String,
    /// The locations the user can pick.
    pub backup_locations: Vec<BackupLocation>,
    /// The chosen location's name; absent means the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_location: Option<String>,
    /// The namespaces backed up.
    pub namespaces: Vec<String>,
    /// Manual or scheduled.
    pub backup_kind: BackupKind,
    /// Namespaces or virtual machines.
    pub backup_object: BackupObject,
    /// The schedule policies the user can pick.
    pub schedule_policies: Vec<SchedulePolicy>,
    /// The chosen policy for a scheduled backup; absent means the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_policy: Option<String>,
    /// VSCs from `kubernetes` whose driver has no StorageClass: `(vsc, driver)`. Not written:
    /// the lists they come from are folded in.
    #[serde(skip)]
    pub unmatched_snapshot_classes: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            provisioners: Vec::new(),
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
}

/// A policy without a uid is its name; with one, `{ name, uid }`.
impl Serialize for SchedulePolicy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match &self.uid {
            None => serializer.serialize_str(&self.name),
            Some(uid) => {
                let mut object = serializer.serialize_struct("SchedulePolicy", 2)?;
                object.serialize_field("name", &self.name)?;
                object.serialize_field("uid", uid)?;
                object.end()
            }
        }
    }
}
