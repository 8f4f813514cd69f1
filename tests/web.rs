//! Component tests in a real headless Chromium (wasm-bindgen-test; run by `./dev test`, or
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p create-backup-widget --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use create_backup_widget::embed::{self, Widget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page's body for one widget.
fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let element = document.create_element("div").expect("a div").unchecked_into::<web_sys::HtmlElement>();
    document.body().expect("a body").append_child(&element).expect("appended");
    element
}

/// Mounts a widget with a built-in scenario, sending its events nowhere.
fn mount_scenario(element: &web_sys::HtmlElement, scenario: &str) -> Widget {
    embed::mount(
        element.clone(),
        JsValue::UNDEFINED,
        Some(scenario.into()),
        js_sys::Function::new_no_args(""),
    )
}

/// Lets the browser run a task, so that the reactive system settles (effects are scheduled).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("a timer");
}

/// The element's text once it contains every one of `wanted`, waiting a few tasks at most;
/// fails with the text it saw.
async fn text_containing(element: &web_sys::HtmlElement, wanted: &[&str]) -> String {
    let mut text = String::new();
    for _ in 0..20 {
        text = element.text_content().unwrap_or_default();
        if wanted.iter().all(|w| text.contains(w)) {
            return text;
        }
        next_task().await;
    }
    panic!("expected the widget's text to contain {wanted:?}; it was: {text}");
}

#[wasm_bindgen_test]
async fn aws_ebs_scenario_renders_a_csi_snapshot_for_ebs() {
    let element = host();
    let widget = mount_scenario(&element, "aws-ebs");
    text_containing(&element, &["CSI snapshot", "ebs.csi.aws.com"]).await;
    let status = element.query_selector("[role=status]").expect("a selector").expect("a role=status region");
    assert!(status.text_content().unwrap_or_default().contains("ebs.csi.aws.com"));
    drop(widget);
    element.remove();
}

#[wasm_bindgen_test]
async fn decision_of_a_mounted_widget_is_an_object_for_its_scenario() {
    let element = host();
    let widget = mount_scenario(&element, "aws-ebs");
    let decision: JsValue = widget.decision();
    let provisioners = js_sys::Reflect::get(&decision, &"provisioners".into()).expect("provisioners");
    let first = js_sys::Reflect::get(&provisioners, &0.into()).expect("a first provisioner");
    let name = js_sys::Reflect::get(&first, &"name".into()).expect("a name");
    assert_eq!(name.as_string().as_deref(), Some("ebs.csi.aws.com"));
    drop(widget);
    element.remove();
}
