//! The span tree: a shadow of a loaded `serde_json::Value` that records where
//! every node came from, so that any JSON pointer (a schema error's
//! `instance_path`, a phase's `depends_on` entry) resolves to a line and
//! column.
//!
//! The tree stands on its own: mapping entries carry their key (interned in a
//! `KeyTable`, as the same few keys repeat for every phase) and are sorted by
//! it, so a key is found by binary search and the value can be consumed into
//! the typed model while diagnostics can still be located. A node that came
//! from an alias is a leaf at the alias site; everything below it resolves
//! there.

use crate::source::Span;
use std::collections::HashMap;

/// Where a node was written, and where its children are in the tree's
/// arrays. Small and `Copy`: the tree of a 100,000-phase plan is a few
/// flat arrays rather than a million small allocations.
#[derive(Debug, Clone, Copy)]
pub struct SpanNode {
    pub span: Span,
    kind: NodeKind,
    first: u32,
    count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Leaf,
    Seq,
    Map,
}

impl SpanNode {
    /// A scalar, or a node that came from an alias.
    pub fn leaf(span: Span) -> SpanNode {
        SpanNode {
            span,
            kind: NodeKind::Leaf,
            first: 0,
            count: 0,
        }
    }
}

/// A mapping entry: its key's name and span, and its value.
#[derive(Debug, Clone, Copy)]
pub struct MapEntrySpan {
    /// The key's name in the tree's `KeyTable`.
    pub name: u32,
    pub key: Span,
    pub value: SpanNode,
}

/// The span tree of one document. Children are appended as each collection
/// ends, so every collection's children are contiguous.
#[derive(Debug, Default)]
pub struct SpanTree {
    root: Option<SpanNode>,
    items: Vec<SpanNode>,
    entries: Vec<MapEntrySpan>,
    pub keys: KeyTable,
}

impl SpanTree {
    /// A sequence node whose items are `items`.
    pub fn seq(&mut self, span: Span, items: impl ExactSizeIterator<Item = SpanNode>) -> SpanNode {
        let first = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
        self.items.extend(items);
        SpanNode {
            span,
            kind: NodeKind::Seq,
            first,
            count,
        }
    }

    /// An empty tree with room for the nodes of a `text_len`-byte file as
    /// plans are written (a mapping entry per 24 bytes, a list item per
    /// 48): growing the vectors of a large plan by doubling copied them
    /// over and over, 8 % of checking 100,000 phases. Room not used is
    /// never written, so it never becomes resident memory; it is not
    /// shrunk away either, which would copy the arrays when less than
    /// half is used.
    pub fn with_capacity_for(text_len: usize) -> SpanTree {
        SpanTree {
            root: None,
            items: Vec::with_capacity(text_len / 48),
            entries: Vec::with_capacity(text_len / 24),
            keys: KeyTable::default(),
        }
    }

    /// How many mapping entries the tree holds: where the next mapping's
    /// entries start (see `push_entry` and `map_from`).
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// Adds the next entry of the mapping being finished.
    pub fn push_entry(&mut self, entry: MapEntrySpan) {
        self.entries.push(entry);
    }

    /// The node of a mapping whose entries were pushed from `first` on.
    pub fn map_from(&mut self, span: Span, first: usize) -> SpanNode {
        SpanNode {
            span,
            kind: NodeKind::Map,
            first: u32::try_from(first).unwrap_or(u32::MAX),
            count: u32::try_from(self.entries.len() - first).unwrap_or(u32::MAX),
        }
    }

    /// Makes `root` the document's root.
    pub fn finish(&mut self, root: SpanNode) {
        self.root = Some(root);
    }

    /// The span of the whole document.
    pub fn span(&self) -> Span {
        self.root.map_or(Span::default(), |root| root.span)
    }

    fn children(&self, node: SpanNode) -> &[SpanNode] {
        &self.items[node.first as usize..][..node.count as usize]
    }

    fn entries(&self, node: SpanNode) -> &[MapEntrySpan] {
        &self.entries[node.first as usize..][..node.count as usize]
    }

    /// Follows pointer tokens (already unescaped) as far as they lead.
    pub fn locate<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> Located {
        let Some(mut node) = self.root else {
            return Located {
                value: Span::default(),
                key: None,
                exact: false,
            };
        };
        let mut key = None;
        let mut exact = true;
        for token in tokens {
            let next = match node.kind {
                NodeKind::Seq => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| self.children(node).get(index))
                    .map(|item| (*item, None)),
                NodeKind::Map => {
                    let entries = self.entries(node);
                    entries
                        .binary_search_by(|entry| self.keys.name(entry.name).cmp(token))
                        .ok()
                        .map(|index| (entries[index].value, Some(entries[index].key)))
                }
                // Below an alias: everything is at the alias site.
                NodeKind::Leaf => None,
            };
            match next {
                Some((child, child_key)) => {
                    node = child;
                    key = child_key;
                }
                None => {
                    exact = exact && node.kind == NodeKind::Leaf;
                    break;
                }
            }
        }
        Located {
            value: node.span,
            key,
            exact,
        }
    }
}

/// The distinct mapping keys of one document.
#[derive(Debug, Default)]
pub struct KeyTable {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32, foldhash::fast::RandomState>,
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
