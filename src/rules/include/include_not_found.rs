//! `include-not-found`: an included file cannot be read.
//!
//! Checked in the load stage (`Loader::include` in src/load/include.rs);
//! this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INCLUDE_NOT_FOUND,
    docs: RuleDocs {
        what: "Reports an `include:` entry whose file cannot be read: it does not exist, it is a directory, or it cannot be opened. The diagnostic is at the entry in the including file, and when a YAML file with a similar name lies next to where the missing one should be, the help suggests it. Paths are relative to the including file, not to the repository or the working directory. A file named on the command line that does not exist is a usage error (exit code 2), not this diagnostic.",
        why: "A missing include silently shortens the plan: the data foundation phase document that is not found takes its weeks and its deliverables with it, and the phases that wait for it can no longer be checked, so aiplan computes no schedule until the include is fixed. The usual causes are a renamed file (`data-foundation.yaml` against `data_foundation.yaml`) and a path written from the repository root instead of from the including file; reporting it at the entry, as a located error, shows which plan breaks and on which line.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[
            ("plan.yaml", EXAMPLE),
            ("data_foundation.yaml", DATA_FOUNDATION),
        ],
        &[
            ("plans/migration.yaml", FROM_REPOSITORY_ROOT),
            ("plans/data_foundation.yaml", DATA_FOUNDATION),
        ],
        &[
            ("plan.yaml", INCLUDES_DIRECTORY),
            ("phases/data_foundation.yaml", DATA_FOUNDATION),
        ],
    ],
    silent: &[
        &[
            ("plan.yaml", INSTEAD),
            ("data_foundation.yaml", DATA_FOUNDATION),
        ],
        &[
            ("plans/migration.yaml", FROM_INCLUDING_FILE),
            ("plans/data_foundation.yaml", DATA_FOUNDATION),
        ],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - data-foundation.yaml
"#;

const INSTEAD: &str = r#"aiplan: 1
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

/// plans/migration.yaml naming its neighbour by its path from the
/// repository root.
const FROM_REPOSITORY_ROOT: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - plans/data_foundation.yaml
"#;

const FROM_INCLUDING_FILE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - data_foundation.yaml
"#;

const INCLUDES_DIRECTORY: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - phases
"#;
