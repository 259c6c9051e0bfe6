//! `scale-down-gpus`: an optimisation recommendation (info) from
//! `optimization.facts.gpu_utilization_percent`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(facts) = super::facts(context) else {
        return;
    };
    let limits = context.thresholds().optimization;
    let finding = {
        if let Some(percent) = facts.gpu_utilization_percent
            && percent < limits.low_gpu_utilization_percent
        {
            Some((
                format!(
                    "GPU utilisation is {percent}%, under {}%: scale GPU nodes down",
                    limits.low_gpu_utilization_percent
                ),
                "right-size the GPU pool (or share it across teams with a scheduler) until utilisation passes the threshold; idle GPUs are the largest avoidable cost of an AI platform",
            ))
        } else {
            None
        }
    };
    super::recommend(
        context,
        &diag::SCALE_DOWN_GPUS,
        "gpu_utilization_percent",
        finding,
        diagnostics,
    );
}

pub static RULE: Rule = Rule {
    code: &diag::SCALE_DOWN_GPUS,
    docs: RuleDocs {
        what: "Reports `optimization.facts.gpu_utilization_percent` under `thresholds.optimization.low_gpu_utilization_percent` (default 30) and recommends scaling GPU nodes down.",
        why: "GPUs are the most expensive line of an AI platform's bill, and a pool used under a third of the time pays for two idle nodes out of three. Scaling down, or sharing the pool through a scheduler, is the cheapest optimisation there is.",
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
    gpu_utilization_percent: 22
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    gpu_utilization_percent: 64
"#;
