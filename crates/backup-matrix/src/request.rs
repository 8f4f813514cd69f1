//! The request Create sends: the fields of Portworx Backup's `BackupCreateRequest`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::{BackupKind, BackupObject, Config};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameRef {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectType {
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// What `backup-create` carries, with the API's own field names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub metadata: NameRef,
    pub backup_location_ref: NameRef,
    pub namespaces: Vec<String>,
    /// Provisioner → VSC name, for every provisioner with a class in use.
    pub volume_snapshot_class_mapping: BTreeMap<String, String>,
    /// The Cross Cloud Backup/Restore option.
    pub direct_kdmp: bool,
    /// `Generic` when offload is on, else `Normal`.
    pub backup_type: &'static str,
    pub backup_object_type: ObjectType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule_policy_ref: Option<NameRef>,
}

/// Builds the request the form would send now.
pub fn request(config: &Config) -> Request {
    let volume_snapshot_class_mapping = if config.cross_cloud {
        BTreeMap::new()
    } else {
        config
            .provisioners
            .iter()
            .filter_map(|p| p.selected_class().map(|c| (p.name.clone(), c.name.clone())))
            .collect()
    };
    Request {
        metadata: NameRef { name: config.backup_name.clone() },
        backup_location_ref: NameRef { name: config.location().map(|l| l.name.clone()).unwrap_or_default() },
        namespaces: config.namespaces.clone(),
        volume_snapshot_class_mapping,
        direct_kdmp: config.cross_cloud,
        backup_type: if config.offload { "Generic" } else { "Normal" },
        backup_object_type: ObjectType {
            kind: match config.backup_object {
                BackupObject::Namespace => "All",
                BackupObject::Vm => "VirtualMachine",
            },
        },
        schedule_policy_ref: match config.backup_kind {
            BackupKind::Scheduled => config.policy().map(|name| NameRef { name: name.to_owned() }),
            BackupKind::Manual => None,
        },
    }
}

/// Why Create would send nothing now, for reasons outside the matrices (the form's own fields).
pub fn form_problems(config: &Config) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
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
