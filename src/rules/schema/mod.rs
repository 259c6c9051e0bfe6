//! Rules of the schema stage: every file checked against the JSON Schema
//! of its kind (documented here, checked in src/schema.rs).

mod invalid_value;
mod missing_key;
mod unknown_key;
mod unsupported_version;
mod wrong_type;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &unknown_key::RULE,
    &wrong_type::RULE,
    &missing_key::RULE,
    &invalid_value::RULE,
    &unsupported_version::RULE,
];
