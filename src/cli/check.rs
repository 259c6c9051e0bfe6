//! `aiplan check PATH...`: load, validate and report.

use super::{print_stderr, print_stdout};
use crate::baseline;
use crate::check::{Input, check};
use crate::diagnostics::render::{
    ColorChoice, RepoPaths, render_github, render_human, render_json, render_sarif,
};
use crate::load::Limits;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Check plans and report every problem at its file, line and column.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_CODES)]
pub struct CheckArgs {
    /// Plan files, phase documents, or directories (their *.yaml and *.yml
    /// plans); `-` reads one plan from standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format: `human` on standard error; `json`, `sarif` (SARIF
    /// 2.1.0, for code scanning) or `github` (GitHub Actions annotations) on
    /// standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit 1 when there are warnings, not only errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Leave out the findings recorded in this baseline (written by
    /// `--write-baseline`): only new findings are reported and count.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE as a baseline, then report them
    /// as usual.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Allow `include:` paths that are absolute or lead outside the plan's
    /// repository. Only for plans you trust: diagnostics quote included files.
    #[arg(long)]
    allow_outside_root: bool,
    /// Largest plan file to read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,
    /// When to colour human output (`auto` follows NO_COLOR and whether
    /// standard error is a terminal).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Diagnostics with source lines, on standard error.
    Human,
    /// One JSON document (the stable report shape).
    Json,
    /// SARIF 2.1.0, paths relative to the repository root.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let limits = Limits {
        max_file_size: args.max_file_size,
        allow_outside_root: args.allow_outside_root,
        ..Limits::default()
    };
    let inputs: Vec<Input> = args
        .paths
        .iter()
        .map(|path| Input::from_arg(path))
        .collect();
    // A corrupt baseline is a usage problem, found before any checking.
    let known = match args.baseline.as_deref().map(baseline::read).transpose() {
        Ok(known) => known,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            return ExitCode::from(2);
        }
    };
    let mut report = match check(&inputs, &limits) {
        Ok(report) => report,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.write_baseline {
        let recorded = baseline::record(&report.sources, &report.diagnostics);
        if let Err(error) = baseline::write(path, &recorded) {
            print_stderr(&format!("error: {error}\n"));
            return ExitCode::from(2);
        }
    }
    if let Some(known) = &known {
        baseline::apply(known, &report.sources, &mut report.diagnostics);
    }
    let summary = report.summary();
    let machine = match args.format {
        Format::Human => {
            print_stderr(&render_human(
                &report.sources,
                &report.diagnostics,
                summary,
                args.color,
            ));
            None
        }
        Format::Json => Some(render_json(&report.sources, &report.diagnostics, summary)),
        Format::Sarif => Some(render_sarif(
            &report.sources,
            &report.diagnostics,
            &RepoPaths::discover(),
        )),
        Format::Github => Some(render_github(
            &report.sources,
            &report.diagnostics,
            &RepoPaths::discover(),
        )),
    };
    if let Some(text) = machine
        && !print_stdout(&text)
    {
        return ExitCode::from(2);
    }
    // The process ends here: freeing a 100,000-phase plan node by node
    // would cost a tenth of the run, and the OS reclaims it at once.
    std::mem::forget(report);
    if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
