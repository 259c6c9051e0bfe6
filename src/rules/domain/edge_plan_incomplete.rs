//! `edge-plan-incomplete`: an edge-centric plan (decided or named) that
//! does not name its devices, constraints, optimisations, latency budget
//! and input size.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::Strategy;
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    if context.strategy() != Some(Strategy::EdgeCentric) {
        return;
    }
    let missing: Vec<&str> = match context.resolved.plan.edge.as_ref() {
        None => vec!["edge"],
        Some(edge) => [
            ("devices", edge.devices.is_empty()),
            ("constraints", edge.constraints.is_empty()),
            ("optimizations", edge.optimizations.is_empty()),
            ("latency_budget", edge.latency_budget.is_none()),
            ("max_input_size", edge.max_input_size.is_none()),
        ]
        .into_iter()
        .filter(|(_, absent)| *absent)
        .map(|(key, _)| key)
        .collect(),
    };
    if missing.is_empty() {
        return;
    }
    let (path, what): (&[&str], String) = if missing == ["edge"] {
        (&["compute"], "the plan has no `edge:` section".to_string())
    } else {
        (
            &["edge"],
            format!(
                "`edge` does not name {}",
                missing
                    .iter()
                    .map(|key| format!("`{key}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    };
    diagnostics.push(
        Diagnostic::new(
            &diag::EDGE_PLAN_INCOMPLETE,
            format!("the compute strategy is edge_centric, but {what}"),
            context.at(path, "edge-centric"),
        )
        .with_help(
            "name the device fleet, the constraints it works under, the model optimisations, the \
             latency budget per inference (20 ms or less) and the largest input (10 MB or less)",
        ),
    );
}

pub static RULE: Rule = Rule {
    code: &diag::EDGE_PLAN_INCOMPLETE,
    docs: RuleDocs {
        what: "Reports a plan whose compute strategy is `edge_centric` (named, or decided by the \
               matrix) when its `edge` section is missing or does not name `devices`, \
               `constraints`, `optimizations`, `latency_budget` and `max_input_size`.",
        why: "An edge rollout is bounded by the devices: their memory, power and connectivity \
              decide which models fit and how fast they answer. Without these named, the \
              roadmap cannot show what is deployed where, and nothing checks the real-time \
              budget or input size.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Store cameras
requirements:
  latency_requirement: "<15ms"
compute:
  strategy: auto
edge:
  devices: [{model: NVIDIA Jetson Orin NX, count: 400}]
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Store cameras
requirements:
  latency_requirement: "<15ms"
compute:
  strategy: auto
edge:
  devices: [{model: NVIDIA Jetson Orin NX, count: 400}]
  constraints: [No customer images leave the store]
  optimizations: [INT8 quantisation, TensorRT compilation]
  latency_budget: 15ms
  max_input_size: 6MB
"#;
