//! `dependency-cycle`: phases that depend on each other in a cycle.
//!
//! Checked in the graph stage (src/graph/cycles.rs: one diagnostic per
//! strongly connected component); this file holds the rule's documentation
//! and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::DEPENDENCY_CYCLE,
    docs: RuleDocs {
        what: "Reports phases that depend on each other in a cycle, once for each group of phases that all (directly or indirectly) depend on one another. The message names the shortest cycle through the group's alphabetically smallest id as an ordered path read \"depends on\", such as `compute → data-layer → compute`, and each `depends_on` entry that forms an edge of that cycle is labelled. A long cycle is shortened: the path names its first 10 and last 2 ids around `… N more …`, and only its first 20 edges are labelled, the help saying how many more there are. When the group holds more phases than that cycle, the help says how many. A phase that depends on itself is `self-dependency` (AP403) instead.",
        why: "No phase of a cycle can start, because each waits for another to finish: the plan has no schedule, no critical path and no end date, and `aiplan schedule` refuses it. In migration plans a cycle usually means one key is carrying two different relations — \"the GPU cluster needs the data layer\" and \"the data layer moves onto the new compute\" — and the fix is to split a phase, for example into provisioning and migration, so that every dependency runs one way.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", THREE_PHASES)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    duration: 8 weeks
    depends_on: [compute]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - id: compute
    duration: 12 weeks
    depends_on: [data-layer]
    infrastructure: Kubernetes with GPU operators
    success_criteria: AI training 10x faster than legacy
    rollback_plan: Traffic splitting between old and new compute
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: gpu-provisioning
    duration: 4 weeks
    infrastructure: Kubernetes with GPU operators
    success_criteria: GPU nodes pass the burn-in tests
    rollback_plan: Release the reserved capacity
  - id: data-layer
    duration: 8 weeks
    depends_on: [gpu-provisioning]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - id: compute
    duration: 12 weeks
    depends_on: [data-layer]
    infrastructure: Kubernetes with GPU operators
    success_criteria: AI training 10x faster than legacy
    rollback_plan: Traffic splitting between old and new compute
"#;

const THREE_PHASES: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    depends_on: [cutover]
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilot]
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - id: cutover
    duration: 4 weeks
    depends_on: [data-layer]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;
