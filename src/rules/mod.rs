//! The rule registry: every check aiplan performs — YAML, schema, includes,
//! graph, phase lints — as a rule with a stable code and name, a default
//! severity, documentation written for users, and cases that show it firing
//! and staying silent. `aiplan rules` prints it; the registry test
//! (tests/rules.rs) runs every case and fails when a rule lacks docs or
//! cases, or two rules share a code or a name.
//!
//! One file per rule. Checks that belong to a stage (the parser, the schema,
//! the graph) run in that stage and are documented here; the phase lints
//! are checked here too.

mod config;
pub mod decide;
pub mod domain;
mod graph;
mod include;
pub mod phase;
mod schema;
mod yaml;

use crate::decide::strategy::Decision;
use crate::diagnostics::Code;
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::source::FileId;

/// What the rules that read a whole plan see.
pub struct PlanContext<'a> {
    pub resolved: &'a ResolvedPlan,
    /// The matrix's decision; `None` for a phase document checked alone.
    pub decision: Option<&'a Decision>,
    pub locator: &'a Locator<'a>,
    /// The top file: the plan file, or the phase document checked alone.
    pub file: FileId,
}

/// What users read in `aiplan rules CODE` (and SARIF rule metadata).
#[derive(Debug)]
pub struct RuleDocs {
    /// What the rule checks.
    pub what: &'static str,
    /// Why a finding matters.
    pub why: &'static str,
    /// A plan (YAML) on which it fires.
    pub example: &'static str,
    /// The same plan, fixed.
    pub instead: &'static str,
}

/// Files of one case; the first is the one checked, the others are what it
/// includes.
pub type Case = &'static [(&'static str, &'static str)];

#[derive(Debug)]
pub struct Rule {
    pub code: &'static Code,
    pub docs: RuleDocs,
    /// Plans on which the rule must fire.
    pub fires: &'static [Case],
    /// Plans on which the rule must stay silent.
    pub silent: &'static [Case],
}

/// Every rule, in code order.
pub fn all() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = [
        yaml::RULES,
        schema::RULES,
        include::RULES,
        graph::RULES,
        phase::RULES,
        decide::RULES,
        domain::RULES,
        config::RULES,
    ]
    .concat();
    rules.sort_by_key(|rule| rule.code.code);
    rules
}

/// A rule by code (`AP501`, any case) or name (`missing-rollback`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    all().into_iter().find(|rule| {
        rule.code.code.eq_ignore_ascii_case(code_or_name) || rule.code.name == code_or_name
    })
}

impl Rule {
    /// The rule's documentation as Markdown.
    pub fn markdown(&self) -> String {
        format!(
            "# {} {}\n\n{}\n\nDefault severity: {}.\n\n## What it does\n\n{}\n\n## Why is this bad?\n\n{}\n\n## Example\n\n```yaml\n{}```\n\n## Use instead\n\n```yaml\n{}```\n",
            self.code.code,
            self.code.name,
            self.code.summary,
            self.code.severity.as_str(),
            self.docs.what.trim(),
            self.docs.why.trim(),
            self.docs.example,
            self.docs.instead,
        )
    }
}
