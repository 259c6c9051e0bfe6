//! `aiplan graph PLAN`: the dependency graph as DOT or Mermaid.

use super::plan_input::{PlanArgs, load};
use super::{print_stderr, print_stdout};
use crate::emit::graph;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

/// Print the phases' dependency graph, critical phases and edges
/// highlighted. A plan with graph errors (a cycle, say) is still drawn, and
/// the command exits 1.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_CODES)]
pub struct GraphArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// `dot` for Graphviz, `mermaid` for a Mermaid flowchart.
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Dot,
    Mermaid,
}

pub fn run(args: &GraphArgs) -> ExitCode {
    let loaded = match load(&args.plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(plan) = loaded.plan() else {
        print_stderr("error: the plan cannot be drawn until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    let text = match args.format {
        Format::Dot => graph::dot(plan),
        Format::Mermaid => graph::mermaid(plan),
    };
    if !print_stdout(&text) {
        return ExitCode::from(2);
    }
    loaded.exit
}
