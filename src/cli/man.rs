//! `aiplan man [-o DIR]`: manual pages in roff, generated from the same
//! definition as the parser. Without `-o`, the top page `aiplan(1)` goes to
//! standard output (`aiplan man | man -l -`); with `-o DIR`, `aiplan.1` and
//! one page per subcommand (`aiplan-check.1`, …) are written into DIR.

use super::{Cli, print_stderr, print_stdout};
use clap::{Args, CommandFactory};
use clap_mangen::Man;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MAN_EXIT_CODES: &str = "\
Exit codes:
  0  the pages were written
  2  usage or I/O problem (a directory that cannot be created, a file that
     cannot be written)";

/// Write the manual pages: `aiplan.1` on standard output, or with `-o DIR`
/// that page and one per subcommand (`aiplan-check.1`, …) into DIR.
#[derive(Debug, Args)]
#[command(after_help = MAN_EXIT_CODES)]
pub struct ManArgs {
    /// The directory to write the pages into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
}

pub fn run(args: &ManArgs) -> ExitCode {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(dir) = args.output.as_deref() else {
        return match render(&page_of(command)) {
            Ok(page) if print_stdout(&String::from_utf8_lossy(&page)) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(2),
            Err(error) => {
                print_stderr(&format!("error: cannot render the manual page: {error}\n"));
                ExitCode::from(2)
            }
        };
    };
    if let Err(error) = std::fs::create_dir_all(dir) {
        print_stderr(&format!(
            "error: cannot create {}: {error}\n",
            dir.display()
        ));
        return ExitCode::from(2);
    }
    match write_pages(command, dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            print_stderr(&format!("error: {error}\n"));
            ExitCode::from(2)
        }
    }
}

fn page_of(command: clap::Command) -> Man {
    Man::new(command)
        .source(format!("aiplan {}", env!("CARGO_PKG_VERSION")))
        .manual("aiplan Manual")
}

/// The page of `command` and of each of its visible subcommands, as
/// `NAME.1` in `dir` (subcommands are named `aiplan-SUB` once built).
fn write_pages(command: clap::Command, dir: &Path) -> Result<(), String> {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_pages(sub.clone(), dir)?;
    }
    let page = page_of(command);
    let path = dir.join(page.get_filename());
    let text =
        render(&page).map_err(|error| format!("cannot render {}: {error}", path.display()))?;
    std::fs::write(&path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// One page in roff.
fn render(page: &Man) -> std::io::Result<Vec<u8>> {
    let mut text = Vec::new();
    page.render(&mut text)?;
    Ok(text)
}
