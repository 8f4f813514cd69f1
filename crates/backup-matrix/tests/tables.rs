//! Every row of every table in `tables.rs`, checked against the seed as transcribed by hand in
//! `common` (and, where the raw page words a fact differently from the .md, against the raw page).

mod common;

use backup_matrix::tables::{
    self, csi_matrix_row, driver_matrix_row, kdmp_matrix_row, upgrade_effect, vsc_option_label,
    PreUpgradeBackup, UpgradeEffect, CSI_MATRIX, DRIVER_MATRIX, KDMP_MATRIX,
};
use backup_matrix::{BackupType, ProvisionerKind, VscOption};
use common::*;

/// Lowercase, and the raw page's stray apostrophe in "vscs'" dropped.
fn loose(text: &str) -> String {
    text.to_lowercase().replace("vscs'", "vscs")
}

#[test]
fn backup_type_ids_and_names_are_the_seeds() {
    let types: Vec<BackupType> = BackupType::ALL.into_iter().filter(|t| *t != BackupType::Fails).collect();
    assert_eq!(types.len(), BACKUP_TYPES.len());
    for (backup_type, (id, name)) in types.iter().zip(BACKUP_TYPES) {
        assert_eq!(backup_type.id(), id);
        assert_eq!(backup_type.name(), name);
        assert_eq!(serde_json::to_value(backup_type).unwrap(), serde_json::json!(id));
    }
    assert_eq!(BackupType::Fails.id(), FAILS.0);
    assert_eq!(BackupType::Fails.name(), FAILS.1);
    assert_eq!(serde_json::to_value(BackupType::Fails).unwrap(), serde_json::json!(FAILS.0));
}

#[test]
fn the_seeds_md_and_raw_table_1_labels_agree() {
    // A check of the transcription itself: the .md's option labels are the raw page's, recased.
    let raw: Vec<&str> = [1, 3, 5, 7, 9].iter().map(|&i| TABLE_1[i - 1].2).collect();
    for (md, raw) in TABLE_1_MD_OPTIONS.iter().zip(raw) {
        assert_eq!(loose(md), loose(raw));
    }
}

#[test]
fn table_1_has_the_seeds_ten_rows_in_order() {
    assert_eq!(CSI_MATRIX.len(), 10);
    for (row, seed) in CSI_MATRIX.iter().zip(TABLE_1) {
        let (number, provisioner, option, offload, outcome) = seed;
        assert_eq!(row.number, number);
        let kind = match provisioner {
            "Portworx" => ProvisionerKind::Portworx,
            "Non-Portworx" => ProvisionerKind::NonPortworx,
            other => panic!("{other}"),
        };
        assert_eq!(row.provisioner, kind, "row {number}: provisioner");
        assert_eq!(loose(vsc_option_label(row.vsc_option)), loose(option), "row {number}: option");
        assert_eq!(row.offload, offload == "Yes", "row {number}: offload");
        assert_eq!(row.backup_type.id(), type_id_of(outcome), "row {number}: backup type");
    }
}

#[test]
fn table_1_labels_are_the_seeds_md_labels() {
    for (option, md) in VscOption::ALL.into_iter().zip(TABLE_1_MD_OPTIONS) {
        assert_eq!(vsc_option_label(option), md);
        assert_eq!(loose(option_label(option.id())), loose(md), "{option:?}");
    }
}

#[test]
fn csi_matrix_row_finds_the_seeds_row_for_every_combination() {
    let mut found = Vec::new();
    for kind in [ProvisionerKind::Portworx, ProvisionerKind::NonPortworx] {
        for option in VscOption::ALL {
            for offload in [true, false] {
                let portworx = kind == ProvisionerKind::Portworx;
                let row = csi_matrix_row(kind, option, offload);
                // Portworx has only the disabled select; every other provisioner never has it.
                if portworx != (option == VscOption::Disabled) {
                    assert_eq!(row, None, "{kind:?} {option:?} {offload}");
                    continue;
                }
                let (number, outcome) = table_1_row(portworx, option.id(), offload);
                let row = row.unwrap_or_else(|| panic!("no row for {kind:?} {option:?} {offload}"));
                assert_eq!(row.number, number);
                assert_eq!(row.backup_type.id(), outcome);
                found.push(number);
            }
        }
    }
    found.sort_unstable();
    assert_eq!(found, (1..=10).collect::<Vec<u8>>());
}

#[test]
fn table_2_has_the_seeds_four_rows_in_order() {
    assert_eq!(DRIVER_MATRIX.len(), 4);
    for (row, seed) in DRIVER_MATRIX.iter().zip(TABLE_2) {
        assert_eq!(row.id, seed.id);
        assert_eq!(row.backup_type, seed.backup_type, "{}", seed.id);
        assert_eq!(row.driver, seed.driver, "{}", seed.id);
        assert_eq!(row.resources, seed.resources, "{}", seed.id);
        assert_eq!(row.volumes, seed.volumes_md, "{}", seed.id);
        assert_eq!(row.classic_mode, seed.classic == "Supported", "{}", seed.id);
        assert_eq!(row.federated_mode, seed.federated == "Supported", "{}", seed.id);
        assert_eq!(row.produced_by.id(), seed.meets, "{}", seed.id);
    }
}

#[test]
fn table_2_volumes_say_what_the_raw_page_says() {
    // Where the .md rewords the raw page, the facts must still be the raw page's: whether the
    // volumes go to the backup location, and whether a local snapshot stays on the cluster.
    for (row, seed) in DRIVER_MATRIX.iter().zip(TABLE_2) {
        let to_location = seed.volumes_raw.contains("Backed up to backup location");
        let local = seed.volumes_raw.contains("local snapshot on the application cluster");
        assert_eq!(row.volumes.contains("backup location"), to_location, "{}", seed.id);
        assert_eq!(row.volumes.contains("local snapshot"), local, "{}", seed.id);
        assert_eq!(row.volumes.contains("application cluster"), local, "{}", seed.id);
    }
}

#[test]
fn the_two_tables_meet_as_the_seed_says() {
    for (id, _) in BACKUP_TYPES {
        let backup_type = BackupType::ALL.into_iter().find(|t| t.id() == id).unwrap();
        assert_eq!(driver_matrix_row(backup_type).map(|r| r.id), driver_row_of(id), "{id}");
        assert!(driver_row_of(id).is_some(), "every backup type meets a Table 2 row: {id}");
    }
    assert_eq!(driver_matrix_row(BackupType::Fails), None);
}

#[test]
fn table_3_has_the_seeds_eight_rows_in_order() {
    assert_eq!(KDMP_MATRIX.len(), 8);
    for (row, (id, cloud, storage, mechanisms)) in KDMP_MATRIX.iter().zip(TABLE_3) {
        assert_eq!(row.id, id);
        assert_eq!(row.cloud, cloud, "{id}");
        assert_eq!(row.storage, storage, "{id}");
        assert_eq!(row.csi_offload, mechanisms.contains(&CSI_OFFLOAD), "{id}: CSI + offload");
        assert_eq!(row.csi, mechanisms.contains(&CSI), "{id}: CSI");
        let direct = mechanisms.iter().any(|m| m.starts_with("Direct KDMP"));
        assert_eq!(row.direct_kdmp, direct, "{id}: direct KDMP");
        assert!(direct, "the raw page lists direct KDMP for every storage type");
        assert_eq!(row.offers(BackupType::CsiSnapshotOffload), mechanisms.contains(&CSI_OFFLOAD), "{id}");
        assert_eq!(row.offers(BackupType::CsiSnapshot), mechanisms.contains(&CSI), "{id}");
        assert_eq!(row.offers(BackupType::DirectKdmp), direct, "{id}");
        assert!(!row.offers(BackupType::PortworxCloudSnapshot), "{id}: Table 3 has no Portworx column");
        assert!(!row.offers(BackupType::Fails), "{id}");
    }
}

#[test]
fn table_3_drivers_are_the_real_csi_drivers_and_each_serves_one_row() {
    // Facts about the drivers (not in the seed, but public): the CSI driver name of each storage.
    let known = [
        ("ebs.csi.aws.com", "aws-ebs"),
        ("efs.csi.aws.com", "aws-efs"),
        ("disk.csi.azure.com", "azure-disk"),
        ("file.csi.azure.com", "azure-file"),
        ("vpc.block.csi.ibm.io", "ibm"),
        ("pd.csi.storage.gke.io", "gcp-disk"),
        ("filestore.csi.storage.gke.io", "gcp-file"),
        ("openshift-storage.rbd.csi.ceph.com", "ocp"),
    ];
    for (driver, id) in known {
        assert_eq!(kdmp_matrix_row(driver).map(|r| r.id), Some(id), "{driver}");
    }
    let mut all = Vec::new();
    for row in &KDMP_MATRIX {
        assert!(!row.drivers.is_empty(), "{}", row.id);
        for driver in row.drivers {
            assert_eq!(kdmp_matrix_row(driver).map(|r| r.id), Some(row.id), "{driver}");
            assert!(!tables::PORTWORX_PROVISIONERS.contains(driver), "{driver}");
            all.push(*driver);
        }
    }
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count, "a driver serves one storage type");
    for unknown in ["pxd.portworx.com", "kubernetes.io/portworx-volume", "csi.example.com", ""] {
        assert_eq!(kdmp_matrix_row(unknown), None, "{unknown}");
    }
}

#[test]
fn portworx_names_are_the_seeds_and_the_specs() {
    let mut names = tables::PORTWORX_PROVISIONERS.to_vec();
    names.sort_unstable();
    assert_eq!(names, ["kubernetes.io/portworx-volume", "pxd.portworx.com"]);
}

#[test]
fn the_notes_constants_are_the_seeds() {
    assert_eq!(tables::AZURE_FILE_MIN_SNAPSHOT_RESTORE_VERSION, (1, 30, 2));
    assert_eq!(tables::MATRIX_MIN_VERSION, "2.7.0");
    assert_eq!(tables::KDMP_BUFFER_FACTOR, 2, "twice the size of the original PVC");
}

#[test]
fn upgrade_effect_follows_the_upgrade_table_for_every_combination() {
    let mut rows_used = [0; 4];
    for scheduled in [false, true] {
        for cloud_native_driver in [false, true] {
            for vsc_available in [false, true] {
                // Which row of the seed's upgrade table describes this backup.
                let row = match (scheduled, cloud_native_driver, vsc_available) {
                    (false, _, _) => 0,
                    (true, true, true) => 1,
                    (true, true, false) => 2,
                    (true, false, _) => 3,
                };
                rows_used[row] += 1;
                let (backup, created_with, after) = UPGRADE_TABLE[row];
                assert_eq!(backup.starts_with("scheduled"), scheduled);
                if scheduled {
                    assert_eq!(created_with.starts_with("cloud native driver"), cloud_native_driver);
                } else {
                    assert_eq!(created_with, "any driver");
                }
                let expected = match after {
                    "not affected" => UpgradeEffect::NotAffected,
                    "migrated to CSI snapshot with offload to backup location" => {
                        UpgradeEffect::MigratedToCsiOffload
                    }
                    "uses the KDMP driver: direct KDMP backup" => UpgradeEffect::UsesDirectKdmp,
                    "unchanged" => UpgradeEffect::Unchanged,
                    other => panic!("{other}"),
                };
                let backup = PreUpgradeBackup { scheduled, cloud_native_driver, vsc_available };
                assert_eq!(upgrade_effect(backup), expected, "{backup:?}");
            }
        }
    }
    assert_eq!(rows_used, [4, 1, 1, 2], "each row of the upgrade table is reached");
}
