//! `include-conflict`: two files of one plan define the same section.
//!
//! Checked when the plan is assembled from its files (`report_conflicts`
//! in src/model/build.rs); this file holds the rule's documentation and
//! cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INCLUDE_CONFLICT,
    docs: RuleDocs {
        what: "Reports a top-level section that two files of one plan both give — `name`, `description`, `owner`, `start`, or a section such as `assessment`, `requirements`, `compute`, `network`, `edge`, `optimization` or `success_factors` — whether the plan and a fragment it includes, or two fragments. The diagnostic is at the later file's key, with the first one labelled. `phases` and `include` may appear in every file: their entries are added together. Files that failed the schema are not compared.",
        why: "When two files both define `assessment` or `compute`, only one of them can be the plan's, and which one depends on the order of the includes. The team that maintains the fragment believes its compute sizing or its current-state inventory is in the plan while the other file's is what gets checked, scored and scheduled. Requiring each section to live in exactly one file makes the plan mean the same whatever the include order.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE), ("assessment.yaml", ASSESSMENT)],
        &[
            ("plan.yaml", TWO_FRAGMENTS),
            ("pilot.yaml", PILOT_WITH_START),
            ("cutover.yaml", CUTOVER_WITH_START),
        ],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD), ("assessment.yaml", ASSESSMENT)],
        &[
            ("plan.yaml", TWO_FRAGMENTS),
            ("pilot.yaml", PILOT),
            ("cutover.yaml", CUTOVER),
        ],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
include:
  - assessment.yaml # also gives `assessment`
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
include:
  - assessment.yaml # the one place that gives `assessment`
"#;

const ASSESSMENT: &str = r#"assessment:
  current_state: Oracle warehouse with nightly ETL into SQL Server
  target_state: Real-time lakehouse feeding GPU training
  systems:
    - name: Oracle 12c warehouse
      criticality: high
"#;

const TWO_FRAGMENTS: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - pilot.yaml
  - cutover.yaml
"#;

/// Both fragments give phases, which is fine.
const PILOT: &str = r#"phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const CUTOVER: &str = r#"phases:
  - id: cutover
    duration: 4 weeks
    depends_on: [pilot]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;

/// Both fragments also give a start date, which is not.
const PILOT_WITH_START: &str = r#"start: 2027-01-04
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const CUTOVER_WITH_START: &str = r#"start: 2027-03-01
phases:
  - id: cutover
    duration: 4 weeks
    depends_on: [pilot]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;
