//! Component tests in a real browser: each part of the form and of the preview, through the DOM
//! a user sees. Run with `cargo test --target wasm32-unknown-unknown` (wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

impl Fixture {
    fn options(&self, name: &str) -> Vec<(String, String)> {
        let select = self.select(name);
        let options = select.options();
        (0..options.length())
            .map(|i| {
                let option: web_sys::HtmlOptionElement = options.item(i).unwrap().unchecked_into();
                (option.value(), option.text())
            })
            .collect()
    }

    async fn toggle(&self, name: &str) {
        let input: HtmlInputElement = self.control(name).unchecked_into();
        input.click();
        settle().await;
    }

    async fn press_create(&self) {
        let button: HtmlElement = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default() == "Create")
            .expect("a Create button")
            .unchecked_into();
        button.click();
        settle().await;
    }

    fn outcome(&self, provisioner: &str) -> (String, String) {
        let item = self
            .all(".cbw-outcome")
            .into_iter()
            .find(|li| {
                li.query_selector(".cbw-outcome-name").unwrap().unwrap().text_content().unwrap()
                    == provisioner
            })
            .unwrap_or_else(|| panic!("no outcome for {provisioner}"));
        (item.get_attribute("data-backup-type").unwrap(), item.text_content().unwrap())
    }

    fn events_of(&self, kind: &str) -> Vec<serde_json::Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, detail)| serde_json::from_str(detail).unwrap())
            .collect()
    }
}

const EBS: &str = "Volume snapshot class for ebs.csi.aws.com";
const EFS: &str = "Volume snapshot class for efs.csi.aws.com";
const PX: &str = "Volume snapshot class for pxd.portworx.com";
const AZURE: &str = "Volume snapshot class for disk.csi.azure.com";
const GCE: &str = "Volume snapshot class for pd.csi.storage.gke.io";
const OFFLOAD: &str = "Offload CSI snapshots to backup location";
const CROSS_CLOUD: &str = "Cross Cloud Backup/Restore";

#[wasm_bindgen_test]
async fn every_control_has_its_exact_accessible_name() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    for name in
        ["Backup name", "Backup location", "Namespaces", OFFLOAD, CROSS_CLOUD, PX, EFS, EBS, AZURE, GCE]
    {
        f.control(name);
    }
    assert_eq!(f.all("button").len(), 1);
    assert_eq!(f.all("[role='status']").len(), 1, "the preview is one status region from the start");
}

#[wasm_bindgen_test]
async fn portworx_select_is_always_disabled_and_says_why() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let select = f.select(PX);
    assert!(select.disabled());
    assert!(f.described_by(&select).contains("Portworx"), "{}", f.described_by(&select));
    f.toggle(OFFLOAD).await;
    assert!(f.select(PX).disabled(), "offload does not enable it");
    assert_eq!(f.outcome("pxd.portworx.com").0, "portworx-cloud-snapshot");
}

#[wasm_bindgen_test]
async fn provisioner_without_classes_is_disabled_with_no_options() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let select = f.select(EFS);
    assert!(select.disabled());
    assert_eq!(select.options().length(), 0);
    assert!(f.described_by(&select).contains("no volume snapshot class"));
    assert_eq!(f.outcome("efs.csi.aws.com").0, "fails");
}

#[wasm_bindgen_test]
async fn single_classes_are_auto_populated() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    assert_eq!(f.options(EBS), vec![("ebs-vsc".to_owned(), "ebs-vsc (default): CSI snapshot".to_owned())]);
    assert_eq!(f.select(EBS).value(), "ebs-vsc");
    assert!(!f.select(EBS).disabled());
    assert_eq!(f.select(AZURE).value(), "csi-azuredisk-vsc");
    assert!(f.described_by(&f.select(AZURE).unchecked_into()).contains("not marked default"));
}

#[wasm_bindgen_test]
async fn several_classes_offer_all_with_the_default_preselected_and_no_class() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let values: Vec<String> = f.options(GCE).into_iter().map(|(v, _)| v).collect();
    assert_eq!(values, ["", "pd-standard-snapclass", "pd-balanced-snapclass", "pd-archive-snapclass"]);
    assert_eq!(f.select(GCE).value(), "pd-standard-snapclass");
    f.choose(GCE, "pd-archive-snapclass").await;
    assert!(f.outcome("pd.csi.storage.gke.io").1.contains("pd-archive-snapclass"));
    assert_eq!(f.outcome("pd.csi.storage.gke.io").0, "csi-snapshot");
    f.choose(GCE, "").await;
    assert_eq!(f.outcome("pd.csi.storage.gke.io").0, "fails", "no class behaves as no VSC");
}

#[wasm_bindgen_test]
async fn several_classes_without_a_default_start_with_no_class() {
    let config = r#"{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"a"},{"name":"b"}]}]}"#;
    let f = fixture(Some(config), None, None);
    settle().await;
    assert_eq!(f.select(EBS).value(), "");
    assert_eq!(f.outcome("ebs.csi.aws.com").0, "fails");
}

#[wasm_bindgen_test]
async fn cross_cloud_makes_every_volume_direct_kdmp_and_selects_say_so() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    f.toggle(CROSS_CLOUD).await;
    for name in [
        "pxd.portworx.com",
        "efs.csi.aws.com",
        "ebs.csi.aws.com",
        "disk.csi.azure.com",
        "pd.csi.storage.gke.io",
    ] {
        assert_eq!(f.outcome(name).0, "direct-kdmp", "{name}");
    }
    assert!(f.described_by(&f.select(EBS).unchecked_into()).contains("Not used now"));
    assert_eq!(f.marked_rows(2), ["Cross-cloud"]);
    assert!(f.marked_rows(1).is_empty(), "Table 1 does not apply under cross cloud");
}

#[wasm_bindgen_test]
async fn cross_cloud_off_again_gives_every_select_its_own_hint_back() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let hint = |name: &str| f.described_by(&f.select(name).unchecked_into());
    let before: Vec<String> = [EBS, GCE, PX].map(hint).into();
    f.toggle(CROSS_CLOUD).await;
    assert!(f.one(".cbw-mapping").class_list().contains("cbw-inactive"));
    f.toggle(CROSS_CLOUD).await;
    assert!(!f.one(".cbw-mapping").class_list().contains("cbw-inactive"));
    assert_eq!([EBS, GCE, PX].map(hint), before.as_slice());
    f.toggle(CROSS_CLOUD).await;
    assert!([EBS, GCE, PX].map(hint).iter().all(|h| h.contains("Not used now")), "and on again");
}

#[wasm_bindgen_test]
async fn a_new_config_updates_the_rows_that_changed_and_keeps_the_others() {
    let config = |ebs: &str| {
        format!(
            r#"{{"provisioners":[{{"name":"a.csi.example.com","volumeSnapshotClasses":[{{"name":"a-vsc"}}]}},
            {{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{ebs}]}}]}}"#
        )
    };
    let f = fixture(Some(&config(r#"{"name":"ebs-vsc","default":true}"#)), None, None);
    settle().await;
    let other = f.select("Volume snapshot class for a.csi.example.com");
    assert_eq!(f.options(EBS), [("ebs-vsc".to_owned(), "ebs-vsc (default): CSI snapshot".to_owned())]);
    f.widget.update(config(r#"{"name":"ebs-vsc"},{"name":"ebs-gp3","default":true}"#).into(), None);
    settle().await;
    assert_eq!(
        f.options(EBS),
        [
            (String::new(), "No snapshot class: Backup creation fails".to_owned()),
            ("ebs-vsc".to_owned(), "ebs-vsc: CSI snapshot".to_owned()),
            ("ebs-gp3".to_owned(), "ebs-gp3 (default): CSI snapshot".to_owned()),
        ]
    );
    assert_eq!(f.select(EBS).value(), "ebs-gp3");
    assert!(f.described_by(&f.select(EBS).unchecked_into()).contains("\"ebs-gp3\" is the default"));
    assert!(f.select("Volume snapshot class for a.csi.example.com").is_same_node(Some(&other)), "row kept");
}

#[wasm_bindgen_test]
async fn invalid_backup_name_shows_an_inline_error_and_blocks_create() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    f.type_text("Backup name", "Nightly_Backup").await;
    let input = f.control("Backup name");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(f.described_by(&input).contains("not a valid name"), "{}", f.described_by(&input));
    f.press_create().await;
    assert!(f.events_of("backup-create").is_empty());
    f.type_text("Backup name", "nightly-backup").await;
    assert_eq!(f.control("Backup name").get_attribute("aria-invalid").as_deref(), Some("false"));
    f.press_create().await;
    assert_eq!(f.events_of("backup-create").len(), 1);
}

#[wasm_bindgen_test]
async fn create_on_a_failing_backup_says_why_and_sends_nothing() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let button = f.one("button");
    assert_eq!(button.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(!button.has_attribute("disabled"), "Create stays focusable");
    assert!(f.described_by(&button).contains("The backup fails"));
    f.press_create().await;
    assert!(f.events_of("backup-create").is_empty());
    f.toggle(OFFLOAD).await;
    assert_eq!(f.one("button").get_attribute("aria-disabled").as_deref(), Some("false"));
    f.press_create().await;
    let sent = f.events_of("backup-create");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["method"], "POST");
    assert_eq!(sent[0]["path"], "/v1/backup");
    let body = &sent[0]["body"];
    assert_eq!(body["backup_type"], "Generic");
    assert_eq!(body["metadata"]["name"], "shop-backup");
    assert_eq!(body["metadata"]["org_id"], "default");
    assert_eq!(body["cluster_ref"]["name"], "prod-multicloud");
    assert_eq!(body["volume_snapshot_class_mapping"]["ebs.csi.aws.com"], "ebs-vsc");
}

#[wasm_bindgen_test]
async fn scheduled_backups_show_and_send_a_schedule_policy() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    assert!(f.all("label").iter().all(|l| l.text_content().unwrap() != "Schedule policy"));
    let scheduled: HtmlElement = f.one("input[type='radio'][value='scheduled']").unchecked_into();
    scheduled.click();
    settle().await;
    assert_eq!(f.select("Schedule policy").value(), "daily");
    assert!(f.text(".cbw-endpoint").starts_with("POST /v1/backupschedule"), "{}", f.text(".cbw-endpoint"));
    f.choose("Schedule policy", "weekly").await;
    assert!(f.text(".cbw-json").contains("\"schedule_policy_ref\""));
    assert!(f.text(".cbw-json").contains("weekly"));
    let vm: HtmlElement = f.one("input[type='radio'][value='vm']").unchecked_into();
    vm.click();
    settle().await;
    assert!(f.text(".cbw-json").contains("VirtualMachine"));
    f.press_create().await;
    let sent = f.events_of("backup-create");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["path"], "/v1/backupschedule");
    assert_eq!(sent[0]["body"]["schedule_policy_ref"], serde_json::json!({ "name": "weekly" }));
    let manual: HtmlElement = f.one("input[type='radio'][value='manual']").unchecked_into();
    manual.click();
    settle().await;
    assert!(f.text(".cbw-endpoint").starts_with("POST /v1/backup "), "{}", f.text(".cbw-endpoint"));
    assert!(!f.text(".cbw-json").contains("schedule_policy_ref"));
}

#[wasm_bindgen_test]
async fn the_cluster_is_shown_read_only_and_a_config_without_one_cannot_create() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    let cluster = f.input("Cluster");
    assert!(cluster.read_only());
    assert_eq!(cluster.value(), "eks-prod-us-east-1");
    assert!(f.described_by(&cluster).contains("organisation \"default\""), "{}", f.described_by(&cluster));
    assert!(f.text(".cbw-json").contains("\"cluster_ref\""));

    let config = r#"{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"ebs-vsc"}]}],
        "backupName":"orders","orgId":"finance"}"#;
    let f = fixture(Some(config), None, None);
    settle().await;
    let cluster = f.input("Cluster");
    assert_eq!(cluster.value(), "");
    assert_eq!(cluster.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(f.described_by(&cluster).contains("No cluster"), "{}", f.described_by(&cluster));
    assert!(f.described_by(&cluster).contains("\"finance\""), "{}", f.described_by(&cluster));
    f.press_create().await;
    assert!(f.events_of("backup-create").is_empty(), "no cluster, no request");
    assert!(f.described_by(&f.one("button")).contains("cluster.name"));
}

#[wasm_bindgen_test]
async fn the_preview_has_headline_outcomes_notices_and_request() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let status = f.text("[role='status']");
    assert!(status.contains("The backup fails"));
    assert!(status.contains("Backup creation fails"));
    assert!(f.text(".cbw-outcomes").contains("Table 1, row 4"));
    assert!(f.all("[data-notice='kdmp-buffer']").is_empty());
    f.toggle(OFFLOAD).await;
    let status = f.text("[role='status']");
    assert!(status.contains("The backup is created"));
    assert!(status.contains("CSI snapshot + offload snapshot to backup location (KDMP backup)"));
    assert_eq!(f.all("[data-notice='kdmp-buffer']").len(), 1);
    assert!(f.text(".cbw-json").contains("\"backup_type\": \"Generic\""));
}

#[wasm_bindgen_test]
async fn table_one_marks_the_row_of_each_outcome() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    assert_eq!(f.marked_rows(1), ["2", "4", "6", "8", "10"]);
    f.toggle(OFFLOAD).await;
    assert_eq!(f.marked_rows(1), ["1", "3", "5", "7", "9"]);
    f.choose(GCE, "").await;
    assert_eq!(f.marked_rows(1), ["1", "3", "5", "7"], "no class on GCE joins EFS on row 3");
    let row = f.all("table")[0].query_selector("tr[aria-current='true']").unwrap().unwrap();
    assert!(row.text_content().unwrap().contains("pxd.portworx.com"), "the row names who uses it");
}

#[wasm_bindgen_test]
async fn tables_two_and_three_mark_the_rows_in_use() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    assert!(f.marked_rows(2).is_empty(), "a failing backup uses no driver");
    assert_eq!(f.marked_rows(3), ["AWS", "AWS", "Azure", "GCP"]);
    f.toggle(OFFLOAD).await;
    assert_eq!(
        f.marked_rows(2),
        ["Cross-cloud", "Snapshot class mapping + Offload to backup location", "Cloudsnap"]
    );
    f.toggle(OFFLOAD).await;
    f.choose(GCE, "pd-balanced-snapclass").await;
    let g = fixture(None, Some("aws-ebs"), None);
    settle().await;
    assert_eq!(g.marked_rows(2), ["Snapshot class mapping"]);
}

#[wasm_bindgen_test]
async fn a_rejected_config_is_shown_and_the_last_good_state_kept() {
    let f = fixture(None, Some("aws-ebs"), None);
    settle().await;
    let error = f
        .widget
        .update(r#"{"provisioners":[{"name":"ebs.csi.aws.com"},{"name":"ebs.csi.aws.com"}]}"#.into(), None);
    settle().await;
    let error: serde_json::Value = serde_json::from_str(&json_text(&error.expect("rejected"))).unwrap();
    assert_eq!(error["path"], "provisioners[1].name");
    assert!(f.text("[role='alert']").contains("listed twice"));
    assert_eq!(f.outcome("ebs.csi.aws.com").0, "csi-snapshot", "last good state kept");
    assert_eq!(f.events_of("backup-config-error").len(), 1);
    f.widget.update(JsValue::UNDEFINED, Some("aws-efs".into()));
    settle().await;
    assert!(f.all("[role='alert']").is_empty());
    assert_eq!(f.outcome("efs.csi.aws.com").0, "fails");
}

#[wasm_bindgen_test]
async fn names_from_a_config_render_as_text() {
    let f = fixture(Some(r#"{"provisioners":[{"name":"<img src=x onerror=alert(1)>"}]}"#), None, None);
    settle().await;
    assert!(f.all("img").is_empty());
    assert!(f.text("[role='alert']").contains("\"<img src=x onerror=alert(1)>\""));
}

#[wasm_bindgen_test]
async fn change_events_follow_every_change() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let start = f.events_of("backup-change");
    assert_eq!(start.len(), 1, "once on start");
    assert_eq!(start[0]["canCreate"], false);
    f.toggle(OFFLOAD).await;
    let changes = f.events_of("backup-change");
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1]["canCreate"], true);
    assert_eq!(changes[1]["driverMatrixRows"][0], "cross-cloud");
}

#[wasm_bindgen_test]
async fn unmount_empties_the_element_and_later_calls_do_nothing() {
    let mut f = fixture(None, Some("mixed"), None);
    settle().await;
    assert!(!f.all("select").is_empty());
    f.widget.unmount();
    settle().await;
    assert_eq!(f.root.child_element_count(), 0);
    assert_eq!(f.widget.update(JsValue::UNDEFINED, Some("aws-ebs".into())), None);
}

#[wasm_bindgen_test]
async fn each_option_says_what_it_would_change_before_it_is_taken() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let offload = f.described_by(&f.control(OFFLOAD));
    assert!(offload.contains("efs.csi.aws.com → Direct KDMP backup (Table 1, row 3)"), "{offload}");
    assert!(offload.contains("the backup can then be created"), "{offload}");
    let cross_cloud = f.described_by(&f.control(CROSS_CLOUD));
    assert!(
        cross_cloud.starts_with("A direct KDMP backup") && cross_cloud.contains("Turning this on:"),
        "{cross_cloud}"
    );
    f.toggle(OFFLOAD).await;
    let offload = f.described_by(&f.control(OFFLOAD));
    assert!(offload.contains("Turning this off: efs.csi.aws.com → Backup creation fails"), "{offload}");
    assert!(offload.contains("the backup would then fail"), "{offload}");
    f.toggle(OFFLOAD).await;
    // Every option of every select: choosing it gives, in the preview, what its label promised.
    for (name, provisioner) in
        [(EBS, "ebs.csi.aws.com"), (AZURE, "disk.csi.azure.com"), (GCE, "pd.csi.storage.gke.io")]
    {
        for (value, label) in f.options(name) {
            f.choose(name, &value).await;
            let (_, line) = f.outcome(provisioner);
            let promised = label.rsplit(": ").next().unwrap().to_owned();
            assert!(
                line.contains(&promised),
                "{name} {value:?}: {label:?} promised {promised:?}, the preview says {line:?}"
            );
        }
    }
    assert_eq!(f.all("[role='status']").len(), 1, "the descriptions are no live regions");
}

#[wasm_bindgen_test]
async fn the_change_event_carries_the_whole_decision_what_if_included() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    f.toggle(OFFLOAD).await;
    let config = backup_matrix::scenarios::find("mixed").unwrap().config();
    let mut offload = config.clone();
    offload.offload = true;
    let changes = f.events_of("backup-change");
    assert_eq!(changes[0], serde_json::to_value(backup_matrix::decide(&config)).unwrap());
    assert_eq!(changes[1], serde_json::to_value(backup_matrix::decide(&offload)).unwrap());
}

/// What each option of a provisioner's select would give, by the Decision's `whatIf`: the note
/// each option's text must end with.
fn promised_notes(config: &backup_matrix::Config, provisioner: &str) -> Vec<String> {
    let decision = backup_matrix::decide(config);
    let select = decision.what_if.classes.iter().find(|s| s.name == provisioner).expect("a usable select");
    select.options.iter().map(|o| o.backup_type.name().to_owned()).collect()
}

/// The note an option's text ends with ("label: note").
fn note_of(text: &str) -> String {
    text.rsplit(": ").next().unwrap().to_owned()
}

#[wasm_bindgen_test]
async fn every_option_names_what_it_would_give_after_every_change() {
    let f = fixture(None, Some("mixed"), None);
    settle().await;
    let mut config = backup_matrix::scenarios::find("mixed").unwrap().config();
    for flag in [OFFLOAD, CROSS_CLOUD, OFFLOAD, CROSS_CLOUD] {
        f.toggle(flag).await;
        if flag == OFFLOAD {
            config.offload = !config.offload;
        } else {
            config.cross_cloud = !config.cross_cloud;
        }
        for (name, provisioner) in
            [(EBS, "ebs.csi.aws.com"), (AZURE, "disk.csi.azure.com"), (GCE, "pd.csi.storage.gke.io")]
        {
            // No focus: with few options, every option follows every change.
            let notes: Vec<String> = f.options(name).iter().map(|(_, text)| note_of(text)).collect();
            assert_eq!(notes, promised_notes(&config, provisioner), "{name} after {flag}");
        }
    }
}

#[wasm_bindgen_test]
async fn with_a_thousand_options_a_select_takes_new_notes_when_used_and_the_chosen_one_at_once() {
    // 20 provisioners x 50 VSCs: 1,000 options, where notes become lazy.
    let provisioners: Vec<serde_json::Value> = (0..20)
        .map(|p| {
            let classes: Vec<serde_json::Value> = (0..50)
                .map(|c| serde_json::json!({ "name": format!("p{p}-vsc-{c}"), "default": c == 0 }))
                .collect();
            serde_json::json!({ "name": format!("p{p}.csi.example.com"), "volumeSnapshotClasses": classes })
        })
        .collect();
    let text = serde_json::json!({ "provisioners": provisioners }).to_string();
    let mut config = backup_matrix::Config::parse(&text).unwrap();
    let f = fixture(Some(&text), None, None);
    settle().await;
    f.toggle(OFFLOAD).await;
    config.offload = true;
    let label = |p: usize| format!("Volume snapshot class for p{p}.csi.example.com");
    let provisioner = |p: usize| format!("p{p}.csi.example.com");
    // The chosen option's note, which the closed select shows, follows at once in every select.
    for p in 0..20 {
        let select = f.select(&label(p));
        let chosen = select.selected_index() as usize;
        let text = f.options(&label(p))[chosen].1.clone();
        assert_eq!(note_of(&text), promised_notes(&config, &provisioner(p))[chosen], "{text}");
    }
    // Focused (keyboard) or pressed (pointer): every option of that select names what it gives.
    let focused = f.select(&label(3));
    focused.focus().unwrap();
    settle().await;
    let notes: Vec<String> = f.options(&label(3)).iter().map(|(_, text)| note_of(text)).collect();
    assert_eq!(notes, promised_notes(&config, &provisioner(3)), "a focused select");
    f.select(&label(7)).dispatch_event(&user_event("pointerdown")).unwrap();
    settle().await;
    let notes: Vec<String> = f.options(&label(7)).iter().map(|(_, text)| note_of(text)).collect();
    assert_eq!(notes, promised_notes(&config, &provisioner(7)), "a pressed select");
    // While it is in use, a select's options follow every change.
    f.toggle(OFFLOAD).await; // the click moves no focus here: the select keeps it in this test
    config.offload = false;
    assert_eq!(f.shadow.active_element().as_ref(), Some(focused.unchecked_ref::<web_sys::Element>()));
    let notes: Vec<String> = f.options(&label(3)).iter().map(|(_, text)| note_of(text)).collect();
    assert_eq!(notes, promised_notes(&config, &provisioner(3)), "a select in use");
    // Focus elsewhere and back: the options are current again.
    focused.blur().unwrap();
    settle().await;
    f.toggle(CROSS_CLOUD).await;
    config.cross_cloud = true;
    focused.focus().unwrap();
    settle().await;
    let notes: Vec<String> = f.options(&label(3)).iter().map(|(_, text)| note_of(text)).collect();
    assert_eq!(notes, promised_notes(&config, &provisioner(3)), "focused again after a change");
}
