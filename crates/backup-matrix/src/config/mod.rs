//! What a host hands in, as the form's state: the config's types and their defaults. Reading
//! them from JSON is `read`; the rules their types cannot say are `checks`.

mod checks;
mod read;

use std::fmt;

use crate::json::{Fields, Json, ToJson};
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

/// A rejected config: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The select's value in JSON: absent for the preselection, `null` for no class.
    fn to_json(&self) -> Option<Json> {
        match self {
            Selection::Auto => None,
            Selection::NoClass => Some(Json::Null),
            Selection::Named(name) => Some(Json::from(name)),
        }
    }
}

/// A VolumeSnapshotClass of one provisioner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotClass {
    pub name: String,
    /// Annotated `snapshot.storage.kubernetes.io/is-default-class: "true"`.
    pub default: bool,
}

/// One CSI provisioner of the cluster: one row of Snapshot Class Mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provisioner {
    pub name: String,
    /// Marks a provisioner as Portworx's own beyond the two built-in names; `false` cannot
    /// unmark those two (their select is "Disabled (always)").
    pub portworx: Option<bool>,
    pub volume_snapshot_classes: Vec<SnapshotClass>,
    /// The select's value; absent means the form's preselection.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupLocation {
    pub name: String,
    pub kind: LocationKind,
    /// Portworx Backup's uid of the location, sent in `backup_location_ref` when given.
    pub uid: Option<String>,
}

/// The application cluster the form backs up, as Portworx Backup knows it (`cluster_ref`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub name: String,
    pub uid: Option<String>,
}

/// A schedule policy the user can pick: in JSON its name, or `{ name, uid? }`.
#[derive(Debug, Clone, Eq)]
pub struct SchedulePolicy {
    pub name: String,
    /// Portworx Backup's uid of the policy, sent in `schedule_policy_ref` when given.
    pub uid: Option<String>,
    /// Written as `{ name, ... }` in the config, so that errors name `.name`; not compared.
    pub(crate) object: bool,
}

impl SchedulePolicy {
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

/// Manual or scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BackupKind {
    #[default]
    Manual,
    Scheduled,
}

/// What the backup takes: whole namespaces, or virtual machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
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
/// normalised: its `kubernetes` lists are folded into `provisioners`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub provisioners: Vec<Provisioner>,
    pub offload: bool,
    pub cross_cloud: bool,
    pub mode: Mode,
    /// The application cluster backed up (`cluster_ref`); none means Create is blocked.
    pub cluster: Option<Cluster>,
    /// `metadata.org_id`: the Portworx Backup organisation.
    pub org_id: String,
    /// `metadata.name` of the backup.
    pub backup_name: String,
    pub backup_locations: Vec<BackupLocation>,
    /// The chosen location's name; absent means the first.
    pub backup_location: Option<String>,
    pub namespaces: Vec<String>,
    pub backup_kind: BackupKind,
    pub backup_object: BackupObject,
    pub schedule_policies: Vec<SchedulePolicy>,
    /// The chosen policy for a scheduled backup; absent means the first.
    pub schedule_policy: Option<String>,
    /// VSCs from `kubernetes` whose driver has no StorageClass: `(vsc, driver)`.
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

impl ToJson for ConfigError {
    fn to_json(&self) -> Json {
        Fields::new().with("message", &self.message).with("path", &self.path).build()
    }
}

impl ToJson for SnapshotClass {
    fn to_json(&self) -> Json {
        Fields::new().with("name", &self.name).with_some("default", self.default.then_some(true)).build()
    }
}

impl ToJson for Provisioner {
    fn to_json(&self) -> Json {
        Fields::new()
            .with("name", &self.name)
            .with_some("portworx", self.portworx)
            .with("volumeSnapshotClasses", self.volume_snapshot_classes.to_json())
            .with_some("volumeSnapshotClass", self.volume_snapshot_class.to_json())
            .build()
    }
}

impl ToJson for LocationKind {
    fn to_json(&self) -> Json {
        Json::from(match self {
            LocationKind::S3 => "s3",
            LocationKind::Azure => "azure",
            LocationKind::Google => "google",
            LocationKind::Nfs => "nfs",
        })
    }
}

impl ToJson for BackupLocation {
    fn to_json(&self) -> Json {
        Fields::new()
            .with("name", &self.name)
            .with("type", self.kind.to_json())
            .with_some("uid", self.uid.as_ref())
            .build()
    }
}

impl ToJson for Cluster {
    fn to_json(&self) -> Json {
        Fields::new().with("name", &self.name).with_some("uid", self.uid.as_ref()).build()
    }
}

/// A policy without a uid is its name; with one, `{ name, uid }`.
impl ToJson for SchedulePolicy {
    fn to_json(&self) -> Json {
        match &self.uid {
            None => Json::from(&self.name),
            Some(uid) => Fields::new().with("name", &self.name).with("uid", uid).build(),
        }
    }
}

impl ToJson for BackupKind {
    fn to_json(&self) -> Json {
        Json::from(match self {
            BackupKind::Manual => "manual",
            BackupKind::Scheduled => "scheduled",
        })
    }
}

impl ToJson for BackupObject {
    fn to_json(&self) -> Json {
        Json::from(match self {
            BackupObject::Namespace => "namespace",
            BackupObject::Vm => "vm",
        })
    }
}

/// camelCase keys; the optional ones only when set. The `kubernetes` lists are folded in by
/// then, so a config never writes them.
impl ToJson for Config {
    fn to_json(&self) -> Json {
        Fields::new()
            .with("provisioners", self.provisioners.to_json())
            .with("offload", self.offload)
            .with("crossCloud", self.cross_cloud)
            .with("mode", self.mode.to_json())
            .with_some("cluster", self.cluster.as_ref().map(ToJson::to_json))
            .with("orgId", &self.org_id)
            .with("backupName", &self.backup_name)
            .with("backupLocations", self.backup_locations.to_json())
            .with_some("backupLocation", self.backup_location.as_ref())
            .with("namespaces", self.namespaces.as_slice())
            .with("backupKind", self.backup_kind.to_json())
            .with("backupObject", self.backup_object.to_json())
            .with("schedulePolicies", self.schedule_policies.to_json())
            .with_some("schedulePolicy", self.schedule_policy.as_ref())
            .build()
    }
}

crate::serialize_as_json!(
    ConfigError,
    SnapshotClass,
    Provisioner,
    LocationKind,
    BackupLocation,
    Cluster,
    SchedulePolicy,
    BackupKind,
    BackupObject,
    Config
);
