//! `missing-success-criteria`: a phase that does not say how its success is
//! judged (pre-flight check). Without criteria a phase never clearly ends,
//! and the phases that depend on it cannot know when to start.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::rules::{Rule, RuleDocs};

pub fn check(resolved: &ResolvedPlan, locator: &Locator<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for (phase, source) in resolved.plan.phases.iter().zip(&resolved.phase_sources) {
        let empty = phase
            .success_criteria
            .as_ref()
            .is_none_or(|criteria| criteria.as_slice().iter().all(|c| c.trim().is_empty()));
        if empty && phase.milestone != Some(true) {
            diagnostics.push(
                Diagnostic::new(
                    &diag::MISSING_SUCCESS_CRITERIA,
                    format!(
                        "pre-flight: the phase `{}` has no success criteria",
                        phase.display_name()
                    ),
                    locator.phase_head(source, "no `success_criteria`"),
                )
                .with_help(
                    "add `success_criteria:`, a string or a list, such as \
                     \"All analysts using new data platform\"",
                ),
            );
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_SUCCESS_CRITERIA,
    docs: RuleDocs {
        what: "Reports a phase with no `success_criteria`, or only empty ones (a pre-flight check). Milestones are exempt.",
        why: "A phase without criteria never clearly ends: the phases that depend on it cannot know when to start, and nobody can say whether the money was well spent. Criteria are also what the roadmap shows stakeholders.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data layer
phases:
  - id: data-layer
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    rollback_plan: Dual-write to both old and new storage
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data layer
phases:
  - id: data-layer
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using new data platform
    rollback_plan: Dual-write to both old and new storage
"#;
