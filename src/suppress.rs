//! Inline suppressions that stay honest, and the pass that applies them and
//! the configuration (`aiplan.toml`) to a run's findings.
//!
//! A suppression is a YAML comment on the line of a finding or on the line
//! before it:
//!
//! ```yaml
//! # aiplan-ignore: missing-rollback -- the pilot runs on a throwaway sandbox
//! - id: pilot
//! ```
//!
//! Rules are named by name or code, several separated by commas. The reason
//! after `--` is required: a suppression without one suppresses nothing and
//! is reported (`suppression-without-reason`). A named rule that suppresses
//! nothing is reported (`unused-suppression`), and so is a name that is not a
//! rule or names a finding that cannot be suppressed (`invalid-suppression`):
//! YAML (AP1xx) and schema (AP2xx) findings, dependency cycles (AP404) and the
//! suppression findings themselves (AP8xx).
//!
//! Comments are found by scanning the text, since the parser does not report
//! them: a `#` is a comment when it starts a line or follows a space or tab
//! outside a quoted scalar (single or double quoted, also over several
//! lines) and outside a block scalar (`|`, `>`). See `comments` for limits.

use crate::check::InputError;
use crate::config::Configs;
use crate::diagnostics::{self as diag, Code, Diagnostic, Label, Severity, find_code};
use crate::source::{FileId, Sources, Span};
use std::collections::HashMap;

/// Whether findings of `code` stand whatever suppressions or configuration
/// say: the plan cannot be read (YAML, schema), its order is undefined
/// (a dependency cycle), or the finding is about a suppression.
pub fn unsuppressible(code: &Code) -> bool {
    code.code.starts_with("AP1")
        || code.code.starts_with("AP2")
        || code.code == diag::DEPENDENCY_CYCLE.code
        || code.code.starts_with("AP8")
}

/// Applies inline suppressions, then the configuration found for each file,
/// to every finding of a run. Called once, after all diagnostics are
/// collected. `Err` is a broken configuration (exit 2).
pub fn apply(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) -> Result<(), InputError> {
    apply_suppressions(sources, diagnostics);
    let mut configs = Configs::default();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for mut diagnostic in diagnostics.drain(..) {
        let file = sources.get(diagnostic.primary.file);
        let config = configs
            .for_file(diagnostic.primary.file, file)
            .map_err(InputError)?;
        if let Some(config) = config {
            if unsuppressible_by_config(diagnostic.code) {
                kept.push(diagnostic);
                continue;
            }
            if file
                .path
                .as_deref()
                .is_some_and(|path| config.ignores(path))
            {
                continue;
            }
            match config.severity(diagnostic.code) {
                Some(None) => continue,
                Some(Some(severity)) => diagnostic.severity = severity,
                None => {}
            }
        }
        kept.push(diagnostic);
    }
    *diagnostics = kept;
    Ok(())
}

/// The configuration can set the severity of the suppression findings, but
/// not of findings that make the plan unreadable or unorderable.
pub fn unsuppressible_by_config(code: &Code) -> bool {
    unsuppressible(code) && !code.code.starts_with("AP8")
}

/// One `# aiplan-ignore:` comment.
#[derive(Debug)]
struct Suppression {
    file: FileId,
    /// 0-based line of the comment.
    line: usize,
    span: Span,
    /// The rules it suppresses, with whether one of their findings was.
    rules: Vec<(&'static Code, bool)>,
}

fn apply_suppressions(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut suppressions = Vec::new();
    for index in 0..sources.len() {
        let file = FileId(index as u32);
        let text = &sources.get(file).text;
        // Every suppression names itself; most files have none, and a
        // substring search is far cheaper than reading every comment.
        if !text.contains(SUPPRESSION_MARKER) {
            continue;
        }
        for comment in comments(text) {
            if let Some(suppression) = parse(file, text, &comment, &mut found) {
                suppressions.push(suppression);
            }
        }
    }
    if suppressions.is_empty() {
        diagnostics.extend(found);
        return;
    }
    let mut by_line: HashMap<(FileId, usize), Vec<usize>> = HashMap::new();
    for (index, suppression) in suppressions.iter().enumerate() {
        by_line
            .entry((suppression.file, suppression.line))
            .or_default()
            .push(index);
    }
    diagnostics.retain(|diagnostic| {
        if unsuppressible(diagnostic.code) {
            return true;
        }
        let file = diagnostic.primary.file;
        let line = sources
            .get(file)
            .position(diagnostic.primary.span.start)
            .line
            - 1;
        let mut suppressed = false;
        for candidate in [Some(line), line.checked_sub(1)].into_iter().flatten() {
            for &index in by_line.get(&(file, candidate)).into_iter().flatten() {
                for (code, used) in &mut suppressions[index].rules {
                    if code.code == diagnostic.code.code {
                        *used = true;
                        suppressed = true;
                    }
                }
            }
        }
        !suppressed
    });
    // A finding that stops the lints (the plan cannot be read, or a part of
    // it is missing) leaves suppressions waiting for findings that were
    // never looked for; they are not called unused then.
    let lints_ran = !diagnostics.iter().any(|diagnostic| {
        diagnostic.severity == Severity::Error
            && ["AP1", "AP2", "AP3"]
                .iter()
                .any(|stage| diagnostic.code.code.starts_with(stage))
    });
    if lints_ran {
        for suppression in &suppressions {
            for (code, used) in &suppression.rules {
                if !used {
                    found.push(
                        Diagnostic::new(
                            &diag::UNUSED_SUPPRESSION,
                            format!(
                                "the suppression of `{}` ({}) suppresses nothing",
                                code.name, code.code
                            ),
                            Label::new(
                                suppression.file,
                                suppression.span,
                                format!("no `{}` finding on this line or the next", code.name),
                            ),
                        )
                        .with_help(
                            "remove the rule from the comment (or the comment), so that the \
                             suppression does not hide a finding that appears later",
                        ),
                    );
                }
            }
        }
    }
    diagnostics.extend(found);
}

/// The word that starts a suppression comment.
const SUPPRESSION_MARKER: &str = "aiplan-ignore";

/// Reads one comment as a suppression; reports a malformed one in `found`.
fn parse(
    file: FileId,
    text: &str,
    comment: &Comment,
    found: &mut Vec<Diagnostic>,
) -> Option<Suppression> {
    let body = text[comment.start + 1..comment.end].trim();
    let rest = body.strip_prefix(SUPPRESSION_MARKER)?;
    let span = Span::new(
        comment.start,
        comment.start + 1 + text[comment.start + 1..comment.end].trim_end().len(),
    );
    let label = |message: &str| Label::new(file, span, message);
    let Some(rest) = rest.trim_start().strip_prefix(':') else {
        found.push(
            Diagnostic::new(
                &diag::INVALID_SUPPRESSION,
                "`aiplan-ignore` must be followed by `:` and the rules it suppresses",
                label("no `:` after `aiplan-ignore`"),
            )
            .with_help("write `# aiplan-ignore: RULE -- REASON`"),
        );
        return None;
    };
    let (names, reason) = match rest.split_once("--") {
        Some((names, reason)) => (names, reason.trim()),
        None => (rest, ""),
    };
    let names: Vec<&str> = names
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        found.push(
            Diagnostic::new(
                &diag::INVALID_SUPPRESSION,
                "the suppression names no rule",
                label("no rule named"),
            )
            .with_help("write `# aiplan-ignore: RULE -- REASON`, RULE a name such as `missing-rollback` or a code such as `AP501`"),
        );
        return None;
    }
    if reason.is_empty() {
        found.push(
            Diagnostic::new(
                &diag::SUPPRESSION_WITHOUT_REASON,
                format!(
                    "the suppression of {} gives no reason, so it suppresses nothing",
                    names
                        .iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                label("no reason after `--`"),
            )
            .with_help(
                "say why the finding does not apply, after `--`: \
                 `# aiplan-ignore: missing-rollback -- the pilot runs on a throwaway sandbox`",
            ),
        );
        return None;
    }
    let mut rules: Vec<(&'static Code, bool)> = Vec::new();
    for name in names {
        match find_code(name) {
            None => {
                let close = crate::diagnostics::ALL_CODES
                    .iter()
                    .map(|code| (strsim::jaro_winkler(name, code.name), code.name))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, name)| name);
                let mut diagnostic = Diagnostic::new(
                    &diag::INVALID_SUPPRESSION,
                    format!("the suppression names `{name}`, which is not a rule"),
                    label("unknown rule"),
                );
                diagnostic = match close {
                    Some(close) => diagnostic.with_help(format!("did you mean `{close}`?")),
                    None => diagnostic.with_help("`aiplan rules` lists the rules"),
                };
                found.push(diagnostic);
            }
            Some(code) if unsuppressible(code) => found.push(
                Diagnostic::new(
                    &diag::INVALID_SUPPRESSION,
                    format!("`{}` ({}) cannot be suppressed", code.name, code.code),
                    label("cannot be suppressed"),
                )
                .with_help(
                    "YAML and schema errors, dependency cycles and findings about \
                     suppressions always stand: fix the plan instead",
                ),
            ),
            Some(code) => {
                if !rules.iter().any(|(known, _)| known.code == code.code) {
                    rules.push((code, false));
                }
            }
        }
    }
    (!rules.is_empty()).then_some(Suppression {
        file,
        line: comment.line,
        span,
        rules,
    })
}

/// A comment: from its `#` to the end of its line (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment {
    /// 0-based line.
    pub line: usize,
    /// Offset of the `#`.
    pub start: usize,
    /// Offset of the line's end (before `\r\n` or `\n`).
    pub end: usize,
}

/// The comments of a YAML text.
///
/// A `#` starts a comment at the start of a line or after a space or tab,
/// outside quoted scalars and block scalars. A quote opens a quoted scalar
/// only where a scalar can start: at the start of the line's content or
/// after `:`, `-`, `?`, `,`, `[` or `{` (so the apostrophe in
/// `name: it's` is text). A block scalar (`key: |`, `- >-`) runs over the
/// following lines indented more than its key (or its `-`), and blank
/// lines. Limits: a text that is not well-formed YAML may be read
/// differently than a parser would, and the content of a block scalar
/// whose header is followed by a comment (`key: | # note`) is still
/// recognised — only the header line's comment is a comment.
pub fn comments(text: &str) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut quote: Option<u8> = None;
    let mut block: Option<usize> = None;
    let mut offset = 0;
    for (number, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches('\n').trim_end_matches('\r');
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        let mut previous: Option<u8> = None;
        let mut comment_at = None;
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            match quote {
                Some(b'"') => {
                    if byte == b'\\' {
                        i += 2;
                        continue;
                    }
                    if byte == b'"' {
                        quote = None;
                        previous = Some(byte);
                    }
                }
                Some(_) => {
                    if byte == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        quote = None;
                        previous = Some(byte);
                    }
                }
                None => {
                    let after_space = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
                    if byte == b'#' && after_space {
                        comment_at = Some(i);
                        break;
                    }
                    let scalar_can_start = matches!(
                        previous,
                        None | Some(b':' | b'-' | b'?' | b',' | b'[' | b'{')
                    );
                    if (byte == b'"' || byte == b'\'')
                        && scalar_can_start
                        && (after_space || matches!(bytes[i - 1], b'[' | b'{' | b','))
                    {
                        quote = Some(byte);
                    } else if !matches!(byte, b' ' | b'\t') {
                        previous = Some(byte);
                    }
                }
            }
            i += 1;
        }
        if let Some(at) = comment_at {
            comments.push(Comment {
                line: number,
                start: start + at,
                end: start + line.len(),
            });
        }
        if quote.is_none() {
            let content = line[..comment_at.unwrap_or(line.len())].trim_end();
            block = block_parent(content);
        }
    }
    comments
}

/// When a line's content (without its comment) ends with a block scalar
/// header, the indentation its content must exceed.
fn block_parent(content: &str) -> Option<usize> {
    let (before, header) = match content.rfind([' ', '\t']) {
        Some(at) => (&content[..at], &content[at + 1..]),
        None => ("", content),
    };
    let mut chars = header.chars();
    if !matches!(chars.next(), Some('|' | '>')) {
        return None;
    }
    let rest: String = chars.collect();
    if rest.len() > 2
        || !rest
            .chars()
            .all(|c| c == '+' || c == '-' || c.is_ascii_digit())
    {
        return None;
    }
    let trimmed = before.trim_end();
    if !(trimmed.is_empty() || trimmed.ends_with(':') || trimmed.ends_with('-')) {
        return None;
    }
    // The key's column, after any `- ` entries; or the last `-`'s column.
    let mut column = before.len() - before.trim_start().len();
    let mut rest = &before[column..];
    let mut dash = None;
    while let Some(after) = rest.strip_prefix('-') {
        if !(after.is_empty() || after.starts_with([' ', '\t'])) {
            break;
        }
        dash = Some(column);
        let skipped = after.len() - after.trim_start().len();
        column += 1 + skipped;
        rest = after.trim_start();
    }
    if rest.trim().is_empty() {
        dash.or(if before.trim().is_empty() {
            Some(0)
        } else {
            None
        })
    } else {
        Some(column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment_texts(text: &str) -> Vec<&str> {
        comments(text)
            .into_iter()
            .map(|comment| &text[comment.start..comment.end])
            .collect()
    }

    #[test]
    fn finds_comments_outside_scalars() {
        let text = "# top\nname: \"a # b\" # one\nnote: 'it''s # no' # two\nurl: http://x#frag\nwho: it's # three\n";
        assert_eq!(comment_texts(text), ["# top", "# one", "# two", "# three"]);
    }

    #[test]
    fn skips_block_and_multiline_scalars() {
        let text = "a: |\n  # text\n\n  more # text\nb: x # four\nc:\n  - >-\n    # text\n  - d # five\ne: \"multi\n  # text\n  end\" # six\n- key: |\n    # text\n  other: 1 # seven\n";
        assert_eq!(
            comment_texts(text),
            ["# four", "# five", "# six", "# seven"]
        );
    }
}
