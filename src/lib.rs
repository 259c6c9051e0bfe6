//! aiplan: a declarative planning compiler for moving legacy infrastructure
//! onto AI-ready infrastructure.
//!
//! Data flows one way: `load` (YAML with spans, includes) → `schema`
//! (located schema errors) → `model` (typed `Plan`), each stage collecting
//! `Diagnostic`s rather than stopping at the first.

pub mod allocator;
pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod decide;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod graph;
pub mod load;
pub mod locate;
pub mod model;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suppress;

/// A hash map with foldhash, randomly seeded: for the short keys hashed
/// once per YAML node or per phase on large plans, where SipHash showed in
/// profiles.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
