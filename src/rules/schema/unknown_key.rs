//! `unknown-key`: a key that the plan format does not define.
//!
//! Checked in the schema stage (`Translator::unknown_key` in src/schema.rs,
//! from the schema's `additionalProperties: false`); this file holds the
//! rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNKNOWN_KEY,
    docs: RuleDocs {
        what: "Reports a key that the plan format does not define at that place, at the key, saying where it is (`phases[1]`, the top level). The help suggests the closest allowed key when one is close (`dependson` → `depends_on`), explains the two ways of naming a phase when `phase:` is written in a plan's `phases:` list or `name:` in a phase document, and otherwise lists the keys allowed there. Each file is checked against the schema of its kind: plan file, phase document or included fragment.",
        why: "A misspelt key is not a harmless comment. Tools that ignore unknown keys drop `dependson: [pilot]` without a word, so the phase loses its dependency and is scheduled in parallel with the pilot it was meant to follow; `rollback_pln:` makes a reviewer believe a rollback plan exists that nothing checks. Refusing unknown keys keeps every line of the plan meaningful, and keeps plans in step with the published JSON Schema that editors validate against.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", PHASE_KEY_IN_PLAN)],
        &[("data_foundation.yaml", NAME_KEY_IN_DOCUMENT)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("data_foundation.yaml", PHASE_DOCUMENT)],
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
    duration: 8 weeks
    dependson: [pilot]
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

/// A phase of a plan's list named the way a phase document names it.
const PHASE_KEY_IN_PLAN: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - phase: Pilot
    duration: 4 weeks
"#;

/// A phase document named the way a plan's phases are named.
const NAME_KEY_IN_DOCUMENT: &str = r#"phase: Data Foundation
name: Data Foundation
duration: 8 weeks
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
rollback_plan: Keep the nightly batches running until sign-off
"#;

const PHASE_DOCUMENT: &str = r#"phase: Data Foundation
duration: 8 weeks
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
rollback_plan: Keep the nightly batches running until sign-off
"#;
