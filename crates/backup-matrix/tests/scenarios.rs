//! The built-in scenarios: every one parses, validates and decides; `mixed` reaches every row of
//! Table 1 by changing only offload and the selections.

mod common;

use std::collections::BTreeSet;

use backup_matrix::scenarios::{self, DEFAULT_SCENARIO, SCENARIOS};
use backup_matrix::{decide, Config, Selection};
use common::*;

/// The ids the SPEC requires at least.
const SPEC_IDS: [&str; 10] = [
    "portworx",
    "aws-ebs",
    "aws-efs",
    "azure-disk",
    "azure-file",
    "ibm",
    "gcp-disk",
    "gcp-file",
    "ocp",
    "mixed",
];

#[test]
fn the_specs_scenarios_exist_with_mixed_the_default() {
    let ids: BTreeSet<&str> = SCENARIOS.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), SCENARIOS.len(), "ids are unique");
    for id in SPEC_IDS {
        assert!(ids.contains(id), "{id}");
        assert_eq!(scenarios::find(id).map(|s| s.id), Some(id));
    }
    assert_eq!(DEFAULT_SCENARIO, "mixed");
    assert_eq!(SCENARIOS[0].id, "mixed");
    assert!(scenarios::find("nope").is_none());
    let listed = serde_json::to_value(SCENARIOS).unwrap();
    for entry in listed.as_array().unwrap() {
        let keys: Vec<&String> = entry.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "title"], "scenarios() gives {{ id, title }}");
        assert!(!entry["title"].as_str().unwrap().is_empty());
    }
}

#[test]
fn every_scenario_parses_validates_and_decides() {
    for scenario in &SCENARIOS {
        let config = scenario.config();
        config.validate().unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
        let text = serde_json::to_string(&config).unwrap();
        let parsed = Config::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
        assert_eq!(parsed, config, "{}", scenario.id);
        for offload in [false, true] {
            for cross_cloud in [false, true] {
                let config = Config { offload, cross_cloud, ..parsed.clone() };
                let decision = decide(&config);
                assert_eq!(decision.provisioners.len(), config.provisioners.len());
                for p in &decision.provisioners {
                    if !cross_cloud {
                        let row = p.csi_matrix_row.unwrap();
                        let seed = TABLE_1[usize::from(row) - 1];
                        assert_eq!(seed.3 == "Yes", offload, "{} {}", scenario.id, p.name);
                        assert_eq!(p.backup_type.id(), type_id_of(seed.4), "{} {}", scenario.id, p.name);
                    }
                }
                // With offload or Cross Cloud on, nothing can fail (Table 1 rows 3 and the rest).
                if offload || cross_cloud {
                    assert!(decision.can_create, "{} offload={offload} cross={cross_cloud}", scenario.id);
                }
            }
        }
    }
}

#[test]
fn storage_scenarios_serve_their_table_3_row() {
    for (id, _, _, _) in TABLE_3 {
        let scenario = scenarios::find(id).unwrap_or_else(|| panic!("a scenario for Table 3's {id}"));
        let decision = decide(&scenario.config());
        for p in &decision.provisioners {
            assert_eq!(p.kdmp_matrix_row, Some(id), "{id}: {}", p.name);
        }
    }
    let decision = decide(&scenarios::find("portworx").unwrap().config());
    assert_eq!(decision.provisioners.len(), 1);
    assert_eq!(decision.provisioners[0].backup_type.id(), "portworx-cloud-snapshot");
    assert_eq!(decision.driver_matrix_rows, ["cloudsnap"]);
}

#[test]
fn mixed_reaches_every_row_of_table_1_by_offload_and_selections_alone() {
    let base = scenarios::find("mixed").unwrap().config();
    assert!(base.provisioners.len() >= 4, "several provisioners");
    let mut reached = BTreeSet::new();
    // Every selection each provisioner's select offers: the preselection, "no class" where the
    // drop-down has several, and each class by name.
    let mut options: Vec<Vec<Selection>> = Vec::new();
    for p in &base.provisioners {
        let mut choices = vec![Selection::Auto];
        if !p.is_portworx() && p.volume_snapshot_classes.len() > 1 {
            choices.push(Selection::NoClass);
        }
        if !p.is_portworx() {
            choices.extend(p.volume_snapshot_classes.iter().map(|c| Selection::Named(c.name.clone())));
        }
        options.push(choices);
    }
    for offload in [false, true] {
        for (index, choices) in options.iter().enumerate() {
            for choice in choices {
                let mut config = base.clone();
                config.offload = offload;
                config.provisioners[index].volume_snapshot_class = choice.clone();
                config.validate().unwrap();
                // Only offload and the selection changed.
                let mut same = config.clone();
                same.offload = base.offload;
                same.provisioners[index].volume_snapshot_class =
                    base.provisioners[index].volume_snapshot_class.clone();
                assert_eq!(same, base);
                reached.extend(decide(&config).provisioners.iter().filter_map(|p| p.csi_matrix_row));
            }
        }
    }
    assert_eq!(reached.into_iter().collect::<Vec<u8>>(), (1..=10).collect::<Vec<u8>>());
}

#[test]
fn mixed_as_given_follows_table_1_row_by_row() {
    let config = scenarios::find("mixed").unwrap().config();
    for offload in [false, true] {
        let decision = decide(&Config { offload, ..config.clone() });
        for (p, d) in config.provisioners.iter().zip(&decision.provisioners) {
            let classes: Vec<(String, bool)> =
                p.volume_snapshot_classes.iter().map(|c| (c.name.clone(), c.default)).collect();
            let portworx = p.name == "pxd.portworx.com" || p.portworx == Some(true);
            let e = expect(portworx, &classes, &None, offload, false);
            assert_eq!(
                (d.vsc_option.id(), d.csi_matrix_row, d.backup_type.id()),
                (e.vsc_option, e.row, e.backup_type)
            );
        }
    }
}
