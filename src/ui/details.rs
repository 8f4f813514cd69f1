//! The backup's own fields: the cluster (read-only), name, location, namespaces, kind,
//! schedule and operation mode.

use std::rc::Rc;

use backup_matrix::config::{check_label, check_object_name, BackupKind, BackupObject};
use backup_matrix::{Config, Mode};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::markup::{
    bind_error, bind_select, bind_text, effect, fill_ids, find, markup, part_of, push_option, watch, OnEvent,
};
use crate::state::FormState;

/// The fields, with `@` for the widget's id prefix; the live parts are bound in `bind`.
const FIELDS: &str = concat!(
    r#"<fieldset class="cbw-group"><legend>Backup</legend>"#,
    r#"<div class="cbw-field"><label for="@cluster">Cluster</label><input id="@cluster" type="text" readonly aria-describedby="@cluster-hint @cluster-error"><p class="cbw-hint" id="@cluster-hint"></p><p class="cbw-error" id="@cluster-error"></p></div>"#,
    r#"<div class="cbw-field"><label for="@name">Backup name</label><input id="@name" type="text" autocomplete="off" spellcheck="false" aria-describedby="@name-hint @name-error"><p class="cbw-hint" id="@name-hint">Lowercase letters, digits, '-' and '.'; at most 253 characters.</p><p class="cbw-error" id="@name-error"></p></div>"#,
    r#"<div class="cbw-field" id="@location-field"></div>"#,
    r#"<div class="cbw-field"><label for="@namespaces">Namespaces</label><input id="@namespaces" type="text" autocomplete="off" spellcheck="false" aria-describedby="@namespaces-hint @namespaces-error"><p class="cbw-hint" id="@namespaces-hint">One or more, separated by commas.</p><p class="cbw-error" id="@namespaces-error"></p></div>"#,
    r#"<fieldset class="cbw-choice"><legend>Backup kind</legend><span class="cbw-radio"><input type="radio" id="@kind-manual" name="@kind" value="manual"><label for="@kind-manual">Manual</label></span><span class="cbw-radio"><input type="radio" id="@kind-scheduled" name="@kind" value="scheduled"><label for="@kind-scheduled">Scheduled</label></span></fieldset>"#,
    r#"<div class="cbw-part" id="@policy-field"></div>"#,
    r#"<fieldset class="cbw-choice"><legend>Back up</legend><span class="cbw-radio"><input type="radio" id="@object-namespace" name="@object" value="namespace"><label for="@object-namespace">Namespaces</label></span><span class="cbw-radio"><input type="radio" id="@object-vm" name="@object" value="vm"><label for="@object-vm">Virtual machines</label></span></fieldset>"#,
    r#"<fieldset class="cbw-choice"><legend>Operation mode</legend><span class="cbw-radio"><input type="radio" id="@mode-classic" name="@mode" value="classic"><label for="@mode-classic">Classic</label></span><span class="cbw-radio"><input type="radio" id="@mode-federated" name="@mode" value="federated"><label for="@mode-federated">Federated</label></span></fieldset>"#,
    "</fieldset>"
);

const LOCATION: &str = r#"<label for="@location">Backup location</label><select id="@location"></select>"#;
const POLICY: &str = r#"<div class="cbw-field"><label for="@policy">Schedule policy</label><select id="@policy"></select></div>"#;

/// Cluster, backup name, location, namespaces, kind, what to back up, schedule policy and mode.
#[component]
pub fn Details(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let on_event: OnEvent = Rc::new(move |target, event| on_event(state, target, &event.type_()));
    markup(state, "cbw-part", FIELDS, move |root| bind(state, &root), Some(on_event))
}

/// What the user's change or input in a field does to the config.
fn on_event(state: FormState, target: &Element, kind: &str) {
    let Some(part) = part_of(&state, target) else { return };
    let value = target.unchecked_ref::<HtmlInputElement>().value();
    // Text fields take every keystroke (`input`); selects and radios take `change`.
    match (kind, part.as_str()) {
        ("input", "name") => state.edit(|c| c.backup_name = value),
        ("input", "namespaces") => state.edit(|c| {
            c.namespaces =
                value.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect()
        }),
        ("change", "location") => state.edit(|c| c.backup_location = Some(value)),
        ("change", "policy") => state.edit(|c| c.schedule_policy = Some(value)),
        ("change", "kind-manual") => state.edit(|c| c.backup_kind = BackupKind::Manual),
        ("change", "kind-scheduled") => state.edit(|c| c.backup_kind = BackupKind::Scheduled),
        ("change", "object-namespace") => state.edit(|c| c.backup_object = BackupObject::Namespace),
        ("change", "object-vm") => state.edit(|c| c.backup_object = BackupObject::Vm),
        ("change", "mode-classic") => state.edit(|c| c.mode = Mode::Classic),
        ("change", "mode-federated") => state.edit(|c| c.mode = Mode::Federated),
        _ => {}
    }
}

/// Binds the fields' live parts to the state.
fn bind(state: FormState, root: &Element) {
    let config = state.config;

    // The cluster: read-only, named by the host.
    let cluster = find(&state, root, "cluster");
    let missing = move || config.with(|c| c.cluster.is_none());
    watch(
        move || config.with(|c| c.cluster.as_ref().map(|k| k.name.clone()).unwrap_or_default()),
        move |name| cluster.unchecked_ref::<HtmlInputElement>().set_value(name),
    );
    bind_text(find(&state, root, "cluster-hint").into(), move || {
        config.with(|c| {
            format!("The application cluster backed up, in organisation \"{}\"; set by the host.", c.org_id)
        })
    });
    bind_error(&state, root, "cluster", move || {
        missing()
            .then(|| "No cluster: the config names none (cluster.name), so Create sends nothing.".to_owned())
    });

    bind_text_field(state, root, "name", |c| c.backup_name.clone());
    bind_error(&state, root, "name", move || config.with(|c| check_object_name(&c.backup_name).err()));

    bind_text_field(state, root, "namespaces", |c| c.namespaces.join(", "));
    bind_error(&state, root, "namespaces", move || {
        config.with(|c| {
            if c.namespaces.is_empty() {
                return Some("Name at least one namespace.".to_owned());
            }
            c.namespaces.iter().find_map(|n| check_label(n).err())
        })
    });

    bind_select(find(&state, root, "location-field").into(), fill_ids(&state, LOCATION), move || {
        config.with(|c| {
            let mut options = String::new();
            for location in &c.backup_locations {
                push_option(
                    &mut options,
                    &location.name,
                    &format!("{} ({})", location.name, location.kind.label()),
                );
            }
            Some((options, c.location().map(|l| l.name.clone()).unwrap_or_default()))
        })
    });
    bind_select(find(&state, root, "policy-field").into(), fill_ids(&state, POLICY), move || {
        config.with(|c| {
            (c.backup_kind == BackupKind::Scheduled).then(|| {
                let mut options = String::new();
                for policy in &c.schedule_policies {
                    push_option(&mut options, &policy.name, &policy.name);
                }
                (options, c.policy().map(|p| p.name.clone()).unwrap_or_default())
            })
        })
    });

    bind_choice(state, root, "kind", |c| match c.backup_kind {
        BackupKind::Manual => "manual",
        BackupKind::Scheduled => "scheduled",
    });
    bind_choice(state, root, "object", |c| match c.backup_object {
        BackupObject::Namespace => "namespace",
        BackupObject::Vm => "vm",
    });
    bind_choice(state, root, "mode", |c| match c.mode {
        Mode::Classic => "classic",
        Mode::Federated => "federated",
    });
}

/// A text field's text: set when the host hands in a config, never while the user types (so
/// the caret stays where it is).
fn bind_text_field(state: FormState, root: &Element, part: &str, text: fn(&Config) -> String) {
    let input: HtmlInputElement = find(&state, root, part).unchecked_into();
    effect(move || {
        state.revision.track();
        input.set_value(&state.config.with_untracked(text));
    });
}

/// A radio group's checked button.
fn bind_choice(state: FormState, root: &Element, name: &'static str, chosen: fn(&Config) -> &'static str) {
    let root = root.clone();
    watch(
        move || state.config.with(chosen).to_owned(),
        move |value| {
            find(&state, &root, &format!("{name}-{value}"))
                .unchecked_ref::<HtmlInputElement>()
                .set_checked(true)
        },
    );
}
