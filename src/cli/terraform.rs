//! `aiplan terraform PLAN -o DIR`: the Terraform configuration that starts
//! the platform team off on the decided strategy.

use super::plan_input::{PlanArgs, load};
use super::print_stderr;
use crate::emit::output::{GeneratedFile, Mode, OutputError, emit, file_is_generated};
use crate::emit::terraform;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write a Terraform configuration for the decided compute strategy:
/// `versions.tf`, `providers.tf`, `variables.tf`, `outputs.tf`, `plan.tf`
/// and one file per concern. Values aiplan guesses are variables marked
/// TODO.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_CODES)]
pub struct TerraformArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// The directory to write the configuration into (created if missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    output: PathBuf,
    /// Overwrite files that aiplan did not generate.
    #[arg(long, conflicts_with = "check")]
    force: bool,
    /// Write nothing; exit 1 when the files on disk differ from what would
    /// be generated (for CI).
    #[arg(long)]
    check: bool,
}

pub fn run(args: &TerraformArgs) -> ExitCode {
    let loaded = match load(&args.plan) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(plan) = loaded.plan() else {
        print_stderr("error: no Terraform is written until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    if loaded.report.has_errors() {
        print_stderr("error: no Terraform is written until the errors above are fixed\n");
        return ExitCode::from(1);
    }
    let files = terraform::generate(plan);
    let mode = if args.check {
        Mode::Check
    } else {
        Mode::Write { force: args.force }
    };
    let mut outcome = match emit(&args.output, &files, mode) {
        Ok(outcome) => outcome,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            return ExitCode::from(match error {
                OutputError::NotGenerated(_) => 1,
                _ => 2,
            });
        }
    };
    // A generated file that is no longer generated (the strategy changed)
    // would still be read by Terraform: report it, or remove it.
    for orphan in orphans(&args.output, &files) {
        if args.check {
            outcome.stale.push((
                orphan,
                "no longer generated; it would be removed".to_string(),
            ));
        } else if let Err(error) = std::fs::remove_file(args.output.join(&orphan)) {
            print_stderr(&format!(
                "error: cannot remove {}: {error}\n",
                orphan.display()
            ));
            return ExitCode::from(2);
        } else {
            print_stderr(&format!(
                "removed {} (no longer generated)\n",
                orphan.display()
            ));
        }
    }
    print_stderr(&outcome.describe());
    if !outcome.stale.is_empty() {
        print_stderr(&format!(
            "error: {} file{} in {} {} stale; run `aiplan terraform` without --check to update\n",
            outcome.stale.len(),
            if outcome.stale.len() == 1 { "" } else { "s" },
            args.output.display(),
            if outcome.stale.len() == 1 {
                "is"
            } else {
                "are"
            },
        ));
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `*.tf` files directly in `dir` (regular files, not links) that start
/// with aiplan's header line but are not among `files`, by name. A file
/// that only mentions the words elsewhere is a person's, and is kept.
fn orphans(dir: &Path, files: &[GeneratedFile]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| PathBuf::from(entry.file_name()))
        .filter(|name| name.extension().is_some_and(|extension| extension == "tf"))
        .filter(|name| !files.iter().any(|file| &file.path == name))
        .filter(|name| file_is_generated(&dir.join(name)))
        .collect();
    found.sort();
    found
}
