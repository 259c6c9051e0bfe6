//! `use-spot-instances`: an optimisation recommendation (info) from
//! `optimization.facts.interruption_tolerant_training`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(facts) = super::facts(context) else {
        return;
    };
    let finding = {
        if facts.interruption_tolerant_training == Some(true) {
            Some((
                "training tolerates interruption: spot instances are 60-90% cheaper".to_string(),
                "run checkpointed training jobs on spot (preemptible) capacity with on-demand as fallback",
            ))
        } else {
            None
        }
    };
    super::recommend(
        context,
        &diag::USE_SPOT_INSTANCES,
        "interruption_tolerant_training",
        finding,
        diagnostics,
    );
}

pub static RULE: Rule = Rule {
    code: &diag::USE_SPOT_INSTANCES,
    docs: RuleDocs {
        what: "Reports `optimization.facts.interruption_tolerant_training: true` and recommends spot (preemptible) instances for training.",
        why: "Training jobs that checkpoint can be interrupted and resumed; on spot capacity the same GPU hours cost 60-90% less. Paying on-demand prices for interruptible work is money spent on a guarantee nobody needs.",
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
    interruption_tolerant_training: true
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    interruption_tolerant_training: false
"#;
