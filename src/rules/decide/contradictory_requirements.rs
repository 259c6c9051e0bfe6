//! `contradictory-requirements`: requirements that cannot both hold — an
//! edge latency budget per inference looser than the plan's latency bound.

use crate::decide::strategy::{LatencyBound, latency_bound_ms};
use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::target::parse_target;
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let plan = &context.resolved.plan;
    let (Some(requirements), Some(edge)) = (plan.requirements.as_ref(), plan.edge.as_ref()) else {
        return;
    };
    let LatencyBound::Given(bound) = latency_bound_ms(requirements) else {
        return;
    };
    let Some(budget_text) = edge.latency_budget.as_deref() else {
        return;
    };
    let Some(budget) = parse_target(budget_text)
        .ok()
        .and_then(|target| target.milliseconds())
    else {
        return;
    };
    if budget <= bound {
        return;
    }
    diagnostics.push(
        Diagnostic::new(
            &diag::CONTRADICTORY_REQUIREMENTS,
            format!(
                "the edge latency budget `{budget_text}` is looser than the latency requirement `{}`: \
                 an inference may take longer than the whole answer is allowed to",
                requirements.latency_requirement.as_deref().unwrap_or_default()
            ),
            context.at(&["edge", "latency_budget"], "looser than the requirement"),
        )
        .with_secondary(context.at(&["requirements", "latency_requirement"], "the requirement"))
        .with_help("tighten the edge budget to fit within the latency requirement, or relax the requirement"),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::CONTRADICTORY_REQUIREMENTS,
    docs: RuleDocs {
        what: "Reports requirements that cannot both hold: an `edge.latency_budget` per inference \
               that is looser than `requirements.latency_requirement`, the bound on the whole \
               answer.",
        why: "The inference on the device is only part of the answer's path; a budget for it that \
              exceeds the end-to-end bound means the requirement is missed by design, and one of \
              the two numbers is wrong. Plans with contradictory inputs produce decisions and \
              sizing that satisfy neither.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Checkout cameras
requirements:
  latency_requirement: "<15ms"
edge:
  latency_budget: 20ms
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Checkout cameras
requirements:
  latency_requirement: "<15ms"
edge:
  latency_budget: 12ms
"#;
