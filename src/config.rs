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
//! error at its file, line and column. So does a file of one of the two
//! names that is not a readable regular file (a directory, a dangling
//! symbolic link, a FIFO), is larger than [`MAX_SIZE`] or is not UTF-8.

use crate::diagnostics::{ALL_CODES, Code, Severity, find_code};
use crate::load::{TextError, read_text};
use crate::source::{FileId, SourceFile};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file names looked for, in order of preference.
pub const FILE_NAMES: [&str; 2] = ["aiplan.toml", ".aiplan.toml"];

/// The largest configuration read: 1 MiB.
pub const MAX_SIZE: u64 = 1024 * 1024;

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
        let text = read_text(path, MAX_SIZE).map_err(|error| match error {
            TextError::Utf8 {
                line,
                column,
                message,
            } => format!(
                "invalid configuration {}:{line}:{column}: {message}",
                path.display()
            ),
            other => other.describe("configuration", path),
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
    /// `.aiplan.toml` up to the repository root. A name that is there but is
    /// not a readable file (a directory, a dangling link) is found all the
    /// same, for [`Config::read`] to refuse: it is never skipped silently.
    pub fn discover(start: &Path) -> Result<Option<PathBuf>, String> {
        let mut dir = Some(start);
        while let Some(current) = dir {
            let mut found = Vec::new();
            for path in FILE_NAMES.iter().map(|name| current.join(name)) {
                match std::fs::symlink_metadata(&path) {
                    Ok(_) => found.push(path),
                    Err(error)
                        if matches!(
                            error.kind(),
                            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                        ) => {}
                    Err(error) => {
                        return Err(format!(
                            "cannot read the configuration {}: {error}",
                            path.display()
                        ));
                    }
                }
            }
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

/// One element of a glob.
#[derive(Clone, Copy)]
enum Token {
    /// `**`: anything, `/` included (with the `/` after it, if any).
    AnyPath,
    /// `*`: anything but `/`.
    AnyName,
    /// `?`: one byte but `/`.
    One,
    Byte(u8),
}

fn tokens(glob: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(glob.len());
    let mut rest = glob;
    while let Some((&first, tail)) = rest.split_first() {
        rest = tail;
        tokens.push(match first {
            b'*' if rest.first() == Some(&b'*') => {
                rest = &rest[1..];
                rest = rest.strip_prefix(b"/").unwrap_or(rest);
                Token::AnyPath
            }
            b'*' => Token::AnyName,
            b'?' => Token::One,
            byte => Token::Byte(byte),
        });
    }
    tokens
}

/// Glob matching over bytes: `**` matches anything, `*` anything but `/`,
/// `?` one byte but `/`; a `/` right after `**` is part of it (so `**/x`
/// matches `x` too).
///
/// Dynamic programming from the end of the glob, one row per token: time
/// O(glob × text) and space O(text) whatever the glob, where backtracking
/// takes exponential time on globs such as `*****…b` (an `ignore` entry is
/// input the run must survive).
fn glob_matches(glob: &[u8], text: &[u8]) -> bool {
    let n = text.len();
    // `next[j]`: the tokens after the current one match `text[j..]`.
    let mut next = vec![false; n + 1];
    next[n] = true;
    let mut row = vec![false; n + 1];
    for token in tokens(glob).into_iter().rev() {
        // `row[j]`: this token and those after it match `text[j..]`; filled
        // from the end, as `*` and `**` read `row[j + 1]`.
        row[n] = matches!(token, Token::AnyPath | Token::AnyName) && next[n];
        for j in (0..n).rev() {
            let byte = text[j];
            row[j] = match token {
                Token::AnyPath => next[j] || row[j + 1],
                Token::AnyName => next[j] || (byte != b'/' && row[j + 1]),
                Token::One => byte != b'/' && next[j + 1],
                Token::Byte(expected) => byte == expected && next[j + 1],
            };
        }
        std::mem::swap(&mut next, &mut row);
    }
    next[0]
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

    /// The backtracking matcher this one replaced: the reference semantics.
    fn backtracking(glob: &[u8], text: &[u8]) -> bool {
        match glob {
            [] => text.is_empty(),
            [b'*', b'*', rest @ ..] => {
                let rest = rest.strip_prefix(b"/").unwrap_or(rest);
                (0..=text.len()).any(|skip| backtracking(rest, &text[skip..]))
            }
            [b'*', rest @ ..] => (0..=text.len())
                .take_while(|&skip| skip == 0 || text[skip - 1] != b'/')
                .any(|skip| backtracking(rest, &text[skip..])),
            [b'?', rest @ ..] => {
                matches!(text.first(), Some(&byte) if byte != b'/')
                    && backtracking(rest, &text[1..])
            }
            [byte, rest @ ..] => text.first() == Some(byte) && backtracking(rest, &text[1..]),
        }
    }

    /// Every string of up to `len` bytes from `alphabet`.
    fn strings(alphabet: &[u8], len: usize) -> Vec<Vec<u8>> {
        let mut all = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..len {
            last = last
                .iter()
                .flat_map(|prefix: &Vec<u8>| {
                    alphabet.iter().map(move |&byte| {
                        let mut next = prefix.clone();
                        next.push(byte);
                        next
                    })
                })
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn globs_match_as_the_backtracking_matcher_did() {
        let texts = strings(b"a/b", 5);
        for glob in strings(b"*?a/", 5) {
            for text in &texts {
                assert_eq!(
                    glob_matches(&glob, text),
                    backtracking(&glob, text),
                    "{:?} on {:?}",
                    String::from_utf8_lossy(&glob),
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    #[test]
    fn pathological_globs_take_time_in_proportion() {
        // Backtracking takes about C(text + stars, stars) steps on these:
        // about 10^40 for the first, more for the rest.
        let text = "a".repeat(2_000);
        let stars = format!("{}b", "*".repeat(40));
        assert!(!glob_matches(stars.as_bytes(), text.as_bytes()));
        let deep = format!("{}b", "**/".repeat(40));
        let path = "a/".repeat(1_000);
        assert!(!glob_matches(deep.as_bytes(), path.as_bytes()));
        let mixed = format!("{}b", "*?".repeat(40));
        assert!(!glob_matches(mixed.as_bytes(), text.as_bytes()));
        assert!(glob_matches(
            stars.as_bytes(),
            format!("{text}b").as_bytes()
        ));
        assert!(glob_matches(deep.as_bytes(), format!("{path}b").as_bytes()));
    }
}
