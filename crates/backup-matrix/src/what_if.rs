//! What each other choice of the form would give, from the same rules as `decide`: the
//! Decision's `whatIf` (SPEC, "What if"). A user sees the consequence of an option before
//! taking it.
//!
//! Nothing here restates a rule: every outcome comes from `decide::provisioner_outcome`, every
//! "can the backup be created" from `decide::backup_can_be_created`, and the state of a VSC
//! select for a choice from `Provisioner::vsc_option_if`. It is computed per provisioner, never by
//! deciding a whole other config: flipping a checkbox asks each provisioner once more, and each
//! option of a select asks only its own provisioner.

use serde::Serialize;

use crate::config::{Config, Provisioner};
use crate::decide::{
    backup_can_be_created, provisioner_kind, provisioner_outcome, BackupLevelOptions, ProvisionerOutcome,
};
use crate::types::{BackupType, ProvisionerKind, VscOption};

/// What each other choice of the form would give, all else equal. `Decision.whatIf` carries it,
/// in JSON exactly as the SPEC ("What if") shows: `offload`, `crossCloud`, `classes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIf {
    /// "Offload CSI snapshots to backup location" turned the other way.
    pub offload: CheckboxFlipped,
    /// "Cross Cloud Backup/Restore" turned the other way.
    pub cross_cloud: CheckboxFlipped,
    /// Every VSC select that can be used (not Portworx, at least one VSC), in provisioner order.
    pub classes: Vec<SelectChoices>,
}

/// What one backup-level checkbox, turned the other way, would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckboxFlipped {
    /// The Decision's `canCreate` with the checkbox turned.
    pub can_create: bool,
    /// The provisioners whose backup type would differ, in provisioner order.
    pub changes: Vec<ChangedProvisioner>,
}

/// A provisioner whose backup type a choice would change, and what it would get instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangedProvisioner {
    /// The provisioner's name.
    pub name: String,
    /// The backup type it would get.
    pub backup_type: BackupType,
    /// The Table 1 row it would get; `None` (JSON `null`) under Cross Cloud Backup/Restore.
    pub csi_matrix_row: Option<u8>,
}

/// One provisioner's VSC select: every choice it offers, and what each would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectChoices {
    /// The provisioner's name.
    pub name: String,
    /// The select's options, in its order: "No snapshot class" first where the select offers
    /// it (several VSCs), then each VSC in the config's order.
    pub options: Vec<ChoiceOutcome>,
}

/// One option of a VSC select, and what its provisioner would get if it were chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceOutcome {
    /// The VSC this option chooses; `None` (JSON `null`) for "No snapshot class".
    pub volume_snapshot_class: Option<String>,
    /// The backup type the provisioner would get.
    pub backup_type: BackupType,
    /// The Table 1 row it would get; `None` (JSON `null`) under Cross Cloud Backup/Restore.
    pub csi_matrix_row: Option<u8>,
    /// Whether the select holds this option now.
    pub selected: bool,
}

/// What each other choice of the form would give, for a config as it stands: the Decision's
/// `whatIf`. Cheap enough for every change of the form: each question asks one provisioner, and
/// a whole config is never decided again.
pub fn what_if(config: &Config) -> WhatIf {
    let now = BackupLevelOptions::of(config);
    // What Table 1 needs of each provisioner, found once for every question below.
    let states: Vec<(ProvisionerKind, VscOption)> =
        config.provisioners.iter().map(|p| (provisioner_kind(p), p.vsc_option())).collect();
    let flipped = |then: BackupLevelOptions| checkbox_flipped(config, &states, now, then);
    WhatIf {
        offload: flipped(BackupLevelOptions { offload: !now.offload, ..now }),
        cross_cloud: flipped(BackupLevelOptions { cross_cloud: !now.cross_cloud, ..now }),
        classes: config
            .provisioners
            .iter()
            .zip(&states)
            .filter(|(provisioner, _)| select_can_be_used(provisioner))
            .map(|(provisioner, &(kind, _))| select_choices(provisioner, kind, now))
            .collect(),
    }
}

/// Whether a provisioner's VSC select can be used: not Portworx, and at least one VSC.
fn select_can_be_used(provisioner: &Provisioner) -> bool {
    !provisioner.is_portworx() && !provisioner.volume_snapshot_classes.is_empty()
}

/// Every provisioner asked again with the backup-level options `then` instead of `now`.
fn checkbox_flipped(
    config: &Config,
    states: &[(ProvisionerKind, VscOption)],
    now: BackupLevelOptions,
    then: BackupLevelOptions,
) -> CheckboxFlipped {
    let outcomes: Vec<(ProvisionerOutcome, ProvisionerOutcome)> = states
        .iter()
        .map(|&(kind, vsc_option)| {
            (provisioner_outcome(kind, vsc_option, now), provisioner_outcome(kind, vsc_option, then))
        })
        .collect();
    CheckboxFlipped {
        can_create: backup_can_be_created(outcomes.iter().map(|(_, then)| then.backup_type)),
        changes: config
            .provisioners
            .iter()
            .zip(&outcomes)
            .filter(|(_, (now, then))| now.backup_type != then.backup_type)
            .map(|(provisioner, (_, then))| ChangedProvisioner {
                name: provisioner.name.clone(),
                backup_type: then.backup_type,
                csi_matrix_row: then.csi_matrix_row_number(),
            })
            .collect(),
    }
}

/// Every option of one provisioner's select, each asked of that provisioner alone.
fn select_choices(
    provisioner: &Provisioner,
    kind: ProvisionerKind,
    now: BackupLevelOptions,
) -> SelectChoices {
    let classes = &provisioner.volume_snapshot_classes;
    let selected = provisioner.selected_class().map(|class| class.name.as_str());
    let outcome_of = |index: Option<usize>| {
        let chosen = index.map(|index| &classes[index]);
        let outcome = provisioner_outcome(kind, provisioner.vsc_option_if(chosen), now);
        let class = chosen.map(|class| class.name.as_str());
        ChoiceOutcome {
            volume_snapshot_class: class.map(str::to_owned),
            backup_type: outcome.backup_type,
            csi_matrix_row: outcome.csi_matrix_row_number(),
            selected: class == selected,
        }
    };
    let mut options = Vec::with_capacity(classes.len() + 1);
    if provisioner.offers_no_class() {
        options.push(outcome_of(None));
    }
    options.extend((0..classes.len()).map(|index| outcome_of(Some(index))));
    SelectChoices { name: provisioner.name.clone(), options }
}

/// How many provisioners a description names before it counts the rest.
const NAMES_SHOWN: usize = 3;

impl CheckboxFlipped {
    /// What turning the checkbox the other way would change, in one sentence for its
    /// description: each new backup type with the provisioners that would get it and their
    /// Table 1 rows, then whether the backup could be created, said in words. `on` is the
    /// checkbox's state now; `can_create` the Decision's now.
    pub fn describe(&self, on: bool, can_create: bool) -> String {
        let turning = if on { "Turning this off" } else { "Turning this on" };
        if self.changes.is_empty() {
            return format!("{turning} changes no backup type.");
        }
        // One group per new backup type, in the order of its first provisioner.
        let mut groups: Vec<(BackupType, Vec<&ChangedProvisioner>)> = Vec::new();
        for change in &self.changes {
            match groups.iter_mut().find(|(backup_type, _)| *backup_type == change.backup_type) {
                Some((_, members)) => members.push(change),
                None => groups.push((change.backup_type, vec![change])),
            }
        }
        let parts: Vec<String> = groups
            .iter()
            .map(|(backup_type, members)| {
                format!("{} → {}{}", names(members), backup_type.name(), rows(members))
            })
            .collect();
        let creation = match (can_create, self.can_create) {
            (false, true) => "the backup can then be created",
            (true, false) => "the backup would then fail",
            (true, true) => "the backup is still created",
            (false, false) => "the backup still fails",
        };
        format!("{turning}: {}; {creation}.", parts.join("; "))
    }
}

/// The provisioners' names, the first few of them and how many more.
fn names(members: &[&ChangedProvisioner]) -> String {
    let shown: Vec<&str> = members.iter().take(NAMES_SHOWN).map(|m| m.name.as_str()).collect();
    match members.len().saturating_sub(NAMES_SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// " (Table 1, row 3)", " (Table 1, rows 5, 7)", or nothing where no row of Table 1 applies.
fn rows(members: &[&ChangedProvisioner]) -> String {
    let mut numbers: Vec<u8> = members.iter().filter_map(|m| m.csi_matrix_row).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let listed: Vec<String> = numbers.iter().map(u8::to_string).collect();
    match listed.as_slice() {
        [] => String::new(),
        [one] => format!(" (Table 1, row {one})"),
        _ => format!(" (Table 1, rows {})", listed.join(", ")),
    }
}
