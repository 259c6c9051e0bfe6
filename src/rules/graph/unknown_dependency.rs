//! `unknown-dependency`: `depends_on` names a phase that does not exist.
//!
//! Checked in the graph stage (`analyze` in src/graph/mod.rs); this file
//! holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNKNOWN_DEPENDENCY,
    docs: RuleDocs {
        what: "Reports a `depends_on` entry that names no phase of the plan, at the entry, with \"did you mean\" when an id is close. Entries are matched against phase ids — the explicit `id:`, or the name in kebab-case for a phase without one — across every file of the plan: its own phases, its fragments' and its phase documents'. When a file of the plan failed to load or failed the schema, unknown dependencies are not reported, since the phase may be in that file.",
        why: "A dependency that points nowhere is a constraint that does not exist. Dropped silently, it would let the phase start on day 0, in parallel with the work it was meant to wait for, and the critical path and the end date would come out too optimistic; aiplan reports it and computes no schedule until it is fixed. The usual causes are typos, an id renamed in one place only, and a phase's display name (`Pilot Phase`) written where its id (`pilot`) is meant.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", DISPLAY_NAME)]],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", DERIVED_ID)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    name: Pilot Phase
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilott]
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
    name: Pilot Phase
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

/// The display name of a phase that has an explicit id.
const DISPLAY_NAME: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    name: Pilot Phase
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [Pilot Phase]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

/// A phase without `id:` is named by its name in kebab-case.
const DERIVED_ID: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - name: Pilot Phase
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilot-phase]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;
