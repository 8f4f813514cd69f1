//! The browser-test fixture shared by `components.rs` and `training.rs`: a widget mounted into
//! a fresh element, the events it emits, and queries through the DOM a user sees. Each test
//! file adds its own methods in its own `impl Fixture` block.

// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use create_backup_widget::embed::{mount_with_options, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

pub type Events = Rc<RefCell<Vec<(String, String)>>>;

/// A mounted widget, its element, and the events it emitted. Dropping it unmounts the widget.
/// Like `mount()` in a page, the widget renders in its own open shadow root, so its static
/// ids are looked up there.
pub struct Fixture {
    pub root: HtmlElement,
    pub shadow: web_sys::ShadowRoot,
    pub widget: Widget,
    pub events: Events,
}

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Mounts a widget with a config or scenario, and the host's options (as JSON text here).
pub fn fixture(config: Option<&str>, scenario: Option<&str>, options: Option<&str>) -> Fixture {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    shadow.append_child(&root).unwrap();
    let events: Events = Rc::default();
    let sink = events.clone();
    // As `host.js` does: a `backup-change` brings its `whatIf` beside the detail, as a
    // `WhatIfText` whose `json()` writes it out.
    let emit = Closure::<dyn FnMut(String, JsValue, JsValue)>::new(
        move |kind: String, detail: JsValue, what_if: JsValue| {
            if what_if.is_object() {
                let json: js_sys::Function =
                    js_sys::Reflect::get(&what_if, &"json".into()).unwrap().unchecked_into();
                let text = json.call0(&what_if).unwrap().as_string().unwrap();
                js_sys::Reflect::set(&detail, &"whatIf".into(), &js_sys::JSON::parse(&text).unwrap())
                    .unwrap();
            }
            sink.borrow_mut().push((kind, json_text(&detail)));
        },
    );
    let function: js_sys::Function = emit.as_ref().unchecked_ref::<js_sys::Function>().clone();
    emit.forget();
    let widget = mount_with_options(
        root.clone(),
        config.map_or(JsValue::UNDEFINED, JsValue::from_str),
        scenario.map(str::to_owned),
        function,
        options.map_or(JsValue::UNDEFINED, |text| js_sys::JSON::parse(text).unwrap()),
    );
    Fixture { root, shadow, widget, events }
}

/// A value the widget hands out, as JSON text.
pub fn json_text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).unwrap().as_string().unwrap()
}

/// An event as the browser fires it for a user's change: it bubbles (the widget listens on
/// each part's root).
pub fn user_event(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Lets the reactive system and the browser catch up.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

impl Fixture {
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into()).collect()
    }

    pub fn one(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    /// The control whose `<label>` reads exactly `name`, within `scope` (the widget when `None`).
    pub fn control_in(&self, scope: Option<&Element>, name: &str) -> Element {
        let labels = match scope {
            Some(scope) => {
                let list = scope.query_selector_all("label").unwrap();
                (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into::<Element>()).collect()
            }
            None => self.all("label"),
        };
        let label = labels
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default() == name)
            .unwrap_or_else(|| panic!("no label reads {name:?}"));
        let id = label.get_attribute("for").expect("label has for");
        self.by_id(&id)
    }

    /// The widget's element with this id.
    pub fn by_id(&self, id: &str) -> Element {
        self.shadow.get_element_by_id(id).unwrap_or_else(|| panic!("no element with id {id:?}"))
    }

    /// The control whose `<label>` reads exactly `name` (its accessible name).
    pub fn control(&self, name: &str) -> Element {
        self.control_in(None, name)
    }

    pub fn input(&self, name: &str) -> HtmlInputElement {
        self.control(name).unchecked_into()
    }

    pub fn select(&self, name: &str) -> HtmlSelectElement {
        self.control(name).unchecked_into()
    }

    /// The texts of the elements an element's `aria-describedby` names, joined.
    pub fn described_by(&self, element: &Element) -> String {
        element
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .map(|id| self.by_id(id).text_content().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Chooses `value` in the select named `name`, as a user would.
    pub async fn choose(&self, name: &str, value: &str) {
        let select = self.select(name);
        select.set_value(value);
        assert_eq!(select.value(), value, "{name} offers {value}");
        select.dispatch_event(&user_event("change")).unwrap();
        settle().await;
    }

    /// Types `text` into the field named `name`, as a user would.
    pub async fn type_text(&self, name: &str, text: &str) {
        let input = self.input(name);
        input.set_value(text);
        input.dispatch_event(&user_event("input")).unwrap();
        settle().await;
    }

    /// The first cells of the rows marked `aria-current="true"` in table `n` (1, 2 or 3).
    pub fn marked_rows(&self, table: usize) -> Vec<String> {
        let tables = self.all("table");
        let rows = tables[table - 1].query_selector_all("tbody tr[aria-current='true']").unwrap();
        (0..rows.length())
            .map(|i| {
                let row: Element = rows.get(i).unwrap().unchecked_into();
                row.query_selector("td").unwrap().unwrap().text_content().unwrap()
            })
            .collect()
    }
}
