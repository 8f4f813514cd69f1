//! The plain vocabulary of the source: backup types, VSC options, modes.

use serde::{Deserialize, Serialize};

/// What one provisioner's volumes get when the backup runs: one of the source's four backup
/// types, or the fifth outcome, a failed backup. In JSON its `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
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

/// Whether a provisioner is Portworx's own or any other CSI provisioner. In JSON its `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProvisionerKind {
    Portworx,
    NonPortworx,
}

/// The state of a provisioner's "Volume snapshot class" field, as Table 1 names it. In JSON
/// its `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
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

/// Portworx Backup's operation mode. In JSON its `id`; a config reads it with
/// `strict::choice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Classic,
    Federated,
}

/// The level of a notice in the preview. In JSON its `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
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
