//! The arguments and loading shared by commands that work on one plan
//! (`schedule`, `graph`): check it, show its diagnostics on standard error,
//! and hand over the checked plan.

use super::print_stderr;
use crate::check::{CheckReport, CheckedPlan, Input, check};
use crate::diagnostics::render::{ColorChoice, render_human};
use crate::load::Limits;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The plan file (or phase document); `-` reads it from standard input.
    plan: PathBuf,
    /// Allow `include:` paths that are absolute or lead outside the plan's
    /// repository.
    #[arg(long)]
    allow_outside_root: bool,
    /// Largest plan file to read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,
    /// When to colour diagnostics.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// A plan that was checked, and the exit code its diagnostics call for.
pub struct LoadedPlan {
    pub report: CheckReport,
    pub exit: ExitCode,
}

impl LoadedPlan {
    pub fn plan(&self) -> Option<&CheckedPlan> {
        self.report.plans.first()
    }
}

/// Checks the plan and prints its diagnostics (warnings too) on standard
/// error. `Err` carries the exit code when nothing can be produced.
pub fn load(args: &PlanArgs) -> Result<LoadedPlan, ExitCode> {
    if args.plan.is_dir() {
        print_stderr(&format!(
            "error: {} is a directory; name one plan file\n",
            args.plan.display()
        ));
        return Err(ExitCode::from(2));
    }
    let limits = Limits {
        max_file_size: args.max_file_size,
        allow_outside_root: args.allow_outside_root,
        ..Limits::default()
    };
    let report = match check(&[Input::from_arg(&args.plan)], &limits) {
        Ok(report) => report,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            return Err(ExitCode::from(2));
        }
    };
    let summary = report.summary();
    if !report.diagnostics.is_empty() {
        print_stderr(&render_human(
            &report.sources,
            &report.diagnostics,
            summary,
            args.color,
        ));
    }
    let exit = if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    Ok(LoadedPlan { report, exit })
}
