//! The source's three tables, with the rows that apply now marked.

use backup_matrix::tables::{vsc_option_label, CSI_MATRIX, DRIVER_MATRIX, KDMP_MATRIX};
use backup_matrix::{Decision, ProvisionerDecision, ProvisionerKind};
use leptos::prelude::*;
use web_sys::Element;

use super::markup::{effect, find, markup, push_element};
use crate::state::FormState;

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn supported(value: bool) -> &'static str {
    if value {
        "Supported"
    } else {
        "Not supported"
    }
}

/// The names of the provisioners a row applies to, joined for the "In use by" cell.
fn users(decision: &Decision, applies: impl Fn(&ProvisionerDecision) -> bool) -> String {
    decision
        .provisioners
        .iter()
        .filter(|p| applies(p))
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// For each table, for each row: who the row applies to now, joined; empty when it does not.
fn row_users(decision: &Decision) -> [Vec<String>; 3] {
    [
        CSI_MATRIX.iter().map(|row| users(decision, |p| p.csi_matrix_row == Some(row.number))).collect(),
        DRIVER_MATRIX
            .iter()
            .map(|row| {
                if decision.driver_matrix_rows.contains(&row.id) {
                    users(decision, |p| p.backup_type == row.produced_by)
                } else {
                    String::new()
                }
            })
            .collect(),
        KDMP_MATRIX.iter().map(|row| users(decision, |p| p.kdmp_matrix_row == Some(row.id))).collect(),
    ]
}

/// One row of `tag` cells, and the "In use by" cell after them.
fn push_row(html: &mut String, tag: &str, attributes: &str, cells: &[&str], last: &str) {
    html.push_str("<tr>");
    for text in cells {
        push_element(html, tag, attributes, text);
    }
    html.push_str(last);
    html.push_str("</tr>");
}

/// A table's header row: its columns, then "In use by".
fn header_html(headers: &[&str]) -> String {
    let mut html = String::new();
    push_row(&mut html, "th", r#" scope="col""#, headers, r#"<th scope="col">In use by</th>"#);
    html
}

/// A table's rows: the source's cells, and an empty "In use by" cell each.
fn body_html(rows: &[Vec<&str>]) -> String {
    let mut html = String::new();
    for cells in rows {
        push_row(&mut html, "td", "", cells, r#"<td class="cbw-used-by"></td>"#);
    }
    html
}

/// Marks one row: `aria-current`, the class, and "In use by" with its pointer; empty when
/// the row does not apply.
fn mark_row(row: &web_sys::Element, used_by: &str) {
    let current = !used_by.is_empty();
    let _ = if current {
        row.set_attribute("aria-current", "true")
    } else {
        row.remove_attribute("aria-current")
    };
    let _ = row.class_list().toggle_with_force("cbw-current", current);
    let Some(cell) = row.last_element_child() else { return };
    cell.set_text_content(None);
    if current {
        let pointer = document().create_element("span");
        if let Ok(pointer) = pointer {
            pointer.set_class_name("cbw-pointer");
            let _ = pointer.set_attribute("aria-hidden", "true");
            pointer.set_text_content(Some("▶ "));
            let _ = cell.append_child(&pointer);
        }
        let _ = cell.append_with_str_1(used_by);
    }
}

/// A captioned table in a box that scrolls on its own when narrow; its rows (`@{part}-rows`)
/// are marked by `MatrixTables`.
fn push_table(html: &mut String, part: &str, caption: &str, header: &str, body: &str) {
    html.push_str(&format!(
        r#"<div class="cbw-table-wrap" tabindex="0" role="region" aria-labelledby="@{part}"><table class="cbw-table">"#
    ));
    push_element(html, "caption", &format!(r#" id="@{part}""#), caption);
    html.push_str(&format!(
        r#"<thead>{header}</thead><tbody id="@{part}-rows">{body}</tbody></table></div>"#
    ));
}

/// Tables 1, 2 and 3 of the source, with the rows in use marked. The cells are static markup
/// (one reactive view per cell cost the docs bundle about 7 KB gzip); one effect marks the
/// rows that change.
#[component]
pub fn MatrixTables(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let csi: Vec<Vec<&str>> = CSI_MATRIX
        .iter()
        .map(|row| {
            vec![
                number_text(row.number),
                match row.provisioner {
                    ProvisionerKind::Portworx => "Portworx",
                    ProvisionerKind::NonPortworx => "Non-Portworx",
                },
                vsc_option_label(row.vsc_option),
                yes_no(row.offload),
                row.backup_type.name(),
            ]
        })
        .collect();
    let driver: Vec<Vec<&str>> = DRIVER_MATRIX
        .iter()
        .map(|row| {
            vec![
                row.backup_type,
                row.driver,
                row.resources,
                row.volumes,
                supported(row.classic_mode),
                supported(row.federated_mode),
            ]
        })
        .collect();
    let kdmp: Vec<Vec<&str>> = KDMP_MATRIX
        .iter()
        .map(|row| {
            vec![row.cloud, row.storage, yes_no(row.csi_offload), yes_no(row.csi), yes_no(row.direct_kdmp)]
        })
        .collect();
    let mut html = String::from(concat!(
        r#"<section class="cbw-tables" part="tables" aria-labelledby="@tables-title">"#,
        r#"<h2 class="cbw-title" id="@tables-title">The matrices, with the rows in use marked</h2>"#
    ));
    push_table(
        &mut html,
        "t1",
        "Table 1: CSI backup matrix",
        &header_html(&[
            "Row",
            "Provisioner",
            "Volume snapshot class",
            "Offload selected",
            "Backup type triggered",
        ]),
        &body_html(&csi),
    );
    push_table(
        &mut html,
        "t2",
        "Table 2: Backup driver matrix",
        &header_html(&["Backup type", "Driver", "Resources", "Volumes", "Classic mode", "Federated mode"]),
        &body_html(&driver),
    );
    push_table(
        &mut html,
        "t3",
        "Table 3: KDMP backup matrix (storage whose provider supports CSI snapshots)",
        &header_html(&["Cloud provider", "Storage type", "CSI + offload", "CSI", "Direct KDMP"]),
        &body_html(&kdmp),
    );
    html.push_str("</section>");
    markup(state, "cbw-part", &html, move |root| mark_rows(state, &root), None)
}

/// Keeps the marks on the rows in use, touching only the rows whose users changed.
fn mark_rows(state: FormState, root: &Element) {
    let bodies = ["t1-rows", "t2-rows", "t3-rows"].map(|part| find(&state, root, part));
    let decision = state.decision;
    let mut marked = None::<[Vec<String>; 3]>;
    effect(move || {
        let now = decision.with(row_users);
        for (table, body) in bodies.iter().enumerate() {
            let children = body.children();
            for (index, used_by) in now[table].iter().enumerate() {
                let before = marked.as_ref().and_then(|m| m[table].get(index));
                if before == Some(used_by) {
                    continue;
                }
                if let Some(row) = children.item(index as u32) {
                    mark_row(&row, used_by);
                }
            }
        }
        marked = Some(now);
    });
}

/// Row numbers as static text (Table 1 has ten rows).
fn number_text(number: u8) -> &'static str {
    const NUMBERS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    NUMBERS.get(usize::from(number).wrapping_sub(1)).copied().unwrap_or("?")
}
