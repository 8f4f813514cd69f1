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

/// The names of the provisioners a row applies to, joined for the "In use by" cell; empty when
/// the row does not apply.
fn users(decision: &Decision, applies: impl Fn(&ProvisionerDecision) -> bool) -> String {
    decision
        .provisioners
        .iter()
        .filter(|p| applies(p))
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Tables 1, 2 and 3 of the source, with the rows in use marked.
#[component]
pub fn MatrixTables(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let decision = state.decision;
    let csi = CSI_MATRIX.iter().map(|row| {
        let provisioner = match row.provisioner {
            ProvisionerKind::Portworx => "Portworx",
            ProvisionerKind::NonPortworx => "Non-Portworx",
        };
        let cells = vec![
            row.number.to_string(),
            provisioner.to_owned(),
            vsc_option_label(row.vsc_option).to_owned(),
            yes_no(row.offload).to_owned(),
            row.backup_type.name().to_owned(),
        ];
        let number = row.number;
        let used_by = Memo::new(move |_| decision.with(|d| users(d, |p| p.csi_matrix_row == Some(number))));
        (cells, used_by)
    });
    let driver = DRIVER_MATRIX.iter().map(|row| {
        let cells = [row.backup_type, row.driver, row.resources, row.volumes]
            .into_iter()
            .chain([supported(row.classic_mode), supported(row.federated_mode)])
            .map(str::to_owned)
            .collect();
        let used_by = Memo::new(move |_| {
            decision.with(|d| {
                if d.driver_matrix_rows.contains(&row.id) {
                    users(d, |p| p.backup_type == row.produced_by)
                } else {
                    String::new()
                }
            })
        });
        (cells, used_by)
    });
    let kdmp = KDMP_MATRIX.iter().map(|row| {
        let cells =
            [row.cloud, row.storage, yes_no(row.csi_offload), yes_no(row.csi), yes_no(row.direct_kdmp)]
                .map(str::to_owned)
                .into();
        let used_by = Memo::new(move |_| decision.with(|d| users(d, |p| p.kdmp_matrix_row == Some(row.id))));
        (cells, used_by)
    });
    view! {
        <section class="cbw-tables" part="tables" aria-labelledby="tables-title">
            <h2 class="cbw-title" id="tables-title">"The matrices, with the rows in use marked"</h2>
            <MatrixTable
                id="t1"
                caption="Table 1: CSI backup matrix"
                headers=&["Row", "Provisioner", "Volume snapshot class", "Offload selected", "Backup type triggered"]
                rows=csi.collect()
            />
            <MatrixTable
                id="t2"
                caption="Table 2: Backup driver matrix"
                headers=&["Backup type", "Driver", "Resources", "Volumes", "Classic mode", "Federated mode"]
                rows=driver.collect()
            />
            <MatrixTable
                id="t3"
                caption="Table 3: KDMP backup matrix (storage whose provider supports CSI snapshots)"
                headers=&["Cloud provider", "Storage type", "CSI + offload", "CSI", "Direct KDMP"]
                rows=kdmp.collect()
            />
        </section>
    }
}

/// A captioned table in a box that scrolls on its own when narrow, with an "In use by" column.
#[component]
fn MatrixTable(
    /// The caption's id, which names the scrolling region.
    id: &'static str,
    /// The table's caption.
    caption: &'static str,
    /// The source's column headers.
    headers: &'static [&'static str],
    /// Each row's cells, and who uses the row now (empty when it does not apply).
    rows: Vec<(Vec<String>, Memo<String>)>,
) -> impl IntoView {
    view! {
        <div class="cbw-table-wrap" tabindex="0" role="region" aria-labelledby=id>
            <table class="cbw-table">
                <caption id=id>{caption}</caption>
                <thead>
                    <tr>
                        {headers.iter().map(|header| view! { <th scope="col">{*header}</th> }).collect_view()}
                        <th scope="col">"In use by"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(cells, used_by)| view! { <MatrixRow cells used_by /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One row of the source's cells, marked `aria-current` while a provisioner uses it.
#[component]
fn MatrixRow(
    /// The source's cells.
    cells: Vec<String>,
    /// Who uses the row now; empty when it does not apply.
    used_by: Memo<String>,
) -> impl IntoView {
    let current = move || used_by.with(|u| !u.is_empty());
    view! {
        <tr aria-current=move || current().then_some("true") class:cbw-current=current>
            {cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
            <td class="cbw-used-by">
                <Show when=current>
                    <span class="cbw-pointer" aria-hidden="true">"▶ "</span>
                </Show>
                {used_by}
            </td>
        </tr>
    }
}
