//! The upgrade table: what happens to a backup made on Portworx Backup 2.6.0 or earlier after
//! upgrading to 2.7.0 or later.

use backup_matrix::tables::{upgrade_effect, PreUpgradeBackup, UpgradeEffect};
use backup_matrix::BackupType;
use leptos::prelude::*;

use crate::state::FormState;
use crate::ui::fields::Choice;

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

/// Manual or scheduled, cloud native driver or not, a VSC available or not; and the answer.
#[component]
pub fn UpgradePreview(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let kind = RwSignal::new("scheduled".to_owned());
    let driver = RwSignal::new("native".to_owned());
    let vsc = RwSignal::new("yes".to_owned());
    let effect = Signal::derive(move || {
        answer(upgrade_effect(PreUpgradeBackup {
            scheduled: kind.with(|k| k == "scheduled"),
            cloud_native_driver: driver.with(|d| d == "native"),
            vsc_available: vsc.with(|v| v == "yes"),
        }))
    });
    view! {
        <p class="cbw-hint">"A backup made on Portworx Backup 2.6.0 or earlier, then an upgrade to 2.7.0 or later:"</p>
        <Choice
            state
            legend="The backup"
            name="upgrade-kind"
            options=&[("manual", "Manual (existing)"), ("scheduled", "Scheduled (its future runs)")]
            current=kind
            set=move |value: String| kind.set(value)
        />
        <Choice
            state
            legend="Made with"
            name="upgrade-driver"
            options=&[("native", "The cloud native driver"), ("other", "Another driver")]
            current=driver
            set=move |value: String| driver.set(value)
        />
        <Choice
            state
            legend="A volume snapshot class"
            name="upgrade-vsc"
            options=&[("yes", "Available"), ("no", "Not available")]
            current=vsc
            set=move |value: String| vsc.set(value)
        />
        <p class="cbw-answer" aria-live="polite">
            <strong>"After the upgrade: "</strong>
            {effect}
        </p>
    }
}
