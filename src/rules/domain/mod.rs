//! Domain rules: what the field knows about networks, edge devices,
//! compliance, optimisation and teams, applied to the plan's facts. Their
//! numbers come from `thresholds:` (defaults: the field's reference
//! figures).

mod add_feature_cache;
mod compliance_controls_missing;
mod edge_budget_exceeded;
mod edge_plan_incomplete;
mod metric_threshold_breached;
mod missing_team;
mod network_insufficient;
mod quantize_models;
mod scale_down_gpus;
mod use_spot_instances;

use super::{PlanContext, Rule};
use crate::diagnostics::{Diagnostic, Label};
use crate::model::Thresholds;
use crate::source::FileId;

pub(super) static RULES: &[&Rule] = &[
    &network_insufficient::RULE,
    &edge_budget_exceeded::RULE,
    &edge_plan_incomplete::RULE,
    &compliance_controls_missing::RULE,
    &metric_threshold_breached::RULE,
    &scale_down_gpus::RULE,
    &use_spot_instances::RULE,
    &quantize_models::RULE,
    &add_feature_cache::RULE,
    &missing_team::RULE,
];

pub fn run(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    network_insufficient::check(context, diagnostics);
    edge_budget_exceeded::check(context, diagnostics);
    edge_plan_incomplete::check(context, diagnostics);
    compliance_controls_missing::check(context, diagnostics);
    metric_threshold_breached::check(context, diagnostics);
    scale_down_gpus::check(context, diagnostics);
    use_spot_instances::check(context, diagnostics);
    quantize_models::check(context, diagnostics);
    add_feature_cache::check(context, diagnostics);
    missing_team::check(context, diagnostics);
}

/// The plan's optimisation facts, when it states any.
fn facts<'a>(context: &PlanContext<'a>) -> Option<&'a crate::model::OptimizationFacts> {
    context
        .resolved
        .plan
        .optimization
        .as_ref()
        .and_then(|optimization| optimization.facts.as_ref())
}

/// Reports an optimisation recommendation (information) at the fact it
/// follows from: `optimization.facts.<key>`.
fn recommend(
    context: &PlanContext<'_>,
    code: &'static crate::diagnostics::Code,
    key: &str,
    finding: Option<(String, &str)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some((message, help)) = finding {
        diagnostics.push(
            Diagnostic::new(
                code,
                message,
                context.at(&["optimization", "facts", key], "recommendation"),
            )
            .with_help(help),
        );
    }
}

impl PlanContext<'_> {
    /// The plan's thresholds, or the defaults.
    pub fn thresholds(&self) -> Thresholds {
        self.resolved.plan.thresholds.clone().unwrap_or_default()
    }

    /// The file that gave a top-level section (or the top file).
    pub fn section_file(&self, key: &str) -> FileId {
        self.resolved.section_file(key).unwrap_or(self.file)
    }

    /// A label on the value at `path` inside a top-level section.
    pub fn at(&self, path: &[&str], message: impl Into<String>) -> Label {
        let file = path
            .first()
            .map_or(self.file, |section| self.section_file(section));
        Label::new(file, self.locator.span(file, "", path, false), message)
    }

    /// The decided strategy, or the one the plan names.
    pub fn strategy(&self) -> Option<crate::model::Strategy> {
        use crate::model::{Strategy, StrategyChoice};
        match self
            .resolved
            .plan
            .compute
            .as_ref()
            .map(|compute| compute.strategy)
        {
            Some(StrategyChoice::CloudFirst) => Some(Strategy::CloudFirst),
            Some(StrategyChoice::HybridIntelligent) => Some(Strategy::HybridIntelligent),
            Some(StrategyChoice::EdgeCentric) => Some(Strategy::EdgeCentric),
            _ => self.decision.and_then(|decision| decision.strategy),
        }
    }
}
