//! Every output format rendered from whatever loaded: diagnostics (human,
//! JSON, SARIF, GitHub) and, for plans that check, schedule, graph,
//! decision, roadmap and Terraform.
#![no_main]

use aiplan::check::{Input, check};
use aiplan::diagnostics::render::{
    ColorChoice, RepoPaths, render_github, render_human, render_json, render_sarif,
};
use aiplan::emit;
use aiplan::load::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = Input::Bytes {
        name: "fuzz.yaml".to_string(),
        bytes: bytes.to_vec(),
    };
    let Ok(report) = check(&[input], &Limits::default()) else {
        return;
    };
    let summary = report.summary();
    let paths = RepoPaths::discover();
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
            let _ = emit::schedule::json(plan, schedule);
            let _ = emit::schedule::csv(plan, schedule);
            let _ = emit::schedule::table(plan, schedule);
        }
        let _ = emit::graph::dot(plan);
        let _ = emit::graph::mermaid(plan);
        // The built-in templates render any plan that checked: a template
        // error here is a bug, not a property of the input.
        if let Err(error) = emit::roadmap::render(plan, &report.diagnostics, None) {
            panic!("the roadmap did not render: {error}");
        }
        let _ = emit::terraform::generate(plan);
        if let Some(decision) = &plan.decision {
            let _ = emit::decision::text(decision);
            let _ = emit::decision::json(decision);
        }
    }
});
