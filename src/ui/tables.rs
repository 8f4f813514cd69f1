//! The source's three tables, with the rows that apply now marked.

use backup_matrix::tables::{vsc_option_label, CSI_MATRIX, DRIVER_MATRIX, KDMP_MATRIX};
use backup_matrix::{Decision, ProvisionerDecision, ProvisionerKind};
use leptos::prelude::*;

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

/// One table row: marked with `aria-current` and an "In use by" cell when it applies.
#[component]
fn Row(
    /// The cells before "In use by", as text.
    cells: Vec<&'static str>,
    /// The provisioners this row applies to now, joined; empty when it does not apply.
    used_by: Signal<String>,
) -> impl IntoView {
    let current = move || used_by.with(|u| !u.is_empty());
    view! {
        <tr aria-current=move || current().then_some("true") class:cbw-current=current>
            {cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
            <td class="cbw-used-by">
                {move || current().then(|| view! { <span class="cbw-pointer" aria-hidden="true">"▶ "</span> })}
                {used_by}
            </td>
        </tr>
    }
}

/// A captioned table in a box that scrolls on its own when narrow.
#[component]
fn MatrixTable(
    /// The widget's state.
    state: FormState,
    /// Names the element ids.
    part: &'static str,
    /// The table's caption.
    caption: &'static str,
    /// Column headers, "In use by" excluded.
    headers: &'static [&'static str],
    /// The rows.
    children: Children,
) -> impl IntoView {
    let caption_id = state.id(part);
    let labelled_by = caption_id.clone();
    view! {
        <div class="cbw-table-wrap" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table class="cbw-table">
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>
                        {headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                        <th scope="col">"In use by"</th>
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// Tables 1, 2 and 3 of the source.
#[component]
pub fn MatrixTables(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let decision = state.decision;
    view! {
        <section class="cbw-tables" part="tables" aria-labelledby=state.id("tables-title")>
            <h2 class="cbw-title" id=state.id("tables-title")>"The matrices, with the rows in use marked"</h2>
            <MatrixTable
                state
                part="t1"
                caption="Table 1: CSI backup matrix"
                headers=&["Row", "Provisioner", "Volume snapshot class", "Offload selected", "Backup type triggered"]
            >
                {CSI_MATRIX
                    .iter()
                    .map(|row| {
                        let number = row.number;
                        let cells = vec![
                            number_text(number),
                            match row.provisioner {
                                ProvisionerKind::Portworx => "Portworx",
                                ProvisionerKind::NonPortworx => "Non-Portworx",
                            },
                            vsc_option_label(row.vsc_option),
                            yes_no(row.offload),
                            row.backup_type.name(),
                        ];
                        let used_by = Signal::derive(move || {
                            decision.with(|d| users(d, |p| p.csi_matrix_row == Some(number)))
                        });
                        view! { <Row cells used_by /> }
                    })
                    .collect_view()}
            </MatrixTable>
            <MatrixTable
                state
                part="t2"
                caption="Table 2: Backup driver matrix"
                headers=&["Backup type", "Driver", "Resources", "Volumes", "Classic mode", "Federated mode"]
            >
                {DRIVER_MATRIX
                    .iter()
                    .map(|row| {
                        let cells = vec![
                            row.backup_type,
                            row.driver,
                            row.resources,
                            row.volumes,
                            supported(row.classic_mode),
                            supported(row.federated_mode),
                        ];
                        let used_by = Signal::derive(move || {
                            decision.with(|d| {
                                if d.driver_matrix_rows.contains(&row.id) {
                                    users(d, |p| p.backup_type == row.produced_by)
                                } else {
                                    String::new()
                                }
                            })
                        });
                        view! { <Row cells used_by /> }
                    })
                    .collect_view()}
            </MatrixTable>
            <MatrixTable
                state
                part="t3"
                caption="Table 3: KDMP backup matrix (storage whose provider supports CSI snapshots)"
                headers=&["Cloud provider", "Storage type", "CSI + offload", "CSI", "Direct KDMP"]
            >
                {KDMP_MATRIX
                    .iter()
                    .map(|row| {
                        let cells = vec![
                            row.cloud,
                            row.storage,
                            yes_no(row.csi_offload),
                            yes_no(row.csi),
                            yes_no(row.direct_kdmp),
                        ];
                        let used_by = Signal::derive(move || {
                            decision.with(|d| users(d, |p| p.kdmp_matrix_row == Some(row.id)))
                        });
                        view! { <Row cells used_by /> }
                    })
                    .collect_view()}
            </MatrixTable>
        </section>
    }
}

/// Row numbers as static text (Table 1 has ten rows).
fn number_text(number: u8) -> &'static str {
    const NUMBERS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    NUMBERS.get(usize::from(number).wrapping_sub(1)).copied().unwrap_or("?")
}
