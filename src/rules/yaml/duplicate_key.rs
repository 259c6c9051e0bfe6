//! `duplicate-key`: a mapping that names the same key twice.
//!
//! Checked in the load stage, while the mapping is built
//! (`Builder::complete` in src/load/yaml.rs); this file holds the rule's
//! documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::DUPLICATE_KEY,
    docs: RuleDocs {
        what: "Reports a key written a second time in the same mapping, at the second occurrence, with the first one labelled. Keys are compared as text, so `name` and `\"name\"` are the same key. Keys that a `<<` merge brings in are not duplicates: a key written next to the merge overrides the merged one.",
        why: "YAML forbids duplicate keys, but many readers accept them anyway and keep one of the values — the first, the last, or whichever their library happens to keep. A phase with `duration: 8 weeks` and, further down, `duration: 12 weeks` is scheduled differently by different tools, and a reviewer who reads the first line approves a plan that the pipeline reads from the second. aiplan refuses the file rather than pick one.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", QUOTED_DUPLICATE)],
    ],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", MERGE_OVERRIDE)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    name: Data Layer Migration
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
    duration: 12 weeks
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: data-layer
    name: Data Layer Migration
    duration: 12 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

const QUOTED_DUPLICATE: &str = r#"aiplan: 1
name: Data platform migration
"name": Data platform migration (draft 2)
"#;

/// A key written next to a `<<` merge overrides the merged one.
const MERGE_OVERRIDE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - &pilot
    id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - <<: *pilot
    id: data-layer
    duration: 8 weeks
    depends_on: [pilot]
"#;
