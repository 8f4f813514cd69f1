//! The source's tables ("Backup Types by Driver Matrix", Portworx Backup 3.0) as typed data.
//! Each fact is stated here once; the rules in `decide` look rows up, never restate them.

use crate::types::{BackupType, ProvisionerKind, VscOption};

/// One row of Table 1, the CSI backup matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsiMatrixRow {
    /// The row number, 1 to 10, as `csiMatrixRow` in the Decision.
    pub number: u8,
    pub provisioner: ProvisionerKind,
    pub vsc_option: VscOption,
    /// "Offload CSI snapshots to backup location" selected.
    pub offload: bool,
    pub backup_type: BackupType,
}

const fn csi(
    number: u8,
    provisioner: ProvisionerKind,
    vsc_option: VscOption,
    offload: bool,
    backup_type: BackupType,
) -> CsiMatrixRow {
    CsiMatrixRow { number, provisioner, vsc_option, offload, backup_type }
}

use BackupType as B;
use ProvisionerKind::{NonPortworx, Portworx};
use VscOption as V;

/// Table 1: the CSI backup matrix (Create Backup window → backup type).
pub const CSI_MATRIX: [CsiMatrixRow; 10] = [
    csi(1, Portworx, V::Disabled, true, B::PortworxCloudSnapshot),
    csi(2, Portworx, V::Disabled, false, B::PortworxCloudSnapshot),
    csi(3, NonPortworx, V::None, true, B::DirectKdmp),
    csi(4, NonPortworx, V::None, false, B::Fails),
    csi(5, NonPortworx, V::DefaultSingle, true, B::CsiSnapshotOffload),
    csi(6, NonPortworx, V::DefaultSingle, false, B::CsiSnapshot),
    csi(7, NonPortworx, V::NonDefaultSingle, true, B::CsiSnapshotOffload),
    csi(8, NonPortworx, V::NonDefaultSingle, false, B::CsiSnapshot),
    csi(9, NonPortworx, V::Multiple, true, B::CsiSnapshotOffload),
    csi(10, NonPortworx, V::Multiple, false, B::CsiSnapshot),
];

/// How Table 1 words each VSC option in its second column.
pub fn vsc_option_label(option: VscOption) -> &'static str {
    match option {
        V::Disabled => "Disabled (always)",
        V::None => "No VSC (disabled)",
        V::DefaultSingle => "Default single VSC (auto-populated)",
        V::NonDefaultSingle => "Non-default single VSC (auto-populated)",
        V::Multiple => "Non-default multiple VSCs (in the drop-down)",
    }
}

/// Looks up the Table 1 row for one provisioner's state. Every combination the form can
/// produce has exactly one row; `None` only for combinations the form cannot produce
/// (a Portworx provisioner with an enabled select, or a non-Portworx one with a disabled one).
pub fn csi_matrix_row(
    provisioner: ProvisionerKind,
    vsc_option: VscOption,
    offload: bool,
) -> Option<&'static CsiMatrixRow> {
    CSI_MATRIX
        .iter()
        .find(|row| row.provisioner == provisioner && row.vsc_option == vsc_option && row.offload == offload)
}

/// One row of Table 2, the backup driver matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DriverMatrixRow {
    /// The id used in `driverMatrixRows`.
    pub id: &'static str,
    pub backup_type: &'static str,
    pub driver: &'static str,
    pub resources: &'static str,
    pub volumes: &'static str,
    pub classic_mode: bool,
    pub federated_mode: bool,
    /// The Table 1 outcome this row stands for.
    pub produced_by: BackupType,
}

const TO_LOCATION: &str = "Backed up to backup location";

/// Table 2: the backup driver matrix.
pub const DRIVER_MATRIX: [DriverMatrixRow; 4] = [
    DriverMatrixRow {
        id: "cross-cloud",
        backup_type: "Cross-cloud",
        driver: "KDMP",
        resources: TO_LOCATION,
        volumes: TO_LOCATION,
        classic_mode: true,
        federated_mode: true,
        produced_by: B::DirectKdmp,
    },
    DriverMatrixRow {
        id: "snapshot-class-mapping",
        backup_type: "Snapshot class mapping",
        driver: "CSI",
        resources: TO_LOCATION,
        volumes: "Stay on the application cluster as a local snapshot",
        classic_mode: true,
        federated_mode: true,
        produced_by: B::CsiSnapshot,
    },
    DriverMatrixRow {
        id: "snapshot-class-mapping-offload",
        backup_type: "Snapshot class mapping + Offload to backup location",
        driver: "CSI+KDMP",
        resources: TO_LOCATION,
        volumes: "Backed up to backup location, and a local snapshot stays on the application cluster",
        classic_mode: true,
        federated_mode: true,
        produced_by: B::CsiSnapshotOffload,
    },
    DriverMatrixRow {
        id: "cloudsnap",
        backup_type: "Cloudsnap",
        driver: "PXD (Portworx driver)",
        resources: TO_LOCATION,
        volumes: TO_LOCATION,
        classic_mode: true,
        federated_mode: true,
        produced_by: B::PortworxCloudSnapshot,
    },
];

/// The Table 2 row that a Table 1 outcome meets; a failed backup meets none.
pub fn driver_matrix_row(backup_type: BackupType) -> Option<&'static DriverMatrixRow> {
    DRIVER_MATRIX.iter().find(|row| row.produced_by == backup_type)
}

/// One row of Table 3, the KDMP backup matrix (storage whose provider supports CSI snapshots).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdmpMatrixRow {
    /// A stable id for the row, as `kdmpMatrixRow` in the Decision.
    pub id: &'static str,
    pub cloud: &'static str,
    pub storage: &'static str,
    /// CSI snapshot with KDMP local snapshot, when offload is selected.
    pub csi_offload: bool,
    /// CSI snapshot, when offload is not selected.
    pub csi: bool,
    pub direct_kdmp: bool,
    /// The CSI driver names that serve this storage type.
    pub drivers: &'static [&'static str],
}

const fn kdmp(
    id: &'static str,
    cloud: &'static str,
    storage: &'static str,
    csi_paths: bool,
    drivers: &'static [&'static str],
) -> KdmpMatrixRow {
    KdmpMatrixRow { id, cloud, storage, csi_offload: csi_paths, csi: csi_paths, direct_kdmp: true, drivers }
}

/// Table 3: the KDMP backup matrix.
pub const KDMP_MATRIX: [KdmpMatrixRow; 8] = [
    kdmp("aws-ebs", "AWS", "EBS", true, &["ebs.csi.aws.com", "kubernetes.io/aws-ebs"]),
    kdmp("aws-efs", "AWS", "EFS", false, &["efs.csi.aws.com"]),
    kdmp("azure-disk", "Azure", "Disk", true, &["disk.csi.azure.com", "kubernetes.io/azure-disk"]),
    kdmp("azure-file", "Azure", "File share", false, &["file.csi.azure.com", "kubernetes.io/azure-file"]),
    kdmp("ibm", "IBM", "IBM storage", true, &["vpc.block.csi.ibm.io", "block.csi.ibm.com"]),
    kdmp("gcp-disk", "GCP", "Google disk", true, &["pd.csi.storage.gke.io", "kubernetes.io/gce-pd"]),
    kdmp("gcp-file", "GCP", "Google file", true, &["filestore.csi.storage.gke.io"]),
    kdmp(
        "ocp",
        "OCP",
        "OCP storage",
        true,
        &["openshift-storage.rbd.csi.ceph.com", "openshift-storage.cephfs.csi.ceph.com"],
    ),
];

/// The Table 3 row whose storage a provisioner serves, if it is one the table names.
pub fn kdmp_matrix_row(provisioner: &str) -> Option<&'static KdmpMatrixRow> {
    KDMP_MATRIX.iter().find(|row| row.drivers.contains(&provisioner))
}

impl KdmpMatrixRow {
    /// Whether this storage type offers the given backup type, per Table 3. Portworx cloud
    /// snapshots are not part of this table; a failed backup is offered by none.
    pub fn offers(&self, backup_type: BackupType) -> bool {
        match backup_type {
            B::CsiSnapshotOffload => self.csi_offload,
            B::CsiSnapshot => self.csi,
            B::DirectKdmp => self.direct_kdmp,
            B::PortworxCloudSnapshot | B::Fails => false,
        }
    }
}

/// Provisioner names that are Portworx's own, whatever the config says.
pub const PORTWORX_PROVISIONERS: [&str; 2] = ["pxd.portworx.com", "kubernetes.io/portworx-volume"];

/// The Azure file CSI driver version from which CSI snapshot restore of SMB volumes works.
pub const AZURE_FILE_MIN_SNAPSHOT_RESTORE_VERSION: (u32, u32, u32) = (1, 30, 2);

/// The Portworx Backup version from which the matrices apply to fresh installations.
pub const MATRIX_MIN_VERSION: &str = "2.7.0";

/// The KDMP buffer: extra storage as a multiple of the original PVC size.
pub const KDMP_BUFFER_FACTOR: u64 = 2;

/// What happens to a backup made on 2.6.0 or earlier after upgrading to 2.7.0 or later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpgradeEffect {
    NotAffected,
    MigratedToCsiOffload,
    UsesDirectKdmp,
    Unchanged,
}

/// The kind of a pre-upgrade backup, as the upgrade table tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreUpgradeBackup {
    pub scheduled: bool,
    pub cloud_native_driver: bool,
    pub vsc_available: bool,
}

/// The upgrade table: manual backups are not affected; only scheduled backups made with the
/// cloud native driver migrate, to CSI + offload when a VSC is available, else to direct KDMP.
pub fn upgrade_effect(backup: PreUpgradeBackup) -> UpgradeEffect {
    match backup {
        PreUpgradeBackup { scheduled: false, .. } => UpgradeEffect::NotAffected,
        PreUpgradeBackup { cloud_native_driver: false, .. } => UpgradeEffect::Unchanged,
        PreUpgradeBackup { vsc_available: true, .. } => UpgradeEffect::MigratedToCsiOffload,
        PreUpgradeBackup { vsc_available: false, .. } => UpgradeEffect::UsesDirectKdmp,
    }
}
