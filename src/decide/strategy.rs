//! The compute-strategy decision matrix. The strategies and the built-in
//! rules are data (data/strategies.json), not code; a plan may replace the
//! rules with its own (`compute.rules`) and name a default. Every decision
//! carries its trace: the rule that fired, the rules that also matched and
//! were outranked, and why each other rule did not match.

use crate::model::target::parse_target;
use crate::model::{
    Compute, DecisionRule, Level, Requirements, RuleCondition, Strategy, StrategyChoice, Workload,
    WorkloadPattern,
};
use serde::Deserialize;
use std::sync::OnceLock;

/// A strategy as the roadmap describes it.
#[derive(Debug, Clone, Deserialize)]
pub struct StrategyInfo {
    pub id: Strategy,
    pub name: String,
    pub description: String,
    /// Providers, architecture or devices.
    pub components: Vec<String>,
    pub best_for: Vec<String>,
    pub cost_model: String,
    pub migration_path: String,
}

#[derive(Debug, Deserialize)]
pub struct Catalogue {
    pub strategies: Vec<StrategyInfo>,
    /// The built-in rules, in priority order.
    pub rules: Vec<DecisionRule>,
}

/// The embedded catalogue. Its parsing is checked by a unit test, so the
/// `expect` cannot fire in a released binary.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        serde_json::from_str(include_str!("../../data/strategies.json"))
            .expect("data/strategies.json matches the catalogue's shape")
    })
}

pub fn info(strategy: Strategy) -> Option<&'static StrategyInfo> {
    catalogue()
        .strategies
        .iter()
        .find(|info| info.id == strategy)
}

/// One rule of the matrix, evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleOutcome {
    pub rule: String,
    pub strategy: Strategy,
    pub matched: bool,
    /// Each condition, and whether it held, in words.
    pub why: String,
}

/// The rule name of a decision the plan made itself by naming
/// `compute.strategy`.
pub const DECIDED_BY_PLAN: &str = "plan";

/// The rule name of a decision taken from the plan's `compute.default`.
pub const DECIDED_BY_DEFAULT: &str = "default";

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The strategy the plan names in `compute.strategy` (anything but
    /// `auto`), else the matrix's choice; `None` when the strategy is `auto`,
    /// no rule matched and the plan names no default.
    pub strategy: Option<Strategy>,
    /// The rule that fired, `default` when the plan's default was taken, or
    /// `plan` when the plan named the strategy.
    pub rule: Option<String>,
    pub reason: Option<String>,
    /// Rules that matched too but come later in the priority order; when the
    /// plan names the strategy, every matched rule that chooses another one.
    pub outranked: Vec<RuleOutcome>,
    /// What the matrix alone chooses (a rule, or the default), whether or
    /// not the plan names the strategy: `strategy-mismatch` compares the two.
    pub matrix_strategy: Option<Strategy>,
    /// The rule behind `matrix_strategy` (`default` for the plan's default).
    pub matrix_rule: Option<String>,
    /// Whether the plan named the strategy (`rule` is then `plan`).
    pub by_plan: bool,
    /// Every rule, in priority order.
    pub trace: Vec<RuleOutcome>,
    /// Whether the plan's own rules replaced the built-in ones.
    pub custom_rules: bool,
}

/// The strategy a `compute.strategy` names; `None` for `auto`.
pub fn named(choice: StrategyChoice) -> Option<Strategy> {
    match choice {
        StrategyChoice::Auto => None,
        StrategyChoice::CloudFirst => Some(Strategy::CloudFirst),
        StrategyChoice::HybridIntelligent => Some(Strategy::HybridIntelligent),
        StrategyChoice::EdgeCentric => Some(Strategy::EdgeCentric),
    }
}

/// Runs the matrix on the requirements. A strategy the plan names is the
/// decision; the matrix's choice is kept beside it and in the reason.
pub fn decide(requirements: Option<&Requirements>, compute: Option<&Compute>) -> Decision {
    let custom = compute.and_then(|compute| compute.rules.as_ref());
    let rules: &[DecisionRule] = custom.map_or(&catalogue().rules, Vec::as_slice);
    let empty = Requirements::default();
    let requirements = requirements.unwrap_or(&empty);
    let trace: Vec<RuleOutcome> = rules
        .iter()
        .map(|rule| {
            let (matched, why) = evaluate(&rule.when, requirements);
            RuleOutcome {
                rule: rule.name.clone(),
                strategy: rule.strategy,
                matched,
                why,
            }
        })
        .collect();
    let winner = trace.iter().position(|outcome| outcome.matched);
    let outranked = winner.map_or_else(Vec::new, |winner| {
        trace[winner + 1..]
            .iter()
            .filter(|outcome| outcome.matched)
            .cloned()
            .collect()
    });
    let (matrix_strategy, matrix_rule, matrix_reason) = match winner {
        Some(index) => (
            Some(trace[index].strategy),
            Some(trace[index].rule.clone()),
            Some(rules[index].reason.clone()),
        ),
        None => match compute.and_then(|compute| compute.default) {
            Some(default) => (
                Some(default),
                Some(DECIDED_BY_DEFAULT.to_string()),
                Some(
                    "No rule of the matrix matched; the plan's `compute.default` applies."
                        .to_string(),
                ),
            ),
            None => (None, None, None),
        },
    };
    let chosen = compute.and_then(|compute| named(compute.strategy));
    let Some(chosen) = chosen else {
        return Decision {
            strategy: matrix_strategy,
            rule: matrix_rule.clone(),
            reason: matrix_reason,
            outranked,
            trace,
            custom_rules: custom.is_some(),
            matrix_strategy,
            matrix_rule,
            by_plan: false,
        };
    };
    let matrix = match (matrix_strategy, matrix_rule.as_deref()) {
        (Some(strategy), Some(DECIDED_BY_DEFAULT)) if strategy == chosen => {
            "no rule of the decision matrix matches, and the plan's `compute.default` agrees"
                .to_string()
        }
        (Some(strategy), Some(DECIDED_BY_DEFAULT)) => format!(
            "no rule of the decision matrix matches, and the plan's `compute.default` would \
             choose {} instead (strategy-mismatch)",
            strategy_id(strategy)
        ),
        (Some(strategy), rule) if strategy == chosen => format!(
            "the decision matrix agrees by rule `{}`",
            rule.unwrap_or(DECIDED_BY_DEFAULT)
        ),
        (Some(strategy), rule) => format!(
            "the decision matrix would choose {} instead by rule `{}` (strategy-mismatch)",
            strategy_id(strategy),
            rule.unwrap_or(DECIDED_BY_DEFAULT)
        ),
        (None, _) => {
            "no rule of the decision matrix matches these requirements, so the plan's choice \
             stands alone"
                .to_string()
        }
    };
    let outranked = trace
        .iter()
        .filter(|outcome| outcome.matched && outcome.strategy != chosen)
        .cloned()
        .collect();
    Decision {
        strategy: Some(chosen),
        rule: Some(DECIDED_BY_PLAN.to_string()),
        reason: Some(format!(
            "The plan names `compute.strategy: {}`; {matrix}.",
            strategy_id(chosen)
        )),
        outranked,
        trace,
        custom_rules: custom.is_some(),
        matrix_strategy,
        matrix_rule,
        by_plan: true,
    }
}

/// Whether every condition holds, and each condition in words.
pub fn evaluate(when: &RuleCondition, requirements: &Requirements) -> (bool, String) {
    let mut results: Vec<(bool, String)> = Vec::new();
    if let Some(wanted) = when.data_sensitivity {
        results.push(match requirements.data_sensitivity {
            Some(given) if given == wanted => {
                (true, format!("data_sensitivity is {}", level(given)))
            }
            Some(given) => (
                false,
                format!(
                    "data_sensitivity is {}, not {}",
                    level(given),
                    level(wanted)
                ),
            ),
            None => (
                false,
                format!("data_sensitivity is not given (needs {})", level(wanted)),
            ),
        });
    }
    if let Some(wanted) = when.workload_pattern {
        results.push(match requirements.workload_pattern {
            Some(given) if given == wanted => {
                (true, format!("workload_pattern is {}", pattern(given)))
            }
            Some(given) => (
                false,
                format!(
                    "workload_pattern is {}, not {}",
                    pattern(given),
                    pattern(wanted)
                ),
            ),
            None => (
                false,
                format!("workload_pattern is not given (needs {})", pattern(wanted)),
            ),
        });
    }
    if let Some(bound) = when.latency_at_most_ms {
        results.push(match latency_bound_ms(requirements) {
            LatencyBound::Given(ms) if ms <= bound => (
                true,
                format!(
                    "latency bound {} ms is within {} ms",
                    number(ms),
                    number(bound)
                ),
            ),
            LatencyBound::Given(ms) => (
                false,
                format!(
                    "latency bound {} ms is looser than {} ms",
                    number(ms),
                    number(bound)
                ),
            ),
            LatencyBound::Missing => (
                false,
                format!(
                    "latency_requirement is not given (needs {} ms or tighter)",
                    number(bound)
                ),
            ),
            LatencyBound::Unreadable(text) => (
                false,
                format!("latency_requirement `{text}` cannot be read"),
            ),
        });
    }
    if let Some(wanted) = when.workload {
        results.push(if requirements.workloads.contains(&wanted) {
            (true, format!("workloads include {}", workload(wanted)))
        } else {
            (
                false,
                format!("workloads do not include {}", workload(wanted)),
            )
        });
    }
    if results.is_empty() {
        return (true, "no conditions: always matches".to_string());
    }
    let matched = results.iter().all(|(holds, _)| *holds);
    let why = results
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("; ");
    (matched, why)
}

/// The plan's latency requirement in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub enum LatencyBound {
    Given(f64),
    Missing,
    Unreadable(String),
}

pub fn latency_bound_ms(requirements: &Requirements) -> LatencyBound {
    let Some(text) = requirements.latency_requirement.as_deref() else {
        return LatencyBound::Missing;
    };
    match parse_target(text)
        .ok()
        .and_then(|target| target.milliseconds())
    {
        Some(ms) => LatencyBound::Given(ms),
        None => LatencyBound::Unreadable(text.to_string()),
    }
}

pub fn strategy_id(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::CloudFirst => "cloud_first",
        Strategy::HybridIntelligent => "hybrid_intelligent",
        Strategy::EdgeCentric => "edge_centric",
    }
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Low => "low",
        Level::Medium => "medium",
        Level::High => "high",
    }
}

fn pattern(pattern: WorkloadPattern) -> &'static str {
    match pattern {
        WorkloadPattern::Steady => "steady",
        WorkloadPattern::Bursty => "bursty",
    }
}

fn workload(workload: Workload) -> &'static str {
    match workload {
        Workload::SingleGpu => "single_gpu",
        Workload::MultiGpuSingleNode => "multi_gpu_single_node",
        Workload::DistributedTraining => "distributed_training",
        Workload::RealTimeInference => "real_time_inference",
    }
}

/// `20`, `0.5`: a number without a trailing `.0`.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_loads_and_names_every_strategy() {
        let catalogue = catalogue();
        for strategy in [
            Strategy::CloudFirst,
            Strategy::HybridIntelligent,
            Strategy::EdgeCentric,
        ] {
            let info = info(strategy).expect("described");
            assert!(!info.components.is_empty() && !info.best_for.is_empty());
        }
        let names: Vec<&str> = catalogue
            .rules
            .iter()
            .map(|rule| rule.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "data-sovereignty",
                "elastic-scaling",
                "real-time-processing"
            ]
        );
    }
}
