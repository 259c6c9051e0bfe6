//! The span tree: a shadow of a loaded `serde_json::Value` that records where
//! every node came from, so that any JSON pointer (a schema error's
//! `instance_path`, a phase's `depends_on` entry) resolves to a line and
//! column.
//!
//! Mapping entries are kept in the order the value's object iterates (by
//! key), so a key is found by its index in the value.
//! A node that came from an alias is a `Leaf` at the alias site; everything
//! below it resolves there.

use crate::source::Span;
use serde_json::Value;

#[derive(Debug, Clone)]
pub enum SpanNode {
    Leaf(Span),
    Seq(Span, Vec<SpanNode>),
    Map(Span, Vec<MapEntrySpan>),
}

#[derive(Debug, Clone)]
pub struct MapEntrySpan {
    pub key: Span,
    pub value: SpanNode,
}

/// Where a pointer leads: the node, and the key that introduced it when the
/// last step was a mapping key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub value: Span,
    pub key: Option<Span>,
}

impl SpanNode {
    pub fn span(&self) -> Span {
        match self {
            SpanNode::Leaf(span) | SpanNode::Seq(span, _) | SpanNode::Map(span, _) => *span,
        }
    }

    /// Follows pointer tokens (already unescaped) as far as they lead. A
    /// token that does not exist stops the walk at the deepest node found.
    pub fn locate<'a>(&self, value: &Value, tokens: impl IntoIterator<Item = &'a str>) -> Located {
        let mut node = self;
        let mut value = value;
        let mut key = None;
        for token in tokens {
            match (node, value) {
                (SpanNode::Seq(_, items), Value::Array(values)) => {
                    let Some(index) = token.parse::<usize>().ok().filter(|&i| i < items.len())
                    else {
                        break;
                    };
                    node = &items[index];
                    value = &values[index];
                    key = None;
                }
                (SpanNode::Map(_, entries), Value::Object(map)) => {
                    let Some((index, (_, child))) = map
                        .iter()
                        .enumerate()
                        .find(|(_, (name, _))| name.as_str() == token)
                    else {
                        break;
                    };
                    let Some(entry) = entries.get(index) else {
                        break;
                    };
                    node = &entry.value;
                    value = child;
                    key = Some(entry.key);
                }
                _ => break,
            }
        }
        Located {
            value: node.span(),
            key,
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
