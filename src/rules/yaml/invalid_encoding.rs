//! `invalid-encoding`: a file that is not UTF-8 text.
//!
//! Checked in the load stage, before parsing (`into_source` in
//! src/load/read.rs); this file holds the rule's documentation and cases.
//!
//! The commonest trigger, a byte that is not UTF-8 (Latin-1 `ü`), cannot be
//! written in a Rust `&str`, so the cases here use the other trigger, a NUL
//! byte; the Example in the docs describes the Latin-1 byte in a comment.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INVALID_ENCODING,
    docs: RuleDocs {
        what: "Reports a file whose bytes are not UTF-8 text. A file that contains a NUL byte is refused as binary, with the offset of the first one; otherwise the first byte that cannot start or continue a UTF-8 character is pointed at, such as the single byte `0xFC` that Latin-1 (Windows-1252) writes for `ü`. The file is not parsed. A UTF-8 byte-order mark is accepted.",
        why: "Every name, id and message that aiplan reads, compares and reports is text, and every position it gives is a line and a column in characters. Guessing the encoding of a file that is not UTF-8 would turn `Zürich` into `Z�rich` in phase names, derived ids, the schedule and the graph without anyone noticing, so the file is refused instead and the fix is one command (`iconv -f latin1 -t utf-8`) or one save in the editor. A NUL byte means the file is not text at all: a spreadsheet export, an archive, or a UTF-16 file as Windows PowerShell 5 writes with `>`; checking it as YAML would only produce noise.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", UTF16)], &[("plan.yaml", NUL_PADDED)]],
    silent: &[&[("plan.yaml", INSTEAD)], &[("plan.yaml", WITH_BOM)]],
};

const EXAMPLE: &str = r#"# Saved as Latin-1 (Windows-1252): the `ü` below is the single byte 0xFC,
# which is not UTF-8.
aiplan: 1
name: Rechenzentrum Zürich — GPU platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

const INSTEAD: &str = r#"# Saved as UTF-8: the `ü` below is the two bytes 0xC3 0xBC.
aiplan: 1
name: Rechenzentrum Zürich — GPU platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
"#;

/// `aiplan: 1` and `name: Pilot` as UTF-16LE (without a byte-order mark,
/// which is not UTF-8 and so cannot be written in a `&str`): every ASCII
/// character is followed by a NUL byte.
const UTF16: &str = "a\u{0}i\u{0}p\u{0}l\u{0}a\u{0}n\u{0}:\u{0} \u{0}1\u{0}\n\u{0}\
                     n\u{0}a\u{0}m\u{0}e\u{0}:\u{0} \u{0}P\u{0}i\u{0}l\u{0}o\u{0}t\u{0}\n\u{0}";

/// A plan followed by NUL padding, as a truncated or pre-allocated copy
/// leaves it.
const NUL_PADDED: &str = "aiplan: 1
name: Rechenzentrum Zürich — GPU platform migration
\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}";

/// A UTF-8 byte-order mark, as Windows Notepad writes it, is fine.
const WITH_BOM: &str = "\u{FEFF}aiplan: 1
name: Rechenzentrum Zürich — GPU platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
";
