//! Phases checked and typed as the loader reads them.
//!
//! `PhaseStream` is the `load::PhaseSink` of a check: each item of a
//! file's `phases` list is validated against the schema's `Phase` as soon
//! as the parser finishes it and, when valid, deserialised into a `Phase`,
//! so its `serde_json::Value` is freed before the next phase is read. An
//! invalid item is kept as a value, for the schema stage to report (at its
//! place in the file), and the file then fails as it would whole.

use super::Phase;
use crate::load::PhaseSink;
use crate::source::FileId;
use serde_json::Value;

/// The phases taken from one file's `phases` list.
#[derive(Debug, Default)]
pub struct FilePhases {
    /// The valid items, typed, in list order.
    pub valid: Vec<Phase>,
    /// Items the schema refuses, with their index in the list.
    pub invalid: Vec<(usize, Value)>,
    /// Items the schema accepts but the model could not read (a bug in
    /// aiplan: the two disagree), with the reason.
    pub unreadable: Vec<(usize, String)>,
}

/// The phases of every file of a run, by file.
#[derive(Debug, Default)]
pub struct PhaseStream {
    /// Files in the order their first phase arrived; the one being read
    /// is last.
    files: Vec<(FileId, FilePhases)>,
}

impl PhaseStream {
    /// The phases taken from `file` (none when it has no `phases` list).
    pub fn of(&self, file: FileId) -> Option<&FilePhases> {
        self.files
            .iter()
            .find(|(id, _)| *id == file)
            .map(|(_, phases)| phases)
    }

    /// Takes the phases of `file` out of the stream.
    pub fn take(&mut self, file: FileId) -> FilePhases {
        self.files
            .iter_mut()
            .find(|(id, _)| *id == file)
            .map(|(_, phases)| std::mem::take(phases))
            .unwrap_or_default()
    }

    fn current(&mut self, file: FileId) -> &mut FilePhases {
        // The file being read is the last one (a search from the end).
        let position = match self.files.iter().rposition(|(id, _)| *id == file) {
            Some(position) => position,
            None => {
                self.files.push((file, FilePhases::default()));
                self.files.len() - 1
            }
        };
        &mut self.files[position].1
    }
}

impl PhaseSink for PhaseStream {
    fn expect(&mut self, file: FileId, items: usize) {
        // Sized once rather than doubled: growing a vector of 100,000
        // phases copied it several times and faulted in twice its memory.
        // The estimate may be high; the pages never written are never
        // touched. If the memory is not there, the vector grows as usual.
        let _ = self.current(file).valid.try_reserve_exact(items);
    }

    fn phase(&mut self, file: FileId, index: usize, value: Value) {
        let phases = self.current(file);
        if !crate::schema::is_valid_phase(&value) {
            phases.invalid.push((index, value));
            return;
        }
        match serde_json::from_value::<Phase>(value) {
            Ok(phase) => phases.valid.push(phase),
            Err(error) => phases.unreadable.push((index, error.to_string())),
        }
    }
}
