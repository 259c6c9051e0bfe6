//! Assembling one typed `Plan` from a unit's files: the top file's plan,
//! the sections of its fragments and the phases of its phase documents.
//!
//! Runs only on units whose files all passed the schema, so deserialising
//! cannot fail on shape; it reports sections that two files both define.

use super::stream::PhaseStream;
use super::{PHASE_DOCUMENT_NAME_KEY, Phase, Plan, SINGLE_SECTIONS};
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::load::{FileKind, LoadedFile, PHASES_KEY};
use crate::source::{FileId, Span};
use serde::Deserialize;
use serde_json::Value;

/// Where a phase was written: its file and the JSON pointer of its mapping
/// there (`/phases/3`, or `` for a phase document).
#[derive(Debug, Clone)]
pub struct PhaseSource {
    pub file: FileId,
    pub pointer: String,
}

/// A unit's plan, with where each phase came from (`phase_sources[i]` is
/// the source of `plan.phases[i]`).
#[derive(Debug, Clone)]
pub struct ResolvedPlan {
    pub plan: Plan,
    pub phase_sources: Vec<PhaseSource>,
    /// The plan file at the top, or `None` for a phase document checked on
    /// its own (which is one phase, not a plan).
    pub top_plan_file: Option<FileId>,
    /// Which file gave each top-level section (`requirements`, `compute`, …).
    pub section_files: Vec<(&'static str, FileId)>,
}

impl ResolvedPlan {
    /// The file that gave a top-level section, when one did.
    pub fn section_file(&self, key: &str) -> Option<FileId> {
        self.section_files
            .iter()
            .find(|(section, _)| *section == key)
            .map(|&(_, file)| file)
    }
}

/// Keys that only one file of a plan may give.
fn single_keys() -> impl Iterator<Item = &'static str> {
    ["name", "description", "owner", "start"]
        .into_iter()
        .chain(SINGLE_SECTIONS.iter().copied())
}

/// Builds the plan from `files`, the top file first (files that failed the
/// schema are left out by the caller), and the phases `stream` typed as
/// they were read. Each file's value is taken into the typed model (its
/// span tree stays for locating diagnostics), so a large plan is not held
/// twice.
pub fn build(
    files: &mut [&mut LoadedFile],
    stream: &mut PhaseStream,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ResolvedPlan> {
    let (top, rest) = files.split_first_mut()?;
    let mut given_by: Vec<(&str, FileId, Span)> = Vec::new();
    record_single_keys(top, &mut given_by);
    let mut resolved = match top.kind {
        FileKind::PhaseDocument => {
            let phase = phase_from_document(top, diagnostics)?;
            ResolvedPlan {
                plan: Plan {
                    aiplan: 1,
                    name: phase.display_name().to_string(),
                    phases: vec![phase],
                    ..Plan::default()
                },
                phase_sources: vec![PhaseSource {
                    file: top.id,
                    pointer: String::new(),
                }],
                top_plan_file: None,
                section_files: Vec::new(),
            }
        }
        FileKind::Plan | FileKind::Fragment => {
            let plan = deserialize_plan(top, stream, diagnostics)?;
            let phase_sources = phase_sources(top.id, plan.phases.len());
            ResolvedPlan {
                plan,
                phase_sources,
                top_plan_file: Some(top.id),
                section_files: Vec::new(),
            }
        }
    };
    for file in rest {
        match file.kind {
            FileKind::PhaseDocument => {
                if let Some(phase) = phase_from_document(file, diagnostics) {
                    resolved.plan.phases.push(phase);
                    resolved.phase_sources.push(PhaseSource {
                        file: file.id,
                        pointer: String::new(),
                    });
                }
            }
            FileKind::Plan | FileKind::Fragment => {
                report_conflicts(file, &given_by, diagnostics);
                record_single_keys(file, &mut given_by);
                merge_fragment(file, stream, &mut resolved, diagnostics);
            }
        }
    }
    resolved.section_files = given_by
        .into_iter()
        .map(|(key, file, _)| (key, file))
        .collect();
    Some(resolved)
}

fn phase_sources(file: FileId, count: usize) -> Vec<PhaseSource> {
    (0..count)
        .map(|index| PhaseSource {
            file,
            pointer: format!("/phases/{index}"),
        })
        .collect()
}

fn record_single_keys(file: &LoadedFile, given_by: &mut Vec<(&'static str, FileId, Span)>) {
    for key in single_keys() {
        if file.document.has([key]) && !given_by.iter().any(|(k, ..)| *k == key) {
            let located = file.document.locate([key]);
            given_by.push((key, file.id, located.key.unwrap_or(located.value)));
        }
    }
}

fn report_conflicts(
    file: &LoadedFile,
    given_by: &[(&str, FileId, Span)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    for &(key, first_file, first_span) in given_by {
        if !file.document.has([key]) {
            continue;
        }
        let located = file.document.locate([key]);
        diagnostics.push(
            Diagnostic::new(
                &diag::INCLUDE_CONFLICT,
                format!("`{key}` is given by two files of this plan"),
                Label::new(
                    file.id,
                    located.key.unwrap_or(located.value),
                    "given again here",
                ),
            )
            .with_secondary(Label::new(first_file, first_span, "first given here"))
            .with_help(format!(
                "keep `{key}` in one file; only `phases` and `include` may appear in several"
            )),
        );
    }
}

fn merge_fragment(
    file: &mut LoadedFile,
    stream: &mut PhaseStream,
    resolved: &mut ResolvedPlan,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // A fragment gives sections of the plan, not the plan's own keys.
    if let Some(map) = file.document.value.as_object_mut() {
        map.entry("aiplan").or_insert(Value::from(1));
        map.entry("name").or_insert(Value::from(""));
    }
    let Some(fragment) = deserialize_plan(file, stream, diagnostics) else {
        return;
    };
    let plan = &mut resolved.plan;
    resolved
        .phase_sources
        .extend(phase_sources(file.id, fragment.phases.len()));
    plan.phases.extend(fragment.phases);
    macro_rules! take_if_unset {
        ($($field:ident),*) => {$(
            if plan.$field.is_none() {
                plan.$field = fragment.$field;
            }
        )*};
    }
    take_if_unset!(
        description,
        owner,
        start,
        assessment,
        requirements,
        compute,
        network,
        edge,
        optimization,
        success_factors,
        thresholds
    );
}

fn phase_from_document(file: &mut LoadedFile, diagnostics: &mut Vec<Diagnostic>) -> Option<Phase> {
    let mut value = std::mem::take(&mut file.document.value);
    if let Some(map) = value.as_object_mut()
        && let Some(name) = map.remove(PHASE_DOCUMENT_NAME_KEY)
    {
        map.insert("name".into(), name);
    }
    deserialize::<Phase>(file, value, diagnostics)
}

/// The plan of a plan file or fragment: its value, taken, with the phases
/// the stream typed from its `phases` list (left empty in the value).
fn deserialize_plan(
    file: &mut LoadedFile,
    stream: &mut PhaseStream,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let mut value = std::mem::take(&mut file.document.value);
    let listed = file.document.phases_taken;
    if listed == 0 {
        return deserialize::<Plan>(file, value, diagnostics);
    }
    if let Some(map) = value.as_object_mut() {
        map.remove(PHASES_KEY);
    }
    let mut plan = deserialize::<Plan>(file, value, diagnostics)?;
    let phases = stream.take(file.id);
    if let Some((index, reason)) = phases.unreadable.first() {
        diagnostics.push(model_bug(file, &format!("phases[{index}]: {reason}")));
        return None;
    }
    if phases.valid.len() != listed {
        let read = phases.valid.len();
        diagnostics.push(model_bug(
            file,
            &format!("{read} of its {listed} phases were read"),
        ));
        return None;
    }
    plan.phases = phases.valid;
    Some(plan)
}

/// Deserialises a value that passed the schema. A failure here means the
/// schema and the model disagree, which is aiplan's fault: it is reported
/// at the file rather than panicking.
fn deserialize<T: for<'de> Deserialize<'de>>(
    file: &LoadedFile,
    value: Value,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    match serde_json::from_value(value) {
        Ok(typed) => Some(typed),
        Err(error) => {
            diagnostics.push(model_bug(file, &error));
            None
        }
    }
}

/// A plan the schema accepted that the model cannot read: aiplan's fault,
/// reported at the file rather than panicking.
fn model_bug(file: &LoadedFile, reason: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::new(
        &diag::INVALID_VALUE,
        format!("the plan could not be read: {reason}"),
        Label::new(file.id, Span::default(), ""),
    )
    .with_help(
        "this is a bug in aiplan: the schema accepted what the model refuses; please report it",
    )
}
