//! `what_if` against a full `decide` of each alternative config: the config with offload
//! flipped, with Cross Cloud Backup/Restore flipped, and with each option of each usable VSC
//! select chosen. Over every combination the exhaustive tests cover (`exhaustive.rs`: one
//! provisioner's inputs; `mixed.rs`: every triple of provisioner states), in both modes; then
//! the `mixed` scenario by hand, and the JSON against the SPEC's example.

mod common;

use backup_matrix::what_if::{ChangedProvisioner, CheckboxFlipped, ChoiceOutcome, SelectChoices};
use backup_matrix::{decide, scenarios, what_if, BackupType, Config, Decision, Selection, VscOption};
use common::*;
use serde_json::{json, Value};

/// What flipping one checkbox gives, by deciding the whole flipped config.
fn flipped_by_decide(decision: &Decision, flipped: &Config) -> CheckboxFlipped {
    let then = decide(flipped);
    CheckboxFlipped {
        can_create: then.can_create,
        changes: decision
            .provisioners
            .iter()
            .zip(&then.provisioners)
            .filter(|(now, then)| now.backup_type != then.backup_type)
            .map(|(_, then)| ChangedProvisioner {
                name: then.name.clone(),
                backup_type: then.backup_type,
                csi_matrix_row: then.csi_matrix_row,
            })
            .collect(),
    }
}

/// Every usable select's options, by deciding the whole config once per option. The options a
/// select offers, by the SPEC: "No snapshot class" first when it has several VSCs, then each
/// VSC in the config's order; a select is usable when not Portworx and with a VSC.
fn classes_by_decide(config: &Config, decision: &Decision, case: &str) -> Vec<SelectChoices> {
    let mut selects = Vec::new();
    for (index, (provisioner, now)) in config.provisioners.iter().zip(&decision.provisioners).enumerate() {
        let classes = &provisioner.volume_snapshot_classes;
        if now.vsc_option == VscOption::Disabled || classes.is_empty() {
            continue;
        }
        let mut choices: Vec<Option<&str>> = Vec::new();
        if classes.len() > 1 {
            choices.push(None);
        }
        choices.extend(classes.iter().map(|class| Some(class.name.as_str())));
        let options = choices
            .into_iter()
            .map(|choice| {
                let mut alternative = config.clone();
                alternative.provisioners[index].volume_snapshot_class = match choice {
                    None => Selection::NoClass,
                    Some(name) => Selection::Named(name.to_owned()),
                };
                alternative.validate().unwrap_or_else(|e| panic!("{case}: option {choice:?}: {e}"));
                let then = decide(&alternative);
                let chosen = &then.provisioners[index];
                assert_eq!(
                    chosen.volume_snapshot_class.as_deref(),
                    choice,
                    "{case}: the option is what it chooses"
                );
                for (other, (was, is)) in decision.provisioners.iter().zip(&then.provisioners).enumerate() {
                    if other != index {
                        assert_eq!(was, is, "{case}: choosing {choice:?} changes only its own provisioner");
                    }
                }
                ChoiceOutcome {
                    volume_snapshot_class: choice.map(str::to_owned),
                    backup_type: chosen.backup_type,
                    csi_matrix_row: chosen.csi_matrix_row,
                    selected: choice == now.volume_snapshot_class.as_deref(),
                }
            })
            .collect::<Vec<_>>();
        assert_eq!(options.iter().filter(|o| o.selected).count(), 1, "{case}: one option is selected");
        selects.push(SelectChoices { name: provisioner.name.clone(), options });
    }
    selects
}

/// Holds `what_if(config)` to full decisions of every alternative; returns how many options
/// it checked.
fn check_against_decide(config: &Config, case: &str) -> usize {
    let decision = decide(config);
    let answer = what_if(config);

    let mut offload_flipped = config.clone();
    offload_flipped.offload = !config.offload;
    assert_eq!(answer.offload, flipped_by_decide(&decision, &offload_flipped), "{case}: offload");

    let mut cross_cloud_flipped = config.clone();
    cross_cloud_flipped.cross_cloud = !config.cross_cloud;
    assert_eq!(
        answer.cross_cloud,
        flipped_by_decide(&decision, &cross_cloud_flipped),
        "{case}: Cross Cloud Backup/Restore"
    );

    let selects = classes_by_decide(config, &decision, case);
    assert_eq!(answer.classes, selects, "{case}: classes");
    selects.iter().map(|s| s.options.len()).sum()
}

/// The provisioner kinds of `exhaustive.rs`: (name, `portworx` key).
const KINDS: [(&str, Option<bool>); 6] = [
    ("pxd.portworx.com", None),
    ("kubernetes.io/portworx-volume", None),
    ("csi.vendor.example.com", Some(true)),
    ("ebs.csi.aws.com", None),
    ("disk.csi.azure.com", Some(false)),
    ("pxd.portworx.com", Some(false)),
];

#[test]
fn every_combination_of_one_provisioners_inputs() {
    let (mut valid, mut rejected, mut options) = (0, 0, 0);
    for (name, portworx) in KINDS {
        for classes in shapes() {
            for selection in selections(&classes) {
                for offload in [false, true] {
                    for cross_cloud in [false, true] {
                        for federated in [false, true] {
                            let entry = provisioner_json(name, portworx, &classes, &selection);
                            let json = config_json(vec![entry], offload, cross_cloud, federated);
                            let Ok(config) = Config::parse(&json.to_string()) else {
                                // exhaustive.rs holds these to their errors.
                                rejected += 1;
                                continue;
                            };
                            valid += 1;
                            options += check_against_decide(&config, &json.to_string());
                        }
                    }
                }
            }
        }
    }
    // As in exhaustive.rs: 1104 cases, of which 576 are valid.
    assert_eq!((valid, rejected), (576, 528));
    // Per mode and pair of checkboxes: the 2 non-Portworx kinds, with a single VSC (2 lists x
    // 2 valid selections, 1 option each) or three (2 lists x 5 valid selections, 4 options each).
    assert_eq!(options, 8 * 2 * (2 * 2 + 2 * 5 * 4));
}

#[test]
fn every_triple_of_provisioner_states() {
    let (mut cases, mut options) = (0, 0);
    let mut can_create_changes = [0; 2];
    for a in 0..STATES {
        for b in 0..STATES {
            for c in 0..STATES {
                for offload in [false, true] {
                    for cross_cloud in [false, true] {
                        for federated in [false, true] {
                            cases += 1;
                            let entries = [a, b, c]
                                .into_iter()
                                .enumerate()
                                .map(|(slot, index)| {
                                    let (portworx, classes, selection) = state(index, slot);
                                    let name = format!("slot{slot}.csi.example.com");
                                    provisioner_json(&name, portworx, &classes, &selection)
                                })
                                .collect();
                            let json = config_json(entries, offload, cross_cloud, federated);
                            let config = parse(&json);
                            options += check_against_decide(&config, &json.to_string());
                            let (now, answer) = (decide(&config), what_if(&config));
                            for (count, flip) in
                                can_create_changes.iter_mut().zip([answer.offload, answer.cross_cloud])
                            {
                                *count += usize::from(flip.can_create != now.can_create);
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(cases, 8 * 8 * 8 * 8);
    // Slots usable: 6 of 8 states, offering 1, 1, 3, 3, 3, 3 options (14 per slot over the 8).
    assert_eq!(options, 3 * 14 * 8 * 8 * 8);
    // Both checkboxes can fix or break a backup somewhere in here, so `canCreate` is tested both ways.
    assert!(can_create_changes.iter().all(|&n| n > 0), "{can_create_changes:?}");
}

#[test]
fn the_selects_of_many_provisioners_of_different_sizes_one_after_the_other() {
    // The probe that asks each select is reused from one provisioner to the next: lists that
    // grow, shrink and change their default in turn, with Portworx and VSC-less ones between.
    let sizes_and_defaults: [(usize, Option<usize>, Choice); 9] = [
        (5, Some(2), None),
        (1, Some(0), None),
        (1, None, None),
        (0, None, None),
        (4, None, Some(Some("p4-vsc-3".to_owned()))),
        (2, Some(1), Some(None)),
        (50, Some(0), None),
        (3, None, None),
        (1, Some(0), None),
    ];
    let mut entries: Vec<Value> = sizes_and_defaults
        .iter()
        .enumerate()
        .map(|(p, (size, default, selection))| {
            let classes: Classes =
                (0..*size).map(|c| (format!("p{p}-vsc-{c}"), *default == Some(c))).collect();
            provisioner_json(&format!("p{p}.csi.example.com"), None, &classes, selection)
        })
        .collect();
    entries.insert(3, json!({ "name": "pxd.portworx.com" }));
    for offload in [false, true] {
        for cross_cloud in [false, true] {
            let json = config_json(entries.clone(), offload, cross_cloud, false);
            let options = check_against_decide(&parse(&json), &json.to_string());
            assert_eq!(options, 6 + 1 + 1 + 5 + 3 + 51 + 4 + 1);
        }
    }
}

fn change(name: &str, backup_type: BackupType, row: Option<u8>) -> ChangedProvisioner {
    ChangedProvisioner { name: name.to_owned(), backup_type, csi_matrix_row: row }
}

fn option(class: Option<&str>, backup_type: BackupType, row: u8, selected: bool) -> ChoiceOutcome {
    ChoiceOutcome {
        volume_snapshot_class: class.map(str::to_owned),
        backup_type,
        csi_matrix_row: Some(row),
        selected,
    }
}

#[test]
fn mixed_by_hand() {
    use BackupType::*;
    let config = scenarios::find("mixed").expect("the mixed scenario").config();
    assert!(!config.offload && !config.cross_cloud);
    assert!(!decide(&config).can_create, "mixed fails as it stands: EFS has no VSC (Table 1, row 4)");
    let answer = what_if(&config);

    // Offload on: EFS, with no VSC, goes from row 4 (fails) to row 3 (direct KDMP), and the
    // backup can be created; every CSI snapshot becomes CSI + offload (rows 6, 8, 10 -> 5, 7,
    // 9). Portworx stays a Portworx cloud snapshot (row 2 -> 1): not a change of type.
    assert_eq!(
        answer.offload,
        CheckboxFlipped {
            can_create: true,
            changes: vec![
                change("efs.csi.aws.com", DirectKdmp, Some(3)),
                change("ebs.csi.aws.com", CsiSnapshotOffload, Some(5)),
                change("disk.csi.azure.com", CsiSnapshotOffload, Some(7)),
                change("pd.csi.storage.gke.io", CsiSnapshotOffload, Some(9)),
            ],
        }
    );
    // Cross Cloud on: every provisioner, Portworx too, is a direct KDMP backup, with no Table 1 row.
    let all_direct_kdmp = ["pxd.portworx.com", "efs.csi.aws.com", "ebs.csi.aws.com", "disk.csi.azure.com"]
        .into_iter()
        .chain(["pd.csi.storage.gke.io"])
        .map(|name| change(name, DirectKdmp, None))
        .collect();
    assert_eq!(answer.cross_cloud, CheckboxFlipped { can_create: true, changes: all_direct_kdmp });
    // The selects: not Portworx's, not EFS's (no VSC). Single VSCs offer themselves only.
    assert_eq!(
        answer.classes,
        vec![
            SelectChoices {
                name: "ebs.csi.aws.com".to_owned(),
                options: vec![option(Some("ebs-vsc"), CsiSnapshot, 6, true)],
            },
            SelectChoices {
                name: "disk.csi.azure.com".to_owned(),
                options: vec![option(Some("csi-azuredisk-vsc"), CsiSnapshot, 8, true)],
            },
            SelectChoices {
                name: "pd.csi.storage.gke.io".to_owned(),
                options: vec![
                    option(None, Fails, 4, false),
                    option(Some("pd-standard-snapclass"), CsiSnapshot, 10, true),
                    option(Some("pd-balanced-snapclass"), CsiSnapshot, 10, false),
                    option(Some("pd-archive-snapclass"), CsiSnapshot, 10, false),
                ],
            },
        ]
    );

    // With offload on, the way back: only EFS changes, to a failed backup.
    let mut offload_on = config.clone();
    offload_on.offload = true;
    let back = what_if(&offload_on).offload;
    assert!(!back.can_create);
    assert_eq!(back.changes[0], change("efs.csi.aws.com", Fails, Some(4)));
    assert_eq!(back.changes.len(), 4);
    // Cross Cloud on and off again: "No snapshot class" gives direct KDMP, as every option does.
    let mut cross_cloud_on = config;
    cross_cloud_on.cross_cloud = true;
    let answer = what_if(&cross_cloud_on);
    assert!(!answer.cross_cloud.can_create);
    let pd = &answer.classes[2].options;
    assert!(pd.iter().all(|o| o.backup_type == DirectKdmp && o.csi_matrix_row.is_none()), "{pd:?}");
    assert!(answer.offload.changes.is_empty(), "offload changes nothing under Cross Cloud");
}

/// The SPEC's example ("What if"), with its `/* same shape */` comment written out.
fn spec_example() -> Value {
    json!({
      "offload":    { "canCreate": true,
                      "changes": [ { "name": "efs.csi.aws.com", "backupType": "direct-kdmp", "csiMatrixRow": 3 } ] },
      "crossCloud": { "canCreate": true,
                      "changes": [ { "name": "efs.csi.aws.com", "backupType": "direct-kdmp", "csiMatrixRow": null } ] },
      "classes": [
        { "name": "pd.csi.storage.gke.io",
          "options": [ { "volumeSnapshotClass": null, "backupType": "fails", "csiMatrixRow": 4, "selected": false },
                       { "volumeSnapshotClass": "pd-standard-snapclass", "backupType": "csi-snapshot", "csiMatrixRow": 10, "selected": true } ] }
      ]
    })
}

/// The keys of every object in `value`, nested, with the elements of an array merged (and
/// required to have the same keys).
fn keys(value: &Value, at: &str) -> Value {
    match value {
        Value::Object(fields) => {
            fields.iter().map(|(key, v)| (key.clone(), keys(v, &format!("{at}.{key}")))).collect()
        }
        Value::Array(items) => {
            let all: Vec<Value> = items.iter().map(|item| keys(item, &format!("{at}[]"))).collect();
            assert!(all.windows(2).all(|pair| pair[0] == pair[1]), "{at}: elements differ in keys: {all:?}");
            Value::Array(all.into_iter().take(1).collect())
        }
        _ => Value::Null,
    }
}

#[test]
fn the_json_is_the_specs() {
    let config = scenarios::find("mixed").unwrap().config();
    let answer = serde_json::to_value(what_if(&config)).unwrap();
    assert_eq!(keys(&answer, "whatIf"), keys(&spec_example(), "whatIf"));

    // Every value as the SPEC types it.
    let ids = ["portworx-cloud-snapshot", "direct-kdmp", "csi-snapshot", "csi-snapshot-offload", "fails"];
    let row = |v: &Value| v.is_null() || v.as_u64().is_some_and(|n| (1..=10).contains(&n));
    for flip in ["offload", "crossCloud"] {
        assert!(answer[flip]["canCreate"].is_boolean());
        for change in answer[flip]["changes"].as_array().unwrap() {
            assert!(change["name"].is_string());
            assert!(ids.contains(&change["backupType"].as_str().unwrap()), "{change}");
            assert!(row(&change["csiMatrixRow"]), "{change}");
        }
    }
    for select in answer["classes"].as_array().unwrap() {
        assert!(select["name"].is_string());
        for option in select["options"].as_array().unwrap() {
            let class = &option["volumeSnapshotClass"];
            assert!(class.is_null() || class.is_string(), "{option}");
            assert!(ids.contains(&option["backupType"].as_str().unwrap()), "{option}");
            assert!(row(&option["csiMatrixRow"]), "{option}");
            assert!(option["selected"].is_boolean(), "{option}");
        }
    }

    // And exactly, for `mixed`: the SPEC's example is an excerpt of it.
    let expected = json!({
        "offload": { "canCreate": true, "changes": [
            { "name": "efs.csi.aws.com", "backupType": "direct-kdmp", "csiMatrixRow": 3 },
            { "name": "ebs.csi.aws.com", "backupType": "csi-snapshot-offload", "csiMatrixRow": 5 },
            { "name": "disk.csi.azure.com", "backupType": "csi-snapshot-offload", "csiMatrixRow": 7 },
            { "name": "pd.csi.storage.gke.io", "backupType": "csi-snapshot-offload", "csiMatrixRow": 9 },
        ] },
        "crossCloud": { "canCreate": true, "changes": [
            { "name": "pxd.portworx.com", "backupType": "direct-kdmp", "csiMatrixRow": null },
            { "name": "efs.csi.aws.com", "backupType": "direct-kdmp", "csiMatrixRow": null },
            { "name": "ebs.csi.aws.com", "backupType": "direct-kdmp", "csiMatrixRow": null },
            { "name": "disk.csi.azure.com", "backupType": "direct-kdmp", "csiMatrixRow": null },
            { "name": "pd.csi.storage.gke.io", "backupType": "direct-kdmp", "csiMatrixRow": null },
        ] },
        "classes": [
            { "name": "ebs.csi.aws.com", "options": [
                { "volumeSnapshotClass": "ebs-vsc", "backupType": "csi-snapshot", "csiMatrixRow": 6, "selected": true },
            ] },
            { "name": "disk.csi.azure.com", "options": [
                { "volumeSnapshotClass": "csi-azuredisk-vsc", "backupType": "csi-snapshot", "csiMatrixRow": 8, "selected": true },
            ] },
            { "name": "pd.csi.storage.gke.io", "options": [
                { "volumeSnapshotClass": null, "backupType": "fails", "csiMatrixRow": 4, "selected": false },
                { "volumeSnapshotClass": "pd-standard-snapclass", "backupType": "csi-snapshot", "csiMatrixRow": 10, "selected": true },
                { "volumeSnapshotClass": "pd-balanced-snapclass", "backupType": "csi-snapshot", "csiMatrixRow": 10, "selected": false },
                { "volumeSnapshotClass": "pd-archive-snapclass", "backupType": "csi-snapshot", "csiMatrixRow": 10, "selected": false },
            ] },
        ],
    });
    assert_eq!(answer, expected);
    // The SPEC example's entries are among them, word for word.
    let spec = spec_example();
    assert!(expected["offload"]["changes"].as_array().unwrap().contains(&spec["offload"]["changes"][0]));
    assert!(expected["crossCloud"]["changes"]
        .as_array()
        .unwrap()
        .contains(&spec["crossCloud"]["changes"][0]));
    let pd = &expected["classes"][2];
    assert_eq!(pd["name"], spec["classes"][0]["name"]);
    for option in spec["classes"][0]["options"].as_array().unwrap() {
        assert!(pd["options"].as_array().unwrap().contains(option), "{option}");
    }
}

#[test]
fn checkbox_descriptions_say_what_changes_and_whether_the_backup_can_be_created() {
    let config = scenarios::find("mixed").expect("the mixed scenario").config();
    let answer = what_if(&config);
    assert_eq!(
        answer.offload.describe(false, false),
        "Turning this on: efs.csi.aws.com → Direct KDMP backup (Table 1, row 3); ebs.csi.aws.com, \
         disk.csi.azure.com, pd.csi.storage.gke.io → CSI snapshot + offload snapshot to backup location \
         (KDMP backup) (Table 1, rows 5, 7, 9); the backup can then be created."
    );
    assert_eq!(
        answer.cross_cloud.describe(false, false),
        "Turning this on: pxd.portworx.com, efs.csi.aws.com, ebs.csi.aws.com and 2 more → Direct KDMP \
         backup; the backup can then be created."
    );
    let mut offload_on = config.clone();
    offload_on.offload = true;
    let back = what_if(&offload_on);
    assert_eq!(
        back.offload.describe(true, true),
        "Turning this off: efs.csi.aws.com → Backup creation fails (Table 1, row 4); ebs.csi.aws.com, \
         disk.csi.azure.com, pd.csi.storage.gke.io → CSI snapshot (Table 1, rows 6, 8, 10); the backup \
         would then fail."
    );
    let single = Config {
        provisioners: vec![backup_matrix::Provisioner::new("pxd.portworx.com", &[])],
        ..Config::default()
    };
    assert_eq!(what_if(&single).offload.describe(false, true), "Turning this on changes no backup type.");
}
