//! The JS boundary in a real browser: a config handed in as a JS value (an object, which the
//! browser prints as JSON, or JSON text) is read exactly as `Config::parse` reads the same text
//! natively, errors included; values going out are the JSON serde_json writes for them.
#![cfg(target_arch = "wasm32")]

use backup_matrix::scenarios::SCENARIOS;
use backup_matrix::share::LinkState;
use backup_matrix::{decide, request, Config, Selection};
use create_backup_widget::js::{config_from_js, pretty_text, to_js};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `text` as the JS object `JSON.parse` makes of it.
fn object(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

/// A value the widget hands out, read back by serde_json.
fn as_json(value: &JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(value).unwrap().as_string().unwrap()).unwrap()
}

const EBS: &str = r#"{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"ebs-vsc","default":true}]}"#;

/// Configs that are accepted, and configs rejected for every kind of reason a JS value can have.
fn cases() -> Vec<String> {
    let with = |rest: &str| format!(r#"{{"provisioners":[{EBS}]{rest}}}"#);
    let mut cases: Vec<String> =
        SCENARIOS.iter().map(|s| serde_json::to_string(&s.config()).unwrap()).collect();
    cases.extend(
        [
            with(r#","offload":true,"crossCloud":true,"mode":"federated","cluster":{"name":"c","uid":"u-1"}"#),
            with(r#","schedulePolicies":["daily",{"name":"weekly","uid":"w-1"}],"schedulePolicy":"weekly","backupKind":"scheduled""#),
            with(r#","kubernetes":null,"cluster":null,"backupLocation":null,"schedulePolicy":null"#),
            r#"{"kubernetes":{"storageClasses":{"kind":"StorageClassList","apiVersion":"v1","items":[{"kind":"StorageClass","metadata":{"name":"gp3","labels":{"a":"b"}},"provisioner":"ebs.csi.aws.com","parameters":{"type":"gp3"}}]},"volumeSnapshotClasses":{"items":[{"metadata":{"name":"v","annotations":{"snapshot.storage.kubernetes.io/is-default-class":"true"}},"driver":"ebs.csi.aws.com","deletionPolicy":"Delete"}]}}}"#.to_owned(),
            // Rejected: types, unknown and missing keys, choices, checks, Kubernetes fields.
            "null".to_owned(),
            "[]".to_owned(),
            "42".to_owned(),
            r#"[[{"name":"pxd.portworx.com"}]]"#.to_owned(),
            r#"{"provisioners":{"name":"pxd.portworx.com"}}"#.to_owned(),
            r#"{"provisioners":[["pxd.portworx.com"]]}"#.to_owned(),
            r#"{"provisioners":[{"name":42}]}"#.to_owned(),
            r#"{"provisioners":[{"name":null}]}"#.to_owned(),
            r#"{"provisioners":[{}]}"#.to_owned(),
            with(r#","offload":"yes""#),
            with(r#","offload":null"#),
            with(r#","offload":1.5"#),
            with(r#","offload":-3"#),
            with(r#","colour":"blue""#),
            with(r#","mode":"hybrid""#),
            with(r#","mode":{"classic":null}"#),
            with(r#","mode":null"#),
            with(r#","cluster":["prod"]"#),
            with(r#","cluster":{"uid":"u"}"#),
            with(r#","cluster":{"name":"prod","region":"eu"}"#),
            with(r#","backupLocations":[{"name":"x","type":"ftp"}]"#),
            with(r#","backupLocations":[{"name":"x"}]"#),
            with(r#","namespaces":"default""#),
            with(r#","namespaces":["Kube_System"]"#),
            with(r#","schedulePolicies":[["weekly"]]"#),
            with(r#","schedulePolicies":[{"name":"weekly","cron":"@weekly"}]"#),
            with(r#","schedulePolicies":[{"name":"Weekly"}]"#),
            r#"{"provisioners":[{"name":"a.example.com","volumeSnapshotClasses":[{"name":"x"}],"volumeSnapshotClass":null}]}"#.to_owned(),
            r#"{"provisioners":[{"name":"a.example.com","volumeSnapshotClasses":[{"name":"x","isDefault":true}]}]}"#.to_owned(),
            r#"{"provisioners":[{"name":"a.example.com","volumeSnapshotClass":3}]}"#.to_owned(),
            r#"{"provisioners":[{"name":"a.example.com","snapshotClass":"x"}]}"#.to_owned(),
            r#"{"provisioners":[{"name":"a.example.com"},{"name":"b.example.com"},{"name":"Bad Name"}]}"#.to_owned(),
            r#"{"kubernetes":{"storageclasses":{"items":[]}}}"#.to_owned(),
            r#"{"kubernetes":{"storageClasses":[]}}"#.to_owned(),
            r#"{"kubernetes":{"storageClasses":{"items":[{"metadata":{"name":"sc"},"provisioner":5}]}}}"#.to_owned(),
            r#"{"kubernetes":{"storageClasses":{"items":[{"provisioner":"a.b"}]}}}"#.to_owned(),
            r#"{"kubernetes":{"volumeSnapshotClasses":{"items":[{"metadata":{"name":"v","annotations":{"a":1}},"driver":"a.b"}]}}}"#.to_owned(),
        ],
    );
    cases
}

#[wasm_bindgen_test]
fn an_object_or_its_text_reads_as_config_parse_reads_the_text() {
    for text in cases() {
        let native = Config::parse(&text);
        assert_eq!(config_from_js(&object(&text)), native, "object: {text}");
        assert_eq!(config_from_js(&JsValue::from_str(&text)), native, "text: {text}");
    }
}

#[wasm_bindgen_test]
fn an_unknown_key_of_an_object_is_an_error() {
    let error =
        config_from_js(&object(&format!(r#"{{"provisioners":[{EBS}],"colour":"blue"}}"#))).unwrap_err();
    assert_eq!(error.path, "colour");
    assert!(error.message.starts_with("unknown field `colour`"), "{error:?}");
}

#[wasm_bindgen_test]
fn a_property_set_to_undefined_is_absent_and_null_is_null() {
    let config = object(
        r#"{"provisioners":[{"name":"a.example.com","volumeSnapshotClasses":[{"name":"x"},{"name":"y"}]}]}"#,
    );
    let provisioner = js_sys::Reflect::get(
        &js_sys::Reflect::get(&config, &"provisioners".into()).unwrap(),
        &JsValue::from(0),
    )
    .unwrap();
    js_sys::Reflect::set(&provisioner, &"volumeSnapshotClass".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(&config, &"offload".into(), &JsValue::UNDEFINED).unwrap();
    assert_eq!(config_from_js(&config).unwrap().provisioners[0].volume_snapshot_class, Selection::Auto);
    js_sys::Reflect::set(&provisioner, &"volumeSnapshotClass".into(), &JsValue::NULL).unwrap();
    assert_eq!(config_from_js(&config).unwrap().provisioners[0].volume_snapshot_class, Selection::NoClass);
    // A function is no JSON value: left out, as `JSON.stringify` leaves it out.
    js_sys::Reflect::set(&config, &"offload".into(), &js_sys::Function::new_no_args("")).unwrap();
    assert!(!config_from_js(&config).unwrap().offload);
}

#[wasm_bindgen_test]
fn deep_values_never_overflow_the_stack() {
    // 50,000 levels in ignored Kubernetes fields, as text: skipped without being walked.
    let depth = 50_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let text = format!(
        r#"{{"kubernetes":{{"storageClasses":{{"metadata":{deep},"items":[{{"metadata":{{"name":"sc","x":{deep}}},"provisioner":"a.b"}}]}}}}}}"#
    );
    assert_eq!(config_from_js(&JsValue::from_str(&text)), Config::parse(&text));
    // The same depth where a config field is: an error, as natively.
    let text = format!(r#"{{"provisioners":{deep}}}"#);
    let error = config_from_js(&JsValue::from_str(&text)).unwrap_err();
    assert_eq!(Err(error), Config::parse(&text));
    // An object nested deeper than JSON.stringify goes (or, if it does, too big): at the root.
    let mut value = JsValue::from("leaf");
    for _ in 0..2 * depth {
        let outer = js_sys::Object::new();
        js_sys::Reflect::set(&outer, &"x".into(), &value).unwrap();
        value = outer.into();
    }
    let config = object(r#"{"kubernetes":{"storageClasses":{"items":[]}}}"#);
    let list = js_sys::Reflect::get(
        &js_sys::Reflect::get(&config, &"kubernetes".into()).unwrap(),
        &"storageClasses".into(),
    )
    .unwrap();
    js_sys::Reflect::set(&list, &"metadata".into(), &value).unwrap();
    let error = config_from_js(&config).unwrap_err();
    assert_eq!(error.path, "(root)", "{error:?}");
    assert!(error.message.starts_with("not valid JSON") || error.message.contains("256 KiB"), "{error:?}");
}

#[wasm_bindgen_test]
fn the_size_limit_and_json_errors_are_at_the_root() {
    // An object whose JSON is over 256 KiB; text just under it is read.
    let long = format!(r#"{{"provisioners":[{EBS}],"backupName":"{}"}}"#, "b".repeat(300 * 1024));
    let error = config_from_js(&object(&long)).unwrap_err();
    assert_eq!(error.path, "(root)");
    assert!(
        error.message.contains("256 KiB") && error.message.contains(&long.len().to_string()),
        "{error:?}"
    );
    // Counted in bytes of UTF-8: 140,000 'é' are 140,000 UTF-16 units but 280,000 bytes.
    let wide = format!(r#"{{"provisioners":[{EBS}],"backupName":"{}"}}"#, "é".repeat(140_000));
    assert!(config_from_js(&object(&wide)).unwrap_err().message.contains("256 KiB"));
    let error = config_from_js(&JsValue::from_str("this is not JSON")).unwrap_err();
    assert_eq!(error.path, "(root)");
    assert!(error.message.starts_with("not valid JSON: "), "{error:?}");
    let cycle = js_sys::Object::new();
    js_sys::Reflect::set(&cycle, &"provisioners".into(), &cycle).unwrap();
    let error = config_from_js(&cycle).unwrap_err();
    assert_eq!(error.path, "(root)");
    assert!(error.message.starts_with("not valid JSON: "), "{error:?}");
}

#[wasm_bindgen_test]
fn values_go_out_as_serde_json_writes_them() {
    for scenario in &SCENARIOS {
        let mut config = scenario.config();
        config.provisioners[0].volume_snapshot_class = Selection::NoClass;
        let request = request(&config);
        let decision = decide(&config);
        assert_eq!(as_json(&to_js(&config)), serde_json::to_value(&config).unwrap(), "{}", scenario.id);
        assert_eq!(as_json(&to_js(&decision)), serde_json::to_value(&decision).unwrap(), "{}", scenario.id);
        assert_eq!(as_json(&to_js(&request)), serde_json::to_value(&request).unwrap(), "{}", scenario.id);
        assert_eq!(
            pretty_text(&request.body).as_string().unwrap(),
            serde_json::to_string_pretty(&request.body).unwrap(),
            "{}",
            scenario.id
        );
        let state = LinkState::of(&config);
        assert_eq!(as_json(&to_js(&state)), serde_json::to_value(&state).unwrap(), "{}", scenario.id);
    }
    assert_eq!(as_json(&to_js(SCENARIOS.as_slice())), serde_json::to_value(SCENARIOS).unwrap());
    let error = Config::parse("{}").unwrap_err();
    assert_eq!(as_json(&to_js(&error)), json!({ "message": error.message, "path": "provisioners" }));
}
