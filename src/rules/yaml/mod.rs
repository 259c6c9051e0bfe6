//! Rules of the YAML stage: what the loader refuses before a file is a
//! plan (documented here, checked in src/load).

mod duplicate_key;
mod empty_file;
mod invalid_encoding;
mod not_a_plan;
mod resource_limit;
mod unsupported_yaml;
mod yaml_syntax;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &yaml_syntax::RULE,
    &invalid_encoding::RULE,
    &empty_file::RULE,
    &duplicate_key::RULE,
    &resource_limit::RULE,
    &unsupported_yaml::RULE,
    &not_a_plan::RULE,
];
