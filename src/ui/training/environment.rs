//! Table 3 as an environment picker: a cloud provider and a storage type, the backup
//! mechanisms the table lists for it, a matching provisioner for the form, and for Azure file
//! shares the CSI driver version check.

use backup_matrix::environment::{mechanisms, provisioner_for};
use backup_matrix::tables::{KdmpMatrixRow, KDMP_MATRIX};
use backup_matrix::version::{azure_file_snapshot_restore_supported, parse_version, Version};
use leptos::prelude::*;

use crate::state::FormState;
use crate::ui::fields::{Choice, SelectField, TextField};

/// A chosen row of Table 3.
type Row = &'static KdmpMatrixRow;

/// The Table 3 row id for "Azure, File share".
const AZURE_FILE: &str = "azure-file";

/// Cloud provider, storage type, the mechanisms Table 3 offers, a button that sets the form
/// up with a matching provisioner, and the Azure file driver version check.
#[component]
pub fn Environment(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let chosen = RwSignal::new(&KDMP_MATRIX[0]);
    view! {
        <StoragePicker chosen />
        <Mechanisms chosen />
        <UseStorage state chosen />
        // Stays in the page, hidden, for every other storage type.
        <div hidden=move || chosen.get().id != AZURE_FILE>
            <AzureFileVersion state />
        </div>
    }
}

/// The cloud provider and, for it, the storage types: together they choose a row of Table 3.
#[component]
fn StoragePicker(
    /// The chosen row; either select changes it.
    chosen: RwSignal<Row>,
) -> impl IntoView {
    let mut clouds: Vec<&'static str> = KDMP_MATRIX.iter().map(|r| r.cloud).collect();
    clouds.dedup();
    let clouds: Vec<Choice> = clouds.into_iter().map(|cloud| Choice::new(cloud, cloud)).collect();
    let storages = Signal::derive(move || {
        let cloud = chosen.get().cloud;
        KDMP_MATRIX
            .iter()
            .filter(|r| r.cloud == cloud)
            .map(|r| Choice::new(r.id, r.storage))
            .collect::<Vec<_>>()
    });
    // A new cloud starts with its first storage type.
    let choose_cloud = Callback::new(move |cloud: String| {
        if let Some(first) = KDMP_MATRIX.iter().find(|r| r.cloud == cloud) {
            chosen.set(first);
        }
    });
    let choose_storage = Callback::new(move |id: String| {
        if let Some(row) = KDMP_MATRIX.iter().find(|r| r.id == id) {
            chosen.set(row);
        }
    });
    view! {
        <div class="cbw-field">
            <SelectField
                id="env-cloud"
                label="Cloud provider".into_any()
                choices=clouds
                value=Signal::derive(move || chosen.get().cloud.to_owned())
                on_change=choose_cloud
            />
        </div>
        <div class="cbw-field">
            <SelectField
                id="env-storage"
                label="Storage type".into_any()
                choices=storages
                value=Signal::derive(move || chosen.get().id.to_owned())
                on_change=choose_storage
            />
        </div>
    }
}

/// The mechanisms Table 3 lists for the chosen storage, and a caution when none of them is a
/// CSI snapshot.
#[component]
fn Mechanisms(
    /// The chosen row of Table 3.
    #[prop(into)]
    chosen: Signal<Row>,
) -> impl IntoView {
    let offered = Memo::new(move |_| mechanisms(chosen.get().id));
    let names = move || offered.with(|m| m.iter().map(|m| m.name()).collect::<Vec<_>>().join("; "));
    let has_csi_path = move || offered.with(|m| m.iter().any(|m| m.uses_csi_snapshot()));
    view! {
        <p class="cbw-mechanisms">
            <strong>"Table 3 lists: "</strong>
            {names}
            "."
        </p>
        <p class="cbw-notice cbw-notice-caution" hidden=has_csi_path>
            <strong>"No CSI snapshot path: "</strong>
            "this storage is backed up by KDMP only (a direct KDMP backup): turn on offload with no snapshot class, or Cross Cloud Backup/Restore."
        </p>
    }
}

/// "Use this storage in the form": puts the storage's provisioner in the form, then says what
/// the preview makes of it.
#[component]
fn UseStorage(
    /// The widget's state.
    state: FormState,
    /// The chosen row of Table 3.
    #[prop(into)]
    chosen: Signal<Row>,
) -> impl IntoView {
    // The provisioner the button put in the form last.
    let set_up = RwSignal::new(None::<String>);
    let provisioner = Memo::new(move |_| provisioner_for(chosen.get().id));
    let hint = move || {
        provisioner.with(|p| {
            p.as_ref().map(|p| match p.volume_snapshot_classes.first() {
                Some(class) => format!(
                    "Replaces the form's provisioners with {} and its default snapshot class \"{}\".",
                    p.name, class.name
                ),
                None => {
                    format!("Replaces the form's provisioners with {}, which has no snapshot class.", p.name)
                }
            })
        })
    };
    let apply = move |_| {
        if let Some(p) = provisioner.get_untracked() {
            set_up.set(Some(p.name.clone()));
            state.edit(|c| c.provisioners = vec![p]);
        }
    };
    let answer = move || {
        let name = set_up.get()?;
        state.decision.with(|d| {
            d.provisioners
                .iter()
                .find(|p| p.name == name)
                .map(|p| format!("The form now lists {name}: {}. See the preview.", p.backup_type.name()))
        })
    };
    view! {
        <div class="cbw-field">
            <button
                type="button"
                class="cbw-button cbw-button-small"
                aria-describedby="env-apply-hint"
                on:click=apply
            >
                "Use this storage in the form"
            </button>
            <p class="cbw-hint" id="env-apply-hint">{hint}</p>
        </div>
        <p class="cbw-answer" aria-live="polite">{answer}</p>
    }
}

/// "Azure file CSI driver version": whether CSI snapshots of SMB volumes restore with the
/// driver typed, and, when they do not, the cross-cloud backup to make instead.
#[component]
fn AzureFileVersion(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    // The version typed, when it is one; an empty field is no version and no error.
    let version = Memo::new(move |_| text.with(|t| parse_version(t).ok()));
    let error = Signal::derive(move || {
        text.with(|t| (!t.trim().is_empty()).then(|| parse_version(t).err()).flatten())
    });
    let supported =
        Memo::new(move |_| version.with(|v| v.as_ref().map(azure_file_snapshot_restore_supported)));
    let caution = move || supported.get() == Some(false);
    view! {
        <TextField
            id="env-azure-version"
            label="Azure file CSI driver version"
            hint="As the cluster reports it, such as v1.30.2.".to_owned()
            value=text
            error
            on_input=Callback::new(move |typed| text.set(typed))
        />
        <div
            class="cbw-notice"
            class:cbw-notice-caution=caution
            hidden=move || supported.get().is_none()
            aria-live="polite"
        >
            <p>
                <strong>{move || if caution() { "Caution: " } else { "Note: " }}</strong>
                {move || version.get().map(|v| driver_note(&v))}
            </p>
            <button
                type="button"
                class="cbw-button cbw-button-small"
                hidden=move || !caution()
                on:click=move |_| state.edit(|c| c.cross_cloud = true)
            >
                "Turn on Cross Cloud Backup/Restore"
            </button>
        </div>
    }
}

/// What a driver version means for CSI snapshots of SMB Azure file volumes.
fn driver_note(version: &Version) -> String {
    let minimum = Version::azure_file_min_snapshot_restore();
    if azure_file_snapshot_restore_supported(version) {
        format!("driver {version} restores CSI snapshots of SMB Azure file volumes ({minimum} or later is needed).")
    } else {
        format!(
            "driver {version} is older than {minimum}: CSI snapshots of SMB Azure file volumes do not restore with it. Create a cross-cloud backup instead, or upgrade the driver."
        )
    }
}
