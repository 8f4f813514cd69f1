//! The engine's speed, natively: `decide` (whose Decision carries `whatIf`) for 1, 10 and 200
//! provisioners of 50 VSCs each (the same shape as the browser benchmark's large config),
//! parse + decide of the largest, and `what_if` alone for the largest.
//!
//!   cargo bench -p backup-matrix --bench decide
//!
//! tools/bench.sh runs this and reads the medians from target/criterion/*/new/estimates.json.
//! Timings are printed, never asserted.

use std::hint::black_box;

use backup_matrix::{decide, decide_json, what_if, Config};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// Provisioners per config measured.
const SIZES: [usize; 3] = [1, 10, 200];
/// VSCs per provisioner: `p<i>-vsc-0` (the default) to `p<i>-vsc-49`.
const CLASSES: usize = 50;

/// A config of `provisioners` CSI provisioners `p<i>.csi.example.com`, as compact JSON text.
fn config_json(provisioners: usize) -> String {
    let rows: Vec<String> = (0..provisioners)
        .map(|p| {
            let classes: Vec<String> = (0..CLASSES)
                .map(|c| {
                    if c == 0 {
                        format!(r#"{{"name":"p{p}-vsc-{c}","default":true}}"#)
                    } else {
                        format!(r#"{{"name":"p{p}-vsc-{c}"}}"#)
                    }
                })
                .collect();
            format!(r#"{{"name":"p{p}.csi.example.com","volumeSnapshotClasses":[{}]}}"#, classes.join(","))
        })
        .collect();
    format!(r#"{{"provisioners":[{}]}}"#, rows.join(","))
}

fn engine(c: &mut Criterion) {
    let mut group = c.benchmark_group("decide");
    for n in SIZES {
        let config = Config::parse(&config_json(n)).expect("the benchmark config is valid");
        assert_eq!(config.provisioners.len(), n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &config, |b, config| {
            b.iter(|| decide(black_box(config)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parse_and_decide");
    let text = config_json(200);
    group.bench_with_input(BenchmarkId::from_parameter(200), &text, |b, text| {
        b.iter(|| decide_json(black_box(text)).expect("the benchmark config is valid"))
    });
    group.finish();

    let config = Config::parse(&config_json(200)).expect("the benchmark config is valid");
    let mut group = c.benchmark_group("what_if");
    group.bench_with_input(BenchmarkId::from_parameter(200), &config, |b, config| {
        b.iter(|| what_if(black_box(config)))
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
