//! The backup's own fields: the cluster (read-only), name, location, namespaces, kind,
//! schedule and operation mode.

use backup_matrix::config::{check_label, check_object_name, BackupKind, BackupObject};
use backup_matrix::{Config, Mode};
use leptos::prelude::*;

use super::fields::{Choice, RadioGroup, SelectField, TextField};
use crate::state::FormState;

const KINDS: &[(BackupKind, &str, &str)] =
    &[(BackupKind::Manual, "manual", "Manual"), (BackupKind::Scheduled, "scheduled", "Scheduled")];
const OBJECTS: &[(BackupObject, &str, &str)] =
    &[(BackupObject::Namespace, "namespace", "Namespaces"), (BackupObject::Vm, "vm", "Virtual machines")];
const MODES: &[(Mode, &str, &str)] =
    &[(Mode::Classic, "classic", "Classic"), (Mode::Federated, "federated", "Federated")];

/// Cluster, backup name, location, namespaces, kind, what to back up, schedule policy and mode.
#[component]
pub fn Details(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let config = state.config;
    let read = move |field: fn(&Config) -> String| Signal::derive(move || config.with(field));
    // A field the user types into shows the host's text only when a new config comes in, so the
    // caret stays where it is while the text is reformatted into the config.
    let typed = move |field: fn(&Config) -> String| {
        Signal::derive(move || {
            state.revision.track();
            config.with_untracked(field)
        })
    };
    let cluster_error = Signal::derive(move || {
        config
            .with(|c| c.cluster.is_none())
            .then(|| "No cluster: the config names none (cluster.name), so Create sends nothing.".to_owned())
    });
    let namespaces_error = Signal::derive(move || {
        config.with(|c| {
            if c.namespaces.is_empty() {
                return Some("Name at least one namespace.".to_owned());
            }
            c.namespaces.iter().find_map(|n| check_label(n).err())
        })
    });
    let locations = Signal::derive(move || {
        config.with(|c| {
            c.backup_locations
                .iter()
                .map(|l| Choice::new(&l.name, format!("{} ({})", l.name, l.kind.label())))
                .collect::<Vec<_>>()
        })
    });
    let policies = Signal::derive(move || {
        config.with(|c| c.schedule_policies.iter().map(|p| Choice::new(&p.name, &p.name)).collect::<Vec<_>>())
    });
    let scheduled = move || config.with(|c| c.backup_kind == BackupKind::Scheduled);
    view! {
        <fieldset class="cbw-group">
            <legend>"Backup"</legend>
            <TextField
                id="cluster"
                label="Cluster"
                hint=read(|c| {
                    format!("The application cluster backed up, in organisation \"{}\"; set by the host.", c.org_id)
                })
                value=read(|c| c.cluster.as_ref().map(|k| k.name.clone()).unwrap_or_default())
                error=cluster_error
            />
            <TextField
                id="name"
                label="Backup name"
                hint="Lowercase letters, digits, '-' and '.'; at most 253 characters.".to_owned()
                value=typed(|c| c.backup_name.clone())
                error=Signal::derive(move || config.with(|c| check_object_name(&c.backup_name).err()))
                on_input=Callback::new(move |name| state.edit(|c| c.backup_name = name))
            />
            <div class="cbw-field">
                <SelectField
                    id="location"
                    label="Backup location".into_any()
                    choices=locations
                    value=read(|c| c.location().map(|l| l.name.clone()).unwrap_or_default())
                    on_change=Callback::new(move |name| state.edit(|c| c.backup_location = Some(name)))
                />
            </div>
            <TextField
                id="namespaces"
                label="Namespaces"
                hint="One or more, separated by commas.".to_owned()
                value=typed(|c| c.namespaces.join(", "))
                error=namespaces_error
                on_input=Callback::new(move |text: String| {
                    state.edit(|c| {
                        c.namespaces =
                            text.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect()
                    })
                })
            />
            <RadioGroup
                name="kind"
                legend="Backup kind"
                choices=KINDS
                value=Signal::derive(move || config.with(|c| c.backup_kind))
                on_change=Callback::new(move |kind| state.edit(|c| c.backup_kind = kind))
            />
            <Show when=scheduled>
                <div class="cbw-field">
                    <SelectField
                        id="policy"
                        label="Schedule policy".into_any()
                        choices=policies
                        value=read(|c| c.policy().map(|p| p.name.clone()).unwrap_or_default())
                        on_change=Callback::new(move |name| state.edit(|c| c.schedule_policy = Some(name)))
                    />
                </div>
            </Show>
            <RadioGroup
                name="object"
                legend="Back up"
                choices=OBJECTS
                value=Signal::derive(move || config.with(|c| c.backup_object))
                on_change=Callback::new(move |object| state.edit(|c| c.backup_object = object))
            />
            <RadioGroup
                name="mode"
                legend="Operation mode"
                choices=MODES
                value=Signal::derive(move || config.with(|c| c.mode))
                on_change=Callback::new(move |mode| state.edit(|c| c.mode = mode))
            />
        </fieldset>
    }
}
