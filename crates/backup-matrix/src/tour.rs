//! A guided tour of Table 1: the smallest change to a form that makes a provisioner land on a
//! given row, and how many user actions that change takes.

use std::collections::BTreeSet;

use crate::config::{Config, Provisioner, Selection, SnapshotClass, MAX_PROVISIONERS};
use crate::tables::{CsiMatrixRow, CSI_MATRIX, PORTWORX_PROVISIONERS};
use crate::types::{ProvisionerKind, VscOption};

/// The Table 1 row with this number.
fn table_row(row: u8) -> Option<&'static CsiMatrixRow> {
    CSI_MATRIX.iter().find(|r| r.number == row)
}

/// The selection that puts `provisioner` on `option` with the fewest changes: `Some(None)` when
/// it is there already, `Some(Some(selection))` for one change, `None` when no selection can.
fn selection_for(
    provisioner: &Provisioner,
    kind: ProvisionerKind,
    option: VscOption,
) -> Option<Option<Selection>> {
    if provisioner.is_portworx() != (kind == ProvisionerKind::Portworx) {
        return None;
    }
    if provisioner.vsc_option() == option {
        return Some(None);
    }
    let classes = &provisioner.volume_snapshot_classes;
    match option {
        VscOption::None if classes.len() > 1 => Some(Some(Selection::NoClass)),
        VscOption::Multiple if classes.len() > 1 => {
            let class = provisioner.default_class().unwrap_or(&classes[0]);
            Some(Some(Selection::Named(class.name.clone())))
        }
        // Single classes are auto-populated, and Portworx selects are always disabled: only
        // the VSC list decides these options, and no selection changes it.
        _ => None,
    }
}

/// Realistic provisioners of one shape, in order of preference: (name, its VSCs).
type Candidates = &'static [(&'static str, &'static [(&'static str, bool)])];

/// The provisioners to add for a VSC option, and whether they are Portworx's.
fn shape(option: VscOption) -> (Candidates, bool) {
    match option {
        VscOption::Disabled => (&[("pxd.portworx.com", &[]), ("kubernetes.io/portworx-volume", &[])], true),
        VscOption::None => {
            (&[("efs.csi.aws.com", &[]), ("file.csi.azure.com", &[]), ("nfs.csi.k8s.io", &[])], false)
        }
        VscOption::DefaultSingle => (
            &[
                ("ebs.csi.aws.com", &[("ebs-vsc", true)]),
                ("disk.csi.azure.com", &[("csi-azuredisk-vsc", true)]),
                ("pd.csi.storage.gke.io", &[("csi-gce-pd-snapshot-class", true)]),
            ],
            false,
        ),
        VscOption::NonDefaultSingle => (
            &[
                ("disk.csi.azure.com", &[("csi-azuredisk-vsc", false)]),
                ("filestore.csi.storage.gke.io", &[("csi-gcp-filestore-snapshot-class", false)]),
                ("ebs.csi.aws.com", &[("ebs-vsc", false)]),
            ],
            false,
        ),
        VscOption::Multiple => (
            &[
                (
                    "pd.csi.storage.gke.io",
                    &[("pd-standard-snapclass", true), ("pd-balanced-snapclass", false)],
                ),
                (
                    "vpc.block.csi.ibm.io",
                    &[("ibmc-vpcblock-snapshot", true), ("ibmc-vpcblock-snapshot-retain", false)],
                ),
                ("ebs.csi.aws.com", &[("ebs-vsc", true), ("ebs-vsc-retain", false)]),
            ],
            false,
        ),
    }
}

/// `base`, or `base-2`, `base-3`, ...: the first that `taken` does not hold.
fn free_name(base: &str, taken: &BTreeSet<String>, numbered: impl Fn(usize) -> String) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..).map(numbered).find(|name| !taken.contains(name)).unwrap_or_default()
}

/// A realistic provisioner of the option's shape, with a name and VSC names the config does not use.
fn new_provisioner(config: &Config, option: VscOption) -> Provisioner {
    let (candidates, portworx) = shape(option);
    let names: BTreeSet<String> = config.provisioners.iter().map(|p| p.name.clone()).collect();
    let (name, classes) = match candidates.iter().find(|(name, _)| !names.contains(*name)) {
        Some((name, classes)) => ((*name).to_owned(), *classes),
        None => {
            let base = if portworx { "portworx" } else { "training" };
            let name = free_name(&format!("{base}.csi.example.com"), &names, |n| {
                format!("{base}-{n}.csi.example.com")
            });
            (name, candidates[0].1)
        }
    };
    let mut taken: BTreeSet<String> = config
        .provisioners
        .iter()
        .flat_map(|p| p.volume_snapshot_classes.iter().map(|c| c.name.clone()))
        .collect();
    let mut provisioner = Provisioner::new(&name, &[]);
    for (class, default) in classes {
        let class = free_name(class, &taken, |n| format!("{class}-{n}"));
        taken.insert(class.clone());
        provisioner.volume_snapshot_classes.push(SnapshotClass { name: class, default: *default });
    }
    if portworx && !PORTWORX_PROVISIONERS.contains(&name.as_str()) {
        provisioner.portworx = Some(true);
    }
    provisioner
}

/// The smallest change to `config` that puts at least one provisioner on Table 1 row `row` (1 to 10).
///
/// Cross Cloud Backup/Restore goes off and offload is set as the row needs; an existing
/// provisioner is used when changing its selection alone is enough, the one needing the fewest
/// changes first; otherwise a realistic provisioner of the row's shape is appended, with a name
/// and VSC names the config does not use yet. `None` for a row outside 1 to 10, or when a
/// provisioner would have to be added to a config that already lists the most allowed.
pub fn reach_row(config: &Config, row: u8) -> Option<Config> {
    let target = table_row(row)?;
    let mut reached = config.clone();
    reached.cross_cloud = false;
    reached.offload = target.offload;
    let candidates = config.provisioners.iter().enumerate().filter_map(|(index, provisioner)| {
        selection_for(provisioner, target.provisioner, target.vsc_option).map(|change| (index, change))
    });
    match candidates.min_by_key(|(_, change)| change.is_some()) {
        Some((_, None)) => {}
        Some((index, Some(selection))) => reached.provisioners[index].volume_snapshot_class = selection,
        None if config.provisioners.len() >= MAX_PROVISIONERS => return None,
        None => reached.provisioners.push(new_provisioner(config, target.vsc_option)),
    }
    Some(reached)
}

/// The user actions an inventory editor takes to add this provisioner: add it, add each VSC,
/// mark the default, and mark it Portworx when its name is not a built-in one.
fn editor_actions(provisioner: &Provisioner) -> usize {
    let marked_portworx =
        provisioner.portworx == Some(true) && !PORTWORX_PROVISIONERS.contains(&provisioner.name.as_str());
    1 + provisioner.volume_snapshot_classes.len()
        + usize::from(provisioner.volume_snapshot_classes.iter().any(|c| c.default))
        + usize::from(marked_portworx)
        + usize::from(provisioner.volume_snapshot_class != Selection::Auto)
}

/// The user actions `reach_row` takes: one per changed checkbox or select, plus an added provisioner's editor actions; 0 when it gives `None`.
pub fn steps(config: &Config, row: u8) -> usize {
    let Some(reached) = reach_row(config, row) else {
        return 0;
    };
    let checkboxes = usize::from(reached.cross_cloud != config.cross_cloud)
        + usize::from(reached.offload != config.offload);
    let selects = config
        .provisioners
        .iter()
        .zip(&reached.provisioners)
        .filter(|(before, after)| before.volume_snapshot_class != after.volume_snapshot_class)
        .count();
    let added: usize = reached.provisioners[config.provisioners.len()..].iter().map(editor_actions).sum();
    checkboxes + selects + added
}
