//! Every example plan checks clean with the real binary (no errors; only
//! the warnings each example is known to carry), and can be scheduled and
//! drawn, as the README promises a newcomer.

use assert_cmd::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Each example and the rules it is expected to report (warnings and
/// information, never errors), sorted.
const EXAMPLES: &[(&str, &[&str])] = &[
    // A build-out phase: no rollback or infrastructure, as published.
    (
        "examples/data_foundation_plan.yaml",
        &["missing-infrastructure", "missing-rollback"],
    ),
    // Includes the data foundation document, whose warnings come along; its
    // optimisation facts are there to show the recommendations.
    (
        "examples/hospital-group.yaml",
        &[
            "add-feature-cache",
            "metric-threshold-breached",
            "missing-infrastructure",
            "missing-rollback",
            "quantize-models",
            "scale-down-gpus",
            "use-spot-instances",
        ],
    ),
    // The four phases as published, with no assessment.
    ("examples/migration.yaml", &["missing-target-state"]),
];

fn aiplan(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(ROOT)
        .args(args)
        .output()
        .expect("run aiplan")
}

#[test]
fn every_example_is_listed_here() {
    let mut on_disk: Vec<String> = std::fs::read_dir(format!("{ROOT}/examples"))
        .expect("examples/")
        .map(|entry| {
            format!(
                "examples/{}",
                entry.expect("entry").file_name().to_string_lossy()
            )
        })
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = EXAMPLES.iter().map(|(name, _)| *name).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_example_checks_clean() {
    for (example, expected_warnings) in EXAMPLES {
        let output = aiplan(&["check", "--format", "json", example]);
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("JSON output");
        let mut rules: Vec<&str> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|diagnostic| {
                assert_ne!(diagnostic["severity"], "error", "{example}: {diagnostic}");
                diagnostic["rule"].as_str().expect("rule")
            })
            .collect();
        rules.sort();
        assert_eq!(&rules, expected_warnings, "{example}");
        assert_eq!(output.status.code(), Some(0), "{example}");
        assert_eq!(
            aiplan(&["check", "--deny-warnings", example]).status.code(),
            Some(1),
            "{example} with --deny-warnings"
        );
    }
}

#[test]
fn every_example_schedules_and_draws() {
    for (example, _) in EXAMPLES {
        for args in [
            &["schedule", example][..],
            &["schedule", "--format", "json", example],
            &["schedule", "--format", "csv", example],
            &["graph", example],
            &["graph", "--format", "mermaid", example],
        ] {
            let output = aiplan(args);
            assert_eq!(output.status.code(), Some(0), "{args:?}");
            assert!(!output.stdout.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn the_data_foundation_document_is_exactly_the_published_shape() {
    // plan-format.md: "This shape is in use today and must check clean exactly as written".
    let text = std::fs::read_to_string(format!("{ROOT}/examples/data_foundation_plan.yaml"))
        .expect("example");
    assert!(text.starts_with("phase: \"Data Foundation\"\nduration: \"8 weeks\"\n"));
    assert!(text.contains(
        "  - data_governance_framework:\n      components: [\"Data catalog\", \"Lineage tracking\", \"PII detection\"]"
    ));
}
