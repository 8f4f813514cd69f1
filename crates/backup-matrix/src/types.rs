//! The plain vocabulary of the source: backup types, VSC options, modes.

use crate::json::{Json, ToJson};

/// What one provisioner's volumes get when the backup runs: one of the source's four backup
/// types, or the fifth outcome, a failed backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BackupType {
    PortworxCloudSnapshot,
    DirectKdmp,
    CsiSnapshot,
    CsiSnapshotOffload,
    Fails,
}

impl BackupType {
    /// Every outcome, in the order the source lists them.
    pub const ALL: [BackupType; 5] = [
        BackupType::PortworxCloudSnapshot,
        BackupType::DirectKdmp,
        BackupType::CsiSnapshot,
        BackupType::CsiSnapshotOffload,
        BackupType::Fails,
    ];

    /// The id used in JSON and code.
    pub fn id(self) -> &'static str {
        match self {
            BackupType::PortworxCloudSnapshot => "portworx-cloud-snapshot",
            BackupType::DirectKdmp => "direct-kdmp",
            BackupType::CsiSnapshot => "csi-snapshot",
            BackupType::CsiSnapshotOffload => "csi-snapshot-offload",
            BackupType::Fails => "fails",
        }
    }

    /// The name in the words of the source's CSI backup matrix.
    pub fn name(self) -> &'static str {
        match self {
            BackupType::PortworxCloudSnapshot => "Portworx cloud snapshot",
            BackupType::DirectKdmp => "Direct KDMP backup",
            BackupType::CsiSnapshot => "CSI snapshot",
            BackupType::CsiSnapshotOffload => {
                "CSI snapshot + offload snapshot to backup location (KDMP backup)"
            }
            BackupType::Fails => "Backup creation fails",
        }
    }

    /// Whether the KDMP driver moves data for this type (the 2x PVC buffer applies).
    pub fn uses_kdmp(self) -> bool {
        matches!(self, BackupType::DirectKdmp | BackupType::CsiSnapshotOffload)
    }

    /// Whether a CSI snapshot is taken for this type.
    pub fn uses_csi_snapshot(self) -> bool {
        matches!(self, BackupType::CsiSnapshot | BackupType::CsiSnapshotOffload)
    }
}

/// Whether a provisioner is Portworx's own or any other CSI provisioner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProvisionerKind {
    Portworx,
    NonPortworx,
}

/// The state of a provisioner's "Volume snapshot class" field, as Table 1 names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VscOption {
    /// Portworx: the select is always disabled.
    Disabled,
    /// No VSC: the provisioner has none, or none is chosen in a drop-down.
    None,
    /// One VSC, annotated default: auto-populated.
    DefaultSingle,
    /// One VSC, not annotated default: auto-populated.
    NonDefaultSingle,
    /// Several VSCs in a drop-down, one of them chosen.
    Multiple,
}

impl VscOption {
    /// Every option, in Table 1's order.
    pub const ALL: [VscOption; 5] = [
        VscOption::Disabled,
        VscOption::None,
        VscOption::DefaultSingle,
        VscOption::NonDefaultSingle,
        VscOption::Multiple,
    ];

    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            VscOption::Disabled => "disabled",
            VscOption::None => "none",
            VscOption::DefaultSingle => "default-single",
            VscOption::NonDefaultSingle => "non-default-single",
            VscOption::Multiple => "multiple",
        }
    }
}

/// Portworx Backup's operation mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    #[default]
    Classic,
    Federated,
}

/// The level of a notice in the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl ProvisionerKind {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            ProvisionerKind::Portworx => "portworx",
            ProvisionerKind::NonPortworx => "non-portworx",
        }
    }
}

impl Mode {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Classic => "classic",
            Mode::Federated => "federated",
        }
    }
}

impl Level {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// Each of these is its id in JSON.
macro_rules! json_by_id {
    ($($type:ty),*) => {
        $(
            impl ToJson for $type {
                fn to_json(&self) -> Json {
                    Json::from(self.id())
                }
            }
        )*
    };
}

json_by_id!(BackupType, ProvisionerKind, VscOption, Mode, Level);
crate::serialize_as_json!(BackupType, ProvisionerKind, VscOption, Mode, Level);
