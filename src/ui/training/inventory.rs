//! The inventory editor: add and remove provisioners and their volume snapshot classes, mark
//! the default class, mark a provisioner as Portworx. The domain validates every result; an
//! edit it rejects is not applied and its reason is shown inline.

use backup_matrix::tables::PORTWORX_PROVISIONERS;
use backup_matrix::{Config, Provisioner, Selection, SnapshotClass};
use leptos::prelude::*;

use crate::state::{row_id, FormState};
use crate::ui::fields::{FieldError, TextField};

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

/// Something about a row's provisioner; the default while it is gone (the row is leaving).
fn read<T: Default>(provisioner: Memo<Option<Provisioner>>, read: impl Fn(&Provisioner) -> T) -> T {
    provisioner.with(|p| p.as_ref().map(read).unwrap_or_default())
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
            id="inv-add".to_owned()
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
    // Why the last edit of this provisioner was not applied.
    let error = RwSignal::new(None::<String>);
    let row = row_id("inv");
    let error_id = format!("{row}-error");
    // This provisioner as the form has it: the row re-runs only when it changes.
    let key = name.clone();
    let provisioner =
        Memo::new(move |_| state.config.with(|c| c.provisioners.iter().find(|p| p.name == key).cloned()));
    let classes = move || {
        read(provisioner, |p| p.volume_snapshot_classes.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
    };
    let has_classes = move || read(provisioner, |p| !p.volume_snapshot_classes.is_empty());
    let key = name.clone();
    let remove = move |_| {
        let mut list = provisioners(state);
        list.retain(|p| p.name != key);
        error.set(apply(state, list))
    };
    let key = name.clone();
    let add_class = Callback::new(move |class: String| {
        edit(state, &key, &|p| {
            p.volume_snapshot_classes.push(SnapshotClass { name: class.trim().to_owned(), default: false })
        })
    });
    let group = format!("{row}-default");
    let class_group = group.clone();
    let owner = name.clone();
    let unmarked_owner = name.clone();
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
            <PortworxFlag
                state
                id=format!("{row}-px")
                name=name.clone()
                provisioner
                error_id=error_id.clone()
                error
            />
            <fieldset class="cbw-choice cbw-classes">
                <legend>"Snapshot classes of " <code>{name.clone()}</code> ", and the default"</legend>
                <Show
                    when=has_classes
                    fallback=|| view! { <p class="cbw-hint">"No volume snapshot class."</p> }
                >
                    <NoDefault
                        state
                        id=format!("{group}-none")
                        group=group.clone()
                        name=unmarked_owner.clone()
                        provisioner
                        error
                    />
                </Show>
                <For each=classes key=|class: &String| class.clone() let:class>
                    <ClassRow state owner=owner.clone() provisioner class group=class_group.clone() error />
                </For>
            </fieldset>
            <AddForm
                id=format!("{row}-add")
                label=format!("New snapshot class for {name}")
                hint="A VolumeSnapshotClass name; names are cluster-wide."
                button="Add class"
                target=format!(" to {name}")
                add=add_class
            />
            <FieldError id=error_id error />
        </li>
    }
}

/// "Mark … as Portworx": a provisioner under another name that is Portworx. Built-in Portworx
/// names are always Portworx, so their box is checked and cannot be changed.
#[component]
fn PortworxFlag(
    /// The widget's state.
    state: FormState,
    /// The checkbox's id; `{id}-hint` names its hint.
    id: String,
    /// The provisioner's name.
    name: String,
    /// The provisioner as the form has it.
    provisioner: Memo<Option<Provisioner>>,
    /// The id of the provisioner's inline error, which also describes the checkbox.
    error_id: String,
    /// Where the provisioner's editor shows why an edit was not applied.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let built_in = PORTWORX_PROVISIONERS.contains(&name.as_str());
    let hint_id = format!("{id}-hint");
    let key = name.clone();
    let mark = move |ev| {
        let on = event_target_checked(&ev);
        error.set(edit(state, &key, &|p| p.portworx = on.then_some(true)));
    };
    view! {
        <div class="cbw-flag">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=format!("{hint_id} {error_id}")
                prop:checked=move || read(provisioner, Provisioner::is_portworx)
                disabled=built_in
                on:change=mark
            />
            <label for=id>"Mark " <code>{name}</code> " as Portworx"</label>
            <p class="cbw-hint" id=hint_id>
                {if built_in {
                    "A built-in Portworx name: always Portworx."
                } else {
                    "For a Portworx provisioner under another name."
                }}
            </p>
        </div>
    }
}

/// "No default": the radio that leaves every class of a provisioner unmarked.
#[component]
fn NoDefault(
    /// The widget's state.
    state: FormState,
    /// The radio's id.
    id: String,
    /// The name of the provisioner's "default" radio group.
    group: String,
    /// The provisioner's name.
    name: String,
    /// The provisioner as the form has it.
    provisioner: Memo<Option<Provisioner>>,
    /// Where the provisioner's editor shows why an edit was not applied.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let clear_default = move |_| {
        error.set(edit(state, &name, &|p| {
            p.volume_snapshot_classes.iter_mut().for_each(|c| c.default = false)
        }))
    };
    view! {
        <span class="cbw-radio">
            <input
                type="radio"
                id=id.clone()
                name=group
                prop:checked=move || read(provisioner, |p| !p.volume_snapshot_classes.iter().any(|c| c.default))
                on:change=clear_default
            />
            <label for=id>"No default"</label>
        </span>
    }
}

/// One volume snapshot class: a radio to make it the default, and a button to remove it.
#[component]
fn ClassRow(
    /// The widget's state.
    state: FormState,
    /// The name of the provisioner the class belongs to.
    owner: String,
    /// The provisioner as the form has it.
    provisioner: Memo<Option<Provisioner>>,
    /// The class's name (the row's key).
    class: String,
    /// The name of the provisioner's "default" radio group.
    group: String,
    /// Where the provisioner's editor shows why an edit was not applied.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = row_id("inv");
    let key = class.clone();
    let is_default =
        move || read(provisioner, |p| p.volume_snapshot_classes.iter().any(|c| c.default && c.name == key));
    let (name, key) = (owner.clone(), class.clone());
    let make_default = move |_| {
        error.set(edit(state, &name, &|p| {
            p.volume_snapshot_classes.iter_mut().for_each(|c| c.default = c.name == key)
        }))
    };
    let key = class.clone();
    let remove =
        move |_| error.set(edit(state, &owner, &|p| p.volume_snapshot_classes.retain(|c| c.name != key)));
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
/// was not applied under the field, until the text changes.
#[component]
fn AddForm(
    /// The field's id.
    id: String,
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
    let typed = Callback::new(move |typed| {
        text.set(typed);
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
            <TextField id label hint=hint.to_owned() value=text error on_input=typed />
            <button type="submit" class="cbw-button cbw-button-small">
                {button}
                <span class="cbw-sr">{target}</span>
            </button>
        </form>
    }
}
