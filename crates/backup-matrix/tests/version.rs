//! CSI driver versions and the seed's Azure file caution: "The Azure file CSI driver supports
//! CSI snapshot restore for (SMB) Azure file volumes starting from CSI driver version v1.30.2."
//! Versions order as semantic versions: a pre-release comes before its release.

use backup_matrix::version::{azure_file_snapshot_restore_supported, parse_version, Identifier, Version};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// The seed's first supporting version, as text.
const SEED_MIN_VERSION: &str = "v1.30.2";

fn v(text: &str) -> Version {
    parse_version(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

#[test]
fn the_forms_drivers_print() {
    assert_eq!(v("v1.30.2"), Version::new(1, 30, 2));
    assert_eq!(v("1.30.2"), Version::new(1, 30, 2));
    assert_eq!(v("V1.30.2"), Version::new(1, 30, 2));
    assert_eq!(v("v1.30"), Version::new(1, 30, 0));
    assert_eq!(v(" v1.30.2\n"), Version::new(1, 30, 2));
    assert_eq!(v("0.0.0"), Version::new(0, 0, 0));
    let rc = v("1.29.0-rc.1");
    assert_eq!((rc.major, rc.minor, rc.patch), (1, 29, 0));
    assert_eq!(rc.pre, [Identifier::Alphanumeric("rc".to_owned()), Identifier::Numeric(1)]);
    // Build metadata is accepted and ignored, as semantic versioning does.
    assert_eq!(v("v1.30.2+azure.20240101"), Version::new(1, 30, 2));
    assert_eq!(v("1.30.2-rc-1").pre, [Identifier::Alphanumeric("rc-1".to_owned())]);
    assert_eq!("v1.29.0-rc.1".parse::<Version>(), Ok(rc.clone()));
}

#[test]
fn display_reads_back() {
    for text in ["v1.30.2", "v0.1.0", "v1.29.0-rc.1", "v2.0.0-alpha.beta.7"] {
        assert_eq!(v(text).to_string(), text);
        assert_eq!(v(&v(text).to_string()), v(text));
    }
    assert_eq!(v("1.30").to_string(), "v1.30.0");
    assert_eq!(Version::azure_file_min_snapshot_restore().to_string(), SEED_MIN_VERSION);
}

#[test]
fn semver_order_with_pre_releases_first() {
    // The chain from the semantic versioning spec, then the drivers' own.
    let ascending = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
        "1.29.0-rc.1",
        "1.29.0",
        "v1.29.9",
        "v1.30",
        "v1.30.1",
        "v1.30.2-rc.1",
        "v1.30.2",
        "v1.30.10",
        "v1.31.0",
        "v2.0.0",
        "v10.0.0",
    ];
    for pair in ascending.windows(2) {
        assert!(v(pair[0]) < v(pair[1]), "{} < {}", pair[0], pair[1]);
    }
    let mut shuffled: Vec<Version> = ascending.iter().rev().map(|t| v(t)).collect();
    shuffled.sort();
    assert_eq!(shuffled, ascending.iter().map(|t| v(t)).collect::<Vec<_>>());
    assert_eq!(v("v1.30").cmp(&v("1.30.0")), std::cmp::Ordering::Equal);
    assert_eq!(v("1.30.2+a"), v("1.30.2+b"));
}

#[test]
fn azure_file_snapshot_restore_from_v1_30_2() {
    let min = Version::azure_file_min_snapshot_restore();
    assert_eq!(min, v(SEED_MIN_VERSION));
    for text in ["v1.30.2", "1.30.2", "v1.30.3", "v1.31", "v2.0.0", "1.30.2+build.5", "v1.30.10"] {
        assert!(azure_file_snapshot_restore_supported(&v(text)), "{text}");
    }
    for text in ["v1.30.1", "v1.30", "v1.29.9", "1.30.2-rc.1", "v1.30.2-alpha", "0.99.99", "v1.3.2"] {
        assert!(!azure_file_snapshot_restore_supported(&v(text)), "{text}");
    }
}

#[test]
fn bad_versions_say_what_to_write() {
    let cases: [(&str, &str); 22] = [
        ("", "empty"),
        ("   ", "empty"),
        ("latest", "not a version number"),
        ("v", "not a version number"),
        ("vv1.2", "not a version number"),
        ("-1.2.3", "not a version number"),
        ("1", "only a major number"),
        ("v1", "only a major number"),
        ("1..2", "empty minor number"),
        ("1.2.", "empty patch number"),
        ("1.2.3.4", "4 numbers"),
        ("1.2.x", "not a number"),
        ("1.02.3", "leading zero"),
        ("99999999999.0.0", "too large"),
        ("1.4294967296.0", "too large"),
        ("1.2.3-", "empty pre-release part"),
        ("1.2.3-rc..1", "empty pre-release part"),
        ("1.2.3-rc.01", "leading zero"),
        ("1.2.3-rc.99999999999999999999999", "too large"),
        ("1.2.3-rc_1", "letters, digits and '-'"),
        ("1.2.3+", "build metadata"),
        ("1.2.3+a..b", "build metadata"),
    ];
    for (text, wanted) in cases {
        let error = parse_version(text).unwrap_err();
        assert!(error.contains(wanted), "{text:?}: {error}");
    }
    let long = format!("1.2.3-{}", "a".repeat(200));
    assert!(parse_version(&long).unwrap_err().contains("too long"));
    assert_eq!(parse_version("1.4294967295.0"), Ok(Version::new(1, u32::MAX, 0)));
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn any_text_is_a_version_or_an_error(text in ".{0,40}") {
        if let Err(message) = parse_version(&text) {
            prop_assert!(!message.trim().is_empty());
        }
    }

    #[test]
    fn version_like_text_never_panics(text in "[vV]?[0-9.]{0,20}(-[0-9a-zA-Z.-]{0,12})?(\\+[0-9a-z.]{0,6})?") {
        if let Ok(version) = parse_version(&text) {
            prop_assert_eq!(parse_version(&version.to_string()), Ok(version));
        }
    }

    #[test]
    fn releases_order_as_their_numbers(a in any::<(u32, u32, u32)>(), b in any::<(u32, u32, u32)>()) {
        let parse = |(x, y, z): (u32, u32, u32)| parse_version(&format!("v{x}.{y}.{z}")).unwrap();
        prop_assert_eq!(parse(a).cmp(&parse(b)), a.cmp(&b));
        prop_assert_eq!(azure_file_snapshot_restore_supported(&parse(a)), a >= (1, 30, 2));
    }

    #[test]
    fn a_pre_release_comes_just_before_its_release(a in any::<(u32, u32, u32)>(), n in any::<u64>()) {
        let (x, y, z) = a;
        let release = parse_version(&format!("{x}.{y}.{z}")).unwrap();
        let pre = parse_version(&format!("{x}.{y}.{z}-rc.{n}")).unwrap();
        prop_assert!(pre < release);
        if z > 0 {
            let earlier = parse_version(&format!("{x}.{y}.{}", z - 1)).unwrap();
            prop_assert!(earlier < pre);
        }
    }
}
