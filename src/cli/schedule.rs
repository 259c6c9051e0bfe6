//! `aiplan schedule PLAN`: the critical-path schedule.

use super::plan_input::{PlanArgs, load};
use super::{print_stderr, print_stdout};
use crate::emit::schedule;
use clap::{Args, ValueEnum};
use std::process::ExitCode;

/// Schedule the plan's phases by the critical path method: earliest and
/// latest start and finish, float, the critical path and the total duration
/// (dates too when the plan has `start`).
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_CODES)]
pub struct ScheduleArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// `table` for people, `json` or `csv` for tools.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

pub fn run(args: &ScheduleArgs) -> ExitCode {
    let loaded = match load(&args.plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some((plan, times)) = loaded
        .plan()
        .and_then(|plan| Some((plan, plan.analysis.schedule.as_ref()?)))
    else {
        print_stderr("error: the plan cannot be scheduled until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    let text = match args.format {
        Format::Table => schedule::table(plan, times),
        Format::Json => schedule::json(plan, times),
        Format::Csv => schedule::csv(plan, times),
    };
    if !print_stdout(&text) {
        return ExitCode::from(2);
    }
    loaded.exit
}
