//! The upgrade table: what happens to a backup made on Portworx Backup 2.6.0 or earlier after
//! upgrading to 2.7.0 or later.

use backup_matrix::tables::{upgrade_effect, PreUpgradeBackup, UpgradeEffect};
use backup_matrix::BackupType;
use leptos::prelude::*;

use crate::ui::fields::RadioGroup;

/// Whether the backup is scheduled: its radio buttons' values, id suffixes and labels.
const SCHEDULED: &[(bool, &str, &str)] =
    &[(false, "manual", "Manual (existing)"), (true, "scheduled", "Scheduled (its future runs)")];
/// Whether it was made with the cloud native driver.
const CLOUD_NATIVE_DRIVER: &[(bool, &str, &str)] =
    &[(true, "native", "The cloud native driver"), (false, "other", "Another driver")];
/// Whether a volume snapshot class is available.
const VSC_AVAILABLE: &[(bool, &str, &str)] = &[(true, "yes", "Available"), (false, "no", "Not available")];

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
pub fn UpgradePreview() -> impl IntoView {
    let scheduled = RwSignal::new(true);
    let cloud_native_driver = RwSignal::new(true);
    let vsc_available = RwSignal::new(true);
    let effect = move || {
        upgrade_effect(PreUpgradeBackup {
            scheduled: scheduled.get(),
            cloud_native_driver: cloud_native_driver.get(),
            vsc_available: vsc_available.get(),
        })
    };
    view! {
        <p class="cbw-hint">
            "A backup made on Portworx Backup 2.6.0 or earlier, then an upgrade to 2.7.0 or later:"
        </p>
        <RadioGroup
            name="upgrade-kind"
            legend="The backup"
            choices=SCHEDULED
            value=scheduled
            on_change=Callback::new(move |on| scheduled.set(on))
        />
        <RadioGroup
            name="upgrade-driver"
            legend="Made with"
            choices=CLOUD_NATIVE_DRIVER
            value=cloud_native_driver
            on_change=Callback::new(move |on| cloud_native_driver.set(on))
        />
        <RadioGroup
            name="upgrade-vsc"
            legend="A volume snapshot class"
            choices=VSC_AVAILABLE
            value=vsc_available
            on_change=Callback::new(move |on| vsc_available.set(on))
        />
        <p class="cbw-answer" aria-live="polite">
            <strong>"After the upgrade: "</strong>
            <span>{move || answer(effect())}</span>
        </p>
    }
}
