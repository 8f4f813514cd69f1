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

/// One choice of a select: its value and the text it shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice { value: value.into(), label: label.into() }
    }
}

/// One option as the select shows it: its choice, and whether it is chosen and its note, each
/// behind a signal of its own.
#[derive(Clone)]
struct ShownOption {
    choice: Choice,
    chosen: ArcRwSignal<bool>,
    note: ArcRwSignal<Option<&'static str>>,
}

/// A select with its label. The options are a positional list: a new list of choices rewrites
/// only the texts and values that changed, in place, so a select in use keeps its focus.
///
/// Each option can carry a note after its text ("label: note", what choosing it would give).
/// Every change of a form wakes every view that depends on its state, so an option's view
/// depends only on signals of its own, whether it is chosen and its note, which one effect per
/// select sets when they differ (as Leptos's `Selector` does for one flag). With `lazy_notes`,
/// options other than the chosen one take a new note only while the select is focused or
/// pressed, which is when anyone sees them: rewriting 10,000 option texts was most of a change's
/// time.
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
    /// A note for each choice, by position (none past its end).
    #[prop(into, optional)]
    notes: Signal<Vec<&'static str>>,
    /// Whether options other than the chosen one keep their notes until the select is used.
    #[prop(into, optional)]
    lazy_notes: Signal<bool>,
) -> impl IntoView {
    // Focused or pressed: every option's note follows `notes` while the select is in use.
    let in_use = RwSignal::new(false);
    // New note signals only for a new list of choices, each starting with its note as it is now;
    // an equal list keeps the signals its options' views hold.
    let shown = Memo::new_owning(move |old: Option<Vec<ShownOption>>| {
        choices.with(|choices| match old {
            Some(old) if old.iter().map(|o| &o.choice).eq(choices) => (old, false),
            _ => {
                let shown = value.with_untracked(|value| {
                    notes.with_untracked(|notes| {
                        choices
                            .iter()
                            .enumerate()
                            .map(|(index, choice)| ShownOption {
                                choice: choice.clone(),
                                chosen: ArcRwSignal::new(choice.value == *value),
                                note: ArcRwSignal::new(notes.get(index).copied()),
                            })
                            .collect()
                    })
                });
                (shown, true)
            }
        })
    });
    Effect::new(move |_| {
        let every = in_use.get() || !lazy_notes.get();
        value.with(|value| {
            notes.with(|notes| {
                shown.with(|options| {
                    for (index, option) in options.iter().enumerate() {
                        let chosen = option.choice.value == *value;
                        if option.chosen.get_untracked() != chosen {
                            option.chosen.set(chosen);
                        }
                        let note = notes.get(index).copied();
                        if (every || chosen) && option.note.get_untracked() != note {
                            option.note.set(note);
                        }
                    }
                })
            })
        })
    });
    // `selected` on the option, not the select's value: the value would be set before the
    // options exist.
    let options = move || {
        shown.with(|options| {
            options
                .iter()
                .map(|option| {
                    let chosen = option.chosen.clone();
                    let note = option.note.clone();
                    view! {
                        <option value=option.choice.value.clone() prop:selected=move || chosen.get()>
                            {option.choice.label.clone()}
                            {move || note.get().map(|note| format!(": {note}"))}
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
            on:focus=move |_| in_use.set(true)
            on:pointerdown=move |_| in_use.set(true)
            on:blur=move |_| in_use.set(false)
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
