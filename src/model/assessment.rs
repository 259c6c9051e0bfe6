//! Stage 1: the audit of what exists today.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The current-state inventory: the hardware, network and software that
/// exist today, the legacy systems and the data they hold. The readiness
/// score is computed from it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Where the organisation stands today, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_state: Option<String>,
    /// Where the plan takes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_state: Option<String>,
    /// The compute hardware available today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware: Option<Hardware>,
    /// The network as measured today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<MeasuredNetwork>,
    /// The software stack available to data and ML teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub software: Option<Software>,
    /// The legacy systems that the migration touches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<LegacySystem>,
    /// The datasets that AI workloads will need.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<Dataset>,
}

/// Compute hardware available today.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hardware {
    /// Physical CPU cores available to data and ML work (8 or more scores 20 points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_cores: Option<u32>,
    /// Memory in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub memory_gb: Option<f64>,
    /// GPUs available today, by model (at least one scores 30 points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gpus: Vec<Gpu>,
    /// Storage capacity, such as `40TB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<String>,
}

/// A group of identical GPUs.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gpu {
    /// The GPU model, such as `NVIDIA A100 80GB`.
    pub model: String,
    /// How many of them there are.
    #[serde(default = "one")]
    pub count: u32,
    /// Memory per GPU in GiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub memory_gb: Option<f64>,
}

fn one() -> u32 {
    1
}

/// The network as measured today.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasuredNetwork {
    /// Download bandwidth in Mbit/s (above 100 scores 25 points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub download_mbps: Option<f64>,
    /// Upload bandwidth in Mbit/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub upload_mbps: Option<f64>,
    /// Round-trip latency to the main data centre or cloud region, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub latency_ms: Option<f64>,
}

/// The software stack available to data and ML teams.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Software {
    /// The Python version in use, such as `3.11`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub python: Option<String>,
    /// Installed data and ML packages, such as `pandas`, `numpy`, `scikit-learn`
    /// (a Python data stack scores 25 points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packages: Vec<String>,
    /// Other platforms in use: databases, schedulers, BI tools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
}

/// A legacy system in the inventory.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegacySystem {
    /// The system's name.
    pub name: String,
    /// What kind of system it is: a database, a mainframe, an ETL server…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// How much the business depends on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criticality: Option<Level>,
    /// Notes: age, owners, known problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A dataset that AI workloads will need.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The dataset's name.
    pub name: String,
    /// Its size, such as `12TB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Where it lives today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// How sensitive its contents are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Level>,
}

/// A three-step level: `low`, `medium` or `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}
