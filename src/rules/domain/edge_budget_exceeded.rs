//! `edge-budget-exceeded`: an edge latency budget over the real-time budget
//! (default 20 ms), or an inference input larger than an edge device's
//! memory budget (default 10 MB).

use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::target::parse_target;
use crate::rules::{PlanContext, Rule, RuleDocs};

/// A size such as `8MB` or `512 KB` in megabytes.
pub fn megabytes(text: &str) -> Option<f64> {
    let target = parse_target(text).ok()?;
    let factor = match target.unit.as_deref()? {
        "kb" => 0.001,
        "mb" => 1.0,
        "gb" => 1_000.0,
        "tb" => 1_000_000.0,
        _ => return None,
    };
    Some(target.value * factor)
}

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(edge) = context.resolved.plan.edge.as_ref() else {
        return;
    };
    let limits = context.thresholds().edge;
    if let Some(text) = edge.latency_budget.as_deref()
        && let Some(ms) = parse_target(text)
            .ok()
            .and_then(|target| target.milliseconds())
        && ms > limits.latency_budget_ms
    {
        diagnostics.push(
            Diagnostic::new(
                &diag::EDGE_BUDGET_EXCEEDED,
                format!(
                    "the edge latency budget `{text}` exceeds the real-time budget of {} ms per inference",
                    limits.latency_budget_ms
                ),
                context.at(&["edge", "latency_budget"], "over budget"),
            )
            .with_help("optimise the model for the device (quantisation, compilation) until one inference fits the budget, or run it centrally"),
        );
    }
    if let Some(text) = edge.max_input_size.as_deref()
        && let Some(mb) = megabytes(text)
        && mb > limits.max_input_mb
    {
        diagnostics.push(
            Diagnostic::new(
                &diag::EDGE_BUDGET_EXCEEDED,
                format!(
                    "inputs of `{text}` exceed an edge device's memory budget of {} MB",
                    limits.max_input_mb
                ),
                context.at(&["edge", "max_input_size"], "too large for the device"),
            )
            .with_help("downsample or tile the input at the source, or process inputs this large centrally"),
        );
    }
}

pub static RULE: Rule = Rule {
    code: &diag::EDGE_BUDGET_EXCEEDED,
    docs: RuleDocs {
        what: "Reports an `edge.latency_budget` over the real-time budget per inference \
               (`thresholds.edge.latency_budget_ms`, default 20 ms) and an `edge.max_input_size` \
               over an edge device's memory budget (`thresholds.edge.max_input_mb`, default 10 MB).",
        why: "Edge devices are chosen for real-time answers on little memory. A budget looser \
              than real time means the work could run centrally at a fraction of the fleet's \
              cost; inputs larger than the device's memory budget will not fit next to the model \
              and fail in the field, not in the lab.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Store cameras
edge:
  devices: [{model: NVIDIA Jetson Orin NX, count: 400}]
  constraints: [No customer images leave the store]
  optimizations: [INT8 quantisation]
  latency_budget: 50ms
  max_input_size: 24MB
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Store cameras
edge:
  devices: [{model: NVIDIA Jetson Orin NX, count: 400}]
  constraints: [No customer images leave the store]
  optimizations: [INT8 quantisation]
  latency_budget: 18ms
  max_input_size: 6MB
"#;
