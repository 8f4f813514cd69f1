//! Config errors: every limit, and every kind of malformed input, gives `Err(ConfigError)` whose
//! `path` names the field exactly; and what is right at a limit is accepted.

mod common;

use backup_matrix::config::SchedulePolicy;
use backup_matrix::config::{MAX_CONFIG_BYTES, MAX_NAME_LEN, MAX_PROVISIONERS, MAX_VSCS_PER_PROVISIONER};
use backup_matrix::{Config, ConfigError, Provisioner, Selection};
use common::*;
use serde_json::{json, Value};

/// A valid provisioner list to put the broken part next to.
fn ok_provisioners() -> Value {
    json!([
        { "name": "pxd.portworx.com" },
        { "name": "ebs.csi.aws.com", "volumeSnapshotClasses": [{ "name": "ebs-vsc", "default": true }] }
    ])
}

fn with(key: &str, value: Value) -> Value {
    let mut config = json!({ "provisioners": ok_provisioners() });
    config[key] = value;
    config
}

fn third(entry: Value) -> Value {
    let mut list = ok_provisioners();
    list.as_array_mut().unwrap().push(entry);
    json!({ "provisioners": list })
}

fn check(error: &ConfigError, path: &str, message: &str, case: &str) {
    assert_eq!(error.path, path, "{case}: {error:?}");
    assert!(error.message.contains(message), "{case}: message {:?} lacks {message:?}", error.message);
    assert_eq!(error.to_string(), format!("{}: {}", error.path, error.message));
}

#[test]
fn the_specs_limits_are_the_crates() {
    assert_eq!(MAX_CONFIG_BYTES, 256 * 1024);
    assert_eq!(MAX_PROVISIONERS, 200);
    assert_eq!(MAX_VSCS_PER_PROVISIONER, 500);
    assert_eq!(MAX_NAME_LEN, 253);
}

#[test]
fn not_json_and_trailing_garbage() {
    let cases: &[(&str, &str)] = &[
        ("", "not valid JSON"),
        ("   ", "not valid JSON"),
        ("nope", "not valid JSON"),
        ("{", "not valid JSON"),
        ("{'provisioners': []}", "not valid JSON"),
        ("{\"provisioners\": [{\"name\": \"pxd.portworx.com\"}]} x", "trailing characters"),
        ("{\"provisioners\": [{\"name\": \"pxd.portworx.com\"}]}{}", "trailing characters"),
        ("{\"provisioners\": [{\"name\": \"pxd.portworx.com\"}],}", "not valid JSON"),
        ("\u{feff}{\"provisioners\": [{\"name\": \"pxd.portworx.com\"}]}", "not valid JSON"),
        ("/* c */ {\"provisioners\": [{\"name\": \"pxd.portworx.com\"}]}", "not valid JSON"),
    ];
    for (text, message) in cases {
        check(&parse_text_err(text), "(root)", message, text);
    }
    // Text that is not JSON has no fields yet: the error says where in the text it is, as the
    // browser's JSON.parse does in the widget.
    check(
        &parse_text_err("{\"provisioners\": ["),
        "(root)",
        "EOF while parsing a list at line 1 column 18",
        "EOF",
    );
    let error = parse_text_err(r#"{"provisioners": [{"name": "pxd.portworx.com"}], "offload": 1e999}"#);
    check(&error, "(root)", "number out of range at line 1 column", "out of range");
    let error = parse_text_err(r#"{"provisioners": [{"name": "pxd.portworx.com", "portworx": tru}]}"#);
    check(&error, "(root)", "not valid JSON: expected ident at line 1 column", "deep syntax error");
}

#[test]
fn wrong_types_at_every_level() {
    let cases = [
        (json!(null), "(root)", "invalid type: null"),
        (json!("config"), "(root)", "invalid type: string"),
        (json!(42), "(root)", "invalid type: integer"),
        (json!([[{ "name": "pxd.portworx.com" }]]), "(root)", "expected an object"),
        (json!([]), "(root)", "expected an object"),
        (json!({ "provisioners": {} }), "provisioners", "invalid type: map"),
        (json!({ "provisioners": "pxd.portworx.com" }), "provisioners", "invalid type: string"),
        (json!({ "provisioners": [["pxd.portworx.com"]] }), "provisioners[0]", "expected an object"),
        (json!({ "provisioners": [{ "name": 7 }] }), "provisioners[0].name", "invalid type: integer"),
        (json!({ "provisioners": [{ "name": null }] }), "provisioners[0].name", "invalid type: null"),
        (
            third(json!({ "name": "a.example.com", "portworx": "yes" })),
            "provisioners[2].portworx",
            "expected a boolean",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": "x" })),
            "provisioners[2].volumeSnapshotClasses",
            "expected a sequence",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": null })),
            "provisioners[2].volumeSnapshotClasses",
            "invalid type: null",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [["x", true]] })),
            "provisioners[2].volumeSnapshotClasses[0]",
            "expected an object",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": "x", "default": "true" }] }),
            ),
            "provisioners[2].volumeSnapshotClasses[0].default",
            "expected a boolean",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": 1 }] })),
            "provisioners[2].volumeSnapshotClasses[0].name",
            "invalid type: integer",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClass": 3 })),
            "provisioners[2].volumeSnapshotClass",
            "invalid type: integer",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClass": ["x"] })),
            "provisioners[2].volumeSnapshotClass",
            "invalid type: sequence",
        ),
        (with("offload", json!("yes")), "offload", "expected a boolean"),
        (with("offload", json!(null)), "offload", "invalid type: null"),
        (with("crossCloud", json!(1)), "crossCloud", "expected a boolean"),
        (with("mode", json!("hybrid")), "mode", "unknown variant `hybrid`"),
        (with("mode", json!(1)), "mode", "expected a string"),
        (with("mode", json!(null)), "mode", "expected a string"),
        (with("mode", json!({ "classic": null })), "mode", "expected a string"),
        (with("backupKind", json!(true)), "backupKind", "expected a string"),
        (with("backupObject", json!(["vm"])), "backupObject", "expected a string"),
        (
            with("backupLocations", json!([{ "name": "x", "type": ["s3"] }])),
            "backupLocations[0].type",
            "invalid type",
        ),
        (with("kubernetes", json!([])), "kubernetes", "expected an object"),
        (with("kubernetes", json!("kubectl")), "kubernetes", "invalid type: string"),
        (
            with("kubernetes", json!({ "storageClasses": [] })),
            "kubernetes.storageClasses",
            "expected an object",
        ),
        (
            with("kubernetes", json!({ "storageClasses": { "items": {} } })),
            "kubernetes.storageClasses.items",
            "invalid type: map",
        ),
        (
            with(
                "kubernetes",
                json!({ "storageClasses": { "items": [{ "metadata": { "name": "sc" }, "provisioner": 5 }] } }),
            ),
            "kubernetes.storageClasses.items[0].provisioner",
            "invalid type: integer",
        ),
        (
            with(
                "kubernetes",
                json!({ "storageClasses": { "items": [{ "metadata": ["sc"], "provisioner": "a.b" }] } }),
            ),
            "kubernetes.storageClasses.items[0].metadata",
            "expected an object",
        ),
        (
            with(
                "kubernetes",
                json!({ "volumeSnapshotClasses": { "items": [{ "metadata": { "name": "v", "annotations": { "a": 1 } }, "driver": "a.b" }] } }),
            ),
            "kubernetes.volumeSnapshotClasses.items[0].metadata.annotations.a",
            "invalid type: integer",
        ),
        (with("backupName", json!(5)), "backupName", "invalid type"),
        (
            with("backupLocations", json!([{ "name": "x", "type": "ftp" }])),
            "backupLocations[0].type",
            "unknown variant `ftp`",
        ),
        (with("backupLocations", json!([["x", "s3"]])), "backupLocations[0]", "expected an object"),
        (with("namespaces", json!("default")), "namespaces", "invalid type: string"),
        (with("backupKind", json!("weekly")), "backupKind", "unknown variant"),
        (with("backupObject", json!("pod")), "backupObject", "unknown variant"),
        (with("schedulePolicies", json!([1])), "schedulePolicies[0]", "invalid type: integer"),
        (
            with("offload", json!(1e300)),
            "offload",
            "invalid type: floating point `1e+300`, expected a boolean",
        ),
    ];
    for (config, path, message) in cases {
        check(&parse_err(&config), path, message, &config.to_string());
    }
}

#[test]
fn unknown_and_missing_and_duplicate_keys_at_every_level() {
    let cases = [
        (with("scenario", json!("aws-ebs")), "scenario", "unknown field `scenario`"),
        (with("Offload", json!(true)), "Offload", "unknown field `Offload`"),
        (with("cross_cloud", json!(true)), "cross_cloud", "unknown field `cross_cloud`"),
        (third(json!({ "name": "a.example.com", "vsc": "x" })), "provisioners[2].vsc", "unknown field `vsc`"),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": "x", "isDefault": true }] }),
            ),
            "provisioners[2].volumeSnapshotClasses[0].isDefault",
            "unknown field `isDefault`",
        ),
        (
            with("kubernetes", json!({ "storageclasses": { "items": [] } })),
            "kubernetes.storageclasses",
            "unknown field `storageclasses`",
        ),
        (
            with("backupLocations", json!([{ "name": "x", "type": "s3", "region": "eu" }])),
            "backupLocations[0].region",
            "unknown field `region`",
        ),
        (json!({ "provisioners": [{}] }), "provisioners[0].name", "missing field `name`"),
        (
            third(json!({ "volumeSnapshotClasses": [{ "name": "x" }] })),
            "provisioners[2].name",
            "missing field `name`",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "default": true }] })),
            "provisioners[2].volumeSnapshotClasses[0].name",
            "missing field `name`",
        ),
        (
            with("kubernetes", json!({ "storageClasses": {} })),
            "kubernetes.storageClasses.items",
            "missing field `items`",
        ),
        (
            with("kubernetes", json!({ "storageClasses": { "items": [{ "provisioner": "a.b" }] } })),
            "kubernetes.storageClasses.items[0].metadata",
            "missing field `metadata`",
        ),
        (
            with(
                "kubernetes",
                json!({ "storageClasses": { "items": [{ "metadata": {} , "provisioner": "a.b" }] } }),
            ),
            "kubernetes.storageClasses.items[0].metadata.name",
            "missing field `name`",
        ),
        (
            with(
                "kubernetes",
                json!({ "volumeSnapshotClasses": { "items": [{ "metadata": { "name": "v" } }] } }),
            ),
            "kubernetes.volumeSnapshotClasses.items[0].driver",
            "missing field `driver`",
        ),
        (
            with("backupLocations", json!([{ "name": "x" }])),
            "backupLocations[0].type",
            "missing field `type`",
        ),
    ];
    for (config, path, message) in cases {
        check(&parse_err(&config), path, message, &config.to_string());
    }
    // Duplicate keys cannot be written with json!, so as text.
    let duplicates = [
        (r#"{"provisioners": [{"name": "pxd.portworx.com"}], "offload": true, "offload": false}"#, "offload"),
        (r#"{"provisioners": [{"name": "a.example.com", "name": "b.example.com"}]}"#, "provisioners[0].name"),
        (
            r#"{"provisioners": [{"name": "a.example.com", "volumeSnapshotClasses": [{"name": "x", "default": true, "default": false}]}]}"#,
            "provisioners[0].volumeSnapshotClasses[0].default",
        ),
    ];
    for (text, path) in duplicates {
        check(&parse_text_err(text), path, "duplicate field", text);
    }
}

#[test]
fn the_rules_the_types_cannot_say() {
    let vsc = |name: &str, default: bool| json!({ "name": name, "default": default });
    let cases = [
        (json!({}), "provisioners", "at least one CSI provisioner"),
        (json!({ "provisioners": [] }), "provisioners", "at least one CSI provisioner"),
        (third(json!({ "name": "ebs.csi.aws.com" })), "provisioners[2].name", "listed twice"),
        (
            third(json!({ "name": "pxd.portworx.com", "portworx": true })),
            "provisioners[2].name",
            "listed twice",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("x", false), vsc("x", false)] }),
            ),
            "provisioners[2].volumeSnapshotClasses[1].name",
            "listed twice",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("ebs-vsc", false)] })),
            "provisioners[2].volumeSnapshotClasses[0].name",
            "listed twice (also under \"ebs.csi.aws.com\")",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("x", true), vsc("y", false), vsc("z", true)] }),
            ),
            "provisioners[2].volumeSnapshotClasses[2].default",
            "2 volume snapshot classes of \"a.example.com\" are marked default",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("x", true), vsc("y", true), vsc("z", true)] }),
            ),
            "provisioners[2].volumeSnapshotClasses[1].default",
            "3 volume snapshot classes",
        ),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClass": "x" })),
            "provisioners[2].volumeSnapshotClass",
            "\"x\" is not one of the volume snapshot classes of \"a.example.com\"",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("x", false), vsc("y", false)], "volumeSnapshotClass": "ebs-vsc" }),
            ),
            "provisioners[2].volumeSnapshotClass",
            "not one of",
        ),
        (
            third(
                json!({ "name": "a.example.com", "volumeSnapshotClasses": [vsc("x", false)], "volumeSnapshotClass": null }),
            ),
            "provisioners[2].volumeSnapshotClass",
            "cannot be unselected",
        ),
        (
            third(
                json!({ "name": "a.example.com", "portworx": true, "volumeSnapshotClasses": [vsc("x", false)], "volumeSnapshotClass": "x" }),
            ),
            "provisioners[2].volumeSnapshotClass",
            "is a Portworx provisioner",
        ),
        (
            third(
                json!({ "name": "kubernetes.io/portworx-volume", "volumeSnapshotClasses": [vsc("x", false)], "volumeSnapshotClass": "x" }),
            ),
            "provisioners[2].volumeSnapshotClass",
            "is a Portworx provisioner",
        ),
        (with("backupName", json!("Orders")), "backupName", "not a valid name"),
        (with("backupLocations", json!([])), "backupLocations", "at least one backup location"),
        (
            with("backupLocations", json!([{ "name": "S3", "type": "s3" }])),
            "backupLocations[0].name",
            "not a valid name",
        ),
        (
            with("backupLocation", json!("elsewhere")),
            "backupLocation",
            "\"elsewhere\" is not one of backupLocations",
        ),
        (with("namespaces", json!(["default", "Kube_System"])), "namespaces[1]", "not a valid namespace"),
        (with("namespaces", json!(["a.b"])), "namespaces[0]", "not a valid namespace"),
        (with("namespaces", json!(["n".repeat(64)])), "namespaces[0]", "longer than 63"),
        (with("schedulePolicies", json!(["daily", ""])), "schedulePolicies[1]", "empty"),
        (with("schedulePolicy", json!("hourly")), "schedulePolicy", "not one of schedulePolicies"),
        (with("cluster", json!({ "name": "Prod_EU" })), "cluster.name", "not a valid name"),
        (with("cluster", json!({ "name": "" })), "cluster.name", "empty"),
        (with("cluster", json!({ "uid": "abc" })), "cluster.name", "missing field `name`"),
        (with("cluster", json!({ "name": "prod", "uid": "" })), "cluster.uid", "the uid is empty"),
        (with("cluster", json!({ "name": "prod", "uid": "a b" })), "cluster.uid", "not a valid uid"),
        (
            with("cluster", json!({ "name": "prod", "region": "eu" })),
            "cluster.region",
            "unknown field `region`",
        ),
        (with("cluster", json!(["prod"])), "cluster", "expected an object"),
        (with("cluster", json!("prod")), "cluster", "invalid type: string"),
        (with("orgId", json!("Default")), "orgId", "not a valid name"),
        (with("orgId", json!("")), "orgId", "empty"),
        (with("orgId", json!(7)), "orgId", "invalid type: integer"),
        (
            with(
                "backupLocations",
                json!([{ "name": "a", "type": "s3" }, { "name": "b", "type": "nfs", "uid": "x/y" }]),
            ),
            "backupLocations[1].uid",
            "not a valid uid",
        ),
        (
            with("backupLocations", json!([{ "name": "a", "type": "s3", "uid": 5 }])),
            "backupLocations[0].uid",
            "invalid type: integer",
        ),
        (
            with("schedulePolicies", json!(["daily", { "name": "weekly", "uid": "" }])),
            "schedulePolicies[1].uid",
            "the uid is empty",
        ),
        (
            with("schedulePolicies", json!([{ "name": "Weekly" }])),
            "schedulePolicies[0].name",
            "not a valid name",
        ),
        (
            with("schedulePolicies", json!([{ "uid": "u-1" }])),
            "schedulePolicies[0].name",
            "missing field `name`",
        ),
        (
            with("schedulePolicies", json!([{ "name": "weekly", "cron": "@weekly" }])),
            "schedulePolicies[0].cron",
            "unknown field `cron`",
        ),
        (
            with("schedulePolicies", json!([["weekly"]])),
            "schedulePolicies[0]",
            "expected a schedule policy name",
        ),
    ];
    for (config, path, message) in cases {
        check(&parse_err(&config), path, message, &config.to_string());
    }
}

#[test]
fn names_outside_rfc_1123_are_rejected_where_they_are() {
    let bad_vsc_names = [
        "", "Snap", "snap_a", "-snap", "snap-", "snap..a", "snap.", ".snap", "sn ap", "snäp", "snap/a",
        "SNAP",
    ];
    for name in bad_vsc_names {
        let config = third(
            json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": "ok" }, { "name": name }] }),
        );
        let error = parse_err(&config);
        assert_eq!(error.path, "provisioners[2].volumeSnapshotClasses[1].name", "{name:?}");
        assert!(error.message.contains("name"), "{name:?}: {}", error.message);
    }
    let bad_provisioner_names =
        ["", "-ebs", "ebs-", "ebs csi", "a/b/c", "/ebs", "ebs/", "Bad_Prefix/x", "ebs!", "ébs"];
    for name in bad_provisioner_names {
        let error = parse_err(&third(json!({ "name": name })));
        assert_eq!(error.path, "provisioners[2].name", "{name:?}: {error:?}");
    }
    // What Kubernetes accepts as a provisioner (a qualified name) is accepted.
    for name in ["example.com/My_Driver", "kubernetes.io/aws-ebs", "Driver.V2", "a", "a_b"] {
        parse(&third(json!({ "name": name })));
    }
    for name in ["snap", "a", "0", "snap-a.b-c", "1.2.3"] {
        parse(&third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": name }] })));
    }
}

fn padded(mut config: String, length: usize) -> String {
    assert!(config.len() <= length);
    config.push_str(&" ".repeat(length - config.len()));
    config
}

#[test]
fn the_size_limit_is_256_kib_of_json() {
    let config = json!({ "provisioners": ok_provisioners() }).to_string();
    assert!(Config::parse(&padded(config.clone(), 256 * 1024)).is_ok());
    let error = Config::parse(&padded(config.clone(), 256 * 1024 + 1)).unwrap_err();
    check(&error, "(root)", "262145 bytes", "one byte over");
    assert!(error.message.contains("256 KiB"));
    // Counted in bytes of UTF-8, not characters.
    let wide = padded(config, 256 * 1024 - 200) + &"é".repeat(150);
    assert!(wide.chars().count() <= 256 * 1024 && wide.len() > 256 * 1024);
    check(&parse_text_err(&wide), "(root)", "256 KiB", "multi-byte");
}

fn provisioners(count: usize) -> Value {
    Value::Array((0..count).map(|i| json!({ "name": format!("p{i}.csi.example.com") })).collect())
}

#[test]
fn at_most_200_provisioners() {
    let config = parse(&json!({ "provisioners": provisioners(200) }));
    assert_eq!(config.provisioners.len(), 200);
    let error = parse_err(&json!({ "provisioners": provisioners(201) }));
    check(&error, "provisioners", "201 provisioners given; at most 200", "201");
    // The same through validate().
    let mut config = config;
    config.provisioners.push(Provisioner::new("one-more.example.com", &[]));
    check(&config.validate().unwrap_err(), "provisioners", "at most 200", "validate");
}

fn classes(count: usize, prefix: &str) -> Value {
    Value::Array((0..count).map(|i| json!({ "name": format!("{prefix}{i}") })).collect())
}

#[test]
fn at_most_500_vscs_per_provisioner() {
    let at_limit = third(json!({ "name": "a.example.com", "volumeSnapshotClasses": classes(500, "vsc-") }));
    let config = parse(&at_limit);
    assert_eq!(config.provisioners[2].volume_snapshot_classes.len(), 500);
    // 500 on each of two provisioners is fine too: the limit is per provisioner.
    let mut two = at_limit.clone();
    two["provisioners"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "name": "b.example.com", "volumeSnapshotClasses": classes(500, "other-") }));
    parse(&two);
    let error =
        parse_err(&third(json!({ "name": "a.example.com", "volumeSnapshotClasses": classes(501, "vsc-") })));
    check(
        &error,
        "provisioners[2].volumeSnapshotClasses",
        "501 volume snapshot classes given; at most 500",
        "501",
    );
}

#[test]
fn names_of_at_most_253_characters() {
    let long = |n: usize| "a".repeat(n);
    // Provisioner, VSC, selection, backup name, location and policy at 253: accepted.
    let config = json!({
        "provisioners": [{ "name": long(253), "volumeSnapshotClasses": [{ "name": long(253) }, { "name": "b" }], "volumeSnapshotClass": long(253) }],
        "backupName": long(253),
        "backupLocations": [{ "name": long(253), "type": "nfs", "uid": long(253) }],
        "schedulePolicies": [long(253), { "name": "b", "uid": long(253) }],
        "cluster": { "name": long(253), "uid": long(253) },
        "orgId": long(253)
    });
    let parsed = parse(&config);
    assert_eq!(
        backup_matrix::decide(&parsed).provisioners[0].volume_snapshot_class.as_deref(),
        Some(&*long(253))
    );
    // A dotted 253-character name, and a prefixed provisioner name of 253.
    let dotted = format!("{}.{}", "a".repeat(126), "b".repeat(126));
    assert_eq!(dotted.len(), 253);
    let prefixed = format!("{}/{}", "example.com", "d".repeat(241));
    assert_eq!(prefixed.len(), 253);
    parse(&json!({ "provisioners": [{ "name": prefixed, "volumeSnapshotClasses": [{ "name": dotted }] }] }));

    let cases = [
        (json!({ "provisioners": [{ "name": long(254) }] }), "provisioners[0].name"),
        (
            third(json!({ "name": "a.example.com", "volumeSnapshotClasses": [{ "name": long(254) }] })),
            "provisioners[2].volumeSnapshotClasses[0].name",
        ),
        (with("backupName", json!(long(254))), "backupName"),
        (with("backupLocations", json!([{ "name": long(254), "type": "s3" }])), "backupLocations[0].name"),
        (with("schedulePolicies", json!([long(254)])), "schedulePolicies[0]"),
        (with("schedulePolicies", json!([{ "name": long(254) }])), "schedulePolicies[0].name"),
        (with("schedulePolicies", json!([{ "name": "a", "uid": long(254) }])), "schedulePolicies[0].uid"),
        (
            with("backupLocations", json!([{ "name": "a", "type": "s3", "uid": long(254) }])),
            "backupLocations[0].uid",
        ),
        (with("cluster", json!({ "name": long(254) })), "cluster.name"),
        (with("cluster", json!({ "name": "a", "uid": long(254) })), "cluster.uid"),
        (with("orgId", json!(long(254))), "orgId"),
    ];
    for (config, path) in cases {
        check(&parse_err(&config), path, "254 characters long; at most 253", path);
    }
}

#[test]
fn validate_gives_the_same_errors_as_parse() {
    let mut config = Config { provisioners: vec![], ..Config::default() };
    check(&config.validate().unwrap_err(), "provisioners", "at least one", "empty");
    config.provisioners = vec![Provisioner::new("a.example.com", &[("x", true), ("y", true)])];
    check(
        &config.validate().unwrap_err(),
        "provisioners[0].volumeSnapshotClasses[1].default",
        "marked default",
        "two defaults",
    );
    config.provisioners =
        vec![Provisioner::new("a.example.com", &[]), Provisioner::new("a.example.com", &[])];
    check(&config.validate().unwrap_err(), "provisioners[1].name", "listed twice", "duplicate");
}

#[test]
fn an_error_never_loses_its_path_or_message() {
    // A sample of everything above, through Display and serde: what `backup-config-error` carries.
    let error = parse_err(&third(json!({ "name": "a.example.com", "volumeSnapshotClass": "x" })));
    let value = serde_json::to_value(&error).unwrap();
    assert_eq!(value, json!({ "message": error.message, "path": "provisioners[2].volumeSnapshotClass" }));
}

#[test]
fn volume_snapshot_class_absent_null_and_named_are_three_selections() {
    let classes = json!([{ "name": "x" }, { "name": "y", "default": true }]);
    let entry = |selection: Option<Value>| {
        let mut entry = json!({ "name": "a.example.com", "volumeSnapshotClasses": classes });
        if let Some(selection) = selection {
            entry["volumeSnapshotClass"] = selection;
        }
        parse(&third(entry)).provisioners[2].clone()
    };
    assert_eq!(entry(None).volume_snapshot_class, Selection::Auto);
    assert_eq!(entry(Some(json!(null))).volume_snapshot_class, Selection::NoClass);
    assert_eq!(entry(Some(json!("x"))).volume_snapshot_class, Selection::Named("x".to_owned()));
    // Written back as they were read: no key, null, the name.
    let written = |p: Provisioner| serde_json::to_value(p).unwrap();
    assert!(written(entry(None)).get("volumeSnapshotClass").is_none());
    assert_eq!(written(entry(Some(json!(null))))["volumeSnapshotClass"], json!(null));
    assert_eq!(written(entry(Some(json!("x"))))["volumeSnapshotClass"], json!("x"));
}

#[test]
fn a_schedule_policy_is_a_name_or_an_object() {
    let config = parse(&with(
        "schedulePolicies",
        json!(["daily", { "name": "weekly" }, { "name": "monthly", "uid": "u-1" }]),
    ));
    assert_eq!(
        config.schedule_policies,
        [
            SchedulePolicy::new("daily", None),
            SchedulePolicy::new("weekly", None),
            SchedulePolicy::new("monthly", Some("u-1".to_owned()))
        ]
    );
    // A name is written as a name, one with a uid as an object.
    let written = serde_json::to_value(&config).unwrap();
    assert_eq!(written["schedulePolicies"], json!(["daily", "weekly", { "name": "monthly", "uid": "u-1" }]));
    // An error about the name points where the name is: the item, or its `name`.
    check(
        &parse_err(&with("schedulePolicies", json!(["Daily"]))),
        "schedulePolicies[0]",
        "not a valid name",
        "string",
    );
    check(
        &parse_err(&with("schedulePolicies", json!(["daily", { "name": "Daily" }]))),
        "schedulePolicies[1].name",
        "not a valid name",
        "object",
    );
    check(
        &parse_err(&with("schedulePolicies", json!([{ "name": "daily", "name2": "x" }]))),
        "schedulePolicies[0].name2",
        "unknown field `name2`",
        "unknown key",
    );
    check(
        &parse_err(&with("schedulePolicies", json!([{ "name": 7 }]))),
        "schedulePolicies[0].name",
        "invalid type: integer `7`, expected a string",
        "wrong type",
    );
    check(
        &parse_err(&with("schedulePolicies", json!([null]))),
        "schedulePolicies[0]",
        "invalid type: null",
        "null",
    );
}

#[test]
fn a_repeated_key_is_an_error_at_every_level() {
    let cases = [
        (r#"{"provisioners": [{"name": "pxd.portworx.com"}], "mode": "classic", "mode": "classic"}"#, "mode"),
        (
            r#"{"provisioners": [{"name": "pxd.portworx.com"}], "cluster": {"name": "a", "uid": "u", "name": "b"}}"#,
            "cluster.name",
        ),
        (
            r#"{"provisioners": [{"name": "pxd.portworx.com"}], "schedulePolicies": [{"name": "a", "name": "b"}]}"#,
            "schedulePolicies[0].name",
        ),
        (
            r#"{"kubernetes": {"storageClasses": {"items": [{"metadata": {"name": "sc", "name": "sd"}, "provisioner": "a.b"}]}}}"#,
            "kubernetes.storageClasses.items[0].metadata.name",
        ),
        (
            r#"{"kubernetes": {"storageClasses": {"items": [{"metadata": {"name": "sc"}, "provisioner": "a.b", "provisioner": "c.d"}]}}}"#,
            "kubernetes.storageClasses.items[0].provisioner",
        ),
    ];
    for (text, path) in cases {
        check(&parse_text_err(text), path, "duplicate field", text);
    }
    // An annotation given twice: Kubernetes would keep one of them; the widget says which key.
    let annotations = r#"{"kubernetes": {
        "storageClasses": {"items": [{"metadata": {"name": "sc"}, "provisioner": "a.b"}]},
        "volumeSnapshotClasses": {"items": [{"metadata": {"name": "v", "annotations": {
            "snapshot.storage.kubernetes.io/is-default-class": "false",
            "other": "x",
            "snapshot.storage.kubernetes.io/is-default-class": "true"}}, "driver": "a.b"}]}}}"#;
    check(
        &parse_text_err(annotations),
        "kubernetes.volumeSnapshotClasses.items[0].metadata.annotations.snapshot.storage.kubernetes.io/is-default-class",
        "duplicate key `snapshot.storage.kubernetes.io/is-default-class`",
        "annotations",
    );
    // Different keys are fine, whatever their order.
    let fine = annotations.replacen(
        "\"snapshot.storage.kubernetes.io/is-default-class\": \"false\"",
        "\"a\": \"b\"",
        1,
    );
    assert!(Config::parse(&fine).unwrap().provisioners[0].volume_snapshot_classes[0].default);
}

#[test]
fn an_unknown_key_is_named_in_the_message_and_the_path() {
    let error = parse_err(&with("colour", json!("blue")));
    check(&error, "colour", "unknown field `colour`, expected one of `provisioners`, `kubernetes`", "top");
    let error = parse_err(&third(json!({ "name": "a.example.com", "snapshotClass": "x" })));
    check(&error, "provisioners[2].snapshotClass", "unknown field `snapshotClass`", "in a list");
    // Unknown Kubernetes fields are ignored, however deep, but not unknown keys of `kubernetes`.
    let mut deep = json!("leaf");
    for _ in 0..100 {
        deep = json!({ "x": [deep] });
    }
    let cluster = json!({ "kubernetes": { "storageClasses": { "apiVersion": "v1", "metadata": deep, "items": [
        { "metadata": { "name": "sc", "uid": "u", "labels": { "a": "b" } }, "provisioner": "a.b", "parameters": deep }
    ] } } });
    assert_eq!(parse(&cluster).provisioners[0].name, "a.b");
    check(
        &parse_err(&json!({ "kubernetes": { "pods": {} } })),
        "kubernetes.pods",
        "unknown field `pods`",
        "kubernetes",
    );
}

#[test]
fn a_path_goes_through_lists_and_objects() {
    let mut config =
        json!({ "provisioners": [{ "name": "a.example.com" }, { "name": "b.example.com" }, { "name": 3 }] });
    check(
        &parse_err(&config),
        "provisioners[2].name",
        "invalid type: integer `3`, expected a string",
        "type",
    );
    config["provisioners"][2]["name"] = json!("Bad Name");
    check(&parse_err(&config), "provisioners[2].name", "not a valid provisioner name", "check");
    config["provisioners"][2] = json!({ "name": "c.example.com", "volumeSnapshotClasses": [{ "name": "v" }, { "name": "w", "default": "yes" }] });
    check(
        &parse_err(&config),
        "provisioners[2].volumeSnapshotClasses[1].default",
        "expected a boolean",
        "nested",
    );
    // The root: the whole config is of the wrong type.
    check(&parse_text_err("[]"), "(root)", "invalid type: sequence, expected an object", "root");
}

#[test]
fn an_object_is_never_an_array_of_its_fields() {
    // serde_json would read a derived struct from an array of its values; a config does not.
    let cases = [
        (json!([[{ "name": "pxd.portworx.com" }], null, false]), "(root)"),
        (json!({ "provisioners": [["pxd.portworx.com"]] }), "provisioners[0]"),
        (with("cluster", json!(["prod"])), "cluster"),
        (with("backupLocations", json!([["s3-backups", "s3"]])), "backupLocations[0]"),
        (with("kubernetes", json!([null, null])), "kubernetes"),
        (with("kubernetes", json!({ "storageClasses": ["List", []] })), "kubernetes.storageClasses"),
        (
            with("kubernetes", json!({ "storageClasses": { "items": [[null, { "name": "sc" }, "a.b"]] } })),
            "kubernetes.storageClasses.items[0]",
        ),
        (
            with(
                "kubernetes",
                json!({ "storageClasses": { "items": [{ "metadata": ["sc"], "provisioner": "a.b" }] } }),
            ),
            "kubernetes.storageClasses.items[0].metadata",
        ),
    ];
    for (config, path) in cases {
        check(&parse_err(&config), path, "invalid type: sequence, expected an object", &config.to_string());
    }
    // A choice is a string, never an enum's object form.
    check(
        &parse_err(&with("mode", json!({ "classic": null }))),
        "mode",
        "invalid type: map, expected a string",
        "mode",
    );
}
