//! `self-dependency`: a phase depends on itself.
//!
//! Checked in the graph stage (`analyze` in src/graph/mod.rs); this file
//! holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::SELF_DEPENDENCY,
    docs: RuleDocs {
        what: "Reports a `depends_on` entry that names the phase's own id — its `id:`, or its name in kebab-case when it has none — at the entry.",
        why: "A phase that waits for its own end can never start: it is the smallest dependency cycle, and the plan has no schedule until it is removed. It is almost always a copy-paste slip, the `depends_on` of the phase above carried over with the rest of the block, which means the dependency that was intended is usually missing too — check what the phase should really wait for rather than just deleting the entry.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", DERIVED_ID)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [data-layer]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilot]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

/// The phase's id is derived from its name: `data-layer-migration`.
const DERIVED_ID: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - name: Data Layer Migration
    duration: 8 weeks
    depends_on: [data-layer-migration]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;
