//! `date-out-of-range`: a dated schedule that ends after 9999-12-31.
//!
//! Checked in the graph stage (`check_dates` in src/graph/schedule.rs);
//! this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::DATE_OUT_OF_RANGE,
    docs: RuleDocs {
        what: "Reports a plan with a `start` whose schedule ends after 9999-12-31, the last date aiplan can represent (a phase's finish is the day after its last day of work, so a phase that works on 9999-12-31 already ends past it). The diagnostic is at the duration of the phase that finishes first past that date, with the `start` labelled, and the help gives the latest start the schedule allows.",
        why: "A date past 9999-12-31 cannot be written as an ISO date, so the schedule, the roadmap's table and gantt chart and the JSON and CSV reports would have nothing to show for it. Such a schedule is almost always a typo in `start` (`9999` for `2029`) or a duration in the wrong unit, and a plan that cannot be dated is not scheduled.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", UNDATED)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
start: 9999-11-01
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    duration: 12 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
start: 2029-11-01
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    duration: 12 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

/// Without `start` the schedule counts days and has no last date.
const UNDATED: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    duration: 36500 days
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;
