//! Phases (stages 2 to 4) and their typed deliverables.

use super::OneOrMany;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A piece of work that takes time. Phases form a dependency graph with
/// durations and rollback plans.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{"required": ["name"]}, {"required": ["id"]}]))]
pub struct Phase {
    /// Unique id in kebab-case, used by `depends_on`. Derived from the name
    /// when absent (`Data Layer Migration` → `data-layer-migration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = "^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How long the phase takes: `4 weeks`, `8w`, `10 days`, `3 months`, or a
    /// range `6-12 months` (a three-point estimate).
    pub duration: String,
    /// Ids of the phases that must finish before this one starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// A milestone marks a point in time; it alone may last `0 days`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<bool>,
    /// What the phase touches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// What the phase runs on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infrastructure: Option<String>,
    /// How to tell that the phase succeeded: a string or a list of strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<OneOrMany>,
    /// How to undo the phase. Every phase that changes production needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollback_plan: Option<String>,
    /// The typed deliverables this phase must produce.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub critical_deliverables: Vec<Deliverable>,
}

impl Phase {
    /// The name a reader sees: the name, or the id when there is none.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.id.as_deref()).unwrap_or("")
    }
}

/// A typed deliverable, written as a list item with exactly one key that
/// names its kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub struct Deliverable {
    /// A data lake: storage technology, capacity and access formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_lake_implementation: Option<DataLake>,
    /// Moving data pipelines from their current form to a target form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_pipeline_modernization: Option<PipelineModernization>,
    /// Data governance: catalogue, lineage, compliance regimes and quality rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_governance_framework: Option<GovernanceFramework>,
}

/// A data lake deliverable.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataLake {
    /// Storage and table technologies, such as `S3`, `Delta Lake`, `Apache Iceberg`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technology: Vec<String>,
    /// Capacity, such as `100TB initial capacity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// The formats data is read in, such as `Parquet`, `JSONL`, `Avro`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_patterns: Vec<String>,
}

/// A pipeline modernisation deliverable.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PipelineModernization {
    /// How data moves today, such as `Nightly SQL batches`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// How it will move, such as `Real-time streaming with Apache Kafka`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Measurable targets, such as `<5 second latency` or `99.9% uptime`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<String>,
}

/// A data governance deliverable.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernanceFramework {
    /// Governance components, such as `Data catalog`, `Lineage tracking`, `PII detection`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<String>,
    /// Compliance regimes, such as `GDPR`, `HIPAA`, `CCPA`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compliance: Vec<String>,
    /// Quality rules, such as `Completeness >95%` or `Freshness <1 hour`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality_rules: Vec<String>,
}

/// A phase document: a file whose top level is one phase, written with
/// `phase:` for its name, as practitioners write the data foundation today.
/// It checks on its own and joins a plan's phases when included.
#[derive(Debug, Clone)]
pub struct PhaseDocument;

/// The key that names a phase in a phase document.
pub const PHASE_DOCUMENT_NAME_KEY: &str = "phase";

impl JsonSchema for PhaseDocument {
    fn schema_name() -> Cow<'static, str> {
        "PhaseDocument".into()
    }

    /// The phase schema with `name` written as `phase`, which is required.
    /// Deriving it from `Phase` keeps the two forms from drifting apart.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = Phase::json_schema(generator);
        let object = schema.ensure_object();
        if let Some(serde_json::Value::Object(properties)) = object.get_mut("properties") {
            let mut renamed = serde_json::Map::new();
            for (key, value) in std::mem::take(properties) {
                if key == "name" {
                    let mut value = value;
                    if let Some(fields) = value.as_object_mut() {
                        fields.insert(
                            "description".into(),
                            "The phase's display name; its id is derived from it.".into(),
                        );
                    }
                    renamed.insert(PHASE_DOCUMENT_NAME_KEY.into(), value);
                } else {
                    renamed.insert(key, value);
                }
            }
            *properties = renamed;
        }
        object.remove("anyOf");
        object.insert(
            "required".into(),
            serde_json::json!([PHASE_DOCUMENT_NAME_KEY, "duration"]),
        );
        object.insert("title".into(), "aiplan phase document".into());
        object.insert(
            "description".into(),
            "A file whose top level is one phase, written with `phase:` for its name. \
             It checks on its own and joins a plan's phases when included."
                .into(),
        );
        schema
    }
}
