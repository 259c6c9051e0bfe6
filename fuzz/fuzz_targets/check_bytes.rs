//! Arbitrary bytes as a plan, through every stage of `aiplan check`.
#![no_main]

use aiplan::check::{Input, check};
use aiplan::load::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = Input::Bytes {
        name: "fuzz.yaml".to_string(),
        bytes: bytes.to_vec(),
    };
    if let Ok(report) = check(&[input], &Limits::default()) {
        for diagnostic in &report.diagnostics {
            let file = report.sources.get(diagnostic.primary.file);
            assert!(diagnostic.primary.span.end as usize <= file.text.len());
        }
    }
});
