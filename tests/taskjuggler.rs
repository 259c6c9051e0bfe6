//! Differential test against TaskJuggler (`tj3`, Debian package `tj3`):
//! aiplan's schedule of day- and week-based plans must agree exactly with
//! TaskJuggler's ASAP schedule of the same tasks. Forty random plans go into
//! one TaskJuggler project (one container task each), so tj3 runs once.
//!
//! `.ci/run` installs tj3. Without it the test fails under CI (`CI` set) or
//! with `AIPLAN_REQUIRE_TJ3=1`, and otherwise says it was skipped.

#[path = "support/dag.rs"]
mod dag;

use dag::{DagPhase, dag, id, plan_yaml, schedule_json};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use std::collections::HashMap;
use std::process::Command;

const START: &str = "2027-01-04";
const PLANS: usize = 40;

fn tj3_available() -> bool {
    Command::new("tj3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn taskjuggler_project(plans: &[Vec<DagPhase>]) -> String {
    let mut text =
        format!("project diff \"aiplan differential\" {START} +100y {{\n  timezone \"UTC\"\n}}\n");
    for (plan_index, phases) in plans.iter().enumerate() {
        text.push_str(&format!("task g{plan_index} \"g{plan_index}\" {{\n"));
        for (index, phase) in phases.iter().enumerate() {
            text.push_str(&format!(
                "  task {} \"g{plan_index}.{}\" {{\n",
                id(index),
                id(index)
            ));
            if !phase.depends_on.is_empty() {
                let names: Vec<String> = phase
                    .depends_on
                    .iter()
                    .map(|&d| format!("!{}", id(d)))
                    .collect();
                text.push_str(&format!("    depends {}\n", names.join(", ")));
            }
            if phase.milestone {
                text.push_str("    milestone\n");
            } else if phase.in_weeks {
                text.push_str(&format!("    duration {}w\n", phase.days / 7));
            } else {
                text.push_str(&format!("    duration {}d\n", phase.days));
            }
            text.push_str("  }\n");
        }
        text.push_str("}\n");
    }
    text.push_str(
        "taskreport dates \"dates\" {\n  formats csv\n  columns name, start, end\n  timeformat \"%Y-%m-%d\"\n  hidetask 0\n}\n",
    );
    text
}

/// `name → (start, end)` from tj3's CSV report.
fn run_tj3(project: &str) -> HashMap<String, (String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("diff.tjp"), project).expect("write project");
    let output = Command::new("tj3")
        .args(["--silent", "--no-color", "diff.tjp"])
        .current_dir(dir.path())
        .output()
        .expect("run tj3");
    assert!(
        output.status.success(),
        "tj3 failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = std::fs::read_to_string(dir.path().join("dates.csv")).expect("tj3 report");
    csv.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<String> = line
                .split(';')
                .map(|cell| cell.trim_matches('"').to_string())
                .collect();
            (
                cells[0].trim().to_string(),
                (cells[1].clone(), cells[2].clone()),
            )
        })
        .collect()
}

#[test]
fn schedules_agree_with_taskjuggler() {
    if !tj3_available() {
        let required =
            std::env::var_os("CI").is_some() || std::env::var_os("AIPLAN_REQUIRE_TJ3").is_some();
        assert!(!required, "tj3 is required here (apt-get install tj3)");
        eprintln!("skipped: tj3 is not installed (apt-get install tj3)");
        return;
    }
    let mut runner = TestRunner::deterministic();
    let strategy = dag(25);
    let plans: Vec<Vec<DagPhase>> = (0..PLANS)
        .map(|_| strategy.new_tree(&mut runner).expect("plan").current())
        .collect();
    let reference = run_tj3(&taskjuggler_project(&plans));
    let mut compared = 0;
    for (plan_index, phases) in plans.iter().enumerate() {
        let schedule = schedule_json(&plan_yaml(phases, Some(START)));
        for (index, time) in schedule["phases"]
            .as_array()
            .expect("phases")
            .iter()
            .enumerate()
        {
            let name = format!("g{plan_index}.{}", id(index));
            let (start, end) = reference
                .get(&name)
                .unwrap_or_else(|| panic!("tj3 has no {name}"));
            assert_eq!(
                time["start"].as_str(),
                Some(start.as_str()),
                "start of {name}"
            );
            assert_eq!(
                time["finish"].as_str(),
                Some(end.as_str()),
                "finish of {name}"
            );
            compared += 1;
        }
    }
    assert!(compared > PLANS, "compared {compared} phases");
    eprintln!("{compared} phases of {PLANS} plans agree with tj3");
}
