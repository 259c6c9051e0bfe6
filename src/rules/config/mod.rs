//! Rules about inline suppressions (`# aiplan-ignore: RULE -- REASON`).
//! They run after every other check, in `crate::suppress`, and cannot
//! themselves be suppressed.

mod invalid_suppression;
mod suppression_without_reason;
mod unused_suppression;

use super::Rule;

pub(super) static RULES: &[&Rule] = &[
    &suppression_without_reason::RULE,
    &unused_suppression::RULE,
    &invalid_suppression::RULE,
];
