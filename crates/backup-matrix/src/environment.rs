//! Table 3, the KDMP backup matrix, as an environment picker: for each cloud storage type, a
//! realistic provisioner to put in the form, and the backup mechanisms the table lists for it.

use crate::config::Provisioner;
use crate::tables::{self, KdmpMatrixRow};
use crate::types::BackupType;

/// The mechanisms of Table 3, in the order the page lists them.
const MECHANISMS: [BackupType; 3] =
    [BackupType::CsiSnapshotOffload, BackupType::CsiSnapshot, BackupType::DirectKdmp];

/// The Table 3 row with this id.
fn row(row_id: &str) -> Option<&'static KdmpMatrixRow> {
    tables::KDMP_MATRIX.iter().find(|row| row.id == row_id)
}

/// The usual name of the default VolumeSnapshotClass for a Table 3 row's storage.
fn snapshot_class_name(row_id: &str) -> String {
    match row_id {
        "aws-ebs" => "ebs-vsc".to_owned(),
        "azure-disk" => "csi-azuredisk-vsc".to_owned(),
        "ibm" => "ibmc-vpcblock-snapshot".to_owned(),
        "gcp-disk" => "csi-gce-pd-snapshot-class".to_owned(),
        "gcp-file" => "csi-gcp-filestore-snapshot-class".to_owned(),
        "ocp" => "ocs-storagecluster-rbdplugin-snapclass".to_owned(),
        other => format!("{other}-vsc"),
    }
}

/// A realistic provisioner for a Table 3 row: its first driver, with one default VSC only when the storage offers CSI snapshots.
pub fn provisioner_for(row_id: &str) -> Option<Provisioner> {
    let row = row(row_id)?;
    let name = row.drivers.first()?;
    let offers_csi = row.csi || row.csi_offload;
    let class = snapshot_class_name(row.id);
    let classes: &[(&str, bool)] = if offers_csi { &[(class.as_str(), true)] } else { &[] };
    Some(Provisioner::new(name, classes))
}

/// The backup mechanisms Table 3 lists for a row, in the page's order; empty for an unknown row.
pub fn mechanisms(row_id: &str) -> Vec<BackupType> {
    match row(row_id) {
        Some(row) => MECHANISMS.into_iter().filter(|mechanism| row.offers(*mechanism)).collect(),
        None => Vec::new(),
    }
}
