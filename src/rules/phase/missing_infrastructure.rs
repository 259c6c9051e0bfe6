//! `missing-infrastructure`: a phase that does not say what it runs on
//! (pre-flight check). Without it, nobody can size, provision or cost the
//! phase, and the Terraform stubs have nothing to start from.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::rules::{Rule, RuleDocs};

pub fn check(resolved: &ResolvedPlan, locator: &Locator<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for (phase, source) in resolved.plan.phases.iter().zip(&resolved.phase_sources) {
        if phase.infrastructure.is_none() && phase.milestone != Some(true) {
            diagnostics.push(
                Diagnostic::new(
                    &diag::MISSING_INFRASTRUCTURE,
                    format!(
                        "pre-flight: the phase `{}` does not say what infrastructure it runs on",
                        phase.display_name()
                    ),
                    locator.phase_head(source, "no `infrastructure`"),
                )
                .with_help("add `infrastructure:`, such as \"Kubernetes with GPU operators\""),
            );
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_INFRASTRUCTURE,
    docs: RuleDocs {
        what: "Reports a phase that does not say what infrastructure it runs on (a pre-flight check). Milestones are exempt.",
        why: "Without `infrastructure`, nobody can size, provision or cost the phase, and the generated Terraform has nothing to start from. Writing it down is also when teams discover that a phase needs a platform no earlier phase builds.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Pilot
phases:
  - id: pilot
    duration: 4 weeks
    success_criteria: First AI model deployed
    rollback_plan: DNS switch back to legacy
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Pilot
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed
    rollback_plan: DNS switch back to legacy
"#;
