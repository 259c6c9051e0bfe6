//! `missing-rollback`: a phase without `rollback_plan`.
//!
//! A migration should be reversible: when the cut-over misbehaves at 2 a.m.,
//! the way back must already be written. A build-out phase that changes no
//! production system (such as a data foundation) may omit it, which is why
//! this is a warning; teams that want it enforced run `--deny-warnings`.
//! Milestones take no action and are exempt.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::rules::{Rule, RuleDocs};

pub fn check(resolved: &ResolvedPlan, locator: &Locator<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for (phase, source) in resolved.plan.phases.iter().zip(&resolved.phase_sources) {
        if phase.rollback_plan.is_none() && phase.milestone != Some(true) {
            diagnostics.push(
                Diagnostic::new(
                    &diag::MISSING_ROLLBACK,
                    format!("the phase `{}` has no rollback plan", phase.display_name()),
                    locator.phase_head(source, "no `rollback_plan`"),
                )
                .with_help(
                    "add `rollback_plan:` saying how to undo the phase (for example \
                     \"DNS switch back to legacy\"); a phase that changes no production system \
                     may leave it out",
                ),
            );
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_ROLLBACK,
    docs: RuleDocs {
        what: "Reports a phase that has no `rollback_plan`. Milestones, which take no action, are exempt.",
        why: "A migration should be reversible: when the cut-over misbehaves at 2 a.m., the way back must already be written, reviewed and rehearsed. A phase that changes production without one turns every surprise into an outage. A build-out phase that changes no production system (such as a data foundation) may legitimately leave it out, which is why this is a warning; teams that want it enforced run `aiplan check --deny-warnings`.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Cut-over
phases:
  - id: cutover
    duration: 4 weeks
    infrastructure: All systems on new platform
    success_criteria: Zero legacy dependencies
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Cut-over
phases:
  - id: cutover
    duration: 4 weeks
    infrastructure: All systems on new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;
