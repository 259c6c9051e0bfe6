//! `aiplan schema`: print the published JSON Schema.

use super::print_stdout;
use clap::Args;
use std::process::ExitCode;

/// Print the JSON Schema (draft 2020-12) of plan files, phase documents and
/// plan fragments, as committed in schemas/aiplan.schema.json.
#[derive(Debug, Args)]
pub struct SchemaArgs {}

pub fn run(_args: &SchemaArgs) -> ExitCode {
    if print_stdout(&crate::schema::render()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
