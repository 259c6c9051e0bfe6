//! The typed plan model: what a plan file means once it has been loaded and
//! has passed the schema.
//!
//! Takes a `serde_json::Value` that the schema stage accepted, and the
//! phases `stream` typed as they were read; returns `Plan`.
//! The doc comments on every field are the descriptions of the published JSON
//! Schema (`aiplan schema`), so they are written for plan authors.

mod assessment;
pub mod build;
mod compute;
pub mod duration;
mod optimization;
mod phase;
pub mod stream;
pub mod target;
mod thresholds;

pub use assessment::*;
pub use compute::*;
pub use optimization::*;
pub use phase::*;
pub use thresholds::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An aiplan plan file: one organisation's move from legacy infrastructure to
/// AI-ready infrastructure, in five stages (audit, data foundation, compute
/// strategy, migration in phases, continuous optimisation).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "aiplan plan")]
pub struct Plan {
    /// Format version of this plan. Write `aiplan: 1`.
    #[schemars(extend("const" = 1))]
    pub aiplan: u8,
    /// The plan's title, shown at the top of the roadmap.
    pub name: String,
    /// What the plan is for, in a sentence or a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who owns the plan: a person, a team or a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The day the first phase starts, as an ISO date (`2027-01-04`). When it
    /// is given, the schedule is also expressed in dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date"))]
    pub start: Option<String>,
    /// Other files that belong to this plan, as paths relative to this file:
    /// plan fragments (any of the top-level sections) or phase documents
    /// (a single phase written with `phase:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    /// Stage 1, the audit: an inventory of what exists today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
    /// The business needs that drive the compute-strategy decision matrix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Requirements>,
    /// Stage 3, the compute strategy: `strategy: auto` lets the decision
    /// matrix choose, or name one; plus sizing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute: Option<Compute>,
    /// The network that is provisioned, checked against what the workloads need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
    /// Edge deployment: devices, constraints, optimisations and the latency budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge: Option<Edge>,
    /// Stages 2 to 4: every piece of work that takes time, as phases that form
    /// a dependency graph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Stage 5, continuous optimisation: the metrics with their thresholds,
    /// and the facts that the optimisation rules read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optimization: Option<Optimization>,
    /// The teams that carry the plan and the KPIs they track.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_factors: Option<SuccessFactors>,
    /// Numbers the domain rules use, where they differ from the defaults
    /// (the field's reference figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thresholds: Option<Thresholds>,
}

/// The top-level sections that a plan fragment (an included file that is not
/// a phase document) may hold, and that may be given by only one file.
pub const SINGLE_SECTIONS: &[&str] = &[
    "assessment",
    "requirements",
    "compute",
    "network",
    "edge",
    "optimization",
    "success_factors",
    "thresholds",
];

/// A value written either as one string or as a list of strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single string.
    One(String),
    /// A list of strings.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The strings, whichever way they were written.
    pub fn as_slice(&self) -> &[String] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}
