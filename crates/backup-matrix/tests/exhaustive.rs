//! Every combination of the form's inputs for one provisioner, enumerated, not sampled:
//! provisioner kind x VSC list x selection x offload x Cross Cloud Backup/Restore x mode.
//! Each case goes through `Config::parse` (as JSON) and `Config::validate` (as a struct), and
//! `decide()` is held to the seed's Table 1 as transcribed in `common`.

mod common;

use std::collections::BTreeMap;

use backup_matrix::{decide, Config, Provisioner, Selection, SnapshotClass};
use common::*;
use serde_json::Value;

/// The provisioner kinds: (name, `portworx` key, is it Portworx by the SPEC).
const KINDS: [(&str, Option<bool>, bool); 6] = [
    ("pxd.portworx.com", None, true),
    ("kubernetes.io/portworx-volume", None, true),
    ("csi.vendor.example.com", Some(true), true),
    ("ebs.csi.aws.com", None, false),
    ("disk.csi.azure.com", Some(false), false),
    // The SPEC: the built-in names are Portworx, their select is "Disabled (always)".
    ("pxd.portworx.com", Some(false), true),
];

/// The config error a case must give, by the SPEC: (what the message says, path).
fn expected_error(portworx: bool, classes: &[(String, bool)], selection: &Choice) -> Option<&'static str> {
    match selection {
        Some(Some(_)) if portworx => Some("is a Portworx provisioner"),
        Some(Some(name)) if !classes.iter().any(|c| &c.0 == name) => {
            Some("is not one of the volume snapshot classes")
        }
        Some(None) if classes.len() == 1 && !portworx => Some("cannot be unselected"),
        _ => None,
    }
}

fn as_struct(
    name: &str,
    portworx: Option<bool>,
    classes: &[(String, bool)],
    selection: &Choice,
    offload: bool,
    cross_cloud: bool,
    federated: bool,
) -> Config {
    Config {
        provisioners: vec![Provisioner {
            name: name.to_owned(),
            portworx,
            volume_snapshot_classes: classes
                .iter()
                .map(|(name, default)| SnapshotClass { name: name.clone(), default: *default })
                .collect(),
            volume_snapshot_class: match selection {
                None => Selection::Auto,
                Some(None) => Selection::NoClass,
                Some(Some(name)) => Selection::Named(name.clone()),
            },
        }],
        offload,
        cross_cloud,
        mode: if federated { backup_matrix::Mode::Federated } else { backup_matrix::Mode::Classic },
        ..Config::default()
    }
}

#[test]
fn every_combination_of_one_provisioners_inputs() {
    let (mut cases, mut valid, mut invalid) = (0, 0, 0);
    let mut rows_hit: BTreeMap<u8, usize> = BTreeMap::new();
    let mut by_mode: BTreeMap<String, Value> = BTreeMap::new();
    for (name, portworx_key, portworx) in KINDS {
        for classes in shapes() {
            for selection in selections(&classes) {
                for offload in [false, true] {
                    for cross_cloud in [false, true] {
                        for federated in [false, true] {
                            cases += 1;
                            let case = format!(
                                "{name} portworx={portworx_key:?} classes={classes:?} selection={selection:?} offload={offload} crossCloud={cross_cloud} federated={federated}"
                            );
                            let entry = provisioner_json(name, portworx_key, &classes, &selection);
                            let json = config_json(vec![entry], offload, cross_cloud, federated);
                            let parsed = Config::parse(&json.to_string());
                            let built = as_struct(
                                name,
                                portworx_key,
                                &classes,
                                &selection,
                                offload,
                                cross_cloud,
                                federated,
                            );
                            let validated = built.validate();

                            if let Some(message) = expected_error(portworx, &classes, &selection) {
                                invalid += 1;
                                for error in [parsed.expect_err(&case), validated.expect_err(&case)] {
                                    assert_eq!(error.path, "provisioners[0].volumeSnapshotClass", "{case}");
                                    assert!(error.message.contains(message), "{case}: {}", error.message);
                                    assert!(error.message.contains(name), "{case}: {}", error.message);
                                }
                                continue;
                            }
                            valid += 1;
                            let parsed = parsed.unwrap_or_else(|e| panic!("{case}: {e}"));
                            validated.unwrap_or_else(|e| panic!("{case}: {e}"));
                            assert_eq!(parsed, built, "{case}: JSON and struct agree");

                            let expected = expect(portworx, &classes, &selection, offload, cross_cloud);
                            let decision = serde_json::to_value(decide(&parsed)).unwrap();
                            let p = &decision["provisioners"][0];
                            assert_eq!(decision["provisioners"].as_array().unwrap().len(), 1);
                            assert_eq!(p["name"], name, "{case}");
                            assert_eq!(p["vscOption"], expected.vsc_option, "{case}");
                            assert_eq!(p["volumeSnapshotClass"], serde_json::json!(expected.class), "{case}");
                            assert_eq!(p["backupType"], expected.backup_type, "{case}");
                            assert_eq!(p["csiMatrixRow"], serde_json::json!(expected.row), "{case}");
                            assert!(!p["reason"].as_str().unwrap().is_empty(), "{case}");

                            let fails = expected.backup_type == "fails";
                            assert_eq!(decision["canCreate"], !fails, "{case}");
                            let rows: Vec<&str> = driver_row_of(expected.backup_type).into_iter().collect();
                            assert_eq!(decision["driverMatrixRows"], serde_json::json!(rows), "{case}");
                            let notices = notice_ids(&decision);
                            assert_eq!(notices.contains(&"backup-fails".to_owned()), fails, "{case}");
                            let recommends = notices.contains(&"recommend-snapshot-class-mapping".to_owned());
                            assert_eq!(recommends, cross_cloud, "{case}");
                            let kdmp = matches!(expected.backup_type, "direct-kdmp" | "csi-snapshot-offload");
                            assert_eq!(notices.contains(&"kdmp-buffer".to_owned()), kdmp, "{case}");
                            assert!(notices.contains(&"fresh-install".to_owned()), "{case}");

                            if let Some(row) = expected.row {
                                *rows_hit.entry(row).or_default() += 1;
                            }
                            // Both modes support every type (Table 2): the mode changes nothing.
                            let key = format!(
                                "{name} {portworx_key:?} {classes:?} {selection:?} {offload} {cross_cloud}"
                            );
                            match by_mode.get(&key) {
                                Some(other) => {
                                    assert_eq!(&decision, other, "{case}: classic and federated differ")
                                }
                                None => {
                                    by_mode.insert(key, decision);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    // 6 kinds x 23 selections over the 5 lists (3 + 4 + 4 + 6 + 6) x 2 x 2 x 2.
    assert_eq!(cases, 1104);
    // Valid per kind: Portworx 10 (absent or null, 5 lists); others 16 (23 less 5 missing
    // classes and 2 nulls on a single VSC). Times 8 for offload, Cross Cloud and mode.
    assert_eq!((valid, invalid), ((4 * 10 + 2 * 16) * 8, (4 * 13 + 2 * 7) * 8));
    assert_eq!(by_mode.len(), valid / 2);
    // Rows 1 and 2: 4 Portworx kinds x 10 valid states x 2 modes. Rows 3 and 4: 2 kinds x
    // (no VSC: absent, null; several: null x 2 lists, absent without default) x 2 modes.
    // Rows 9 and 10: 2 kinds x (absent with default, 3 named x 2 lists) x 2 modes.
    let expected_hits =
        [(1, 80), (2, 80), (3, 20), (4, 20), (5, 8), (6, 8), (7, 8), (8, 8), (9, 28), (10, 28)];
    assert_eq!(rows_hit.into_iter().collect::<Vec<_>>(), expected_hits);
}

#[test]
fn a_single_vsc_is_auto_populated_whatever_the_selection_says_of_it() {
    for default in [true, false] {
        let classes = vec![("only-vsc".to_owned(), default)];
        for selection in [None, Some(Some("only-vsc".to_owned()))] {
            let entry = provisioner_json("ebs.csi.aws.com", None, &classes, &selection);
            let decision = decide(&parse(&config_json(vec![entry], false, false, false)));
            let p = &decision.provisioners[0];
            assert_eq!(p.volume_snapshot_class.as_deref(), Some("only-vsc"));
            assert_eq!(p.csi_matrix_row, Some(if default { 6 } else { 8 }));
        }
    }
}

#[test]
fn several_vscs_with_no_class_chosen_behave_as_no_vsc() {
    for classes in [shapes()[3].clone(), shapes()[4].clone()] {
        for offload in [true, false] {
            let entry = provisioner_json("ebs.csi.aws.com", None, &classes, &Some(None));
            let decision = decide(&parse(&config_json(vec![entry], offload, false, false)));
            assert_eq!(decision.provisioners[0].csi_matrix_row, Some(if offload { 3 } else { 4 }));
            assert_eq!(decision.provisioners[0].volume_snapshot_class, None);
        }
    }
}

#[test]
fn two_defaults_for_one_driver_are_a_config_error_for_every_kind() {
    let classes =
        vec![("snap-a".to_owned(), true), ("snap-b".to_owned(), false), ("snap-c".to_owned(), true)];
    for (name, portworx_key, _) in KINDS {
        let entry = provisioner_json(name, portworx_key, &classes, &None);
        let error = parse_err(&config_json(vec![entry], false, false, false));
        assert_eq!(error.path, "provisioners[0].volumeSnapshotClasses[2].default", "{name}");
        assert!(error.message.contains("marked default"), "{}", error.message);
    }
}
