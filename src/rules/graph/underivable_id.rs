//! `underivable-id`: a phase has no id and none can be derived from its
//! name.
//!
//! Checked in the graph stage (`analyze` in src/graph/mod.rs, with
//! `kebab_case` in src/schema.rs); this file holds the rule's documentation
//! and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::UNDERIVABLE_ID,
    docs: RuleDocs {
        what: "Reports a phase without `id:` whose name contains no ASCII letter or digit, so that no kebab-case id can be derived from it: a name in a non-Latin script (`数据迁移`), only symbols or emoji, or an empty name. The id is derived by keeping the runs of ASCII letters and digits of the name, lower-cased and joined with hyphens, so every other character — accented letters included — only separates words (`Migración de datos` becomes `migraci-n-de-datos`). The diagnostic is at the phase's name.",
        why: "Every phase needs an id: `depends_on` refers to it, and the schedule, the graph and the reports list phases by it. A name in any script is a good display name, but aiplan will not invent an id such as `phase-3` that would change whenever phases are reordered and silently re-point other phases' dependencies; the plan has to give a stable one. Until it does, nothing can depend on the phase and the plan is not scheduled.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("data_foundation.yaml", PHASE_DOCUMENT)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("data_foundation.yaml", PHASE_DOCUMENT_WITH_ID)],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: 数据平台迁移
assessment:
  current_state: 每晚批量 SQL 作业
  target_state: 实时数据湖
phases:
  - name: 数据迁移
    duration: 8 weeks
    infrastructure: 增量数据管道
    success_criteria: 所有分析师使用新数据平台
    rollback_plan: 新旧存储双写
"#;

const INSTEAD: &str = r#"aiplan: 1
name: 数据平台迁移
assessment:
  current_state: 每晚批量 SQL 作业
  target_state: 实时数据湖
phases:
  - id: data-migration
    name: 数据迁移
    duration: 8 weeks
    infrastructure: 增量数据管道
    success_criteria: 所有分析师使用新数据平台
    rollback_plan: 新旧存储双写
"#;

const PHASE_DOCUMENT: &str = r#"phase: "🚀"
duration: 8 weeks
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
rollback_plan: Keep the nightly batches running until sign-off
"#;

const PHASE_DOCUMENT_WITH_ID: &str = r#"phase: "🚀"
id: launch
duration: 8 weeks
infrastructure: S3 and Delta Lake
success_criteria: Data discovery portal operational
rollback_plan: Keep the nightly batches running until sign-off
"#;
