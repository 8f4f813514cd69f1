//! Property tests: whatever a host hands in, `Config::parse` never panics, and every error
//! names a path and says what is wrong; every config it accepts decides by the seed's Table 1.
//! 11,500 cases in all (3 x 2,500 + 2 x 2,000).

mod common;

use backup_matrix::{decide, Config, Selection};
use common::*;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Map, Value};

fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Where a path of an error points in the input: `Some(())` when every segment but the last
/// (or all of them, with `full`) resolves. Map keys may contain dots (annotations), so a key
/// that does not resolve is retried joined with the segments after it.
fn resolves(input: &Value, path: &str, full: bool) -> bool {
    if path == "(root)" {
        return true;
    }
    let mut steps: Vec<Step> = Vec::new();
    for segment in path.split('.') {
        let (key, indices) = match segment.find('[') {
            Some(at) => (&segment[..at], &segment[at..]),
            None => (segment, ""),
        };
        steps.push(Step::Key(key.to_owned()));
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            match index.parse() {
                Ok(index) => steps.push(Step::Index(index)),
                Err(_) => return false,
            }
        }
    }
    let wanted = if full { steps.len() } else { steps.len() - 1 };
    walk(input, &steps, wanted)
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn walk(value: &Value, steps: &[Step], wanted: usize) -> bool {
    if wanted == 0 {
        return true;
    }
    match (&steps[0], value) {
        (Step::Index(i), Value::Array(items)) => {
            items.get(*i).is_some_and(|v| walk(v, &steps[1..], wanted - 1))
        }
        (Step::Key(key), Value::Object(map)) => {
            if let Some(v) = map.get(key) {
                if walk(v, &steps[1..], wanted - 1) {
                    return true;
                }
            }
            // Join with the next key segment ("a.b" split at its dot).
            if let Some(Step::Key(next)) = steps.get(1) {
                let mut joined = steps[1..].to_vec();
                joined[0] = Step::Key(format!("{key}.{next}"));
                return walk(value, &joined, wanted - 1);
            }
            false
        }
        _ => false,
    }
}

/// Every error: a path and a message, neither empty; for JSON input, a path into the input.
fn check_error(error: &backup_matrix::ConfigError, input: Option<&Value>) -> Result<(), TestCaseError> {
    prop_assert!(!error.path.is_empty());
    prop_assert!(!error.message.trim().is_empty());
    prop_assert!(error.path.split('.').all(|segment| segment != "?"), "{:?}", error);
    if let Some(input) = input {
        prop_assert!(
            resolves(input, &error.path, false),
            "path {:?} is not in the input: {:?}",
            error.path,
            error
        );
        let absent_ok = error.message.contains("missing field") || error.path == "provisioners";
        prop_assert!(
            absent_ok || resolves(input, &error.path, true),
            "path {:?} not in the input: {:?}",
            error.path,
            error
        );
    }
    Ok(())
}

/// Every accepted config: decides by Table 1 (as transcribed), and round-trips through JSON.
fn check_accepted(config: &Config) -> Result<(), TestCaseError> {
    let decision = decide(config);
    prop_assert_eq!(decision.provisioners.len(), config.provisioners.len());
    for (p, d) in config.provisioners.iter().zip(&decision.provisioners) {
        let portworx = ["pxd.portworx.com", "kubernetes.io/portworx-volume"].contains(&p.name.as_str())
            || p.portworx == Some(true);
        let classes: Vec<(String, bool)> =
            p.volume_snapshot_classes.iter().map(|c| (c.name.clone(), c.default)).collect();
        let selection = match &p.volume_snapshot_class {
            Selection::Auto => None,
            Selection::NoClass => Some(None),
            Selection::Named(name) => Some(Some(name.clone())),
        };
        let e = expect(portworx, &classes, &selection, config.offload, config.cross_cloud);
        prop_assert_eq!(d.vsc_option.id(), e.vsc_option, "{:?}", p);
        prop_assert_eq!(&d.volume_snapshot_class, &e.class, "{:?}", p);
        prop_assert_eq!(d.backup_type.id(), e.backup_type, "{:?}", p);
        prop_assert_eq!(d.csi_matrix_row, e.row, "{:?}", p);
    }
    prop_assert_eq!(decision.can_create, decision.provisioners.iter().all(|p| p.backup_type.id() != "fails"));
    let text = serde_json::to_string(config).unwrap();
    let mut again = Config::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
    again.unmatched_snapshot_classes = config.unmatched_snapshot_classes.clone();
    prop_assert_eq!(&again, config);
    Ok(())
}

/// Whether every key is one a path can spell without ambiguity (no brackets).
fn plain_keys(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.iter().all(|(k, v)| !k.contains(['[', ']']) && plain_keys(v)),
        Value::Array(items) => items.iter().all(plain_keys),
        _ => true,
    }
}

fn parse_any(text: &str) -> Result<(), TestCaseError> {
    let input: Option<Value> = serde_json::from_str(text).ok().filter(plain_keys);
    match Config::parse(text) {
        Ok(config) => check_accepted(&config),
        Err(error) => check_error(&error, input.as_ref()),
    }
}

const PROVISIONER_NAMES: [&str; 12] = [
    "pxd.portworx.com",
    "kubernetes.io/portworx-volume",
    "ebs.csi.aws.com",
    "efs.csi.aws.com",
    "file.csi.azure.com",
    "disk.csi.azure.com",
    "csi.example.com",
    "example.com/Odd_Driver",
    "",
    "Bad Name",
    "-x",
    "a/b/c",
];
const VSC_NAMES: [&str; 8] = ["v-a", "v-b", "v-c", "v-d", "v-e", "", "Bad_Name", "v..x"];

fn name_strategy(pool: &'static [&'static str], long: char) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(pool).prop_map(str::to_owned),
        1 => (252usize..=254).prop_map(move |n| long.to_string().repeat(n)),
    ]
}

fn vsc_strategy() -> impl Strategy<Value = Value> {
    (name_strategy(&VSC_NAMES, 'v'), prop::option::of(any::<bool>())).prop_map(|(name, default)| {
        let mut vsc = json!({ "name": name });
        if let Some(default) = default {
            vsc["default"] = json!(default);
        }
        vsc
    })
}

fn provisioner_strategy() -> impl Strategy<Value = Value> {
    let selection = prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        name_strategy(&VSC_NAMES, 'v').prop_map(|n| Some(json!(n))),
    ];
    let portworx =
        prop_oneof![Just(None), Just(Some(Value::Null)), any::<bool>().prop_map(|b| Some(json!(b)))];
    (
        name_strategy(&PROVISIONER_NAMES, 'p'),
        portworx,
        prop::option::weighted(0.8, prop::collection::vec(vsc_strategy(), 0..4)),
        selection,
    )
        .prop_map(|(name, portworx, classes, selection)| {
            let mut entry = json!({ "name": name });
            if let Some(portworx) = portworx {
                entry["portworx"] = portworx;
            }
            if let Some(classes) = classes {
                entry["volumeSnapshotClasses"] = json!(classes);
            }
            if let Some(selection) = selection {
                entry["volumeSnapshotClass"] = selection;
            }
            entry
        })
}

fn kubernetes_strategy() -> impl Strategy<Value = Value> {
    let sc = (prop::sample::select(&PROVISIONER_NAMES[..8]), 0u8..3)
        .prop_map(|(p, i)| json!({ "kind": "StorageClass", "metadata": { "name": format!("sc-{i}") }, "provisioner": p, "parameters": { "type": "gp3" } }));
    let vsc = (prop::sample::select(&PROVISIONER_NAMES[..8]), 0u8..6, prop::sample::select(&["true", "false", ""][..]))
        .prop_map(|(driver, i, default)| {
            json!({
                "kind": "VolumeSnapshotClass",
                "metadata": { "name": format!("k-{i}"), "annotations": { "snapshot.storage.kubernetes.io/is-default-class": default } },
                "driver": driver,
                "deletionPolicy": "Delete"
            })
        });
    (prop::collection::vec(sc, 0..4), prop::collection::vec(vsc, 0..4)).prop_map(|(scs, vscs)| {
        json!({
            "storageClasses": { "apiVersion": "v1", "kind": "List", "items": scs, "metadata": { "resourceVersion": "" } },
            "volumeSnapshotClasses": { "apiVersion": "v1", "kind": "List", "items": vscs }
        })
    })
}

/// A config that is valid or nearly so.
fn config_strategy() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(provisioner_strategy(), 0..5),
        prop::option::weighted(0.3, kubernetes_strategy()),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(&["classic", "federated", "hybrid"][..]),
    )
        .prop_map(|(provisioners, kubernetes, offload, cross_cloud, mode)| {
            let mut config = json!({ "provisioners": provisioners, "offload": offload, "crossCloud": cross_cloud, "mode": mode });
            if let Some(kubernetes) = kubernetes {
                config["kubernetes"] = kubernetes;
            }
            config
        })
}

/// Replaces, removes or adds at one node of a JSON tree, chosen by `at` in depth-first order.
fn mutate(value: &mut Value, at: &mut usize, kind: u8, replacement: &Value) -> bool {
    if *at == 0 {
        match (kind % 4, &mut *value) {
            (0, _) => *value = replacement.clone(),
            (1, Value::Object(map)) => {
                map.insert("unexpected".to_owned(), replacement.clone());
            }
            (2, Value::Object(map)) => {
                let first = map.keys().next().cloned();
                if let Some(key) = first {
                    map.remove(&key);
                }
            }
            (_, other) => *other = json!([other.clone()]),
        }
        return true;
    }
    *at -= 1;
    match value {
        Value::Array(items) => items.iter_mut().any(|item| mutate(item, at, kind, replacement)),
        Value::Object(map) => map.values_mut().any(|item| mutate(item, at, kind, replacement)),
        _ => false,
    }
}

fn scalar_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "[ -~]{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
    ]
}

fn json_strategy() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(
        &[
            "provisioners",
            "name",
            "volumeSnapshotClasses",
            "volumeSnapshotClass",
            "default",
            "portworx",
            "offload",
            "crossCloud",
            "mode",
            "kubernetes",
            "storageClasses",
            "items",
            "metadata",
            "provisioner",
            "driver",
            "x",
        ][..],
    );
    scalar_strategy().prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|entries| Value::Object(
                entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(cases(2500))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        parse_any(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn damaged_config_text_never_panics(config in config_strategy(), cut in any::<prop::sample::Index>(), byte in any::<u8>(), how in 0u8..3) {
        let text = config.to_string();
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let damaged = match how {
            0 => text[..at].to_owned(),
            1 => format!("{}{}{}", &text[..at], char::from(byte), &text[at..]),
            _ => format!("{}{}", &text[..at], &text[at..].replacen(['"', ',', ':', '}'], "", 1)),
        };
        parse_any(&damaged)?;
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_strategy()) {
        parse_any(&value.to_string())?;
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    #[test]
    fn near_valid_configs_are_decided_by_table_1_or_rejected_at_a_real_path(config in config_strategy()) {
        parse_any(&config.to_string())?;
    }

    #[test]
    fn mutated_configs_are_rejected_at_a_real_path_or_decided(
        config in config_strategy(),
        at in any::<prop::sample::Index>(),
        kind in any::<u8>(),
        replacement in scalar_strategy(),
    ) {
        let mut config = config;
        let nodes = config.to_string().len();
        mutate(&mut config, &mut at.index(nodes), kind, &replacement);
        parse_any(&config.to_string())?;
    }
}
