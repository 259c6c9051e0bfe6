//! `quantize-models`: an optimisation recommendation (info) from
//! `optimization.facts.serving_cost_per_prediction_usd`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(facts) = super::facts(context) else {
        return;
    };
    let limits = context.thresholds().optimization;
    let finding = {
        if let Some(cost) = facts.serving_cost_per_prediction_usd
            && cost > limits.max_serving_cost_per_prediction_usd
        {
            Some((
                format!(
                    "serving costs {cost} USD per prediction, over {} USD: quantise inference models (about 70% cheaper)",
                    limits.max_serving_cost_per_prediction_usd
                ),
                "quantise the served models (INT8 or FP8) and compile them for the serving hardware; check accuracy on a held-out set before rollout",
            ))
        } else {
            None
        }
    };
    super::recommend(
        context,
        &diag::QUANTIZE_MODELS,
        "serving_cost_per_prediction_usd",
        finding,
        diagnostics,
    );
}

pub static RULE: Rule = Rule {
    code: &diag::QUANTIZE_MODELS,
    docs: RuleDocs {
        what: "Reports `optimization.facts.serving_cost_per_prediction_usd` over `thresholds.optimization.max_serving_cost_per_prediction_usd` (default 0.001 USD) and recommends quantising inference models, about 70% cheaper.",
        why: "Serving cost grows with every prediction and outlives the training budget. Quantised models need less memory and compute per prediction, which typically cuts serving cost by about 70% at a small, measurable accuracy cost.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    serving_cost_per_prediction_usd: 0.0025
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    serving_cost_per_prediction_usd: 0.0004
"#;
