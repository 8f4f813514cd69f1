//! Table 3 as an environment picker: a cloud provider and a storage type, the backup
//! mechanisms the table lists for it, a matching provisioner for the form, and for Azure file
//! shares the CSI driver version check.

use backup_matrix::environment::{mechanisms, provisioner_for};
use backup_matrix::tables::{KdmpMatrixRow, KDMP_MATRIX};
use backup_matrix::version::{azure_file_snapshot_restore_supported, parse_version, Version};
use backup_matrix::BackupType;
use leptos::prelude::*;

use super::TextField;
use crate::state::FormState;

/// The Table 3 row with this id; the first row for an unknown id.
fn row(id: &str) -> &'static KdmpMatrixRow {
    KDMP_MATRIX.iter().find(|row| row.id == id).unwrap_or(&KDMP_MATRIX[0])
}

/// The Table 3 row id for "Azure, File share".
const AZURE_FILE: &str = "azure-file";

/// Cloud provider, storage type, the mechanisms Table 3 offers, a button that sets the form
/// up with a matching provisioner, and the Azure file driver version check.
#[component]
pub fn Environment(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    // The chosen Table 3 row, by id.
    let chosen = RwSignal::new(KDMP_MATRIX[0].id.to_owned());
    // The provisioner the button put in the form last.
    let set_up = RwSignal::new(None::<String>);
    let cloud_id = state.id("env-cloud");
    let storage_id = state.id("env-storage");
    let hint_id = state.id("env-apply-hint");
    let mut clouds: Vec<&'static str> = KDMP_MATRIX.iter().map(|r| r.cloud).collect();
    clouds.dedup();
    let offered = Signal::derive(move || {
        let names: Vec<&str> = mechanisms(row(&chosen.read()).id).into_iter().map(BackupType::name).collect();
        names.join("; ")
    });
    let has_csi =
        Signal::derive(move || mechanisms(row(&chosen.read()).id).iter().any(|m| m.uses_csi_snapshot()));
    let about = Signal::derive(move || {
        provisioner_for(row(&chosen.read()).id).map(|p| match p.volume_snapshot_classes.first() {
            Some(class) => format!(
                "Replaces the form's provisioners with {} and its default snapshot class \"{}\".",
                p.name, class.name
            ),
            None => format!("Replaces the form's provisioners with {}, which has no snapshot class.", p.name),
        })
    });
    let apply = move |_| {
        if let Some(p) = provisioner_for(row(&chosen.get_untracked()).id) {
            set_up.set(Some(p.name.clone()));
            state.edit(|c| c.provisioners = vec![p]);
        }
    };
    let result = Signal::derive(move || {
        let name = set_up.get()?;
        state.decision.with(|d| {
            d.provisioners
                .iter()
                .find(|p| p.name == name)
                .map(|p| format!("The form now lists {name}: {}. See the preview.", p.backup_type.name()))
        })
    });
    view! {
        <div class="cbw-field">
            <label for=cloud_id.clone()>"Cloud provider"</label>
            <select
                id=cloud_id
                on:change=move |ev| {
                    let cloud = event_target_value(&ev);
                    if let Some(first) = KDMP_MATRIX.iter().find(|r| r.cloud == cloud) {
                        chosen.set(first.id.to_owned());
                    }
                }
            >
                {clouds
                    .into_iter()
                    .map(|cloud| {
                        view! {
                            <option value=cloud prop:selected=Signal::derive(move || row(&chosen.read()).cloud == cloud)>
                                {cloud}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="cbw-field">
            <label for=storage_id.clone()>"Storage type"</label>
            <select id=storage_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || {
                    let chosen = row(&chosen.read());
                    KDMP_MATRIX
                        .iter()
                        .filter(|r| r.cloud == chosen.cloud)
                        .map(|r| view! { <option value=r.id prop:selected=r.id == chosen.id>{r.storage}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <p class="cbw-mechanisms">
            <strong>"Table 3 lists: "</strong>
            {offered}
            "."
        </p>
        <p class="cbw-notice cbw-notice-caution" hidden=Signal::derive(move || has_csi.get())>
            <strong>"No CSI snapshot path: "</strong>
            "this storage is backed up by KDMP only (a direct KDMP backup): turn on offload with no snapshot class, or Cross Cloud Backup/Restore."
        </p>
        <div class="cbw-field">
            <button type="button" class="cbw-button cbw-button-small" aria-describedby=hint_id.clone() on:click=apply>
                "Use this storage in the form"
            </button>
            <p class="cbw-hint" id=hint_id>{about}</p>
        </div>
        <p class="cbw-answer" aria-live="polite">{result}</p>
        <div hidden=Signal::derive(move || *chosen.read() != AZURE_FILE)>
            <AzureFileVersion state />
        </div>
    }
}

/// "Azure file CSI driver version": whether CSI snapshots of SMB volumes restore with it.
#[component]
fn AzureFileVersion(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let minimum = Version::azure_file_min_snapshot_restore().to_string();
    // The version typed, when it is one; an empty field is no version and no error.
    let version = move || text.with(|t| parse_version(t).ok());
    let error = Signal::derive(move || {
        text.with(|t| (!t.trim().is_empty()).then(|| parse_version(t).err()).flatten())
    });
    let supported = move || version().map(|v| azure_file_snapshot_restore_supported(&v));
    let note = Signal::derive(move || {
        version().map(|v| {
            if azure_file_snapshot_restore_supported(&v) {
                format!("driver {v} restores CSI snapshots of SMB Azure file volumes ({minimum} or later is needed).")
            } else {
                format!(
                    "driver {v} is older than {minimum}: CSI snapshots of SMB Azure file volumes do not restore with it. Create a cross-cloud backup instead, or upgrade the driver."
                )
            }
        })
    });
    view! {
        <TextField
            state
            part="env-azure-version".to_owned()
            label="Azure file CSI driver version".to_owned()
            hint="As the cluster reports it, such as v1.30.2."
            text
            error
        />
        <div
            class="cbw-notice"
            class:cbw-notice-caution=Signal::derive(move || supported() == Some(false))
            hidden=Signal::derive(move || supported().is_none())
            aria-live="polite"
        >
            <p>
                <strong>{Signal::derive(move || if supported() == Some(false) { "Caution: " } else { "Note: " }.to_owned())}</strong>
                {note}
            </p>
            <button
                type="button"
                class="cbw-button cbw-button-small"
                hidden=Signal::derive(move || supported() != Some(false))
                on:click=move |_| state.edit(|c| c.cross_cloud = true)
            >
                "Turn on Cross Cloud Backup/Restore"
            </button>
        </div>
    }
}
