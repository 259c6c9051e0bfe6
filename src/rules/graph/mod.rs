//! Rules of the dependency graph: phase ids, `depends_on` and durations
//! (documented here, checked in src/graph).

mod date_out_of_range;
mod dependency_cycle;
mod duplicate_dependency;
mod duplicate_phase_id;
mod invalid_duration;
mod self_dependency;
mod underivable_id;
mod unknown_dependency;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &unknown_dependency::RULE,
    &duplicate_phase_id::RULE,
    &self_dependency::RULE,
    &dependency_cycle::RULE,
    &invalid_duration::RULE,
    &duplicate_dependency::RULE,
    &underivable_id::RULE,
    &date_out_of_range::RULE,
];
