//! The rules: from a form's state to what the backup will be, per provisioner and as a whole.

use serde::Serialize;

use crate::config::{Config, Provisioner};
use crate::tables::{self, CsiMatrixRow, MATRIX_MIN_VERSION};
use crate::types::{BackupType, Level, ProvisionerKind, VscOption};
use crate::what_if::{what_if, WhatIf};

/// What one provisioner's volumes get, and why. In JSON (camelCase) every key is written, `null`
/// where there is no value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionerDecision {
    /// The provisioner.
    pub name: String,
    /// The state of its "Volume snapshot class" field.
    pub vsc_option: VscOption,
    /// The VSC in use, if any.
    pub volume_snapshot_class: Option<String>,
    /// What its volumes get.
    pub backup_type: BackupType,
    /// The Table 1 row that applies; `None` under Cross Cloud Backup/Restore, which bypasses
    /// Snapshot Class Mapping.
    pub csi_matrix_row: Option<u8>,
    /// The Table 3 row of the storage this provisioner serves, when the table names it.
    pub kdmp_matrix_row: Option<&'static str>,
    /// Why, in one line.
    pub reason: String,
}

/// Something the user should know about the backup as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Notice {
    /// One of `notice_id`.
    pub id: &'static str,
    /// How much it matters.
    pub level: Level,
    /// What to know.
    pub text: String,
}

/// The whole outcome of a Create Backup form; in JSON (camelCase) the `backup-change` detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// Whether the backup can be created (no provisioner fails).
    pub can_create: bool,
    /// One per provisioner, in the config's order.
    pub provisioners: Vec<ProvisionerDecision>,
    /// Ids of the Table 2 rows the created backup uses, in the table's order.
    pub driver_matrix_rows: Vec<&'static str>,
    /// What applies now.
    pub notices: Vec<Notice>,
    /// What each other choice of the form would give, from the same rules.
    pub what_if: WhatIf,
}

/// A Decision without its `whatIf`, borrowed: in JSON the same keys, in the same order, less
/// the last. The `backup-change` event sends this part as an object on every change and leaves
/// `whatIf` (ten thousand options for 200 provisioners of 50 VSCs) to be read when asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionSummary<'a> {
    pub can_create: bool,
    pub provisioners: &'a [ProvisionerDecision],
    pub driver_matrix_rows: &'a [&'static str],
    pub notices: &'a [Notice],
}

impl Decision {
    /// This Decision without its `whatIf`.
    pub fn summary(&self) -> DecisionSummary<'_> {
        let Decision { can_create, provisioners, driver_matrix_rows, notices, what_if: _ } = self;
        DecisionSummary { can_create: *can_create, provisioners, driver_matrix_rows, notices }
    }
}

/// The ids of every notice `decide` can raise.
pub mod notice_id {
    pub const BACKUP_FAILS: &str = "backup-fails";
    pub const CROSS_CLOUD_RECOMMENDATION: &str = "recommend-snapshot-class-mapping";
    pub const AZURE_FILE_DRIVER: &str = "azure-file-driver-version";
    pub const KDMP_BUFFER: &str = "kdmp-buffer";
    pub const KDMP_MATRIX_NO_CSI: &str = "kdmp-matrix-no-csi";
    pub const UNMATCHED_SNAPSHOT_CLASSES: &str = "unmatched-snapshot-classes";
    pub const FRESH_INSTALL: &str = "fresh-install";
}

/// The form's two backup-level options, which apply to every provisioner at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupLevelOptions {
    /// "Offload CSI snapshots to backup location".
    pub offload: bool,
    /// "Cross Cloud Backup/Restore".
    pub cross_cloud: bool,
}

impl BackupLevelOptions {
    /// The options as a config sets them.
    pub fn of(config: &Config) -> Self {
        BackupLevelOptions { offload: config.offload, cross_cloud: config.cross_cloud }
    }
}

/// What one provisioner's volumes get: the backup type, and the Table 1 row that gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProvisionerOutcome {
    /// The backup type, or a failed backup.
    pub backup_type: BackupType,
    /// `None` under Cross Cloud Backup/Restore, which bypasses Snapshot Class Mapping.
    pub csi_matrix_row: Option<&'static CsiMatrixRow>,
}

impl ProvisionerOutcome {
    /// The Table 1 row's number, as `csiMatrixRow` in the Decision.
    pub fn csi_matrix_row_number(&self) -> Option<u8> {
        self.csi_matrix_row.map(|row| row.number)
    }
}

/// Whether Table 1 counts a provisioner as Portworx's own or as any other.
pub fn provisioner_kind(provisioner: &Provisioner) -> ProvisionerKind {
    if provisioner.is_portworx() {
        ProvisionerKind::Portworx
    } else {
        ProvisionerKind::NonPortworx
    }
}

/// The rule for one provisioner: what its volumes get, from its kind, the state of its "Volume
/// snapshot class" field and the backup-level options. Whatever asks what a provisioner gets
/// (`decide`, and what-if questions) asks this; no other code restates Table 1 or Cross Cloud.
pub fn provisioner_outcome(
    kind: ProvisionerKind,
    vsc_option: VscOption,
    options: BackupLevelOptions,
) -> ProvisionerOutcome {
    if options.cross_cloud {
        return ProvisionerOutcome { backup_type: BackupType::DirectKdmp, csi_matrix_row: None };
    }
    let row = tables::csi_matrix_row(kind, vsc_option, options.offload)
        .expect("Table 1 covers every provisioner kind and the VSC options it can have");
    ProvisionerOutcome { backup_type: row.backup_type, csi_matrix_row: Some(row) }
}

/// The rule for the whole backup: it can be created when it has provisioners and none of them
/// fails. Whatever asks whether a backup can be created asks this.
pub fn backup_can_be_created(backup_types: impl IntoIterator<Item = BackupType>) -> bool {
    let mut any = false;
    for backup_type in backup_types {
        if backup_type == BackupType::Fails {
            return false;
        }
        any = true;
    }
    any
}

/// The Table 1 row for one provisioner's state, with offload as given.
pub fn csi_row(provisioner: &Provisioner, offload: bool) -> &'static CsiMatrixRow {
    let options = BackupLevelOptions { offload, cross_cloud: false };
    provisioner_outcome(provisioner_kind(provisioner), provisioner.vsc_option(), options)
        .csi_matrix_row
        .expect("without Cross Cloud Backup/Restore, every provisioner has a Table 1 row")
}

fn decide_provisioner(provisioner: &Provisioner, options: BackupLevelOptions) -> ProvisionerDecision {
    let vsc_option = provisioner.vsc_option();
    let class = provisioner.selected_class().map(|c| c.name.clone());
    let outcome = provisioner_outcome(provisioner_kind(provisioner), vsc_option, options);
    let reason = match outcome.csi_matrix_row {
        None => "Cross Cloud Backup/Restore is on: KDMP copies every volume to the backup location, whatever the snapshot class".to_owned(),
        Some(row) => reason(row, class.as_deref()),
    };
    ProvisionerDecision {
        name: provisioner.name.clone(),
        vsc_option,
        volume_snapshot_class: class,
        backup_type: outcome.backup_type,
        csi_matrix_row: outcome.csi_matrix_row_number(),
        kdmp_matrix_row: tables::kdmp_matrix_row(&provisioner.name).map(|row| row.id),
        reason,
    }
}

fn reason(row: &CsiMatrixRow, class: Option<&str>) -> String {
    let class = class.unwrap_or_default();
    match (row.vsc_option, row.offload) {
        (VscOption::Disabled, _) => {
            "Portworx volumes are backed up by the Portworx driver as a cloud snapshot; the snapshot class and offload do not apply".to_owned()
        }
        (VscOption::None, true) => {
            "No volume snapshot class, and offload is on: KDMP copies the volumes to the backup location directly".to_owned()
        }
        (VscOption::None, false) => {
            "No volume snapshot class, and offload is off: nothing can back these volumes up".to_owned()
        }
        (option, true) => format!(
            "{} \"{class}\": CSI takes a snapshot, then KDMP offloads it to the backup location",
            option_phrase(option)
        ),
        (option, false) => format!(
            "{} \"{class}\": CSI takes a snapshot that stays on the application cluster",
            option_phrase(option)
        ),
    }
}

fn option_phrase(option: VscOption) -> &'static str {
    match option {
        VscOption::DefaultSingle => "The single, default volume snapshot class",
        VscOption::NonDefaultSingle => "The single volume snapshot class",
        _ => "The chosen volume snapshot class",
    }
}

/// Decides a whole backup: every provisioner at once, then what applies to the backup.
pub fn decide(config: &Config) -> Decision {
    let options = BackupLevelOptions::of(config);
    let provisioners: Vec<ProvisionerDecision> =
        config.provisioners.iter().map(|p| decide_provisioner(p, options)).collect();
    let can_create = backup_can_be_created(provisioners.iter().map(|p| p.backup_type));
    let driver_matrix_rows = if can_create {
        tables::DRIVER_MATRIX
            .iter()
            .filter(|row| provisioners.iter().any(|p| p.backup_type == row.produced_by))
            .map(|row| row.id)
            .collect()
    } else {
        Vec::new()
    };
    let notices = notices(config, &provisioners, can_create);
    Decision { can_create, provisioners, driver_matrix_rows, notices, what_if: what_if(config) }
}

fn names<'a>(provisioners: impl Iterator<Item = &'a ProvisionerDecision>) -> String {
    provisioners.map(|p| format!("\"{}\"", p.name)).collect::<Vec<_>>().join(", ")
}

fn notices(config: &Config, provisioners: &[ProvisionerDecision], can_create: bool) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut add = |id, level, text: String| notices.push(Notice { id, level, text });
    if !can_create {
        let failing = names(provisioners.iter().filter(|p| p.backup_type == BackupType::Fails));
        add(
            notice_id::BACKUP_FAILS,
            Level::Error,
            format!(
                "Backup creation fails: {failing} has no volume snapshot class. Choose a class, turn on Offload CSI snapshots to backup location, or turn on Cross Cloud Backup/Restore."
            ),
        );
    }
    if config.cross_cloud {
        add(
            notice_id::CROSS_CLOUD_RECOMMENDATION,
            Level::Info,
            "A snapshot class mapping backup is recommended over a cross-cloud one: CSI snapshots are faster and more efficient than KDMP backups. Use Cross Cloud Backup/Restore only to restore on another cloud.".to_owned(),
        );
    }
    let azure_file = provisioners
        .iter()
        .filter(|p| p.kdmp_matrix_row == Some("azure-file") && p.backup_type.uses_csi_snapshot());
    let azure_file = names(azure_file);
    if !azure_file.is_empty() {
        add(
            notice_id::AZURE_FILE_DRIVER,
            Level::Warning,
            format!(
                "{azure_file}: restoring a CSI snapshot of an (SMB) Azure file volume needs Azure file CSI driver v1.30.2 or later. With an older driver, create a cross-cloud backup instead."
            ),
        );
    }
    let no_csi = provisioners.iter().filter(|p| {
        p.backup_type.uses_csi_snapshot()
            && p.kdmp_matrix_row
                .and_then(|id| tables::KDMP_MATRIX.iter().find(|row| row.id == id))
                .is_some_and(|row| !row.offers(p.backup_type))
    });
    let no_csi = names(no_csi);
    if !no_csi.is_empty() {
        add(
            notice_id::KDMP_MATRIX_NO_CSI,
            Level::Warning,
            format!(
                "{no_csi}: the KDMP backup matrix lists only a direct KDMP backup for this storage, not a CSI snapshot. Turn on Cross Cloud Backup/Restore for it."
            ),
        );
    }
    if can_create && provisioners.iter().any(|p| p.backup_type.uses_kdmp()) {
        add(
            notice_id::KDMP_BUFFER,
            Level::Info,
            format!(
                "KDMP moves data in this backup: allocate extra buffer storage of {}x the size of each PVC in the application cluster first.",
                tables::KDMP_BUFFER_FACTOR
            ),
        );
    }
    if !config.unmatched_snapshot_classes.is_empty() {
        let list = config
            .unmatched_snapshot_classes
            .iter()
            .map(|(class, driver)| format!("\"{class}\" ({driver})"))
            .collect::<Vec<_>>()
            .join(", ");
        add(
            notice_id::UNMATCHED_SNAPSHOT_CLASSES,
            Level::Info,
            format!("Not shown, because no StorageClass uses their driver: {list}."),
        );
    }
    add(
        notice_id::FRESH_INSTALL,
        Level::Info,
        format!(
            "These matrices apply to fresh installations of Portworx Backup {MATRIX_MIN_VERSION} and later."
        ),
    );
    notices
}

impl Decision {
    /// The distinct backup types in use, in the source's order, failures excluded.
    pub fn backup_types(&self) -> Vec<BackupType> {
        BackupType::ALL
            .into_iter()
            .filter(|t| *t != BackupType::Fails && self.provisioners.iter().any(|p| p.backup_type == *t))
            .collect()
    }

    /// One sentence that sums the backup up.
    pub fn headline(&self) -> String {
        if self.can_create {
            let types: Vec<&str> = self.backup_types().into_iter().map(BackupType::name).collect();
            format!("The backup is created: {}.", types.join("; "))
        } else {
            let failing: Vec<&ProvisionerDecision> =
                self.provisioners.iter().filter(|p| p.backup_type == BackupType::Fails).collect();
            format!(
                "The backup fails: {} of {} provisioners ({}) {} no volume snapshot class. Turn on Offload CSI snapshots to backup location or Cross Cloud Backup/Restore, or select a class where the provisioner has one.",
                failing.len(),
                self.provisioners.len(),
                names(failing.iter().copied()),
                if failing.len() == 1 { "has" } else { "have" }
            )
        }
    }
}
