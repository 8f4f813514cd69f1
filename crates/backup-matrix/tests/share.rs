//! The URL-state codec: `decode(encode(c)) == c` for random valid form states, links from
//! another version or damaged ones are told apart, and arbitrary text never panics: `decode`
//! gives an error or a config that validates. 9,000 property cases in all (3 x 3,000).

use backup_matrix::config::{BackupKind, BackupObject, Cluster, SchedulePolicy, MAX_CONFIG_BYTES};
use backup_matrix::scenarios::SCENARIOS;
use backup_matrix::share::{decode, encode, MAX_STATE_CHARS, PREFIX};
use backup_matrix::{Config, Mode, Provisioner, Selection, SnapshotClass};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

// Any link that fits decodes to JSON within the config's own limit.
const _: () = assert!(MAX_STATE_CHARS / 4 * 3 < MAX_CONFIG_BYTES);

fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// A reference base64url encoder (RFC 4648 section 5, no padding), independent of the crate's.
fn b64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = String::new();
    for byte in bytes {
        bits.push_str(&format!("{byte:08b}"));
    }
    while !bits.len().is_multiple_of(6) {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|six| A[usize::from_str_radix(std::str::from_utf8(six).unwrap(), 2).unwrap()] as char)
        .collect()
}

fn link(json: &str) -> String {
    format!("{PREFIX}{}", b64(json.as_bytes()))
}

#[test]
fn the_reference_encoder_matches_rfc_4648() {
    let vectors = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(b64(plain.as_bytes()), encoded);
    }
    assert_eq!(b64(&[0xfb, 0xff]), "-_8");
}

#[test]
fn every_scenario_round_trips_in_a_compact_link() {
    for scenario in &SCENARIOS {
        let config = scenario.config();
        let text = encode(&config);
        assert!(text.starts_with("v1."), "{text}");
        assert!(text[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
        assert_eq!(decode(&text), Ok(config.clone()), "{}", scenario.id);
        // Compact: shorter than the full JSON would be, and the defaults are not spelled out.
        let full = link(&serde_json::to_string(&config).unwrap());
        assert!(text.len() < full.len(), "{}: {} >= {}", scenario.id, text.len(), full.len());
        // A link also reads back with a leading '#' (from a URL fragment) and surrounding spaces.
        assert_eq!(decode(&format!(" #{text}\n")), Ok(config), "{}", scenario.id);
    }
    let portworx = backup_matrix::scenarios::find("portworx").unwrap().config();
    assert!(encode(&portworx).len() < 200, "{}", encode(&portworx));
}

#[test]
fn a_hand_made_link_decodes_through_config_parse() {
    let json = r#"{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"ebs-vsc","default":true}]}],"offload":true}"#;
    let config = decode(&link(json)).unwrap();
    assert_eq!(config, Config::parse(json).unwrap());
    assert!(config.offload);
    assert_eq!(config.provisioners[0].volume_snapshot_classes[0].name, "ebs-vsc");
}

#[test]
fn other_versions_are_named_as_such() {
    for text in ["v2.eyJ9", "v0.abc", "v12.x", "v2", "v1"] {
        let error = decode(text).unwrap_err();
        assert!(error.contains("another version of the widget"), "{text}: {error}");
    }
    let error = decode("v2.eyJ9").unwrap_err();
    assert!(error.contains("state format v2") && error.contains("\"v1.\""), "{error}");
    // No prefix at all: not a link of this widget, or one from before links had versions.
    for text in ["eyJwcm92aXNpb25lcnMiOltdfQ", "hello", "V1.eyJ9", "v1eyJ9", "1.eyJ9"] {
        let error = decode(text).unwrap_err();
        assert!(error.contains("should start with \"v1.\""), "{text}: {error}");
    }
}

#[test]
fn damaged_links_say_to_copy_again() {
    let cases: [(&str, &str); 6] = [
        ("v1.eyJ*fQ", "'*' at position 7"),
        ("v1.eyJ9=", "'='"),
        ("v1.é", "'é'"),
        ("v1.eyJ9f", "cut off"),
        ("v1.QR", "last characters"),
        ("v1.__4", "not text"),
    ];
    for (text, wanted) in cases {
        let error = decode(text).unwrap_err();
        assert!(error.contains(wanted), "{text}: {error}");
        assert!(error.contains("copy the whole link again"), "{text}: {error}");
    }
    assert!(decode("v1.QQ").unwrap_err().contains("not valid JSON"));
    assert!(decode("v1.").unwrap_err().contains("no form state"));
    assert!(decode("").unwrap_err().contains("no form state"));
    assert!(decode("  # ").unwrap_err().contains("no form state"));
}

#[test]
fn invalid_states_keep_the_config_errors_path() {
    let error = decode(&link("{}")).unwrap_err();
    assert!(error.contains("not valid") && error.contains("provisioners"), "{error}");
    let error = decode(&link(r#"{"provisioners":[{"name":"a"},{"name":"Bad Name"}]}"#)).unwrap_err();
    assert!(error.contains("provisioners[1].name"), "{error}");
    let error = decode(&link(r#"{"provisioners":[{"name":"a"}],"colour":"red"}"#)).unwrap_err();
    assert!(error.contains("colour"), "{error}");
    let error = decode(&link("not json")).unwrap_err();
    assert!(error.contains("not valid JSON"), "{error}");
}

#[test]
fn oversize_links_are_refused_before_decoding() {
    let big = format!("v1.{}", "A".repeat(MAX_STATE_CHARS));
    let error = decode(&big).unwrap_err();
    assert!(error.contains("64 KiB") && error.contains(&big.len().to_string()), "{error}");
    let big = " ".repeat(MAX_STATE_CHARS + 1);
    assert!(decode(&big).unwrap_err().contains("64 KiB"));
    // Just under the limit: decoded and rejected as a config, not as too long.
    let padded =
        format!("{{\"provisioners\":[{{\"name\":\"a\"}}],\"backupName\":\"{}\"}}", "b".repeat(40_000));
    let text = link(&padded);
    assert!(text.len() < MAX_STATE_CHARS);
    assert!(decode(&text).unwrap_err().contains("backupName"));
}

const PROVISIONERS: [&str; 14] = [
    "pxd.portworx.com",
    "kubernetes.io/portworx-volume",
    "ebs.csi.aws.com",
    "efs.csi.aws.com",
    "disk.csi.azure.com",
    "file.csi.azure.com",
    "pd.csi.storage.gke.io",
    "filestore.csi.storage.gke.io",
    "vpc.block.csi.ibm.io",
    "openshift-storage.rbd.csi.ceph.com",
    "openshift-storage.cephfs.csi.ceph.com",
    "rook-ceph.rbd.csi.ceph.com",
    "csi.trident.netapp.io",
    "driver.longhorn.io",
];

/// One provisioner's shape: Portworx mark, VSC count, which is default, and the selection.
type Shape = (Option<bool>, usize, Option<usize>, usize);

fn provisioner(index: usize, name: &str, (portworx, count, default, choice): Shape) -> Provisioner {
    let mut p = Provisioner::new(name, &[]);
    p.portworx = portworx;
    p.volume_snapshot_classes = (0..count)
        .map(|i| SnapshotClass { name: format!("vsc-{index}-{i}"), default: default == Some(i) })
        .collect();
    // 0: the form's preselection; 1: "no class"; 2..: a class by name. Invalid ones fall back.
    p.volume_snapshot_class = match choice {
        1 if p.is_portworx() || count != 1 => Selection::NoClass,
        c if c >= 2 && c - 2 < count && !p.is_portworx() => {
            Selection::Named(p.volume_snapshot_classes[c - 2].name.clone())
        }
        _ => Selection::Auto,
    };
    p
}

fn shape() -> impl Strategy<Value = Shape> {
    (prop::option::of(any::<bool>()), 0usize..5, prop::option::of(0usize..5), 0usize..7)
}

prop_compose! {
    fn valid_config()(
        names in prop::sample::subsequence(PROVISIONERS.to_vec(), 1..=6).prop_shuffle(),
        shapes in prop::collection::vec(shape(), 6),
        offload in any::<bool>(),
        cross_cloud in any::<bool>(),
        federated in any::<bool>(),
        backup_name in prop_oneof![Just(String::new()), "[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,2}"],
        scheduled in any::<bool>(),
        vm in any::<bool>(),
        location in prop::option::of(0usize..4),
        policy in prop::option::of(0usize..2),
        namespaces in prop::collection::vec("[a-z]([a-z0-9-]{0,10}[a-z0-9])?", 0..4),
        cluster in prop::option::of(("[a-z]([a-z0-9-]{0,12}[a-z0-9])?", prop::option::of("[A-Za-z0-9_.-]{1,36}"))),
        org_id in prop::sample::select(&["default", "finance", "team-a.eu"][..]),
        location_uids in prop::collection::vec(prop::option::of("[a-f0-9-]{1,36}"), 4),
        policy_uids in prop::collection::vec(prop::option::of("[a-f0-9-]{1,36}"), 2),
    ) -> Config {
        let provisioners = names.iter().zip(shapes).enumerate().map(|(i, (n, s))| provisioner(i, n, s)).collect();
        let mut config = Config {
            provisioners,
            offload,
            cross_cloud,
            mode: if federated { Mode::Federated } else { Mode::Classic },
            backup_name,
            backup_kind: if scheduled { BackupKind::Scheduled } else { BackupKind::Manual },
            backup_object: if vm { BackupObject::Vm } else { BackupObject::Namespace },
            namespaces,
            cluster: cluster.map(|(name, uid)| Cluster { name, uid }),
            org_id: org_id.to_owned(),
            ..Config::default()
        };
        for (location, uid) in config.backup_locations.iter_mut().zip(location_uids) {
            location.uid = uid;
        }
        config.schedule_policies = config
            .schedule_policies
            .iter()
            .zip(policy_uids)
            .map(|(policy, uid)| SchedulePolicy::new(policy.name.clone(), uid))
            .collect();
        config.backup_location = location.map(|i| config.backup_locations[i].name.clone());
        config.schedule_policy = policy.map(|i| config.schedule_policies[i].name.clone());
        config
    }
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn every_valid_state_round_trips(config in valid_config()) {
        prop_assert!(config.validate().is_ok(), "the generator makes valid states: {:?}", config.validate());
        let text = encode(&config);
        prop_assert!(text.len() <= MAX_STATE_CHARS);
        prop_assert_eq!(decode(&text), Ok(config));
    }

    #[test]
    fn arbitrary_text_never_panics(text in prop_oneof![
        ".{0,200}",
        "v1\\.[A-Za-z0-9_-]{0,300}",
        "v[0-9]{0,3}\\.?[A-Za-z0-9_=+/-]{0,40}",
    ]) {
        if let Ok(config) = decode(&text) {
            prop_assert!(config.validate().is_ok());
        }
    }

    #[test]
    fn arbitrary_json_in_a_link_decodes_as_config_parse(json in prop_oneof![
        r#"\{"provisioners":\[(\{"name":"[a-z.]{0,8}"(,"portworx":(true|false|null))?\},?){0,3}\](,"offload":(true|false|1))?\}"#,
        r#"\{"[a-zA-Z]{0,8}":[\[\]{}",:0-9a-z]{0,40}\}"#,
        ".{0,60}",
    ]) {
        let decoded = decode(&link(&json));
        if json.is_empty() {
            prop_assert!(decoded.unwrap_err().contains("no form state"));
            return Ok(());
        }
        match Config::parse(&json) {
            Ok(config) => prop_assert_eq!(decoded, Ok(config)),
            Err(error) => {
                let message = decoded.unwrap_err();
                prop_assert!(message.contains(&error.message), "{} / {}", message, error);
            }
        }
    }

    #[test]
    fn a_damaged_link_never_panics(config in valid_config(), at in any::<prop::sample::Index>(), byte in 0u8..128) {
        let mut bytes = encode(&config).into_bytes();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(config) = decode(&text) {
                prop_assert!(config.validate().is_ok());
            }
        }
    }
}
