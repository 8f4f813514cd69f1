//! Table 3 as an environment picker, held to the seed's KDMP backup matrix (transcribed in tests/common):
//! each storage type's provisioner gives, through `decide()`, exactly the mechanisms the page
//! lists for it, and a storage type without CSI snapshots has no VSC at all.

use backup_matrix::environment::{mechanisms, provisioner_for};
use backup_matrix::tables::KDMP_MATRIX;
use backup_matrix::{decide, BackupType, Config};

mod common;

// The seed's Table 3, transcribed once for all tests.
use common::{CSI, CSI_OFFLOAD, TABLE_3};

/// The backup type a mechanism of the page stands for.
fn type_of(mechanism: &str) -> BackupType {
    match mechanism {
        CSI_OFFLOAD => BackupType::CsiSnapshotOffload,
        CSI => BackupType::CsiSnapshot,
        "Direct KDMP backup" | "Direct KDMP" => BackupType::DirectKdmp,
        other => panic!("not a mechanism of Table 3: {other}"),
    }
}

fn config_for(row_id: &str, offload: bool, cross_cloud: bool) -> Config {
    let config = Config {
        provisioners: vec![provisioner_for(row_id).unwrap()],
        offload,
        cross_cloud,
        ..Config::default()
    };
    config.validate().unwrap_or_else(|e| panic!("{row_id}: {e}"));
    config
}

#[test]
fn every_row_of_the_seed_is_an_environment() {
    assert_eq!(KDMP_MATRIX.len(), TABLE_3.len());
    for ((id, cloud, storage, _), row) in TABLE_3.iter().zip(&KDMP_MATRIX) {
        assert_eq!((row.id, row.cloud, row.storage), (*id, *cloud, *storage));
        let provisioner = provisioner_for(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(provisioner.name, row.drivers[0], "{id}: its first driver");
        assert!(!provisioner.is_portworx(), "{id}");
    }
}

#[test]
fn mechanisms_are_the_seeds_in_its_order() {
    for (id, _, _, listed) in TABLE_3 {
        let expected: Vec<BackupType> = listed.iter().map(|m| type_of(m)).collect();
        assert_eq!(mechanisms(id), expected, "{id}");
    }
}

#[test]
fn vscs_exactly_where_the_storage_offers_csi_snapshots() {
    for (id, _, _, listed) in TABLE_3 {
        let provisioner = provisioner_for(id).unwrap();
        let classes = &provisioner.volume_snapshot_classes;
        if listed.contains(&CSI) {
            assert_eq!(classes.len(), 1, "{id}: one VSC");
            assert!(classes[0].default, "{id}: annotated default");
            assert!(!classes[0].name.is_empty());
        } else {
            assert!(classes.is_empty(), "{id}: its only path is direct KDMP, so no VSC");
        }
    }
}

#[test]
fn every_outcome_of_the_form_is_a_listed_mechanism_or_the_no_vsc_failure() {
    for (id, _, _, listed) in TABLE_3 {
        let listed: Vec<BackupType> = listed.iter().map(|m| type_of(m)).collect();
        let csi = listed.contains(&BackupType::CsiSnapshot);
        let mut produced = Vec::new();
        for (offload, cross_cloud) in [(true, false), (false, false), (false, true), (true, true)] {
            let decision = decide(&config_for(id, offload, cross_cloud));
            let p = &decision.provisioners[0];
            assert_eq!(p.kdmp_matrix_row, Some(id), "{id}");
            if !csi && !offload && !cross_cloud {
                // Table 1 row 4: no VSC and no offload fails; the page's only path is direct KDMP.
                assert_eq!((p.backup_type, p.csi_matrix_row), (BackupType::Fails, Some(4)), "{id}");
                assert!(!decision.can_create);
                continue;
            }
            assert!(decision.can_create, "{id} offload={offload} cross={cross_cloud}");
            assert!(listed.contains(&p.backup_type), "{id}: {:?} not in {listed:?}", p.backup_type);
            let expected_row = match (cross_cloud, csi, offload) {
                (true, _, _) => None,
                (false, true, true) => Some(5),
                (false, true, false) => Some(6),
                (false, false, _) => Some(3),
            };
            assert_eq!(p.csi_matrix_row, expected_row, "{id} offload={offload} cross={cross_cloud}");
            // The storage's own caution: nothing the picker sets up contradicts Table 3.
            assert!(
                !decision.notices.iter().any(|n| n.id == "kdmp-matrix-no-csi"),
                "{id}: {:?}",
                decision.notices
            );
            produced.push(p.backup_type);
        }
        produced.sort();
        produced.dedup();
        let mut listed = listed;
        listed.sort();
        assert_eq!(produced, listed, "{id}: every listed mechanism is reachable from the form");
    }
}

#[test]
fn unknown_rows_give_nothing() {
    for id in ["", "aws", "AWS-EBS", "portworx", "mixed", "azure-file "] {
        assert_eq!(provisioner_for(id), None, "{id:?}");
        assert!(mechanisms(id).is_empty(), "{id:?}");
    }
}
