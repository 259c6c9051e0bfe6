//! `invalid-value`: a value outside what the plan format allows.
//!
//! Checked in the schema stage (enumerations, formats, the phase id
//! pattern, ranges and the one-kind deliverables in `Translator::translate`
//! in src/schema.rs) and in the load stage (a `<<` merge key that does not
//! name a mapping, and a value that does not match its core tag, in
//! src/load/yaml.rs); this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INVALID_VALUE,
    docs: RuleDocs {
        what: "Reports a value of the right type that the plan format does not allow: a value outside an enumeration (`workload_pattern: burst`; the help lists the allowed values and suggests the closest one), a date that does not exist or is not written YYYY-MM-DD (`start: 2027-02-29`), a phase id that is not kebab-case (`Data_Layer`; the help gives the kebab-case form), a number outside its range, a deliverable that names no kind or more than one, a `<<` merge key whose value is not a mapping, and a value that does not match its core tag (`!!int eight`). A file with more than 1,000 schema errors gets one more diagnostic under this code that counts the rest.",
        why: "Enumerated values drive decisions: `data_sensitivity` and `workload_pattern` pick the compute strategy, so a `burst` that a lenient reader dropped would make the decision matrix skip the elastic-scaling rule and recommend the wrong platform, unnoticed until the architecture review. A start date that does not exist shifts every date of the schedule, and an id that is not kebab-case is easy to mistype in `depends_on` and breaks tools that use ids as names. The value is refused where it is written, with what would be accepted.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", NOT_A_DATE)],
        &[("plan.yaml", NOT_KEBAB_CASE)],
        &[("plan.yaml", MERGE_OF_A_STRING)],
    ],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", LEAP_DAY)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
requirements:
  data_sensitivity: medium
  workload_pattern: burst
compute:
  strategy: auto
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
requirements:
  data_sensitivity: medium
  workload_pattern: bursty
compute:
  strategy: auto
"#;

/// 2027 is not a leap year.
const NOT_A_DATE: &str = r#"aiplan: 1
name: Data platform migration
start: 2027-02-29
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

/// 2028 is.
const LEAP_DAY: &str = r#"aiplan: 1
name: Data platform migration
start: 2028-02-29
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const NOT_KEBAB_CASE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: Data_Layer
    duration: 8 weeks
    infrastructure: Incremental data pipeline
    success_criteria: All analysts using the new data platform
    rollback_plan: Dual-write to both old and new storage
"#;

const MERGE_OF_A_STRING: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: &legacy Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    <<: *legacy
    duration: 4 weeks
"#;
