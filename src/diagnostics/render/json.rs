//! Diagnostics as JSON, the stable shape that scripts and the other
//! machine formats build on:
//! `{"diagnostics":[{"code","rule","severity","message","file","line",
//! "column","end_line","end_column","help"}],"summary":{"files","errors","warnings"}}`.
//! Lines and columns are 1-based; columns count Unicode scalar values.

use crate::diagnostics::{Diagnostic, Summary};
use crate::source::Sources;
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

pub fn render_json(sources: &Sources, diagnostics: &[Diagnostic], summary: Summary) -> String {
    let diagnostics = diagnostics
        .iter()
        .map(|diagnostic| {
            let file = sources.get(diagnostic.primary.file);
            let start = file.position(diagnostic.primary.span.start);
            let end = file.position(diagnostic.primary.span.end);
            JsonDiagnostic {
                code: diagnostic.code.code,
                rule: diagnostic.code.name,
                severity: diagnostic.severity.as_str(),
                message: &diagnostic.message,
                file: &file.name,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                help: diagnostic.help.as_deref(),
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&JsonReport {
        diagnostics,
        summary,
    })
    .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"));
    out.push('\n');
    out
}
