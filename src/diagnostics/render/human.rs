//! Diagnostics for people, drawn by miette: the message, the code, the
//! source lines with labels, and the help.
//!
//! Everything here comes from the plan in part, so every string handed to
//! miette goes through [`terminal::escape`], and the quoted source lines
//! show control characters and bidirectional overrides as visible escapes
//! too (see [`Window`]): a plan cannot drive the reader's terminal.

use crate::diagnostics::terminal::{self, escape};
use crate::diagnostics::{Diagnostic, Severity, Summary};
use crate::source::{self, FileId, SourceFile, Sources, Span};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::io::IsTerminal;

/// Whether to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard error is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                    && std::io::stderr().is_terminal()
            }
        }
    }
}

/// Renders every diagnostic and a closing summary line.
pub fn render_human(
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: Summary,
    color: ColorChoice,
) -> String {
    let theme = if color.enabled() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let report = to_miette(sources, diagnostic);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            // Rendering into a String cannot fail on I/O; fall back to one line.
            out.push_str(&escape(&diagnostic.message));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(summary));
    out
}

fn summary_line(summary: Summary) -> String {
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{}, {} in {}\n",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.files, "file")
    )
}

/// The longest line quoted in a snippet, in bytes. Longer lines (minified
/// or generated YAML) are not quoted: the diagnostic gives the location
/// instead. miette cannot pad a label past 65,535 columns, and a snippet
/// of a megabyte-long line helps nobody.
const MAX_QUOTED_LINE: usize = 1_000;

/// Whether every line a label of the diagnostic points at in `file` is
/// short enough to quote.
fn quotable(file: &SourceFile, spans: impl Iterator<Item = Span>) -> bool {
    spans.into_iter().all(|span| {
        let first = file.position(span.start).line;
        let last = file.position(span.end).line;
        (first..=last)
            .all(|line| file.line_start(line) - file.line_start(line - 1) <= MAX_QUOTED_LINE)
    })
}

/// The diagnostic without a snippet: its location is given as a note.
fn without_snippet(sources: &Sources, diagnostic: &Diagnostic) -> miette::Report {
    let locate = |label: &crate::diagnostics::Label| {
        let file = sources.get(label.file);
        let position = file.position(label.span.start);
        format!(
            "{}:{}:{}",
            escape(&file.name),
            position.line,
            position.column
        )
    };
    let mut notes = vec![format!(
        "at {}: {} (the line is too long to quote)",
        locate(&diagnostic.primary),
        escape(&diagnostic.primary.message)
    )];
    for label in &diagnostic.secondary {
        notes.push(format!("{}: {}", escape(&label.message), locate(label)));
    }
    if let Some(help) = &diagnostic.help {
        notes.push(escape(help).into_owned());
    }
    miette::Report::new(
        MietteDiagnostic::new(escape(&diagnostic.message))
            .with_code(format!("{} {}", diagnostic.code.code, diagnostic.code.name))
            .with_severity(miette_severity(diagnostic.severity))
            .with_help(notes.join("\n")),
    )
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn to_miette(sources: &Sources, diagnostic: &Diagnostic) -> miette::Report {
    let file_id = diagnostic.primary.file;
    let file = sources.get(file_id);
    let spans_in_file = || {
        std::iter::once(diagnostic.primary.span).chain(
            diagnostic
                .secondary
                .iter()
                .filter(|label| label.file == file_id)
                .map(|label| label.span),
        )
    };
    if !quotable(file, spans_in_file()) {
        return without_snippet(sources, diagnostic);
    }
    let window = Window::around(file_id, file, spans_in_file());
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(escape(&diagnostic.primary.message).into_owned()).filter(|m| !m.is_empty()),
        window.source_span(diagnostic.primary.span),
    )];
    let mut notes = Vec::new();
    for label in &diagnostic.secondary {
        if label.file == file_id {
            labels.push(LabeledSpan::new_with_span(
                Some(escape(&label.message).into_owned()),
                window.source_span(label.span),
            ));
        } else {
            let other = sources.get(label.file);
            let position = other.position(label.span.start);
            notes.push(format!(
                "{}: {}:{}:{}",
                escape(&label.message),
                escape(&other.name),
                position.line,
                position.column
            ));
        }
    }
    let mut help = diagnostic
        .help
        .as_deref()
        .map(|help| escape(help).into_owned())
        .unwrap_or_default();
    for note in notes {
        if !help.is_empty() {
            help.push('\n');
        }
        help.push_str(&note);
    }
    let mut report = MietteDiagnostic::new(escape(&diagnostic.message))
        .with_code(format!("{} {}", diagnostic.code.code, diagnostic.code.name))
        .with_severity(miette_severity(diagnostic.severity))
        .with_labels(labels);
    if !help.is_empty() {
        report = report.with_help(help);
    }
    miette::Report::new(report).with_source_code(window)
}

/// The lines of a file around a diagnostic's labels. miette finds lines by
/// scanning its source from the start; handing it only a window keeps
/// rendering fast when a large file has many findings.
///
/// The window holds the lines as they are shown: a control character, DEL
/// or bidirectional override in them is replaced by its visible escape
/// (tabs, which miette expands to spaces, and line ends are kept). Offsets
/// handed to miette are in that shown text, so labels underline the escape
/// where the file has the character; columns in the location line still
/// count the file's characters.
struct Window {
    name: String,
    text: String,
    offset: usize,
    first_line: usize,
    /// The escaped characters, in order.
    escapes: Vec<Escaped>,
}

/// One character of the file shown as an escape in the window.
struct Escaped {
    /// Where the character starts in the file's text, from the window start.
    original: usize,
    /// Its length in bytes.
    original_len: usize,
    /// Where its escape starts in the shown text, from the window start.
    shown: usize,
    /// The escape's length in bytes (and in characters: it is ASCII).
    shown_len: usize,
}

impl Window {
    const CONTEXT_LINES: usize = 3;

    fn around(_id: FileId, file: &SourceFile, spans: impl Iterator<Item = Span>) -> Window {
        let (mut low, mut high) = (u32::MAX, 0);
        for span in spans {
            low = low.min(span.start);
            high = high.max(span.end);
        }
        let start_line = file
            .position(low)
            .line
            .saturating_sub(Self::CONTEXT_LINES + 1);
        let end_line = file.position(high).line + Self::CONTEXT_LINES;
        let start = file.line_start(start_line);
        let end = file.line_start(end_line);
        let original = &file.text[start..end];
        let mut text = String::with_capacity(original.len());
        let mut escapes = Vec::new();
        let mut chars = original.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            match c {
                '\n' | '\t' => text.push(c),
                // CRLF ends a line, which miette knows.
                '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => text.push(c),
                // A lone CR that ends a line for `SourceFile` (YAML 1.2
                // counts it so) would be printed as it is by miette: it
                // becomes a line feed, of the same length, so no offset
                // moves and the line numbers still agree. Elsewhere it is
                // escaped like any other control.
                '\r' if file
                    .position(u32::try_from(start + index + 1).unwrap_or(u32::MAX))
                    .column
                    == 1 =>
                {
                    text.push('\n');
                }
                c if !terminal::is_unsafe(c) => text.push(c),
                c => {
                    let shown = text.len();
                    terminal::push_escaped(&mut text, c);
                    escapes.push(Escaped {
                        original: index,
                        original_len: c.len_utf8(),
                        shown,
                        shown_len: text.len() - shown,
                    });
                }
            }
        }
        Window {
            name: escape(&file.name).into_owned(),
            text,
            offset: start,
            first_line: start_line,
            escapes,
        }
    }

    /// Where a byte offset of the file is in the shown text (both counted
    /// from the file's start, as miette is given them).
    fn shown(&self, offset: usize) -> usize {
        let local = offset.saturating_sub(self.offset);
        let before = self
            .escapes
            .partition_point(|escaped| escaped.original < local);
        let local = match before.checked_sub(1).map(|index| &self.escapes[index]) {
            None => local,
            Some(escaped) => {
                let original_end = escaped.original + escaped.original_len;
                let shown_end = escaped.shown + escaped.shown_len;
                // An offset inside an escaped character snaps to its start.
                if local < original_end {
                    escaped.shown
                } else {
                    shown_end + (local - original_end)
                }
            }
        };
        self.offset + local
    }

    /// A span of the file as a span of the shown text.
    fn source_span(&self, span: Span) -> SourceSpan {
        let start = self.shown(span.start as usize);
        let end = self.shown(span.end as usize).max(start);
        SourceSpan::new(start.into(), end - start)
    }

    /// How many more characters the shown text has than the file between
    /// two offsets of the shown text (counted from the window start).
    fn extra_chars(&self, from: usize, to: usize) -> usize {
        let first = self.escapes.partition_point(|escaped| escaped.shown < from);
        self.escapes[first..]
            .iter()
            .take_while(|escaped| escaped.shown + escaped.shown_len <= to)
            .map(|escaped| escaped.shown_len - 1)
            .sum()
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let local_offset = span
            .offset()
            .saturating_sub(self.offset)
            .min(self.text.len());
        let local_len = span.len().min(self.text.len() - local_offset);
        let local = SourceSpan::new(local_offset.into(), local_len);
        let contents =
            self.text
                .as_str()
                .read_span(&local, context_lines_before, context_lines_after)?;
        let data_start = contents.data().as_ptr() as usize - self.text.as_ptr() as usize;
        let data = &self.text.as_bytes()[data_start..data_start + contents.data().len()];
        // miette counts the column in bytes; aiplan counts characters, as
        // the JSON output and editors do (and not a byte-order mark), and
        // in the file, where an escape shown in the window is one character.
        let line_start = self.text[..local_offset]
            .rfind('\n')
            .map_or(0, |index| index + 1);
        let column = self
            .text
            .get(line_start..local_offset)
            .map_or(contents.column(), |prefix| {
                source::columns(prefix, self.offset + line_start == 0)
                    .saturating_sub(self.extra_chars(line_start, local_offset))
            });
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            SourceSpan::new(
                (contents.span().offset() + self.offset).into(),
                contents.span().len(),
            ),
            contents.line() + self.first_line,
            column,
            contents.line_count(),
        )))
    }
}
