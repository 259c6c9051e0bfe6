//! Reading a file's bytes into text, refusing what is not a plan before it
//! reaches the parser: files over the size limit, binary files and bytes
//! that are not UTF-8. Each refusal is a located diagnostic.

use super::Limits;
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::source::{FileId, SourceFile, Sources, Span};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the bytes come from.
#[derive(Clone, Copy)]
pub enum Origin<'a> {
    Path(&'a Path),
    Stdin,
    /// Bytes already in memory (the fuzzers, tools embedding aiplan);
    /// includes resolve from the working directory, as for standard input.
    Bytes(&'a [u8]),
}

/// The file as loaded: its id, and whether its text may be parsed.
pub struct ReadFile {
    pub id: FileId,
    pub readable: bool,
}

/// Reads a file into `sources`. `Err` is an I/O failure (missing,
/// unreadable, a directory) for the caller to report in its own way.
pub fn read_file(
    origin: Origin<'_>,
    name: String,
    limits: &Limits,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> std::io::Result<ReadFile> {
    let (bytes, path) = match origin {
        Origin::Path(path) => {
            let file = std::fs::File::open(path)?;
            let metadata = file.metadata()?;
            if metadata.is_dir() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "is a directory",
                ));
            }
            (
                read_limited(file, limits.max_file_size, metadata.len())?,
                Some(path.to_path_buf()),
            )
        }
        Origin::Stdin => (
            read_limited(std::io::stdin().lock(), limits.max_file_size, 0)?,
            None,
        ),
        Origin::Bytes(bytes) => (
            read_limited(bytes, limits.max_file_size, bytes.len() as u64)?,
            None,
        ),
    };
    Ok(into_source(bytes, name, path, limits, sources, diagnostics))
}

/// Reads at most one byte past the limit, so a huge file (or an endless
/// stream) is refused without being read whole. The text is kept for the
/// whole run (diagnostics quote it), so it is held without the slack that
/// growing a buffer leaves: allocated at the expected size when it is
/// known, trimmed when it is not.
fn read_limited(reader: impl Read, limit: u64, expected_size: u64) -> std::io::Result<Vec<u8>> {
    let capacity = expected_size.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.capacity() - bytes.len() > bytes.len() / 16 {
        bytes.shrink_to_fit();
    }
    Ok(bytes)
}

fn into_source(
    bytes: Vec<u8>,
    name: String,
    path: Option<PathBuf>,
    limits: &Limits,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> ReadFile {
    if bytes.len() as u64 > limits.max_file_size {
        let id = sources.add(SourceFile::new(name, path, ""));
        diagnostics.push(
            Diagnostic::new(
                &diag::RESOURCE_LIMIT,
                format!(
                    "the file is larger than the limit of {} bytes",
                    limits.max_file_size
                ),
                Label::new(id, Span::default(), "file too large"),
            )
            .with_help(
                "split the plan into files joined with `include:`, or raise the limit with \
                 `--max-file-size BYTES` if this plan really is that large",
            ),
        );
        return ReadFile {
            id,
            readable: false,
        };
    }
    // `contains` on bytes is a vectorised memchr; the position is only
    // needed for the message.
    if bytes.contains(&0) {
        let nul = bytes.iter().position(|&byte| byte == 0).unwrap_or(0);
        let id = sources.add(SourceFile::new(name, path, ""));
        let diagnostic = if looks_like_utf16(&bytes) {
            // Windows PowerShell 5 writes `>` redirections as UTF-16.
            Diagnostic::new(
                &diag::INVALID_ENCODING,
                "the file is UTF-16 text; aiplan reads UTF-8",
                Label::new(id, Span::default(), "UTF-16"),
            )
            .with_help(
                "save the plan as UTF-8 (in PowerShell: `Out-File -Encoding utf8`; elsewhere \
                 `iconv -f UTF-16 -t UTF-8 plan.yaml`)",
            )
        } else {
            Diagnostic::new(
                &diag::INVALID_ENCODING,
                format!("this is a binary file (a NUL byte at offset {nul}), not a YAML plan"),
                Label::new(id, Span::default(), "binary content"),
            )
            .with_help("pass a YAML plan file (`*.yaml`)")
        };
        diagnostics.push(diagnostic);
        return ReadFile {
            id,
            readable: false,
        };
    }
    match String::from_utf8(bytes) {
        Ok(text) => ReadFile {
            id: sources.add(SourceFile::new(name, path, text)),
            readable: true,
        },
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bad = error.as_bytes()[offset];
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let id = sources.add(SourceFile::new(name, path, text));
            diagnostics.push(
                Diagnostic::new(
                    &diag::INVALID_ENCODING,
                    invalid_utf8_message(bad),
                    Label::new(
                        id,
                        Span::new(offset, offset + char::REPLACEMENT_CHARACTER.len_utf8()),
                        "invalid byte",
                    ),
                )
                .with_help(
                    "save the plan as UTF-8 (for example `iconv -f latin1 -t utf-8 plan.yaml`)",
                ),
            );
            ReadFile {
                id,
                readable: false,
            }
        }
    }
}

/// A byte-order mark of UTF-16, or text whose every other byte is NUL.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(512) & !1];
    sample.len() >= 4
        && (sample.chunks(2).all(|pair| pair[1] == 0 && pair[0] != 0)
            || sample.chunks(2).all(|pair| pair[0] == 0 && pair[1] != 0))
}

/// What is wrong with a file whose first byte that is not UTF-8 is `byte`.
fn invalid_utf8_message(byte: u8) -> String {
    format!("the file is not valid UTF-8: byte 0x{byte:02x} cannot start or continue a character")
}

/// Why a small text file (a configuration, a baseline) was not read.
pub(crate) enum TextError {
    /// It is there but is not a regular file: what it is.
    NotRegular(&'static str),
    /// A symbolic link to nothing, or a loop of links.
    BrokenLink(std::io::Error),
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// Not UTF-8: the first bad byte's 1-based line and column, and what is
    /// wrong with it (as for plan files).
    Utf8 {
        line: usize,
        column: usize,
        message: String,
    },
    Io(std::io::Error),
}

impl TextError {
    /// The message, for a `what` ("configuration", "baseline") at `path`;
    /// for [`TextError::Utf8`], the caller's own located form is better.
    pub(crate) fn describe(&self, what: &str, path: &Path) -> String {
        let path = path.display();
        match self {
            TextError::NotRegular(kind) => format!(
                "the {what} {path} is not a regular file (it is {kind}); aiplan reads a {what} \
                 only from a regular file or a link to one"
            ),
            TextError::BrokenLink(error) => format!(
                "the {what} {path} is a symbolic link that leads to no file ({error}); fix the \
                 link or remove it"
            ),
            TextError::TooLarge(limit) => format!(
                "the {what} {path} is larger than the limit of {limit} bytes, which no {what} \
                 aiplan writes or reads comes near"
            ),
            TextError::Utf8 {
                line,
                column,
                message,
            } => format!("the {what} {path}:{line}:{column}: {message}"),
            TextError::Io(error) => format!("cannot read the {what} {path}: {error}"),
        }
    }
}

/// Checks that `path` is a regular file (following symbolic links): a FIFO
/// or a device is refused before it is opened, since opening a FIFO waits
/// for a writer and a device such as `/dev/zero` never ends.
fn check_regular(path: &Path) -> Result<std::fs::Metadata, TextError> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(metadata),
        Ok(metadata) => Err(TextError::NotRegular(crate::source::describe_file_type(
            &metadata.file_type(),
        ))),
        Err(error) => match std::fs::symlink_metadata(path) {
            Ok(link) if link.file_type().is_symlink() => Err(TextError::BrokenLink(error)),
            _ => Err(TextError::Io(error)),
        },
    }
}

/// Reads a small text file: a regular file (or a link to one) of at most
/// `limit` bytes, in UTF-8. Reads at most one byte past the limit.
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, TextError> {
    let metadata = check_regular(path)?;
    if metadata.len() > limit {
        return Err(TextError::TooLarge(limit));
    }
    let file = std::fs::File::open(path).map_err(TextError::Io)?;
    // The file may have been replaced between the two looks.
    let opened = file.metadata().map_err(TextError::Io)?;
    if !opened.is_file() {
        return Err(TextError::NotRegular(crate::source::describe_file_type(
            &opened.file_type(),
        )));
    }
    let bytes = read_limited(file, limit, opened.len()).map_err(TextError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(TextError::TooLarge(limit));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let byte = error.as_bytes()[offset];
        let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
        let source = SourceFile::new(path.display().to_string(), None, text);
        let position = source.position(u32::try_from(offset).unwrap_or(u32::MAX));
        TextError::Utf8 {
            line: position.line,
            column: position.column,
            message: invalid_utf8_message(byte),
        }
    })
}
