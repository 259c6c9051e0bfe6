//! The load stage: files → YAML values with span trees, following
//! `include:`.
//!
//! Takes the paths the user named; returns `Unit`s (one top file and every
//! file it includes) and the diagnostics found on the way. A missing
//! top-level file is an I/O error (exit 2); a missing include is a located
//! diagnostic in the including file.

mod include;
mod read;
mod scalar;
mod spans;
mod yaml;

pub use include::{describe, io_reason, load_unit, shorten};
pub use read::{Origin, ReadFile, read_file};
pub(crate) use read::{TextError, read_text};
pub use spans::{Located, MapEntrySpan, SpanNode, pointer_tokens};
pub use yaml::{Budget, YamlDocument, parse, parse_within};

/// The top-level key of a plan's phases list.
pub const PHASES_KEY: &str = "phases";

/// Receives the items of a file's top-level `phases:` list one by one, as
/// the parser finishes each, instead of the document keeping them. A phase
/// takes about 1 KB as a `serde_json::Value` and half that typed: a plan of
/// 100,000 phases held whole as values doubled the memory of a check (and
/// the time spent faulting that memory in), when each phase can be checked
/// and typed as soon as it is read. In the document the list is left
/// empty (`phases_taken` counts the items taken); the span tree keeps
/// every item's spans. A list with an anchor, or from a
/// `<<` merge, is rare and stays whole in the document.
pub trait PhaseSink {
    /// Takes the item at `index` of the `phases` list of `file`. Items
    /// arrive in order, each once.
    fn phase(&mut self, file: FileId, index: usize, value: serde_json::Value);

    /// About how many items the list of `file` holds, estimated from its
    /// first item and the size of the file (it may be far off either way),
    /// given before that item arrives, so that storage can be sized once.
    fn expect(&mut self, file: FileId, items: usize) {
        let _ = (file, items);
    }
}

use crate::source::FileId;
use std::path::PathBuf;

/// Bounds that keep hostile input from exhausting memory, stack or time.
/// Each one hit is a located `resource-limit` diagnostic.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file read, in bytes (default 40 MiB: a 100,000-phase plan is
    /// about 29 MB).
    pub max_file_size: u64,
    /// Deepest nesting of YAML collections (default 128).
    pub max_depth: usize,
    /// Longest chain of includes (default 32).
    pub max_include_depth: usize,
    /// Whether includes may leave the plan's repository.
    pub allow_outside_root: bool,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_size: 40 * 1024 * 1024,
            max_depth: 128,
            max_include_depth: 32,
            allow_outside_root: false,
        }
    }
}

impl Limits {
    /// How many nodes aliases may add in total: generous for real reuse of
    /// anchored blocks, proportional to the input so large plans keep
    /// working, and far below what an alias bomb asks for.
    pub fn alias_budget(&self, text_len: usize) -> usize {
        100_000 + text_len / 10
    }

    /// How many YAML nodes (scalars, lists and mappings, keys included,
    /// and what aliases expand to) one file may hold: one per 8 bytes of
    /// the file-size limit (5,242,880 by default). Plans written by people
    /// or generators take 12 bytes a node or more, so only dense input
    /// such as `[0,0,0,…]` (2 bytes a node) reaches it, and the memory such
    /// a file can claim stays a few hundred megabytes rather than gigabytes.
    /// Raising `--max-file-size` raises it in proportion.
    pub fn max_nodes(&self) -> usize {
        usize::try_from(self.max_file_size / 8)
            .unwrap_or(usize::MAX)
            .max(10_000)
    }
}

/// What a file is, decided from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Has `aiplan:`: a plan.
    Plan,
    /// Has `phase:`: one phase.
    PhaseDocument,
    /// Included, with neither: some top-level sections of the plan.
    Fragment,
}

/// One loaded YAML file of a unit.
#[derive(Debug)]
pub struct LoadedFile {
    pub id: FileId,
    pub kind: FileKind,
    pub document: YamlDocument,
    pub path: Option<PathBuf>,
}

/// A top-level file and everything it includes, in include order (the top
/// file first).
#[derive(Debug, Default)]
pub struct Unit {
    pub files: Vec<LoadedFile>,
}

/// The kind of a top-level value, or `None` when a top-level file is
/// neither a plan nor a phase document (or is not a mapping at all).
pub fn classify(value: &serde_json::Value, included: bool) -> Option<FileKind> {
    let map = value.as_object()?;
    let is_plan = map.contains_key("aiplan");
    if map.contains_key(crate::model::PHASE_DOCUMENT_NAME_KEY) && !is_plan {
        Some(FileKind::PhaseDocument)
    } else if included {
        Some(FileKind::Fragment)
    } else if is_plan {
        Some(FileKind::Plan)
    } else {
        None
    }
}
