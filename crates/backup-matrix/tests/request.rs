//! The request Create sends: the SPEC's method, path and `BackupCreateRequest` /
//! `BackupScheduleCreateRequest` field names and values.

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
        "cluster": { "name": "prod-eu-1" },
        "backupName": "orders-nightly",
        "namespaces": ["orders", "payments"]
    });
    for (key, value) in extra.as_object().unwrap() {
        config[key] = value.clone();
    }
    config
}

/// The body of the request a config gives.
fn request_json(config: &Value) -> Value {
    serde_json::to_value(request(&parse(config))).unwrap()["body"].clone()
}

#[test]
fn the_detail_is_method_path_and_body() {
    let manual = serde_json::to_value(request(&parse(&base(json!({}))))).unwrap();
    assert_eq!(keys(&manual), ["body", "method", "path"].into_iter().collect());
    assert_eq!(manual["method"], "POST");
    assert_eq!(manual["path"], "/v1/backup");
    let scheduled =
        serde_json::to_value(request(&parse(&base(json!({ "backupKind": "scheduled" }))))).unwrap();
    assert_eq!(scheduled["method"], "POST");
    assert_eq!(scheduled["path"], "/v1/backupschedule");
}

#[test]
fn a_manual_request_has_exactly_the_specs_fields() {
    let r = request_json(&base(json!({})));
    let expected: BTreeSet<&str> = [
        "metadata",
        "cluster_ref",
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
    assert_eq!(keys(&r["metadata"]), ["name", "org_id"].into_iter().collect());
    assert_eq!(keys(&r["cluster_ref"]), ["name"].into_iter().collect());
    assert_eq!(keys(&r["backup_location_ref"]), ["name"].into_iter().collect());
    assert_eq!(keys(&r["backup_object_type"]), ["type"].into_iter().collect());
    assert_eq!(r["metadata"]["name"], "orders-nightly");
    assert_eq!(r["metadata"]["org_id"], "default", "the organisation defaults to \"default\"");
    assert_eq!(r["cluster_ref"]["name"], "prod-eu-1");
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
            let r = serde_json::to_value(request(&config)).unwrap()["body"].clone();
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
        let r = serde_json::to_value(request(&config)).unwrap()["body"].clone();
        assert!(!r["metadata"]["name"].as_str().unwrap().is_empty(), "{}", scenario.id);
        assert!(!r["cluster_ref"]["name"].as_str().unwrap().is_empty(), "{}", scenario.id);
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

#[test]
fn uids_and_the_organisation_come_from_the_config() {
    let r = request_json(&base(json!({
        "orgId": "finance",
        "cluster": { "name": "prod-eu-1", "uid": "0f6e2a4c-1b7d-4c3e-9a8f-2d5b6c7e8f90" },
        "backupLocations": [
            { "name": "minio", "type": "s3" },
            { "name": "nfs-share", "type": "nfs", "uid": "nfs-uid-1" }
        ],
        "backupLocation": "nfs-share",
        "schedulePolicies": ["hourly", { "name": "nightly", "uid": "policy-uid-7" }],
        "schedulePolicy": "nightly",
        "backupKind": "scheduled"
    })));
    assert_eq!(r["metadata"], json!({ "name": "orders-nightly", "org_id": "finance" }));
    assert_eq!(
        r["cluster_ref"],
        json!({ "name": "prod-eu-1", "uid": "0f6e2a4c-1b7d-4c3e-9a8f-2d5b6c7e8f90" })
    );
    assert_eq!(r["backup_location_ref"], json!({ "name": "nfs-share", "uid": "nfs-uid-1" }));
    assert_eq!(r["schedule_policy_ref"], json!({ "name": "nightly", "uid": "policy-uid-7" }));
    // Without a uid in the config, the reference has none.
    let r = request_json(&base(
        json!({ "schedulePolicies": ["hourly", { "name": "nightly", "uid": "p-7" }], "backupKind": "scheduled" }),
    ));
    assert_eq!(r["schedule_policy_ref"], json!({ "name": "hourly" }));
}

#[test]
fn a_config_without_a_cluster_is_accepted_but_cannot_be_sent() {
    let mut config = base(json!({}));
    config.as_object_mut().unwrap().remove("cluster");
    let config = parse(&config);
    let fields: Vec<&str> = form_problems(&config).into_iter().map(|(field, _)| field).collect();
    assert_eq!(fields, ["cluster"]);
    assert_eq!(serde_json::to_value(request(&config)).unwrap()["body"]["cluster_ref"], json!({ "name": "" }));
}

/// Runs `command` in `sh` with `curl` as a function that prints each argument NUL-terminated.
fn curl_arguments(command: &str, url: &str, token: &str) -> Vec<String> {
    let script = format!("curl() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{command}");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("PXB_URL", url)
        .env("PXB_TOKEN", token)
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_terminator('\0').map(str::to_owned).collect()
}

#[test]
fn the_curl_command_sends_the_request_to_its_path_with_the_users_variables() {
    for kind in ["manual", "scheduled"] {
        let config = parse(&base(json!({ "backupKind": kind, "offload": true })));
        let r = request(&config);
        let command = backup_matrix::request::curl(&r);
        assert!(command.contains("$PXB_URL") || command.contains("${PXB_URL}"), "{command}");
        assert!(command.contains("${PXB_TOKEN}"), "{command}");
        let args = curl_arguments(&command, "https://pxb.example.com", "t0k3n");
        let wanted_url = format!("https://pxb.example.com{}", r.path);
        assert_eq!(args[..3], ["-X", "POST", wanted_url.as_str()], "{kind}: {args:?}");
        assert!(args.windows(2).any(|w| w == ["-H", "Authorization: Bearer t0k3n"]), "{args:?}");
        assert!(args.windows(2).any(|w| w == ["-H", "Content-Type: application/json"]), "{args:?}");
        let data = args.iter().position(|a| a == "--data-raw").expect("--data-raw");
        let body: Value = serde_json::from_str(&args[data + 1]).expect("the body is JSON");
        assert_eq!(body, serde_json::to_value(&r.body).unwrap(), "{kind}");
    }
}

#[test]
fn the_curl_command_quotes_a_single_quote_in_the_body() {
    let mut config = parse(&base(json!({})));
    // Names with a quote cannot pass the config's checks; the command must still be safe.
    config.backup_name = "it's; rm -rf ~".to_owned();
    let r = request(&config);
    let args = curl_arguments(&backup_matrix::request::curl(&r), "u", "t");
    let data = args.iter().position(|a| a == "--data-raw").unwrap();
    let body: Value = serde_json::from_str(&args[data + 1]).unwrap();
    assert_eq!(body["metadata"]["name"], "it's; rm -rf ~");
}
