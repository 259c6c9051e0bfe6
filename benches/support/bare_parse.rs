//! The floor any YAML loader pays: granit-parser (the parser under
//! `aiplan::load`) iterating `next_event()` over the text to the end,
//! building nothing.

use granit_parser::Parser;
use std::hint::black_box;

/// Parses `text` into YAML events and drops them; returns how many there
/// were. Panics on a YAML error: the generated plans are valid YAML.
pub fn bare_parse(text: &str) -> usize {
    let mut parser = Parser::new_from_str(text);
    let mut events = 0;
    while let Some(event) = parser.next_event() {
        black_box(event.expect("the generated plan is valid YAML"));
        events += 1;
    }
    events
}
