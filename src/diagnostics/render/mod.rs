//! Renderers: one file per output format, all written from the same
//! `Diagnostic` values.

mod human;
mod json;

pub use human::{ColorChoice, render_human};
pub use json::render_json;
