//! Diagnostics as GitHub Actions workflow commands, one line each:
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE rule::message`.
//! GitHub shows them as annotations on the pull request.
//!
//! Escaping follows the runner (`@actions/core`): in the message `%`, `\r`
//! and `\n`; in property values also `:` and `,`. GitHub only accepts `col`
//! and `endColumn` on an annotation that starts and ends on one line (as
//! ruff's GitHub renderer does), so multi-line spans carry lines only.
//! Severities map error → `::error`, warning → `::warning`, info →
//! `::notice`. Files are named relative to the repository root.

use super::RepoPaths;
use crate::diagnostics::{Diagnostic, Severity};
use crate::source::Sources;
use std::fmt::Write as _;

pub fn render_github(sources: &Sources, diagnostics: &[Diagnostic], paths: &RepoPaths) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let file = sources.get(diagnostic.primary.file);
        let start = file.position(diagnostic.primary.span.start);
        let end = file.position(diagnostic.primary.span.end);
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let name = paths.locate(file).display_path(file);
        let _ = write!(
            out,
            "::{command} file={},line={}",
            escape_property(&name),
            start.line
        );
        if start.line == end.line {
            let _ = write!(
                out,
                ",col={},endLine={},endColumn={}",
                start.column, end.line, end.column
            );
        } else {
            let _ = write!(out, ",endLine={}", end.line);
        }
        let title = format!("{} {}", diagnostic.code.code, diagnostic.code.name);
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            ",title={}::{}",
            escape_property(&title),
            escape_data(&message)
        );
    }
    out
}

/// Escapes a message as `@actions/core`'s `escapeData` does.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            other => out.push(other),
        }
    }
    out
}

/// Escapes a property value as `@actions/core`'s `escapeProperty` does.
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_core() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }
}
