//! Inline suppressions: `# aiplan-ignore: RULE -- REASON` on the line of a
//! finding or the line before it, honest about reasons and unused ones.

use assert_cmd::Command;
use serde_json::Value;

/// Runs `aiplan check --format json` on one plan in a fresh repository.
fn check(plan: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    std::fs::write(dir.path().join("plan.yaml"), plan).expect("plan");
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--format", "json", "plan.yaml"])
        .output()
        .expect("run");
    let json = serde_json::from_slice(&output.stdout).expect("JSON");
    (output.status.code().expect("exit code"), json)
}

fn rules(json: &Value) -> Vec<(String, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

const ASSESSMENT: &str =
    "assessment:\n  current_state: Batch jobs\n  target_state: Online serving\n";

const PHASE: &str =
    "    duration: 2 weeks\n    infrastructure: Sandbox\n    success_criteria: Serves traffic\n";

fn plan(comment_before: &str, trailing: &str) -> String {
    format!(
        "aiplan: 1\nname: Pilot\n{ASSESSMENT}phases:\n{comment_before}  - id: pilot{trailing}\n{PHASE}"
    )
}

#[test]
fn a_suppression_before_the_line_or_on_it_hides_the_finding_and_the_counts_follow() {
    let (code, json) = check(&plan("", ""));
    assert_eq!(rules(&json), [("missing-rollback".to_string(), 7)]);
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(code, 0);
    for (before, trailing) in [
        (
            "  # aiplan-ignore: missing-rollback -- throwaway sandbox\n",
            "",
        ),
        ("", " # aiplan-ignore: AP501 -- throwaway sandbox"),
        (
            "  # aiplan-ignore: missing-infrastructure, missing-rollback -- sandbox\n",
            "",
        ),
    ] {
        let text = plan(before, trailing);
        let (_, json) = check(&text);
        let found = rules(&json);
        // The two-rule comment suppresses one and reports the other unused.
        if before.contains("missing-infrastructure") {
            assert_eq!(found, [("unused-suppression".to_string(), 7)], "{text}");
            continue;
        }
        assert!(found.is_empty(), "{text}: {found:?}");
        assert_eq!(json["summary"]["warnings"], 0);
    }
}

#[test]
fn a_suppression_two_lines_above_does_not_reach() {
    let text = plan("  # aiplan-ignore: missing-rollback -- sandbox\n\n", "");
    let (_, json) = check(&text);
    let found: Vec<String> = rules(&json).into_iter().map(|(rule, _)| rule).collect();
    assert_eq!(found, ["unused-suppression", "missing-rollback"]);
}

#[test]
fn a_suppression_without_reason_suppresses_nothing_and_is_reported() {
    for comment in [
        "  # aiplan-ignore: missing-rollback\n",
        "  # aiplan-ignore: missing-rollback --   \n",
    ] {
        let (_, json) = check(&plan(comment, ""));
        let found: Vec<String> = rules(&json).into_iter().map(|(rule, _)| rule).collect();
        assert_eq!(
            found,
            ["suppression-without-reason", "missing-rollback"],
            "{comment}"
        );
    }
}

#[test]
fn unknown_and_unsuppressible_rules_are_reported_and_schema_errors_stand() {
    let (_, json) = check(&plan("  # aiplan-ignore: missing-rolback -- typo\n", ""));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics[0]["rule"], "invalid-suppression");
    assert_eq!(diagnostics[0]["help"], "did you mean `missing-rollback`?");
    assert_eq!(diagnostics[1]["rule"], "missing-rollback");

    let text =
        "aiplan: 1\nname: Pilot\n# aiplan-ignore: unknown-key -- please\nphases: []\nextra: 1\n";
    let (code, json) = check(text);
    let found: Vec<String> = rules(&json).into_iter().map(|(rule, _)| rule).collect();
    assert!(
        found.contains(&"invalid-suppression".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"unknown-key".to_string()), "{found:?}");
    assert_eq!(code, 1);
}

#[test]
fn a_hash_inside_a_quoted_or_block_scalar_is_not_a_comment() {
    let text = format!(
        "aiplan: 1\nname: \"Pilot # aiplan-ignore: missing-rollback -- no\"\nassessment:\n  current_state: |\n    # aiplan-ignore: missing-rollback -- no\n  target_state: 'it''s # aiplan-ignore: missing-rollback -- no'\nphases:\n  - id: pilot\n{PHASE}"
    );
    let (_, json) = check(&text);
    let found: Vec<String> = rules(&json).into_iter().map(|(rule, _)| rule).collect();
    assert_eq!(found, ["missing-rollback"]);
}
