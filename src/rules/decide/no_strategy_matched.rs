//! `no-strategy-matched`: `compute.strategy: auto` when no rule of the
//! decision matrix matches the requirements and the plan names no
//! `compute.default`. The matrix must never fall through silently.

use crate::decide::strategy::strategy_id;
use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::StrategyChoice;
use crate::rules::PlanContext;
use crate::rules::{Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let (Some(compute), Some(decision)) =
        (context.resolved.plan.compute.as_ref(), context.decision)
    else {
        return;
    };
    if compute.strategy != StrategyChoice::Auto || decision.strategy.is_some() {
        return;
    }
    let options: Vec<String> = decision
        .trace
        .iter()
        .map(|outcome| {
            format!(
                "{} → {} ({})",
                outcome.rule,
                strategy_id(outcome.strategy),
                outcome.why
            )
        })
        .collect();
    let label = context
        .locator
        .span(context.file, "", &["compute", "strategy"], false);
    diagnostics.push(
        Diagnostic::new(
            &diag::NO_STRATEGY_MATCHED,
            "no rule of the decision matrix matches these requirements, and no default is named",
            crate::diagnostics::Label::new(context.file, label, "`auto` decides nothing here"),
        )
        .with_help(format!(
            "name a fallback with `compute.default: hybrid_intelligent` (or cloud_first, edge_centric), \
             or state the requirements a rule needs: {}",
            options.join("; ")
        )),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::NO_STRATEGY_MATCHED,
    docs: RuleDocs {
        what: "Reports a plan with `compute.strategy: auto` when no rule of the decision matrix \
               (the built-in one, or the plan's `compute.rules`) matches its requirements and the \
               plan names no `compute.default`. The help lists every rule with the condition it \
               lacks.",
        why: "A decision matrix that falls through silently picks a strategy by accident, and the \
              roadmap and Terraform stubs would be generated for it. Saying so forces the plan to \
              state the requirements the decision rests on, or a deliberate default.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", DEFAULTED)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Analytics platform
requirements:
  data_sensitivity: low
  workload_pattern: steady
compute:
  strategy: auto
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Analytics platform
requirements:
  data_sensitivity: low
  workload_pattern: steady
compute:
  strategy: auto
  default: cloud_first
"#;

const DEFAULTED: &str = r#"aiplan: 1
name: Analytics platform
requirements:
  data_sensitivity: high
compute:
  strategy: auto
"#;
