//! Random acyclic plans for property and differential tests: phases `p0…`
//! where each may depend on earlier phases only, with day- and week-based
//! durations and some milestones.

use proptest::prelude::*;

#[derive(Debug, Clone)]
pub struct DagPhase {
    pub days: u64,
    /// Written in weeks when it is a whole number of weeks.
    pub in_weeks: bool,
    pub milestone: bool,
    pub depends_on: Vec<usize>,
}

pub fn id(index: usize) -> String {
    format!("p{index}")
}

/// Up to `max` phases; phase `i` depends on a subset of `0..i`.
pub fn dag(max: usize) -> impl Strategy<Value = Vec<DagPhase>> {
    (1..=max).prop_flat_map(|count| {
        let phases: Vec<_> = (0..count)
            .map(|index| {
                (
                    1u64..40,
                    any::<bool>(),
                    prop::bool::weighted(0.1),
                    prop::collection::vec(0..index.max(1), 0..=3.min(index)),
                )
                    .prop_map(move |(days, weeks, milestone, mut depends_on)| {
                        depends_on.sort_unstable();
                        depends_on.dedup();
                        if index == 0 {
                            depends_on.clear();
                        }
                        DagPhase {
                            days: if milestone {
                                0
                            } else if weeks {
                                days % 6 * 7 + 7
                            } else {
                                days
                            },
                            in_weeks: weeks && !milestone,
                            milestone,
                            depends_on,
                        }
                    })
            })
            .collect();
        phases
    })
}

pub fn duration_text(phase: &DagPhase) -> String {
    if phase.milestone {
        "0 days".to_string()
    } else if phase.in_weeks {
        format!("{}w", phase.days / 7)
    } else {
        format!("{} days", phase.days)
    }
}

/// The plan as aiplan YAML, starting on `start` when given.
pub fn plan_yaml(phases: &[DagPhase], start: Option<&str>) -> String {
    let mut text = String::from("aiplan: 1\nname: Random plan\n");
    if let Some(start) = start {
        text.push_str(&format!("start: {start}\n"));
    }
    text.push_str("phases:\n");
    for (index, phase) in phases.iter().enumerate() {
        text.push_str(&format!(
            "  - id: {}\n    duration: {}\n",
            id(index),
            duration_text(phase)
        ));
        if phase.milestone {
            text.push_str("    milestone: true\n");
        }
        if !phase.depends_on.is_empty() {
            let names: Vec<String> = phase.depends_on.iter().map(|&d| id(d)).collect();
            text.push_str(&format!("    depends_on: [{}]\n", names.join(", ")));
        }
    }
    text
}

/// Runs `aiplan schedule --format json` on the plan text.
pub fn schedule_json(text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, text).expect("write plan");
    let output = assert_cmd::Command::cargo_bin("aiplan")
        .expect("binary")
        .args(["schedule", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run aiplan");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON schedule")
}
