//! `unsupported-version`: the plan declares a format version this aiplan
//! does not read.
//!
//! Checked in the schema stage (the `const` of `aiplan` in
//! `Translator::translate` in src/schema.rs); this file holds the rule's
//! documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNSUPPORTED_VERSION,
    docs: RuleDocs {
        what: "Reports an `aiplan:` version that is a number other than 1, the only plan format version this aiplan reads (`aiplan: 2`, `aiplan: 0`), at the value. A version that is not a number (`aiplan: \"1\"`, `aiplan:` with no value) is a `wrong-type` (AP202) error instead.",
        why: "The version says which rules the plan was written against. A plan written for a newer format may use keys and meanings this aiplan does not know: checking it anyway would report its new keys as typos and send the author to \"fix\" a correct plan, or accept it and schedule it under the old rules. Saying plainly that the version is not supported points at the real fix — upgrading aiplan in CI — or at a typo in the first line.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", VERSION_ZERO)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 2
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const VERSION_ZERO: &str = r#"aiplan: 0
name: Data platform migration
"#;
