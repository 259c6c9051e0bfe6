//! `duplicate-phase-id`: two phases have the same id.
//!
//! Checked in the graph stage (`analyze` in src/graph/mod.rs); this file
//! holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::DUPLICATE_PHASE_ID,
    docs: RuleDocs {
        what: "Reports a phase whose id — its `id:`, or its name in kebab-case when it has none — is already the id of an earlier phase of the plan, in the same file or in any file the plan includes. The later phase is the primary location and the earlier one is labelled. Derived ids collide when two names differ only in case, spacing or punctuation (`Data Migration` and `data migration`).",
        why: "`depends_on` refers to phases by id, so with two phases called `pilot` nobody can tell which one a dependent waits for. A tool has to pick one — the one it happens to read first — and the schedule, the critical path and the graph then quietly leave the other unconnected, so a phase can start before the work it was written to follow. Duplicates usually appear when a phase is copied to start the next one, or when a phase document included by the plan repeats a phase the plan already lists.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", DERIVED_IDS)],
        &[
            ("plan.yaml", INCLUDES_DOCUMENT),
            ("pilot.yaml", PILOT_DOCUMENT),
        ],
    ],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", DISTINCT_NAMES)]],
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
  - id: pilot
    name: Data Layer Migration
    duration: 8 weeks
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
    name: Pilot Phase
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    name: Data Layer Migration
    duration: 8 weeks
    depends_on: [pilot]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

/// `Data Migration` and `Data migration` both become `data-migration`.
const DERIVED_IDS: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - name: Data Migration
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - name: Data migration
    duration: 4 weeks
    infrastructure: Incremental data pipeline
    success_criteria: Historical data reconciled
    rollback_plan: Keep the legacy warehouse read-only until sign-off
"#;

const DISTINCT_NAMES: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - name: Data Migration
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - name: Historical data migration
    duration: 4 weeks
    infrastructure: Incremental data pipeline
    success_criteria: Historical data reconciled
    rollback_plan: Keep the legacy warehouse read-only until sign-off
"#;

const INCLUDES_DOCUMENT: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - pilot.yaml
phases:
  - name: Pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

/// A phase document whose name gives the same id, `pilot`.
const PILOT_DOCUMENT: &str = r#"phase: Pilot
duration: 6 weeks
infrastructure: Cloud sandbox environment
success_criteria: First AI model deployed without disrupting legacy
rollback_plan: Simple DNS switch back to legacy
"#;
