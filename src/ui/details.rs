//! The backup's own fields: the cluster (read-only), name, location, namespaces, kind,
//! schedule and operation mode.

use backup_matrix::config::{check_label, check_object_name, BackupKind, BackupObject};
use backup_matrix::Mode;
use leptos::prelude::*;

use super::fields::Choice;
use crate::state::FormState;

/// Cluster, backup name, location, namespaces, kind, what to back up, schedule policy and mode.
#[component]
pub fn Details(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    view! {
        <fieldset class="cbw-group">
            <legend>"Backup"</legend>
            <ClusterName state />
            <BackupName state />
            <Location state />
            <Namespaces state />
            <Choice
                state
                legend="Backup kind"
                name="kind"
                options=&[("manual", "Manual"), ("scheduled", "Scheduled")]
                current=Signal::derive(move || match state.config.with(|c| c.backup_kind) {
                    BackupKind::Manual => "manual",
                    BackupKind::Scheduled => "scheduled",
                }.to_owned())
                set=move |value: String| {
                    state.edit(|c| c.backup_kind = if value == "scheduled" { BackupKind::Scheduled } else { BackupKind::Manual })
                }
            />
            <SchedulePolicy state />
            <Choice
                state
                legend="Back up"
                name="object"
                options=&[("namespace", "Namespaces"), ("vm", "Virtual machines")]
                current=Signal::derive(move || match state.config.with(|c| c.backup_object) {
                    BackupObject::Namespace => "namespace",
                    BackupObject::Vm => "vm",
                }.to_owned())
                set=move |value: String| {
                    state.edit(|c| c.backup_object = if value == "vm" { BackupObject::Vm } else { BackupObject::Namespace })
                }
            />
            <Choice
                state
                legend="Operation mode"
                name="mode"
                options=&[("classic", "Classic"), ("federated", "Federated")]
                current=Signal::derive(move || match state.config.with(|c| c.mode) {
                    Mode::Classic => "classic",
                    Mode::Federated => "federated",
                }.to_owned())
                set=move |value: String| state.edit(|c| c.mode = if value == "federated" { Mode::Federated } else { Mode::Classic })
            />
        </fieldset>
    }
}

/// A text field with a label, a hint and an inline error under it.
#[component]
fn TextField(
    /// The widget's state.
    state: FormState,
    /// Names the field's element ids.
    part: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// A short line on what the field takes.
    hint: &'static str,
    /// The field's text in the config.
    text: Signal<String>,
    /// Stores what the user types.
    set: Callback<String>,
    /// What is wrong with the text, if anything.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let id = state.id(part);
    let hint_id = state.id(&format!("{part}-hint"));
    let error_id = state.id(&format!("{part}-error"));
    let described = format!("{hint_id} {error_id}");
    // Set only when the host hands in a config, so typing never moves the caret.
    let value = Signal::derive(move || {
        state.revision.track();
        text.get_untracked()
    });
    let invalid = Signal::derive(move || error.with(|e| e.is_some()).to_string());
    view! {
        <div class="cbw-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                aria-describedby=described
                aria-invalid=invalid
                on:input=move |ev| set.run(event_target_value(&ev))
            />
            <p class="cbw-hint" id=hint_id>{hint}</p>
            <p class="cbw-error" id=error_id>{error}</p>
        </div>
    }
}

/// The application cluster being backed up, read-only as in the Create Backup window: the host
/// names it (config `cluster`), with the organisation.
#[component]
fn ClusterName(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let id = state.id("cluster");
    let hint_id = state.id("cluster-hint");
    let error_id = state.id("cluster-error");
    let name = Signal::derive(move || {
        state.config.with(|c| c.cluster.as_ref().map(|k| k.name.clone()).unwrap_or_default())
    });
    let missing = move || state.config.with(|c| c.cluster.is_none());
    let invalid = Signal::derive(move || missing().to_string());
    let hint = Signal::derive(move || {
        state.config.with(|c| {
            format!("The application cluster backed up, in organisation \"{}\"; set by the host.", c.org_id)
        })
    });
    let error = Signal::derive(move || {
        missing()
            .then(|| "No cluster: the config names none (cluster.name), so Create sends nothing.".to_owned())
    });
    view! {
        <div class="cbw-field">
            <label for=id.clone()>"Cluster"</label>
            <input
                id=id
                type="text"
                readonly
                prop:value=name
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=invalid
            />
            <p class="cbw-hint" id=hint_id>
                {hint}
            </p>
            <p class="cbw-error" id=error_id>
                {error}
            </p>
        </div>
    }
}

fn backup_name_error(name: &str) -> Option<String> {
    check_object_name(name).err()
}

/// The backup's Kubernetes object name.
#[component]
fn BackupName(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    view! {
        <TextField
            state
            part="name"
            label="Backup name"
            hint="Lowercase letters, digits, '-' and '.'; at most 253 characters."
            text=Signal::derive(move || state.config.with(|c| c.backup_name.clone()))
            set=Callback::new(move |text: String| state.edit(|c| c.backup_name = text))
            error=Signal::derive(move || state.config.with(|c| backup_name_error(&c.backup_name)))
        />
    }
}

/// The namespaces to back up, comma-separated.
#[component]
fn Namespaces(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let error = move || {
        state.config.with(|c| {
            if c.namespaces.is_empty() {
                return Some("Name at least one namespace.".to_owned());
            }
            c.namespaces.iter().find_map(|n| check_label(n).err())
        })
    };
    view! {
        <TextField
            state
            part="namespaces"
            label="Namespaces"
            hint="One or more, separated by commas."
            text=Signal::derive(move || state.config.with(|c| c.namespaces.join(", ")))
            set=Callback::new(move |text: String| {
                state.edit(|c| {
                    c.namespaces = text.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect()
                })
            })
            error=Signal::derive(error)
        />
    }
}

/// Where the backup is stored.
#[component]
fn Location(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let id = state.id("location");
    let chosen = move || state.config.with(|c| c.location().map(|l| l.name.clone()).unwrap_or_default());
    view! {
        <div class="cbw-field">
            <label for=id.clone()>"Backup location"</label>
            <select
                id=id
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    state.edit(|c| c.backup_location = Some(name));
                }
            >
                {move || {
                    state
                        .config
                        .with(|c| c.backup_locations.clone())
                        .into_iter()
                        .map(|location| {
                            let name = location.name.clone();
                            let selected = move || chosen() == name;
                            view! {
                                <option value=location.name.clone() prop:selected=selected>
                                    {format!("{} ({})", location.name, location.kind.label())}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The schedule policy, shown for scheduled backups.
#[component]
fn SchedulePolicy(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let id = state.id("policy");
    let scheduled = move || state.config.with(|c| c.backup_kind == BackupKind::Scheduled);
    let chosen = move || state.config.with(|c| c.policy().map(|p| p.name.clone()).unwrap_or_default());
    move || {
        scheduled().then(|| {
            view! {
                <div class="cbw-field">
                    <label for=id.clone()>"Schedule policy"</label>
                    <select
                        id=id.clone()
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            state.edit(|c| c.schedule_policy = Some(name));
                        }
                    >
                        {state
                            .config
                            .with(|c| c.schedule_policies.clone())
                            .into_iter()
                            .map(|policy| {
                                let name = policy.name.clone();
                                let value = policy.name.clone();
                                view! {
                                    <option value=value prop:selected=move || chosen() == name>
                                        {policy.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
        })
    }
}
