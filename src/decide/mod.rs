//! The decide stage: decisions and findings from the plan's facts.

pub mod probe;
pub mod readiness;
pub mod strategy;
