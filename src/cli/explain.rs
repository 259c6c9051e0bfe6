//! `aiplan explain PLAN`: the compute-strategy decision with its trace.

use super::plan_input::{PlanArgs, load};
use super::{print_stderr, print_stdout};
use crate::emit::decision;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

/// Explain the compute-strategy decision: the rule that fired, the rules
/// that also matched and were outranked, and why each other rule did not
/// match.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_CODES)]
pub struct ExplainArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &ExplainArgs) -> ExitCode {
    let loaded = match load(&args.plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(plan) = loaded.plan() else {
        print_stderr("error: the plan cannot be explained until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    let Some(decided) = plan.decision.as_ref() else {
        print_stderr("error: the plan has no compute decision\n");
        return ExitCode::from(1);
    };
    let text = match args.format {
        Format::Text => decision::text(decided),
        Format::Json => decision::json(decided),
    };
    if !print_stdout(&text) {
        return ExitCode::from(2);
    }
    loaded.exit
}
