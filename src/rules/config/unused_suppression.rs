//! `unused-suppression`: an `aiplan-ignore` comment that suppresses nothing.
//! Checked in `crate::suppress`.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNUSED_SUPPRESSION,
    docs: RuleDocs {
        what: "Reports a rule named in an `# aiplan-ignore:` comment when no finding of that rule is on the comment's line or the line after it. Each rule of a comment is judged on its own. It is not reported in a run with YAML, schema or include errors, which stop the lints a suppression may be waiting for.",
        why: "A suppression that no longer suppresses anything is a trap: the plan was fixed, or the finding moved, and the comment now waits to hide the next, unrelated finding on that line without anyone deciding so. Removing it keeps every suppression a current, reviewed decision.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Pilot
phases:
  # aiplan-ignore: missing-rollback -- the pilot runs on a throwaway sandbox
  - id: pilot
    duration: 2 weeks
    infrastructure: Sandbox cluster
    success_criteria: Pilot model serves traffic
    rollback_plan: Delete the sandbox
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Pilot
phases:
  - id: pilot
    duration: 2 weeks
    infrastructure: Sandbox cluster
    success_criteria: Pilot model serves traffic
    rollback_plan: Delete the sandbox
"#;
