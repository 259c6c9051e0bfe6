//! YAML text → `serde_json::Value` plus a `SpanNode` tree, in one pass over
//! granit-parser's events (each carries its byte offset, line and column).
//!
//! The builder is iterative, so nesting depth cannot overflow the stack; the
//! parser's own nesting limit refuses deeper input with a located error.
//! Aliases are expanded under a node budget, so an alias bomb is a located
//! error and not an out-of-memory abort.

use super::scalar::{core_kind, resolve_non_string, resolve_plain};
use super::spans::{Located, MapEntrySpan, SpanNode, SpanTree};
use super::{Limits, PHASES_KEY, PhaseSink};
use crate::FastMap;
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::source::{FileId, Span};
use granit_parser::{Event, Options, Parser, ScalarStyle, ScanError, Tag};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// One YAML document: its value and where each node came from.
#[derive(Debug)]
pub struct YamlDocument {
    /// The value; the model stage may take it (leaving `Null`) once the
    /// schema has checked it, so that a large plan is not held twice.
    pub value: Value,
    pub spans: SpanTree,
    /// How many items of the top-level `phases` list a `PhaseSink` took:
    /// the list in `value` is then empty (the span tree has every item).
    pub phases_taken: usize,
}

impl YamlDocument {
    /// Where the node at these pointer tokens was written.
    pub fn locate<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> Located {
        self.spans.locate(tokens)
    }

    /// Whether the document has a node at these pointer tokens (below an
    /// alias, where the tree does not look, it answers yes).
    pub fn has<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> bool {
        self.spans.locate(tokens).exact
    }
}

/// What the files of one plan may still build, shared by all of them so
/// that includes do not multiply the limits: YAML nodes (aliases counted
/// expanded), and nodes added by aliases.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Nodes built so far by the plan's files.
    pub nodes: usize,
    pub max_nodes: usize,
    /// Nodes aliases added so far.
    pub expanded: usize,
    /// Bytes of the files parsed so far, which the alias budget grows with.
    pub bytes: usize,
    /// Whether a limit was reached (and reported): the plan's other files
    /// are not read.
    pub exhausted: bool,
}

impl Budget {
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            nodes: 0,
            max_nodes: limits.max_nodes(),
            expanded: 0,
            bytes: 0,
            exhausted: false,
        }
    }
}

/// Parses `text` (the whole file) on its own budget. Returns `None` when
/// the file holds no usable document; every problem found is in
/// `diagnostics`.
pub fn parse(
    file: FileId,
    text: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<YamlDocument> {
    parse_within(
        file,
        text,
        limits,
        &mut Budget::new(limits),
        None,
        diagnostics,
    )
}

/// Parses `text`, one of the files of a plan, charging `budget`. With a
/// `sink`, the items of the top-level `phases` list go to it as they are
/// read, instead of into the document.
pub fn parse_within(
    file: FileId,
    text: &str,
    limits: &Limits,
    budget: &mut Budget,
    sink: Option<&mut dyn PhaseSink>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<YamlDocument> {
    budget.bytes = budget.bytes.saturating_add(text.len());
    let mut builder = Builder {
        file,
        text,
        stack: Vec::new(),
        root: None,
        anchors: FastMap::default(),
        pools: Pools::default(),
        tree: SpanTree::with_capacity_for(text.len()),
        expanded: budget.expanded,
        alias_budget: limits.alias_budget(budget.bytes),
        nodes: budget.nodes,
        nodes_before: budget.nodes,
        max_nodes: budget.max_nodes,
        // (Reborrowed for the builder's lifetime.)
        sink: sink.map(|sink| sink as &mut dyn PhaseSink),
        phases_taken: 0,
        diagnostics,
    };
    let document = builder.build(limits);
    budget.nodes = builder.nodes;
    budget.expanded = builder.expanded;
    budget.exhausted |=
        builder.nodes > builder.max_nodes || builder.expanded > builder.alias_budget;
    document
}

impl Builder<'_> {
    /// Runs the parser over the text and builds the document.
    fn build(&mut self, limits: &Limits) -> Option<YamlDocument> {
        let builder = self;
        let file = builder.file;
        let text = builder.text;
        let mut options = Options::default();
        options.block_nesting_limit = limits.max_depth;
        options.flow_nesting_limit = limits.max_depth;
        let mut parser = Parser::new_from_str_with_options(text, options);
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(event) => event,
                Err(error) => {
                    builder.syntax_error(&error);
                    return None;
                }
            };
            let span = Span::new(
                span.start.byte_offset().unwrap_or(0),
                span.end.byte_offset().unwrap_or(0),
            );
            if matches!(
                event,
                Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
            ) {
                // An alias counts in `alias`, at its expanded size.
                builder.nodes += 1;
            }
            match event {
                Event::DocumentStart(..) => {
                    documents += 1;
                    if documents > 1 {
                        builder.report(
                            Diagnostic::new(
                                &diag::UNSUPPORTED_YAML,
                                "a plan file holds one YAML document; this file has more",
                                Label::new(file, span, "a second document starts here"),
                            )
                            .with_help(
                                "split the documents into files and list them under `include:`",
                            ),
                        );
                        break;
                    }
                }
                Event::Scalar(text, style, anchor, tag) => {
                    let (value, key_text) = builder.scalar_value(text, style, tag.as_deref(), span);
                    builder.complete(
                        Node {
                            value,
                            spans: SpanNode::leaf(span),
                            size: 1,
                            key_text,
                            plain: style == ScalarStyle::Plain,
                        },
                        anchor,
                    );
                }
                Event::Alias(id) => builder.alias(id, span),
                Event::SequenceStart(_, anchor, tag) => {
                    builder.check_collection_tag(tag.as_deref(), "seq", span);
                    let (values, spans) = builder.pools.seqs.pop().unwrap_or_default();
                    builder
                        .stack
                        .push(Frame::new(FrameKind::Seq(values, spans), span, anchor));
                }
                Event::MappingStart(_, anchor, tag) => {
                    builder.check_collection_tag(tag.as_deref(), "map", span);
                    let map = builder.pools.maps.pop().unwrap_or_default();
                    builder
                        .stack
                        .push(Frame::new(FrameKind::Map(map), span, anchor));
                }
                Event::SequenceEnd | Event::MappingEnd => builder.end_collection(span),
                _ => {}
            }
            if builder.nodes > builder.max_nodes {
                // Abandoned before the document can claim more memory.
                builder.node_limit_reached(span);
                return None;
            }
        }
        let root = builder.root.take();
        if root.is_none() && documents == 0 {
            return None;
        }
        let node = root.unwrap_or(Node {
            value: Value::Null,
            spans: SpanNode::leaf(Span::default()),
            size: 1,
            key_text: None,
            plain: true,
        });
        let mut spans = std::mem::take(&mut builder.tree);
        spans.finish(node.spans);
        Some(YamlDocument {
            value: node.value,
            spans,
            phases_taken: builder.phases_taken,
        })
    }
}

/// A finished node on its way into its parent.
struct Node {
    value: Value,
    spans: SpanNode,
    /// How many nodes the value holds, counting itself: what an alias to it costs.
    size: usize,
    /// The source text of a scalar, used when the node becomes a mapping key.
    key_text: Option<String>,
    plain: bool,
}

struct Frame {
    kind: FrameKind,
    start: Span,
    anchor: usize,
    size: usize,
}

impl Frame {
    fn new(kind: FrameKind, start: Span, anchor: usize) -> Frame {
        Frame {
            kind,
            start,
            anchor,
            size: 1,
        }
    }
}

enum FrameKind {
    Seq(Vec<Value>, Vec<SpanNode>),
    Map(MapFrame),
}

/// The buffers of finished collections, reused by the next ones: a plan
/// holds a few collections per phase, and growing fresh buffers for each
/// cost more allocations than building the values themselves. What a
/// collection keeps is copied out at its exact size.
#[derive(Default)]
struct Pools {
    seqs: Vec<(Vec<Value>, Vec<SpanNode>)>,
    maps: Vec<MapFrame>,
}

/// A mapping being built. Entries stay in source order until the mapping
/// ends; then they are sorted by key, the order in which `serde_json::Map`
/// (a `BTreeMap`: far smaller than an ordered map for 100,000 phases)
/// iterates, so the span entries line up with the value's.
#[derive(Default)]
struct MapFrame {
    entries: Vec<(String, Value, MapEntrySpan)>,
    /// Key → entry index, built once a mapping grows large, so duplicate
    /// detection stays linear for hostile mappings with many keys.
    index: Option<FastMap<String, usize>>,
    pending: Pending,
    /// Mappings named by `<<` merge keys, with the site they came from.
    merges: Vec<(Map<String, Value>, Span)>,
}

impl MapFrame {
    const INDEX_FROM: usize = 16;

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self
                .entries
                .iter()
                .position(|(existing, ..)| existing == key),
        }
    }

    fn push(&mut self, key: String, value: Value, span: MapEntrySpan) {
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.entries.len());
        }
        self.entries.push((key, value, span));
        if self.index.is_none() && self.entries.len() >= Self::INDEX_FROM {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(position, (key, ..))| (key.clone(), position))
                    .collect(),
            );
        }
    }

    /// The finished mapping, merged keys added where not written; its
    /// entries go to the span tree sorted by key, as the map orders them.
    /// Leaves the frame empty, for reuse.
    fn finish(&mut self, tree: &mut SpanTree, span: Span) -> (Map<String, Value>, SpanNode) {
        let keys = &mut tree.keys;
        for (merged, site) in std::mem::take(&mut self.merges) {
            for (key, value) in merged {
                if self.position(&key).is_none() {
                    let name = keys.intern(&key);
                    self.push(
                        key,
                        value,
                        MapEntrySpan {
                            name,
                            key: site,
                            value: SpanNode::leaf(site),
                        },
                    );
                }
            }
        }
        self.entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Collected in key order, the map is built in bulk (inserting key
        // by key searched the node for each).
        let first = tree.entries_len();
        let values: Map<String, Value> = self
            .entries
            .drain(..)
            .map(|(key, value, entry)| {
                tree.push_entry(entry);
                (key, value)
            })
            .collect();
        let spans = tree.map_from(span, first);
        self.index = None;
        self.pending = Pending::Key;
        (values, spans)
    }
}

#[derive(Default)]
enum Pending {
    /// The next node is a key.
    #[default]
    Key,
    /// The next node is the value of this key.
    Value(String, Span),
    /// The next node is the value of a `<<` merge key.
    Merge,
    /// The next node is the value of a key that was refused; drop it.
    Discard,
}

struct Anchored {
    value: Value,
    size: usize,
}

struct Builder<'a> {
    file: FileId,
    text: &'a str,
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: FastMap<usize, Anchored>,
    pools: Pools,
    tree: SpanTree,
    expanded: usize,
    alias_budget: usize,
    /// Nodes built so far, aliases counted at their expanded size.
    nodes: usize,
    /// The nodes the plan's files read before this one built.
    nodes_before: usize,
    max_nodes: usize,
    /// Takes the items of the top-level `phases` list as they complete.
    sink: Option<&'a mut dyn PhaseSink>,
    /// How many it took.
    phases_taken: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Builder<'_> {
    fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn syntax_error(&mut self, error: &ScanError) {
        let marker = error.marker();
        let offset = marker
            .byte_offset()
            .unwrap_or(self.text.len())
            .min(self.text.len());
        let end = self.text[offset..]
            .chars()
            .next()
            .map_or(offset, |c| offset + c.len_utf8());
        let info = error.info();
        // The scanner reports a tab after reading it; point at the tab.
        let offset =
            if info.to_ascii_lowercase().contains("tab") && self.text[..offset].ends_with('\t') {
                offset - 1
            } else {
                offset
            };
        let end = end.max(offset + 1).min(self.text.len()).max(offset);
        let span = Span::new(offset, end);
        let diagnostic = if matches!(
            error.kind(),
            granit_parser::ErrorKind::RecursionLimitExceeded
        ) || info.contains("nesting limit")
        {
            Diagnostic::new(
                &diag::RESOURCE_LIMIT,
                "the YAML is nested too deeply",
                Label::new(self.file, span, "nesting limit reached here"),
            )
            .with_help(
                "a plan needs only a few levels of nesting; flatten this structure \
                 (aiplan refuses deeper nesting so hostile input cannot exhaust the stack)",
            )
        } else if matches!(error.kind(), granit_parser::ErrorKind::UnknownAnchor) {
            // Name the alias: the parser's message does not.
            let name: String = self.text[offset..]
                .trim_start_matches('*')
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                .collect();
            let span = Span::new(offset, offset + 1 + name.len());
            Diagnostic::new(
                &diag::YAML_SYNTAX,
                format!("invalid YAML: the alias `*{name}` names no anchor"),
                Label::new(self.file, span, "unknown anchor"),
            )
            .with_help(format!(
                "an alias `*{name}` must refer to an anchor `&{name}` defined earlier in the same file"
            ))
        } else if let Some(escape) = info
            .contains("unknown escape")
            .then(|| invalid_escape(self.text, offset))
            .flatten()
        {
            // The parser points at the opening quote; point at the escape.
            let sequence = &self.text[escape.range()];
            Diagnostic::new(
                &diag::YAML_SYNTAX,
                format!(
                    "invalid YAML: `{sequence}` is not an escape sequence of a double-quoted string"
                ),
                Label::new(self.file, escape, "unknown escape"),
            )
            .with_help(
                "inside double quotes a backslash starts an escape such as `\\n`: write `\\\\` \
                 for a backslash, or use single quotes, where a backslash is plain text \
                 ('D:\\exports')",
            )
        } else {
            Diagnostic::new(
                &diag::YAML_SYNTAX,
                format!("invalid YAML: {info}"),
                Label::new(self.file, span, info.clone()),
            )
            .with_help(syntax_help(&info))
        };
        self.report(diagnostic);
    }

    /// A scalar's value, and its source text when the value is not a
    /// string (for use as a mapping key). The text is moved, not copied,
    /// into a string value: most of a plan is strings.
    fn scalar_value(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: Span,
    ) -> (Value, Option<String>) {
        let string = |text: Cow<'_, str>| (Value::String(text.into_owned()), None);
        let resolved = |text: Cow<'_, str>| {
            if style != ScalarStyle::Plain {
                return string(text);
            }
            match resolve_non_string(&text) {
                Some(value) => (value, Some(text.into_owned())),
                None => string(text),
            }
        };
        let Some(tag) = tag else {
            return resolved(text);
        };
        // `! text`: the non-specific tag makes a string (YAML 1.2 §6.9.1).
        if tag.original() == "!" {
            return string(text);
        }
        match tag.core_suffix() {
            Some("str") => string(text),
            Some(kind @ ("int" | "float" | "bool" | "null")) => {
                let value = resolve_plain(&text);
                let found = core_kind(&value);
                if found == kind || (kind == "float" && found == "int") {
                    (value, Some(text.into_owned()))
                } else {
                    self.report(
                        Diagnostic::new(
                            &diag::INVALID_VALUE,
                            format!("`{text}` is not a valid `!!{kind}`"),
                            Label::new(self.file, span, format!("tagged `!!{kind}`")),
                        )
                        .with_help("remove the tag, or write a value of that type"),
                    );
                    string(text)
                }
            }
            _ => {
                self.unsupported_tag(tag, span);
                resolved(text)
            }
        }
    }

    fn check_collection_tag(&mut self, tag: Option<&Tag>, kind: &str, span: Span) {
        if let Some(tag) = tag
            && tag.core_suffix() != Some(kind)
        {
            self.unsupported_tag(tag, span);
        }
    }

    fn unsupported_tag(&mut self, tag: &Tag, span: Span) {
        self.report(
            Diagnostic::new(
                &diag::UNSUPPORTED_YAML,
                format!("the YAML tag `{}` is not supported in a plan", tag.original()),
                Label::new(self.file, span, "tagged here"),
            )
            .with_help(if tag.suffix().eq_ignore_ascii_case("include") {
                "aiplan includes files with the top-level key `include: [file.yaml]`, not with a tag"
            } else {
                "remove the tag; plan values are plain strings, numbers, booleans, lists and mappings"
            }),
        );
    }

    fn node_limit_reached(&mut self, span: Span) {
        let limit = self.max_nodes;
        let message = if self.nodes_before == 0 {
            format!("the file holds more than {limit} YAML nodes")
        } else {
            format!("the plan's files hold more than {limit} YAML nodes together")
        };
        self.report(
            Diagnostic::new(
                &diag::RESOURCE_LIMIT,
                message,
                Label::new(self.file, span, "the limit is crossed here"),
            )
            .with_help(
                "a plan takes about one node per 12 bytes or more; if the plan really is this \
                 large, raise `--max-file-size` (the node limit, for a plan and all it \
                 includes, is one per 8 bytes of it)",
            ),
        );
    }

    fn alias(&mut self, id: usize, span: Span) {
        let Some(anchored) = self.anchors.get(&id) else {
            // The parser refuses unknown anchors; this is only a safeguard.
            self.complete(leaf(Value::Null, span), 0);
            return;
        };
        if self.expanded > self.alias_budget {
            // Already reported once; the document is abandoned anyway.
            self.complete(leaf(Value::Null, span), 0);
            return;
        }
        self.expanded = self.expanded.saturating_add(anchored.size);
        if self.expanded > self.alias_budget {
            let budget = self.alias_budget;
            self.report(
                Diagnostic::new(
                    &diag::RESOURCE_LIMIT,
                    format!("aliases expand to more than {budget} nodes"),
                    Label::new(self.file, span, "the limit is crossed at this alias"),
                )
                .with_help(
                    "this looks like an alias bomb (\"billion laughs\"); write the values out \
                     or use fewer nested aliases",
                ),
            );
            self.complete(leaf(Value::Null, span), 0);
            return;
        }
        let value = anchored.value.clone();
        let size = anchored.size;
        self.nodes = self.nodes.saturating_add(size);
        self.complete(
            Node {
                value,
                spans: SpanNode::leaf(span),
                size,
                key_text: None,
                plain: false,
            },
            0,
        );
    }

    fn end_collection(&mut self, end: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let span = Span {
            start: frame.start.start,
            end: end.end.max(frame.start.end),
        };
        let (value, spans) = match frame.kind {
            FrameKind::Seq(mut values, mut spans) => {
                // Moved into a vector of the exact size; the buffer stays.
                let mut exact = Vec::with_capacity(values.len());
                exact.append(&mut values);
                let value = Value::Array(exact);
                let spans_node = self.tree.seq(span, spans.drain(..));
                self.pools.seqs.push((values, spans));
                (value, spans_node)
            }
            FrameKind::Map(mut map) => {
                let (values, spans_node) = map.finish(&mut self.tree, span);
                self.pools.maps.push(map);
                (Value::Object(values), spans_node)
            }
        };
        self.complete(
            Node {
                value,
                spans,
                size: frame.size,
                key_text: None,
                plain: false,
            },
            frame.anchor,
        );
    }

    /// Hands a finished node to its parent (or makes it the root) and
    /// records it when it carries an anchor.
    fn complete(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(
                anchor,
                Anchored {
                    value: node.value.clone(),
                    size: node.size,
                },
            );
        }
        let file = self.file;
        let phase_item = self.completes_phase_item();
        let Some(parent) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(node);
            }
            return;
        };
        parent.size = parent.size.saturating_add(node.size);
        let map = match &mut parent.kind {
            FrameKind::Seq(values, spans) => {
                spans.push(node.spans);
                match (phase_item, &mut self.sink) {
                    (true, Some(sink)) => {
                        if self.phases_taken == 0 {
                            sink.expect(
                                file,
                                expected_items(parent.start, node.spans.span, self.text.len()),
                            );
                        }
                        sink.phase(file, self.phases_taken, node.value);
                        self.phases_taken += 1;
                    }
                    _ => values.push(node.value),
                }
                return;
            }
            FrameKind::Map(map) => map,
        };
        match std::mem::take(&mut map.pending) {
            Pending::Key => {
                let key_span = node.spans.span;
                let key = match node.value {
                    Value::String(key) => Some(key),
                    Value::Array(_) | Value::Object(_) => None,
                    other => Some(node.key_text.unwrap_or_else(|| other.to_string())),
                };
                let Some(key) = key else {
                    map.pending = Pending::Discard;
                    self.diagnostics.push(
                        Diagnostic::new(
                            &diag::UNSUPPORTED_YAML,
                            "a mapping key must be a plain string",
                            Label::new(file, key_span, "this key is a list or a mapping"),
                        )
                        .with_help("write the key as a string"),
                    );
                    return;
                };
                if key == "<<" && node.plain {
                    map.pending = Pending::Merge;
                    return;
                }
                if let Some(index) = map.position(&key) {
                    let first = map.entries[index].2.key;
                    map.pending = Pending::Discard;
                    self.diagnostics.push(
                        Diagnostic::new(
                            &diag::DUPLICATE_KEY,
                            format!("the key `{key}` appears twice in this mapping"),
                            Label::new(file, key_span, "written again here"),
                        )
                        .with_secondary(Label::new(file, first, "first written here"))
                        .with_help("keep one of them; YAML readers disagree on which one wins"),
                    );
                    return;
                }
                map.pending = Pending::Value(key, key_span);
            }
            Pending::Value(key, key_span) => {
                let name = self.tree.keys.intern(&key);
                map.push(
                    key,
                    node.value,
                    MapEntrySpan {
                        name,
                        key: key_span,
                        value: node.spans,
                    },
                );
            }
            Pending::Merge => {
                let site = node.spans.span;
                match node.value {
                    Value::Object(merged) => map.merges.push((merged, site)),
                    Value::Array(items) if items.iter().all(Value::is_object) => {
                        for item in items {
                            if let Value::Object(merged) = item {
                                map.merges.push((merged, site));
                            }
                        }
                    }
                    _ => self.diagnostics.push(
                        Diagnostic::new(
                            &diag::INVALID_VALUE,
                            "a `<<` merge key takes a mapping or a list of mappings",
                            Label::new(file, site, "not a mapping"),
                        )
                        .with_help("write `<<: *anchor` where `&anchor` names a mapping"),
                    ),
                }
            }
            Pending::Discard => {}
        }
    }
}

impl Builder<'_> {
    /// Whether the node being completed is an item of the root mapping's
    /// `phases` list, for the sink. Not when the list carries an anchor
    /// (an alias to it must copy the phases, not an empty list); such a
    /// list, and one that comes from a `<<` merge, stays in the document.
    fn completes_phase_item(&self) -> bool {
        self.sink.is_some()
            && self.stack.len() == 2
            && matches!(
                &self.stack[1],
                Frame {
                    kind: FrameKind::Seq(..),
                    anchor: 0,
                    ..
                }
            )
            && matches!(&self.stack[0].kind, FrameKind::Map(root)
                if matches!(&root.pending, Pending::Value(key, _) if key == PHASES_KEY))
    }
}

/// How many items a list that starts at `list` probably holds, from its
/// first item and the bytes left in the file: an estimate for sizing
/// storage once. Items are taken to be at least 64 bytes, so a tiny first
/// item (or a hostile file) cannot make it ask for more than one slot per
/// 64 bytes of the file.
fn expected_items(list: Span, first: Span, text_len: usize) -> usize {
    let start = list.start as usize;
    let first_len = (first.end as usize).saturating_sub(start).max(64);
    text_len.saturating_sub(start) / first_len
}

fn leaf(value: Value, span: Span) -> Node {
    Node {
        value,
        spans: SpanNode::leaf(span),
        size: 1,
        key_text: None,
        plain: false,
    }
}

/// The first escape sequence YAML 1.2 does not define (§5.7) in the
/// double-quoted scalar whose opening quote is at `quote`.
fn invalid_escape(text: &str, quote: usize) -> Option<Span> {
    let scalar = text.get(quote..)?.strip_prefix('"')?;
    let mut chars = scalar.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {
                let (_, escaped) = chars.next()?;
                let known = matches!(
                    escaped,
                    '0' | 'a'
                        | 'b'
                        | 't'
                        | '\t'
                        | 'n'
                        | 'v'
                        | 'f'
                        | 'r'
                        | 'e'
                        | ' '
                        | '"'
                        | '/'
                        | '\\'
                        | 'N'
                        | '_'
                        | 'L'
                        | 'P'
                        | 'x'
                        | 'u'
                        | 'U'
                        | '\n'
                        | '\r'
                );
                if !known {
                    let start = quote + 1 + index;
                    return Some(Span::new(start, start + 1 + escaped.len_utf8()));
                }
            }
            _ => {}
        }
    }
    None
}

/// A hint for the commonest YAML mistakes behind a parser message.
fn syntax_help(info: &str) -> Cow<'static, str> {
    let info = info.to_ascii_lowercase();
    if info.contains("quote") {
        "the quoted string that starts here is not closed: add the closing quote at the end of \
         the value (inside single quotes, an apostrophe is written twice: 'it''s')"
            .into()
    } else if info.contains("tab") {
        "YAML indents with spaces only; replace the tab with spaces".into()
    } else if info.contains("mapping values are not allowed") || info.contains("simple key") {
        "either this key is indented more than the keys beside it (entries of one mapping must \
         line up), or a value contains `: ` and must be quoted, e.g. `name: \"Phase 1: Pilot\"`"
            .into()
    } else if info.contains("indent") || info.contains("block") {
        "check the indentation: entries of one mapping or list must line up".into()
    } else if info.contains("flow")
        || info.contains("unclosed")
        || info.contains("']'")
        || info.contains("'}'")
    {
        "a `[` or `{` opened a flow collection that is not closed where expected".into()
    } else if info.contains("anchor") || info.contains("alias") {
        "an alias `*name` must refer to an anchor `&name` defined earlier in the file".into()
    } else {
        "fix the YAML at this position; quoting a string that contains `:`, `#`, `[` or `{` often helps".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expected_number_of_phases_follows_the_first_and_is_bounded() {
        // A list at byte 100 of a 1,000,100-byte file whose first item
        // takes 250 bytes: about 4,000 items.
        let list = Span::new(100, 101);
        assert_eq!(expected_items(list, Span::new(102, 350), 1_000_100), 4_000);
        // A tiny first item counts as 64 bytes: never more than one item
        // per 64 bytes of the rest of the file.
        assert_eq!(expected_items(list, Span::new(102, 110), 1_000_100), 15_625);
        // Spans past the end (cannot happen) give nothing, not a panic.
        assert_eq!(
            expected_items(Span::new(500, 501), Span::new(502, 600), 100),
            0
        );
    }
}
