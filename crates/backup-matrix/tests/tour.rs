//! The guided tour of Table 1: from every built-in scenario, every row is one small change away;
//! the change keeps the config valid, and its steps count the user's clicks and selections.

mod common;

use backup_matrix::scenarios::{self, SCENARIOS};
use backup_matrix::tour::{reach_row, steps};
use backup_matrix::{decide, Config, Provisioner, Selection};
use common::*;

fn scenario(id: &str) -> Config {
    scenarios::find(id).unwrap().config()
}

fn names(config: &Config) -> Vec<&str> {
    config.provisioners.iter().map(|p| p.name.as_str()).collect()
}

/// The changes between two configs other than to provisioners: only the two checkboxes.
fn same_but_provisioners_and_checkboxes(a: &Config, b: &Config) -> bool {
    Config { provisioners: vec![], offload: false, cross_cloud: false, ..a.clone() }
        == Config { provisioners: vec![], offload: false, cross_cloud: false, ..b.clone() }
}

#[test]
fn every_scenario_reaches_every_row() {
    for scenario in &SCENARIOS {
        for start in [scenario.config(), Config { offload: true, cross_cloud: true, ..scenario.config() }] {
            for row in 1..=10u8 {
                let reached = reach_row(&start, row).unwrap_or_else(|| panic!("{} row {row}", scenario.id));
                reached.validate().unwrap_or_else(|e| panic!("{} row {row}: {e}", scenario.id));
                assert!(!reached.cross_cloud);
                assert_eq!(
                    reached.offload,
                    TABLE_1[usize::from(row) - 1].3 == "Yes",
                    "{} row {row}",
                    scenario.id
                );
                let decision = decide(&reached);
                assert!(
                    decision.provisioners.iter().any(|p| p.csi_matrix_row == Some(row)),
                    "{} row {row}: {:?}",
                    scenario.id,
                    decision.provisioners
                );
                // Existing provisioners keep their names, VSCs and Portworx mark; at most one is
                // added, at the end; at most one selection changes.
                assert!(same_but_provisioners_and_checkboxes(&start, &reached));
                assert!(reached.provisioners.len() <= start.provisioners.len() + 1);
                let changed = start
                    .provisioners
                    .iter()
                    .zip(&reached.provisioners)
                    .filter(|(a, b)| {
                        assert_eq!(
                            Provisioner { volume_snapshot_class: Selection::Auto, ..(*a).clone() },
                            Provisioner { volume_snapshot_class: Selection::Auto, ..(*b).clone() }
                        );
                        a != b
                    })
                    .count();
                let added = reached.provisioners.len() - start.provisioners.len();
                assert!(changed + added <= 1, "{} row {row}", scenario.id);
                // The text of the change survives a round trip through the config parser.
                let text = serde_json::to_string(&reached).unwrap();
                assert_eq!(Config::parse(&text).unwrap(), reached);
            }
        }
    }
}

#[test]
fn mixed_needs_no_added_provisioner() {
    let mixed = scenario("mixed");
    for row in 1..=10u8 {
        let reached = reach_row(&mixed, row).unwrap();
        assert_eq!(names(&reached), names(&mixed), "row {row}");
        // Offload, plus at most one selection.
        assert!(steps(&mixed, row) <= 2, "row {row}: {}", steps(&mixed, row));
    }
}

#[test]
fn rows_outside_table_1_give_none() {
    let mixed = scenario("mixed");
    for row in [0, 11, 12, 100, 255] {
        assert_eq!(reach_row(&mixed, row), None);
        assert_eq!(steps(&mixed, row), 0);
    }
}

#[test]
fn steps_count_checkboxes_selects_and_editor_actions() {
    let mixed = scenario("mixed");
    // Row 4: EFS has no VSC and offload is off already: nothing to do.
    assert_eq!(reach_row(&mixed, 4), Some(mixed.clone()));
    assert_eq!(steps(&mixed, 4), 0);
    // Row 3: tick offload.
    assert_eq!(steps(&mixed, 3), 1);
    // Row 10: GCE PD's default class is preselected: nothing to do; row 9: tick offload.
    assert_eq!(steps(&mixed, 10), 0);
    assert_eq!(steps(&mixed, 9), 1);
    // From Cross Cloud on and offload on, row 6: untick both.
    let both = Config { offload: true, cross_cloud: true, ..mixed.clone() };
    assert_eq!(steps(&both, 6), 2);
    assert_eq!(steps(&both, 5), 1);

    // AWS EBS has one default VSC: row 4 adds EFS (1 action).
    let ebs = scenario("aws-ebs");
    let reached = reach_row(&ebs, 4).unwrap();
    assert_eq!(names(&reached), ["ebs.csi.aws.com", "efs.csi.aws.com"]);
    assert!(reached.provisioners[1].volume_snapshot_classes.is_empty());
    assert_eq!(steps(&ebs, 4), 1);
    assert_eq!(steps(&ebs, 3), 2);
    // Row 2 adds Portworx's own provisioner: a built-in name, nothing to mark.
    let reached = reach_row(&ebs, 2).unwrap();
    assert_eq!(names(&reached), ["ebs.csi.aws.com", "pxd.portworx.com"]);
    assert_eq!(reached.provisioners[1].portworx, None);
    assert_eq!(steps(&ebs, 2), 1);
    // Row 8 adds Azure disk with one non-default VSC: add, add a VSC.
    let reached = reach_row(&ebs, 8).unwrap();
    assert_eq!(reached.provisioners[1].name, "disk.csi.azure.com");
    assert_eq!(reached.provisioners[1].volume_snapshot_classes.len(), 1);
    assert!(!reached.provisioners[1].volume_snapshot_classes[0].default);
    assert_eq!(steps(&ebs, 8), 2);
    // Row 10 adds GCE PD with two VSCs, one default: add, two VSCs, mark the default.
    let reached = reach_row(&ebs, 10).unwrap();
    assert_eq!(reached.provisioners[1].name, "pd.csi.storage.gke.io");
    assert_eq!(reached.provisioners[1].volume_snapshot_classes.len(), 2);
    assert_eq!(steps(&ebs, 10), 4);
    assert_eq!(steps(&ebs, 9), 5);

    // AWS EFS has no VSC: row 6 adds EBS with its default VSC (add, VSC, default).
    let efs = scenario("aws-efs");
    let reached = reach_row(&efs, 6).unwrap();
    assert_eq!(names(&reached), ["efs.csi.aws.com", "ebs.csi.aws.com"]);
    assert_eq!(reached.provisioners[1].volume_snapshot_classes[0].name, "ebs-vsc");
    assert_eq!(steps(&efs, 6), 3);
}

#[test]
fn a_select_changes_when_that_is_enough() {
    let ibm = scenario("ibm");
    // Two VSCs, one default: "no class" for row 4 (one select), and the default is row 10.
    let reached = reach_row(&ibm, 4).unwrap();
    assert_eq!(reached.provisioners[0].volume_snapshot_class, Selection::NoClass);
    assert_eq!(decide(&reached).provisioners[0].csi_matrix_row, Some(4));
    assert_eq!(steps(&ibm, 4), 1);
    assert_eq!(steps(&ibm, 3), 2);
    assert_eq!(steps(&ibm, 10), 0);
    // From "no class", rows 9 and 10 choose a class again: the default one.
    let none = reach_row(&ibm, 4).unwrap();
    let reached = reach_row(&none, 10).unwrap();
    assert_eq!(
        reached.provisioners[0].volume_snapshot_class,
        Selection::Named("ibmc-vpcblock-snapshot".into())
    );
    assert_eq!(steps(&none, 10), 1);
    assert_eq!(steps(&none, 9), 2);
    // Several VSCs and none default: row 4 already (nothing preselected); row 10 picks the first.
    let mut config = scenario("ibm");
    config.provisioners[0].volume_snapshot_classes[0].default = false;
    assert_eq!(steps(&config, 4), 0);
    let reached = reach_row(&config, 10).unwrap();
    assert_eq!(
        reached.provisioners[0].volume_snapshot_class,
        Selection::Named("ibmc-vpcblock-snapshot".into())
    );
    // A provisioner already on the row wins over one a select could move.
    let mut two = scenario("mixed");
    two.provisioners.retain(|p| p.name == "pd.csi.storage.gke.io" || p.name == "efs.csi.aws.com");
    two.provisioners.swap(0, 1);
    let reached = reach_row(&two, 4).unwrap();
    assert_eq!(reached, two, "EFS is on row 4 already; the drop-down is left alone");
}

#[test]
fn added_names_and_classes_are_unused() {
    // "ebs-vsc" is already a class of another provisioner: the added EBS gets "ebs-vsc-2".
    let config = Config {
        provisioners: vec![
            Provisioner::new("disk.csi.azure.com", &[("ebs-vsc", false)]),
            Provisioner::new("ebs.csi.aws.com", &[("ebs-vsc-2", false), ("other", false)]),
        ],
        ..Config::default()
    };
    config.validate().unwrap();
    let reached = reach_row(&config, 6).unwrap();
    reached.validate().unwrap();
    // EBS is present (with two classes), so the next realistic name is used.
    let added = reached.provisioners.last().unwrap();
    assert_eq!(added.name, "pd.csi.storage.gke.io");
    assert_eq!(added.volume_snapshot_classes[0].name, "csi-gce-pd-snapshot-class");

    let config = Config {
        provisioners: vec![
            Provisioner::new("efs.csi.aws.com", &[("ebs-vsc", false)]),
            Provisioner::new("disk.csi.azure.com", &[("ebs-vsc-2", false)]),
            Provisioner::new("pd.csi.storage.gke.io", &[("csi-gce-pd-snapshot-class", false)]),
        ],
        ..Config::default()
    };
    let reached = reach_row(&config, 5).unwrap();
    reached.validate().unwrap();
    let added = reached.provisioners.last().unwrap();
    assert_eq!(added.name, "ebs.csi.aws.com");
    assert_eq!(added.volume_snapshot_classes[0].name, "ebs-vsc-3");
    // Row 4: EFS has one VSC, so it cannot lose it; Azure file (no VSC) is added.
    let reached = reach_row(&config, 4).unwrap();
    assert_eq!(reached.provisioners.last().unwrap().name, "file.csi.azure.com");

    // Every realistic name taken: a generic name, still valid; a Portworx one is marked so.
    let taken = ["efs.csi.aws.com", "file.csi.azure.com", "nfs.csi.k8s.io", "training.csi.example.com"];
    let config = Config {
        provisioners: taken
            .iter()
            .enumerate()
            .map(|(i, name)| Provisioner::new(name, &[(&format!("c-{i}"), true)]))
            .collect(),
        ..Config::default()
    };
    let reached = reach_row(&config, 4).unwrap();
    reached.validate().unwrap();
    assert_eq!(reached.provisioners.last().unwrap().name, "training-2.csi.example.com");
    assert_eq!(steps(&config, 4), 1);
}

#[test]
fn a_full_inventory_cannot_grow() {
    let config = Config {
        provisioners: (0..200).map(|i| Provisioner::new(&format!("p{i}.csi.example.com"), &[])).collect(),
        ..Config::default()
    };
    config.validate().unwrap();
    // Row 4 needs no new provisioner; row 6 would need the 201st.
    assert!(reach_row(&config, 4).is_some());
    assert_eq!(reach_row(&config, 6), None);
    assert_eq!(steps(&config, 6), 0);
}

#[test]
fn from_any_scenario_every_row_takes_at_most_six_steps() {
    let mut most = 0;
    for scenario in &SCENARIOS {
        for row in 1..=10u8 {
            let count = steps(&scenario.config(), row);
            // At most: both checkboxes, and adding a provisioner with two VSCs and a default.
            assert!(count <= 6, "{} row {row}: {count}", scenario.id);
            most = most.max(count);
        }
    }
    // From `portworx`, row 9 is offload plus a new provisioner with two VSCs and a default.
    assert_eq!(steps(&scenario("portworx"), 9), 5);
    assert_eq!(most, 5);
}
