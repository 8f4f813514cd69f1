//! Built-in scenarios: realistic clusters a docs page or a trainee can start from.

use serde::Serialize;

use crate::config::{Cluster, Config, Provisioner};

/// A ready-made cluster, by id. In JSON its id and title (`scenarioList()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// The id a `scenario` attribute names.
    pub id: &'static str,
    /// What it is, in a few words.
    pub title: &'static str,
    #[serde(skip)]
    provisioners: &'static [(&'static str, &'static [(&'static str, bool)])],
    #[serde(skip)]
    namespace: &'static str,
    /// The application cluster, as Portworx Backup lists it.
    #[serde(skip)]
    cluster: &'static str,
}

/// The id used when none is given.
pub const DEFAULT_SCENARIO: &str = "mixed";

const fn scenario(
    id: &'static str,
    title: &'static str,
    (cluster, namespace): (&'static str, &'static str),
    provisioners: &'static [(&'static str, &'static [(&'static str, bool)])],
) -> Scenario {
    Scenario { id, title, provisioners, namespace, cluster }
}

/// Every built-in scenario, `mixed` first.
pub const SCENARIOS: [Scenario; 10] = [
    scenario(
        "mixed",
        "Mixed cluster: Portworx, EFS, EBS, Azure disk and GCE PD",
        ("prod-multicloud", "shop"),
        &[
            ("pxd.portworx.com", &[]),
            ("efs.csi.aws.com", &[]),
            ("ebs.csi.aws.com", &[("ebs-vsc", true)]),
            ("disk.csi.azure.com", &[("csi-azuredisk-vsc", false)]),
            (
                "pd.csi.storage.gke.io",
                &[
                    ("pd-standard-snapclass", true),
                    ("pd-balanced-snapclass", false),
                    ("pd-archive-snapclass", false),
                ],
            ),
        ],
    ),
    scenario("portworx", "Portworx Enterprise", ("px-prod-1", "billing"), &[("pxd.portworx.com", &[])]),
    scenario(
        "aws-ebs",
        "AWS EBS, one default snapshot class",
        ("eks-prod-us-east-1", "orders"),
        &[("ebs.csi.aws.com", &[("ebs-vsc", true)])],
    ),
    scenario(
        "aws-efs",
        "AWS EFS, no snapshot class",
        ("eks-media-us-west-2", "media"),
        &[("efs.csi.aws.com", &[])],
    ),
    scenario(
        "azure-disk",
        "Azure Disk, one default snapshot class",
        ("aks-prod-westeurope", "orders"),
        &[("disk.csi.azure.com", &[("csi-azuredisk-vsc", true)])],
    ),
    scenario(
        "azure-file",
        "Azure Files (SMB), one snapshot class",
        ("aks-files-northeurope", "shared-files"),
        &[("file.csi.azure.com", &[("csi-azurefile-vsc", false)])],
    ),
    scenario(
        "ibm",
        "IBM Cloud VPC Block, two snapshot classes",
        ("iks-prod-eu-de", "inventory"),
        &[(
            "vpc.block.csi.ibm.io",
            &[("ibmc-vpcblock-snapshot", true), ("ibmc-vpcblock-snapshot-retain", false)],
        )],
    ),
    scenario(
        "gcp-disk",
        "GCP Persistent Disk, one default snapshot class",
        ("gke-prod-europe-west1", "orders"),
        &[("pd.csi.storage.gke.io", &[("csi-gce-pd-snapshot-class", true)])],
    ),
    scenario(
        "gcp-file",
        "GCP Filestore, one snapshot class",
        ("gke-files-us-central1", "shared-files"),
        &[("filestore.csi.storage.gke.io", &[("csi-gcp-filestore-snapshot-class", false)])],
    ),
    scenario(
        "ocp",
        "OpenShift Data Foundation: Ceph RBD and CephFS",
        ("ocp-prod-east", "payments"),
        &[
            ("openshift-storage.rbd.csi.ceph.com", &[("ocs-storagecluster-rbdplugin-snapclass", false)]),
            (
                "openshift-storage.cephfs.csi.ceph.com",
                &[("ocs-storagecluster-cephfsplugin-snapclass", false)],
            ),
        ],
    ),
];

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

impl Scenario {
    /// The scenario's cluster as a config, with the form's defaults.
    pub fn config(&self) -> Config {
        Config {
            provisioners: self
                .provisioners
                .iter()
                .map(|(name, classes)| Provisioner::new(name, classes))
                .collect(),
            cluster: Some(Cluster { name: self.cluster.to_owned(), uid: None }),
            backup_name: format!("{}-backup", self.namespace),
            namespaces: vec![self.namespace.to_owned()],
            ..Config::default()
        }
    }
}
