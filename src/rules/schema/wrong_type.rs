//! `wrong-type`: a value of the wrong type.
//!
//! Checked in the schema stage (the `Type` errors and the alternatives that
//! no value matched, in `Translator::translate` and
//! `Translator::no_alternative` in src/schema.rs); this file holds the
//! rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::WRONG_TYPE,
    docs: RuleDocs {
        what: "Reports a value whose type is not the one its key takes: a string where a list is expected (`depends_on: pilot`), a number where a string is expected (`duration: 8`), a mapping where a string or a list of strings is expected, a string where a number is expected (`aiplan: \"1\"`). A key written with no value (`rollback_plan:`) is an empty value of the wrong type, not a missing key. The diagnostic points at the value and says what was expected; when a single item stands where a list is expected, the help shows it written as a list.",
        why: "A value of the wrong shape means different things to different readers: `depends_on: pilot` is one dependency to a lenient tool, five one-letter dependencies to a script that iterates over it, and nothing to a third. An empty `rollback_plan:` looks in review as though the question had been answered when the plan says nothing about the way back, so aiplan treats it as a mistake rather than as a silent \"no rollback plan\". Stopping at the key keeps the schedule and the pre-flight checks working on what the author meant.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", NUMBER_DURATION)],
        &[("plan.yaml", EMPTY_ROLLBACK)],
    ],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", CRITERIA_LIST)]],
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
    depends_on: pilot
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

const NUMBER_DURATION: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - id: pilot
    duration: 4
"#;

const EMPTY_ROLLBACK: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan:
"#;

/// `success_criteria` takes a string or a list of strings.
const CRITERIA_LIST: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria:
      - First AI model deployed without disrupting legacy
      - Rollback rehearsed once
    rollback_plan: Simple DNS switch back to legacy
"#;
