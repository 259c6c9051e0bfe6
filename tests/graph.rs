//! Graph problems at scale and across files: each is a located diagnostic,
//! never a panic or a hang.

use assert_cmd::Command;
use serde_json::Value;

fn phase(id: &str, depends_on: &[String]) -> String {
    let mut text = format!(
        "  - id: {id}\n    duration: 3 days\n    infrastructure: x\n    success_criteria: y\n    rollback_plan: z\n"
    );
    if !depends_on.is_empty() {
        text.push_str(&format!("    depends_on: [{}]\n", depends_on.join(", ")));
    }
    text
}

fn plan(phases: impl Iterator<Item = String>) -> String {
    let mut text = String::from(
        "aiplan: 1\nname: Graph\nassessment: {current_state: a, target_state: b}\nphases:\n",
    );
    text.extend(phases);
    text
}

fn check(dir: &std::path::Path, entry: &str) -> (i32, Value) {
    std::fs::create_dir_all(dir.join(".git")).expect(".git");
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", "json", entry])
        .output()
        .expect("run");
    let code = output.status.code().expect("exit code, not a signal");
    assert_ne!(
        code,
        101,
        "panicked: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (code, serde_json::from_slice(&output.stdout).expect("JSON"))
}

fn rules(report: &Value) -> Vec<&str> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().expect("rule"))
        .collect()
}

#[test]
fn a_cycle_of_ten_thousand_phases_is_one_located_diagnostic() {
    let dir = tempfile::tempdir().expect("dir");
    let count = 10_000;
    let text =
        plan((0..count).map(|i| phase(&format!("p{i}"), &[format!("p{}", (i + 1) % count)])));
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["dependency-cycle"]);
    let diagnostic = &report["diagnostics"][0];
    let message = diagnostic["message"].as_str().expect("message");
    assert!(
        message.starts_with("dependency cycle: p0 → p1 → "),
        "{message}"
    );
    assert!(message.ends_with("→ p0"), "{message}");
    // The first 10 ids and the last 2, around the count of the others.
    assert!(
        message.contains("p8 → p9 → … 9989 more … → p9999 → p0"),
        "a long cycle is shortened: {message}"
    );
    assert!(message.chars().count() < 200, "{message}");
    // p0's depends_on entry is on line 10 of the file.
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(10), Some(18))
    );
    let help = diagnostic["help"].as_str().expect("help");
    assert!(
        help.contains(
            "the cycle has 10000 edges: the first 20 are labelled, and 9980 more edges are not"
        ),
        "{help}"
    );
    // 20 labels in all: the primary one and 19 related locations, and the
    // human output stays a screenful or two.
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "plan.yaml"])
        .output()
        .expect("run");
    let sarif: Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    let result = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["ruleId"] == "AP404")
        .expect("the cycle");
    assert_eq!(
        result["relatedLocations"].as_array().map(Vec::len),
        Some(19)
    );
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--color", "never", "plan.yaml"])
        .output()
        .expect("run");
    let lines = String::from_utf8_lossy(&output.stderr).lines().count();
    assert!(lines < 250, "{lines} lines of human output");
}

#[test]
fn overlapping_cycles_give_one_diagnostic_per_component() {
    let dir = tempfile::tempdir().expect("dir");
    // Two separate groups, each with many overlapping cycles.
    let group = |prefix: &str| {
        let prefix = prefix.to_string();
        (0..40).map(move |i| {
            let deps: Vec<String> = (1..4)
                .map(|k| format!("{prefix}{}", (i + k) % 40))
                .collect();
            phase(&format!("{prefix}{i}"), &deps)
        })
    };
    let text = plan(group("a").chain(group("b")));
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["dependency-cycle", "dependency-cycle"]);
    for diagnostic in report["diagnostics"].as_array().expect("diagnostics") {
        assert!(
            diagnostic["help"]
                .as_str()
                .expect("help")
                .contains("overlapping")
        );
    }
}

#[test]
fn thousands_of_unknown_references_are_each_located() {
    let dir = tempfile::tempdir().expect("dir");
    let text = plan((0..3_000).map(|i| phase(&format!("p{i}"), &[format!("missing-{i}")])));
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    let found = rules(&report);
    assert_eq!(found.len(), 3_000);
    assert!(found.iter().all(|rule| *rule == "unknown-dependency"));
    let lines: std::collections::HashSet<u64> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines.len(), 3_000, "each at its own depends_on entry");
}

#[test]
fn a_dependency_on_a_phase_in_a_file_that_failed_to_load_is_not_misreported() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("broken.yaml"),
        "phases:\n  - id: data-foundation\n    duration: [8 weeks\n",
    )
    .expect("write");
    let text = format!(
        "aiplan: 1\nname: Graph\nassessment: {{current_state: a, target_state: b}}\ninclude: [broken.yaml]\nphases:\n{}",
        phase("pilot", &["data-foundation".to_string()])
    );
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    // The broken file is reported where it is broken; the dependency on its
    // phase is not called unknown, as the phase may well be there.
    assert_eq!(rules(&report), ["yaml-syntax"]);
    assert_eq!(report["diagnostics"][0]["file"], "broken.yaml");
}

#[test]
fn a_dependency_named_three_times_points_each_repeat_at_the_first() {
    let dir = tempfile::tempdir().expect("dir");
    let pilot = "pilot".to_string();
    let text = plan(
        [
            phase("pilot", &[]),
            phase("rollout", &[pilot.clone(), pilot.clone(), pilot]),
        ]
        .into_iter(),
    );
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 0, "a repeat is a warning: {report:#}");
    assert_eq!(
        rules(&report),
        ["duplicate-dependency", "duplicate-dependency"]
    );
}

#[test]
fn long_dependency_lists_and_many_unknown_names_are_each_reported_once() {
    // A phase naming one dependency 20,000 times, and 20,000 phases each
    // naming an unknown phase: checks that stay linear, whatever the input.
    let dir = tempfile::tempdir().expect("dir");
    let repeated: Vec<String> = std::iter::repeat_n("p0".to_string(), 20_000).collect();
    let text = plan(
        std::iter::once(phase("p0", &[]))
            .chain(std::iter::once(phase("hub", &repeated)))
            .chain((0..20_000).map(|i| phase(&format!("q{i}"), &[format!("gone-{i}")]))),
    );
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    let found = rules(&report);
    let count = |rule: &str| found.iter().filter(|found| **found == rule).count();
    assert_eq!(count("duplicate-dependency"), 19_999);
    assert_eq!(count("unknown-dependency"), 20_000);
}

#[test]
fn a_schedule_past_9999_12_31_is_a_located_error() {
    let dir = tempfile::tempdir().expect("dir");
    let text = plan(
        [
            phase("a", &[]).replace("3 days", "30 days"),
            phase("b", &["a".to_string()]).replace("3 days", "36500 days"),
        ]
        .into_iter(),
    )
    .replace("phases:\n", "start: 9999-12-31\nphases:\n");
    std::fs::write(dir.path().join("plan.yaml"), text).expect("write");
    let (code, report) = check(dir.path(), "plan.yaml");
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["date-out-of-range"]);
    let diagnostic = &report["diagnostics"][0];
    let message = diagnostic["message"].as_str().expect("message");
    assert!(
        message
            .starts_with("the schedule ends after 9999-12-31, the last date aiplan can represent"),
        "{message}"
    );
    // At `a`'s duration (line 7): it is the first to end past the date.
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(7), Some(15))
    );
}
