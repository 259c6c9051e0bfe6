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
use crate::source::Sources;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

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

/// Reads a baseline file; the error says what is wrong and where.
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read the baseline {}: {error}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|error| {
        format!(
            "the baseline {}:{}:{} is not a baseline aiplan wrote: {error}; write it again with \
             `aiplan check --write-baseline {}`",
            path.display(),
            error.line(),
            error.column(),
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

/// Writes a baseline file atomically.
pub fn write(path: &Path, baseline: &Baseline) -> Result<(), String> {
    let io =
        |error: std::io::Error| format!("cannot write the baseline {}: {error}", path.display());
    let mut text = serde_json::to_string_pretty(baseline).map_err(|error| error.to_string())?;
    text.push('\n');
    let dir = path
        .parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut temporary, text.as_bytes()).map_err(io)?;
    temporary.persist(path).map_err(|error| io(error.error))?;
    Ok(())
}
