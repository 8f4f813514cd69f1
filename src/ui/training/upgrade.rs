//! The upgrade table: what happens to a backup made on Portworx Backup 2.6.0 or earlier after
//! upgrading to 2.7.0 or later.

use backup_matrix::tables::{upgrade_effect, PreUpgradeBackup, UpgradeEffect};
use backup_matrix::BackupType;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::state::FormState;
use crate::ui::markup::{find, markup, OnEvent};

/// The answer, in the words of the source's upgrade table.
fn answer(effect: UpgradeEffect) -> String {
    match effect {
        UpgradeEffect::NotAffected => {
            "Not affected: an existing manual backup stays as it was made.".to_owned()
        }
        UpgradeEffect::MigratedToCsiOffload => {
            format!("Migrated: its future runs make a {}.", BackupType::CsiSnapshotOffload.name())
        }
        UpgradeEffect::UsesDirectKdmp => {
            format!("Its future runs use the KDMP driver: a {}.", BackupType::DirectKdmp.name())
        }
        UpgradeEffect::Unchanged => {
            "Unchanged: only scheduled backups made with the cloud native driver are migrated.".to_owned()
        }
    }
}

/// Three radio groups (the answer starts from the checked ones) and the answer.
const UPGRADE: &str = concat!(
    r#"<p class="cbw-hint">A backup made on Portworx Backup 2.6.0 or earlier, then an upgrade to 2.7.0 or later:</p>"#,
    r#"<fieldset class="cbw-choice"><legend>The backup</legend>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-kind-manual" name="@upgrade-kind" value="manual"><label for="@upgrade-kind-manual">Manual (existing)</label></span>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-kind-scheduled" name="@upgrade-kind" value="scheduled" checked><label for="@upgrade-kind-scheduled">Scheduled (its future runs)</label></span>"#,
    "</fieldset>",
    r#"<fieldset class="cbw-choice"><legend>Made with</legend>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-driver-native" name="@upgrade-driver" value="native" checked><label for="@upgrade-driver-native">The cloud native driver</label></span>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-driver-other" name="@upgrade-driver" value="other"><label for="@upgrade-driver-other">Another driver</label></span>"#,
    "</fieldset>",
    r#"<fieldset class="cbw-choice"><legend>A volume snapshot class</legend>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-vsc-yes" name="@upgrade-vsc" value="yes" checked><label for="@upgrade-vsc-yes">Available</label></span>"#,
    r#"<span class="cbw-radio"><input type="radio" id="@upgrade-vsc-no" name="@upgrade-vsc" value="no"><label for="@upgrade-vsc-no">Not available</label></span>"#,
    "</fieldset>",
    r#"<p class="cbw-answer" aria-live="polite"><strong>After the upgrade: </strong><span id="@upgrade-answer"></span></p>"#,
);

/// Writes the answer for the radio buttons checked now: the panel's only state is its own DOM.
fn show_answer(state: &FormState, root: &Element) {
    let checked = |id: &str| find(state, root, id).unchecked_into::<HtmlInputElement>().checked();
    let effect = upgrade_effect(PreUpgradeBackup {
        scheduled: checked("upgrade-kind-scheduled"),
        cloud_native_driver: checked("upgrade-driver-native"),
        vsc_available: checked("upgrade-vsc-yes"),
    });
    find(state, root, "upgrade-answer").set_text_content(Some(&answer(effect)));
}

/// Manual or scheduled, cloud native driver or not, a VSC available or not; and the answer.
#[component]
pub fn UpgradePreview(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    // The part's root hears the change; its radio buttons say the case.
    let on_event: OnEvent = Rc::new(move |_, event| {
        if let (true, Some(root)) = (event.type_() == "change", event.current_target()) {
            show_answer(&state, root.unchecked_ref());
        }
    });
    let bind = move |root: Element| show_answer(&state, &root);
    markup(state, "cbw-part", UPGRADE, bind, Some(on_event))
}
