//! Form pieces shared by the form and the training panels.

use leptos::prelude::*;

use crate::state::FormState;

/// A group of radio buttons with a legend.
#[component]
pub fn Choice(
    /// The widget's state.
    state: FormState,
    /// The group's visible name.
    legend: &'static str,
    /// Names the radio group within the widget.
    name: &'static str,
    /// `(value, label)` of each radio button.
    options: &'static [(&'static str, &'static str)],
    /// The value chosen now.
    #[prop(into)]
    current: Signal<String>,
    /// Stores a choice.
    #[prop(into)]
    set: Callback<String>,
) -> impl IntoView {
    let group = state.id(name);
    view! {
        <fieldset class="cbw-choice">
            <legend>{legend}</legend>
            {options
                .iter()
                .map(|(value, label)| {
                    let id = state.id(&format!("{name}-{value}"));
                    view! {
                        <span class="cbw-radio">
                            <input
                                type="radio"
                                id=id.clone()
                                name=group.clone()
                                value=*value
                                prop:checked=move || current.with(|c| c == value)
                                on:change=move |_| set.run((*value).to_owned())
                            />
                            <label for=id>{*label}</label>
                        </span>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
