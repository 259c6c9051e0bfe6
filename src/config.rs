//! The configuration file: `aiplan.toml` (or `.aiplan.toml`), found by
//! walking up from each checked file's directory to the repository root (a
//! directory holding `.git`) or the filesystem root. Standard input starts
//! from the current directory. The nearest file applies.
//!
//! ```toml
//! # Files (globs relative to this file's directory) whose findings are ignored.
//! ignore = ["legacy/**", "*.draft.yaml"]
//!
//! [rules]
//! missing-rollback = "off"      # off, info, warning or error
//! AP502 = "error"               # by code, too
//! ```
//!
//! Unknown keys, unknown rule names, other severities, and rules whose
//! findings cannot be configured (YAML, schema, dependency cycles) are
//! errors; a broken configuration stops the run with exit code 2 and an
//! error at its file, line and column.

use crate::diagnostics::{ALL_CODES, Code, Severity, find_code};
use crate::source::{FileId, SourceFile};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file names looked for, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["aiplan.toml", ".aiplan.toml"];

#[derive(Debug)]
pub struct Config {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its directory, canonical: ignore globs are relative to it.
    dir: PathBuf,
    /// By code: `None` is `off`.
    severities: HashMap<&'static str, Option<Severity>>,
    ignore: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Reads a configuration; `Err` is a located message.
    pub fn read(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|error| {
            format!("cannot read the configuration {}: {error}", path.display())
        })?;
        Config::parse(path, &text)
    }

    /// Parses a configuration's text; `Err` is a located message.
    pub fn parse(path: &Path, text: &str) -> Result<Config, String> {
        let source = SourceFile::new(path.display().to_string(), None, text);
        let located = |offset: usize, message: &str| {
            let position = source.position(u32::try_from(offset).unwrap_or(u32::MAX));
            format!(
                "invalid configuration {}:{}:{}: {message}",
                path.display(),
                position.line,
                position.column
            )
        };
        let raw: Raw = toml::from_str(text).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            located(offset, error.message().trim())
        })?;
        let mut severities = HashMap::new();
        for (name, value) in &raw.rules {
            let Some(code) = find_code(name.get_ref()) else {
                let close = ALL_CODES
                    .iter()
                    .map(|code| (strsim::jaro_winkler(name.get_ref(), code.name), code.name))
                    .filter(|(score, _)| *score > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, name)| format!("; did you mean `{name}`?"))
                    .unwrap_or_else(|| "; `aiplan rules` lists the rules".into());
                return Err(located(
                    name.span().start,
                    &format!("unknown rule `{}`{close}", name.get_ref()),
                ));
            };
            if crate::suppress::unsuppressible_by_config(code) {
                return Err(located(
                    name.span().start,
                    &format!(
                        "`{}` ({}) cannot be configured: YAML and schema errors and dependency cycles always stand",
                        code.name, code.code
                    ),
                ));
            }
            let severity = match value.get_ref().as_str() {
                "off" => None,
                "info" => Some(Severity::Info),
                "warning" => Some(Severity::Warning),
                "error" => Some(Severity::Error),
                other => {
                    return Err(located(
                        value.span().start,
                        &format!(
                            "`{other}` is not a severity; use `off`, `info`, `warning` or `error`"
                        ),
                    ));
                }
            };
            if severities.insert(code.code, severity).is_some() {
                return Err(located(
                    name.span().start,
                    &format!("`{}` ({}) is configured twice", code.name, code.code),
                ));
            }
        }
        for glob in &raw.ignore {
            if glob.get_ref().trim().is_empty() {
                return Err(located(glob.span().start, "an empty ignore glob"));
            }
        }
        let dir = path
            .parent()
            .map(|dir| std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()))
            .unwrap_or_default();
        Ok(Config {
            path: path.to_path_buf(),
            dir,
            severities,
            ignore: raw.ignore.into_iter().map(Spanned::into_inner).collect(),
        })
    }

    /// The configured severity of a code: `Some(None)` is `off`, `None` is
    /// not configured.
    pub fn severity(&self, code: &Code) -> Option<Option<Severity>> {
        self.severities.get(code.code).copied()
    }

    /// Whether an ignore glob matches the file. A glob with a `/` matches
    /// the path relative to the configuration's directory; one without
    /// matches the file name in any directory. `*` and `?` do not cross
    /// `/`; `**` does.
    pub fn ignores(&self, path: &Path) -> bool {
        if self.ignore.is_empty() {
            return false;
        }
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let Ok(relative) = path.strip_prefix(&self.dir) else {
            return false;
        };
        let relative: Vec<String> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        let relative = relative.join("/");
        let name = relative.rsplit('/').next().unwrap_or_default();
        self.ignore.iter().any(|glob| {
            let glob = glob.trim_start_matches("./");
            if glob.contains('/') {
                glob_matches(glob.trim_start_matches('/').as_bytes(), relative.as_bytes())
            } else {
                glob_matches(glob.as_bytes(), name.as_bytes())
            }
        })
    }

    /// Finds the configuration for a directory: the nearest `aiplan.toml` or
    /// `.aiplan.toml` up to the repository root.
    pub fn discover(start: &Path) -> Result<Option<PathBuf>, String> {
        let mut dir = Some(start);
        while let Some(current) = dir {
            let found: Vec<PathBuf> = FILE_NAMES
                .iter()
                .map(|name| current.join(name))
                .filter(|path| path.is_file())
                .collect();
            match found.as_slice() {
                [] => {}
                [one] => return Ok(Some(one.clone())),
                _ => {
                    return Err(format!(
                        "both aiplan.toml and .aiplan.toml are in {}: keep one",
                        current.display()
                    ));
                }
            }
            if current.join(".git").exists() {
                break;
            }
            dir = current.parent();
        }
        Ok(None)
    }
}

/// Glob matching over bytes: `**` matches anything, `*` anything but `/`,
/// `?` one byte but `/`.
fn glob_matches(glob: &[u8], text: &[u8]) -> bool {
    match glob {
        [] => text.is_empty(),
        [b'*', b'*', rest @ ..] => {
            let rest = rest.strip_prefix(b"/").unwrap_or(rest);
            (0..=text.len()).any(|skip| glob_matches(rest, &text[skip..]))
        }
        [b'*', rest @ ..] => (0..=text.len())
            .take_while(|&skip| skip == 0 || text[skip - 1] != b'/')
            .any(|skip| glob_matches(rest, &text[skip..])),
        [b'?', rest @ ..] => {
            matches!(text.first(), Some(&byte) if byte != b'/') && glob_matches(rest, &text[1..])
        }
        [byte, rest @ ..] => text.first() == Some(byte) && glob_matches(rest, &text[1..]),
    }
}

/// Configurations of one run, found once per directory.
#[derive(Default)]
pub struct Configs {
    by_dir: HashMap<PathBuf, Option<Arc<Config>>>,
    by_file: HashMap<FileId, Option<Arc<Config>>>,
}

impl Configs {
    /// The configuration that applies to a file; `Err` is a located message.
    pub fn for_file(
        &mut self,
        id: FileId,
        file: &SourceFile,
    ) -> Result<Option<Arc<Config>>, String> {
        if let Some(config) = self.by_file.get(&id) {
            return Ok(config.clone());
        }
        let dir = match &file.path {
            Some(path) => {
                let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                path.parent().map(Path::to_path_buf).unwrap_or_default()
            }
            None => std::env::current_dir().unwrap_or_default(),
        };
        let config = match self.by_dir.get(&dir) {
            Some(config) => config.clone(),
            None => {
                let config = match Config::discover(&dir)? {
                    Some(path) => Some(Arc::new(Config::read(&path)?)),
                    None => None,
                };
                self.by_dir.insert(dir, config.clone());
                config
            }
        };
        self.by_file.insert(id, config.clone());
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::glob_matches;

    #[test]
    fn globs() {
        let m = |glob: &str, text: &str| glob_matches(glob.as_bytes(), text.as_bytes());
        assert!(m("*.yaml", "plan.yaml"));
        assert!(!m("*.yaml", "a/plan.yaml"));
        assert!(m("legacy/**", "legacy/a/b.yaml"));
        assert!(m("**/draft.yaml", "draft.yaml"));
        assert!(m("**/draft.yaml", "a/b/draft.yaml"));
        assert!(m("p?an.yaml", "plan.yaml"));
        assert!(!m("legacy/*", "legacy/a/b.yaml"));
    }
}
