//! Snapshot Class Mapping: one row per CSI provisioner, each with its own VSC select.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

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
    // Each row reads its own provisioner's signal, set only when that provisioner changed, so a
    // change re-runs the rows it touches rather than all of them.
    let slots = Mutex::new(Vec::new());
    let seen_cross_cloud = AtomicBool::new(false);
    let rows = move || {
        state.config.with(|c| {
            let rows = sync(&slots, &c.provisioners);
            // Rows read Cross Cloud untracked (it would re-run them all on every change); when it
            // flips, their signals re-run them.
            if seen_cross_cloud.swap(c.cross_cloud, Ordering::Relaxed) != c.cross_cloud {
                rows.iter().for_each(|(_, row)| row.notify());
            }
            rows
        })
    };
    let cross_cloud = move || state.config.with(|c| c.cross_cloud);
    view! {
        // One class for all the selects (`.cbw-inactive select`), rather than one effect per row.
        <fieldset class="cbw-group cbw-mapping" class:cbw-inactive=cross_cloud>
            <legend>"Snapshot Class Mapping"</legend>
            <For each=rows key=|(name, _)| name.clone() let:((name, provisioner))>
                <ProvisionerRow state name provisioner />
            </For>
        </fieldset>
    }
}

/// Each row's name and signal, in the config's order, kept from one change to the next. A plain
/// lock rather than a `StoredValue`, which would cost more code in the wasm.
type Slots = Mutex<Vec<(String, ArcRwSignal<Provisioner>)>>;

/// Brings `slots` up to `provisioners` and returns them for `<For>`: a provisioner that changed
/// has its signal set, a new one gets a new signal, and the signal of one that is gone is
/// dropped (its row, which `<For>` removes, holds the last clone).
fn sync(slots: &Slots, provisioners: &[Provisioner]) -> Vec<(String, ArcRwSignal<Provisioner>)> {
    let mut slots = slots.lock().unwrap_or_else(PoisonError::into_inner);
    let next: Vec<_> = provisioners
        .iter()
        .enumerate()
        .map(|(index, p)| {
            // Usually at the same place as last time; searched for when the list was reordered.
            let known = slots
                .get(index)
                .filter(|(name, _)| *name == p.name)
                .or_else(|| slots.iter().find(|(name, _)| *name == p.name));
            let signal = match known {
                Some((_, signal)) => {
                    signal.maybe_update(|current| {
                        let changed = current != p;
                        if changed {
                            p.clone_into(current);
                        }
                        changed
                    });
                    signal.clone()
                }
                None => ArcRwSignal::new(p.clone()),
            };
            (p.name.clone(), signal)
        })
        .collect();
    *slots = next.clone();
    next
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
    /// The provisioner as it stands, set only when it changes (or Cross Cloud flips).
    provisioner: ArcRwSignal<Provisioner>,
) -> impl IntoView {
    // Ids stay unique when rows are removed and added (the inventory editor does both).
    let row = state.next_row_id();
    let id = state.id(&format!("vsc-{row}"));
    let why_id = state.id(&format!("vsc-{row}-why"));
    let for_disabled = provisioner.clone();
    let disabled = move || for_disabled.with(|p| p.is_portworx() || p.volume_snapshot_classes.is_empty());
    let for_options = provisioner.clone();
    let options = move || {
        for_options.with(|p| {
            if p.is_portworx() {
                return vec![(NO_CLASS.to_owned(), "Not used for Portworx".to_owned(), true)];
            }
            let chosen = p.selected_class().map(|c| c.name.as_str());
            let mut options = Vec::new();
            if p.offers_no_class() {
                options.push((NO_CLASS.to_owned(), "No snapshot class".to_owned(), chosen.is_none()));
            }
            options.extend(p.volume_snapshot_classes.iter().map(|class| {
                let label =
                    if class.default { format!("{} (default)", class.name) } else { class.name.clone() };
                (class.name.clone(), label, chosen == Some(class.name.as_str()))
            }));
            options
        })
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
        <div class="cbw-mapping-row">
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
                {move || provisioner.with(|p| explanation(p, state.config.with_untracked(|c| c.cross_cloud)))}
            </p>
        </div>
    }
}
