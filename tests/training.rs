//! Component tests of the training features in a real browser: the tour of Table 1, the
//! inventory editor, the environment picker and the Azure file driver version, the KDMP buffer
//! calculator, the upgrade preview, the URL state, and copy/download. Run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p create-backup-widget --target wasm32-unknown-unknown --test training`.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use backup_matrix::environment::{mechanisms, provisioner_for};
use backup_matrix::quantity::{format_bytes, kdmp_buffer, parse_quantities};
use backup_matrix::tables::{upgrade_effect, PreUpgradeBackup, UpgradeEffect, CSI_MATRIX, KDMP_MATRIX};
use backup_matrix::{share, BackupType, Config};
use create_backup_widget::embed::training_options;
use create_backup_widget::ui::TrainingOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Sets the page's URL hash without a history entry or a `hashchange` event.
fn set_hash(hash: &str) {
    let location = window().location();
    let url = format!("{}{}{hash}", location.pathname().unwrap(), location.search().unwrap());
    window().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&url)).unwrap();
}

fn hash() -> String {
    window().location().hash().unwrap()
}

fn history_length() -> u32 {
    window().history().unwrap().length().unwrap()
}

impl Fixture {
    fn has_control(&self, name: &str) -> bool {
        self.all("label").iter().any(|l| l.text_content().unwrap_or_default() == name)
    }

    /// The button whose text (its accessible name, hidden parts included) reads exactly `name`.
    fn button(&self, name: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default() == name)
            .unwrap_or_else(|| panic!("no button reads {name:?}"))
            .unchecked_into()
    }

    fn has_button(&self, name: &str) -> bool {
        self.all("button").iter().any(|b| b.text_content().unwrap_or_default() == name)
    }

    async fn press(&self, name: &str) {
        self.button(name).click();
        settle().await;
    }

    /// Opens the training panel titled `title` and waits until its content is built.
    async fn open(&self, title: &str) -> Element {
        let summary: HtmlElement = self
            .all("summary")
            .into_iter()
            .find(|s| s.text_content().unwrap_or_default() == title)
            .unwrap_or_else(|| panic!("no panel titled {title:?}"))
            .unchecked_into();
        summary.click();
        let panel = summary.parent_element().unwrap();
        for _ in 0..20 {
            settle().await;
            if panel.query_selector(".cbw-panel-body > *").unwrap().is_some() {
                return panel;
            }
        }
        panic!("panel {title:?} did not open");
    }

    async fn click_control(&self, scope: Option<&Element>, name: &str) {
        let input: HtmlInputElement = self.control_in(scope, name).unchecked_into();
        input.click();
        settle().await;
    }

    fn decision(&self) -> serde_json::Value {
        serde_json::from_str(&json_text(&self.widget.decision())).unwrap()
    }

    fn config(&self) -> Config {
        Config::parse(&json_text(&self.widget.config())).unwrap()
    }

    /// `(backupType, csiMatrixRow)` of one provisioner in the Decision.
    fn outcome(&self, provisioner: &str) -> (String, Option<u64>) {
        let decision = self.decision();
        let p = decision["provisioners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == provisioner)
            .unwrap_or_else(|| panic!("no decision for {provisioner}"))
            .clone();
        (p["backupType"].as_str().unwrap().to_owned(), p["csiMatrixRow"].as_u64())
    }

    fn provisioner_names(&self) -> Vec<String> {
        self.config().provisioners.into_iter().map(|p| p.name).collect()
    }

    /// The text of the answer line in a panel.
    fn answer(&self, panel: &Element) -> String {
        panel.query_selector(".cbw-answer").unwrap().unwrap().text_content().unwrap_or_default()
    }

    /// The inventory editor's item of one provisioner.
    fn item(&self, provisioner: &str) -> Element {
        self.all(".cbw-inventory-item")
            .into_iter()
            .find(|li| {
                li.query_selector(".cbw-inventory-name").unwrap().unwrap().text_content().unwrap()
                    == provisioner
            })
            .unwrap_or_else(|| panic!("no inventory item for {provisioner}"))
    }

    fn is_hidden(&self, element: &Element) -> bool {
        element.closest("[hidden]").unwrap().is_some()
    }
}

const TOUR: &str = "Tour of Table 1: show any row";
const INVENTORY: &str = "Cluster inventory: provisioners and snapshot classes";
const ENVIRONMENT: &str = "Environment: cloud provider and storage type (Table 3)";
const BUFFER: &str = "KDMP buffer calculator";
const UPGRADE: &str = "Upgrade from 2.6.0 or earlier";
const TAKE_AWAY: &str = "Take the request away: copy, download, print";
const OFFLOAD: &str = "Offload CSI snapshots to backup location";
const URL_STATE: &str = r#"{"urlState":true}"#;

// ------------------------------------------------------------------------------------------
// The panels

#[wasm_bindgen_test]
async fn panels_start_closed_and_build_their_content_when_opened() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    assert_eq!(f.all("details.cbw-panel").len(), 6);
    assert!(f.all("details[open]").is_empty());
    assert_eq!(f.all("button").len(), 1, "only Create until a panel opens");
    assert_eq!(f.all("[role='status']").len(), 1, "the preview stays the one status region");
    f.open(TOUR).await;
    assert_eq!(f.all("button").len(), 11);
    assert_eq!(f.all("[role='status']").len(), 1);
    assert!(f.all(".cbw-link-notice").is_empty(), "no URL state unless the host allows it");
}

#[wasm_bindgen_test]
fn options_are_read_leniently() {
    let default = TrainingOptions::default();
    let read = |text: &str| training_options(&js_sys::JSON::parse(text).unwrap());
    assert_eq!(training_options(&JsValue::UNDEFINED), default);
    assert_eq!(read("null"), default);
    assert_eq!(read(r#""urlState""#), default);
    assert_eq!(read("[1]"), default);
    assert!(read(URL_STATE).url_state);
    assert!(!read(r#"{"urlState":"yes"}"#).url_state);
    assert!(read(r#"{"inventoryEditor":"hidden"}"#).hide_inventory_editor);
    assert!(read(r#"{"inventoryEditor":false}"#).hide_inventory_editor);
    assert!(!read(r#"{"inventoryEditor":"shown"}"#).hide_inventory_editor);
}

// ------------------------------------------------------------------------------------------
// Tour

/// Tours every row of Table 1 from one starting scenario, in order and by keyboard-reachable
/// buttons, checking the Decision, the marked row of Table 1 and the tour's own answer.
async fn tour_every_row(scenario: &str) {
    let f = fixture(None, Some(scenario), None);
    settle().await;
    let panel = f.open(TOUR).await;
    for row in &CSI_MATRIX {
        let n = row.number;
        let button = f.button(&format!("Show row {n}"));
        assert!(f.described_by(&button).contains(row.backup_type.name()), "row {n} describes its outcome");
        button.focus().unwrap();
        f.press(&format!("Show row {n}")).await;
        let on_row: Vec<String> = f.decision()["provisioners"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["csiMatrixRow"].as_u64() == Some(u64::from(n)))
            .map(|p| p["name"].as_str().unwrap().to_owned())
            .collect();
        assert!(!on_row.is_empty(), "{scenario}: row {n} is in use after touring it");
        assert!(f.marked_rows(1).contains(&n.to_string()), "{scenario}: Table 1 marks row {n}");
        let answer = f.answer(&panel);
        assert!(answer.contains(&format!("Row {n} applies now to")), "{answer}");
        assert!(answer.contains(&on_row[0]), "{answer}");
        let current = f.all(".cbw-tour-row.cbw-current");
        assert!(current.iter().any(|li| li.text_content().unwrap().contains(&format!("Show row {n}"))));
    }
}

#[wasm_bindgen_test]
async fn tour_reaches_every_row_from_the_mixed_cluster() {
    tour_every_row("mixed").await;
}

#[wasm_bindgen_test]
async fn tour_reaches_every_row_from_a_portworx_only_cluster() {
    tour_every_row("portworx").await;
}

#[wasm_bindgen_test]
async fn tour_reaches_every_row_from_a_single_efs_cluster() {
    tour_every_row("aws-efs").await;
}

#[wasm_bindgen_test]
async fn tour_says_so_when_no_provisioner_can_be_added() {
    let provisioners: Vec<String> =
        (0..200).map(|i| format!(r#"{{"name":"p{i}.csi.example.com"}}"#)).collect();
    let config = format!(r#"{{"provisioners":[{}]}}"#, provisioners.join(","));
    let f = fixture(Some(&config), None, None);
    settle().await;
    let panel = f.open(TOUR).await;
    f.press("Show row 3").await;
    assert!(f.answer(&panel).contains("Row 3 applies now"), "a change of offload is enough");
    f.press("Show row 6").await;
    assert!(f.answer(&panel).contains("cannot be shown"), "{}", f.answer(&panel));
    assert_eq!(f.config().provisioners.len(), 200);
}

// ------------------------------------------------------------------------------------------
// Inventory editor

#[wasm_bindgen_test]
async fn inventory_editor_reaches_every_row_of_table_one() {
    let f = fixture(Some(r#"{"provisioners":[{"name":"csi.example.com"}]}"#), None, None);
    settle().await;
    f.open(INVENTORY).await;
    const P: &str = "csi.example.com";
    let row = |f: &Fixture| f.outcome(P).1;
    assert_eq!(row(&f), Some(4), "no class, offload off");
    f.type_text("New snapshot class for csi.example.com", "a-vsc").await;
    f.press("Add class to csi.example.com").await;
    assert_eq!(row(&f), Some(8), "one class, not default");
    f.click_control(Some(&f.item(P)), "a-vsc").await;
    assert_eq!(row(&f), Some(6), "one default class");
    f.type_text("New snapshot class for csi.example.com", "b-vsc").await;
    f.press("Add class to csi.example.com").await;
    assert_eq!(row(&f), Some(10), "several classes, the default chosen");
    f.click_control(None, OFFLOAD).await;
    assert_eq!(row(&f), Some(9));
    f.press("Remove class b-vsc").await;
    assert_eq!(row(&f), Some(5));
    f.click_control(Some(&f.item(P)), "No default").await;
    assert_eq!(row(&f), Some(7));
    f.press("Remove class a-vsc").await;
    assert_eq!(row(&f), Some(3));
    f.click_control(None, "Mark csi.example.com as Portworx").await;
    assert_eq!(row(&f), Some(1));
    assert_eq!(f.outcome(P).0, "portworx-cloud-snapshot");
    f.click_control(None, OFFLOAD).await;
    assert_eq!(row(&f), Some(2));
    f.click_control(None, "Mark csi.example.com as Portworx").await;
    assert_eq!(row(&f), Some(4), "unmarked again");
    assert_eq!(f.config().provisioners[0].portworx, None);
}

#[wasm_bindgen_test]
async fn inventory_editor_adds_and_removes_provisioners_and_the_form_follows() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    f.open(INVENTORY).await;
    f.type_text("New provisioner name", "  nfs.csi.k8s.io ").await;
    f.press("Add provisioner").await;
    assert_eq!(f.provisioner_names(), ["ebs.csi.aws.com", "nfs.csi.k8s.io"]);
    assert_eq!(f.input("New provisioner name").value(), "", "cleared after adding");
    assert!(f.has_control("Volume snapshot class for nfs.csi.k8s.io"), "Snapshot Class Mapping follows");
    assert_eq!(f.outcome("nfs.csi.k8s.io"), ("fails".to_owned(), Some(4)));
    f.press("Remove provisioner ebs.csi.aws.com").await;
    assert_eq!(f.provisioner_names(), ["nfs.csi.k8s.io"]);
    assert!(!f.has_control("Volume snapshot class for ebs.csi.aws.com"));
    let built_in: HtmlInputElement = f.control("Mark nfs.csi.k8s.io as Portworx").unchecked_into();
    assert!(!built_in.disabled());
    f.type_text("New provisioner name", "pxd.portworx.com").await;
    f.press("Add provisioner").await;
    let px: HtmlInputElement = f.control("Mark pxd.portworx.com as Portworx").unchecked_into();
    assert!(px.disabled() && px.checked(), "a built-in Portworx name is always Portworx");
    assert!(f.described_by(&px).contains("built-in"));
}

#[wasm_bindgen_test]
async fn inventory_editor_shows_why_an_edit_is_not_applied() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    f.open(INVENTORY).await;
    let before = f.config();
    for (name, expected) in [
        ("ebs.csi.aws.com", "listed twice"),
        ("Not A Name!", "not a valid provisioner name"),
        ("", "the name is empty"),
    ] {
        f.type_text("New provisioner name", name).await;
        f.press("Add provisioner").await;
        let input = f.control("New provisioner name");
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"), "{name:?}");
        assert!(f.described_by(&input).contains(expected), "{name:?}: {}", f.described_by(&input));
        assert_eq!(f.config(), before, "{name:?} is not applied");
    }
    f.type_text("New provisioner name", "x").await;
    let input = f.control("New provisioner name");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"), "typing clears the error");
    f.type_text("New snapshot class for ebs.csi.aws.com", "ebs-vsc").await;
    f.press("Add class to ebs.csi.aws.com").await;
    let class_input = f.control("New snapshot class for ebs.csi.aws.com");
    assert!(f.described_by(&class_input).contains("cluster-wide"), "{}", f.described_by(&class_input));
    f.press("Remove provisioner ebs.csi.aws.com").await;
    let remove = f.button("Remove provisioner ebs.csi.aws.com");
    assert!(f.described_by(&remove).contains("at least one"), "{}", f.described_by(&remove));
    assert_eq!(f.config(), before);
}

#[wasm_bindgen_test]
async fn inventory_edits_reset_a_select_that_named_a_removed_class() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    f.open(INVENTORY).await;
    let gce: HtmlSelectElement =
        f.control("Volume snapshot class for pd.csi.storage.gke.io").unchecked_into();
    gce.set_value("pd-archive-snapclass");
    gce.dispatch_event(&user_event("change")).unwrap();
    settle().await;
    f.press("Remove class pd-archive-snapclass").await;
    let decision = f.decision();
    let gce = decision["provisioners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "pd.csi.storage.gke.io")
        .unwrap();
    assert_eq!(gce["volumeSnapshotClass"], "pd-standard-snapclass", "back to the default");
}

#[wasm_bindgen_test]
async fn inventory_editor_can_be_hidden_by_the_host() {
    let f = fixture(None, Some("mixed"), Some(r#"{"inventoryEditor":"hidden"}"#));
    settle().await;
    assert!(f.all("summary").iter().all(|s| s.text_content().unwrap() != INVENTORY));
    assert_eq!(f.all("details.cbw-panel").len(), 5);
}

// ------------------------------------------------------------------------------------------
// Environment (Table 3) and the Azure file driver version

#[wasm_bindgen_test]
async fn environment_offers_each_storage_type_and_sets_up_its_provisioner() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let panel = f.open(ENVIRONMENT).await;
    for row in &KDMP_MATRIX {
        f.choose("Cloud provider", row.cloud).await;
        f.choose("Storage type", row.id).await;
        let listed = panel.query_selector(".cbw-mechanisms").unwrap().unwrap().text_content().unwrap();
        for mechanism in BackupType::ALL {
            let offered = mechanisms(row.id).contains(&mechanism);
            if mechanism != BackupType::CsiSnapshot {
                assert_eq!(listed.contains(mechanism.name()), offered, "{}: {listed}", row.id);
            }
        }
        let no_csi = panel.query_selector(".cbw-notice-caution").unwrap().unwrap();
        assert_eq!(f.is_hidden(&no_csi), row.csi || row.csi_offload, "{}: the no-CSI-path notice", row.id);
        f.press("Use this storage in the form").await;
        let expected = provisioner_for(row.id).unwrap();
        assert_eq!(f.config().provisioners, vec![expected.clone()], "{}", row.id);
        assert_eq!(f.decision()["provisioners"][0]["kdmpMatrixRow"], row.id);
        assert!(f.marked_rows(3).contains(&row.cloud.to_owned()));
        assert!(f.answer(&panel).contains(&expected.name), "{}", f.answer(&panel));
    }
}

#[wasm_bindgen_test]
async fn environment_storage_types_follow_the_cloud() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    f.open(ENVIRONMENT).await;
    let storages = |f: &Fixture| -> Vec<String> {
        let select: HtmlSelectElement = f.control("Storage type").unchecked_into();
        let options = select.options();
        (0..options.length()).map(|i| options.item(i).unwrap().text_content().unwrap()).collect()
    };
    f.choose("Cloud provider", "GCP").await;
    assert_eq!(storages(&f), ["Google disk", "Google file"]);
    let select: HtmlSelectElement = f.control("Storage type").unchecked_into();
    assert_eq!(select.value(), "gcp-disk", "the cloud's first storage type");
    f.choose("Cloud provider", "AWS").await;
    assert_eq!(storages(&f), ["EBS", "EFS"]);
}

#[wasm_bindgen_test]
async fn azure_file_driver_version_cautions_recommends_cross_cloud_and_rejects_non_versions() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let panel = f.open(ENVIRONMENT).await;
    let field = f.control("Azure file CSI driver version");
    assert!(f.is_hidden(&field), "only for Azure file shares");
    f.choose("Cloud provider", "Azure").await;
    f.choose("Storage type", "azure-file").await;
    assert!(!f.is_hidden(&field));
    let notice = || panel.query_selector("div.cbw-notice[aria-live]").unwrap().unwrap();
    assert!(f.is_hidden(&notice()), "nothing to say before a version is typed");
    f.type_text("Azure file CSI driver version", "v1.29.4").await;
    let text = notice().text_content().unwrap();
    assert!(
        text.contains("Caution") && text.contains("older than v1.30.2") && text.contains("cross-cloud"),
        "{text}"
    );
    assert!(notice().class_list().contains("cbw-notice-caution"));
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("false"));
    f.press("Turn on Cross Cloud Backup/Restore").await;
    assert!(f.config().cross_cloud, "the recommended cross-cloud backup is one click away");
    f.type_text("Azure file CSI driver version", "1.30.2").await;
    let text = notice().text_content().unwrap();
    assert!(text.contains("Note") && text.contains("restores"), "{text}");
    assert!(!notice().class_list().contains("cbw-notice-caution"));
    assert!(f.is_hidden(&f.button("Turn on Cross Cloud Backup/Restore")));
    f.type_text("Azure file CSI driver version", "1.30.2-rc.1").await;
    assert!(
        notice().text_content().unwrap().contains("older than"),
        "a pre-release sorts before its release"
    );
    f.type_text("Azure file CSI driver version", "latest").await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(f.described_by(&field).contains("not a version number"), "{}", f.described_by(&field));
    assert!(f.is_hidden(&notice()));
    f.type_text("Azure file CSI driver version", "").await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("false"), "an empty field is no error");
}

// ------------------------------------------------------------------------------------------
// KDMP buffer

#[wasm_bindgen_test]
async fn buffer_calculator_shows_the_kdmp_buffer_when_kdmp_is_in_use() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    let panel = f.open(BUFFER).await;
    let sizes = "500Mi, 10Gi, 1.5Ti, 2G";
    f.type_text("PVC sizes", sizes).await;
    let expected = format_bytes(kdmp_buffer(&parse_quantities(sizes).unwrap()));
    assert_eq!(expected, "3.02 TiB");
    let answer = f.answer(&panel);
    assert!(answer.contains("No provisioner uses KDMP now"), "a CSI snapshot needs no buffer: {answer}");
    f.click_control(None, OFFLOAD).await;
    let answer = f.answer(&panel);
    assert!(answer.contains("KDMP moves data for ebs.csi.aws.com"), "{answer}");
    assert!(answer.contains(&format!("allocate {expected}")), "{answer}");
    f.type_text("PVC sizes", "10Gi").await;
    assert!(f.answer(&panel).contains("allocate 20 GiB"), "{}", f.answer(&panel));
    f.type_text("PVC sizes", "10Gi 3gi").await;
    let field = f.control("PVC sizes");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let why = f.described_by(&field);
    assert!(why.contains("Size 2") && why.contains("case-sensitive"), "{why}");
    assert!(f.answer(&panel).is_empty(), "no figure for a bad list");
}

// ------------------------------------------------------------------------------------------
// Upgrade preview

#[wasm_bindgen_test]
async fn upgrade_preview_answers_every_case() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let panel = f.open(UPGRADE).await;
    for scheduled in [false, true] {
        for cloud_native_driver in [false, true] {
            for vsc_available in [false, true] {
                let scope = Some(&panel);
                f.click_control(
                    scope,
                    if scheduled { "Scheduled (its future runs)" } else { "Manual (existing)" },
                )
                .await;
                f.click_control(
                    scope,
                    if cloud_native_driver { "The cloud native driver" } else { "Another driver" },
                )
                .await;
                f.click_control(scope, if vsc_available { "Available" } else { "Not available" }).await;
                let expected = match upgrade_effect(PreUpgradeBackup {
                    scheduled,
                    cloud_native_driver,
                    vsc_available,
                }) {
                    UpgradeEffect::NotAffected => "Not affected",
                    UpgradeEffect::MigratedToCsiOffload => BackupType::CsiSnapshotOffload.name(),
                    UpgradeEffect::UsesDirectKdmp => BackupType::DirectKdmp.name(),
                    UpgradeEffect::Unchanged => "Unchanged",
                };
                let answer = f.answer(&panel);
                assert!(
                    answer.contains(expected),
                    "{scheduled} {cloud_native_driver} {vsc_available}: {answer}"
                );
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// URL state

#[wasm_bindgen_test]
async fn url_state_is_written_on_every_change_without_history_entries() {
    set_hash("");
    let f = fixture(None, Some("mixed"), Some(URL_STATE));
    settle().await;
    assert_eq!(hash(), "", "loading leaves the URL as it is");
    let entries = history_length();
    f.click_control(None, OFFLOAD).await;
    assert_eq!(hash(), format!("#{}", share::encode(&f.config())));
    assert!(share::decode(&hash()).unwrap().offload);
    f.open(TOUR).await;
    f.press("Show row 10").await;
    assert_eq!(share::decode(&hash()).unwrap(), f.config());
    assert_eq!(history_length(), entries, "replaceState: no history entry per change");
    drop(f);
    set_hash("");
}

#[wasm_bindgen_test]
async fn url_state_restores_a_valid_hash_on_load() {
    let mut wanted = backup_matrix::scenarios::find("aws-ebs").unwrap().config();
    wanted.offload = true;
    wanted.backup_name = "restored".to_owned();
    set_hash(&format!("#{}", share::encode(&wanted)));
    let f = fixture(None, Some("mixed"), Some(URL_STATE));
    settle().await;
    assert_eq!(f.config(), wanted);
    assert_eq!(f.input("Backup name").value(), "restored", "text fields start with the restored text");
    assert_eq!(f.outcome("ebs.csi.aws.com"), ("csi-snapshot-offload".to_owned(), Some(5)));
    assert!(f.is_hidden(&f.one(".cbw-link-notice")));
    drop(f);
    set_hash("");
}

#[wasm_bindgen_test]
async fn url_state_bad_hashes_give_a_notice_and_the_starting_state() {
    let oversize = format!("#v1.{}", "A".repeat(share::MAX_STATE_CHARS));
    let empty_config = format!("#{}", share::encode(&Config::default()));
    let cases: [(&str, &str); 6] = [
        ("#v1.@@@", "damaged"),
        ("#v2.eyJ9", "another version"),
        ("#hello", "not a form state link"),
        ("#v1.", "no form state"),
        (&oversize, "characters long"),
        (&empty_config, "not valid"),
    ];
    for (bad, expected) in cases {
        set_hash(bad);
        let f = fixture(None, Some("aws-ebs"), Some(URL_STATE));
        settle().await;
        let notice = f.one(".cbw-link-notice");
        assert!(!f.is_hidden(&notice), "{bad:.20}");
        let text = notice.text_content().unwrap();
        assert!(text.contains(expected) && text.contains("starting state"), "{bad:.20}: {text}");
        assert_eq!(f.provisioner_names(), ["ebs.csi.aws.com"], "the scenario's state");
        assert_eq!(f.outcome("ebs.csi.aws.com").0, "csi-snapshot");
        assert_eq!(f.all("[role='status']").len(), 1, "the widget is whole");
        f.click_control(None, OFFLOAD).await;
        assert!(f.is_hidden(&f.one(".cbw-link-notice")), "a change writes a good link");
        assert_eq!(share::decode(&hash()).unwrap(), f.config());
        drop(f);
    }
    set_hash("");
}

#[wasm_bindgen_test]
async fn url_state_follows_a_new_hash_in_the_same_page() {
    set_hash("");
    let f = fixture(None, Some("mixed"), Some(URL_STATE));
    settle().await;
    let wanted = backup_matrix::scenarios::find("gcp-file").unwrap().config();
    window().location().set_hash(&share::encode(&wanted)).unwrap();
    for _ in 0..20 {
        settle().await;
        if f.config() == wanted {
            break;
        }
    }
    assert_eq!(f.config(), wanted);
    window().location().set_hash("v1.!").unwrap();
    for _ in 0..20 {
        settle().await;
        if !f.is_hidden(&f.one(".cbw-link-notice")) {
            break;
        }
    }
    assert!(f.text(".cbw-link-notice").contains("keeps its current state"));
    assert_eq!(f.config(), wanted, "a bad link changes nothing");
    drop(f);
    set_hash("");
}

#[wasm_bindgen_test]
async fn without_url_state_the_hash_is_neither_read_nor_written() {
    let wanted = backup_matrix::scenarios::find("aws-efs").unwrap().config();
    let link = format!("#{}", share::encode(&wanted));
    set_hash(&link);
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    assert_eq!(f.provisioner_names().len(), 5, "the scenario, not the hash");
    f.click_control(None, OFFLOAD).await;
    assert_eq!(hash(), link);
    drop(f);
    set_hash("");
}

// ------------------------------------------------------------------------------------------
// Take it away

/// Replaces `URL.createObjectURL` and `HTMLAnchorElement.prototype.click` for one download:
/// returns the blob handed to the first and the `download` name clicked with the second.
struct DownloadSpy {
    blobs: Rc<RefCell<Vec<web_sys::Blob>>>,
    names: Rc<RefCell<Vec<String>>>,
    originals: (JsValue, JsValue),
}

impl DownloadSpy {
    fn install() -> DownloadSpy {
        let url = js_sys::Reflect::get(&window(), &"URL".into()).unwrap();
        let anchor = js_sys::Reflect::get(&window(), &"HTMLAnchorElement".into()).unwrap();
        let prototype = js_sys::Reflect::get(&anchor, &"prototype".into()).unwrap();
        let originals = (
            js_sys::Reflect::get(&url, &"createObjectURL".into()).unwrap(),
            js_sys::Reflect::get(&prototype, &"click".into()).unwrap(),
        );
        let blobs: Rc<RefCell<Vec<web_sys::Blob>>> = Rc::default();
        let names: Rc<RefCell<Vec<String>>> = Rc::default();
        let sink = blobs.clone();
        let create = Closure::<dyn FnMut(web_sys::Blob) -> String>::new(move |blob: web_sys::Blob| {
            sink.borrow_mut().push(blob);
            "blob:spy".to_owned()
        });
        let sink = names.clone();
        let record =
            Closure::<dyn FnMut(web_sys::HtmlAnchorElement)>::new(move |a: web_sys::HtmlAnchorElement| {
                sink.borrow_mut().push(format!("{} {}", a.download(), a.href()));
            });
        // `click` is called with the anchor as `this`: a small JS shim passes it on.
        let shim = js_sys::Function::new_with_args("f", "return function () { f(this); };");
        let click = shim.call1(&JsValue::NULL, record.as_ref()).unwrap();
        js_sys::Reflect::set(&url, &"createObjectURL".into(), create.as_ref()).unwrap();
        js_sys::Reflect::set(&prototype, &"click".into(), &click).unwrap();
        create.forget();
        record.forget();
        DownloadSpy { blobs, names, originals }
    }
}

impl Drop for DownloadSpy {
    fn drop(&mut self) {
        let url = js_sys::Reflect::get(&window(), &"URL".into()).unwrap();
        let anchor = js_sys::Reflect::get(&window(), &"HTMLAnchorElement".into()).unwrap();
        let prototype = js_sys::Reflect::get(&anchor, &"prototype".into()).unwrap();
        js_sys::Reflect::set(&url, &"createObjectURL".into(), &self.originals.0).unwrap();
        js_sys::Reflect::set(&prototype, &"click".into(), &self.originals.1).unwrap();
    }
}

#[wasm_bindgen_test]
async fn download_saves_the_request_json_as_a_named_file() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    let panel = f.open(TAKE_AWAY).await;
    let spy = DownloadSpy::install();
    f.press("Download request JSON").await;
    let blobs = spy.blobs.borrow().clone();
    let names = spy.names.borrow().clone();
    drop(spy);
    assert_eq!(blobs.len(), 1);
    assert_eq!(blobs[0].type_(), "application/json");
    let text = wasm_bindgen_futures::JsFuture::from(blobs[0].text()).await.unwrap().as_string().unwrap();
    let request: serde_json::Value = serde_json::from_str(&text).unwrap();
    let shown: serde_json::Value = serde_json::from_str(&f.text(".cbw-json")).unwrap();
    assert_eq!(request["body"], shown, "the file holds the request the preview shows");
    assert_eq!(request["method"], "POST");
    assert_eq!(request["path"], "/v1/backup");
    assert!(f.text(".cbw-endpoint").starts_with("POST /v1/backup"));
    assert_eq!(request["body"]["metadata"]["name"], "orders-backup");
    assert_eq!(names, ["orders-backup-request.json blob:spy"]);
    assert!(f.answer(&panel).contains("orders-backup-request.json"));
    f.input("Backup name").set_value("Not Valid");
    f.input("Backup name").dispatch_event(&user_event("input")).unwrap();
    settle().await;
    let spy = DownloadSpy::install();
    f.press("Download request JSON").await;
    let names = spy.names.borrow().clone();
    drop(spy);
    assert_eq!(names, ["backup-request.json blob:spy"], "an invalid name does not name the file");
}

#[wasm_bindgen_test]
async fn copy_says_what_happened() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    let panel = f.open(TAKE_AWAY).await;
    // Headless Chromium may refuse the clipboard without a permission or focus: either way the
    // widget says what happened to which copy, as text.
    for (button, subject) in [("Copy request JSON", "the request JSON"), ("Copy as curl", "the curl command")]
    {
        f.press(button).await;
        let mut answer = String::new();
        for _ in 0..50 {
            settle().await;
            answer = f.answer(&panel);
            if answer.contains(subject) {
                break;
            }
        }
        assert!(
            answer.starts_with(&format!("Copied {subject}"))
                || answer.starts_with(&format!("Could not copy {subject}:")),
            "{button}: {answer}"
        );
    }
    assert!(f.has_button("Print"));
}
