//! The numbers aiplan's domain rules use, with the field's reference figures
//! as defaults. A plan overrides any of them under `thresholds:`; the rules
//! read them from here, never from constants of their own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Numbers the domain rules use. Every one has a default from the field's
/// reference figures; give only those your organisation sets differently.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// How the readiness score of the audit is computed.
    pub readiness: ReadinessThresholds,
    /// Limits of edge deployment.
    pub edge: EdgeThresholds,
    /// When the optimisation rules recommend a change.
    pub optimization: OptimizationThresholds,
    /// What each kind of workload needs from the network.
    pub network: NetworkThresholds,
}

/// What each kind of workload needs from the network between nodes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct NetworkThresholds {
    /// Single GPU (default 1 Gbps, under 10 ms).
    pub single_gpu: LinkNeed,
    /// Several GPUs in one node (default under 1 ms; NVLink or PCIe inside the node).
    pub multi_gpu_single_node: LinkNeed,
    /// Training across nodes (default 100 Gbps, under 1 ms).
    pub distributed_training: LinkNeed,
    /// Online inference (default 10 Gbps, under 5 ms).
    pub real_time_inference: LinkNeed,
    /// GPUs per node from which distributed training needs RDMA (InfiniBand or RoCE) (default 8).
    pub rdma_from_gpus_per_node: u32,
}

impl Default for NetworkThresholds {
    fn default() -> Self {
        NetworkThresholds {
            single_gpu: LinkNeed::new(1.0, 10.0),
            multi_gpu_single_node: LinkNeed::new(0.0, 1.0),
            distributed_training: LinkNeed::new(100.0, 1.0),
            real_time_inference: LinkNeed::new(10.0, 5.0),
            rdma_from_gpus_per_node: 8,
        }
    }
}

/// The least bandwidth and the most latency a workload tolerates.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkNeed {
    /// Bandwidth needed, in Gbit/s.
    #[schemars(range(min = 0))]
    pub min_bandwidth_gbps: f64,
    /// Latency tolerated, in milliseconds.
    #[schemars(range(min = 0))]
    pub max_latency_ms: f64,
}

impl LinkNeed {
    pub fn new(min_bandwidth_gbps: f64, max_latency_ms: f64) -> LinkNeed {
        LinkNeed {
            min_bandwidth_gbps,
            max_latency_ms,
        }
    }
}

/// The readiness score (0-100) and its bands.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ReadinessThresholds {
    /// Points for at least one GPU (default 30).
    #[schemars(range(min = 0, max = 100))]
    pub gpu_points: u32,
    /// Points for enough CPU cores (default 20).
    #[schemars(range(min = 0, max = 100))]
    pub cpu_points: u32,
    /// CPU cores that count as enough (default 8).
    pub min_cpu_cores: u32,
    /// Points for a fast enough download (default 25).
    #[schemars(range(min = 0, max = 100))]
    pub network_points: u32,
    /// Download speed, in Mbit/s, that must be exceeded (default 100).
    #[schemars(range(min = 0))]
    pub min_download_mbps: f64,
    /// Points for a Python data stack (default 25).
    #[schemars(range(min = 0, max = 100))]
    pub python_points: u32,
    /// Below this score, urgent action is required (default 50).
    #[schemars(range(min = 0, max = 100))]
    pub urgent_below: u32,
    /// Below this score (and not urgent), modernisation is needed (default 75).
    #[schemars(range(min = 0, max = 100))]
    pub modernise_below: u32,
}

impl Default for ReadinessThresholds {
    fn default() -> Self {
        ReadinessThresholds {
            gpu_points: 30,
            cpu_points: 20,
            min_cpu_cores: 8,
            network_points: 25,
            min_download_mbps: 100.0,
            python_points: 25,
            urgent_below: 50,
            modernise_below: 75,
        }
    }
}

/// Limits of edge deployment.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EdgeThresholds {
    /// The longest one real-time inference may take, in milliseconds (default 20).
    #[schemars(range(min = 0))]
    pub latency_budget_ms: f64,
    /// The largest input an edge device's memory holds, in MB (default 10).
    #[schemars(range(min = 0))]
    pub max_input_mb: f64,
}

impl Default for EdgeThresholds {
    fn default() -> Self {
        EdgeThresholds {
            latency_budget_ms: 20.0,
            max_input_mb: 10.0,
        }
    }
}

/// When the optimisation rules recommend a change.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OptimizationThresholds {
    /// GPU utilisation, in percent, under which GPU nodes should be scaled down (default 30).
    #[schemars(range(min = 0, max = 100))]
    pub low_gpu_utilization_percent: f64,
    /// Serving cost per prediction, in USD, above which inference models should be quantised (default 0.001).
    #[schemars(range(min = 0))]
    pub max_serving_cost_per_prediction_usd: f64,
}

impl Default for OptimizationThresholds {
    fn default() -> Self {
        OptimizationThresholds {
            low_gpu_utilization_percent: 30.0,
            max_serving_cost_per_prediction_usd: 0.001,
        }
    }
}
