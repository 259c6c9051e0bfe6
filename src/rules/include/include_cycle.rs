//! `include-cycle`: files that include each other in a cycle.
//!
//! Checked in the load stage, against the chain of files being included
//! (`Loader::include` in src/load/include.rs); this file holds the rule's
//! documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INCLUDE_CYCLE,
    docs: RuleDocs {
        what: "Reports an `include:` entry that names a file already on the chain of includes that leads to it — the top plan, or a file that includes the current one directly or through others, or the file itself. The message lists the chain, such as `plan.yaml → migration.yaml → plan.yaml`, and the diagnostic is at the entry that closes the cycle; that entry is not followed. A file included along two different paths (two fragments that both include a shared file) is not a cycle: it is read once.",
        why: "A cycle of includes has no first file. A reader that follows includes naively recurses until it runs out of memory, and one that stops somewhere decides by accident which sections and phases the plan has. Cycles creep in when a fragment grows an `include:` back to the plan that pulls it in, to reuse a section from it; naming the whole chain shows which entry to remove.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", PLAN), ("migration.yaml", EXAMPLE)],
        &[("plan.yaml", INCLUDES_ITSELF)],
    ],
    silent: &[
        &[("plan.yaml", PLAN), ("migration.yaml", INSTEAD)],
        &[
            ("plan.yaml", DIAMOND),
            ("pilot.yaml", PILOT),
            ("cutover.yaml", CUTOVER),
            ("shared.yaml", SHARED),
        ],
    ],
};

/// migration.yaml, included by plan.yaml.
const EXAMPLE: &str = r#"# migration.yaml, included by plan.yaml
include:
  - plan.yaml # which includes this file
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const INSTEAD: &str = r#"# migration.yaml, included by plan.yaml
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const PLAN: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - migration.yaml
"#;

const INCLUDES_ITSELF: &str = r#"aiplan: 1
name: Data platform migration
include:
  - plan.yaml
"#;

const DIAMOND: &str = r#"aiplan: 1
name: Data platform migration
include:
  - pilot.yaml
  - cutover.yaml
"#;

const PILOT: &str = r#"include: [shared.yaml]
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const CUTOVER: &str = r#"include: [shared.yaml]
phases:
  - id: cutover
    duration: 4 weeks
    depends_on: [pilot]
    infrastructure: All systems on the new platform
    success_criteria: Zero legacy dependencies
    rollback_plan: Full snapshot and restore capability
"#;

const SHARED: &str = r#"assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;
