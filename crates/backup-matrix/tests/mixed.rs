//! Backups with several provisioners at once: the backup fails when any provisioner fails, the
//! Table 2 rows in use are listed in Table 2's order, and each notice appears exactly when the
//! seed's notes apply.

mod common;

use std::collections::BTreeSet;

use backup_matrix::{decide, decide_json, Level};
use common::*;
use serde_json::{json, Value};

#[test]
fn every_triple_of_provisioner_states() {
    let mut cases = 0;
    let mut seen_rows = BTreeSet::new();
    for a in 0..STATES {
        for b in 0..STATES {
            for c in 0..STATES {
                for offload in [false, true] {
                    for cross_cloud in [false, true] {
                        cases += 1;
                        let mut entries = Vec::new();
                        let mut expected = Vec::new();
                        for (slot, index) in [a, b, c].into_iter().enumerate() {
                            let (portworx, classes, selection) = state(index, slot);
                            let name = format!("slot{slot}.csi.example.com");
                            entries.push(provisioner_json(&name, portworx, &classes, &selection));
                            expected.push(expect(
                                portworx.is_some(),
                                &classes,
                                &selection,
                                offload,
                                cross_cloud,
                            ));
                        }
                        let config = config_json(entries, offload, cross_cloud, false);
                        let case = config.to_string();
                        let decision = serde_json::to_value(decide(&parse(&config))).unwrap();
                        for (p, e) in decision["provisioners"].as_array().unwrap().iter().zip(&expected) {
                            // A provisioner's outcome does not depend on the others.
                            assert_eq!(p["backupType"], e.backup_type, "{case}");
                            assert_eq!(p["csiMatrixRow"], json!(e.row), "{case}");
                            assert_eq!(p["vscOption"], e.vsc_option, "{case}");
                        }
                        let any_fails = expected.iter().any(|e| e.backup_type == "fails");
                        assert_eq!(decision["canCreate"], !any_fails, "{case}");
                        let rows: Vec<&str> = if any_fails {
                            vec![]
                        } else {
                            TABLE_2
                                .iter()
                                .filter(|row| expected.iter().any(|e| e.backup_type == row.meets))
                                .map(|row| row.id)
                                .collect()
                        };
                        assert_eq!(decision["driverMatrixRows"], json!(rows), "{case}");
                        seen_rows.insert(rows);

                        let ids = notice_ids(&decision);
                        let has = |id: &str| ids.iter().filter(|n| *n == id).count();
                        assert_eq!(has("backup-fails"), usize::from(any_fails), "{case}");
                        assert_eq!(
                            has("recommend-snapshot-class-mapping"),
                            usize::from(cross_cloud),
                            "{case}"
                        );
                        let kdmp = expected
                            .iter()
                            .any(|e| matches!(e.backup_type, "direct-kdmp" | "csi-snapshot-offload"));
                        assert_eq!(has("kdmp-buffer"), usize::from(kdmp && !any_fails), "{case}");
                        assert_eq!(has("fresh-install"), 1, "{case}");
                        for absent in
                            ["azure-file-driver-version", "kdmp-matrix-no-csi", "unmatched-snapshot-classes"]
                        {
                            assert_eq!(has(absent), 0, "{case}");
                        }
                        let unique: BTreeSet<&String> = ids.iter().collect();
                        assert_eq!(unique.len(), ids.len(), "{case}: a notice appears once");
                    }
                }
            }
        }
    }
    assert_eq!(cases, STATES.pow(3) * 4);
    // Every non-empty ordered subset of Table 2 that can be in use at once shows up.
    assert!(seen_rows.contains(&vec![]));
    assert!(seen_rows.contains(&vec!["cross-cloud"]));
    assert!(seen_rows.contains(&vec!["cross-cloud", "snapshot-class-mapping-offload", "cloudsnap"]));
    assert!(seen_rows.contains(&vec!["snapshot-class-mapping", "cloudsnap"]));
    assert!(seen_rows.contains(&vec!["snapshot-class-mapping"]));
}

fn mixed(offload: bool, cross_cloud: bool, extra: Vec<Value>) -> Value {
    let mut entries = vec![
        json!({ "name": "pxd.portworx.com" }),
        json!({ "name": "ebs.csi.aws.com", "volumeSnapshotClasses": [{ "name": "ebs-vsc", "default": true }] }),
    ];
    entries.extend(extra);
    config_json(entries, offload, cross_cloud, false)
}

#[test]
fn one_failing_provisioner_among_many_fails_the_backup_and_names_it() {
    let config = mixed(false, false, vec![json!({ "name": "efs.csi.aws.com" })]);
    let decision = decide(&parse(&config));
    assert!(!decision.can_create);
    assert!(decision.driver_matrix_rows.is_empty());
    let fails: Vec<_> = decision.notices.iter().filter(|n| n.id == "backup-fails").collect();
    assert_eq!(fails.len(), 1);
    assert_eq!(fails[0].level, Level::Error);
    assert!(fails[0].text.contains("\"efs.csi.aws.com\""), "{}", fails[0].text);
    assert!(!fails[0].text.contains("ebs.csi.aws.com"), "only the failing provisioner is named");
    assert!(decision.headline().contains("1 of 3"), "{}", decision.headline());
    // The same cluster with offload: EFS gets a direct KDMP backup (row 3) and the backup is made.
    let decision = decide(&parse(&mixed(true, false, vec![json!({ "name": "efs.csi.aws.com" })])));
    assert!(decision.can_create);
    let rows: Vec<_> = decision.provisioners.iter().map(|p| p.csi_matrix_row).collect();
    assert_eq!(rows, [Some(1), Some(5), Some(3)]);
    assert_eq!(decision.driver_matrix_rows, ["cross-cloud", "snapshot-class-mapping-offload", "cloudsnap"]);
}

#[test]
fn two_hundred_provisioners_with_the_last_one_failing() {
    let mut entries: Vec<Value> = (0..199)
        .map(|i| {
            json!({ "name": format!("p{i}.csi.example.com"), "volumeSnapshotClasses": [{ "name": format!("vsc-{i}") }] })
        })
        .collect();
    entries.push(json!({ "name": "last.csi.example.com" }));
    let decision = decide(&parse(&config_json(entries.clone(), false, false, false)));
    assert!(!decision.can_create);
    assert_eq!(decision.provisioners.iter().filter(|p| p.csi_matrix_row == Some(8)).count(), 199);
    assert_eq!(decision.provisioners[199].csi_matrix_row, Some(4));
    entries.pop();
    let decision = decide(&parse(&config_json(entries, false, false, false)));
    assert!(decision.can_create);
    assert_eq!(decision.driver_matrix_rows, ["snapshot-class-mapping"]);
}

#[test]
fn the_azure_file_caution_applies_exactly_to_csi_snapshots_of_azure_files() {
    let azure_file = |driver: &str| json!({ "name": driver, "volumeSnapshotClasses": [{ "name": format!("{}-vsc", driver.replace(['/', '.'], "-")) }] });
    for driver in ["file.csi.azure.com", "kubernetes.io/azure-file"] {
        for (offload, cross_cloud, expected) in
            [(false, false, true), (true, false, true), (false, true, false)]
        {
            let decision = decide(&parse(&mixed(offload, cross_cloud, vec![azure_file(driver)])));
            let notice = decision.notices.iter().find(|n| n.id == "azure-file-driver-version");
            assert_eq!(notice.is_some(), expected, "{driver} offload={offload} cross={cross_cloud}");
            if let Some(notice) = notice {
                assert_eq!(notice.level, Level::Warning);
                assert!(notice.text.contains("v1.30.2"), "{}", notice.text);
                assert!(notice.text.contains(driver), "{}", notice.text);
                assert!(!notice.text.contains("ebs.csi.aws.com"), "{}", notice.text);
            }
        }
    }
    // Azure file with no VSC and offload: a direct KDMP backup, not a CSI snapshot. No caution.
    let decision = decide(&parse(&mixed(true, false, vec![json!({ "name": "file.csi.azure.com" })])));
    assert!(decision.notices.iter().all(|n| n.id != "azure-file-driver-version"));
    // Azure disk is not Azure file.
    let disk = json!({ "name": "disk.csi.azure.com", "volumeSnapshotClasses": [{ "name": "azdisk" }] });
    let decision = decide(&parse(&mixed(false, false, vec![disk])));
    assert!(decision.notices.iter().all(|n| n.id != "azure-file-driver-version"));
}

#[test]
fn table_3_storage_without_csi_snapshots_is_flagged_when_it_gets_one() {
    // Table 3: EFS and Azure file share list only a direct KDMP backup.
    let cases = [
        ("efs.csi.aws.com", true),
        ("file.csi.azure.com", true),
        ("ebs.csi.aws.com", false),
        ("disk.csi.azure.com", false),
        ("filestore.csi.storage.gke.io", false),
        ("pd.csi.storage.gke.io", false),
        ("vpc.block.csi.ibm.io", false),
        ("openshift-storage.cephfs.csi.ceph.com", false),
        ("csi.example.com", false),
    ];
    for (driver, flagged) in cases {
        for offload in [false, true] {
            let entry = json!({ "name": driver, "volumeSnapshotClasses": [{ "name": "the-vsc" }] });
            let decision = decide(&parse(&config_json(vec![entry.clone()], offload, false, false)));
            let notice = decision.notices.iter().find(|n| n.id == "kdmp-matrix-no-csi");
            assert_eq!(notice.is_some(), flagged, "{driver} offload={offload}");
            if let Some(notice) = notice {
                assert_eq!(notice.level, Level::Warning);
                assert!(notice.text.contains(driver));
            }
            // Cross Cloud Backup/Restore gives the direct KDMP backup Table 3 lists: nothing to flag.
            let decision = decide(&parse(&config_json(vec![entry], offload, true, false)));
            assert!(decision.notices.iter().all(|n| n.id != "kdmp-matrix-no-csi"), "{driver}");
        }
        // Without a VSC, no CSI snapshot is taken: nothing to flag.
        let decision = decide(&parse(&config_json(vec![json!({ "name": driver })], true, false, false)));
        assert!(decision.notices.iter().all(|n| n.id != "kdmp-matrix-no-csi"), "{driver}");
    }
}

#[test]
fn the_notes_say_what_the_seed_says() {
    let decision = decide(&parse(&mixed(true, true, vec![])));
    let text = |id: &str| decision.notices.iter().find(|n| n.id == id).unwrap().text.clone();
    assert!(text("kdmp-buffer").contains("2x"), "twice the size of the PVC");
    assert!(text("kdmp-buffer").contains("PVC"));
    assert!(text("fresh-install").contains("2.7.0"));
    assert!(text("fresh-install").contains("fresh install"));
    let recommendation = text("recommend-snapshot-class-mapping");
    assert!(recommendation.contains("snapshot class mapping"), "{recommendation}");
    assert!(recommendation.contains("faster"), "{recommendation}");
    for notice in &decision.notices {
        let expected = match notice.id {
            "backup-fails" => Level::Error,
            "azure-file-driver-version" | "kdmp-matrix-no-csi" => Level::Warning,
            _ => Level::Info,
        };
        assert_eq!(notice.level, expected, "{}", notice.id);
    }
}

#[test]
fn headline_names_the_types_in_use_in_the_seeds_words() {
    let decision = decide(&parse(&mixed(true, false, vec![json!({ "name": "efs.csi.aws.com" })])));
    let headline = decision.headline();
    for (_, name) in [BACKUP_TYPES[0], BACKUP_TYPES[1], BACKUP_TYPES[3]] {
        assert!(headline.contains(name), "{headline}");
    }
    assert!(!headline.contains("fails"));
}

#[test]
fn decide_json_is_parse_then_decide() {
    let config = mixed(false, false, vec![json!({ "name": "efs.csi.aws.com" })]);
    let text = config.to_string();
    assert_eq!(decide_json(&text).unwrap(), decide(&parse(&config)));
    assert_eq!(decide_json("{").unwrap_err().path, "(root)");
}

#[test]
fn a_failing_headline_names_the_provisioners_that_fail() {
    let config = backup_matrix::scenarios::find("mixed").unwrap().config();
    let headline = backup_matrix::decide(&config).headline();
    assert!(
        headline.starts_with("The backup fails: 1 of 5 provisioners (\"efs.csi.aws.com\") has"),
        "{headline}"
    );
    assert!(!headline.contains("pxd.portworx.com"), "{headline}");
}
