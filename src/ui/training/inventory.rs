//! The inventory editor: add and remove provisioners and their volume snapshot classes, mark
//! the default class, mark a provisioner as Portworx. The domain validates every result; an
//! edit it rejects is not applied and its reason is shown inline.

use std::sync::atomic::{AtomicU32, Ordering};

use backup_matrix::tables::PORTWORX_PROVISIONERS;
use backup_matrix::{Config, Provisioner, Selection, SnapshotClass};
use leptos::prelude::*;

use super::TextField;
use crate::state::FormState;

/// Numbers the editor's rows, so that element ids stay unique whatever the names hold.
static NEXT_ROW: AtomicU32 = AtomicU32::new(1);

/// A new part name for the element ids of one row of the editor.
fn row_part() -> String {
    format!("inv{}", NEXT_ROW.fetch_add(1, Ordering::Relaxed))
}

/// Puts these provisioners in the form when `Config::validate` accepts them; otherwise
/// returns why not and leaves the form as it is. Only the inventory is checked here, so a
/// half-typed backup name elsewhere never blocks an edit.
fn apply(state: FormState, provisioners: Vec<Provisioner>) -> Option<String> {
    let inventory = Config { provisioners, ..Config::default() };
    if let Err(error) = inventory.validate() {
        return Some(error.message);
    }
    state.edit(|c| c.provisioners = inventory.provisioners);
    None
}

/// The form's provisioners now.
fn provisioners(state: FormState) -> Vec<Provisioner> {
    state.config.with_untracked(|c| c.provisioners.clone())
}

/// Changes the provisioner named `name`. Its select goes back to the form's preselection, as
/// it would when a cluster's classes change.
fn edit(state: FormState, name: &str, change: &dyn Fn(&mut Provisioner)) -> Option<String> {
    let mut list = provisioners(state);
    if let Some(provisioner) = list.iter_mut().find(|p| p.name == name) {
        change(provisioner);
        provisioner.volume_snapshot_class = Selection::Auto;
    }
    apply(state, list)
}

/// Whether the provisioner named `name` has a class that `test` holds for.
fn any_class(state: FormState, name: &str, test: impl Fn(&SnapshotClass) -> bool) -> bool {
    state.config.with(|c| {
        c.provisioners.iter().any(|p| p.name == name && p.volume_snapshot_classes.iter().any(&test))
    })
}

/// The provisioners of the form, each editable, and a field to add one.
#[component]
pub fn InventoryEditor(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let names =
        move || state.config.with(|c| c.provisioners.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
    let add = Callback::new(move |name: String| {
        let mut list = provisioners(state);
        list.push(Provisioner::new(name.trim(), &[]));
        apply(state, list)
    });
    view! {
        <p class="cbw-hint">
            "The cluster as the form sees it. Changes apply at once; the Snapshot Class Mapping, the preview and the tables follow."
        </p>
        <ul class="cbw-inventory">
            <For each=names key=|name| name.clone() let:name>
                <ProvisionerEditor state name />
            </For>
        </ul>
        <AddForm
            state
            part="inv-add".to_owned()
            label="New provisioner name".to_owned()
            hint="A CSI driver name, such as ebs.csi.aws.com; add its snapshot classes once it is listed."
            button="Add provisioner"
            target=String::new()
            add
        />
    }
}

/// One provisioner: remove it, mark it Portworx, add and remove its classes, mark the default.
#[component]
fn ProvisionerEditor(
    /// The widget's state.
    state: FormState,
    /// The provisioner's name (the row's key).
    name: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let built_in = PORTWORX_PROVISIONERS.contains(&name.as_str());
    let row = row_part();
    let portworx_id = state.id(&format!("{row}-px"));
    let portworx_hint = state.id(&format!("{row}-px-hint"));
    let error_id = state.id(&format!("{row}-error"));
    let group = state.id(&format!("{row}-default"));
    let none_id = state.id(&format!("{row}-default-none"));
    let key = name.clone();
    let classes = move || {
        state.config.with(|c| {
            let provisioner = c.provisioners.iter().find(|p| p.name == key);
            provisioner
                .map(|p| p.volume_snapshot_classes.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let key = name.clone();
    let is_portworx = Signal::derive(move || {
        state.config.with(|c| c.provisioners.iter().any(|p| p.name == key && p.is_portworx()))
    });
    let key = name.clone();
    let no_classes = Signal::derive(move || !any_class(state, &key, |_| true));
    let key = name.clone();
    let no_default = Signal::derive(move || !any_class(state, &key, |c| c.default));
    let key = name.clone();
    let remove = move |_| {
        let mut list = provisioners(state);
        list.retain(|p| p.name != key);
        error.set(apply(state, list))
    };
    let key = name.clone();
    let mark = move |ev| {
        let on = event_target_checked(&ev);
        error.set(edit(state, &key, &|p| p.portworx = on.then_some(true)));
    };
    let key = name.clone();
    let clear_default = move |_| {
        error
            .set(edit(state, &key, &|p| p.volume_snapshot_classes.iter_mut().for_each(|c| c.default = false)))
    };
    let key = name.clone();
    let add_class = Callback::new(move |class: String| {
        edit(state, &key, &|p| {
            p.volume_snapshot_classes.push(SnapshotClass { name: class.trim().to_owned(), default: false })
        })
    });
    let owner = name.clone();
    let class_group = group.clone();
    view! {
        <li class="cbw-inventory-item">
            <div class="cbw-inventory-head">
                <code class="cbw-inventory-name">{name.clone()}</code>
                <button
                    type="button"
                    class="cbw-button cbw-button-small cbw-button-quiet"
                    aria-describedby=error_id.clone()
                    on:click=remove
                >
                    "Remove"
                    <span class="cbw-sr">{format!(" provisioner {name}")}</span>
                </button>
            </div>
            <div class="cbw-flag">
                <input
                    type="checkbox"
                    id=portworx_id.clone()
                    aria-describedby=format!("{portworx_hint} {error_id}")
                    prop:checked=is_portworx
                    disabled=built_in
                    on:change=mark
                />
                <label for=portworx_id>"Mark " <code>{name.clone()}</code> " as Portworx"</label>
                <p class="cbw-hint" id=portworx_hint>
                    {if built_in {
                        "A built-in Portworx name: always Portworx."
                    } else {
                        "For a Portworx provisioner under another name."
                    }}
                </p>
            </div>
            <fieldset class="cbw-choice cbw-classes">
                <legend>"Snapshot classes of " <code>{name.clone()}</code> ", and the default"</legend>
                <p class="cbw-hint" hidden=Signal::derive(move || !no_classes.get())>"No volume snapshot class."</p>
                <span class="cbw-radio" hidden=no_classes>
                    <input type="radio" id=none_id.clone() name=group prop:checked=no_default on:change=clear_default />
                    <label for=none_id>"No default"</label>
                </span>
                <For each=classes key=|class: &String| class.clone() let:class>
                    <ClassRow state provisioner=owner.clone() class group=class_group.clone() error />
                </For>
            </fieldset>
            <AddForm
                state
                part=format!("{row}-add")
                label=format!("New snapshot class for {name}")
                hint="A VolumeSnapshotClass name; names are cluster-wide."
                button="Add class"
                target=format!(" to {name}")
                add=add_class
            />
            <p class="cbw-error" id=error_id>{Signal::derive(move || error.get())}</p>
        </li>
    }
}

/// One volume snapshot class: a radio to make it the default, and a button to remove it.
#[component]
fn ClassRow(
    /// The widget's state.
    state: FormState,
    /// The provisioner the class belongs to.
    provisioner: String,
    /// The class's name (the row's key).
    class: String,
    /// The name of the provisioner's "default" radio group.
    group: String,
    /// Where the provisioner's editor shows why an edit was not applied.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = state.id(&row_part());
    let (owner, key) = (provisioner.clone(), class.clone());
    let is_default = Signal::derive(move || any_class(state, &owner, |c| c.default && c.name == key));
    let (owner, key) = (provisioner.clone(), class.clone());
    let make_default = move |_| {
        error.set(edit(state, &owner, &|p| {
            p.volume_snapshot_classes.iter_mut().for_each(|c| c.default = c.name == key)
        }))
    };
    let key = class.clone();
    let remove = move |_| {
        error.set(edit(state, &provisioner, &|p| p.volume_snapshot_classes.retain(|c| c.name != key)))
    };
    view! {
        <span class="cbw-radio cbw-class">
            <input type="radio" id=id.clone() name=group prop:checked=is_default on:change=make_default />
            <label for=id>{class.clone()}</label>
            <button type="button" class="cbw-button cbw-button-small cbw-button-quiet" on:click=remove>
                "Remove"
                <span class="cbw-sr">{format!(" class {class}")}</span>
            </button>
        </span>
    }
}

/// A text field and a button that adds what it holds; Enter adds too. Shows why an addition
/// was not applied under the field.
#[component]
fn AddForm(
    /// The widget's state.
    state: FormState,
    /// Names the element ids.
    part: String,
    /// The field's visible label, which is also its accessible name.
    label: String,
    /// A short line on what the field takes.
    hint: &'static str,
    /// The button's text.
    button: &'static str,
    /// Ends the button's accessible name (not shown), so that several such buttons differ.
    target: String,
    /// Adds the text; returns why not when it cannot.
    add: Callback<String, Option<String>>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // A new text has not been tried yet.
    Effect::new(move |_| {
        text.track();
        error.set(None);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let problem = add.run(text.get_untracked());
        if problem.is_none() {
            text.set(String::new());
        }
        error.set(problem);
    };
    view! {
        <form class="cbw-add" on:submit=submit>
            <TextField state part label hint text error=Signal::derive(move || error.get()) />
            <button type="submit" class="cbw-button cbw-button-small">
                {button}
                <span class="cbw-sr">{target}</span>
            </button>
        </form>
    }
}
