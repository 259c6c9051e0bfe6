//! `missing-infrastructure`: a phase that does not say what it runs on
//! (pre-flight check). Without it, nobody can size, provision or cost the
//! phase, and the Terraform stubs have nothing to start from.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;

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
