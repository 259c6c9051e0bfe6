//! `aiplan roadmap PLAN [-o FILE] [--templates DIR] [--force] [--check]`:
//! the Markdown roadmap, on standard output or written safely to a file.

use super::plan_input::{PlanArgs, load};
use super::{print_stderr, print_stdout};
use crate::check::CheckReport;
use crate::emit::output::{GeneratedFile, Mode, OutputError, emit};
use crate::emit::roadmap;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const ROADMAP_EXIT_CODES: &str = "\
Exit codes:
  0  the roadmap was written (or, with --check, is current)
  1  the plan has errors, the file is stale (--check), or a file aiplan did
     not generate is in the way (pass --force)
  2  usage or I/O problem, or a template that cannot be rendered";

/// Write the Markdown roadmap: summary, readiness, compute decision, data
/// foundation, phase table, gantt chart, dependency graph, optimisation,
/// teams and KPIs. Templates are built in; `--templates DIR` overrides any
/// of them by file name.
#[derive(Debug, Args)]
#[command(after_help = ROADMAP_EXIT_CODES)]
pub struct RoadmapArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// Write the roadmap to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A directory of templates that replace the built-in ones of the same
    /// name (`roadmap.md.j2`, `roadmap-schedule.md.j2`).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Overwrite FILE even when aiplan did not generate it.
    #[arg(long, requires = "output", conflicts_with = "check")]
    force: bool,
    /// Write nothing; exit 1 when FILE differs from what would be written.
    #[arg(long, requires = "output")]
    check: bool,
}

pub fn run(args: &RoadmapArgs) -> ExitCode {
    let loaded = match load(&args.plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let report: &CheckReport = &loaded.report;
    let Some(plan) = report.plans.first() else {
        print_stderr("error: the roadmap cannot be written until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    if report.has_errors() {
        print_stderr("error: the roadmap cannot be written until the errors above are fixed\n");
        return ExitCode::from(1);
    }
    let text = match roadmap::render(plan, &report.diagnostics, args.templates.as_deref()) {
        Ok(text) => text,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            return ExitCode::from(2);
        }
    };
    let Some(output) = args.output.as_deref() else {
        return if print_stdout(&text) {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    };
    write(output, text, args)
}

fn write(output: &Path, text: String, args: &RoadmapArgs) -> ExitCode {
    let (Some(name), dir) = (output.file_name(), output.parent()) else {
        print_stderr(&format!(
            "error: {} does not name a file\n",
            output.display()
        ));
        return ExitCode::from(2);
    };
    let dir = dir
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mode = if args.check {
        Mode::Check
    } else {
        Mode::Write { force: args.force }
    };
    let file = GeneratedFile {
        path: PathBuf::from(name),
        content: text,
    };
    match emit(dir, &[file], mode) {
        Ok(outcome) => {
            print_stderr(&outcome.describe());
            if outcome.stale.is_empty() {
                ExitCode::SUCCESS
            } else {
                print_stderr(
                    "the roadmap is stale: run the same command without --check to update it\n",
                );
                ExitCode::from(1)
            }
        }
        Err(error @ OutputError::NotGenerated(_)) => {
            print_stderr(&format!("error: {error}\n"));
            ExitCode::from(1)
        }
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            ExitCode::from(2)
        }
    }
}
