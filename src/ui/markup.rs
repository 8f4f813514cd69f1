//! Static markup with live parts, the way every form part is built. A part's fixed HTML is parsed
//! by the browser in one go, and only what changes is bound to the state, through the same few
//! functions. A typed view per element cost the docs bundle one to two KB gzip per field.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Element, Event, EventTarget, HtmlElement};

use crate::state::FormState;

/// Hears every `change`, `input` and `click` inside a part, with the element it happened on.
pub type OnEvent = Rc<dyn Fn(&Element, &Event)>;

/// Fills in the widget's id prefix: every `@` in a template stands for it.
pub fn fill_ids(state: &FormState, template: &str) -> String {
    template.replace('@', &state.id(""))
}

/// A part of the widget: `template` (ids written `@name`) as the content of a `div` of `class`.
/// `bind` runs once the markup is in the page; `on_event` hears the part's events.
pub fn markup(
    state: FormState,
    class: &'static str,
    template: &str,
    bind: impl FnOnce(Element) + 'static,
    on_event: Option<OnEvent>,
) -> impl IntoView {
    part(class, fill_ids(&state, template), Box::new(bind), on_event)
}

/// `markup`, for every part alike: one view type in the wasm.
fn part(
    class: &'static str,
    html: String,
    bind: Box<dyn FnOnce(Element)>,
    on_event: Option<OnEvent>,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    node.on_load(move |root| {
        let root: Element = root.into();
        if let Some(on_event) = on_event {
            let handler = move |ev: &Event| {
                if let Some(target) = ev.target() {
                    on_event(target.unchecked_ref(), ev);
                }
            };
            listen(&root, &["change", "input", "click"], Rc::new(handler));
        }
        bind(root);
    });
    view! { <div class=class inner_html=html node_ref=node></div> }
}

/// Hears `kinds` of events on `target` until the part is gone. Plain listeners on the part's
/// root: Leptos's `on:` links its global event delegation, which the widget does not need.
pub fn listen(target: &EventTarget, kinds: &[&'static str], handler: Rc<dyn Fn(&Event)>) {
    let listeners: Vec<EventListener> = kinds
        .iter()
        .map(|kind| {
            let handler = handler.clone();
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(target, *kind, options, move |ev| handler(ev))
        })
        .collect();
    let listeners = SendWrapper::new(listeners);
    on_cleanup(move || drop(listeners));
}

/// The element with id `@part` under `root`; the templates are ours, so it is there.
pub fn find(state: &FormState, root: &Element, part: &str) -> HtmlElement {
    root.query_selector(&format!("#{}", state.id(part))).ok().flatten().unwrap_throw().unchecked_into()
}

/// What a bound element's id names within the widget (`@name` gives `name`), if it is ours.
pub fn part_of(state: &FormState, element: &Element) -> Option<String> {
    element.id().strip_prefix(&state.id("")).map(str::to_owned)
}

/// Keeps `write` in step with `read`: it runs with the first text, then with each that differs.
pub fn watch(read: impl Fn() -> String + 'static, write: impl Fn(&str) + 'static) {
    watch_text(Box::new(read), Box::new(write));
}

fn watch_text(read: Box<dyn Fn() -> String>, write: Box<dyn Fn(&str)>) {
    let last = RefCell::new(None::<String>);
    effect(move || {
        let now = read();
        if last.borrow().as_deref() != Some(now.as_str()) {
            write(&now);
            *last.borrow_mut() = Some(now);
        }
    });
}

/// `watch` for a yes or no.
pub fn watch_flag(read: impl Fn() -> bool + 'static, write: impl Fn(bool) + 'static) {
    watch_bool(Box::new(read), Box::new(write));
}

fn watch_bool(read: Box<dyn Fn() -> bool>, write: Box<dyn Fn(bool)>) {
    let last = Cell::new(None::<bool>);
    effect(move || {
        let now = read();
        if last.replace(Some(now)) != Some(now) {
            write(now);
        }
    });
}

/// Runs `update` now (once the reactive system runs) and again whenever what it read changes,
/// until the part is gone. Every effect of the widget goes through here: one effect type in the wasm.
pub fn effect(update: impl FnMut() + 'static) {
    boxed_effect(Box::new(update));
}

fn boxed_effect(mut update: Box<dyn FnMut()>) {
    Effect::new(move |_| update());
}

/// Keeps an element's text in step with `read`.
pub fn bind_text(element: Element, read: impl Fn() -> String + 'static) {
    watch(read, move |text| element.set_text_content(Some(text)));
}

/// Keeps an element's content in step with `read`, which gives HTML (escaped with `push_escaped`).
pub fn bind_html(element: Element, read: impl Fn() -> String + 'static) {
    watch(read, move |html| element.set_inner_html(html));
}

/// Keeps an attribute in step with `read`.
pub fn bind_attribute(element: Element, name: &'static str, read: impl Fn() -> String + 'static) {
    watch(read, move |value| {
        let _ = element.set_attribute(name, value);
    });
}

/// Keeps a class on or off with `read`.
pub fn bind_class(element: Element, class: &'static str, read: impl Fn() -> bool + 'static) {
    watch_flag(read, move |on| {
        let _ = element.class_list().toggle_with_force(class, on);
    });
}

/// Keeps `hidden` on an element while `read` holds (the training panels show and hide parts).
#[cfg(feature = "training")]
pub fn bind_hidden(element: HtmlElement, read: impl Fn() -> bool + 'static) {
    watch_flag(read, move |hidden| element.set_hidden(hidden));
}

/// A field's inline error (`@part-error`) and `aria-invalid` on the field (`@part`).
pub fn bind_error(
    state: &FormState,
    root: &Element,
    part: &str,
    error: impl Fn() -> Option<String> + Copy + 'static,
) {
    bind_text(find(state, root, &format!("{part}-error")).into(), move || error().unwrap_or_default());
    bind_attribute(find(state, root, part).into(), "aria-invalid", move || error().is_some().to_string());
}

/// Text as HTML, for markup built from names a host handed in: they can never become markup.
pub fn push_escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            _ => html.push(c),
        }
    }
}

/// `<tag attributes>text</tag>`, the text escaped.
pub fn push_element(html: &mut String, tag: &str, attributes: &str, text: &str) {
    html.push('<');
    html.push_str(tag);
    html.push_str(attributes);
    html.push('>');
    push_escaped(html, text);
    html.push_str("</");
    html.push_str(tag);
    html.push('>');
}

/// `<option value="value">label</option>`, both escaped.
pub fn push_option(html: &mut String, value: &str, label: &str) {
    html.push_str("<option value=\"");
    push_escaped(html, value);
    html.push_str("\">");
    push_escaped(html, label);
    html.push_str("</option>");
}

/// A select in `wrapper`: `field` (the label and an empty select) is its content while `read`
/// gives the options (HTML) and the value. The options are replaced only when they change, so a
/// select in use keeps its focus; the value is set after them.
pub fn bind_select(wrapper: Element, field: String, read: impl Fn() -> Option<(String, String)> + 'static) {
    select_in(wrapper, field, Box::new(read));
}

fn select_in(wrapper: Element, field: String, read: Box<dyn Fn() -> Option<(String, String)>>) {
    // The options shown now; `None` while the field is not shown.
    let mut shown = None::<String>;
    effect(move || {
        let Some((options, value)) = read() else {
            wrapper.set_inner_html("");
            shown = None;
            return;
        };
        if shown.is_none() {
            wrapper.set_inner_html(&field);
        }
        let select: web_sys::HtmlSelectElement =
            wrapper.query_selector("select").ok().flatten().unwrap_throw().unchecked_into();
        if shown.as_deref() != Some(options.as_str()) {
            select.set_inner_html(&options);
        }
        select.set_value(&value);
        shown = Some(options);
    });
}
