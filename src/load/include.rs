//! Loading one unit: a top-level file and, depth first, every file it
//! includes. Includes are confined to the plan's repository (the nearest
//! directory above the top file that holds `.git`, or the top file's own
//! directory) so that a pull request cannot make CI print other files of the
//! machine into its logs through diagnostics.

use super::read::{Origin, ReadFile, read_file};
use super::{FileKind, Limits, LoadedFile, PhaseSink, Unit, classify, yaml};
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::source::{FileId, Sources, Span};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

const START_HELP: &str = "start a plan file with `aiplan: 1` and `name: ...`, or a phase document \
                          with `phase: ...`";

/// Loads `origin` and everything it includes. The items of each file's
/// `phases` list go to `phases` as they are read (see `PhaseSink`). `Err`
/// only when the top-level file itself cannot be read.
pub fn load_unit(
    origin: Origin<'_>,
    name: String,
    limits: &Limits,
    sources: &mut Sources,
    phases: &mut dyn PhaseSink,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::io::Result<Unit> {
    let cwd = std::env::current_dir().and_then(std::fs::canonicalize)?;
    // `/dev/stdin` or a process substitution (`/dev/fd/63`) is a pipe the
    // user named: it is read (up to the size limit) like standard input,
    // with includes relative to the working directory. It has no
    // canonical path.
    let mut piped = false;
    let top_path = match origin {
        Origin::Path(path) => Some(std::fs::canonicalize(path).or_else(|error| {
            let metadata = std::fs::metadata(path).map_err(|_| error)?;
            piped = special_file_kind(&metadata.file_type()).is_some();
            Ok::<_, std::io::Error>(path.to_path_buf())
        })?),
        Origin::Stdin | Origin::Bytes(_) => None,
    };
    let read = read_file(origin, name, limits, sources, diagnostics)?;
    let top_dir = top_path
        .as_deref()
        .filter(|_| !piped)
        .and_then(Path::parent)
        .map_or_else(|| cwd.clone(), Path::to_path_buf);
    let mut loader = Loader {
        limits,
        sources,
        phases,
        diagnostics,
        root: repository_root(&top_dir),
        cwd,
        chain: top_path.iter().cloned().collect(),
        seen: top_path.iter().cloned().collect(),
        unit: Unit::default(),
        budget: yaml::Budget::new(limits),
    };
    loader.process(read, top_path, top_dir, None);
    Ok(loader.unit)
}

/// What a special file is ("a FIFO (named pipe)", "a device", …); `None`
/// for regular files and directories.
fn special_file_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    (!file_type.is_file() && !file_type.is_dir())
        .then(|| crate::source::describe_file_type(file_type))
}

/// The nearest ancestor holding `.git`, or `dir` itself.
fn repository_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|ancestor| ancestor.join(".git").exists())
        .unwrap_or(dir)
        .to_path_buf()
}

struct Loader<'a> {
    limits: &'a Limits,
    sources: &'a mut Sources,
    phases: &'a mut dyn PhaseSink,
    diagnostics: &'a mut Vec<Diagnostic>,
    root: PathBuf,
    cwd: PathBuf,
    /// Canonical paths of the files being included, outermost first.
    chain: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
    unit: Unit,
    /// Nodes and alias expansion, counted over every file of the plan.
    budget: yaml::Budget,
}

impl Loader<'_> {
    /// Parses a file read into `sources` and follows its includes. `site` is
    /// the `include:` entry that brought it in, for included files.
    fn process(
        &mut self,
        read: ReadFile,
        path: Option<PathBuf>,
        dir: PathBuf,
        site: Option<Label>,
    ) {
        if !read.readable {
            return;
        }
        let id = read.id;
        let text = self.sources.get(id).text.clone();
        let before = self.diagnostics.len();
        let document = yaml::parse_within(
            id,
            &text,
            self.limits,
            &mut self.budget,
            Some(&mut *self.phases),
            self.diagnostics,
        );
        if self.diagnostics.len() > before
            && self.diagnostics[before..].iter().any(|d| {
                d.code.code == diag::YAML_SYNTAX.code || d.code.code == diag::RESOURCE_LIMIT.code
            })
        {
            return;
        }
        let Some(document) = document.filter(|document| !document.value.is_null()) else {
            self.empty_file(id, &text, site.as_ref());
            return;
        };
        let Some(kind) = classify(&document.value, site.is_some()) else {
            self.not_a_plan(id, &document, site.as_ref());
            return;
        };
        let includes = if kind == FileKind::PhaseDocument {
            Vec::new()
        } else {
            include_entries(id, &document)
        };
        self.unit.files.push(LoadedFile {
            id,
            kind,
            document,
            path,
        });
        for (entry, site) in includes {
            self.include(&entry, site, &dir);
        }
    }

    fn empty_file(&mut self, id: FileId, text: &str, site: Option<&Label>) {
        let what = if text.trim().is_empty() {
            "the file is empty"
        } else {
            "the file holds no YAML value (only comments or document markers)"
        };
        let mut diagnostic =
            Diagnostic::new(&diag::EMPTY_FILE, what, Label::new(id, Span::default(), ""));
        diagnostic = match site {
            Some(site) => diagnostic
                .with_secondary(Label::new(site.file, site.span, "included here"))
                .with_help(
                    "an included file holds plan sections (`phases:`, `assessment:`, …) or one \
                     phase (`phase:`); fill it in or remove the include",
                ),
            None => diagnostic.with_help(START_HELP),
        };
        self.diagnostics.push(diagnostic);
    }

    fn not_a_plan(&mut self, id: FileId, document: &yaml::YamlDocument, site: Option<&Label>) {
        let span = self.sources.get(id).first_line(document.spans.span());
        let diagnostic = match (&document.value, site) {
            (other, Some(site)) => {
                let including = self.sources.get(site.file);
                let position = including.position(site.span.start);
                Diagnostic::new(
                    &diag::NOT_A_PLAN,
                    format!(
                        "an included file must be a mapping of plan sections or one phase, not {}",
                        describe(other)
                    ),
                    Label::new(id, span, "top level"),
                )
                .with_help(format!(
                    "included from {}:{}:{}; an included file holds plan sections \
                     (`phases:`, `assessment:`, …) or one phase (`phase:`)",
                    including.name, position.line, position.column
                ))
            }
            (Value::Object(_), None) => Diagnostic::new(
                &diag::NOT_A_PLAN,
                "this file is neither a plan (no `aiplan:` key) nor a phase document (no `phase:` key)",
                Label::new(id, span, "the top-level mapping starts here"),
            )
            .with_help(START_HELP),
            (other, None) => Diagnostic::new(
                &diag::NOT_A_PLAN,
                format!(
                    "the top level of a plan must be a mapping of keys to values, not {}",
                    describe(other)
                ),
                Label::new(id, span, "top level"),
            )
            .with_help(START_HELP),
        };
        self.diagnostics.push(diagnostic);
    }

    fn include(&mut self, entry: &str, site: Label, dir: &Path) {
        if self.budget.exhausted {
            // A limit was reached and reported: reading more could only
            // claim more memory for a plan that already fails.
            return;
        }
        if entry.trim().is_empty() {
            self.diagnostics.push(
                Diagnostic::new(&diag::INCLUDE_NOT_FOUND, "the include entry is empty", site)
                    .with_help(
                        "name a YAML file, relative to the including file, or remove the entry",
                    ),
            );
            return;
        }
        let refuse = |message: String, help: &str| {
            Diagnostic::new(&diag::INCLUDE_OUTSIDE_ROOT, message, site.clone()).with_help(format!(
                "{help}; pass `--allow-outside-root` to allow it when you trust the plan"
            ))
        };
        let relative = Path::new(entry);
        if relative.is_absolute() && !self.limits.allow_outside_root {
            self.diagnostics.push(refuse(
                format!("the include `{entry}` is an absolute path"),
                "write the path relative to the including file",
            ));
            return;
        }
        let joined = normalize(&dir.join(relative));
        if !self.limits.allow_outside_root && !joined.starts_with(&self.root) {
            self.diagnostics.push(refuse(
                format!("the include `{entry}` leads outside the plan's repository"),
                "keep included files inside the repository that holds the plan",
            ));
            return;
        }
        let canonical = match std::fs::canonicalize(&joined) {
            Ok(canonical) => canonical,
            Err(error) => {
                let mut diagnostic = Diagnostic::new(
                    &diag::INCLUDE_NOT_FOUND,
                    format!("cannot read the include `{entry}`: {}", io_reason(&error)),
                    site.clone(),
                );
                // A name close to a file that exists, for a file that does
                // not (a symbolic link loop, say, exists but cannot be read).
                let written = joined.file_name().map(|name| name.to_string_lossy());
                let similar = similar_file(&joined)
                    .filter(|_| error.kind() == std::io::ErrorKind::NotFound)
                    .filter(|name| Some(name.as_str()) != written.as_deref());
                diagnostic.help = Some(match similar {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => "paths are relative to the file that includes them".to_string(),
                });
                self.diagnostics.push(diagnostic);
                return;
            }
        };
        if !self.limits.allow_outside_root && !canonical.starts_with(&self.root) {
            self.diagnostics.push(refuse(
                format!("the include `{entry}` leads outside the plan's repository through a symbolic link"),
                "keep included files inside the repository that holds the plan",
            ));
            return;
        }
        // Opening a FIFO waits for a writer, and a device never ends:
        // an include names a file (a directory is reported when read).
        if let Some(kind) = std::fs::metadata(&canonical)
            .ok()
            .and_then(|metadata| special_file_kind(&metadata.file_type()))
        {
            self.diagnostics.push(
                Diagnostic::new(
                    &diag::INCLUDE_NOT_FOUND,
                    format!("the include `{entry}` is {kind}, not a file"),
                    site,
                )
                .with_help("an include names a YAML file, relative to the including file"),
            );
            return;
        }
        if let Some(start) = self.chain.iter().position(|path| *path == canonical) {
            let cycle: Vec<String> = self.chain[start..]
                .iter()
                .chain(std::iter::once(&canonical))
                .map(|path| self.display(path))
                .collect();
            self.diagnostics.push(
                Diagnostic::new(
                    &diag::INCLUDE_CYCLE,
                    format!("files include each other in a cycle: {}", cycle.join(" → ")),
                    site,
                )
                .with_help("remove one of these includes; each file is included once"),
            );
            return;
        }
        if self.chain.len() >= self.limits.max_include_depth {
            self.diagnostics.push(
                Diagnostic::new(
                    &diag::RESOURCE_LIMIT,
                    format!(
                        "includes are nested more than {} files deep",
                        self.limits.max_include_depth
                    ),
                    site,
                )
                .with_help("include the files from a shallower level"),
            );
            return;
        }
        if !self.seen.insert(canonical.clone()) {
            return;
        }
        let name = self.display(&canonical);
        let read = match read_file(
            Origin::Path(&canonical),
            name,
            self.limits,
            self.sources,
            self.diagnostics,
        ) {
            Ok(read) => read,
            Err(error) => {
                self.diagnostics.push(
                    Diagnostic::new(
                        &diag::INCLUDE_NOT_FOUND,
                        format!("cannot read the include `{entry}`: {}", io_reason(&error)),
                        site,
                    )
                    .with_help("an include names a YAML file, relative to the including file"),
                );
                return;
            }
        };
        let dir = canonical
            .parent()
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        self.chain.push(canonical.clone());
        self.process(read, Some(canonical), dir, Some(site));
        self.chain.pop();
    }

    /// A path as the user sees it: relative to the working directory when
    /// it lies below it.
    fn display(&self, path: &Path) -> String {
        path.strip_prefix(&self.cwd)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

/// The string entries of `include:`, each with its span. Entries of the
/// wrong type are left for the schema stage to report.
fn include_entries(id: FileId, document: &yaml::YamlDocument) -> Vec<(String, Label)> {
    let Some(Value::Array(entries)) = document.value.get("include") else {
        return Vec::new();
    };
    entries
        .iter()
        .enumerate()
        .filter_map(|(index, entry)| {
            let entry = entry.as_str()?;
            let index = index.to_string();
            let located = document.locate(["include", index.as_str()]);
            Some((
                entry.to_string(),
                Label::new(id, located.value, "included here"),
            ))
        })
        .collect()
}

/// Resolves `.` and `..` without touching the file system, so that a path
/// is judged by where it says it goes, before any symbolic link.
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// A YAML file next to `missing` whose name is close to it.
fn similar_file(missing: &Path) -> Option<String> {
    let wanted = missing.file_name()?.to_str()?;
    let entries = std::fs::read_dir(missing.parent()?).ok()?;
    entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .map(|name| (strsim::jaro_winkler(wanted, &name), name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, name)| name)
}

pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => error.to_string(),
    }
}

/// "a list", "the number `3`", … for messages about a value's kind.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "an empty value".to_string(),
        Value::Bool(flag) => format!("the boolean `{flag}`"),
        Value::Number(number) => format!("the number `{number}`"),
        Value::String(text) => format!("the string `{}`", shorten(text)),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
    }
}

/// A value cut to a readable length for a message.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    let first_line = text.lines().next().unwrap_or("");
    if first_line.chars().count() > MAX || first_line.len() < text.len() {
        format!("{}…", first_line.chars().take(MAX).collect::<String>())
    } else {
        first_line.to_string()
    }
}
