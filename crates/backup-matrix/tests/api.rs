//! Every request the engine can produce, held to Portworx Backup's published definitions
//! (`api/px-backup-api.json`, the vendor's swagger) with a JSON Schema validator, and to the
//! SPEC's contract on top (`api/backup-create-contract.json`): every scenario x offload x
//! Cross Cloud x manual/scheduled x namespace/VM, and generated configs.

use backup_matrix::config::{BackupKind, BackupObject};
use backup_matrix::request::{form_problems, BACKUP_PATH, BACKUP_SCHEDULE_PATH};
use backup_matrix::scenarios::SCENARIOS;
use backup_matrix::{request, Config};
use jsonschema::Validator;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Value};

const API: &str = include_str!("../../../api/px-backup-api.json");
const CONTRACT: &str = include_str!("../../../api/backup-create-contract.json");

/// Closes every object schema: one that does not say `additionalProperties` gets `false`, so
/// that a field the definitions do not have is an error.
fn closed(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.get("type") == Some(&json!("object")) && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".to_owned(), json!(false));
            }
            map.values_mut().for_each(closed);
        }
        Value::Array(items) => items.iter_mut().for_each(closed),
        _ => {}
    }
}

/// The validators: for each path the API file names, a schema of the whole detail whose `body`
/// is that path's definition, with every definition embedded (no `$ref` leaves the schema).
struct Api {
    paths: Vec<(String, Validator)>,
    contract: Validator,
}

impl Api {
    fn load() -> Api {
        let api: Value = serde_json::from_str(API).expect("the API file is JSON");
        let mut definitions = api["definitions"].clone();
        closed(&mut definitions);
        let paths = api["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .map(|(path, definition)| {
                let definition = definition.as_str().expect("a definition's name");
                assert!(definitions.get(definition).is_some(), "{definition} is defined");
                let schema = json!({
                    "$schema": "http://json-schema.org/draft-07/schema#",
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["method", "path", "body"],
                    "properties": {
                        "method": { "const": "POST" },
                        "path": { "const": path },
                        "body": { "$ref": format!("#/definitions/{definition}") }
                    },
                    "definitions": definitions
                });
                (path.clone(), jsonschema::draft7::new(&schema).expect("a valid schema"))
            })
            .collect();
        let contract: Value = serde_json::from_str(CONTRACT).expect("the contract is JSON");
        Api { paths, contract: jsonschema::draft7::new(&contract).expect("a valid contract schema") }
    }

    /// What is wrong with a detail by the vendor's definitions; empty when nothing is.
    fn api_errors(&self, detail: &Value) -> Vec<String> {
        let path = detail["path"].as_str().unwrap_or_default();
        let Some((_, validator)) = self.paths.iter().find(|(p, _)| p == path) else {
            return vec![format!("{path:?} is no path of the API file")];
        };
        validator.iter_errors(detail).map(|e| format!("{} at {}", e, e.instance_path())).collect()
    }

    /// What is wrong with a detail by the SPEC's contract; empty when nothing is.
    fn contract_errors(&self, detail: &Value) -> Vec<String> {
        self.contract.iter_errors(detail).map(|e| format!("{} at {}", e, e.instance_path())).collect()
    }

    /// Holds the request of a config to the definitions, and, when Create could send it (the
    /// form's fields are filled), to the contract.
    fn check(&self, config: &Config, case: &str) -> Result<(), String> {
        let detail = serde_json::to_value(request(config)).unwrap();
        let mut errors = self.api_errors(&detail);
        if form_problems(config).is_empty() {
            errors.extend(self.contract_errors(&detail));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("{case}: {}\n{detail:#}", errors.join("; ")))
        }
    }
}

#[test]
fn the_validators_reject_what_the_api_does_not_define() {
    let api = Api::load();
    let config = SCENARIOS[0].config();
    let good = serde_json::to_value(request(&config)).unwrap();
    assert!(api.api_errors(&good).is_empty(), "{:?}", api.api_errors(&good));
    assert!(api.contract_errors(&good).is_empty(), "{:?}", api.contract_errors(&good));
    let mut bad = Vec::new();
    let mut variant = |name: &str, change: &dyn Fn(&mut Value)| {
        let mut detail = good.clone();
        change(&mut detail);
        bad.push((name.to_owned(), detail));
    };
    variant("an unknown body field", &|d| d["body"]["schedule"] = json!("daily"));
    variant("a camelCase field", &|d| {
        let refs = d["body"].as_object_mut().unwrap().remove("backup_location_ref").unwrap();
        d["body"]["backupLocationRef"] = refs;
    });
    variant("an unknown field of a reference", &|d| d["body"]["cluster_ref"]["kind"] = json!("cluster"));
    variant("an unknown metadata field", &|d| d["body"]["metadata"]["namespace"] = json!("x"));
    variant("an enum value by number", &|d| d["body"]["backup_type"] = json!(2));
    variant("an enum value the API lacks", &|d| d["body"]["backup_type"] = json!("generic"));
    variant("a mapping to a number", &|d| d["body"]["volume_snapshot_class_mapping"]["x"] = json!(1));
    variant("schedule_policy_ref in a BackupCreateRequest", &|d| {
        d["body"]["schedule_policy_ref"] = json!({ "name": "daily" });
    });
    variant("a wrong method", &|d| d["method"] = json!("PUT"));
    variant("another path", &|d| d["path"] = json!("/v1/backups"));
    variant("a field beside the body", &|d| d["headers"] = json!({}));
    for (name, detail) in &bad {
        assert!(!api.api_errors(detail).is_empty(), "the definitions let {name} through: {detail}");
    }
    // What the definitions allow but the contract does not.
    let mut thin = Vec::new();
    for (name, change) in [
        (
            "no org_id",
            &(|d: &mut Value| drop(d["body"]["metadata"].as_object_mut().unwrap().remove("org_id")))
                as &dyn Fn(&mut Value),
        ),
        ("no cluster_ref", &|d: &mut Value| drop(d["body"].as_object_mut().unwrap().remove("cluster_ref"))),
        ("an empty cluster name", &|d: &mut Value| d["body"]["cluster_ref"]["name"] = json!("")),
        ("backup_type Invalid", &|d: &mut Value| d["body"]["backup_type"] = json!("Invalid")),
        ("a schedule without a policy", &|d: &mut Value| d["path"] = json!(BACKUP_SCHEDULE_PATH)),
        ("no namespaces", &|d: &mut Value| d["body"]["namespaces"] = json!([])),
    ] {
        let mut detail = good.clone();
        change(&mut detail);
        thin.push((name, detail));
    }
    for (name, detail) in &thin {
        assert!(api.api_errors(detail).is_empty() || *name == "a schedule without a policy", "{name}");
        assert!(!api.contract_errors(detail).is_empty(), "the contract lets {name} through: {detail}");
    }
}

/// Every scenario x offload x Cross Cloud x manual/scheduled x namespace/VM, and with uids and
/// an organisation of its own.
#[test]
fn every_scenario_and_choice_sends_what_the_api_defines() {
    let api = Api::load();
    let mut checked = 0;
    for scenario in &SCENARIOS {
        for offload in [false, true] {
            for cross_cloud in [false, true] {
                for scheduled in [false, true] {
                    for vm in [false, true] {
                        for uids in [false, true] {
                            let mut config = scenario.config();
                            config.offload = offload;
                            config.cross_cloud = cross_cloud;
                            config.backup_kind =
                                if scheduled { BackupKind::Scheduled } else { BackupKind::Manual };
                            config.backup_object =
                                if vm { BackupObject::Vm } else { BackupObject::Namespace };
                            if uids {
                                with_uids(&mut config);
                            }
                            let case = format!(
                                "{} offload={offload} crossCloud={cross_cloud} scheduled={scheduled} vm={vm} uids={uids}",
                                scenario.id
                            );
                            assert!(form_problems(&config).is_empty(), "{case}: every scenario can be sent");
                            api.check(&config, &case).unwrap();
                            let r = request(&config);
                            assert_eq!(
                                r.path,
                                if scheduled { BACKUP_SCHEDULE_PATH } else { BACKUP_PATH },
                                "{case}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, SCENARIOS.len() * 32);
}

/// Sets an organisation and uids on the cluster, every location and every policy.
fn with_uids(config: &mut Config) {
    config.org_id = "finance".to_owned();
    if let Some(cluster) = &mut config.cluster {
        cluster.uid = Some("0f6e2a4c-1b7d-4c3e-9a8f-2d5b6c7e8f90".to_owned());
    }
    for (i, location) in config.backup_locations.iter_mut().enumerate() {
        location.uid = Some(format!("location-{i}"));
    }
    for (i, policy) in config.schedule_policies.iter_mut().enumerate() {
        policy.uid = Some(format!("policy-{i}"));
    }
}

const PROVISIONERS: [&str; 8] = [
    "pxd.portworx.com",
    "kubernetes.io/portworx-volume",
    "ebs.csi.aws.com",
    "efs.csi.aws.com",
    "disk.csi.azure.com",
    "pd.csi.storage.gke.io",
    "vpc.block.csi.ibm.io",
    "csi.vendor.example.com",
];

/// One provisioner as JSON: its VSCs (one may be default), an optional Portworx mark and a
/// selection (absent, null, or one of its classes).
fn provisioner_strategy(index: usize) -> impl Strategy<Value = Value> {
    (0usize..4, prop::option::of(0usize..4), prop::option::of(any::<bool>()), 0usize..6).prop_map(
        move |(count, default, portworx, choice)| {
            let classes: Vec<Value> = (0..count)
                .map(|i| json!({ "name": format!("vsc-{index}-{i}"), "default": default == Some(i) }))
                .collect();
            let mut entry = json!({ "name": PROVISIONERS[index], "volumeSnapshotClasses": classes });
            if let Some(portworx) = portworx {
                entry["portworx"] = json!(portworx);
            }
            match choice {
                1 => entry["volumeSnapshotClass"] = Value::Null,
                c if c >= 2 && c - 2 < count => {
                    entry["volumeSnapshotClass"] = json!(format!("vsc-{index}-{}", c - 2))
                }
                _ => {}
            }
            entry
        },
    )
}

fn uid() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[A-Za-z0-9_.-]{1,40}")
}

prop_compose! {
    fn config_strategy()(
        chosen in prop::sample::subsequence((0..PROVISIONERS.len()).collect::<Vec<_>>(), 1..=5),
        provisioners in (0..PROVISIONERS.len()).map(provisioner_strategy).collect::<Vec<_>>(),
        flags in any::<[bool; 5]>(),
        cluster in prop::option::weighted(0.9, ("[a-z]([a-z0-9-]{0,20}[a-z0-9])?", uid())),
        org_id in prop::option::of("[a-z]([a-z0-9-]{0,12}[a-z0-9])?"),
        backup_name in "[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?",
        namespaces in prop::collection::vec("[a-z]([a-z0-9-]{0,10}[a-z0-9])?", 0..4),
        locations in prop::collection::vec((prop::sample::select(&["s3", "azure", "google", "nfs"][..]), uid()), 1..4),
        policies in prop::collection::vec((any::<bool>(), uid()), 0..4),
        location in any::<prop::sample::Index>(),
        policy in any::<prop::sample::Index>(),
    ) -> Value {
        let [offload, cross_cloud, scheduled, vm, federated] = flags;
        let mut config = json!({
            "provisioners": chosen.iter().map(|&i| provisioners[i].clone()).collect::<Vec<_>>(),
            "offload": offload,
            "crossCloud": cross_cloud,
            "mode": if federated { "federated" } else { "classic" },
            "backupKind": if scheduled { "scheduled" } else { "manual" },
            "backupObject": if vm { "vm" } else { "namespace" },
            "backupName": backup_name,
            "namespaces": namespaces.into_iter().collect::<std::collections::BTreeSet<_>>(),
            "backupLocations": locations.iter().enumerate().map(|(i, (kind, uid))| {
                let mut l = json!({ "name": format!("loc-{i}"), "type": kind });
                if let Some(uid) = uid { l["uid"] = json!(uid); }
                l
            }).collect::<Vec<_>>(),
            "backupLocation": format!("loc-{}", location.index(locations.len())),
            "schedulePolicies": policies.iter().enumerate().map(|(i, (as_object, uid))| match (as_object, uid) {
                (false, None) => json!(format!("policy-{i}")),
                (_, uid) => {
                    let mut p = json!({ "name": format!("policy-{i}") });
                    if let Some(uid) = uid { p["uid"] = json!(uid); }
                    p
                }
            }).collect::<Vec<_>>(),
        });
        if !policies.is_empty() {
            config["schedulePolicy"] = json!(format!("policy-{}", policy.index(policies.len())));
        }
        if let Some((name, uid)) = cluster {
            config["cluster"] = json!({ "name": name });
            if let Some(uid) = uid { config["cluster"]["uid"] = json!(uid); }
        }
        if let Some(org_id) = org_id {
            config["orgId"] = json!(org_id);
        }
        config
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// A generated config is accepted (or rejected only for a selection its VSCs do not allow),
    /// and its request is what the API defines; sendable ones meet the contract too.
    #[test]
    fn generated_configs_send_what_the_api_defines(config in config_strategy()) {
        thread_local!(static API: Api = Api::load());
        let config = match Config::parse(&config.to_string()) {
            Ok(config) => config,
            Err(error) => {
                // The generator lets a Portworx provisioner or a single class take a selection.
                prop_assert!(error.path.ends_with(".volumeSnapshotClass"), "{error:?} for {config}");
                return Ok(());
            }
        };
        let result = API.with(|api| api.check(&config, "generated"));
        prop_assert!(result.is_ok(), "{}", result.unwrap_err());
    }
}
