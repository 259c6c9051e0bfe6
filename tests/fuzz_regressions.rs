//! Inputs from the fuzzers (fuzz/), run on the stable toolchain in CI: each
//! file in tests/fixtures/fuzz/ goes through every stage of `aiplan check`
//! and every renderer, and must not panic; every diagnostic must lie inside
//! its file. A crash a fuzzer finds is added here as a regression case
//! (`crash-<hash>`), next to a sample of the fuzzers' corpus.

use aiplan::check::{Input, check};
use aiplan::diagnostics::render::{
    ColorChoice, RepoPaths, render_github, render_human, render_json, render_sarif,
};
use aiplan::load::Limits;

#[test]
fn every_fuzz_input_checks_and_renders_without_panicking() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures/fuzz")
        .map(|entry| entry.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 10, "the fuzz corpus sample is there");
    let paths = RepoPaths::discover();
    for path in inputs {
        let bytes = std::fs::read(&path).expect("read");
        let input = Input::Bytes {
            name: "fuzz.yaml".to_string(),
            bytes,
        };
        let Ok(report) = check(&[input], &Limits::default()) else {
            continue;
        };
        for diagnostic in &report.diagnostics {
            let file = report.sources.get(diagnostic.primary.file);
            assert!(
                diagnostic.primary.span.end as usize <= file.text.len(),
                "{}: {}",
                path.display(),
                diagnostic.message
            );
        }
        let summary = report.summary();
        let _ = render_human(
            &report.sources,
            &report.diagnostics,
            summary,
            ColorChoice::Never,
        );
        let _ = render_json(&report.sources, &report.diagnostics, summary);
        let _ = render_sarif(&report.sources, &report.diagnostics, &paths);
        let _ = render_github(&report.sources, &report.diagnostics, &paths);
        for plan in &report.plans {
            if let Some(schedule) = &plan.analysis.schedule {
                let _ = aiplan::emit::schedule::json(plan, schedule);
                let _ = aiplan::emit::schedule::table(plan, schedule);
            }
            let _ = aiplan::emit::graph::mermaid(plan);
            if let Err(error) = aiplan::emit::roadmap::render(plan, &report.diagnostics, None) {
                panic!("{}: the roadmap did not render: {error}", path.display());
            }
            let _ = aiplan::emit::terraform::generate(plan);
        }
    }
}
