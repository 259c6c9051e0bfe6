//! Random YAML-shaped input never panics the checker, and every diagnostic
//! it produces lies inside its file.

use aiplan::check::{Input, check};
use aiplan::load::Limits;
use proptest::prelude::*;

/// Pieces of plans, valid and not, that random input is assembled from.
const PIECES: &[&str] = &[
    "aiplan: 1\n",
    "aiplan: 2\n",
    "name: Plan\n",
    "phase: Data\n",
    "duration: 4 weeks\n",
    "duration: -3 days\n",
    "duration: 1.5w\n",
    "phases:\n",
    "  - id: a\n",
    "  - id: b\n",
    "    duration: 2w\n",
    "    depends_on: [a, b, c]\n",
    "    depends_on: a\n",
    "    milestone: true\n",
    "    rollback_plan:\n",
    "include: [x.yaml]\n",
    "requirements: {data_sensitivity: high}\n",
    "requirements:\n  latency_requirement: \"<5ms\"\n",
    "compute: {strategy: edge_centric}\n",
    "compute:\n  rules:\n    - {name: r, when: {}, strategy: cloud_first, reason: x}\n",
    "edge: {latency_budget: 50ms, max_input_size: 1GB}\n",
    "a: &x [1, 2]\n",
    "b: *x\n",
    "c: *nope\n",
    "<<: *x\n",
    "- item\n",
    "key: [unclosed\n",
    "key: {a: 1\n",
    "\t- tab\n",
    "---\n",
    "...\n",
    "? [complex]\n: key\n",
    "dup: 1\ndup: 2\n",
    "!!str tagged\n",
    "x: !custom 1\n",
    "# comment\n",
    "\"quoted: \\u00e9\"\n",
    "'single'\n",
    "|\n  block\n",
    ">\n  folded\n",
    "🚀: rocket\n",
    "\n",
    "   \n",
    "assessment: {hardware: {cpu_cores: 99999999999}}\n",
    "start: 2027-02-30\n",
    "optimization: {metrics: [{name: m, target: \">70%\", current: \"10%\"}]}\n",
];

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[ -~\\n\\t]{0,24}",
            1 => prop::sample::select(PIECES).prop_map(|piece| format!("  {piece}")),
        ],
        0..24,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_every_span_is_inside_its_file(text in yamlish()) {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::create_dir(dir.path().join(".git")).expect(".git");
        std::fs::write(dir.path().join("x.yaml"), "phases: []\n").expect("include");
        let path = dir.path().join("plan.yaml");
        std::fs::write(&path, &text).expect("write");
        let report = check(&[Input::Path(path)], &Limits::default()).expect("the file is readable");
        for diagnostic in &report.diagnostics {
            for label in std::iter::once(&diagnostic.primary).chain(&diagnostic.secondary) {
                let file = report.sources.get(label.file);
                prop_assert!(label.span.start <= label.span.end);
                prop_assert!(
                    label.span.end as usize <= file.text.len(),
                    "{} ends at {} past {} bytes of {}", diagnostic.message, label.span.end, file.text.len(), file.name
                );
                prop_assert!(file.text.is_char_boundary(label.span.start as usize));
                let position = file.position(label.span.start);
                prop_assert!(position.line >= 1 && position.column >= 1);
            }
        }
        // Rendering never panics either.
        let _ = aiplan::diagnostics::render::render_json(&report.sources, &report.diagnostics, report.summary());
        let _ = aiplan::diagnostics::render::render_human(
            &report.sources,
            &report.diagnostics,
            report.summary(),
            aiplan::diagnostics::render::ColorChoice::Never,
        );
    }
}
