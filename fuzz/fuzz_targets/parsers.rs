//! The duration and measurable-target parsers on arbitrary text.
#![no_main]

use aiplan::model::duration::parse_duration;
use aiplan::model::target::parse_target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(duration) = parse_duration(text) {
        let days = duration.scheduled_days();
        assert!(duration.optimistic <= days && days <= duration.pessimistic);
    }
    if let Ok(target) = parse_target(text) {
        assert!(target.value.is_finite() || target.value.is_infinite());
        let _ = target.milliseconds();
    }
});
