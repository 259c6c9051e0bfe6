//! `aiplan completions SHELL`: the shell completion script, on standard
//! output, generated from the same definition as the parser.

use super::{Cli, print_stdout};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::process::ExitCode;

const COMPLETIONS_AFTER_HELP: &str = "\
Install:
  bash        aiplan completions bash > ~/.local/share/bash-completion/completions/aiplan
  zsh         aiplan completions zsh > \"${fpath[1]}/_aiplan\"
  fish        aiplan completions fish > ~/.config/fish/completions/aiplan.fish
  powershell  aiplan completions powershell >> $PROFILE
  elvish      aiplan completions elvish >> ~/.config/elvish/rc.elv";

/// Print the completion script for a shell on standard output.
#[derive(Debug, Args)]
#[command(after_help = COMPLETIONS_AFTER_HELP)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> ExitCode {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "aiplan", &mut script);
    if print_stdout(&String::from_utf8_lossy(&script)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
