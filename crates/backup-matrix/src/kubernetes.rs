//! Raw Kubernetes API lists, as `kubectl get storageclass -o json` and
//! `kubectl get volumesnapshotclass -o json` print them, read by serde's derive. Unknown
//! Kubernetes fields are ignored (serde's `IgnoredAny`, which never walks them).

use serde::Deserialize;

use crate::config::{ConfigError, FieldPaths, Provisioner, Selection, SnapshotClass};
use crate::strict;

/// The annotation that marks a VolumeSnapshotClass as its driver's default.
pub const DEFAULT_CLASS_ANNOTATION: &str = "snapshot.storage.kubernetes.io/is-default-class";

/// The `kubernetes` key of a config: its two lists, each optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", expecting = "an object")]
pub struct KubernetesInput {
    /// `kubectl get storageclass -o json`.
    #[serde(default, deserialize_with = "strict::optional_object")]
    pub storage_classes: Option<ObjectList<StorageClass>>,
    /// `kubectl get volumesnapshotclass -o json`.
    #[serde(default, deserialize_with = "strict::optional_object")]
    pub volume_snapshot_classes: Option<ObjectList<VolumeSnapshotClass>>,
}

/// A Kubernetes list object (`kind: List` or `kind: <Type>List`); its other fields
/// (`apiVersion`, `metadata`) are ignored, as are the unknown fields of its items.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object", bound(deserialize = "T: Deserialize<'de>"))]
pub struct ObjectList<T> {
    /// The list's kind, checked by `inventory` when given.
    #[serde(default)]
    pub kind: Option<String>,
    /// The objects.
    #[serde(deserialize_with = "strict::objects")]
    pub items: Vec<T>,
}

/// The part of an object's `metadata` the widget reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object")]
pub struct ObjectMeta {
    /// The object's name.
    pub name: String,
    /// In the order given; a short list, looked up once. A key given twice is an error.
    #[serde(default, deserialize_with = "strict::annotations")]
    pub annotations: Vec<(String, String)>,
}

/// A StorageClass: the provisioner its volumes use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object")]
pub struct StorageClass {
    /// `StorageClass` when given.
    #[serde(default)]
    pub kind: Option<String>,
    /// Its name and annotations.
    #[serde(deserialize_with = "strict::object")]
    pub metadata: ObjectMeta,
    /// The CSI driver (or in-tree plugin) that provisions its volumes.
    pub provisioner: String,
}

/// A VolumeSnapshotClass: the CSI driver whose snapshots it makes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "an object")]
pub struct VolumeSnapshotClass {
    /// `VolumeSnapshotClass` when given.
    #[serde(default)]
    pub kind: Option<String>,
    /// Its name, and the annotation that marks the driver's default.
    #[serde(deserialize_with = "strict::object")]
    pub metadata: ObjectMeta,
    /// The CSI driver.
    pub driver: String,
}

/// What the lists say about the cluster.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inventory {
    /// One per provisioner, in the order of their first StorageClass.
    pub provisioners: Vec<Provisioner>,
    /// For each provisioner, where its fields are in the lists.
    pub origins: Vec<FieldPaths>,
    /// VSCs whose driver no StorageClass uses: `(vsc, driver)`.
    pub unmatched_snapshot_classes: Vec<(String, String)>,
}

fn check_kind(kind: &Option<String>, expected: &[&str], path: &str) -> Result<(), ConfigError> {
    match kind {
        Some(kind) if !expected.contains(&kind.as_str()) => {
            Err(ConfigError::new(path, format!("expected kind {}, got \"{kind}\"", expected.join(" or "))))
        }
        _ => Ok(()),
    }
}

impl KubernetesInput {
    /// Collapses StorageClasses to one provisioner each and hangs each VSC on its driver.
    pub fn inventory(&self) -> Result<Inventory, ConfigError> {
        let mut inventory = Inventory::default();
        if let Some(list) = &self.storage_classes {
            check_kind(&list.kind, &["List", "StorageClassList"], "kubernetes.storageClasses.kind")?;
            if list.items.is_empty() {
                return Err(ConfigError::new(
                    "kubernetes.storageClasses.items",
                    "the StorageClass list is empty; the cluster needs at least one StorageClass",
                ));
            }
            for (index, item) in list.items.iter().enumerate() {
                let at = format!("kubernetes.storageClasses.items[{index}]");
                check_kind(&item.kind, &["StorageClass"], &format!("{at}.kind"))?;
                if !inventory.provisioners.iter().any(|p| p.name == item.provisioner) {
                    let name = format!("{at}.provisioner");
                    crate::config::check_provisioner_name(&item.provisioner, &name)?;
                    inventory.provisioners.push(Provisioner::new(&item.provisioner, &[]));
                    inventory.origins.push(FieldPaths {
                        name: name.clone(),
                        classes: "kubernetes.volumeSnapshotClasses.items".to_owned(),
                        class_fields: Vec::new(),
                        // Replaced by the entry that sets a selection; the lists set none.
                        selection: name,
                    });
                }
            }
        }
        if let Some(list) = &self.volume_snapshot_classes {
            check_kind(
                &list.kind,
                &["List", "VolumeSnapshotClassList"],
                "kubernetes.volumeSnapshotClasses.kind",
            )?;
            for (index, item) in list.items.iter().enumerate() {
                let at = format!("kubernetes.volumeSnapshotClasses.items[{index}]");
                check_kind(&item.kind, &["VolumeSnapshotClass"], &format!("{at}.kind"))?;
                let default = item
                    .metadata
                    .annotations
                    .iter()
                    .any(|(key, value)| key == DEFAULT_CLASS_ANNOTATION && value == "true");
                let class = SnapshotClass { name: item.metadata.name.clone(), default };
                match inventory.provisioners.iter().position(|p| p.name == item.driver) {
                    Some(found) => {
                        inventory.provisioners[found].volume_snapshot_classes.push(class);
                        inventory.origins[found]
                            .class_fields
                            .push((format!("{at}.metadata.name"), format!("{at}.metadata.annotations")));
                    }
                    None => inventory
                        .unmatched_snapshot_classes
                        .push((item.metadata.name.clone(), item.driver.clone())),
                }
            }
        }
        Ok(inventory)
    }
}

/// Lays the config's own `provisioners` over the cluster's: an entry naming a cluster
/// provisioner may set `portworx` and the selection; any other entry is added as it is.
/// `origins` (one per cluster provisioner) are extended to say where each field came from.
pub fn merge(
    cluster: Vec<Provisioner>,
    origins: Vec<FieldPaths>,
    own: Vec<Provisioner>,
) -> Result<(Vec<Provisioner>, Vec<FieldPaths>), ConfigError> {
    let mut merged = cluster;
    let mut origins = origins;
    let cluster_len = merged.len();
    let mut overlaid = vec![false; cluster_len];
    for (index, entry) in own.into_iter().enumerate() {
        match merged[..cluster_len].iter().position(|p| p.name == entry.name) {
            Some(at) => {
                let found = &mut merged[at];
                if std::mem::replace(&mut overlaid[at], true) {
                    return Err(ConfigError::new(
                        format!("provisioners[{index}].name"),
                        format!("provisioner \"{}\" is listed twice; list each provisioner once", entry.name),
                    ));
                }
                origins[at].selection = format!("provisioners[{index}].volumeSnapshotClass");
                if !entry.volume_snapshot_classes.is_empty() {
                    return Err(ConfigError::new(
                        format!("provisioners[{index}].volumeSnapshotClasses"),
                        format!(
                            "\"{}\" comes from the kubernetes lists, which give its volume snapshot classes; set only portworx or volumeSnapshotClass here",
                            entry.name
                        ),
                    ));
                }
                if entry.portworx.is_some() {
                    found.portworx = entry.portworx;
                }
                if entry.volume_snapshot_class != Selection::Auto {
                    found.volume_snapshot_class = entry.volume_snapshot_class;
                }
            }
            None => {
                origins.push(FieldPaths::own(index, &entry));
                merged.push(entry);
            }
        }
    }
    Ok((merged, origins))
}
