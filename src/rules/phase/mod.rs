//! Phase lints from the field's practice: what a reviewer of a migration
//! plan would ask first. Each reads the resolved plan and reports at the
//! phase or key it is about.

mod missing_infrastructure;
mod missing_rollback;
mod missing_success_criteria;
mod missing_target_state;

use super::Rule;
use crate::diagnostics::Diagnostic;
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;

pub(super) static RULES: &[&Rule] = &[
    &missing_rollback::RULE,
    &missing_infrastructure::RULE,
    &missing_success_criteria::RULE,
    &missing_target_state::RULE,
];

/// Runs every phase lint on one plan.
pub fn run(resolved: &ResolvedPlan, locator: &Locator<'_>, diagnostics: &mut Vec<Diagnostic>) {
    missing_rollback::check(resolved, locator, diagnostics);
    missing_infrastructure::check(resolved, locator, diagnostics);
    missing_success_criteria::check(resolved, locator, diagnostics);
    missing_target_state::check(resolved, locator, diagnostics);
}
