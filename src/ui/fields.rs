//! The form's shared field components: a text field, a select, a checkbox and a radio group.
//! Each has a visible label (its accessible name), an optional hint, and an inline error tied to
//! the control with `aria-describedby` and `aria-invalid`. Ids are static strings: every widget
//! renders in its own shadow root.

use leptos::prelude::*;

/// A text input with its label, a hint and an inline error.
#[component]
pub fn TextField(
    /// The input's id; `{id}-hint` and `{id}-error` name the hint and the error. A static
    /// string, or a `row_id` for a field in a row that comes and goes.
    #[prop(into)]
    id: String,
    /// The visible label, which is also the accessible name.
    #[prop(into)]
    label: String,
    /// A short line on what the field takes.
    #[prop(into)]
    hint: Signal<String>,
    /// The text the field shows. Written into the input when it changes, so a host's config
    /// reaches it; a field whose text is reformatted from what is typed should read it
    /// untracked and track a revision instead, so the caret never jumps.
    #[prop(into)]
    value: Signal<String>,
    /// What is wrong with the text, if anything: shown under the field.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the text on every keystroke; `None` makes the field read-only.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="cbw-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                readonly=on_input.is_none()
                aria-describedby=format!("{hint_id} {error_id}")
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=value
                on:input=move |ev| {
                    if let Some(on_input) = on_input {
                        on_input.run(event_target_value(&ev));
                    }
                }
            />
            <p class="cbw-hint" id=hint_id>{hint}</p>
            <FieldError id=error_id error />
        </div>
    }
}

/// The inline error under a field; empty (and silent) while there is none.
#[component]
pub fn FieldError(
    /// The element's id, named by the field's `aria-describedby`.
    id: String,
    /// What is wrong, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! { <p class="cbw-error" id=id>{error}</p> }
}

/// One choice of a select: its value, the text it shows, and a fixed note after the text (what
/// the choice would give), kept apart so that a new note is one short text update.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub note: Option<&'static str>,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice { value: value.into(), label: label.into(), note: None }
    }

    /// This choice with `note` after its text, as "label: note".
    pub fn with_note(self, note: &'static str) -> Self {
        Choice { note: Some(note), ..self }
    }
}

/// A select with its label. The options are a positional list: a new list rewrites only the
/// texts and values that changed, in place, so a select in use keeps its focus and a list of 50
/// relabelled options is 50 text updates, not 50 new elements.
#[component]
pub fn SelectField(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label, which is also the accessible name (text or markup).
    label: AnyView,
    /// The choices, in order.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// The chosen value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the value the user chose.
    on_change: Callback<String>,
    /// Whether the select can be used.
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// The ids of the texts that describe the select, if any.
    #[prop(into, optional)]
    described_by: Option<String>,
) -> impl IntoView {
    // `selected` on the option, not the select's value: the value would be set before the
    // options exist.
    let options = move || {
        let chosen = value.get();
        choices.with(|choices| {
            choices
                .iter()
                .map(|choice| {
                    view! {
                        <option value=choice.value.clone() prop:selected=choice.value == chosen>
                            {choice.label.clone()}
                            {if choice.note.is_some() { ": " } else { "" }}
                            {choice.note.unwrap_or_default()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <label for=id.clone()>{label}</label>
        <select
            id=id
            aria-describedby=described_by
            prop:disabled=disabled
            on:change=move |ev| on_change.run(event_target_value(&ev))
        >
            {options}
        </select>
    }
}

/// A checkbox with its label, a hint, and a line on what turning it on or off would change.
#[component]
pub fn Checkbox(
    /// The input's id; `{id}-hint` and `{id}-if` name the two lines under it.
    id: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// What the option does.
    #[prop(into)]
    hint: Signal<String>,
    /// What turning it the other way would change: part of its description, heard when the
    /// checkbox is focused, not announced on every change.
    #[prop(into)]
    consequence: Signal<String>,
    /// Whether it is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the user turns it on or off.
    on_change: Callback<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let consequence_id = format!("{id}-if");
    view! {
        <div class="cbw-flag">
            <input
                type="checkbox"
                id=id
                aria-describedby=format!("{hint_id} {consequence_id}")
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
            <p class="cbw-hint" id=hint_id>{hint}</p>
            <p class="cbw-hint cbw-what-if" id=consequence_id>{consequence}</p>
        </div>
    }
}

/// A group of radio buttons under a legend.
#[component]
pub fn RadioGroup<T>(
    /// The group's name; each button's id is `{name}-{value}`.
    name: &'static str,
    /// The visible legend of the group.
    legend: &'static str,
    /// Each choice: its value, its id's suffix, and its label.
    choices: &'static [(T, &'static str, &'static str)],
    /// The chosen value.
    #[prop(into)]
    value: Signal<T>,
    /// Called with the value the user chose.
    on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let buttons = choices
        .iter()
        .map(|&(choice, suffix, label)| {
            let id = format!("{name}-{suffix}");
            view! {
                <span class="cbw-radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name
                        value=suffix
                        prop:checked=move || value.get() == choice
                        on:change=move |_| on_change.run(choice)
                    />
                    <label for=id>{label}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset class="cbw-choice">
            <legend>{legend}</legend>
            {buttons}
        </fieldset>
    }
}
