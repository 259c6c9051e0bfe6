//! `aiplan diff BASE HEAD`: the semantic diff of two versions of a plan, for
//! a pull-request comment. Either version may be `git:REV:path`, read with
//! `git show REV:path`.

use super::{print_stderr, print_stdout};
use crate::check::{CheckReport, Input, check};
use crate::diagnostics::render::{ColorChoice, render_human};
use crate::diff::{Snapshot, compare};
use crate::emit::diff;
use crate::load::Limits;
use crate::source::{FileId, SourceFile, Sources};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const DIFF_EXIT_CODES: &str = "\
Exit codes:
  0  the diff was made (whatever it says)
  1  a version has errors (the diff is still printed when both plans were built)
  2  usage or I/O problem (missing file, unknown revision or path, no git)

`git:REV:path` reads the plan with `git show REV:path`: the path is relative
to the repository root, or to the current directory when it starts with `./`
or `../`. The old version is written next to the working-tree file for the
check (created exclusively under a random name, and removed afterwards), so
its `include:` files are read from the working tree; its diagnostics are
named `git:REV:path`.";

/// Compare two versions of a plan: phases added, removed and changed, the
/// total duration and critical path, the decided strategy, the readiness
/// score, and findings new and fixed.
#[derive(Debug, Args)]
#[command(after_help = DIFF_EXIT_CODES)]
pub struct DiffArgs {
    /// The old version: a plan file or `git:REV:path` (e.g. `git:main:plan.yaml`).
    base: String,
    /// The new version: a plan file or `git:REV:path`.
    head: String,
    /// `markdown` for a pull-request comment, `json` for tools.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Allow `include:` paths that are absolute or lead outside the plan's
    /// repository.
    #[arg(long)]
    allow_outside_root: bool,
    /// Largest plan file to read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,
    /// When to colour the diagnostics of a version with errors.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

/// Where a version's plan is read from.
struct Source {
    path: PathBuf,
    /// For `git:REV:path`: the copy of the base written for the check,
    /// removed when dropped, and the spec to name it by.
    temporary: Option<(tempfile::NamedTempFile, String)>,
    /// Keeps the private directory of a copy alive (see `from_git`).
    _directory: Option<tempfile::TempDir>,
}

fn git(args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git").args(args).output().map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            "git is not installed (it is needed to read a `git:REV:path` version)".to_string()
        } else {
            format!("cannot run git: {error}")
        }
    })
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).trim().to_string()
}

/// Reads `git:REV:path` into a temporary file next to where `path` lives in
/// the working tree, so that its includes and `aiplan.toml` are found
/// there. The checker could take the bytes in memory, but then includes
/// would resolve from the current directory, not the plan's.
///
/// The copy is created exclusively (`O_EXCL`, mode 0600) under a random
/// name by `tempfile`: nothing already at a path, such as a symbolic link
/// planted under a predictable name, is ever written through. When the
/// plan's directory does not exist in the working tree (or cannot be
/// written), the copy goes into a private temporary directory instead.
/// Diagnostics name the spec, not the copy (see `rename_copy`).
fn from_git(spec: &str, rest: &str) -> Result<Source, String> {
    let Some((rev, path)) = rest
        .split_once(':')
        .filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
    else {
        return Err(format!(
            "`{spec}` is not `git:REV:path` (for example `git:main:plan.yaml`)"
        ));
    };
    let toplevel = git(&["rev-parse", "--show-toplevel"])?;
    if !toplevel.status.success() {
        return Err(format!(
            "cannot read `{spec}`: the current directory is not in a git repository ({})",
            stderr_of(&toplevel)
        ));
    }
    let root = PathBuf::from(String::from_utf8_lossy(&toplevel.stdout).trim());
    let verify = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])?;
    if !verify.status.success() {
        return Err(format!(
            "cannot read `{spec}`: the revision `{rev}` does not exist"
        ));
    }
    let object = format!("{rev}:{path}");
    let kind = git(&["cat-file", "-t", &object])?;
    if !kind.status.success() {
        return Err(format!(
            "cannot read `{spec}`: `{path}` does not exist at revision `{rev}` (paths are relative to the repository root {}; start with `./` for the current directory): {}",
            root.display(),
            stderr_of(&kind)
        ));
    }
    match String::from_utf8_lossy(&kind.stdout).trim() {
        "blob" => {}
        "tree" => {
            return Err(format!(
                "`{spec}`: `{path}` is a directory in {rev}; name one plan file (for example `git:{rev}:{}/plan.yaml`)",
                path.trim_end_matches('/')
            ));
        }
        other => {
            return Err(format!(
                "`{spec}`: `{path}` is not a file in {rev} (git says it is a {other}); name one plan file"
            ));
        }
    }
    let shown = git(&["show", &object])?;
    if !shown.status.success() {
        return Err(format!("cannot read `{spec}`: {}", stderr_of(&shown)));
    }
    let relative = Path::new(path);
    let working = if path.starts_with("./") || path.starts_with("../") {
        std::env::current_dir()
            .map_err(|error| format!("cannot read the current directory: {error}"))?
            .join(relative)
    } else {
        root.join(relative)
    };
    let file_name = working.file_name().map_or_else(
        || "plan.yaml".into(),
        |name| name.to_string_lossy().into_owned(),
    );
    let suffix = format!("-{file_name}");
    let write = |mut file: tempfile::NamedTempFile| -> std::io::Result<tempfile::NamedTempFile> {
        std::io::Write::write_all(&mut file, &shown.stdout)?;
        Ok(file)
    };
    let beside = working
        .parent()
        .filter(|directory| directory.is_dir())
        .map(|directory| {
            tempfile::Builder::new()
                .prefix(".aiplan-diff-")
                .suffix(&suffix)
                .tempfile_in(directory)
                .and_then(write)
        });
    if let Some(Ok(file)) = beside {
        return Ok(Source {
            path: file.path().to_path_buf(),
            temporary: Some((file, spec.to_string())),
            _directory: None,
        });
    }
    let private = tempfile::Builder::new()
        .prefix("aiplan-diff-")
        .tempdir()
        .and_then(|directory| {
            let file = tempfile::Builder::new()
                .prefix("")
                .suffix(&file_name)
                .rand_bytes(0)
                .tempfile_in(directory.path())
                .and_then(write)?;
            Ok((directory, file))
        });
    match private {
        Ok((directory, file)) => Ok(Source {
            path: file.path().to_path_buf(),
            temporary: Some((file, spec.to_string())),
            _directory: Some(directory),
        }),
        Err(error) => Err(format!(
            "cannot write the base version `{spec}` to a temporary file: {error}"
        )),
    }
}

/// The report of a copy, with the copy named by its spec wherever a
/// diagnostic or a file name would show the copy's path.
fn rename_copy(report: CheckReport, copy: &Path, spec: &str) -> CheckReport {
    let copy_name = copy.display().to_string();
    let replace = |text: &str| text.replace(&copy_name, spec);
    let mut sources = Sources::default();
    for index in 0..report.sources.len() {
        let file = report
            .sources
            .get(FileId(u32::try_from(index).unwrap_or(u32::MAX)));
        let name = if index == 0 {
            spec.to_string()
        } else {
            replace(&file.name)
        };
        sources.add(SourceFile::new(name, file.path.clone(), file.text.as_str()));
    }
    let diagnostics = report
        .diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            diagnostic.message = replace(&diagnostic.message);
            diagnostic.help = diagnostic.help.as_deref().map(replace);
            for label in std::iter::once(&mut diagnostic.primary).chain(&mut diagnostic.secondary) {
                label.message = replace(&label.message);
            }
            diagnostic
        })
        .collect();
    CheckReport {
        sources,
        diagnostics,
        ..report
    }
}

fn resolve(spec: &str) -> Result<Source, String> {
    if let Some(rest) = spec.strip_prefix("git:") {
        return from_git(spec, rest);
    }
    let path = PathBuf::from(spec);
    if path.is_dir() {
        return Err(format!("{spec} is a directory; name one plan file"));
    }
    Ok(Source {
        path,
        temporary: None,
        _directory: None,
    })
}

fn load(spec: &str, args: &DiffArgs) -> Result<CheckReport, String> {
    let source = resolve(spec)?;
    let limits = Limits {
        max_file_size: args.max_file_size,
        allow_outside_root: args.allow_outside_root,
        ..Limits::default()
    };
    match &source.temporary {
        None => check(&[Input::from_arg(&source.path)], &limits)
            .map_err(|error| format!("{spec}: {error}")),
        Some((_, spec)) => {
            let copy = source.path.display().to_string();
            check(&[Input::Path(source.path.clone())], &limits)
                .map(|report| rename_copy(report, &source.path, spec))
                .map_err(|error| format!("{spec}: {}", error.to_string().replace(&copy, spec)))
        }
    }
}

pub fn run(args: &DiffArgs) -> ExitCode {
    let mut reports = Vec::with_capacity(2);
    for spec in [&args.base, &args.head] {
        match load(spec, args) {
            Ok(report) => reports.push(report),
            Err(message) => {
                print_stderr(&format!("error: {message}\n"));
                return ExitCode::from(2);
            }
        }
    }
    let mut errors = false;
    for (spec, report) in [&args.base, &args.head].into_iter().zip(&reports) {
        if report.has_errors() {
            errors = true;
            print_stderr(&format!("{spec} has errors:\n"));
            print_stderr(&render_human(
                &report.sources,
                &report.diagnostics,
                report.summary(),
                args.color,
            ));
        }
    }
    let base = Snapshot::from_report(&reports[0]);
    let head = Snapshot::from_report(&reports[1]);
    if !base.built || !head.built {
        print_stderr("error: the versions cannot be compared until the errors above are fixed\n");
        return ExitCode::from(1);
    }
    let compared = compare(&base, &head);
    let labels = (args.base.as_str(), args.head.as_str());
    let text = match args.format {
        Format::Markdown => diff::markdown(labels, &base, &head, &compared),
        Format::Json => diff::json(labels, &base, &head, &compared),
    };
    if !print_stdout(&text) {
        return ExitCode::from(2);
    }
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
