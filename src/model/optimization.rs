//! Stage 5: continuous optimisation, and the people who carry the plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The metrics to optimise with their thresholds, and the facts that the
/// optimisation rules read.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Optimization {
    /// Metrics with a target, such as `gpu_utilization` `>70%`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// Observed facts that the optimisation rules read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<OptimizationFacts>,
}

/// A metric and the threshold it must meet.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// The metric's name, such as `gpu_utilization`, `training_cost_per_epoch`,
    /// `inference_latency_p99`, `data_ingestion_throughput` or `model_serving_cost`.
    pub name: String,
    /// The threshold as a comparison, a value and a unit, such as `>70%`,
    /// `<50 USD`, `<100ms`, `>1000 MB/s` or `<0.001 USD`.
    pub target: String,
    /// The value measured today, in the same unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

/// Observed facts that the optimisation rules read.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptimizationFacts {
    /// Average GPU utilisation in percent (under 30 suggests scaling GPU nodes down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub gpu_utilization_percent: Option<f64>,
    /// Training jobs checkpoint and tolerate interruption (spot instances are 60-90% cheaper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interruption_tolerant_training: Option<bool>,
    /// Serving cost per prediction in USD (over 0.001 suggests quantising models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub serving_cost_per_prediction_usd: Option<f64>,
    /// The same data is read again and again (a feature cache cuts loading time by about half).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_data_access: Option<bool>,
}

/// The teams that carry the plan and the KPIs they track.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SuccessFactors {
    /// The teams and what each is responsible for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    /// The KPIs to track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
}

/// A team.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The team's name.
    pub name: String,
    /// What the team is responsible for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// How many people it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

/// A key performance indicator.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// The KPI's name.
    pub name: String,
    /// Its target, such as `>80%` or `<2 weeks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Who reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}
