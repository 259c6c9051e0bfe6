//! `aiplan check` as a library call: inputs → loaded units → schema →
//! typed plans, with every diagnostic collected.
//!
//! `Err` is reserved for usage and I/O problems with the inputs themselves
//! (a missing file, an unreadable directory, a directory without plans),
//! which the CLI maps to exit code 2.

use crate::decide::strategy::{Decision, decide};
use crate::diagnostics::{Diagnostic, Severity, Summary};
use crate::graph::{self, Analysis};
use crate::load::{self, Limits, LoadedFile, Origin};
use crate::locate::Locator;
use crate::model::build::{ResolvedPlan, build};
use crate::model::stream::PhaseStream;
use crate::rules;
use crate::rules::PlanContext;
use crate::source::Sources;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What the user asked to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, or a directory whose `*.yaml`/`*.yml` plans are checked.
    Path(PathBuf),
    /// `-`: one plan read from standard input.
    Stdin,
    /// A plan already in memory, with the name diagnostics give it.
    Bytes { name: String, bytes: Vec<u8> },
}

impl Input {
    pub fn from_arg(arg: &Path) -> Input {
        if arg == Path::new("-") {
            Input::Stdin
        } else {
            Input::Path(arg.to_path_buf())
        }
    }
}

/// A usage or I/O problem with an input; exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// A plan that was built, with its graph and (when possible) schedule.
#[derive(Debug)]
pub struct CheckedPlan {
    pub resolved: ResolvedPlan,
    pub analysis: Analysis,
    /// The compute-strategy decision; `None` for a phase document alone.
    pub decision: Option<Decision>,
}

#[derive(Debug)]
pub struct CheckReport {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// One plan for each top-level file whose top file passed the schema.
    pub plans: Vec<CheckedPlan>,
    /// How many files were checked (top-level files and their includes).
    pub files: usize,
}

impl CheckReport {
    pub fn summary(&self) -> Summary {
        Summary::of(self.files, &self.diagnostics)
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

pub fn check(inputs: &[Input], limits: &Limits) -> Result<CheckReport, InputError> {
    if inputs
        .iter()
        .filter(|input| matches!(input, Input::Stdin))
        .count()
        > 1
    {
        return Err(InputError(
            "`-` (standard input) is named more than once; it can be read only once".into(),
        ));
    }
    let mut checker = Checker {
        limits,
        sources: Sources::default(),
        diagnostics: Vec::new(),
        plans: Vec::new(),
        files: 0,
        seen: HashSet::new(),
    };
    for input in inputs {
        match input {
            Input::Stdin => checker.check_one(Origin::Stdin, "<stdin>".into(), false)?,
            Input::Bytes { name, bytes } => {
                checker.check_one(Origin::Bytes(bytes), name.clone(), false)?
            }
            Input::Path(path) if path.is_dir() => checker.check_directory(path)?,
            Input::Path(path) => {
                checker.check_one(Origin::Path(path), path.display().to_string(), false)?;
            }
        }
    }
    let Checker {
        sources,
        mut diagnostics,
        plans,
        files,
        ..
    } = checker;
    // Inline `# aiplan-ignore:` suppressions and the `aiplan.toml`
    // configuration (severities, ignore globs), over every finding of the
    // run; a broken configuration is an input error (exit 2). See
    // src/suppress.rs and src/config.rs.
    crate::suppress::apply(&sources, &mut diagnostics)?;
    dedup_by_place(&sources, &mut diagnostics);
    Ok(CheckReport {
        sources,
        diagnostics,
        plans,
        files,
    })
}

struct Checker<'a> {
    limits: &'a Limits,
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
    plans: Vec<CheckedPlan>,
    files: usize,
    /// Canonical paths of top-level files already checked.
    seen: HashSet<PathBuf>,
}

impl Checker<'_> {
    fn check_directory(&mut self, dir: &Path) -> Result<(), InputError> {
        let entries = std::fs::read_dir(dir).map_err(|error| {
            InputError(format!(
                "cannot read the directory {}: {error}",
                dir.display()
            ))
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.is_file()
                    && path
                        .extension()
                        .is_some_and(|extension| extension == "yaml" || extension == "yml")
            })
            .collect();
        paths.sort();
        let before = self.files;
        for path in paths {
            self.check_one(Origin::Path(&path), path.display().to_string(), true)?;
        }
        if self.files == before {
            return Err(InputError(format!(
                "no plan in {}: no *.yaml or *.yml file there starts a plan (`aiplan: 1`) or a phase document (`phase:`)",
                dir.display()
            )));
        }
        Ok(())
    }

    /// Checks one top-level file. A file found in a directory that turns out
    /// not to be a plan is skipped silently, as other YAML lives there too.
    fn check_one(
        &mut self,
        origin: Origin<'_>,
        name: String,
        discovered: bool,
    ) -> Result<(), InputError> {
        if let Origin::Path(path) = origin
            && let Ok(canonical) = std::fs::canonicalize(path)
            && !self.seen.insert(canonical)
        {
            return Ok(());
        }
        let before = self.diagnostics.len();
        let files_before = self.sources.len();
        let mut stream = PhaseStream::default();
        let mut unit = load::load_unit(
            origin,
            name.clone(),
            self.limits,
            &mut self.sources,
            &mut stream,
            &mut self.diagnostics,
        )
        .map_err(|error| InputError(format!("cannot read {name}: {}", load::io_reason(&error))))?;
        if discovered && unit.files.is_empty() && !self.looks_like_plan() {
            self.diagnostics.truncate(before);
            return Ok(());
        }
        // Every file read counts, also those that failed to load.
        self.files += self.sources.len() - files_before;
        let load_failed = self.diagnostics[before..]
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error);
        let passed: Vec<bool> = unit
            .files
            .iter()
            .map(|file| {
                crate::schema::validate(file, &stream, &self.sources, &mut self.diagnostics)
            })
            .collect();
        // A plan is built when its top file is valid; phases of included
        // files that failed are missing, so the plan is incomplete.
        if passed.first() != Some(&true) {
            return Ok(());
        }
        let complete = !load_failed && passed.iter().all(|&ok| ok);
        let mut valid: Vec<&mut LoadedFile> = unit
            .files
            .iter_mut()
            .zip(&passed)
            .filter_map(|(file, &ok)| ok.then_some(file))
            .collect();
        let Some(resolved) = build(&mut valid, &mut stream, &mut self.diagnostics) else {
            return Ok(());
        };
        let locator = Locator::new(&unit.files, &self.sources);
        let analysis = graph::analyze(&resolved, &locator, complete, &mut self.diagnostics);
        // A lint on a plan with a missing part (a file that failed to load)
        // could flag what that part would have supplied.
        if complete {
            rules::phase::run(&resolved, &locator, &mut self.diagnostics);
        }
        // A phase document alone states no requirements; its decision says so.
        let plan = &resolved.plan;
        let decision = Some(decide(plan.requirements.as_ref(), plan.compute.as_ref()));
        let top_file = resolved
            .top_plan_file
            .or_else(|| resolved.phase_sources.first().map(|source| source.file));
        if complete && let Some(file) = top_file {
            let context = PlanContext {
                resolved: &resolved,
                decision: decision.as_ref(),
                locator: &locator,
                file,
            };
            rules::decide::run(&context, &mut self.diagnostics);
            rules::domain::run(&context, &mut self.diagnostics);
        }
        self.plans.push(CheckedPlan {
            resolved,
            analysis,
            decision,
        });
        Ok(())
    }

    /// Whether the file just read (which did not load) reads like a plan, so
    /// that its errors are worth reporting from a directory scan.
    fn looks_like_plan(&self) -> bool {
        let Some(last) = self.sources.len().checked_sub(1) else {
            return false;
        };
        let text = &self.sources.get(crate::source::FileId(last as u32)).text;
        text.lines()
            .any(|line| line.starts_with("aiplan:") || line.starts_with("phase:"))
    }
}

/// Drops a diagnostic that repeats another at the same file and place (a
/// phase document checked on its own and again through an include), then
/// sorts by file, position and code for stable output.
fn dedup_by_place(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    diagnostics.retain(|diagnostic| {
        seen.insert((
            sources.get(diagnostic.primary.file).name.clone(),
            diagnostic.primary.span,
            diagnostic.code.code,
            diagnostic.message.clone(),
        ))
    });
    diagnostics.sort_by_cached_key(|d| {
        (
            sources.get(d.primary.file).name.clone(),
            d.primary.span.start,
            d.code.code,
        )
    });
}
