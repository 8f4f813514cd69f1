//! The widget's components. Each renders one concern of the state; none decides anything.

use leptos::prelude::*;

use crate::state::FormState;

/// The whole widget: for now, the engine's outcome for each provisioner.
#[component]
pub fn App(
    /// The widget's state.
    state: FormState,
) -> impl IntoView {
    let headline = move || state.decision.with(|d| d.headline());
    view! {
        <section class="cbw" aria-label="Create Backup">
            <div class="cbw-preview" role="status">
                <p class="cbw-headline">{headline}</p>
                <ul class="cbw-outcomes">
                    {move || {
                        state
                            .decision
                            .get()
                            .provisioners
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li data-backup-type=p.backup_type.id()>
                                        <code>{p.name}</code>
                                        ": "
                                        <strong>{p.backup_type.name()}</strong>
                                        <span class="cbw-reason">{p.reason}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </section>
    }
}
