//! `missing-requirement`: workloads that need a requirement the plan does
//! not state — real-time inference without a latency bound.

use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::model::Workload;
use crate::rules::PlanContext;
use crate::rules::{Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(requirements) = context.resolved.plan.requirements.as_ref() else {
        return;
    };
    let Some(index) = requirements
        .workloads
        .iter()
        .position(|workload| *workload == Workload::RealTimeInference)
    else {
        return;
    };
    if requirements.latency_requirement.is_some() {
        return;
    }
    let file = context
        .resolved
        .section_file("requirements")
        .unwrap_or(context.file);
    let span = context.locator.span(
        file,
        "",
        &["requirements", "workloads", &index.to_string()],
        false,
    );
    diagnostics.push(
        Diagnostic::new(
            &diag::MISSING_REQUIREMENT,
            "real-time inference is a workload, but `requirements.latency_requirement` is not given",
            Label::new(file, span, "needs a latency bound"),
        )
        .with_help(
            "state the bound each inference must meet, such as `latency_requirement: \"<20ms\"`; \
             the decision matrix chooses edge_centric for 20 ms or tighter",
        ),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_REQUIREMENT,
    docs: RuleDocs {
        what: "Reports `real_time_inference` among `requirements.workloads` when the plan states \
               no `requirements.latency_requirement`.",
        why: "Real-time inference is defined by its latency bound: without one, the decision \
              matrix cannot tell whether inference belongs at the edge (20 ms or tighter) or in a \
              data centre, and the network cannot be sized for it.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Radiology triage
requirements:
  data_sensitivity: high
  workloads: [real_time_inference]
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Radiology triage
requirements:
  data_sensitivity: high
  latency_requirement: "<15ms"
  workloads: [real_time_inference]
"#;
