//! PVC sizes as Kubernetes quantities: every suffix Kubernetes defines, fractions rounded up to
//! whole bytes, and every bad input an error that says what to write, never a panic or an
//! overflow. The buffer is the seed's "double the size of the original PVC".

use backup_matrix::quantity::{format_bytes, kdmp_buffer, parse_quantities, parse_quantity, MAX_BYTES};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

const KI: u128 = 1 << 10;
const MI: u128 = 1 << 20;
const GI: u128 = 1 << 30;
const TI: u128 = 1 << 40;
const EI: u128 = 1 << 60;

/// The seed: "allocate additional buffer storage that is double the size of the original PVC".
const SEED_BUFFER_FACTOR: u128 = 2;

fn cases(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

#[test]
fn the_usual_pvc_sizes() {
    let cases: [(&str, u128); 14] = [
        ("500Mi", 500 * MI),
        ("10Gi", 10 * GI),
        ("1.5Ti", 3 * TI / 2),
        ("2G", 2_000_000_000),
        ("100M", 100_000_000),
        ("1Ki", KI),
        ("123", 123),
        ("1e3", 1000),
        ("1.5", 2),
        ("0", 0),
        ("1k", 1000),
        ("1Ei", EI),
        ("1E", 1_000_000_000_000_000_000),
        ("1Pi", 1 << 50),
    ];
    for (text, bytes) in cases {
        assert_eq!(parse_quantity(text), Ok(bytes), "{text}");
    }
}

#[test]
fn every_suffix_kubernetes_defines() {
    let binary = [("Ki", 10), ("Mi", 20), ("Gi", 30), ("Ti", 40), ("Pi", 50), ("Ei", 60)];
    for (suffix, power) in binary {
        assert_eq!(parse_quantity(&format!("3{suffix}")), Ok(3u128 << power), "{suffix}");
    }
    let decimal = [("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18)];
    for (suffix, power) in decimal {
        assert_eq!(parse_quantity(&format!("3{suffix}")), Ok(3 * 10u128.pow(power)), "{suffix}");
    }
    // Sub-byte decimal suffixes exist too (milli, micro, nano): they round up to a whole byte.
    for (text, bytes) in [("500m", 1), ("1500m", 2), ("2000m", 2), ("7u", 1), ("3000000000n", 3)] {
        assert_eq!(parse_quantity(text), Ok(bytes), "{text}");
    }
}

#[test]
fn number_forms_and_exponents() {
    let cases: [(&str, u128); 16] = [
        ("+1Gi", GI),
        (".5Ki", 512),
        ("5.", 5),
        ("0.1Ki", 103), // 102.4, rounded up
        ("1.25Gi", 5 * GI / 4),
        ("1E3", 1000),
        ("1e+3", 1000),
        ("25e-1", 3),
        ("1e-3", 1),
        ("0e99999", 0),
        ("-0", 0),
        ("000012", 12),
        ("1.000000000000000000000000000000000000000000000001", 2),
        ("0.000000000000000000000000000000000000000000000001Ei", 1),
        ("1e-1000000", 1),
        (" 10Gi ", 10 * GI),
    ];
    for (text, bytes) in cases {
        assert_eq!(parse_quantity(text), Ok(bytes), "{text}");
    }
}

#[test]
fn up_to_two_to_the_hundred_bytes() {
    assert_eq!(MAX_BYTES, 1 << 100);
    assert_eq!(parse_quantity("1099511627776Ei"), Ok(1 << 100));
    assert_eq!(parse_quantity("1e30"), Ok(10u128.pow(30)));
    for text in
        ["1099511627777Ei", "1099511627776.5Ei", "2e30", "1e1000000", "99999999999999999999999999999999999"]
    {
        let error = parse_quantity(text).unwrap_err();
        assert!(error.contains("too large") && error.contains("2^100"), "{text}: {error}");
    }
}

#[test]
fn bad_input_says_what_to_write() {
    let cases: [(&str, &str); 20] = [
        ("", "empty"),
        ("   ", "empty"),
        ("-1Gi", "negative"),
        ("-0.5", "negative"),
        ("10GB", "unknown suffix \"GB\""),
        ("10gi", "did you mean \"Gi\""),
        ("10K", "did you mean \"k\""),
        ("10 Gi", "unknown suffix"),
        ("abc", "not a size"),
        ("1..2", "not a size"),
        ("1.2.3", "not a size"),
        (".", "not a size"),
        ("Gi", "not a size"),
        ("-", "not a size"),
        ("--1", "not a size"),
        ("1e", "unknown suffix"),
        ("1e+", "unknown suffix"),
        ("1Gie3", "unknown suffix"),
        ("1e99999999999999999999", "exponent out of range"),
        ("1e2000000", "exponent out of range"),
    ];
    for (text, wanted) in cases {
        let error = parse_quantity(text).unwrap_err();
        assert!(error.contains(wanted), "{text:?}: {error}");
        assert!(
            error.ends_with(|c: char| c.is_alphanumeric() || c == ')' || c == '"' || c == '?'),
            "{error}"
        );
    }
    let long = "1".repeat(200);
    let error = parse_quantity(&long).unwrap_err();
    assert!(error.contains("characters long") && error.contains("...\""), "{error}");
}

#[test]
fn lists_name_the_bad_entry() {
    assert_eq!(parse_quantities("10Gi, 5Gi 1Ti"), Ok(vec![10 * GI, 5 * GI, TI]));
    assert_eq!(parse_quantities("10Gi,,5Gi\n"), Ok(vec![10 * GI, 5 * GI]));
    assert_eq!(parse_quantities(""), Ok(vec![]));
    assert_eq!(parse_quantities(" , "), Ok(vec![]));
    let (index, message) = parse_quantities("10Gi, x, 5Gi").unwrap_err();
    assert_eq!(index, 1);
    assert!(message.contains("\"x\""), "{message}");
    assert_eq!(parse_quantities("1Gi 2Gi -3Gi").unwrap_err().0, 2);
    let many = vec!["1Gi"; 1001].join(",");
    let (index, message) = parse_quantities(&many).unwrap_err();
    assert_eq!(index, 1000);
    assert!(message.contains("1000"), "{message}");
    assert_eq!(parse_quantities(&vec!["1Gi"; 1000].join(",")).map(|v| v.len()), Ok(1000));
}

#[test]
fn readable_binary_units() {
    let cases: [(u128, &str); 15] = [
        (0, "0 B"),
        (2, "2 B"),
        (1023, "1023 B"),
        (KI, "1 KiB"),
        (1536, "1.5 KiB"),
        (500 * MI, "500 MiB"),
        (GI, "1 GiB"),
        (GI - 1, "1 GiB"),
        (5 * GI / 4, "1.25 GiB"),
        (GI + GI / 100, "1.01 GiB"),
        (3 * TI / 2, "1.5 TiB"),
        (EI, "1 EiB"),
        (1 << 70, "1 ZiB"),
        (1 << 100, "1048576 YiB"),
        (2_000_000_000, "1.86 GiB"),
    ];
    for (bytes, text) in cases {
        assert_eq!(format_bytes(bytes), text, "{bytes}");
    }
    assert!(format_bytes(u128::MAX).ends_with(" YiB"));
}

#[test]
fn the_kdmp_buffer_is_twice_the_pvcs() {
    assert_eq!(kdmp_buffer(&[]), 0);
    assert_eq!(kdmp_buffer(&[10 * GI]), SEED_BUFFER_FACTOR * 10 * GI);
    assert_eq!(kdmp_buffer(&[10 * GI, 5 * GI]), 30 * GI);
    let sizes = parse_quantities("500Mi 1.5Gi").unwrap();
    assert_eq!(format_bytes(kdmp_buffer(&sizes)), "3.98 GiB");
    // Saturates instead of overflowing.
    assert_eq!(kdmp_buffer(&[u128::MAX, 1]), u128::MAX);
    assert_eq!(kdmp_buffer(&[u128::MAX / 2 + 1]), u128::MAX);
    assert_eq!(kdmp_buffer(&[MAX_BYTES; 4]), 8 * MAX_BYTES);
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn any_text_is_a_size_or_an_error(text in ".{0,40}") {
        if let Err(message) = parse_quantity(&text) {
            prop_assert!(!message.trim().is_empty());
        }
    }

    #[test]
    fn quantity_like_text_never_panics(text in "[-+]?[0-9.]{0,40}([eE][-+]?[0-9]{0,25}|[KMGTPE]i?|[kmun])?") {
        match parse_quantity(&text) {
            Ok(bytes) => prop_assert!(bytes <= MAX_BYTES),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn whole_numbers_with_any_suffix(n in any::<u64>(), power in 0usize..7) {
        let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power];
        let binary = u128::from(n) << (10 * power);
        let decimal = u128::from(n) * 1000u128.pow(power as u32);
        for (text, expected) in [(format!("{n}{suffix}"), binary), (format!("{n}e{}", 3 * power), decimal)] {
            match parse_quantity(&text) {
                Ok(bytes) => prop_assert_eq!(bytes, expected, "{}", text),
                Err(message) => {
                    prop_assert!(expected > MAX_BYTES, "{}: {}", text, message);
                    prop_assert!(message.contains("too large"), "{}", message);
                }
            }
        }
    }

    #[test]
    fn fractions_round_up_exactly(whole in 0u64..1_000_000_000, fraction in 0u32..1_000_000, power in 0u32..5) {
        let suffix = ["", "Ki", "Mi", "Gi", "Ti"][power as usize];
        let text = format!("{whole}.{fraction:06}{suffix}");
        // (whole + fraction / 10^6) x 2^(10 power), rounded up.
        let numerator = (u128::from(whole) * 1_000_000 + u128::from(fraction)) << (10 * power);
        let expected = numerator.div_ceil(1_000_000);
        prop_assert_eq!(parse_quantity(&text), Ok(expected), "{}", text);
    }

    #[test]
    fn formatting_whole_units_is_exact(n in 1u128..1024, unit in 0usize..9) {
        let name = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"][unit];
        prop_assert_eq!(format_bytes(n << (10 * unit)), format!("{n} {name}"));
    }

    #[test]
    fn formatting_never_panics(bytes in any::<u128>()) {
        let text = format_bytes(bytes);
        prop_assert!(text.ends_with('B'));
    }
}
