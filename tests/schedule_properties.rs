//! Properties of the critical-path schedule on random acyclic plans, and of
//! cycle reports on plans with one injected cycle.

#[path = "support/dag.rs"]
mod dag;

use dag::{DagPhase, dag, id, plan_yaml, schedule_json};
use proptest::prelude::*;
use serde_json::Value;

fn day(phase: &Value, key: &str) -> u64 {
    phase[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} in {phase}"))
}

/// The longest path by exhaustive search over every chain: independent of
/// the forward pass it checks.
fn longest_path(phases: &[DagPhase]) -> u64 {
    fn longest_ending_at(phases: &[DagPhase], index: usize) -> u64 {
        let before = phases[index]
            .depends_on
            .iter()
            .map(|&dependency| longest_ending_at(phases, dependency))
            .max()
            .unwrap_or(0);
        before + phases[index].days
    }
    (0..phases.len())
        .map(|index| longest_ending_at(phases, index))
        .max()
        .unwrap_or(0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn schedule_invariants_hold(phases in dag(14)) {
        let schedule = schedule_json(&plan_yaml(&phases, Some("2027-01-04")));
        let times = schedule["phases"].as_array().expect("phases");
        prop_assert_eq!(times.len(), phases.len());
        let total = day(&schedule, "total_days");
        prop_assert_eq!(total, longest_path(&phases), "total is the longest path");
        for (index, phase) in phases.iter().enumerate() {
            let time = &times[index];
            let expected_id = id(index);
            prop_assert_eq!(time["id"].as_str(), Some(expected_id.as_str()));
            let (start, finish) = (day(time, "start_day"), day(time, "finish_day"));
            prop_assert_eq!(finish - start, phase.days);
            // ASAP: at the latest finish of the dependencies, or day 0.
            let ready = phase
                .depends_on
                .iter()
                .map(|&dependency| day(&times[dependency], "finish_day"))
                .max()
                .unwrap_or(0);
            prop_assert_eq!(start, ready, "starts as soon as its dependencies finish");
            let float = day(time, "float_days");
            prop_assert_eq!(day(time, "latest_start_day") - start, float);
            prop_assert_eq!(day(time, "latest_finish_day") - finish, float);
            prop_assert!(day(time, "latest_finish_day") <= total);
            prop_assert_eq!(time["critical"].as_bool(), Some(float == 0), "float zero exactly on critical phases");
            for &dependency in &phase.depends_on {
                prop_assert!(day(&times[dependency], "latest_finish_day") <= day(time, "latest_start_day"));
            }
        }
        // The critical path is a chain of critical phases from day 0 to the end.
        let path: Vec<usize> = schedule["critical_path"]
            .as_array()
            .expect("critical_path")
            .iter()
            .map(|name| name.as_str().expect("id")[1..].parse().expect("index"))
            .collect();
        prop_assert!(!path.is_empty());
        prop_assert_eq!(day(&times[path[0]], "start_day"), 0);
        prop_assert_eq!(day(&times[*path.last().expect("last")], "finish_day"), total);
        for pair in path.windows(2) {
            prop_assert!(phases[pair[1]].depends_on.contains(&pair[0]));
            prop_assert_eq!(day(&times[pair[1]], "start_day"), day(&times[pair[0]], "finish_day"));
        }
        // Dates follow the days.
        prop_assert_eq!(schedule["start"].as_str(), Some("2027-01-04"));
    }

    #[test]
    fn an_injected_cycle_is_always_reported(phases in dag(12), from in 0usize..12, to in 0usize..12) {
        // Make a chain from `low` to `high` exist, then close it.
        let count = phases.len();
        let (a, b) = (from % count, to % count);
        let (low, high) = (a.min(b), a.max(b));
        let mut phases = phases;
        for (index, phase) in phases.iter_mut().enumerate().take(high + 1).skip(low + 1) {
            if !phase.depends_on.contains(&(index - 1)) {
                phase.depends_on.push(index - 1);
            }
        }
        phases[low].depends_on.push(high);
        let text = plan_yaml(&phases, None);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.yaml");
        std::fs::write(&path, &text).expect("write");
        let output = assert_cmd::Command::cargo_bin("aiplan")
            .expect("binary")
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .expect("run");
        prop_assert_eq!(output.status.code(), Some(1));
        let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let rules: Vec<&str> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| d["rule"].as_str().expect("rule"))
            .collect();
        if low == high {
            prop_assert_eq!(rules, vec!["self-dependency"]);
        } else {
            prop_assert_eq!(rules.iter().filter(|r| **r == "dependency-cycle").count(), 1, "{:?}", rules);
            let message = report["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .find(|d| d["rule"] == "dependency-cycle")
                .and_then(|d| d["message"].as_str())
                .expect("message")
                .to_string();
            // The path starts and ends at the smallest id of the cycle.
            let ids: Vec<&str> = message.trim_start_matches("dependency cycle: ").split(" → ").collect();
            prop_assert_eq!(ids.first(), ids.last());
            prop_assert!(ids.len() >= 3);
        }
    }

    #[test]
    fn schedule_output_is_deterministic(phases in dag(10)) {
        let text = plan_yaml(&phases, Some("2027-01-04"));
        prop_assert_eq!(schedule_json(&text), schedule_json(&text));
    }
}
