//! Reading a config from JSON: the tree into the config's types, strictly, then the
//! `kubernetes` lists folded in and the result checked. Every error names its field.

use super::{
    BackupKind, BackupLocation, BackupObject, Cluster, Config, ConfigError, FieldPaths, LocationKind,
    Provisioner, SchedulePolicy, Selection, SnapshotClass, MAX_CONFIG_BYTES, ROOT_PATH,
};
use crate::json::{Error, Json, Node};
use crate::kubernetes::{KubernetesInput, ObjectList, ObjectMeta, StorageClass, VolumeSnapshotClass};
use crate::types::Mode;

impl Config {
    /// Parses, limits, normalises and validates a config given as JSON text (serde_json).
    #[cfg(feature = "text")]
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse_with(text, crate::json::parse)
    }

    /// `parse`, with the JSON parser the platform has (the browser's `JSON.parse` in the
    /// widget): it turns the text into a tree, or says why it cannot.
    pub fn parse_with(
        text: &str,
        parse_json: impl FnOnce(&str) -> Result<Json, String>,
    ) -> Result<Config, ConfigError> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(ConfigError::new(
                ROOT_PATH,
                format!(
                    "the config is {} bytes of JSON; at most {} bytes (256 KiB) are accepted",
                    text.len(),
                    MAX_CONFIG_BYTES
                ),
            ));
        }
        let tree = parse_json(text).map_err(|message| ConfigError::new(ROOT_PATH, message))?;
        Config::from_json(&tree)
    }

    /// Reads, normalises and validates a config from a parsed JSON tree.
    pub fn from_json(tree: &Json) -> Result<Config, ConfigError> {
        let (config, kubernetes) =
            config(&Node::root(tree)).map_err(|error| ConfigError::new(error.path, error.message))?;
        config.normalized(kubernetes)
    }

    /// Folds the `kubernetes` lists into `provisioners`, then validates the result. Errors
    /// name the field as the host wrote it: in `kubernetes` or in its own `provisioners`.
    fn normalized(mut self, kubernetes: Option<KubernetesInput>) -> Result<Config, ConfigError> {
        let origins = match kubernetes {
            Some(kubernetes) => {
                let inventory = kubernetes.inventory()?;
                let (provisioners, origins) = crate::kubernetes::merge(
                    inventory.provisioners,
                    inventory.origins,
                    std::mem::take(&mut self.provisioners),
                )?;
                self.provisioners = provisioners;
                self.unmatched_snapshot_classes = inventory.unmatched_snapshot_classes;
                origins
            }
            None => FieldPaths::own_all(&self.provisioners),
        };
        self.validate_at(&origins)?;
        Ok(self)
    }
}

/// The keys of a config, in the order the SPEC lists them.
const CONFIG_KEYS: &[&str] = &[
    "provisioners",
    "kubernetes",
    "offload",
    "crossCloud",
    "mode",
    "cluster",
    "orgId",
    "backupName",
    "backupLocations",
    "backupLocation",
    "namespaces",
    "backupKind",
    "backupObject",
    "schedulePolicies",
    "schedulePolicy",
];

/// The config's own fields, and its `kubernetes` lists still to fold in; an absent key keeps
/// its default, and only an optional one may be `null`.
fn config(node: &Node) -> Result<(Config, Option<KubernetesInput>), Error> {
    let object = node.object(CONFIG_KEYS)?;
    let mut config = Config::default();
    if let Some(node) = object.get("provisioners")? {
        config.provisioners = node.list(provisioner)?;
    }
    let kubernetes = object.optional("kubernetes")?.map(|node| kubernetes(&node)).transpose()?;
    if let Some(node) = object.get("offload")? {
        config.offload = node.bool()?;
    }
    if let Some(node) = object.get("crossCloud")? {
        config.cross_cloud = node.bool()?;
    }
    if let Some(node) = object.get("mode")? {
        config.mode = [Mode::Classic, Mode::Federated][node.choice(&["classic", "federated"])?];
    }
    config.cluster = object.optional("cluster")?.map(|node| cluster(&node)).transpose()?;
    if let Some(node) = object.get("orgId")? {
        config.org_id = node.string()?;
    }
    if let Some(node) = object.get("backupName")? {
        config.backup_name = node.string()?;
    }
    if let Some(node) = object.get("backupLocations")? {
        config.backup_locations = node.list(location)?;
    }
    config.backup_location = object.optional("backupLocation")?.map(|node| node.string()).transpose()?;
    if let Some(node) = object.get("namespaces")? {
        config.namespaces = node.list(|node| node.string())?;
    }
    if let Some(node) = object.get("backupKind")? {
        config.backup_kind =
            [BackupKind::Manual, BackupKind::Scheduled][node.choice(&["manual", "scheduled"])?];
    }
    if let Some(node) = object.get("backupObject")? {
        config.backup_object =
            [BackupObject::Namespace, BackupObject::Vm][node.choice(&["namespace", "vm"])?];
    }
    if let Some(node) = object.get("schedulePolicies")? {
        config.schedule_policies = node.list(schedule_policy)?;
    }
    config.schedule_policy = object.optional("schedulePolicy")?.map(|node| node.string()).transpose()?;
    Ok((config, kubernetes))
}

fn provisioner(node: &Node) -> Result<Provisioner, Error> {
    let object = node.object(&["name", "portworx", "volumeSnapshotClasses", "volumeSnapshotClass"])?;
    let mut provisioner = Provisioner::new(&object.required("name")?.string()?, &[]);
    provisioner.portworx = object.optional("portworx")?.map(|node| node.bool()).transpose()?;
    if let Some(node) = object.get("volumeSnapshotClasses")? {
        provisioner.volume_snapshot_classes = node.list(snapshot_class)?;
    }
    if let Some(node) = object.get("volumeSnapshotClass")? {
        // A JSON null here is "No snapshot class" chosen; an absent key leaves the preselection.
        provisioner.volume_snapshot_class = match node.json() {
            Json::Null => Selection::NoClass,
            _ => Selection::Named(node.string()?),
        };
    }
    Ok(provisioner)
}

fn snapshot_class(node: &Node) -> Result<SnapshotClass, Error> {
    let object = node.object(&["name", "default"])?;
    let name = object.required("name")?.string()?;
    let default = object.get("default")?.map(|node| node.bool()).transpose()?.unwrap_or(false);
    Ok(SnapshotClass { name, default })
}

fn cluster(node: &Node) -> Result<Cluster, Error> {
    let object = node.object(&["name", "uid"])?;
    Ok(Cluster {
        name: object.required("name")?.string()?,
        uid: object.optional("uid")?.map(|node| node.string()).transpose()?,
    })
}

fn location(node: &Node) -> Result<BackupLocation, Error> {
    let object = node.object(&["name", "type", "uid"])?;
    let name = object.required("name")?.string()?;
    let kinds = [LocationKind::S3, LocationKind::Azure, LocationKind::Google, LocationKind::Nfs];
    let kind = kinds[object.required("type")?.choice(&["s3", "azure", "google", "nfs"])?];
    let uid = object.optional("uid")?.map(|node| node.string()).transpose()?;
    Ok(BackupLocation { name, kind, uid })
}

/// A policy's name, or an object `{ name, uid? }`.
fn schedule_policy(node: &Node) -> Result<SchedulePolicy, Error> {
    match node.json() {
        Json::String(name) => Ok(SchedulePolicy::new(name.clone(), None)),
        Json::Object(_) => {
            let object = node.object(&["name", "uid"])?;
            let name = object.required("name")?.string()?;
            let uid = object.optional("uid")?.map(|node| node.string()).transpose()?;
            Ok(SchedulePolicy { object: true, ..SchedulePolicy::new(name, uid) })
        }
        _ => Err(node.invalid("a schedule policy name, or an object { name, uid }")),
    }
}

fn kubernetes(node: &Node) -> Result<KubernetesInput, Error> {
    let object = node.object(&["storageClasses", "volumeSnapshotClasses"])?;
    Ok(KubernetesInput {
        storage_classes: object
            .optional("storageClasses")?
            .map(|node| list(&node, storage_class))
            .transpose()?,
        volume_snapshot_classes: object
            .optional("volumeSnapshotClasses")?
            .map(|node| list(&node, volume_snapshot_class))
            .transpose()?,
    })
}

/// A Kubernetes list; its other fields (`apiVersion`, `metadata`) are ignored, as are the
/// fields of its items this widget does not use.
fn list<T>(node: &Node, item: fn(&Node) -> Result<T, Error>) -> Result<ObjectList<T>, Error> {
    let object = node.lenient_object()?;
    Ok(ObjectList { kind: kind(&object.optional("kind")?)?, items: object.required("items")?.list(item)? })
}

fn kind(node: &Option<Node>) -> Result<Option<String>, Error> {
    node.as_ref().map(|node| node.string()).transpose()
}

fn storage_class(node: &Node) -> Result<StorageClass, Error> {
    let object = node.lenient_object()?;
    Ok(StorageClass {
        kind: kind(&object.optional("kind")?)?,
        metadata: metadata(&object.required("metadata")?)?,
        provisioner: object.required("provisioner")?.string()?,
    })
}

fn volume_snapshot_class(node: &Node) -> Result<VolumeSnapshotClass, Error> {
    let object = node.lenient_object()?;
    Ok(VolumeSnapshotClass {
        kind: kind(&object.optional("kind")?)?,
        metadata: metadata(&object.required("metadata")?)?,
        driver: object.required("driver")?.string()?,
    })
}

fn metadata(node: &Node) -> Result<ObjectMeta, Error> {
    let object = node.lenient_object()?;
    Ok(ObjectMeta {
        name: object.required("name")?.string()?,
        annotations: object
            .get("annotations")?
            .map(|node| node.string_map())
            .transpose()?
            .unwrap_or_default(),
    })
}
