//! Every example plan checks clean with the real binary, as the README
//! promises a newcomer.

use assert_cmd::Command;

#[test]
fn every_example_checks_clean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut examples: Vec<_> = std::fs::read_dir(format!("{root}/examples"))
        .expect("examples/")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 3, "examples/ holds at least three plans");
    for example in examples {
        let output = Command::cargo_bin("aiplan")
            .expect("binary")
            .current_dir(root)
            .args(["check", "--format", "json"])
            .arg(&example)
            .output()
            .expect("run aiplan");
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("JSON output");
        assert_eq!(
            report["diagnostics"],
            serde_json::json!([]),
            "{} is not clean",
            example.display()
        );
        assert_eq!(output.status.code(), Some(0), "{}", example.display());
    }
}

#[test]
fn the_data_foundation_document_is_exactly_the_published_shape() {
    // plan-format.md: "This shape is in use today and must check clean exactly as written".
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/examples/data_foundation_plan.yaml"))
        .expect("example");
    assert!(text.starts_with("phase: \"Data Foundation\"\nduration: \"8 weeks\"\n"));
    assert!(text.contains("  - data_governance_framework:\n      components: [\"Data catalog\", \"Lineage tracking\", \"PII detection\"]"));
}
