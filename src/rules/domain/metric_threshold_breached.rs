//! `metric-threshold-breached`: an optimisation metric whose `current`
//! value is past its `target`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::target::{Comparison, parse_target};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(optimization) = context.resolved.plan.optimization.as_ref() else {
        return;
    };
    for (index, metric) in optimization.metrics.iter().enumerate() {
        let Some(current_text) = metric.current.as_deref() else {
            continue;
        };
        let (Ok(target), Ok(current)) = (parse_target(&metric.target), parse_target(current_text))
        else {
            continue;
        };
        if target.unit != current.unit {
            continue;
        }
        let met = match target.comparison {
            Some(Comparison::Less) => current.value < target.value,
            Some(Comparison::LessOrEqual) => current.value <= target.value,
            Some(Comparison::Greater) => current.value > target.value,
            Some(Comparison::GreaterOrEqual) => current.value >= target.value,
            Some(Comparison::Equal) | None => continue,
        };
        if met {
            continue;
        }
        let index = index.to_string();
        diagnostics.push(
            Diagnostic::new(
                &diag::METRIC_THRESHOLD_BREACHED,
                format!(
                    "{} is {current_text} today, past its target {}",
                    metric.name, metric.target
                ),
                context.at(&["optimization", "metrics", &index, "current"], "past the target"),
            )
            .with_secondary(context.at(&["optimization", "metrics", &index, "target"], "the target"))
            .with_help("plan the work that brings the metric within its target, or revise the target with its owner"),
        );
    }
}

pub static RULE: Rule = Rule {
    code: &diag::METRIC_THRESHOLD_BREACHED,
    docs: RuleDocs {
        what: "Reports an `optimization.metrics` entry whose `current` value is past its `target` \
               (both read as measurable targets in the same unit; `>70%` with `22%` today).",
        why: "A metric already past its threshold is a finding, not a goal: it shows where the \
              platform loses money or misses its service levels today, and the roadmap should \
              say which phase fixes it.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: GPU efficiency
optimization:
  metrics:
    - name: gpu_utilization
      target: ">70%"
      current: "22%"
"#;

const INSTEAD: &str = r#"aiplan: 1
name: GPU efficiency
optimization:
  metrics:
    - name: gpu_utilization
      target: ">70%"
      current: "74%"
"#;
