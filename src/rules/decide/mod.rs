//! Rules about the compute-strategy decision and the plan's measurable
//! targets. They read the resolved plan and the matrix's decision.

mod contradictory_requirements;
mod missing_requirement;
mod no_strategy_matched;
mod strategy_mismatch;
mod unreachable_decision_rule;
mod unreadable_target;

use super::{PlanContext, Rule};
use crate::diagnostics::Diagnostic;

pub(super) static RULES: &[&Rule] = &[
    &no_strategy_matched::RULE,
    &strategy_mismatch::RULE,
    &unreachable_decision_rule::RULE,
    &unreadable_target::RULE,
    &missing_requirement::RULE,
    &contradictory_requirements::RULE,
];

pub fn run(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    no_strategy_matched::check(context, diagnostics);
    strategy_mismatch::check(context, diagnostics);
    unreachable_decision_rule::check(context, diagnostics);
    unreadable_target::check(context, diagnostics);
    missing_requirement::check(context, diagnostics);
    contradictory_requirements::check(context, diagnostics);
}
