//! `invalid-suppression`: an `aiplan-ignore` comment that cannot work.
//! Checked in `crate::suppress`.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INVALID_SUPPRESSION,
    docs: RuleDocs {
        what: "Reports an `aiplan-ignore` comment that lacks the `:`, names no rule, names something that is not a rule (with \"did you mean\"), or names a rule whose findings cannot be suppressed: YAML (AP1xx) and schema (AP2xx) errors, dependency cycles (AP404) and the suppression rules themselves (AP8xx).",
        why: "A misspelt rule name silently suppresses nothing, so the author believes a finding is handled while it is still reported — or, worse, stops looking. Findings that make the plan unreadable or its order undefined cannot be waived: every output aiplan produces depends on them being fixed.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[(
            "plan.yaml",
            r#"aiplan: 1
name: Cycle
phases:
  - id: a
    duration: 1 week
    depends_on: [b]
    infrastructure: Cluster
    success_criteria: Done
    rollback_plan: Revert
  # aiplan-ignore: dependency-cycle -- we know
  - id: b
    duration: 1 week
    depends_on: [a]
    infrastructure: Cluster
    success_criteria: Done
    rollback_plan: Revert
"#,
        )],
    ],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Pilot
phases:
  # aiplan-ignore: missing-rolback -- the pilot runs on a throwaway sandbox
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
