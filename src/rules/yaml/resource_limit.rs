//! `resource-limit`: a file or a plan beyond a size, nesting,
//! alias-expansion or include-depth limit.
//!
//! Checked in the load stage: the file size in src/load/read.rs, nesting
//! and alias expansion in src/load/yaml.rs, the depth of includes in
//! src/load/include.rs; this file holds the rule's documentation and cases.
//!
//! The file-size limit (40 MiB by default) has no case here: a case that
//! large would bloat the binary and the test.

use crate::diagnostics as diag;
use crate::rules::{Case, Rule, RuleDocs};

/// A chain of includes: `plan.yaml` (the given text), then part01.yaml to
/// part32.yaml, each including the next.
macro_rules! include_chain {
    ($plan:expr) => {{
        const CASE: Case = &[
            ("plan.yaml", $plan),
            ("part01.yaml", "include: [part02.yaml]\n"),
            ("part02.yaml", "include: [part03.yaml]\n"),
            ("part03.yaml", "include: [part04.yaml]\n"),
            ("part04.yaml", "include: [part05.yaml]\n"),
            ("part05.yaml", "include: [part06.yaml]\n"),
            ("part06.yaml", "include: [part07.yaml]\n"),
            ("part07.yaml", "include: [part08.yaml]\n"),
            ("part08.yaml", "include: [part09.yaml]\n"),
            ("part09.yaml", "include: [part10.yaml]\n"),
            ("part10.yaml", "include: [part11.yaml]\n"),
            ("part11.yaml", "include: [part12.yaml]\n"),
            ("part12.yaml", "include: [part13.yaml]\n"),
            ("part13.yaml", "include: [part14.yaml]\n"),
            ("part14.yaml", "include: [part15.yaml]\n"),
            ("part15.yaml", "include: [part16.yaml]\n"),
            ("part16.yaml", "include: [part17.yaml]\n"),
            ("part17.yaml", "include: [part18.yaml]\n"),
            ("part18.yaml", "include: [part19.yaml]\n"),
            ("part19.yaml", "include: [part20.yaml]\n"),
            ("part20.yaml", "include: [part21.yaml]\n"),
            ("part21.yaml", "include: [part22.yaml]\n"),
            ("part22.yaml", "include: [part23.yaml]\n"),
            ("part23.yaml", "include: [part24.yaml]\n"),
            ("part24.yaml", "include: [part25.yaml]\n"),
            ("part25.yaml", "include: [part26.yaml]\n"),
            ("part26.yaml", "include: [part27.yaml]\n"),
            ("part27.yaml", "include: [part28.yaml]\n"),
            ("part28.yaml", "include: [part29.yaml]\n"),
            ("part29.yaml", "include: [part30.yaml]\n"),
            ("part30.yaml", "include: [part31.yaml]\n"),
            ("part31.yaml", "include: [part32.yaml]\n"),
            ("part32.yaml", PHASES),
        ];
        CASE
    }};
}

pub static RULE: Rule = Rule {
    code: &diag::RESOURCE_LIMIT,
    docs: RuleDocs {
        what: "Reports input that exceeds one of the bounds aiplan keeps on what it reads: a file larger than `--max-file-size` (40 MiB by default); YAML collections nested more than 128 deep (block and flow nesting are counted separately); a plan whose files hold more YAML nodes together than one per 8 bytes of the file-size limit (5,242,880 by default, aliases counted at their expanded size); aliases that would expand, over a plan and all it includes, to more than 100,000 nodes plus one per 10 bytes of those files; a chain of more than 32 files including each other. The file is not checked further (for the include chain, the file that would go one level deeper is not read).",
        why: "Plans are read in CI from pull requests, so a plan is untrusted input. A few hundred bytes of nested aliases (\"billion laughs\") expand to billions of nodes and would exhaust the runner's memory; deep nesting exhausts the stack of naive readers; an endless stream or a huge generated file ties up the job. Each bound is far above what a real plan needs — a 100,000-phase plan is about 29 MB and reuses anchors freely — so hitting one means the input is hostile or generated wrongly, and a located error is better than a crashed or hung pipeline.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", DEEP_NESTING)],
        include_chain!(TOO_DEEP),
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("plan.yaml", NESTING_AT_LIMIT)],
        include_chain!(DEEP_ENOUGH),
    ],
};

/// Five levels of ten aliases: 111,110 nodes, past the budget of 100,000
/// plus a tenth of the file's length.
const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
description: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
owner: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
start: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
include: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
phases: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
"#;

/// Anchors and aliases reusing a block, as plans do.
const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: &sandbox Cloud sandbox environment
    success_criteria: &criteria
      - No disruption to legacy reporting
      - Rollback rehearsed once
    rollback_plan: Simple DNS switch back to legacy
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilot]
    infrastructure: *sandbox
    success_criteria: *criteria
    rollback_plan: Dual-write to both old and new storage
"#;

/// 129 nested flow lists; the limit is 128.
const DEEP_NESTING: &str = "aiplan: 1
name: Data platform migration
description: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
";

/// 128 nested flow lists: deep, and wrong for `description`, but within
/// the limit.
const NESTING_AT_LIMIT: &str = "aiplan: 1
name: Data platform migration
description: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
";

/// A plan that includes part01.yaml, which includes part02.yaml, and so
/// on: 33 files in one chain, one more than the limit.
const TOO_DEEP: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include: [part01.yaml]
"#;

/// The same files, entered one level lower: 32 files in the chain.
const DEEP_ENOUGH: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
include: [part02.yaml]
"#;

const PHASES: &str = r#"phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;
