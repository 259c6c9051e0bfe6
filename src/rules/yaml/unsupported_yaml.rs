//! `unsupported-yaml`: YAML a plan cannot hold — tags, keys that are not
//! strings, several documents in one file.
//!
//! Checked in the load stage, while the document is built (src/load/yaml.rs:
//! `Builder::unsupported_tag`, the key check in `Builder::complete`, and the
//! second `DocumentStart` in `parse`); this file holds the rule's
//! documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNSUPPORTED_YAML,
    docs: RuleDocs {
        what: "Reports three YAML features that have no meaning in a plan: a tag other than the core ones, such as `!include`, `!Ref`, `!!set` or `!!python/object` (the non-specific `!`, the scalar tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, and `!!seq` on a list or `!!map` on a mapping are accepted); a mapping key that is a list or a mapping (`? [a, b]` or `{a: 1}: x`); and a second YAML document in the same file (a second `---`), reported at its start: the first document is still checked, the ones after it are not read.",
        why: "Each of these means something only to a particular reader. `!include` is a feature of some YAML loaders and not of others, so a plan that relies on it would be read differently by aiplan, by the editor's schema check and by a script using another library — aiplan has `include:` for this. Complex keys cannot be plan keys, and a file of several documents would have aiplan check the first plan and silently skip the rest, so a reviewer would approve phases that nothing ever validated.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[
            ("plan.yaml", EXAMPLE),
            ("data_foundation.yaml", DATA_FOUNDATION),
        ],
        &[("plan.yaml", TWO_DOCUMENTS)],
        &[("plan.yaml", COMPLEX_KEY)],
    ],
    silent: &[
        &[
            ("plan.yaml", INSTEAD),
            ("data_foundation.yaml", DATA_FOUNDATION),
        ],
        &[("plan.yaml", CORE_TAGS)],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases: !include data_foundation.yaml
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

const TWO_DOCUMENTS: &str = r#"aiplan: 1
name: Data platform migration
---
aiplan: 1
name: Edge inference roll-out
"#;

const COMPLEX_KEY: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - id: pilot
    duration: 4 weeks
    ? [pilot, data-layer]
    : Simple DNS switch back to legacy
"#;

/// Core tags, a document start marker and an end marker are fine.
const CORE_TAGS: &str = r#"---
aiplan: 1
name: !!str 2027 migration
description: ! 42
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
...
"#;
