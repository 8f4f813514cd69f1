//! Snapshot Class Mapping: one row per CSI provisioner, each with its own VSC select.

use std::cell::RefCell;
use std::rc::Rc;

use backup_matrix::{Provisioner, Selection};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Element, HtmlSelectElement};

use super::markup::{bind_class, effect, markup, push_element, push_escaped, push_option, OnEvent};
use crate::state::FormState;

/// The value of the "no snapshot class" option; a VSC name can never be empty.
const NO_CLASS: &str = "";

const FIELDSET: &str =
    r#"<fieldset class="cbw-group cbw-mapping"><legend>Snapshot Class Mapping</legend></fieldset>"#;

/// One provisioner's row in the page, and what it shows now.
struct Row {
    name: String,
    element: Element,
    select: HtmlSelectElement,
    hint: Element,
    /// The options' HTML as drawn, so that an unchanged list is not replaced.
    options: String,
    /// The provisioner and Cross Cloud as the row shows them; the row is redrawn when they change.
    shown: Option<(Provisioner, bool)>,
}

/// One row per provisioner of the cluster.
#[component]
pub fn SnapshotClassMapping(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let on_event: OnEvent = Rc::new(move |target, event| {
        let Some(name) = target.get_attribute("data-provisioner") else { return };
        if event.type_() != "change" {
            return;
        }
        let value = target.unchecked_ref::<HtmlSelectElement>().value();
        let selection = if value == NO_CLASS { Selection::NoClass } else { Selection::Named(value) };
        state.edit(|c| {
            if let Some(p) = c.provisioners.iter_mut().find(|p| p.name == name) {
                p.volume_snapshot_class = selection;
            }
        });
    });
    markup(state, "cbw-part", FIELDSET, move |root| bind(state, &root), Some(on_event))
}

fn bind(state: FormState, root: &Element) {
    let fieldset = root.first_element_child().unwrap_throw();
    // One class for all the selects (`.cbw-inactive select`), rather than one change per row.
    bind_class(fieldset.clone(), "cbw-inactive", move || state.config.with(|c| c.cross_cloud));
    let rows = RefCell::new(Vec::<Row>::new());
    effect(move || {
        state.config.with(|c| sync(&state, &fieldset, &mut rows.borrow_mut(), &c.provisioners, c.cross_cloud))
    });
}

/// Brings the rows up to `provisioners`, keyed by name: a row is redrawn only when its
/// provisioner (or Cross Cloud) changed, new rows are added, rows of provisioners that are gone
/// are removed, and a row is moved only when the order changed (so a select in use keeps focus).
fn sync(
    state: &FormState,
    fieldset: &Element,
    rows: &mut Vec<Row>,
    provisioners: &[Provisioner],
    cross_cloud: bool,
) {
    let mut old: Vec<Option<Row>> = rows.drain(..).map(Some).collect();
    let mut previous = fieldset.first_element_child().unwrap_throw();
    for (index, provisioner) in provisioners.iter().enumerate() {
        // Usually at the same place as last time; searched for when the list was reordered.
        let known = match old.get(index) {
            Some(Some(row)) if row.name == provisioner.name => Some(index),
            _ => old.iter().position(|row| row.as_ref().is_some_and(|row| row.name == provisioner.name)),
        };
        let mut row = match known.and_then(|at| old[at].take()) {
            Some(row) => row,
            None => new_row(state, &provisioner.name),
        };
        if row.shown.as_ref().is_none_or(|(p, cross)| p != provisioner || *cross != cross_cloud) {
            draw(&mut row, provisioner, cross_cloud);
            row.shown = Some((provisioner.clone(), cross_cloud));
        }
        if row.element.previous_element_sibling().as_ref() != Some(&previous) {
            let _ = previous.after_with_node_1(&row.element);
        }
        previous = row.element.clone();
        rows.push(row);
    }
    for row in old.into_iter().flatten() {
        row.element.remove();
    }
}

/// A new row for a provisioner: its label and an empty select, drawn by `draw`. Its ids stay
/// unique when rows are removed and added (the inventory editor does both).
fn new_row(state: &FormState, name: &str) -> Row {
    let id = state.id(&format!("vsc-{}", state.next_row_id()));
    let mut html = format!(r#"<label for="{id}">Volume snapshot class for "#);
    push_element(&mut html, "code", "", name);
    html.push_str(&format!(r#"</label><select id="{id}" aria-describedby="{id}-why" data-provisioner=""#));
    push_escaped(&mut html, name);
    html.push_str(&format!(r#""></select><p class="cbw-hint" id="{id}-why"></p>"#));
    let element = document().create_element("div").unwrap_throw();
    element.set_class_name("cbw-mapping-row");
    element.set_inner_html(&html);
    let child = |selector| element.query_selector(selector).ok().flatten().unwrap_throw();
    Row {
        name: name.to_owned(),
        select: child("select").unchecked_into(),
        hint: child("p"),
        element,
        options: String::new(),
        shown: None,
    }
}

/// Draws a row for a provisioner as it stands: its options, the chosen one, whether the select
/// can be used, and why it is so.
fn draw(row: &mut Row, provisioner: &Provisioner, cross_cloud: bool) {
    let mut options = String::new();
    let mut value = NO_CLASS;
    if provisioner.is_portworx() {
        push_option(&mut options, NO_CLASS, "Not used for Portworx");
    } else {
        if provisioner.offers_no_class() {
            push_option(&mut options, NO_CLASS, "No snapshot class");
        }
        for class in &provisioner.volume_snapshot_classes {
            let label = if class.default { format!("{} (default)", class.name) } else { class.name.clone() };
            push_option(&mut options, &class.name, &label);
        }
        if let Some(chosen) = provisioner.selected_class() {
            value = &chosen.name;
        }
    }
    if row.options != options {
        row.select.set_inner_html(&options);
        row.options = options;
    }
    row.select.set_value(value);
    row.select.set_disabled(provisioner.is_portworx() || provisioner.volume_snapshot_classes.is_empty());
    row.hint.set_text_content(Some(&explanation(provisioner, cross_cloud)));
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
