//! `yaml-syntax`: a file the YAML parser cannot read.
//!
//! Checked in the load stage (`Builder::syntax_error` in src/load/yaml.rs),
//! which turns the parser's error into a located diagnostic with a hint for
//! the commonest causes; this file holds the rule's documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::YAML_SYNTAX,
    docs: RuleDocs {
        what: "Reports a file that is not well-formed YAML, at the position where the parser stopped, with the parser's own message and a hint for the usual causes: a value that contains `: ` without quotes, an entry indented out of line with the entries beside it, a tab used for indentation, a `[` or `{` that is never closed, an alias `*name` with no anchor `&name` before it. Only the first syntax error of a file is reported, and nothing else in that file is checked until it parses. Nesting deeper than the limit is reported as `resource-limit` (AP105) instead.",
        why: "A plan that does not parse is not checked at all: no schema, no dependency graph, no schedule, so every other mistake in the file stays hidden until this one is fixed. The usual cause in migration plans is prose in a value — `name: Phase 1: Pilot` reads as a mapping inside a mapping — and tools that recover from such errors guess differently, so a plan that one editor displays happily can mean something else, or nothing, to the pipeline that runs it.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", TAB_INDENT)],
        &[("plan.yaml", UNCLOSED_LIST)],
        &[("plan.yaml", UNKNOWN_ANCHOR)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("plan.yaml", COLON_WITHOUT_SPACE)],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    name: Phase 1: Pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    name: "Phase 1: Pilot"
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

/// The list of phases indented with a tab (written as `\t`, so the tab is
/// visible here).
const TAB_INDENT: &str = "aiplan: 1
name: Data platform migration
phases:
\t- id: pilot
    duration: 4 weeks
";

const UNCLOSED_LIST: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - id: pilot
    duration: 4 weeks
  - id: data-layer
    duration: 8 weeks
    depends_on: [pilot
"#;

const UNKNOWN_ANCHOR: &str = r#"aiplan: 1
name: Data platform migration
phases:
  - id: pilot
    duration: 4 weeks
    rollback_plan: *dns-rollback
"#;

/// `:` followed by something other than a space (a time, a URL) needs no
/// quotes.
const COLON_WITHOUT_SPACE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    name: Pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Switch DNS back to legacy at 02:00 UTC, runbook at https://wiki.example.com/dns
"#;
