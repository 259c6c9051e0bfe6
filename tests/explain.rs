//! The compute-strategy decision: every combination of the three inputs
//! decides by the published priority order, and `aiplan explain` reports
//! the decision with its trace.

mod common;

use aiplan::decide::strategy::{decide, strategy_id};
use aiplan::model::{Compute, Level, Requirements, Strategy, WorkloadPattern};
use common::{CRATE_ROOT, aiplan, check_json, run, write};

const SENSITIVITIES: [Option<Level>; 4] = [
    None,
    Some(Level::Low),
    Some(Level::Medium),
    Some(Level::High),
];
const PATTERNS: [Option<WorkloadPattern>; 3] = [
    None,
    Some(WorkloadPattern::Steady),
    Some(WorkloadPattern::Bursty),
];
/// Latency bounds and whether each is 20 ms or tighter.
const LATENCIES: [(Option<&str>, bool); 8] = [
    (None, false),
    (Some("<5ms"), true),
    (Some("<20ms"), true),
    (Some("20 ms"), true),
    (Some("≤ 0.02 s"), true),
    (Some("<21ms"), false),
    (Some("<100ms"), false),
    (Some("<1 second"), false),
];

#[test]
fn every_combination_follows_the_priority_order() {
    let mut combinations = 0;
    for sensitivity in SENSITIVITIES {
        for pattern in PATTERNS {
            for (latency, tight) in LATENCIES {
                let requirements = Requirements {
                    data_sensitivity: sensitivity,
                    workload_pattern: pattern,
                    latency_requirement: latency.map(str::to_string),
                    workloads: Vec::new(),
                };
                let sovereign = sensitivity == Some(Level::High);
                let bursty = pattern == Some(WorkloadPattern::Bursty);
                // Priority: data sovereignty, then elastic scaling, then real time.
                let expected = if sovereign {
                    Some((Strategy::HybridIntelligent, "data-sovereignty"))
                } else if bursty {
                    Some((Strategy::CloudFirst, "elastic-scaling"))
                } else if tight {
                    Some((Strategy::EdgeCentric, "real-time-processing"))
                } else {
                    None
                };
                let decision = decide(Some(&requirements), None);
                let case = format!("{sensitivity:?} {pattern:?} {latency:?}");
                assert_eq!(
                    decision.strategy,
                    expected.map(|(strategy, _)| strategy),
                    "{case}"
                );
                assert_eq!(
                    decision.rule.as_deref(),
                    expected.map(|(_, rule)| rule),
                    "{case}"
                );
                // Every other rule that matched is listed as outranked, in order.
                let matched: Vec<&str> = [
                    (sovereign, "data-sovereignty"),
                    (bursty, "elastic-scaling"),
                    (tight, "real-time-processing"),
                ]
                .into_iter()
                .filter(|(holds, _)| *holds)
                .map(|(_, rule)| rule)
                .collect();
                let outranked: Vec<&str> =
                    decision.outranked.iter().map(|o| o.rule.as_str()).collect();
                assert_eq!(outranked, matched.get(1..).unwrap_or_default(), "{case}");
                assert_eq!(decision.trace.len(), 3, "{case}");
                for outcome in &decision.trace {
                    assert!(!outcome.why.is_empty(), "{case}");
                }
                combinations += 1;
            }
        }
    }
    assert_eq!(combinations, 4 * 3 * 8);
}

#[test]
fn no_match_falls_back_to_the_named_default_and_never_silently() {
    let requirements = Requirements {
        data_sensitivity: Some(Level::Low),
        ..Requirements::default()
    };
    let undecided = decide(Some(&requirements), None);
    assert_eq!(undecided.strategy, None);
    assert!(undecided.trace.iter().all(|outcome| !outcome.matched));
    let compute = Compute {
        default: Some(Strategy::CloudFirst),
        ..Compute::default()
    };
    let defaulted = decide(Some(&requirements), Some(&compute));
    assert_eq!(defaulted.strategy, Some(Strategy::CloudFirst));
    assert_eq!(defaulted.rule.as_deref(), Some("default"));
    assert_eq!(strategy_id(Strategy::CloudFirst), "cloud_first");
}

fn explain(plan: &str, format: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "plan.yaml", plan);
    let output = run(aiplan()
        .args(["explain", "--color", "never", "--format", format])
        .arg(&path));
    (Some(output.code), output.stdout, output.stderr)
}

#[test]
fn explain_json_shows_the_winner_the_outranked_and_the_trace() {
    let plan = "aiplan: 1\nname: Radiology\nrequirements:\n  data_sensitivity: high\n  latency_requirement: \"<15ms\"\ncompute:\n  strategy: auto\n";
    let (code, stdout, _) = explain(plan, "json");
    assert_eq!(code, Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["strategy"], "hybrid_intelligent");
    assert_eq!(report["rule"], "data-sovereignty");
    assert!(
        report["reason"]
            .as_str()
            .is_some_and(|reason| !reason.is_empty())
    );
    assert_eq!(
        report["outranked"],
        serde_json::json!([{"rule": "real-time-processing", "strategy": "edge_centric"}])
    );
    let trace = report["trace"].as_array().expect("trace");
    assert_eq!(trace.len(), 3);
    assert_eq!(trace[1]["rule"], "elastic-scaling");
    assert_eq!(trace[1]["matched"], false);
    assert_eq!(
        trace[1]["why"],
        "workload_pattern is not given (needs bursty)"
    );
    let mut keys: Vec<&str> = report
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["outranked", "reason", "rule", "strategy", "trace"]);
}

#[test]
fn a_plans_own_rules_replace_the_matrix() {
    let plan = "aiplan: 1\nname: Retail\nrequirements:\n  workloads: [real_time_inference]\n  latency_requirement: \"<10ms\"\ncompute:\n  strategy: auto\n  rules:\n    - name: stores-are-edge\n      when: {workload: real_time_inference}\n      strategy: edge_centric\n      reason: Every store runs its own cameras.\n";
    let (code, stdout, _) = explain(plan, "text");
    assert_eq!(code, Some(0));
    assert!(stdout.contains("Strategy: edge_centric"), "{stdout}");
    assert!(stdout.contains("Decided by: stores-are-edge"), "{stdout}");
    assert!(stdout.contains("the plan's own rules"), "{stdout}");
}

#[test]
fn a_named_strategy_against_the_matrix_is_a_located_warning() {
    let plan = "aiplan: 1\nname: Records\nrequirements:\n  data_sensitivity: high\ncompute:\n  strategy: cloud_first\n";
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.yaml", plan);
    let report = check_json(dir.path(), &["plan.yaml"]).expect_code(0).json();
    let mismatch = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "strategy-mismatch")
        .expect("a strategy-mismatch warning");
    assert_eq!(
        (mismatch["line"].as_u64(), mismatch["column"].as_u64()),
        (Some(6), Some(13))
    );
    assert!(
        mismatch["message"]
            .as_str()
            .expect("message")
            .contains("hybrid_intelligent by rule `data-sovereignty`")
    );
}

#[test]
fn explain_works_on_every_example() {
    for example in [
        "examples/hospital-group.yaml",
        "examples/migration.yaml",
        "examples/data_foundation_plan.yaml",
    ] {
        for format in ["text", "json"] {
            let output = run(aiplan()
                .current_dir(CRATE_ROOT)
                .args(["explain", "--format", format, example]));
            assert_eq!(output.code, 0, "{example} {format}");
            assert!(!output.stdout.is_empty());
        }
    }
}

/// The plan of the review: a named strategy and requirements no rule matches.
const NAMED_UNMATCHED: &str = "aiplan: 1\nname: n\nassessment: {current_state: a, target_state: b}\ncompute:\n  strategy: cloud_first\nphases:\n  - {id: a, name: A, duration: 1 week, rollback_plan: x, infrastructure: x, success_criteria: x}\n";

#[test]
fn a_named_strategy_is_the_decision_even_when_no_rule_matches() {
    let compute = Compute {
        strategy: aiplan::model::StrategyChoice::CloudFirst,
        ..Compute::default()
    };
    let decision = decide(None, Some(&compute));
    assert_eq!(decision.strategy, Some(Strategy::CloudFirst));
    assert_eq!(decision.rule.as_deref(), Some("plan"));
    assert!(decision.by_plan);
    assert_eq!(decision.matrix_strategy, None);
    assert!(decision.outranked.is_empty());

    let (code, stdout, _) = explain(NAMED_UNMATCHED, "json");
    assert_eq!(code, Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["strategy"], "cloud_first");
    assert_eq!(report["rule"], "plan");
    let reason = report["reason"].as_str().expect("reason");
    assert!(
        reason.contains("The plan names `compute.strategy: cloud_first`")
            && reason.contains("no rule of the decision matrix matches"),
        "{reason}"
    );
    let (_, text, _) = explain(NAMED_UNMATCHED, "text");
    assert!(text.contains("Strategy: cloud_first"), "{text}");
    assert!(text.contains("Decided by: plan"), "{text}");

    // It checks clean: naming a strategy is a decision, not a fall-through.
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "plan.yaml", NAMED_UNMATCHED);
    let report = check_json(dir.path(), &["plan.yaml"]).expect_code(0).json();
    assert_eq!(report["diagnostics"], serde_json::json!([]));

    // Terraform writes the named strategy's compute.
    run(aiplan()
        .current_dir(dir.path())
        .args(["terraform", "plan.yaml", "-o", "infra"]))
    .expect_code(0);
    let plan_tf = std::fs::read_to_string(dir.path().join("infra/plan.tf")).expect("plan.tf");
    assert!(
        !plan_tf.contains("No compute strategy was decided"),
        "{plan_tf}"
    );
    assert!(plan_tf.contains("\"cloud_first\""), "{plan_tf}");
    let files = std::fs::read_dir(dir.path().join("infra"))
        .expect("infra")
        .count();
    let undecided = tempfile::tempdir().expect("temp dir");
    write(
        undecided.path(),
        "plan.yaml",
        NAMED_UNMATCHED.replace("cloud_first", "auto"),
    );
    run(aiplan()
        .current_dir(undecided.path())
        .args(["terraform", "plan.yaml", "-o", "infra"]));
    let fewer = std::fs::read_dir(undecided.path().join("infra"))
        .expect("infra")
        .count();
    assert!(files > fewer, "compute files: {files} vs {fewer}");
}

#[test]
fn a_named_strategy_against_the_matrix_is_the_decision_and_says_so() {
    let plan = "aiplan: 1\nname: Records\nrequirements:\n  data_sensitivity: high\n  workload_pattern: bursty\ncompute:\n  strategy: cloud_first\n";
    let (code, stdout, _) = explain(plan, "json");
    assert_eq!(code, Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["strategy"], "cloud_first");
    assert_eq!(report["rule"], "plan");
    let reason = report["reason"].as_str().expect("reason");
    assert!(
        reason.contains("would choose hybrid_intelligent instead by rule `data-sovereignty`"),
        "{reason}"
    );
    // The matched rule that disagrees is outranked by the plan; the one
    // that agrees is not.
    assert_eq!(
        report["outranked"],
        serde_json::json!([{"rule": "data-sovereignty", "strategy": "hybrid_intelligent"}])
    );
    let agreeing = plan.replace("cloud_first", "hybrid_intelligent");
    let (_, stdout, _) = explain(&agreeing, "json");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["rule"], "plan");
    assert!(
        report["reason"]
            .as_str()
            .is_some_and(|reason| reason.contains("agrees by rule `data-sovereignty`")),
        "{report}"
    );
    assert_eq!(
        report["outranked"],
        serde_json::json!([{"rule": "elastic-scaling", "strategy": "cloud_first"}])
    );
}
