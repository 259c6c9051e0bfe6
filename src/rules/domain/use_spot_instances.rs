//! `use-spot-instances`: an optimisation recommendation (info) from
//! `optimization.facts.interruption_tolerant_training`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(facts) = context
        .resolved
        .plan
        .optimization
        .as_ref()
        .and_then(|optimization| optimization.facts.as_ref())
    else {
        return;
    };
    #[allow(unused_variables)]
    let limits = context.thresholds().optimization;
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
    if let Some((message, help)) = finding {
        diagnostics.push(
            Diagnostic::new(
                &diag::USE_SPOT_INSTANCES,
                message,
                context.at(
                    &["optimization", "facts", "interruption_tolerant_training"],
                    "recommendation",
                ),
            )
            .with_help(help),
        );
    }
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
