//! The request Create sends: the SPEC's `BackupCreateRequest` field names and values.

mod common;

use std::collections::BTreeSet;

use backup_matrix::request::form_problems;
use backup_matrix::{decide, request, scenarios};
use common::*;
use serde_json::{json, Value};

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

fn base(extra: Value) -> Value {
    let mut config = json!({
        "provisioners": [
            { "name": "pxd.portworx.com" },
            { "name": "ebs.csi.aws.com", "volumeSnapshotClasses": [{ "name": "ebs-vsc", "default": true }] },
            { "name": "pd.csi.storage.gke.io",
              "volumeSnapshotClasses": [{ "name": "pd-a" }, { "name": "pd-b", "default": true }],
              "volumeSnapshotClass": "pd-a" },
            { "name": "disk.csi.azure.com",
              "volumeSnapshotClasses": [{ "name": "az-a" }, { "name": "az-b" }] },
            { "name": "efs.csi.aws.com" }
        ],
        "backupName": "orders-nightly",
        "namespaces": ["orders", "payments"]
    });
    for (key, value) in extra.as_object().unwrap() {
        config[key] = value.clone();
    }
    config
}

fn request_json(config: &Value) -> Value {
    serde_json::to_value(request(&parse(config))).unwrap()
}

#[test]
fn a_manual_request_has_exactly_the_specs_fields() {
    let r = request_json(&base(json!({})));
    let expected: BTreeSet<&str> = [
        "metadata",
        "backup_location_ref",
        "namespaces",
        "volume_snapshot_class_mapping",
        "direct_kdmp",
        "backup_type",
        "backup_object_type",
    ]
    .into_iter()
    .collect();
    assert_eq!(keys(&r), expected);
    assert_eq!(keys(&r["metadata"]), ["name"].into_iter().collect());
    assert_eq!(keys(&r["backup_location_ref"]), ["name"].into_iter().collect());
    assert_eq!(keys(&r["backup_object_type"]), ["type"].into_iter().collect());
    assert_eq!(r["metadata"]["name"], "orders-nightly");
    assert_eq!(r["backup_location_ref"]["name"], "s3-backups", "the first location is preselected");
    assert_eq!(r["namespaces"], json!(["orders", "payments"]));
    assert_eq!(r["direct_kdmp"], false);
    assert_eq!(r["backup_type"], "Normal");
    assert_eq!(r["backup_object_type"]["type"], "All");
    // Provisioner -> VSC for the classes in use: not Portworx, not the undecided drop-down.
    assert_eq!(
        r["volume_snapshot_class_mapping"],
        json!({ "ebs.csi.aws.com": "ebs-vsc", "pd.csi.storage.gke.io": "pd-a" })
    );
}

#[test]
fn backup_type_is_generic_exactly_when_offload_is_on() {
    for offload in [false, true] {
        for cross_cloud in [false, true] {
            let r = request_json(&base(json!({ "offload": offload, "crossCloud": cross_cloud })));
            assert_eq!(r["backup_type"], if offload { "Generic" } else { "Normal" });
            assert_eq!(r["direct_kdmp"], cross_cloud);
        }
    }
}

#[test]
fn the_mapping_is_the_classes_the_decision_snapshots_with() {
    for offload in [false, true] {
        for cross_cloud in [false, true] {
            let config = parse(&base(json!({ "offload": offload, "crossCloud": cross_cloud })));
            let decision = decide(&config);
            let expected: serde_json::Map<String, Value> = decision
                .provisioners
                .iter()
                .filter(|p| p.backup_type.uses_csi_snapshot())
                .map(|p| (p.name.clone(), json!(p.volume_snapshot_class.clone().unwrap())))
                .collect();
            let r = serde_json::to_value(request(&config)).unwrap();
            assert_eq!(
                r["volume_snapshot_class_mapping"],
                Value::Object(expected),
                "{offload} {cross_cloud}"
            );
            if cross_cloud {
                assert_eq!(r["volume_snapshot_class_mapping"], json!({}));
            }
        }
    }
}

#[test]
fn schedule_policy_ref_is_there_only_when_scheduled() {
    let manual = request_json(&base(json!({ "backupKind": "manual", "schedulePolicy": "weekly" })));
    assert!(manual.get("schedule_policy_ref").is_none(), "{manual}");
    let scheduled = request_json(&base(json!({ "backupKind": "scheduled" })));
    assert_eq!(
        scheduled["schedule_policy_ref"],
        json!({ "name": "daily" }),
        "the first policy is preselected"
    );
    let chosen = request_json(&base(json!({ "backupKind": "scheduled", "schedulePolicy": "weekly" })));
    assert_eq!(chosen["schedule_policy_ref"], json!({ "name": "weekly" }));
    let own = request_json(&base(json!({
        "backupKind": "scheduled", "schedulePolicies": ["hourly", "monthly"], "schedulePolicy": "monthly"
    })));
    assert_eq!(own["schedule_policy_ref"]["name"], "monthly");
}

#[test]
fn vm_backups_are_virtual_machine_objects() {
    assert_eq!(
        request_json(&base(json!({ "backupObject": "vm" })))["backup_object_type"]["type"],
        "VirtualMachine"
    );
    assert_eq!(
        request_json(&base(json!({ "backupObject": "namespace" })))["backup_object_type"]["type"],
        "All"
    );
}

#[test]
fn the_chosen_location_is_referenced_by_name() {
    let r = request_json(&base(json!({
        "backupLocations": [{ "name": "minio", "type": "s3" }, { "name": "nfs-share", "type": "nfs" }],
        "backupLocation": "nfs-share"
    })));
    assert_eq!(r["backup_location_ref"]["name"], "nfs-share");
}

#[test]
fn form_problems_name_the_form_fields() {
    assert!(form_problems(&parse(&base(json!({})))).is_empty());
    let config = parse(&base(json!({ "backupName": "", "namespaces": [] })));
    let fields: Vec<&str> = form_problems(&config).into_iter().map(|(field, _)| field).collect();
    assert_eq!(fields, ["backupName", "namespaces"]);
}

#[test]
fn every_scenario_builds_a_named_request() {
    for scenario in &scenarios::SCENARIOS {
        let config = scenario.config();
        assert!(form_problems(&config).is_empty(), "{}", scenario.id);
        let r = serde_json::to_value(request(&config)).unwrap();
        assert!(!r["metadata"]["name"].as_str().unwrap().is_empty(), "{}", scenario.id);
        assert!(!r["namespaces"].as_array().unwrap().is_empty(), "{}", scenario.id);
    }
}

#[test]
fn a_scheduled_backup_without_a_policy_cannot_be_sent() {
    let mut config = backup_matrix::scenarios::find("aws-ebs").unwrap().config();
    config.backup_kind = backup_matrix::config::BackupKind::Scheduled;
    assert!(backup_matrix::request::form_problems(&config).is_empty());
    config.schedule_policies.clear();
    let problems = backup_matrix::request::form_problems(&config);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, "schedulePolicy");
    config.backup_kind = backup_matrix::config::BackupKind::Manual;
    assert!(backup_matrix::request::form_problems(&config).is_empty(), "a manual backup needs none");
}
