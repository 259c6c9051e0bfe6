//! The inputs of the compute decision (requirements), the compute strategy
//! itself, the provisioned network and the edge deployment.

use super::Level;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The business needs that drive the compute-strategy decision matrix.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// How sensitive the data is. `high` keeps it on premises
    /// (data sovereignty → `hybrid_intelligent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sensitivity: Option<Level>,
    /// Whether the load is steady or comes in bursts (`bursty` → `cloud_first`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_pattern: Option<WorkloadPattern>,
    /// The latency bound that inference must meet, such as `<20ms`
    /// (20 ms or tighter → `edge_centric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_requirement: Option<String>,
    /// The kinds of workload the platform must run; each has network needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workloads: Vec<Workload>,
}

/// Whether the load is steady or comes in bursts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkloadPattern {
    /// A predictable, constant load.
    Steady,
    /// Spikes of demand with quiet periods between them.
    Bursty,
}

/// A kind of AI workload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Workload {
    /// Training or inference on a single GPU (1 Gbps, <10 ms).
    SingleGpu,
    /// Several GPUs in one node (NVLink/PCIe, <1 ms).
    MultiGpuSingleNode,
    /// Training across nodes (100 Gbps or more, <1 ms; RDMA/InfiniBand with 8+ GPUs a node).
    DistributedTraining,
    /// Online inference with a latency bound (10 Gbps, <5 ms).
    RealTimeInference,
}

/// The compute strategy and its sizing.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Compute {
    /// `auto` lets the decision matrix choose from the requirements; a named
    /// strategy is checked against the matrix's choice.
    #[serde(default)]
    pub strategy: StrategyChoice,
    /// The strategy to take when no rule of the matrix matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Strategy>,
    /// Rules that replace the built-in decision matrix, in priority order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<DecisionRule>>,
    /// The cloud provider for cloud capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<CloudProvider>,
    /// How much compute the plan provisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sizing: Option<Sizing>,
}

/// `auto`, or a named strategy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StrategyChoice {
    /// Let the decision matrix choose.
    #[default]
    Auto,
    /// Managed cloud ML platforms (AWS SageMaker, Azure ML, GCP Vertex AI).
    CloudFirst,
    /// Kubernetes on premises with NVIDIA DGX, bursting to cloud GPUs.
    HybridIntelligent,
    /// Inference on edge devices (NVIDIA Jetson, Intel Movidius, custom ASICs).
    EdgeCentric,
}

/// One of the three compute strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Managed cloud ML platforms (AWS SageMaker, Azure ML, GCP Vertex AI).
    CloudFirst,
    /// Kubernetes on premises with NVIDIA DGX, bursting to cloud GPUs.
    HybridIntelligent,
    /// Inference on edge devices (NVIDIA Jetson, Intel Movidius, custom ASICs).
    EdgeCentric,
}

/// A rule of a plan's own decision matrix.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRule {
    /// The rule's name, shown in the decision trace.
    pub name: String,
    /// The conditions on the requirements; all must hold for the rule to match.
    pub when: RuleCondition,
    /// The strategy the rule chooses.
    pub strategy: Strategy,
    /// Why, in words a reader of the roadmap understands.
    pub reason: String,
}

/// Conditions on the requirements. Every condition given must hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleCondition {
    /// Matches this data sensitivity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_sensitivity: Option<Level>,
    /// Matches this workload pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_pattern: Option<WorkloadPattern>,
    /// Matches a latency requirement at least this tight, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub latency_at_most_ms: Option<f64>,
    /// Matches when the requirements list this workload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<Workload>,
}

/// A cloud provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CloudProvider {
    /// Amazon Web Services.
    Aws,
    /// Microsoft Azure.
    Azure,
    /// Google Cloud.
    Gcp,
}

/// How much compute the plan provisions.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sizing {
    /// GPU nodes to provision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_nodes: Option<u32>,
    /// GPUs in each node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpus_per_node: Option<u32>,
    /// The GPU model, such as `NVIDIA H100`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_type: Option<String>,
    /// CPU-only nodes for data processing and serving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_nodes: Option<u32>,
}

/// The network that is provisioned for the new platform.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Bandwidth between nodes, in Gbit/s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub bandwidth_gbps: Option<f64>,
    /// Latency between nodes, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub latency_ms: Option<f64>,
    /// The interconnect between nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interconnect: Option<Interconnect>,
}

/// An interconnect technology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interconnect {
    /// Plain Ethernet without RDMA.
    Ethernet,
    /// RDMA over Converged Ethernet.
    Roce,
    /// InfiniBand.
    Infiniband,
    /// NVLink or PCIe inside one node.
    Nvlink,
}

/// Edge deployment.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// The device fleet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<EdgeDevice>,
    /// Constraints that the deployment must respect (power, connectivity, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<String>,
    /// Model optimisations applied for the edge (quantisation, pruning, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optimizations: Vec<String>,
    /// The time one inference may take, such as `20ms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_budget: Option<String>,
    /// The largest input one inference reads, such as `4MB` (over 10 MB
    /// exceeds an edge device's memory budget).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_input_size: Option<String>,
}

/// A group of identical edge devices.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EdgeDevice {
    /// The device model, such as `NVIDIA Jetson Orin NX`.
    pub model: String,
    /// How many are deployed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Where they are deployed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}
