//! `aiplan rules [CODE|NAME]`: the rule registry.

use super::{print_stderr, print_stdout};
use crate::rules;
use clap::Args;
use std::process::ExitCode;

/// List every rule (code, name, default severity, summary), or print one
/// rule's documentation: what it does, why it matters, an example and the
/// fix.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule's code (`AP501`) or name (`missing-rollback`).
    rule: Option<String>,
}

pub fn run(args: &RulesArgs) -> ExitCode {
    let text = match &args.rule {
        None => list(),
        Some(wanted) => match rules::find(wanted) {
            Some(rule) => rule.markdown(),
            None => {
                let names: Vec<&str> = rules::all().iter().map(|rule| rule.code.name).collect();
                let hint = crate::schema::closest(wanted, names.iter().copied())
                    .map(|name| format!(" (did you mean `{name}`?)"))
                    .unwrap_or_default();
                print_stderr(&format!(
                    "error: no rule `{wanted}`{hint}; `aiplan rules` lists them\n"
                ));
                return ExitCode::from(2);
            }
        },
    };
    if print_stdout(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn list() -> String {
    let rules = rules::all();
    let width = rules
        .iter()
        .map(|rule| rule.code.name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in rules {
        out.push_str(&format!(
            "{}  {:width$}  {:7}  {}\n",
            rule.code.code,
            rule.code.name,
            rule.code.severity.as_str(),
            rule.code.summary
        ));
    }
    out.push_str("\n`aiplan rules CODE` (or NAME) prints a rule's documentation.\n");
    out
}
