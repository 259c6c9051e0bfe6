//! `include-outside-root`: an include that points outside the plan's
//! repository.
//!
//! Checked in the load stage, before the file is opened and again after
//! symbolic links are resolved (`Loader::include` in src/load/include.rs);
//! this file holds the rule's documentation and cases. The symbolic-link
//! trigger has no case here: a case is a list of regular files.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INCLUDE_OUTSIDE_ROOT,
    docs: RuleDocs {
        what: "Reports an `include:` entry that is an absolute path, or that leads outside the plan's repository: the nearest directory that holds `.git`, starting from the top plan's own directory and going up, or, outside a repository, the top plan's own directory. A path is judged as written, with `..` resolved, before any file is opened, and again after symbolic links are followed, so a link that leads out is refused too. `aiplan check --allow-outside-root` turns the check off for plans you trust.",
        why: "Plans arrive in pull requests and are checked in CI, and diagnostics quote the lines they are about. An include of `/etc/passwd` or `../../.ssh/config` would have the CI log print lines of files from the runner to anyone who can open a pull request. Keeping includes inside the repository also keeps a plan reproducible: a path into a sibling checkout or a home directory works on the author's machine and breaks on every other.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", ABSOLUTE)]],
    silent: &[
        &[
            ("plan.yaml", INSTEAD),
            ("shared/gpu_phases.yaml", GPU_PHASES),
        ],
        &[
            ("plans/migration.yaml", EXAMPLE),
            ("shared/gpu_phases.yaml", GPU_PHASES),
        ],
    ],
};

/// At the repository root, `..` leaves the repository.
const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - ../shared/gpu_phases.yaml
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - shared/gpu_phases.yaml
"#;

const ABSOLUTE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include:
  - /etc/aiplan/gpu_phases.yaml
"#;

const GPU_PHASES: &str = r#"phases:
  - id: gpu-cluster
    duration: 12 weeks
    infrastructure: Kubernetes with GPU operators
    success_criteria: AI training 10x faster than legacy
    rollback_plan: Traffic splitting between old and new compute
"#;
