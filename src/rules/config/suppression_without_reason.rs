//! `suppression-without-reason`: an `aiplan-ignore` comment without a reason.
//! Checked in `crate::suppress`.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::SUPPRESSION_WITHOUT_REASON,
    docs: RuleDocs {
        what: "Reports an `# aiplan-ignore: RULE` comment that gives no reason after `--`. Such a comment suppresses nothing: the finding it meant to hide is reported too.",
        why: "A suppression is a decision a reviewer must be able to judge later. Without the reason, nobody can tell a considered exception (\"the pilot runs on a throwaway sandbox\") from a warning silenced to make the build pass, and the exception outlives the circumstances that justified it.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Pilot
phases:
  # aiplan-ignore: missing-rollback
  - id: pilot
    duration: 2 weeks
    infrastructure: Sandbox cluster
    success_criteria: Pilot model serves traffic
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Pilot
phases:
  # aiplan-ignore: missing-rollback -- the pilot runs on a throwaway sandbox
  - id: pilot
    duration: 2 weeks
    infrastructure: Sandbox cluster
    success_criteria: Pilot model serves traffic
"#;
