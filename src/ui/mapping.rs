//! Snapshot Class Mapping: one row per CSI provisioner, each with its own VSC select.

use backup_matrix::{Provisioner, Selection};
use leptos::prelude::*;

use super::fields::{Choice, SelectField};
use crate::state::{row_id, FormState};

/// The value of the "no snapshot class" option; a VSC name can never be empty.
const NO_CLASS: &str = "";

/// One row per provisioner of the cluster, keyed by name: a change redraws only its own row.
#[component]
pub fn SnapshotClassMapping(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let names =
        move || state.config.with(|c| c.provisioners.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    view! {
        <fieldset
            class="cbw-group cbw-mapping"
            class:cbw-inactive=move || state.config.with(|c| c.cross_cloud)
            class:cbw-many=state.many_options
        >
            <legend>"Snapshot Class Mapping"</legend>
            <For each=names key=|name| name.clone() let:name>
                <MappingRow state name />
            </For>
        </fieldset>
    }
}

/// One provisioner's label, select and the line that says why the select is as it is.
#[component]
fn MappingRow(
    /// The widget's state.
    state: FormState,
    /// The provisioner's name (the row's key).
    name: String,
) -> impl IntoView {
    let id = row_id("vsc");
    let why_id = format!("{id}-why");
    // This row's provisioner and Cross Cloud: the row re-runs only when they change. The old
    // value is kept as it is when equal, so a change elsewhere costs a comparison, not a copy.
    let key = name.clone();
    let row = Memo::new_owning(move |old: Option<(Option<Provisioner>, bool)>| {
        state.config.with(|c| {
            let now = c.provisioners.iter().find(|p| p.name == key);
            match old {
                Some((provisioner, cross_cloud))
                    if provisioner.as_ref() == now && cross_cloud == c.cross_cloud =>
                {
                    ((provisioner, cross_cloud), false)
                }
                _ => ((now.cloned(), c.cross_cloud), true),
            }
        })
    });
    // The backup type each option would give, in the select's order (the Decision's `whatIf`):
    // copied out as plain names, so the notes are rewritten only when they change.
    let key = name.clone();
    let notes = Memo::new(move |_| {
        state.decision.with(|d| {
            let select = d.what_if.classes.iter().find(|select| select.name == key);
            select
                .map(|select| select.options.iter().map(|o| o.backup_type.name()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let choices = Signal::derive(move || read(row, choices));
    let value =
        Signal::derive(move || read(row, |p| p.selected_class().map(|c| c.name.clone()).unwrap_or_default()));
    let disabled =
        Signal::derive(move || read(row, |p| p.is_portworx() || p.volume_snapshot_classes.is_empty()));
    let explanation = move || row.with(|(p, cross_cloud)| p.as_ref().map(|p| explanation(p, *cross_cloud)));
    let key = name.clone();
    let choose = Callback::new(move |value: String| {
        let selection = if value == NO_CLASS { Selection::NoClass } else { Selection::Named(value) };
        state.edit(|c| {
            if let Some(p) = c.provisioners.iter_mut().find(|p| p.name == key) {
                p.volume_snapshot_class = selection;
            }
        });
    });
    let label = view! { "Volume snapshot class for " <code>{name}</code> }.into_any();
    view! {
        <div class="cbw-mapping-row">
            <SelectField
                id=id
                label
                choices
                value
                on_change=choose
                disabled
                described_by=why_id.clone()
                notes
                lazy_notes=state.many_options
            />
            <p class="cbw-hint" id=why_id>{explanation}</p>
        </div>
    }
}

/// Something about a row's provisioner; the default while it is gone (the row is leaving).
fn read<T: Default>(row: Memo<(Option<Provisioner>, bool)>, read: impl Fn(&Provisioner) -> T) -> T {
    row.with(|(provisioner, _)| provisioner.as_ref().map(read).unwrap_or_default())
}

/// The choices a provisioner's select offers, in order: the order of the Decision's `whatIf`
/// options, whose backup types are the choices' notes.
fn choices(provisioner: &Provisioner) -> Vec<Choice> {
    if provisioner.is_portworx() {
        return vec![Choice::new(NO_CLASS, "Not used for Portworx")];
    }
    let none = provisioner.offers_no_class().then(|| Choice::new(NO_CLASS, "No snapshot class"));
    let classes = provisioner.volume_snapshot_classes.iter().map(|class| {
        let label = if class.default { format!("{} (default)", class.name) } else { class.name.clone() };
        Choice::new(&class.name, label)
    });
    none.into_iter().chain(classes).collect()
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
