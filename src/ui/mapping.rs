//! Snapshot Class Mapping: one row per CSI provisioner, each with its own VSC select.

use backup_matrix::{Provisioner, Selection};
use leptos::prelude::*;

use crate::state::FormState;

/// The value of the "no snapshot class" option; a VSC name can never be empty.
const NO_CLASS: &str = "";

/// One row per provisioner of the cluster.
#[component]
pub fn SnapshotClassMapping(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let names =
        move || state.config.with(|c| c.provisioners.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    view! {
        <fieldset class="cbw-group cbw-mapping">
            <legend>"Snapshot Class Mapping"</legend>
            <For each=names key=|name| name.clone() let:name>
                <ProvisionerRow state name />
            </For>
        </fieldset>
    }
}

/// What the select says beside it, for a provisioner as it stands.
fn explanation(provisioner: &Provisioner, cross_cloud: bool) -> String {
    let classes = &provisioner.volume_snapshot_classes;
    let base = if provisioner.is_portworx() {
        "Portworx volumes are backed up as Portworx cloud snapshots, so this is always disabled.".to_owned()
    } else {
        match classes.as_slice() {
            [] => "This provisioner has no volume snapshot class.".to_owned(),
            [only] if only.default => "Auto-populated with the only class, the default.".to_owned(),
            [_] => "Auto-populated with the only class (not marked default).".to_owned(),
            _ => match provisioner.default_class() {
                Some(default) => format!("{} classes; \"{}\" is the default.", classes.len(), default.name),
                None => format!("{} classes, none marked default: choose one.", classes.len()),
            },
        }
    };
    if cross_cloud {
        format!("{base} Not used now: Cross Cloud Backup/Restore backs every volume up with KDMP.")
    } else {
        base
    }
}

/// One provisioner: its name, its "Volume snapshot class" select, and why the select is so.
#[component]
fn ProvisionerRow(
    /// The widget's state.
    state: FormState,
    /// The provisioner's name (the row's key).
    name: String,
) -> impl IntoView {
    // Ids stay unique when rows are removed and added (the inventory editor does both).
    let row = state.next_row_id();
    let key = name.clone();
    let provisioner =
        Memo::new(move |_| state.config.with(|c| c.provisioners.iter().find(|p| p.name == key).cloned()));
    let id = state.id(&format!("vsc-{row}"));
    let why_id = state.id(&format!("vsc-{row}-why"));
    let cross_cloud = move || state.config.with(|c| c.cross_cloud);
    let disabled = move || {
        provisioner
            .with(|p| p.as_ref().is_none_or(|p| p.is_portworx() || p.volume_snapshot_classes.is_empty()))
    };
    let options = move || {
        let Some(p) = provisioner.get() else { return Vec::new() };
        if p.is_portworx() {
            return vec![(NO_CLASS.to_owned(), "Not used for Portworx".to_owned(), true)];
        }
        let chosen = p.selected_class().map(|c| c.name.clone());
        let mut options = Vec::new();
        if p.offers_no_class() {
            options.push((NO_CLASS.to_owned(), "No snapshot class".to_owned(), chosen.is_none()));
        }
        options.extend(p.volume_snapshot_classes.iter().map(|class| {
            let label = if class.default { format!("{} (default)", class.name) } else { class.name.clone() };
            (class.name.clone(), label, chosen.as_deref() == Some(class.name.as_str()))
        }));
        options
    };
    let set_name = name.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let selection = if value == NO_CLASS { Selection::NoClass } else { Selection::Named(value) };
        state.edit(|c| {
            if let Some(p) = c.provisioners.iter_mut().find(|p| p.name == set_name) {
                p.volume_snapshot_class = selection;
            }
        });
    };
    view! {
        <div class="cbw-mapping-row" class:cbw-inactive=cross_cloud>
            <label for=id.clone()>"Volume snapshot class for " <code>{name}</code></label>
            <select id=id aria-describedby=why_id.clone() disabled=disabled on:change=on_change>
                {move || {
                    options()
                        .into_iter()
                        .map(|(value, label, selected)| {
                            view! { <option value=value prop:selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <p class="cbw-hint" id=why_id>
                {move || provisioner.with(|p| p.as_ref().map(|p| explanation(p, cross_cloud())))}
            </p>
        </div>
    }
}
