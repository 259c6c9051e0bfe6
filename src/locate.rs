//! Finding where a part of a resolved plan was written, for the stages after
//! the model: a phase's `depends_on` entry, its id, its whole mapping.

use crate::diagnostics::Label;
use crate::load::{LoadedFile, pointer_tokens};
use crate::model::build::PhaseSource;
use crate::source::{FileId, Sources, Span};

pub struct Locator<'a> {
    files: &'a [LoadedFile],
    sources: &'a Sources,
}

impl<'a> Locator<'a> {
    pub fn new(files: &'a [LoadedFile], sources: &'a Sources) -> Locator<'a> {
        Locator { files, sources }
    }

    fn file(&self, id: FileId) -> Option<&'a LoadedFile> {
        self.files.iter().find(|file| file.id == id)
    }

    /// The span of the value at `pointer` + `path` in `file` (its first line,
    /// so a label on a mapping does not underline a page), or of the key
    /// when `key` is set and the last step is a mapping key.
    pub fn span(&self, file: FileId, pointer: &str, path: &[&str], key: bool) -> Span {
        let Some(loaded) = self.file(file) else {
            return Span::default();
        };
        let mut tokens = pointer_tokens(pointer);
        tokens.extend(path.iter().map(|token| token.to_string()));
        let located = loaded.document.locate(tokens.iter().map(String::as_str));
        match located.key {
            Some(key_span) if key => key_span,
            _ => self.sources.get(file).first_line(located.value),
        }
    }

    /// A label on something inside a phase.
    pub fn in_phase(
        &self,
        source: &PhaseSource,
        path: &[&str],
        message: impl Into<String>,
    ) -> Label {
        Label::new(
            source.file,
            self.span(source.file, &source.pointer, path, false),
            message,
        )
    }

    /// A label on a phase as a whole: its id, else its name, else the first
    /// line of its mapping.
    pub fn phase_head(&self, source: &PhaseSource, message: impl Into<String>) -> Label {
        let has = |key: &str| {
            self.file(source.file).is_some_and(|file| {
                let mut tokens = pointer_tokens(&source.pointer);
                tokens.push(key.to_string());
                file.document.has(tokens.iter().map(String::as_str))
            })
        };
        let path: &[&str] = if has("id") {
            &["id"]
        } else if has("name") {
            &["name"]
        } else if has(crate::model::PHASE_DOCUMENT_NAME_KEY) {
            &[crate::model::PHASE_DOCUMENT_NAME_KEY]
        } else {
            &[]
        };
        self.in_phase(source, path, message)
    }

    /// A label on a top-level key of a file (or the file's first line).
    pub fn top_level(&self, file: FileId, key: &str, message: impl Into<String>) -> Label {
        Label::new(file, self.span(file, "", &[key], true), message)
    }
}
