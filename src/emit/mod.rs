//! Emitters: what aiplan writes from a checked plan. Every emitter is
//! deterministic (same plan, same bytes) and escapes plan strings for the
//! syntax it writes.

pub mod decision;
pub mod diff;
pub mod graph;
pub mod output;
pub mod roadmap;
pub mod schedule;
pub mod terraform;
