//! The `kubernetes` key: what `kubectl get storageclass -o json` and
//! `kubectl get volumesnapshotclass -o json` print, unedited.

mod common;

use backup_matrix::{decide, Config};
use common::*;
use serde_json::{json, Value};

/// `kubectl get storageclass -o json` on an EKS cluster with Portworx, trimmed to four classes
/// but otherwise as printed, with every field that must be ignored.
const STORAGE_CLASSES: &str = r#"{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": {
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\"}\n"
                },
                "creationTimestamp": "2024-05-02T09:14:11Z",
                "name": "gp2",
                "resourceVersion": "284",
                "uid": "6a0a4c0e-7a52-4d54-9a8e-3f3c6c1d2b10"
            },
            "parameters": { "fsType": "ext4", "type": "gp2" },
            "provisioner": "kubernetes.io/aws-ebs",
            "reclaimPolicy": "Delete",
            "volumeBindingMode": "WaitForFirstConsumer"
        },
        {
            "allowVolumeExpansion": true,
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": {
                "annotations": { "storageclass.kubernetes.io/is-default-class": "true" },
                "creationTimestamp": "2024-05-02T09:20:43Z",
                "labels": { "app.kubernetes.io/managed-by": "Helm" },
                "name": "gp3",
                "resourceVersion": "1822",
                "uid": "0d4a9b3e-43a4-4f9e-8d6c-5f0c77a1e2c4"
            },
            "parameters": { "encrypted": "true", "type": "gp3" },
            "provisioner": "ebs.csi.aws.com",
            "reclaimPolicy": "Delete",
            "volumeBindingMode": "WaitForFirstConsumer"
        },
        {
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": { "name": "gp3-retain", "resourceVersion": "1830" },
            "parameters": { "type": "gp3" },
            "provisioner": "ebs.csi.aws.com",
            "reclaimPolicy": "Retain",
            "mountOptions": ["debug"],
            "allowedTopologies": [{ "matchLabelExpressions": [{ "key": "topology.ebs.csi.aws.com/zone", "values": ["eu-west-1a"] }] }]
        },
        {
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": { "name": "px-csi-db", "resourceVersion": "5120" },
            "parameters": { "io_profile": "db_remote", "repl": "3" },
            "provisioner": "pxd.portworx.com",
            "reclaimPolicy": "Delete",
            "volumeBindingMode": "Immediate"
        },
        {
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": { "name": "efs-sc" },
            "parameters": { "provisioningMode": "efs-ap", "fileSystemId": "fs-92107410", "directoryPerms": "700" },
            "provisioner": "efs.csi.aws.com"
        }
    ],
    "kind": "List",
    "metadata": { "resourceVersion": "" }
}"#;

/// `kubectl get volumesnapshotclass -o json` on the same cluster, with one VSC whose driver
/// (Azure disk) has no StorageClass here.
const SNAPSHOT_CLASSES: &str = r#"{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "snapshot.storage.k8s.io/v1",
            "deletionPolicy": "Delete",
            "driver": "ebs.csi.aws.com",
            "kind": "VolumeSnapshotClass",
            "metadata": {
                "annotations": {
                    "meta.helm.sh/release-name": "aws-ebs-csi-driver",
                    "snapshot.storage.kubernetes.io/is-default-class": "true"
                },
                "creationTimestamp": "2024-05-02T09:21:02Z",
                "generation": 1,
                "name": "csi-aws-vsc",
                "resourceVersion": "1901",
                "uid": "e3c1b1f2-9d7e-4e55-8a1f-7c1f0e2d3a4b"
            }
        },
        {
            "apiVersion": "snapshot.storage.k8s.io/v1",
            "deletionPolicy": "Retain",
            "driver": "ebs.csi.aws.com",
            "kind": "VolumeSnapshotClass",
            "metadata": {
                "annotations": { "snapshot.storage.kubernetes.io/is-default-class": "false" },
                "name": "csi-aws-vsc-retain"
            },
            "parameters": { "tagSpecification_1": "team=orders" }
        },
        {
            "apiVersion": "snapshot.storage.k8s.io/v1",
            "deletionPolicy": "Delete",
            "driver": "pxd.portworx.com",
            "kind": "VolumeSnapshotClass",
            "metadata": { "name": "px-csi-snapclass" },
            "parameters": { "csi.openstorage.org/snapshot-type": "local" }
        },
        {
            "apiVersion": "snapshot.storage.k8s.io/v1",
            "deletionPolicy": "Delete",
            "driver": "disk.csi.azure.com",
            "kind": "VolumeSnapshotClass",
            "metadata": { "name": "csi-azuredisk-vsc" }
        }
    ],
    "kind": "List",
    "metadata": { "resourceVersion": "" }
}"#;

fn cluster(extra: Value) -> Value {
    let mut config = json!({
        "kubernetes": {
            "storageClasses": serde_json::from_str::<Value>(STORAGE_CLASSES).unwrap(),
            "volumeSnapshotClasses": serde_json::from_str::<Value>(SNAPSHOT_CLASSES).unwrap()
        }
    });
    for (key, value) in extra.as_object().unwrap() {
        config[key] = value.clone();
    }
    config
}

/// The raw text of a config with the lists pasted in, exactly as kubectl printed them.
fn pasted() -> String {
    format!(
        r#"{{ "kubernetes": {{ "storageClasses": {STORAGE_CLASSES}, "volumeSnapshotClasses": {SNAPSHOT_CLASSES} }} }}"#
    )
}

fn summary(config: &Config) -> Vec<(String, Vec<(String, bool)>)> {
    config
        .provisioners
        .iter()
        .map(|p| {
            (p.name.clone(), p.volume_snapshot_classes.iter().map(|c| (c.name.clone(), c.default)).collect())
        })
        .collect()
}

#[test]
fn storage_classes_collapse_to_one_row_per_provisioner_in_order() {
    let config = Config::parse(&pasted()).unwrap();
    let s = |name: &str| name.to_owned();
    assert_eq!(
        summary(&config),
        [
            (s("kubernetes.io/aws-ebs"), vec![]),
            (s("ebs.csi.aws.com"), vec![(s("csi-aws-vsc"), true), (s("csi-aws-vsc-retain"), false)]),
            (s("pxd.portworx.com"), vec![(s("px-csi-snapclass"), false)]),
            (s("efs.csi.aws.com"), vec![]),
        ]
    );
    assert_eq!(config.unmatched_snapshot_classes, [(s("csi-azuredisk-vsc"), s("disk.csi.azure.com"))]);
}

#[test]
fn the_cluster_decides_by_table_1() {
    for offload in [false, true] {
        let config = parse(&cluster(json!({ "offload": offload })));
        let decision = decide(&config);
        let rows: Vec<Option<u8>> = decision.provisioners.iter().map(|p| p.csi_matrix_row).collect();
        // in-tree EBS: no VSC; EBS CSI: two VSCs, the annotated one preselected; Portworx; EFS: no VSC.
        let expected = if offload {
            [Some(3), Some(9), Some(1), Some(3)]
        } else {
            [Some(4), Some(10), Some(2), Some(4)]
        };
        assert_eq!(rows, expected, "offload={offload}");
        assert_eq!(decision.provisioners[1].volume_snapshot_class.as_deref(), Some("csi-aws-vsc"));
        assert_eq!(decision.provisioners[2].volume_snapshot_class, None, "Portworx never selects a class");
        assert_eq!(decision.can_create, offload);
    }
}

#[test]
fn only_the_annotation_true_marks_a_default() {
    for (value, default) in [("true", true), ("false", false), ("True", false), ("yes", false), ("", false)] {
        let config = json!({ "kubernetes": {
            "storageClasses": { "kind": "List", "items": [{ "metadata": { "name": "sc" }, "provisioner": "ebs.csi.aws.com" }] },
            "volumeSnapshotClasses": { "kind": "List", "items": [
                { "metadata": { "name": "only", "annotations": { "snapshot.storage.kubernetes.io/is-default-class": value } }, "driver": "ebs.csi.aws.com" }
            ] }
        } });
        let config = parse(&config);
        assert_eq!(config.provisioners[0].volume_snapshot_classes[0].default, default, "{value:?}");
        let row = decide(&config).provisioners[0].csi_matrix_row;
        assert_eq!(row, Some(if default { 6 } else { 8 }), "{value:?}");
    }
    // The StorageClass default annotation is not the VSC one.
    let config = json!({ "kubernetes": {
        "storageClasses": { "items": [{ "metadata": { "name": "sc" }, "provisioner": "ebs.csi.aws.com" }] },
        "volumeSnapshotClasses": { "items": [
            { "metadata": { "name": "only", "annotations": { "storageclass.kubernetes.io/is-default-class": "true" } }, "driver": "ebs.csi.aws.com" }
        ] }
    } });
    assert!(!parse(&config).provisioners[0].volume_snapshot_classes[0].default);
}

#[test]
fn unmatched_snapshot_classes_are_noticed_and_only_then() {
    let decision = serde_json::to_value(decide(&parse(&cluster(json!({}))))).unwrap();
    let notice =
        decision["notices"].as_array().unwrap().iter().find(|n| n["id"] == "unmatched-snapshot-classes");
    let notice = notice.expect("the Azure disk VSC has no StorageClass");
    assert_eq!(notice["level"], "info");
    let text = notice["text"].as_str().unwrap();
    assert!(text.contains("csi-azuredisk-vsc") && text.contains("disk.csi.azure.com"), "{text}");
    assert!(!text.contains("csi-aws-vsc"), "{text}");
    // Not a provisioner of its own.
    assert!(decision["provisioners"].as_array().unwrap().iter().all(|p| p["name"] != "disk.csi.azure.com"));

    let mut matched = cluster(json!({}));
    matched["kubernetes"]["volumeSnapshotClasses"]["items"].as_array_mut().unwrap().pop();
    let decision = serde_json::to_value(decide(&parse(&matched))).unwrap();
    assert!(!notice_ids(&decision).contains(&"unmatched-snapshot-classes".to_owned()));

    // VSCs alone, with no StorageClass list: every one is unmatched.
    let only_vscs = json!({
        "provisioners": [{ "name": "pxd.portworx.com" }],
        "kubernetes": { "volumeSnapshotClasses": serde_json::from_str::<Value>(SNAPSHOT_CLASSES).unwrap() }
    });
    let config = parse(&only_vscs);
    assert_eq!(config.unmatched_snapshot_classes.len(), 4);
    assert_eq!(config.provisioners.len(), 1);
}

#[test]
fn explicit_provisioners_are_merged_over_the_clusters() {
    let config = parse(&cluster(json!({
        "provisioners": [
            { "name": "ebs.csi.aws.com", "volumeSnapshotClass": "csi-aws-vsc-retain" },
            { "name": "efs.csi.aws.com", "portworx": true },
            { "name": "nfs.csi.k8s.io", "volumeSnapshotClasses": [{ "name": "nfs-vsc" }] }
        ],
        "offload": false
    })));
    let names: Vec<&str> = config.provisioners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["kubernetes.io/aws-ebs", "ebs.csi.aws.com", "pxd.portworx.com", "efs.csi.aws.com", "nfs.csi.k8s.io"]
    );
    // The cluster's VSCs stay; the selection and the Portworx mark come from the entries.
    assert_eq!(config.provisioners[1].volume_snapshot_classes.len(), 2);
    let decision = decide(&config);
    let p = &decision.provisioners;
    assert_eq!(p[1].volume_snapshot_class.as_deref(), Some("csi-aws-vsc-retain"));
    assert_eq!(p[1].csi_matrix_row, Some(10));
    assert_eq!(p[3].csi_matrix_row, Some(2), "marked Portworx");
    assert_eq!(p[4].csi_matrix_row, Some(8), "added with its own VSC");

    // "No class" on the cluster's drop-down.
    let config = parse(&cluster(
        json!({ "provisioners": [{ "name": "ebs.csi.aws.com", "volumeSnapshotClass": null }] }),
    ));
    assert_eq!(decide(&config).provisioners[1].csi_matrix_row, Some(4));
}

#[test]
fn errors_in_merged_configs_name_the_field_as_written() {
    let cases = [
        // An entry may not give VSCs to a cluster provisioner: the lists give them.
        (
            cluster(
                json!({ "provisioners": [{ "name": "efs.csi.aws.com", "volumeSnapshotClasses": [{ "name": "x" }] }] }),
            ),
            "provisioners[0].volumeSnapshotClasses",
            "comes from the kubernetes lists",
        ),
        (
            cluster(
                json!({ "provisioners": [{ "name": "pxd.portworx.com" }, { "name": "ebs.csi.aws.com", "volumeSnapshotClass": "nope" }] }),
            ),
            "provisioners[1].volumeSnapshotClass",
            "\"nope\" is not one of",
        ),
        (
            cluster(
                json!({ "provisioners": [{ "name": "pxd.portworx.com", "volumeSnapshotClass": "px-csi-snapclass" }] }),
            ),
            "provisioners[0].volumeSnapshotClass",
            "is a Portworx provisioner",
        ),
        (
            cluster(json!({ "provisioners": [{ "name": "a.example.com" }, { "name": "a.example.com" }] })),
            "provisioners[1].name",
            "listed twice",
        ),
        (
            cluster(
                json!({ "provisioners": [{ "name": "efs.csi.aws.com" }, { "name": "efs.csi.aws.com", "portworx": true }] }),
            ),
            "provisioners[1].name",
            "listed twice",
        ),
        (
            cluster(json!({ "provisioners": [{ "name": "Bad Name" }] })),
            "provisioners[0].name",
            "not a valid provisioner name",
        ),
        (
            cluster(
                json!({ "provisioners": [{ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": "csi-aws-vsc" }] }] }),
            ),
            "provisioners[0].volumeSnapshotClasses[0].name",
            "listed twice",
        ),
    ];
    for (config, path, message) in cases {
        let error = parse_err(&config);
        assert_eq!(error.path, path, "{error:?}");
        assert!(error.message.contains(message), "{error:?}");
    }
}

fn small(storage: Value, snapshots: Value) -> Value {
    json!({ "kubernetes": { "storageClasses": storage, "volumeSnapshotClasses": snapshots } })
}

#[test]
fn errors_inside_the_lists_name_the_kubernetes_field() {
    let sc =
        |name: &str, provisioner: &str| json!({ "metadata": { "name": name }, "provisioner": provisioner });
    let vsc = |name: &str, driver: &str, default: bool| {
        let annotations = if default {
            json!({ "snapshot.storage.kubernetes.io/is-default-class": "true" })
        } else {
            json!({})
        };
        json!({ "metadata": { "name": name, "annotations": annotations }, "driver": driver })
    };
    let list = |items: Vec<Value>| json!({ "kind": "List", "items": items });
    let ebs = || list(vec![sc("gp3", "ebs.csi.aws.com")]);
    let cases = [
        (
            small(json!({ "kind": "PodList", "items": [sc("gp3", "ebs.csi.aws.com")] }), list(vec![])),
            "kubernetes.storageClasses.kind",
            "expected kind List or StorageClassList",
        ),
        (
            small(
                list(vec![json!({ "kind": "Pod", "metadata": { "name": "x" }, "provisioner": "a.b" })]),
                list(vec![]),
            ),
            "kubernetes.storageClasses.items[0].kind",
            "StorageClass",
        ),
        (
            small(ebs(), json!({ "kind": "StorageClassList", "items": [] })),
            "kubernetes.volumeSnapshotClasses.kind",
            "VolumeSnapshotClassList",
        ),
        (
            small(list(vec![]), list(vec![])),
            "kubernetes.storageClasses.items",
            "the StorageClass list is empty",
        ),
        (
            small(list(vec![sc("gp3", "ebs.csi.aws.com"), sc("odd", "not a driver!")]), list(vec![])),
            "kubernetes.storageClasses.items[1].provisioner",
            "not a valid provisioner name",
        ),
        (
            small(
                ebs(),
                list(vec![vsc("ok", "ebs.csi.aws.com", false), vsc("Bad_Name", "ebs.csi.aws.com", false)]),
            ),
            "kubernetes.volumeSnapshotClasses.items[1].metadata.name",
            "not a valid name",
        ),
        (
            small(
                ebs(),
                list(vec![
                    vsc("a", "ebs.csi.aws.com", true),
                    vsc("b", "efs.csi.aws.com", true),
                    vsc("c", "ebs.csi.aws.com", true),
                ]),
            ),
            "kubernetes.volumeSnapshotClasses.items[2].metadata.annotations",
            "marked default",
        ),
        (
            small(ebs(), list(vec![vsc("a", "ebs.csi.aws.com", false), vsc("a", "ebs.csi.aws.com", false)])),
            "kubernetes.volumeSnapshotClasses.items[1].metadata.name",
            "listed twice",
        ),
    ];
    for (config, path, message) in cases {
        let error = parse_err(&config);
        assert_eq!(error.path, path, "{error:?}");
        assert!(error.message.contains(message), "{error:?}");
    }
    // The lists' own kinds, and items without a kind, are accepted.
    parse(&small(
        json!({ "kind": "StorageClassList", "items": [sc("gp3", "ebs.csi.aws.com")] }),
        json!({ "kind": "VolumeSnapshotClassList", "items": [] }),
    ));
    parse(&small(
        json!({ "items": [sc("gp3", "ebs.csi.aws.com")] }),
        json!({ "items": [vsc("v", "ebs.csi.aws.com", true)] }),
    ));
}

#[test]
fn more_than_500_vscs_of_one_driver_in_the_lists_name_the_list() {
    let items: Vec<Value> = (0..501)
        .map(|i| json!({ "metadata": { "name": format!("v{i}") }, "driver": "ebs.csi.aws.com" }))
        .collect();
    let config = small(
        json!({ "items": [{ "metadata": { "name": "gp3" }, "provisioner": "ebs.csi.aws.com" }] }),
        json!({ "items": items }),
    );
    let error = parse_err(&config);
    assert_eq!(error.path, "kubernetes.volumeSnapshotClasses.items");
    assert!(error.message.contains("at most 500"), "{error:?}");
}

#[test]
fn a_normalised_config_round_trips_without_its_lists() {
    let config = parse(&cluster(
        json!({ "provisioners": [{ "name": "ebs.csi.aws.com", "volumeSnapshotClass": null }] }),
    ));
    let text = serde_json::to_string(&config).unwrap();
    assert!(!text.contains("\"kubernetes\""), "{text}");
    let again = Config::parse(&text).unwrap();
    assert_eq!(again.provisioners, config.provisioners);
    assert_eq!(decide(&again).provisioners, decide(&config).provisioners);
}
