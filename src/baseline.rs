//! Baselines: the findings a plan already has, recorded with
//! `--write-baseline FILE`, so that a team can adopt aiplan on an old plan
//! and, with `--baseline FILE`, fail only on new findings.
//!
//! A finding is matched by its rule, its file (relative to the repository
//! root) and its message — which names the node it is about (the phase, the
//! key path) — never by line or column, so edits elsewhere in the file do not
//! resurrect it. Matching counts repeats: two identical findings need two
//! entries.

use crate::diagnostics::Diagnostic;
use crate::diagnostics::render::RepoPaths;
use crate::load::{TextError, read_text};
use crate::source::{SourceFile, Sources};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The format version written into baseline files.
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version; `1`.
    pub version: u32,
    /// Known findings, sorted.
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The rule's name, such as `missing-rollback`.
    pub rule: String,
    /// The file, relative to the repository root.
    pub file: String,
    pub message: String,
}

fn entry(sources: &Sources, paths: &RepoPaths, diagnostic: &Diagnostic) -> Entry {
    let file = sources.get(diagnostic.primary.file);
    Entry {
        rule: diagnostic.code.name.to_string(),
        file: paths.locate(file).display_path(file),
        message: diagnostic.message.clone(),
    }
}

/// The baseline of a run's findings.
pub fn record(sources: &Sources, diagnostics: &[Diagnostic]) -> Baseline {
    let paths = RepoPaths::discover();
    let mut findings: Vec<Entry> = diagnostics
        .iter()
        .map(|diagnostic| entry(sources, &paths, diagnostic))
        .collect();
    findings.sort();
    Baseline {
        version: VERSION,
        findings,
    }
}

/// Drops the findings the baseline knows; returns how many it dropped.
pub fn apply(baseline: &Baseline, sources: &Sources, diagnostics: &mut Vec<Diagnostic>) -> usize {
    let paths = RepoPaths::discover();
    let mut known: HashMap<&Entry, usize> = HashMap::new();
    for finding in &baseline.findings {
        *known.entry(finding).or_default() += 1;
    }
    let before = diagnostics.len();
    diagnostics.retain(|diagnostic| {
        let entry = entry(sources, &paths, diagnostic);
        match known.get_mut(&entry) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        }
    });
    before - diagnostics.len()
}

/// The largest baseline read: 64 MiB, far more than the findings of any
/// plan within `--max-file-size` come to.
pub const MAX_SIZE: u64 = 64 * 1024 * 1024;

/// Reads a baseline file; the error says what is wrong and where. Only a
/// regular file (or a link to one) of at most [`MAX_SIZE`] bytes is read.
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = read_text(path, MAX_SIZE).map_err(|error| error.describe("baseline", path))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|error| {
        let (line, column) = json_position(path, &text, &error);
        format!(
            "the baseline {}:{line}:{column} is not a baseline aiplan wrote: {}; if it is a \
             damaged baseline, delete it and write it again with `aiplan check \
             --write-baseline {}`",
            path.display(),
            json_message(&error),
            path.display()
        )
    })?;
    if baseline.version != VERSION {
        return Err(format!(
            "the baseline {} has version {}, which this aiplan does not read (it reads {VERSION}); \
             write it again with `aiplan check --write-baseline`",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline)
}

/// The 1-based line and column (in characters, as everywhere else) of a
/// JSON error; `serde_json` counts columns in bytes and puts an error at the
/// start of a line, or in an empty file, at column 0.
fn json_position(path: &Path, text: &str, error: &serde_json::Error) -> (usize, usize) {
    let line_start = if error.line() <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(error.line() - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    // The column counts the bytes up to and including the one at fault.
    let offset = (line_start + error.column().saturating_sub(1)).min(text.len());
    let source = SourceFile::new(path.display().to_string(), None, text);
    let position = source.position(u32::try_from(offset).unwrap_or(u32::MAX));
    (position.line, position.column)
}

/// A JSON error's message without the ` at line L column C` it ends with.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(message) => message.to_string(),
        None => message,
    }
}

/// Whether the text is one `--write-baseline` may replace: an empty file or
/// a JSON object with the `version` and `findings` of a baseline (of any
/// version: an old baseline is written again). `Err` says what it is not.
fn replaceable(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|error| format!("it is not JSON: {}", json_message(&error)))?;
    match value.as_object() {
        Some(object)
            if object.get("version").is_some_and(serde_json::Value::is_u64)
                && object
                    .get("findings")
                    .is_some_and(serde_json::Value::is_array) =>
        {
            Ok(())
        }
        _ => Err("it is JSON without the `version` and `findings` of a baseline".into()),
    }
}

/// Where a baseline may be written: a new file, an existing baseline (the
/// file a link leads to, so the link stays) or an empty file. Anything
/// else (a plan, another JSON file, a directory, a FIFO, a device) is
/// refused. Returns the path to replace and the mode to keep, if any.
fn target(path: &Path) -> Result<(PathBuf, Option<std::fs::Permissions>), String> {
    let refuse = |why: String| {
        format!(
            "refusing to write the baseline to {}: {why}; delete it first if it may go, or pass \
             another file to `--write-baseline`",
            path.display()
        )
    };
    match std::fs::symlink_metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok((path.to_path_buf(), None));
        }
        Err(error) => {
            return Err(format!(
                "cannot write the baseline {}: {error}",
                path.display()
            ));
        }
        Ok(_) => {}
    }
    let text = match read_text(path, MAX_SIZE) {
        Ok(text) => text,
        Err(TextError::Utf8 { .. }) => {
            return Err(refuse(
                "it exists and is not a baseline (not UTF-8 text)".into(),
            ));
        }
        Err(TextError::TooLarge(limit)) => {
            return Err(refuse(format!(
                "it exists and is not a baseline (larger than {limit} bytes)"
            )));
        }
        Err(TextError::NotRegular(kind)) => {
            return Err(refuse(format!("it is not a regular file (it is {kind})")));
        }
        Err(TextError::BrokenLink(error)) => {
            return Err(refuse(format!(
                "it is a symbolic link that leads to no file ({error})"
            )));
        }
        Err(TextError::Io(error)) => {
            return Err(format!(
                "cannot write the baseline {}: {error}",
                path.display()
            ));
        }
    };
    replaceable(&text).map_err(|why| refuse(format!("it exists and is not a baseline ({why})")))?;
    let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let permissions = std::fs::metadata(&resolved)
        .ok()
        .map(|metadata| metadata.permissions());
    Ok((resolved, permissions))
}

/// Writes a baseline file atomically (a temporary file renamed over it). A
/// new file gets the mode any new file gets (0666 less the umask), a
/// rewritten one keeps its mode. See [`target`] for what is refused.
pub fn write(path: &Path, baseline: &Baseline) -> Result<(), String> {
    let (resolved, permissions) = target(path)?;
    let io =
        |error: std::io::Error| format!("cannot write the baseline {}: {error}", path.display());
    let mut text = serde_json::to_string_pretty(baseline).map_err(|error| error.to_string())?;
    text.push('\n');
    let dir = resolved
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".aiplan-baseline").suffix(".tmp");
    // `tempfile` creates files readable by their owner only; the mode is
    // given to `open`, so the umask applies as to any new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut temporary, text.as_bytes()).map_err(io)?;
    if let Some(permissions) = permissions {
        temporary
            .as_file()
            .set_permissions(permissions)
            .map_err(io)?;
    }
    temporary
        .persist(&resolved)
        .map_err(|error| io(error.error))?;
    Ok(())
}
