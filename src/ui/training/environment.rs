//! Table 3 as an environment picker: a cloud provider and a storage type, the backup
//! mechanisms the table lists for it, a matching provisioner for the form, and for Azure file
//! shares the CSI driver version check.

use backup_matrix::environment::{mechanisms, provisioner_for};
use backup_matrix::tables::{KdmpMatrixRow, KDMP_MATRIX};
use backup_matrix::version::{azure_file_snapshot_restore_supported, parse_version, Version};
use backup_matrix::BackupType;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::state::FormState;
use crate::ui::markup::{
    bind_class, bind_error, bind_hidden, bind_select, bind_text, fill_ids, find, markup, part_of,
    push_option, OnEvent,
};

/// The Table 3 row with this id; the first row for an unknown id.
fn row(id: &str) -> &'static KdmpMatrixRow {
    KDMP_MATRIX.iter().find(|row| row.id == id).unwrap_or(&KDMP_MATRIX[0])
}

/// The Table 3 row id for "Azure, File share".
const AZURE_FILE: &str = "azure-file";

const ENVIRONMENT: &str = concat!(
    r#"<div class="cbw-field"><label for="@env-cloud">Cloud provider</label><select id="@env-cloud"></select></div>"#,
    r#"<div class="cbw-field" id="@env-storage-field"></div>"#,
    r#"<p class="cbw-mechanisms"><strong>Table 3 lists: </strong><span id="@env-offered"></span>.</p>"#,
    r#"<p class="cbw-notice cbw-notice-caution" id="@env-no-csi" hidden><strong>No CSI snapshot path: </strong>this storage is backed up by KDMP only (a direct KDMP backup): turn on offload with no snapshot class, or Cross Cloud Backup/Restore.</p>"#,
    r#"<div class="cbw-field"><button type="button" class="cbw-button cbw-button-small" id="@env-apply" aria-describedby="@env-apply-hint">Use this storage in the form</button><p class="cbw-hint" id="@env-apply-hint"></p></div>"#,
    r#"<p class="cbw-answer" aria-live="polite" id="@env-answer"></p>"#,
    r#"<div id="@env-azure" hidden>"#,
    r#"<div class="cbw-field"><label for="@env-azure-version">Azure file CSI driver version</label><input id="@env-azure-version" type="text" autocomplete="off" spellcheck="false" aria-describedby="@env-azure-version-hint @env-azure-version-error"><p class="cbw-hint" id="@env-azure-version-hint">As the cluster reports it, such as v1.30.2.</p><p class="cbw-error" id="@env-azure-version-error"></p></div>"#,
    r#"<div class="cbw-notice" id="@env-azure-note" hidden aria-live="polite"><p><strong id="@env-azure-level"></strong><span id="@env-azure-text"></span></p>"#,
    r#"<button type="button" class="cbw-button cbw-button-small" id="@env-cross-cloud" hidden>Turn on Cross Cloud Backup/Restore</button></div>"#,
    "</div>"
);

const STORAGE: &str = r#"<label for="@env-storage">Storage type</label><select id="@env-storage"></select>"#;

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
    // The Azure file CSI driver version as typed.
    let version_text = RwSignal::new(String::new());
    let on_event: OnEvent = Rc::new(move |target, event| {
        let value = || target.unchecked_ref::<HtmlInputElement>().value();
        match (event.type_().as_str(), part_of(&state, target).as_deref()) {
            ("change", Some("env-cloud")) => {
                let cloud = value();
                if let Some(first) = KDMP_MATRIX.iter().find(|r| r.cloud == cloud) {
                    chosen.set(first.id.to_owned());
                }
            }
            ("change", Some("env-storage")) => chosen.set(value()),
            ("input", Some("env-azure-version")) => version_text.set(value()),
            ("click", Some("env-apply")) => {
                if let Some(p) = provisioner_for(row(&chosen.get_untracked()).id) {
                    set_up.set(Some(p.name.clone()));
                    state.edit(|c| c.provisioners = vec![p]);
                }
            }
            ("click", Some("env-cross-cloud")) => state.edit(|c| c.cross_cloud = true),
            _ => {}
        }
    });
    let bind = move |root: Element| {
        let mut clouds: Vec<&'static str> = KDMP_MATRIX.iter().map(|r| r.cloud).collect();
        clouds.dedup();
        let cloud_select: web_sys::HtmlSelectElement = find(&state, &root, "env-cloud").unchecked_into();
        let mut options = String::new();
        for cloud in clouds {
            push_option(&mut options, cloud, cloud);
        }
        cloud_select.set_inner_html(&options);
        bind_text_value(cloud_select, move || row(&chosen.read()).cloud.to_owned());
        bind_select(find(&state, &root, "env-storage-field").into(), fill_ids(&state, STORAGE), move || {
            let chosen = row(&chosen.read());
            let mut options = String::new();
            for r in KDMP_MATRIX.iter().filter(|r| r.cloud == chosen.cloud) {
                push_option(&mut options, r.id, r.storage);
            }
            Some((options, chosen.id.to_owned()))
        });
        bind_text(find(&state, &root, "env-offered").into(), move || {
            let names: Vec<&str> =
                mechanisms(row(&chosen.read()).id).into_iter().map(BackupType::name).collect();
            names.join("; ")
        });
        bind_hidden(find(&state, &root, "env-no-csi"), move || {
            mechanisms(row(&chosen.read()).id).iter().any(|m| m.uses_csi_snapshot())
        });
        bind_text(find(&state, &root, "env-apply-hint").into(), move || {
            provisioner_for(row(&chosen.read()).id)
                .map(|p| match p.volume_snapshot_classes.first() {
                    Some(class) => format!(
                        "Replaces the form's provisioners with {} and its default snapshot class \"{}\".",
                        p.name, class.name
                    ),
                    None => format!(
                        "Replaces the form's provisioners with {}, which has no snapshot class.",
                        p.name
                    ),
                })
                .unwrap_or_default()
        });
        bind_text(find(&state, &root, "env-answer").into(), move || {
            let Some(name) = set_up.get() else { return String::new() };
            state.decision.with(|d| {
                d.provisioners
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| format!("The form now lists {name}: {}. See the preview.", p.backup_type.name()))
                    .unwrap_or_default()
            })
        });
        bind_hidden(find(&state, &root, "env-azure"), move || *chosen.read() != AZURE_FILE);
        bind_azure_file_version(state, &root, version_text);
    };
    markup(state, "cbw-part", ENVIRONMENT, bind, Some(on_event))
}

/// Keeps a select's value in step with `read` (its options are fixed).
fn bind_text_value(select: web_sys::HtmlSelectElement, read: impl Fn() -> String + 'static) {
    crate::ui::markup::watch(read, move |value| select.set_value(value));
}

/// "Azure file CSI driver version": whether CSI snapshots of SMB volumes restore with it.
fn bind_azure_file_version(state: FormState, root: &Element, text: RwSignal<String>) {
    let minimum = Version::azure_file_min_snapshot_restore().to_string();
    // The version typed, when it is one; an empty field is no version and no error.
    let version = move || text.with(|t| parse_version(t).ok());
    let error = move || text.with(|t| (!t.trim().is_empty()).then(|| parse_version(t).err()).flatten());
    let supported = move || version().map(|v| azure_file_snapshot_restore_supported(&v));
    bind_error(&state, root, "env-azure-version", error);
    let note = find(&state, root, "env-azure-note");
    bind_hidden(note.clone(), move || supported().is_none());
    bind_class(note.into(), "cbw-notice-caution", move || supported() == Some(false));
    bind_text(find(&state, root, "env-azure-level").into(), move || {
        if supported() == Some(false) { "Caution: " } else { "Note: " }.to_owned()
    });
    bind_text(find(&state, root, "env-azure-text").into(), move || {
        version()
            .map(|v| {
                if azure_file_snapshot_restore_supported(&v) {
                    format!("driver {v} restores CSI snapshots of SMB Azure file volumes ({minimum} or later is needed).")
                } else {
                    format!(
                        "driver {v} is older than {minimum}: CSI snapshots of SMB Azure file volumes do not restore with it. Create a cross-cloud backup instead, or upgrade the driver."
                    )
                }
            })
            .unwrap_or_default()
    });
    bind_hidden(find(&state, root, "env-cross-cloud"), move || supported() != Some(false));
}
