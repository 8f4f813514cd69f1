use backup_matrix::*;
#[test]
fn probe() {
    let cases = [
        r#"{"provisioners":[{"name":"a.b"},{"name":"c.d","bogus":1}]}"#,
        r#"{"bogus":1}"#,
        r#"{"provisioners":[{"name":"a.b","volumeSnapshotClasses":[{"name":"x","dflt":true}]}]}"#,
        r#"{"provisioners":[{"name":"a.b","volumeSnapshotClasses":[{"name":"x","default":"yes"}]}]}"#,
        r#"{"provisioners":[{"name":"a.b"}],"kubernetes":{"bogus":1}}"#,
        r#"{"provisioners":[{"name":"a.b"}],"kubernetes":{"storageClasses":{"items":[{"metadata":{"name":"x"},"provisioner":5}]}}}"#,
        r#"{"provisioners":[{"name":"a.b"}],"backupLocations":[{"name":"x","type":"s3","zz":1}]}"#,
        r#"{"provisioners":[{"name":"a.b"}]} x"#,
        r#"{"provisioners":[{"name":"a.b"}],"offload":true,"offload":false}"#,
        r#"nope"#,
        r#""#,
        r#"[]"#,
        r#"null"#,
        r#"{"provisioners":[{"name":"a.b"}],"mode":"hybrid"}"#,
        r#"{"provisioners":[{"name":"a.b"}],"scenario":"x"}"#,
        r#"{"provisioners":{}}"#,
    ];
    for c in cases { println!("{c}\n   => {:?}", Config::parse(c).err()); }
}
