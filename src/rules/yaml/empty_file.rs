//! `empty-file`: a file that holds no YAML document.
//!
//! Checked in the load stage (`Loader::empty_file` in src/load/include.rs),
//! for the files named on the command line and for included files alike;
//! this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::EMPTY_FILE,
    docs: RuleDocs {
        what: "Reports a file that is empty, holds only whitespace, or holds only comments and document markers (`---`, `...`) and so no YAML value at all. It applies to the files named on the command line and to every file they include.",
        why: "An empty file is almost never meant: a placeholder committed before the plan was written, a phase document emptied by a bad merge, an include that a generator failed to fill. Checking it as \"nothing to complain about\" would let CI pass a plan with no phases, or a plan whose included data foundation silently vanished, and the schedule would come out shorter than the work.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", "")],
        &[("plan.yaml", DOCUMENT_MARKERS)],
        &[("plan.yaml", INCLUDES_EMPTY), ("data_foundation.yaml", "")],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[
            ("plan.yaml", INCLUDES_EMPTY),
            ("data_foundation.yaml", DATA_FOUNDATION),
        ],
    ],
};

const EXAMPLE: &str = r#"# Migration plan for the data platform.
# TODO: fill in once the assessment is done.
"#;

const INSTEAD: &str = r#"# Migration plan for the data platform.
aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const DOCUMENT_MARKERS: &str = "---\n...\n";

const INCLUDES_EMPTY: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - data_foundation.yaml
"#;

const DATA_FOUNDATION: &str = r#"phase: Data Foundation
duration: 8 weeks
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
rollback_plan: Keep the nightly batches running until sign-off
"#;
