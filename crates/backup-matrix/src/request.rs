//! The request Create sends: the method and path of Portworx Backup's REST API, and a body
//! that is exactly its `BackupCreateRequest` (a manual backup, `POST /v1/backup`) or its
//! `BackupScheduleCreateRequest` (a scheduled one, `POST /v1/backupschedule`), with the proto's
//! snake_case field names and enum values by name. Serialized, a [`Request`] is the
//! `backup-create` detail as it is.

use crate::config::{sorted_names, BackupKind, BackupObject, Config};
use serde::{Serialize, Serializer};

/// The HTTP method of both create calls.
pub const METHOD: &str = "POST";
/// Where a manual backup is created: the body is a `BackupCreateRequest`.
pub const BACKUP_PATH: &str = "/v1/backup";
/// Where a backup schedule is created: the body is a `BackupScheduleCreateRequest`.
pub const BACKUP_SCHEDULE_PATH: &str = "/v1/backupschedule";

/// The API's `ObjectRef`: an object by name, and by uid when it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectRef {
    /// The object's name.
    pub name: String,
    /// Its uid, written only when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The API's `CreateMetadata`: the new object's name and organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateMetadata {
    /// The backup's (or schedule's) name.
    pub name: String,
    /// The organisation.
    pub org_id: String,
}

/// `BackupCreateRequestBackupType` (and the schedule's twin), by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ApiBackupType {
    /// A backup whose CSI snapshots KDMP offloads to the backup location.
    Generic,
    /// Native snapshots (Portworx or CSI), or direct KDMP.
    Normal,
}

/// `BackupCreateRequestBackupObjectTypeType` (and the schedule's twin), by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ApiObjectType {
    /// Whole namespaces.
    All,
    /// Virtual machines.
    VirtualMachine,
}

/// `BackupCreateRequestBackupObjectType`: `{ "type": ... }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackupObjectType {
    /// The object type, JSON `type`.
    #[serde(rename = "type")]
    pub kind: ApiObjectType,
}

/// The body: the fields the Create Backup window fills of a `BackupCreateRequest`, or, with
/// `schedule_policy_ref`, of a `BackupScheduleCreateRequest`. Both messages define each field;
/// the JSON keys are the proto's snake_case names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Body {
    /// The new object's name and organisation.
    pub metadata: CreateMetadata,
    /// The application cluster.
    pub cluster_ref: ObjectRef,
    /// Where the backup goes.
    pub backup_location_ref: ObjectRef,
    /// The namespaces backed up.
    pub namespaces: Vec<String>,
    /// Provisioner → VSC name, for every provisioner with a class in use, sorted by provisioner;
    /// a JSON object. A sorted list, not a map: it is built once per change and never searched.
    #[serde(serialize_with = "entries_as_object")]
    pub volume_snapshot_class_mapping: Vec<(String, String)>,
    /// `Generic` when offload is on, else `Normal`.
    pub backup_type: ApiBackupType,
    /// The Cross Cloud Backup/Restore option.
    pub direct_kdmp: bool,
    pub backup_object_type: BackupObjectType,
    /// A schedule's policy; only in a `BackupScheduleCreateRequest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_policy_ref: Option<ObjectRef>,
}

/// `(key, value)` pairs as one JSON object, in their order.
fn entries_as_object<S: Serializer>(entries: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(entries.iter().map(|(key, value)| (key, value)))
}

/// What `backup-create` carries: `{ "method", "path", "body" }`, ready to send as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// [`METHOD`].
    pub method: &'static str,
    /// [`BACKUP_PATH`] or [`BACKUP_SCHEDULE_PATH`].
    pub path: &'static str,
    /// The API's request message.
    pub body: Body,
}

impl Request {
    /// Whether this creates a backup schedule (`BackupScheduleCreateRequest`).
    pub fn is_schedule(&self) -> bool {
        self.path == BACKUP_SCHEDULE_PATH
    }
}

/// Builds the request the form would send now. A name the config lacks (no cluster, no
/// schedule policy) is empty here; `form_problems` then blocks Create.
pub fn request(config: &Config) -> Request {
    let selected: Vec<(&str, &str)> = if config.cross_cloud {
        Vec::new()
    } else {
        config
            .provisioners
            .iter()
            .filter_map(|p| p.selected_class().map(|c| (p.name.as_str(), c.name.as_str())))
            .collect()
    };
    // By provisioner name; names are unique in a valid config, so the order is total.
    let volume_snapshot_class_mapping: Vec<(String, String)> =
        sorted_names(selected.iter().map(|(name, _)| *name))
            .into_iter()
            .map(|(name, index)| (name.to_owned(), selected[index].1.to_owned()))
            .collect();
    let (path, schedule_policy_ref) = match config.backup_kind {
        BackupKind::Manual => (BACKUP_PATH, None),
        BackupKind::Scheduled => (
            BACKUP_SCHEDULE_PATH,
            Some(match config.policy() {
                Some(policy) => ObjectRef { name: policy.name.clone(), uid: policy.uid.clone() },
                None => ObjectRef { name: String::new(), uid: None },
            }),
        ),
    };
    let cluster_ref = match &config.cluster {
        Some(cluster) => ObjectRef { name: cluster.name.clone(), uid: cluster.uid.clone() },
        None => ObjectRef { name: String::new(), uid: None },
    };
    let backup_location_ref = match config.location() {
        Some(location) => ObjectRef { name: location.name.clone(), uid: location.uid.clone() },
        None => ObjectRef { name: String::new(), uid: None },
    };
    Request {
        method: METHOD,
        path,
        body: Body {
            metadata: CreateMetadata { name: config.backup_name.clone(), org_id: config.org_id.clone() },
            cluster_ref,
            backup_location_ref,
            namespaces: config.namespaces.clone(),
            volume_snapshot_class_mapping,
            backup_type: if config.offload { ApiBackupType::Generic } else { ApiBackupType::Normal },
            direct_kdmp: config.cross_cloud,
            backup_object_type: BackupObjectType {
                kind: match config.backup_object {
                    BackupObject::Namespace => ApiObjectType::All,
                    BackupObject::Vm => ApiObjectType::VirtualMachine,
                },
            },
            schedule_policy_ref,
        },
    }
}

/// Quotes text for a POSIX shell: in single quotes, each `'` written as `'\''`.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The request as a `curl` command. The API's base URL and a bearer token are the shell
/// variables `PXB_URL` and `PXB_TOKEN`, which the user sets; the command holds no secret.
/// The body is JSON indented by two spaces.
pub fn curl(request: &Request) -> String {
    let body = serde_json::to_string_pretty(&request.body).unwrap_or_default();
    format!(
        "curl -X {} \"${{PXB_URL}}{}\" \\\n  -H \"Authorization: Bearer ${{PXB_TOKEN}}\" \\\n  -H 'Content-Type: application/json' \\\n  --data-raw {}\n",
        request.method,
        request.path,
        shell_quote(&body)
    )
}

/// Why Create would send nothing now, for reasons outside the matrices (the form's own fields).
pub fn form_problems(config: &Config) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if config.cluster.is_none() {
        problems.push((
            "cluster",
            "Cluster: the config names no application cluster to back up; give cluster.name".to_owned(),
        ));
    }
    if let Err(problem) = crate::config::check_object_name(&config.backup_name) {
        problems.push(("backupName", format!("Backup name: {problem}")));
    }
    if config.namespaces.is_empty() {
        problems.push(("namespaces", "Namespaces: name at least one namespace".to_owned()));
    }
    if let Some(problem) = config.namespaces.iter().find_map(|n| crate::config::check_label(n).err()) {
        problems.push(("namespaces", format!("Namespaces: {problem}")));
    }
    if config.backup_kind == BackupKind::Scheduled && config.policy().is_none() {
        problems.push((
            "schedulePolicy",
            "Schedule policy: a scheduled backup needs one; list it in schedulePolicies".to_owned(),
        ));
    }
    problems
}
