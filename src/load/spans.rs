//! The span tree: a shadow of a loaded `serde_json::Value` that records where
//! every node came from, so that any JSON pointer (a schema error's
//! `instance_path`, a phase's `depends_on` entry) resolves to a line and
//! column.
//!
//! The tree stands on its own: mapping entries carry their key (interned in a
//! `KeyTable`, as the same few keys repeat for every phase) and are sorted by
//! it, so a key is found by binary search and the value can be consumed into
//! the typed model while diagnostics can still be located. A node that came
//! from an alias is a `Leaf` at the alias site; everything below it resolves
//! there.

use crate::source::Span;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub enum SpanNode {
    Leaf(Span),
    Seq(Span, Vec<SpanNode>),
    /// Entries sorted by key name.
    Map(Span, Vec<MapEntrySpan>),
}

#[derive(Debug, Clone)]
pub struct MapEntrySpan {
    /// The key's name in the document's `KeyTable`.
    pub name: u32,
    pub key: Span,
    pub value: SpanNode,
}

/// The distinct mapping keys of one document.
#[derive(Debug, Default)]
pub struct KeyTable {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
}

impl KeyTable {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |name| name)
    }
}

/// Where a pointer leads: the node, and the key that introduced it when the
/// last step was a mapping key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub value: Span,
    pub key: Option<Span>,
    /// Whether every token was found (otherwise this is the deepest node
    /// on the way).
    pub exact: bool,
}

impl SpanNode {
    pub fn span(&self) -> Span {
        match self {
            SpanNode::Leaf(span) | SpanNode::Seq(span, _) | SpanNode::Map(span, _) => *span,
        }
    }

    /// Follows pointer tokens (already unescaped) as far as they lead.
    pub fn locate<'a>(
        &self,
        keys: &KeyTable,
        tokens: impl IntoIterator<Item = &'a str>,
    ) -> Located {
        let mut node = self;
        let mut key = None;
        let mut exact = true;
        for token in tokens {
            let next = match node {
                SpanNode::Seq(_, items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| items.get(index))
                    .map(|item| (item, None)),
                SpanNode::Map(_, entries) => entries
                    .binary_search_by(|entry| keys.name(entry.name).cmp(token))
                    .ok()
                    .map(|index| (&entries[index].value, Some(entries[index].key))),
                // Below an alias: everything is at the alias site.
                SpanNode::Leaf(_) => None,
            };
            match next {
                Some((child, child_key)) => {
                    node = child;
                    key = child_key;
                }
                None => {
                    exact = matches!(node, SpanNode::Leaf(_)) && exact;
                    break;
                }
            }
        }
        Located {
            value: node.span(),
            key,
            exact,
        }
    }
}

/// Splits a JSON pointer (`/phases/0/depends_on`) into unescaped tokens.
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}
