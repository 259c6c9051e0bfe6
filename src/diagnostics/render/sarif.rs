//! Diagnostics as SARIF 2.1.0, for GitHub code scanning and other SARIF
//! viewers. One run; the driver's rules are the whole registry, each with
//! its documentation; every diagnostic is a result that points at its rule
//! by id and index.
//!
//! Files are named by URIs relative to the repository root under the base
//! id `%SRCROOT%` (whose absolute `file:` URI is in `originalUriBaseIds`),
//! as GitHub expects; a file outside the repository gets an absolute `file:`
//! URI. Columns count Unicode code points (`columnKind`), as everywhere in
//! aiplan; `endColumn` is the column just past the end. The output is
//! deterministic: the same diagnostics give the same bytes.

use super::{FileLocation, RepoPaths};
use crate::diagnostics::{ALL_CODES, Code, Diagnostic, Label, Severity};
use crate::rules::{self, Rule};
use crate::source::Sources;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// The key of aiplan's own partial fingerprint.
const FINGERPRINT: &str = "aiplan/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: MultiformatText,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct RuleProperties {
    /// The stable kebab-case name users configure the rule by.
    #[serde(rename = "aiplanName")]
    aiplan_name: &'static str,
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct MultiformatText {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

pub fn render_sarif(sources: &Sources, diagnostics: &[Diagnostic], paths: &RepoPaths) -> String {
    let registry = rules::all();
    let rules = ALL_CODES
        .iter()
        .map(|code| descriptor(code, registry.iter().find(|rule| rule.code == *code)))
        .collect();
    let mut uses_root = false;
    let mut occurrences: HashMap<(&str, String, &str), usize> = HashMap::new();
    let results = diagnostics
        .iter()
        .map(|diagnostic| {
            let mut location = |label: &Label, id: Option<usize>, message: Option<Text>| {
                let (artifact_location, relative) = artifact(sources, paths, label);
                uses_root |= relative;
                Location {
                    id,
                    physical_location: PhysicalLocation {
                        artifact_location,
                        region: region(sources, label),
                    },
                    message,
                }
            };
            let primary_message = Some(&diagnostic.primary.message)
                .filter(|message| !message.is_empty())
                .map(|message| Text {
                    text: message.clone(),
                });
            let locations = vec![location(&diagnostic.primary, None, primary_message)];
            let related_locations = diagnostic
                .secondary
                .iter()
                .enumerate()
                .map(|(index, label)| {
                    location(
                        label,
                        Some(index + 1),
                        Some(Text {
                            text: label.message.clone(),
                        }),
                    )
                })
                .collect();
            let uri = locations[0].physical_location.artifact_location.uri.clone();
            let occurrence = occurrences
                .entry((diagnostic.code.code, uri.clone(), &diagnostic.message))
                .or_default();
            *occurrence += 1;
            let fingerprint = fingerprint(&[
                diagnostic.code.code,
                &uri,
                &diagnostic.message,
                &occurrence.to_string(),
            ]);
            SarifResult {
                rule_id: diagnostic.code.code,
                rule_index: ALL_CODES
                    .iter()
                    .position(|code| *code == diagnostic.code)
                    .unwrap_or(0),
                level: level(diagnostic.severity),
                message: Text {
                    text: message_text(diagnostic),
                },
                locations,
                related_locations,
                partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
            }
        })
        .collect();
    let mut original_uri_base_ids = BTreeMap::new();
    if uses_root {
        original_uri_base_ids.insert(
            SRCROOT,
            ArtifactLocation {
                uri: directory_uri(&paths.root),
                uri_base_id: None,
            },
        );
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "aiplan",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            original_uri_base_ids,
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"));
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(code: &'static Code, rule: Option<&&'static Rule>) -> ReportingDescriptor {
    let (full, help, markdown) = match rule {
        Some(rule) => (
            rule.docs.what.trim().to_string(),
            format!(
                "{}\n\nWhy: {}\n\nExample:\n{}\nUse instead:\n{}",
                rule.docs.what.trim(),
                rule.docs.why.trim(),
                rule.docs.example,
                rule.docs.instead
            ),
            rule.markdown(),
        ),
        None => (
            code.summary.to_string(),
            code.summary.to_string(),
            code.summary.to_string(),
        ),
    };
    ReportingDescriptor {
        id: code.code,
        name: pascal_case(code.name),
        short_description: Text {
            text: code.summary.to_string(),
        },
        full_description: Text { text: full },
        help: MultiformatText {
            text: help,
            markdown,
        },
        default_configuration: Configuration {
            level: level(code.severity),
        },
        properties: RuleProperties {
            aiplan_name: code.name,
            tags: vec!["aiplan", category(code)],
        },
    }
}

/// The rule's family, from the hundreds digit of its code.
fn category(code: &Code) -> &'static str {
    match code.code.as_bytes().get(2) {
        Some(b'1') => "yaml",
        Some(b'2') => "schema",
        Some(b'3') => "include",
        Some(b'4') => "graph",
        Some(b'5') => "phase",
        Some(b'6') => "decision",
        _ => "domain",
    }
}

/// SARIF's friendly rule name is a single PascalCase identifier
/// (`unknown-key` → `UnknownKey`); the kebab-case name is kept in the
/// rule's properties.
fn pascal_case(kebab: &str) -> String {
    kebab
        .split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The message and, after a blank line, the help. SARIF viewers show only
/// this text, so it carries the fix too.
fn message_text(diagnostic: &Diagnostic) -> String {
    let mut text = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        text.push_str("\n\nhelp: ");
        text.push_str(help);
    }
    text
}

fn region(sources: &Sources, label: &Label) -> Region {
    let file = sources.get(label.file);
    let start = file.position(label.span.start);
    let end = file.position(label.span.end);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// The artifact location of a label's file, and whether it is relative to
/// `%SRCROOT%`.
fn artifact(sources: &Sources, paths: &RepoPaths, label: &Label) -> (ArtifactLocation, bool) {
    let file = sources.get(label.file);
    match paths.locate(file) {
        FileLocation::Relative(segments) => (
            ArtifactLocation {
                uri: segments
                    .iter()
                    .map(|segment| percent_encode(segment))
                    .collect::<Vec<_>>()
                    .join("/"),
                uri_base_id: Some(SRCROOT),
            },
            true,
        ),
        FileLocation::Absolute(path) => (
            ArtifactLocation {
                uri: file_uri(&path),
                uri_base_id: None,
            },
            false,
        ),
        FileLocation::Stdin => (
            ArtifactLocation {
                uri: percent_encode(&file.name),
                uri_base_id: Some(SRCROOT),
            },
            true,
        ),
    }
}

/// An absolute `file:` URI for a path.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        let text = component.as_os_str().to_string_lossy();
        match component {
            std::path::Component::RootDir => {}
            std::path::Component::Prefix(_) => {
                // A Windows drive: `file:///C:/…`.
                uri.push('/');
                uri.push_str(&text.replace('\\', "/"));
            }
            _ => {
                uri.push('/');
                uri.push_str(&percent_encode(&text));
            }
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// The `file:` URI of a directory, ending in `/` as SARIF requires for a
/// base URI.
fn directory_uri(path: &Path) -> String {
    let mut uri = file_uri(path);
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Percent-encodes one path segment: every byte of its UTF-8 outside
/// RFC 3986's unreserved set and a few safe sub-delimiters.
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b'='
            | b'@' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// A stable 64-bit FNV-1a hash of the parts, each followed by a NUL, in hex.
fn fingerprint(parts: &[&str]) -> String {
    let bytes = parts
        .iter()
        .flat_map(|part| part.bytes().chain(std::iter::once(0)));
    let hash = bytes.fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_segments() {
        assert_eq!(percent_encode("my plan ü.yaml"), "my%20plan%20%C3%BC.yaml");
        assert_eq!(percent_encode("a%b:c,d#e?f"), "a%25b%3Ac%2Cd%23e%3Ff");
        assert_eq!(pascal_case("unknown-key"), "UnknownKey");
        assert_eq!(
            directory_uri(Path::new("/srv/my repo")),
            "file:///srv/my%20repo/"
        );
    }
}
