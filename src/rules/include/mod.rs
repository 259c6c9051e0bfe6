//! Rules of includes: how the files of one plan are found and joined
//! (documented here, checked in src/load/include.rs and
//! src/model/build.rs).

mod include_conflict;
mod include_cycle;
mod include_not_found;
mod include_outside_root;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &include_not_found::RULE,
    &include_cycle::RULE,
    &include_outside_root::RULE,
    &include_conflict::RULE,
];
