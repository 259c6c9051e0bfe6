//! Source files and spans.
//!
//! Every stage reports findings against a `Span` (byte offsets into one
//! `SourceFile`); line and column are computed only when a diagnostic is
//! rendered, from a table of line starts built once per file.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Identifies a file in `Sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one file. `u32` offsets keep span tables small; files are
/// refused long before 4 GiB (see `load::limits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The byte-order mark some editors write at the start of a UTF-8 file.
pub const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// How many columns the text from a line's start up to a point takes: its
/// characters, except a byte-order mark that opens the file (`at_file_start`),
/// which editors do not show and do not count. Every conversion of an offset
/// to a column goes through here, so that all outputs agree.
pub fn columns(line_prefix: &str, at_file_start: bool) -> usize {
    let counted = if at_file_start {
        line_prefix
            .strip_prefix(BYTE_ORDER_MARK)
            .unwrap_or(line_prefix)
    } else {
        line_prefix
    };
    counted.chars().count()
}

/// What a file is, for messages that refuse it: "a FIFO (named pipe)",
/// "a device", "a socket", "a directory", "a symbolic link", "a regular
/// file" or "a special file".
pub fn describe_file_type(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// One loaded file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as it is shown to the user (relative where it was given so).
    pub name: String,
    /// Where it was read from; `None` for standard input.
    pub path: Option<PathBuf>,
    /// Shared so the loader can parse it while adding included files.
    /// An `Arc<String>` rather than `Arc<str>`: making an `Arc<str>` copies
    /// the text, 30 MB for a 100,000-phase plan.
    pub text: Arc<String>,
    line_starts: Vec<u32>,
    /// The characters before every `CHECKPOINT_BYTES`-th byte, built the
    /// first time a column is asked for far into a line: a minified plan
    /// is one line, and counting from its start for each of thousands of
    /// diagnostics was quadratic.
    char_checkpoints: OnceLock<Vec<u32>>,
}

/// The spacing of `SourceFile::char_checkpoints`, and the longest line
/// prefix whose characters are simply counted.
const CHECKPOINT_BYTES: usize = 4096;

/// The characters that start in `bytes`: its bytes that are not UTF-8
/// continuation bytes (which also counts correctly from the middle of a
/// character).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| (byte as i8) >= -0x40).count()
}

/// Where each line starts. YAML ends a line with LF, CRLF or a lone CR
/// (YAML 1.2 §5.4), and so does this index, so that a file saved with
/// old Mac line endings is located as its parser reads it.
fn line_starts(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for index in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
            continue;
        }
        starts.push(u32::try_from(index + 1).unwrap_or(u32::MAX));
    }
    // Kept for the whole run: drop the slack of growing it.
    starts.shrink_to_fit();
    starts
}

impl SourceFile {
    pub fn new(name: String, path: Option<PathBuf>, text: impl Into<String>) -> SourceFile {
        let text = Arc::new(text.into());
        let line_starts = line_starts(&text);
        SourceFile {
            name,
            path,
            text,
            line_starts,
            char_checkpoints: OnceLock::new(),
        }
    }

    /// The characters of the text before `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let checkpoints = self.char_checkpoints.get_or_init(|| {
            let mut total = 0;
            let mut checkpoints = vec![0];
            for block in bytes.chunks(CHECKPOINT_BYTES) {
                total += u32::try_from(char_starts(block)).unwrap_or(u32::MAX);
                checkpoints.push(total);
            }
            checkpoints
        });
        let block = offset / CHECKPOINT_BYTES;
        checkpoints[block] as usize + char_starts(&bytes[block * CHECKPOINT_BYTES..offset])
    }

    /// The line and column of a byte offset (clamped to the file and to a
    /// character boundary).
    pub fn position(&self, offset: u32) -> Position {
        let offset = (offset as usize).min(self.text.len());
        let line_index = self
            .line_starts
            .partition_point(|&start| start as usize <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts[line_index] as usize;
        let mut boundary = offset;
        while !self.text.is_char_boundary(boundary) {
            boundary -= 1;
        }
        let column = if boundary - line_start <= CHECKPOINT_BYTES {
            columns(&self.text[line_start..boundary], line_start == 0)
        } else {
            let bom = line_start == 0 && self.text.starts_with(BYTE_ORDER_MARK);
            self.chars_before(boundary) - self.chars_before(line_start) - usize::from(bom)
        };
        Position {
            line: line_index + 1,
            column: column + 1,
        }
    }

    /// The byte offset where 0-based line `line` starts, or the end of the
    /// text past the last line.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .map_or(self.text.len(), |&start| start as usize)
    }

    /// The span restricted to its first line, so that a label on a whole
    /// mapping points at where it starts rather than underlining a page.
    pub fn first_line(&self, span: Span) -> Span {
        // The line index finds the line's end: searching the text for it
        // was linear in the line, for every label on a one-line plan.
        let start = (span.start as usize).min(self.text.len());
        let next_line = self
            .line_starts
            .partition_point(|&line_start| line_start as usize <= start);
        let line_end = self.line_start(next_line);
        let line_end = if line_end > start {
            let line = &self.text[start..line_end];
            start + line.trim_end_matches(['\n', '\r']).len()
        } else {
            line_end
        };
        Span::new(start, line_end.min(start + span.range().len()))
    }
}

/// All files of one run, addressed by `FileId`.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX))
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn find_path(&self, path: &std::path::Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|file| file.path.as_deref() == Some(path))
            .map(|index| FileId(index as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(text: &str, offset: usize) -> (usize, usize) {
        let file = SourceFile::new("plan.yaml".into(), None, text);
        let position = file.position(u32::try_from(offset).expect("a small offset"));
        (position.line, position.column)
    }

    #[test]
    fn far_into_a_long_line_columns_still_count_characters() {
        // Past the checkpoint spacing, across multi-byte characters and
        // block boundaries that fall inside them; with and without a BOM.
        for prefix in ["", "\u{FEFF}", "a: 1\n"] {
            let line = "é🚀x".repeat(3_000);
            let text = format!("{prefix}{line}\nnext\n");
            let line_number = 1 + usize::from(prefix.ends_with('\n'));
            for (count, (offset, _)) in line.char_indices().enumerate().step_by(997) {
                assert_eq!(
                    position(&text, prefix.len() + offset),
                    (line_number, count + 1),
                    "offset {offset} after {prefix:?}"
                );
            }
            let end = prefix.len() + line.len();
            assert_eq!(
                position(&text, end),
                (line_number, line.chars().count() + 1)
            );
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_yaml() {
        let text = "aiplan: 1\rname: x\rbogus: 1\r\nphases: []\n";
        assert_eq!(position(text, text.find("bogus").expect("bogus")), (3, 1));
        assert_eq!(position(text, text.find("phases").expect("phases")), (4, 1));
    }

    #[test]
    fn columns_count_characters() {
        let text = "aiplan: 1\nname: Zoë x\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, text.find('x').expect("x")), (2, 11));
    }

    #[test]
    fn a_byte_order_mark_that_opens_the_file_takes_no_column() {
        let text = "\u{FEFF}aiplan: 2\nname: x\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 3), (1, 1));
        assert_eq!(position(text, text.find('2').expect("2")), (1, 9));
        assert_eq!(position(text, text.find('x').expect("x")), (2, 7));
        // Inside the mark, the position snaps back to its start.
        assert_eq!(position(text, 1), (1, 1));
    }

    #[test]
    fn a_byte_order_mark_elsewhere_is_a_character() {
        let text = "aiplan: 1\n\u{FEFF}name: x\n";
        assert_eq!(position(text, text.find('x').expect("x")), (2, 8));
        assert_eq!(columns("\u{FEFF}ab", false), 3);
        assert_eq!(columns("\u{FEFF}ab", true), 2);
        assert_eq!(columns("a\u{FEFF}b", true), 3);
    }
}
