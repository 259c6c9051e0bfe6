//! `missing-key`: a required key is missing.
//!
//! Checked in the schema stage (the `Required` errors, and the phase's
//! "`name` or `id`" alternative, in `Translator::translate` and
//! `Translator::no_alternative` in src/schema.rs); this file holds the
//! rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::MISSING_KEY,
    docs: RuleDocs {
        what: "Reports a required key that is missing: `name` in a plan file, `duration` in every phase (in a plan's `phases:` list and in a phase document), and, in a phase of a `phases:` list, both `name` and `id` (one of them is needed; the id is derived from the name). The diagnostic is at the mapping that lacks the key, and the help says what the key is for. Included fragments need neither `aiplan` nor `name`: they take the including plan's.",
        why: "Without a duration a phase cannot be scheduled: there is no critical path and no end date for the plan until every phase says how long it takes, and an estimate left for later is exactly what a plan review should catch. Without a name or an id a phase cannot be named in `depends_on`, listed in the schedule or discussed in a review. Reporting the missing key at the mapping that lacks it says exactly what to add.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", PLAN_WITHOUT_NAME)],
        &[("plan.yaml", PHASE_WITHOUT_NAME_OR_ID)],
        &[("data_foundation.yaml", DOCUMENT_WITHOUT_DURATION)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("plan.yaml", INCLUDES_FRAGMENT), ("phases.yaml", FRAGMENT)],
    ],
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
    depends_on: [pilot]
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

const PLAN_WITHOUT_NAME: &str = r#"aiplan: 1
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const PHASE_WITHOUT_NAME_OR_ID: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - duration: 8 weeks
    infrastructure: Incremental data pipeline
"#;

const DOCUMENT_WITHOUT_DURATION: &str = r#"phase: Data Foundation
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
"#;

const INCLUDES_FRAGMENT: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - phases.yaml
"#;

/// A fragment has neither `aiplan` nor `name`, and needs neither.
const FRAGMENT: &str = r#"phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;
