//! The Decision as JSON: exactly the SPEC's field names and value spellings.

mod common;

use std::collections::BTreeSet;

use backup_matrix::{decide, scenarios, BackupType, Config, Level, VscOption};
use common::*;
use serde_json::{json, Value};

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

/// The SPEC's Decision keys; `whatIf`'s shape is checked in `what_if.rs`.
const DECISION_KEYS: [&str; 5] = ["canCreate", "provisioners", "driverMatrixRows", "notices", "whatIf"];
/// The SPEC's provisioner fields, and `kdmpMatrixRow`, which the crate adds.
const PROVISIONER_KEYS: [&str; 7] =
    ["name", "vscOption", "volumeSnapshotClass", "backupType", "csiMatrixRow", "reason", "kdmpMatrixRow"];
const VSC_OPTIONS: [&str; 5] = ["disabled", "none", "default-single", "non-default-single", "multiple"];
const BACKUP_TYPE_IDS: [&str; 5] =
    ["portworx-cloud-snapshot", "direct-kdmp", "csi-snapshot", "csi-snapshot-offload", "fails"];
const TABLE_2_IDS: [&str; 4] =
    ["cross-cloud", "snapshot-class-mapping", "snapshot-class-mapping-offload", "cloudsnap"];
const TABLE_3_IDS: [&str; 8] =
    ["aws-ebs", "aws-efs", "azure-disk", "azure-file", "ibm", "gcp-disk", "gcp-file", "ocp"];

/// Checks one Decision's JSON against the SPEC's shape; returns the spellings it used.
fn check_shape(decision: &Value, used: &mut BTreeSet<String>) {
    assert_eq!(keys(decision), DECISION_KEYS.into_iter().collect(), "{decision}");
    assert!(decision["canCreate"].is_boolean());
    for p in decision["provisioners"].as_array().unwrap() {
        assert_eq!(keys(p), PROVISIONER_KEYS.into_iter().collect(), "{p}");
        assert!(p["name"].is_string());
        let option = p["vscOption"].as_str().unwrap();
        assert!(VSC_OPTIONS.contains(&option), "{option}");
        assert!(p["volumeSnapshotClass"].is_string() || p["volumeSnapshotClass"].is_null());
        let backup_type = p["backupType"].as_str().unwrap();
        assert!(BACKUP_TYPE_IDS.contains(&backup_type), "{backup_type}");
        match &p["csiMatrixRow"] {
            Value::Null => {}
            row => assert!((1..=10).contains(&row.as_u64().unwrap()), "{row}"),
        }
        match &p["kdmpMatrixRow"] {
            Value::Null => {}
            row => assert!(TABLE_3_IDS.contains(&row.as_str().unwrap()), "{row}"),
        }
        assert!(!p["reason"].as_str().unwrap().trim().is_empty());
        used.insert(format!("vscOption={option}"));
        used.insert(format!("backupType={backup_type}"));
    }
    for id in decision["driverMatrixRows"].as_array().unwrap() {
        assert!(TABLE_2_IDS.contains(&id.as_str().unwrap()), "{id}");
    }
    for notice in decision["notices"].as_array().unwrap() {
        assert_eq!(keys(notice), ["id", "level", "text"].into_iter().collect(), "{notice}");
        let level = notice["level"].as_str().unwrap();
        assert!(["info", "warning", "error"].contains(&level), "{level}");
        assert!(!notice["id"].as_str().unwrap().is_empty());
        assert!(!notice["text"].as_str().unwrap().is_empty());
        used.insert(format!("level={level}"));
    }
}

#[test]
fn the_specs_example_decides_to_the_specs_example() {
    let config = json!({
        "provisioners": [
            { "name": "ebs.csi.aws.com",
              "portworx": false,
              "volumeSnapshotClasses": [ { "name": "ebs-vsc", "default": true } ],
              "volumeSnapshotClass": "ebs-vsc" }
        ],
        "offload": false,
        "crossCloud": false,
        "mode": "classic"
    });
    let decision = serde_json::to_value(decide(&parse(&config))).unwrap();
    let p = &decision["provisioners"][0];
    assert_eq!(decision["canCreate"], true);
    assert_eq!(p["name"], "ebs.csi.aws.com");
    assert_eq!(p["vscOption"], "default-single");
    assert_eq!(p["volumeSnapshotClass"], "ebs-vsc");
    assert_eq!(p["backupType"], "csi-snapshot");
    assert_eq!(p["csiMatrixRow"], 6);
    assert_eq!(p["kdmpMatrixRow"], "aws-ebs");
    assert_eq!(decision["driverMatrixRows"], json!(["snapshot-class-mapping"]));
    check_shape(&decision, &mut BTreeSet::new());
}

#[test]
fn every_spelling_of_the_spec_appears_and_no_other() {
    let mut used = BTreeSet::new();
    let c = |name: &str, default: bool| (name.to_owned(), default);
    let states: Vec<(bool, Classes, Choice)> = vec![
        (true, vec![], None),
        (false, vec![], None),
        (false, vec![c("v-a", true)], None),
        (false, vec![c("v-b", false)], None),
        (false, vec![c("v-c", false), c("v-d", true)], None),
    ];
    for offload in [false, true] {
        for cross_cloud in [false, true] {
            let entries = states
                .iter()
                .enumerate()
                .map(|(i, (px, classes, selection))| {
                    provisioner_json(&format!("p{i}.example.com"), px.then_some(true), classes, selection)
                })
                .chain([
                    json!({ "name": "file.csi.azure.com", "volumeSnapshotClasses": [{ "name": "azf" }] }),
                ])
                .collect();
            let decision =
                serde_json::to_value(decide(&parse(&config_json(entries, offload, cross_cloud, false))))
                    .unwrap();
            check_shape(&decision, &mut used);
        }
    }
    let mut expected: BTreeSet<String> = BTreeSet::new();
    expected.extend(VSC_OPTIONS.iter().map(|o| format!("vscOption={o}")));
    expected.extend(BACKUP_TYPE_IDS.iter().map(|t| format!("backupType={t}")));
    expected.extend(["info", "warning", "error"].iter().map(|l| format!("level={l}")));
    assert_eq!(used, expected);
}

#[test]
fn enum_spellings_are_the_specs() {
    let options: Vec<Value> = VscOption::ALL.iter().map(|o| serde_json::to_value(o).unwrap()).collect();
    assert_eq!(options, VSC_OPTIONS.map(|o| json!(o)));
    for option in VscOption::ALL {
        assert_eq!(json!(option.id()), serde_json::to_value(option).unwrap());
    }
    let types: Vec<Value> = BackupType::ALL.iter().map(|t| serde_json::to_value(t).unwrap()).collect();
    assert_eq!(types, BACKUP_TYPE_IDS.map(|t| json!(t)));
    let levels: Vec<Value> = [Level::Info, Level::Warning, Level::Error]
        .iter()
        .map(|l| serde_json::to_value(l).unwrap())
        .collect();
    assert_eq!(levels, [json!("info"), json!("warning"), json!("error")]);
}

#[test]
fn under_cross_cloud_every_row_is_null_and_the_class_is_kept() {
    let mut config: Config = scenarios::find("mixed").unwrap().config();
    config.cross_cloud = true;
    let decision = serde_json::to_value(decide(&config)).unwrap();
    for p in decision["provisioners"].as_array().unwrap() {
        assert_eq!(p["csiMatrixRow"], Value::Null, "{p}");
        assert_eq!(p["backupType"], "direct-kdmp", "{p}");
        assert!(p.get("csiMatrixRow").is_some(), "the key is there, as null");
    }
    assert_eq!(decision["driverMatrixRows"], json!(["cross-cloud"]));
    assert_eq!(decision["canCreate"], true);
}

#[test]
fn notice_ids_are_the_ones_decide_documents() {
    use backup_matrix::decide::notice_id as n;
    let documented = [
        n::BACKUP_FAILS,
        n::CROSS_CLOUD_RECOMMENDATION,
        n::AZURE_FILE_DRIVER,
        n::KDMP_BUFFER,
        n::KDMP_MATRIX_NO_CSI,
        n::UNMATCHED_SNAPSHOT_CLASSES,
        n::FRESH_INSTALL,
    ];
    let spelled = [
        "backup-fails",
        "recommend-snapshot-class-mapping",
        "azure-file-driver-version",
        "kdmp-buffer",
        "kdmp-matrix-no-csi",
        "unmatched-snapshot-classes",
        "fresh-install",
    ];
    assert_eq!(documented, spelled);
}

#[test]
fn a_summary_is_the_decision_without_what_if() {
    for scenario in &backup_matrix::scenarios::SCENARIOS {
        let decision = backup_matrix::decide(&scenario.config());
        let mut whole = serde_json::to_value(&decision).unwrap();
        whole.as_object_mut().unwrap().remove("whatIf").expect("a Decision has whatIf");
        assert_eq!(serde_json::to_value(decision.summary()).unwrap(), whole, "{}", scenario.id);
    }
}
