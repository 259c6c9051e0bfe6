//! The command line: one file per subcommand. Each returns the process exit
//! code: 0 clean, 1 findings, 2 usage or I/O problem.

mod audit;
mod check;
mod completions;
mod diff;
mod explain;
mod graph;
mod man;
mod plan_input;
mod roadmap;
mod rules;
mod schedule;
mod schema;
mod terraform;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

const EXIT_CODES: &str = "\
Exit codes:
  0  no errors (warnings allowed)
  1  errors found, or warnings with --deny-warnings
  2  usage or I/O problem (bad arguments, missing file, unreadable directory)";

/// A declarative planning compiler for moving legacy infrastructure onto
/// AI-ready infrastructure.
#[derive(Debug, Parser)]
#[command(name = "aiplan", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::CheckArgs),
    Schedule(schedule::ScheduleArgs),
    Graph(graph::GraphArgs),
    Explain(explain::ExplainArgs),
    Diff(diff::DiffArgs),
    Audit(audit::AuditArgs),
    Roadmap(roadmap::RoadmapArgs),
    Terraform(terraform::TerraformArgs),
    Rules(rules::RulesArgs),
    Schema(schema::SchemaArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// Parses the arguments, runs the subcommand and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version exit 0; usage errors exit 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Schedule(args) => schedule::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Roadmap(args) => roadmap::run(&args),
        Command::Terraform(args) => terraform::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}

/// Writes to standard output; a closed pipe (`aiplan … | head`) is not an
/// error worth a panic.
fn print_stdout(text: &str) -> bool {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_ok()
}

fn print_stderr(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
