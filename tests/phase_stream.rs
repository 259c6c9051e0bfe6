//! The items of a plan's `phases` list are checked and typed as the loader
//! reads them (`model::stream`), one by one; a list that carries an anchor
//! or comes from a `<<` merge stays whole in the document and goes through
//! the schema and the model with it. These tests hold both ways to the
//! same result: the same phases, and an invalid phase reported with the
//! same words at the same place.

use aiplan::check::{CheckReport, Input, check};
use aiplan::diagnostics::Severity;
use aiplan::load::Limits;

fn check_text(text: &str) -> CheckReport {
    let input = Input::Bytes {
        name: "plan.yaml".to_string(),
        bytes: text.as_bytes().to_vec(),
    };
    check(&[input], &Limits::default()).expect("the plan is readable")
}

/// Each error as `line:column code message` (the plans here leave out
/// what the pre-flight lints ask for).
fn findings(report: &CheckReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .map(|diagnostic| {
            let file = report.sources.get(diagnostic.primary.file);
            let at = file.position(diagnostic.primary.span.start);
            format!(
                "{}:{} {} {}",
                at.line, at.column, diagnostic.code.code, diagnostic.message
            )
        })
        .collect()
}

/// The ids of the plan's phases, in order.
fn phase_ids(report: &CheckReport) -> Vec<String> {
    assert_eq!(report.plans.len(), 1, "one plan: {:?}", findings(report));
    report.plans[0]
        .resolved
        .plan
        .phases
        .iter()
        .map(|phase| phase.id.clone().unwrap_or_default())
        .collect()
}

const HEADER: &str = "aiplan: 1\nname: Streamed phases\n";

const PHASES: &str = "  - {id: extract, duration: 2 weeks, rollback_plan: keep the old job}
  - {id: load, duration: 3 weeks, depends_on: [extract], rollback_plan: keep the old job}
  - {id: serve, duration: 1 week, depends_on: [load], rollback_plan: DNS switch}
";

/// The third phase's duration is a number: a schema error.
const PHASES_WITH_ERROR: &str =
    "  - {id: extract, duration: 2 weeks, rollback_plan: keep the old job}
  - {id: load, duration: 3 weeks, depends_on: [extract], rollback_plan: keep the old job}
  - {id: serve, duration: 7, depends_on: [load], rollback_plan: DNS switch}
";

/// The same list written four ways: item by item, with an anchor on the
/// list, through a `<<` merge of the root, and as an alias of a list
/// anchored inside a merged mapping.
fn written_four_ways(phases: &str) -> [String; 4] {
    [
        format!("{HEADER}phases:\n{phases}"),
        format!("{HEADER}phases: &all\n{phases}"),
        format!("{HEADER}<<:\n  phases:\n{}", indent(phases)),
        format!("{HEADER}<<:\n  phases: &all\n{}", indent(phases)),
    ]
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("  {line}\n")).collect()
}

#[test]
fn phases_are_the_same_however_the_list_is_written() {
    for text in written_four_ways(PHASES) {
        let report = check_text(&text);
        assert_eq!(findings(&report), Vec::<String>::new(), "{text}");
        assert_eq!(phase_ids(&report), ["extract", "load", "serve"], "{text}");
        let analysis = &report.plans[0].analysis;
        assert_eq!(
            analysis
                .schedule
                .as_ref()
                .map(|schedule| schedule.total_days),
            Some(42),
            "the phases are scheduled: {text}"
        );
    }
}

#[test]
fn an_invalid_phase_is_reported_at_its_place_whichever_way_it_is_written() {
    let [streamed, anchored, merged, merged_anchored] = written_four_ways(PHASES_WITH_ERROR);
    let report = check_text(&streamed);
    let expected = findings(&report);
    assert_eq!(expected.len(), 1, "{expected:?}");
    assert!(
        expected[0].starts_with("6:27 AP202 ") && expected[0].contains("`phases[2].duration`"),
        "{expected:?}"
    );
    assert!(
        report.plans.is_empty(),
        "a plan that fails the schema is not built"
    );
    assert_eq!(findings(&check_text(&anchored)), expected);
    // Merged, the values come from the merged mapping: the same words, at
    // the merge site (there is no other place for a merged key).
    for text in [merged, merged_anchored] {
        let found = findings(&check_text(&text));
        assert_eq!(found.len(), 1, "{found:?}");
        let message = |finding: &str| finding.split_once(' ').map(|(_, rest)| rest.to_string());
        assert_eq!(message(&found[0]), message(&expected[0]), "{text}");
    }
}

#[test]
fn every_invalid_phase_is_reported_and_the_rest_are_counted() {
    let mut text = String::from(HEADER);
    text.push_str("phases:\n");
    for index in 0..1_050 {
        // No duration: one error per phase.
        text.push_str(&format!("  - id: phase-{index}\n"));
    }
    let report = check_text(&text);
    let found = findings(&report);
    assert_eq!(found.len(), 1_001, "1,000 shown and a summary");
    // The summary is at the file's start; the first phase at line 4.
    assert!(found[1].starts_with("4:5 AP203 "), "{}", found[1]);
    assert!(
        found
            .iter()
            .any(|finding| finding.contains("50 more schema errors in this file are not shown")),
        "{:?}",
        found.last()
    );
}

#[test]
fn a_phases_list_in_a_phase_document_is_an_unknown_key() {
    let report = check_text(&format!("phase: Lone\nduration: 1 week\nphases:\n{PHASES}"));
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("unknown key `phases`"), "{found:?}");
}

#[test]
fn phases_written_as_a_mapping_is_a_type_error() {
    let report = check_text(&format!(
        "{HEADER}phases:\n  extract: {{duration: 2 weeks}}\n"
    ));
    let found = findings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`phases` must be a list"), "{found:?}");
}

#[test]
fn an_empty_phases_list_is_a_plan_without_phases() {
    let report = check_text(&format!("{HEADER}phases: []\n"));
    assert_eq!(phase_ids(&report), Vec::<String>::new());
}
