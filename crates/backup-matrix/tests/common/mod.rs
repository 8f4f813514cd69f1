//! What the tests hold the crate to: the seed ("Backup Types by Driver Matrix", Portworx Backup
//! 3.0), transcribed here by hand as literal text, and the SPEC's rules for the form. Nothing in
//! this module is read from the crate's `tables.rs`.
#![allow(dead_code)]

use serde_json::{json, Value};

/// The four backup types: (id for code and JSON, name on the page), from the seed's first table.
pub const BACKUP_TYPES: [(&str, &str); 4] = [
    ("portworx-cloud-snapshot", "Portworx cloud snapshot"),
    ("direct-kdmp", "Direct KDMP backup"),
    ("csi-snapshot", "CSI snapshot"),
    ("csi-snapshot-offload", "CSI snapshot + offload snapshot to backup location (KDMP backup)"),
];

/// The fifth outcome, which is not a backup type.
pub const FAILS: (&str, &str) = ("fails", "Backup creation fails");

/// Table 1, the CSI backup matrix, as the raw page prints it: (row, provisioner, volume snapshot
/// class option, offload selected, backup type triggered). The raw page gives the Portworx row
/// once with "Yes/No"; it is split into rows 1 and 2 here, as the seed's .md numbers them.
pub const TABLE_1: [(u8, &str, &str, &str, &str); 10] = [
    (1, "Portworx", "Disabled (always)", "Yes", "Portworx cloud snapshot"),
    (2, "Portworx", "Disabled (always)", "No", "Portworx cloud snapshot"),
    (3, "Non-Portworx", "No vsc (disabled)", "Yes", "Direct KDMP backup"),
    (4, "Non-Portworx", "No vsc (disabled)", "No", "Backup creation fails"),
    (
        5,
        "Non-Portworx",
        "Default single vsc (auto-populated)",
        "Yes",
        "CSI snapshot + offloads snapshot to backup location (KDMP backup)",
    ),
    (6, "Non-Portworx", "Default single vsc (auto-populated)", "No", "CSI snapshot"),
    (
        7,
        "Non-Portworx",
        "Non-default single vsc (auto-populated)",
        "Yes",
        "CSI snapshot + offloads snapshot to backup location (KDMP backup)",
    ),
    (8, "Non-Portworx", "Non-default single vsc (auto-populated)", "No", "CSI snapshot"),
    (
        9,
        "Non-Portworx",
        "Non-default multiple vscs' (in the drop-down)",
        "Yes",
        "CSI snapshot + offloads snapshot to backup location (KDMP)",
    ),
    (10, "Non-Portworx", "Non-default multiple vscs' (in the drop-down)", "No", "CSI snapshot"),
];

/// Table 1's option column as the seed's .md words it (the widget's labels follow it).
pub const TABLE_1_MD_OPTIONS: [&str; 5] = [
    "Disabled (always)",
    "No VSC (disabled)",
    "Default single VSC (auto-populated)",
    "Non-default single VSC (auto-populated)",
    "Non-default multiple VSCs (in the drop-down)",
];

/// One row of Table 2, the backup driver matrix.
pub struct DriverRow {
    pub id: &'static str,
    pub backup_type: &'static str,
    pub driver: &'static str,
    pub resources: &'static str,
    /// The volumes column as the seed's .md words it.
    pub volumes_md: &'static str,
    /// The volumes column as the raw page prints it.
    pub volumes_raw: &'static str,
    pub classic: &'static str,
    pub federated: &'static str,
    /// "How the two tables meet": the Table 1 outcome (a backup type id) this row stands for.
    pub meets: &'static str,
}

/// Table 2, in the seed's order.
pub const TABLE_2: [DriverRow; 4] = [
    DriverRow {
        id: "cross-cloud",
        backup_type: "Cross-cloud",
        driver: "KDMP",
        resources: "Backed up to backup location",
        volumes_md: "Backed up to backup location",
        volumes_raw: "Backed up to backup location",
        classic: "Supported",
        federated: "Supported",
        meets: "direct-kdmp",
    },
    DriverRow {
        id: "snapshot-class-mapping",
        backup_type: "Snapshot class mapping",
        driver: "CSI",
        resources: "Backed up to backup location",
        volumes_md: "Stay on the application cluster as a local snapshot",
        volumes_raw: "Remains locally as local snapshot on the application cluster",
        classic: "Supported",
        federated: "Supported",
        meets: "csi-snapshot",
    },
    DriverRow {
        id: "snapshot-class-mapping-offload",
        backup_type: "Snapshot class mapping + Offload to backup location",
        driver: "CSI+KDMP",
        resources: "Backed up to backup location",
        volumes_md: "Backed up to backup location, and a local snapshot stays on the application cluster",
        volumes_raw:
            "Backed up to backup location + Remains locally as local snapshot on the application cluster",
        classic: "Supported",
        federated: "Supported",
        meets: "csi-snapshot-offload",
    },
    DriverRow {
        id: "cloudsnap",
        backup_type: "Cloudsnap",
        driver: "PXD (Portworx driver)",
        resources: "Backed up to backup location",
        volumes_md: "Backed up to backup location",
        volumes_raw: "Backed up to backup location",
        classic: "Supported",
        federated: "Supported",
        meets: "portworx-cloud-snapshot",
    },
];

/// Table 3, the KDMP backup matrix: (scenario id the SPEC names for it, cloud provider, storage
/// type, the mechanisms the raw page lists for it).
pub const TABLE_3: [(&str, &str, &str, &[&str]); 8] = [
    ("aws-ebs", "AWS", "EBS", &[CSI_OFFLOAD, CSI, "Direct KDMP backup"]),
    ("aws-efs", "AWS", "EFS", &["Direct KDMP"]),
    ("azure-disk", "Azure", "Disk", &[CSI_OFFLOAD, CSI, "Direct KDMP backup"]),
    ("azure-file", "Azure", "File share", &["Direct KDMP"]),
    ("ibm", "IBM", "IBM storage", &[CSI_OFFLOAD, CSI, "Direct KDMP backup"]),
    ("gcp-disk", "GCP", "Google disk", &[CSI_OFFLOAD, CSI, "Direct KDMP backup"]),
    ("gcp-file", "GCP", "Google file", &[CSI_OFFLOAD, CSI, "Direct KDMP"]),
    ("ocp", "OCP", "OCP storage", &[CSI_OFFLOAD, CSI, "Direct KDMP backup"]),
];
pub const CSI_OFFLOAD: &str =
    "CSI snapshot with KDMP local snapshot (if Offload CSI snapshots to backup location is selected)";
pub const CSI: &str = "CSI snapshot (if Offload CSI snapshots to backup location is not selected)";

/// The upgrade table: (backup, created with, after the upgrade).
pub const UPGRADE_TABLE: [(&str, &str, &str); 4] = [
    ("manual backup (existing)", "any driver", "not affected"),
    (
        "scheduled backup (future runs)",
        "cloud native driver, a VSC is available",
        "migrated to CSI snapshot with offload to backup location",
    ),
    (
        "scheduled backup (future runs)",
        "cloud native driver, no VSC available",
        "uses the KDMP driver: direct KDMP backup",
    ),
    ("scheduled backup", "any other driver", "unchanged"),
];

/// The id of a Table 1 outcome, from the words the page uses for it.
pub fn type_id_of(phrase: &str) -> &'static str {
    if phrase == FAILS.1 {
        return FAILS.0;
    }
    if phrase.starts_with("CSI snapshot + offload") {
        return "csi-snapshot-offload";
    }
    BACKUP_TYPES
        .iter()
        .find(|(_, name)| *name == phrase)
        .unwrap_or_else(|| panic!("no type named {phrase:?}"))
        .0
}

/// The Table 2 row id that a backup type meets, if any.
pub fn driver_row_of(type_id: &str) -> Option<&'static str> {
    TABLE_2.iter().find(|row| row.meets == type_id).map(|row| row.id)
}

/// The seed's option label for each of the Decision's `vscOption` values (SPEC spellings).
pub fn option_label(vsc_option: &str) -> &'static str {
    match vsc_option {
        "disabled" => TABLE_1[0].2,
        "none" => TABLE_1[2].2,
        "default-single" => TABLE_1[4].2,
        "non-default-single" => TABLE_1[6].2,
        "multiple" => TABLE_1[8].2,
        other => panic!("not a vscOption of the SPEC: {other}"),
    }
}

/// The Table 1 row for a provisioner kind, an option and offload.
pub fn table_1_row(portworx: bool, vsc_option: &str, offload: bool) -> (u8, &'static str) {
    let kind = if portworx { "Portworx" } else { "Non-Portworx" };
    let offload = if offload { "Yes" } else { "No" };
    let label = option_label(vsc_option);
    let rows: Vec<_> = TABLE_1.iter().filter(|r| r.1 == kind && r.2 == label && r.3 == offload).collect();
    assert_eq!(rows.len(), 1, "Table 1 has one row for {kind} / {label} / {offload}");
    (rows[0].0, type_id_of(rows[0].4))
}

/// A selection as a config writes it: `None` = key absent, `Some(None)` = null, or a name.
pub type Choice = Option<Option<String>>;

/// A provisioner's VSCs: `(name, annotated default)`.
pub type Classes = Vec<(String, bool)>;

/// What one provisioner's form state gives, by the seed and the SPEC's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub vsc_option: &'static str,
    pub class: Option<String>,
    pub backup_type: &'static str,
    pub row: Option<u8>,
}

/// A provisioner's state in the form: is it Portworx, its VSCs `(name, default)`, and the
/// selection: `None` = key absent, `Some(None)` = explicit null, `Some(Some(name))`.
pub fn expect(
    portworx: bool,
    classes: &[(String, bool)],
    selection: &Choice,
    offload: bool,
    cross_cloud: bool,
) -> Expected {
    let (vsc_option, class): (&'static str, Option<String>) = if portworx {
        ("disabled", None)
    } else {
        match (classes, selection) {
            ([], _) => ("none", None),
            ([(name, true)], _) => ("default-single", Some(name.clone())),
            ([(name, false)], _) => ("non-default-single", Some(name.clone())),
            (_, Some(None)) => ("none", None),
            (_, Some(Some(name))) => ("multiple", Some(name.clone())),
            (_, None) => match classes.iter().find(|c| c.1) {
                Some((name, _)) => ("multiple", Some(name.clone())),
                None => ("none", None),
            },
        }
    };
    if cross_cloud {
        return Expected { vsc_option, class, backup_type: "direct-kdmp", row: None };
    }
    let (row, backup_type) = table_1_row(portworx, vsc_option, offload);
    Expected { vsc_option, class, backup_type, row: Some(row) }
}

/// A provisioner entry of a config, as JSON.
pub fn provisioner_json(
    name: &str,
    portworx: Option<bool>,
    classes: &[(String, bool)],
    selection: &Choice,
) -> Value {
    let mut entry = json!({ "name": name });
    if let Some(portworx) = portworx {
        entry["portworx"] = json!(portworx);
    }
    if !classes.is_empty() {
        entry["volumeSnapshotClasses"] =
            classes.iter().map(|(name, default)| json!({ "name": name, "default": default })).collect();
    }
    if let Some(selection) = selection {
        entry["volumeSnapshotClass"] = json!(selection);
    }
    entry
}

/// A whole config, as JSON.
pub fn config_json(provisioners: Vec<Value>, offload: bool, cross_cloud: bool, federated: bool) -> Value {
    json!({
        "provisioners": provisioners,
        "offload": offload,
        "crossCloud": cross_cloud,
        "mode": if federated { "federated" } else { "classic" },
    })
}

/// Parses a config written as JSON, panicking with the error if it is rejected.
pub fn parse(value: &Value) -> backup_matrix::Config {
    let text = value.to_string();
    backup_matrix::Config::parse(&text).unwrap_or_else(|e| panic!("{text}\nrejected: {e}"))
}

/// The error for a config written as JSON, panicking if it is accepted.
pub fn parse_err(value: &Value) -> backup_matrix::ConfigError {
    parse_text_err(&value.to_string())
}

pub fn parse_text_err(text: &str) -> backup_matrix::ConfigError {
    match backup_matrix::Config::parse(text) {
        Ok(config) => panic!("accepted, expected an error: {text}\n{config:?}"),
        Err(error) => error,
    }
}

/// The notice ids of a Decision, as JSON.
pub fn notice_ids(decision: &Value) -> Vec<String> {
    decision["notices"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect()
}

/// The states one provisioner can be in, as far as the outcome goes: (portworx key, VSCs,
/// selection). VSC names get the slot's prefix, to stay unique in the cluster. `mixed.rs` and
/// `what_if.rs` go through every triple of them.
pub fn state(index: usize, slot: usize) -> (Option<bool>, Classes, Choice) {
    let vsc = |name: &str, default: bool| (format!("s{slot}-{name}"), default);
    let named = |name: &str| Some(Some(format!("s{slot}-{name}")));
    match index {
        0 => (Some(true), vec![], None),
        1 => (None, vec![], None),
        2 => (None, vec![vsc("a", true)], None),
        3 => (None, vec![vsc("a", false)], None),
        4 => (None, vec![vsc("a", false), vsc("b", true)], None),
        5 => (None, vec![vsc("a", false), vsc("b", true)], named("a")),
        6 => (None, vec![vsc("a", false), vsc("b", false)], None),
        7 => (None, vec![vsc("a", false), vsc("b", false)], Some(None)),
        _ => unreachable!(),
    }
}
pub const STATES: usize = 8;

/// The VSC list shapes `exhaustive.rs` and `what_if.rs` go through: none, one default, one non-default, several with a default, several without.
pub fn shapes() -> Vec<Vec<(String, bool)>> {
    let c = |name: &str, default: bool| (name.to_owned(), default);
    vec![
        vec![],
        vec![c("snap-a", true)],
        vec![c("snap-a", false)],
        vec![c("snap-a", false), c("snap-b", true), c("snap-c", false)],
        vec![c("snap-a", false), c("snap-b", false), c("snap-c", false)],
    ]
}

/// Every selection for a list: key absent, explicit null, each class, and a class it lacks.
pub fn selections(classes: &[(String, bool)]) -> Vec<Choice> {
    let mut all = vec![None, Some(None)];
    all.extend(classes.iter().map(|(name, _)| Some(Some(name.clone()))));
    all.push(Some(Some("snap-missing".to_owned())));
    all
}
