//! `missing-target-state`: a plan that does not state where it starts and
//! where it goes (pre-flight check): `assessment.current_state` and
//! `assessment.target_state`. A migration without both has no yardstick.
//! A phase document checked on its own is not a plan and is exempt.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::rules::{Rule, RuleDocs};

pub fn check(resolved: &ResolvedPlan, locator: &Locator<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(top) = resolved.top_plan_file else {
        return;
    };
    let assessment = resolved.plan.assessment.as_ref();
    let missing: Vec<&str> = [
        (
            "current_state",
            assessment.and_then(|a| a.current_state.as_ref()),
        ),
        (
            "target_state",
            assessment.and_then(|a| a.target_state.as_ref()),
        ),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_none_or(|text| text.trim().is_empty()))
    .map(|(key, _)| key)
    .collect();
    if missing.is_empty() {
        return;
    }
    let keys = missing
        .iter()
        .map(|key| format!("`assessment.{key}`"))
        .collect::<Vec<_>>()
        .join(" and ");
    let label = if assessment.is_some() {
        locator.top_level(top, "assessment", "incomplete assessment")
    } else {
        locator.top_level(top, "name", "this plan")
    };
    diagnostics.push(
        Diagnostic::new(
            &diag::MISSING_TARGET_STATE,
            format!("pre-flight: the plan does not state {keys}"),
            label,
        )
        .with_help(
            "say where the organisation stands today and where the plan takes it, e.g. \
             `assessment: {current_state: \"Nightly SQL batches\", target_state: \"Real-time lakehouse\"}`",
        ),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_TARGET_STATE,
    docs: RuleDocs {
        what: "Reports a plan whose `assessment` does not state both `current_state` and `target_state` (a pre-flight check). A phase document checked on its own is one phase, not a plan, and is exempt.",
        why: "A migration plan without a stated starting point and destination has no yardstick: reviewers cannot tell whether the phases lead anywhere, and the readiness audit has nothing to compare against.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Modernisation
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Modernisation
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;
