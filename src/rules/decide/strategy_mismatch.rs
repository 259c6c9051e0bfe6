//! `strategy-mismatch`: a named `compute.strategy` that differs from what
//! the decision matrix chooses for the plan's requirements.

use crate::decide::strategy::{DECIDED_BY_DEFAULT, named, strategy_id};
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::rules::PlanContext;
use crate::rules::{Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let (Some(compute), Some(decision)) =
        (context.resolved.plan.compute.as_ref(), context.decision)
    else {
        return;
    };
    // The plan's choice is the decision; the matrix's is kept beside it.
    let (Some(chosen), Some(decided)) = (named(compute.strategy), decision.matrix_strategy) else {
        return;
    };
    if chosen == decided {
        return;
    }
    let rule = decision
        .matrix_rule
        .as_deref()
        .unwrap_or(DECIDED_BY_DEFAULT);
    let why = decision
        .trace
        .iter()
        .find(|outcome| outcome.rule == rule)
        .map_or_else(String::new, |outcome| format!(" ({})", outcome.why));
    let span = context
        .locator
        .span(context.file, "", &["compute", "strategy"], false);
    diagnostics.push(
        Diagnostic::new(
            &diag::STRATEGY_MISMATCH,
            format!(
                "`compute.strategy` is {}, but the decision matrix chooses {} by rule `{rule}`{why}",
                strategy_id(chosen),
                strategy_id(decided)
            ),
            Label::new(context.file, span, "named here"),
        )
        .with_help(format!(
            "write `strategy: auto` to follow the matrix, or keep {} and replace the matrix with \
             `compute.rules` that state why; `aiplan explain` shows the whole decision",
            strategy_id(chosen)
        )),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::STRATEGY_MISMATCH,
    docs: RuleDocs {
        what: "Reports a plan that names a compute strategy (`cloud_first`, `hybrid_intelligent` \
               or `edge_centric`) different from the one the decision matrix chooses for its \
               requirements, saying which rule would choose what and why.",
        why: "A strategy chosen against the plan's own requirements is either a mistake (highly \
              sensitive data sent to a public cloud) or a decision whose reason is not written \
              down. Either way a reviewer should see it before the platform is built.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Patient records analytics
requirements:
  data_sensitivity: high
compute:
  strategy: cloud_first
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Patient records analytics
requirements:
  data_sensitivity: high
compute:
  strategy: hybrid_intelligent
"#;
