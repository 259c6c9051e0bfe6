//! `duplicate-dependency`: `depends_on` names the same phase twice.
//!
//! Checked in the graph stage (`analyze` in src/graph/mod.rs); this file
//! holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::DUPLICATE_DEPENDENCY,
    docs: RuleDocs {
        what: "Reports a `depends_on` entry that repeats an earlier entry of the same list, at the repeat, with the first one labelled. Entries are compared as written. The repeat is ignored: the dependency stands once, and nothing else is checked for that entry.",
        why: "A repeated dependency changes nothing in the schedule, which is why this is a warning, but it is a sign of a careless edit: often the repeat was meant to be a different id, and the phase that should gate this one — the security review, the data reconciliation — is missing from the list. Removing it also keeps the list readable for the reviewer who checks what the cut-over waits for.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
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
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - id: cutover
    duration: 4 weeks
    depends_on: [pilot, data-layer, pilot]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
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
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
  - id: cutover
    duration: 4 weeks
    depends_on: [pilot, data-layer]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;
