//! Renderers: one file per output format, all written from the same
//! `Diagnostic` values.

mod github;
mod human;
mod json;
mod sarif;

pub use github::render_github;
pub use human::{ColorChoice, render_human};
pub use json::render_json;
pub use sarif::render_sarif;

use crate::source::SourceFile;
use std::path::{Component, Path, PathBuf};

/// Where files are, for the formats that name them relative to the
/// repository root (SARIF and GitHub annotations): the root is the nearest
/// ancestor of the current directory that holds `.git`, or the current
/// directory itself outside a repository.
#[derive(Debug, Clone)]
pub struct RepoPaths {
    /// The directory relative file paths were given from.
    pub cwd: PathBuf,
    /// The repository root (absolute).
    pub root: PathBuf,
}

impl RepoPaths {
    /// The repository around the current directory.
    pub fn discover() -> RepoPaths {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        RepoPaths::from_cwd(cwd)
    }

    /// The repository around `cwd` (an absolute directory).
    pub fn from_cwd(cwd: PathBuf) -> RepoPaths {
        let root = cwd
            .ancestors()
            .find(|ancestor| ancestor.join(".git").exists())
            .unwrap_or(&cwd)
            .to_path_buf();
        RepoPaths { cwd, root }
    }

    /// Where a file is: `Relative` with `/`-separated segments when it lies
    /// under the root, `Absolute` otherwise, `Stdin` for standard input.
    pub fn locate(&self, file: &SourceFile) -> FileLocation {
        let Some(path) = &file.path else {
            return FileLocation::Stdin;
        };
        let absolute = normalize(&self.cwd.join(path));
        let root = normalize(&self.root);
        if let Some(segments) = relative_segments(&absolute, &root) {
            return FileLocation::Relative(segments);
        }
        // Symbolic links (such as /tmp on macOS) may hide that the file is
        // under the root: compare the real paths too.
        if let (Ok(real), Ok(real_root)) = (
            std::fs::canonicalize(&absolute),
            std::fs::canonicalize(&root),
        ) && let Some(segments) = relative_segments(&real, &real_root)
        {
            return FileLocation::Relative(segments);
        }
        FileLocation::Absolute(absolute)
    }
}

/// See [`RepoPaths::locate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileLocation {
    Relative(Vec<String>),
    Absolute(PathBuf),
    Stdin,
}

impl FileLocation {
    /// The path as GitHub's workflow commands take it: relative to the
    /// repository root with `/` separators where possible.
    pub fn display_path(&self, file: &SourceFile) -> String {
        match self {
            FileLocation::Relative(segments) => segments.join("/"),
            FileLocation::Absolute(path) => path.to_string_lossy().into_owned(),
            FileLocation::Stdin => file.name.clone(),
        }
    }
}

/// `path` with `.` and `..` resolved lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn relative_segments(path: &Path, root: &Path) -> Option<Vec<String>> {
    let relative = path.strip_prefix(root).ok()?;
    let segments: Vec<String> = relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!segments.is_empty()).then_some(segments)
}
