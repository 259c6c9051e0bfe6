//! `not-a-plan`: a file that is neither a plan file nor a phase document.
//!
//! Checked in the load stage, once the file has parsed
//! (`Loader::not_a_plan` in src/load/include.rs, after `classify` in
//! src/load/mod.rs); this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::NOT_A_PLAN,
    docs: RuleDocs {
        what: "Reports a file named on the command line whose top level is a mapping with neither `aiplan:` (a plan file) nor `phase:` (a phase document), or is not a mapping at all (a list, a string, a number); and an included file whose top level is not a mapping (an included mapping is a plan fragment or a phase document). The diagnostic is at the top of the file; for an included file, the `include:` entry is labelled too. When `aiplan check` scans a directory, YAML files that are not plans are skipped without this error.",
        why: "aiplan decides what a file is from its top-level keys, and everything after — which schema applies, whether a `name` is required, how included phases join the plan — follows from that. A plan that lost its `aiplan: 1` line in a merge, or a list of phases saved on its own, cannot be checked as what it was meant to be; reporting it as some other kind of file would bury the one-line fix under dozens of misleading errors.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", PHASE_LIST)],
        &[("plan.yaml", INCLUDES_LIST), ("phases.yaml", PHASE_LIST)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[
            ("plan.yaml", INCLUDES_LIST),
            ("phases.yaml", PHASES_FRAGMENT),
        ],
    ],
};

const EXAMPLE: &str = r#"name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
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
"#;

const PHASE_LIST: &str = r#"- id: pilot
  duration: 4 weeks
  infrastructure: Cloud sandbox environment
  success_criteria: First AI model deployed without disrupting legacy
  rollback_plan: Simple DNS switch back to legacy
"#;

const INCLUDES_LIST: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - phases.yaml
"#;

/// The list under `phases:`, which makes it a plan fragment.
const PHASES_FRAGMENT: &str = r#"phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;
