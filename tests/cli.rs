//! What a user of `aiplan check` depends on: hostile input is refused with a
//! located error and never a crash, inputs are found the way the help says,
//! the JSON report keeps its shape, and exit codes mean 0 clean, 1 findings,
//! 2 usage or I/O problem.
//!
//! Every input is written into a temporary directory by the test itself (big
//! and hostile files are never committed). Every run goes through
//! `common::run`, which fails on a panic (exit code 101) or a signal. No test
//! measures time.

mod common;

use common::{
    DIAGNOSTIC_KEYS, REPORT_KEYS, SUMMARY_KEYS, aiplan, assert_key_order, assert_located,
    check_json, codes, diagnostics, has_ansi, keys, repo, run, sorted, write,
};
use serde_json::Value;
use std::path::PathBuf;
use tempfile::TempDir;

/// A plan that checks with no diagnostic at all.
const CLEAN_PLAN: &str = "\
aiplan: 1
name: Clean plan
assessment: {current_state: Legacy warehouse, target_state: Lakehouse}
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox
    success_criteria: First model deployed
    rollback_plan: DNS switch
";

/// A phase document that checks with no diagnostic at all.
const CLEAN_PHASE_DOCUMENT: &str = "\
phase: Data Foundation
duration: 8 weeks
infrastructure: AWS account with S3
success_criteria: Data discovery portal operational
rollback_plan: Keep the legacy warehouse authoritative
";

/// A plan with exactly one error: an unknown key at line 3, column 1.
const BAD_PLAN: &str = "\
aiplan: 1
name: Bad plan
descripton: What the plan is for
assessment: {current_state: Legacy warehouse, target_state: Lakehouse}
";

/// A plan fragment (included sections).
const FRAGMENT: &str = "\
requirements:
  data_sensitivity: high
";

/// A temporary directory that is the root of a repository (it holds `.git`),
/// so that the include confinement does not depend on where it was made.
fn plan_including(entries: &[&str]) -> String {
    let mut plan = CLEAN_PLAN.replace("name: Clean plan", "name: Plan with includes");
    plan.push_str("include:\n");
    for entry in entries {
        plan.push_str(&format!("  - {entry}\n"));
    }
    plan
}

#[track_caller]
fn only_diagnostic(report: &Value) -> &Value {
    let found = diagnostics(report);
    assert_eq!(found.len(), 1, "expected one diagnostic: {report:#}");
    &found[0]
}

#[track_caller]
fn assert_clean(report: &Value) {
    assert!(
        diagnostics(report).is_empty(),
        "expected no diagnostics: {report:#}"
    );
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0);
}

// ---------------------------------------------------------------------------
// Bytes that are not a YAML plan

#[test]
fn invalid_utf8_is_an_error_at_its_line_and_column() {
    let dir = repo();
    // Columns count characters: `owner: Łukasz M` is 15 of them before 0xFC.
    write(
        dir.path(),
        "plan.yaml",
        b"aiplan: 1\nname: Zo\xc3\xab\nowner: \xc5\x81ukasz M\xfcller\n",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP102");
    assert_eq!(diagnostic["rule"], "invalid-encoding");
    assert_eq!(diagnostic["file"], "plan.yaml");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&3.into(), &16.into())
    );
    assert!(
        diagnostic["message"].as_str().unwrap().contains("0xfc"),
        "the message names the byte: {diagnostic:#}"
    );
    assert!(diagnostic["help"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn columns_count_characters_not_bytes() {
    let dir = repo();
    // `Łé🚀` is 3 characters but 8 bytes; `hihg` is at character 62.
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Unicode\nrequirements: {latency_requirement: \"Łé🚀\", data_sensitivity: hihg}\n",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP204");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&3.into(), &62.into())
    );
    assert_eq!(
        (&diagnostic["end_line"], &diagnostic["end_column"]),
        (&3.into(), &66.into())
    );
}

#[test]
fn windows_line_endings_do_not_shift_columns() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\r\nname: CRLF\r\nrequirements:\r\n  data_sensitivity: hihg\r\n",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&4.into(), &21.into())
    );
    assert_eq!(
        (&diagnostic["end_line"], &diagnostic["end_column"]),
        (&4.into(), &25.into())
    );
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let dir = repo();
    // The `2` is the 9th character of line 1 as editors count; the BOM
    // before `aiplan` takes no column.
    write(dir.path(), "plan.yaml", "\u{FEFF}aiplan: 2\nname: x\n");
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP205");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&1.into(), &9.into())
    );
    assert_eq!(
        (&diagnostic["end_line"], &diagnostic["end_column"]),
        (&1.into(), &10.into())
    );

    let sarif =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--format", "sarif", "plan.yaml"]));
    let sarif: Value = serde_json::from_str(&sarif.stdout).expect("a SARIF log");
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startColumn"], &region["endColumn"]),
        (&9.into(), &10.into()),
        "{region:#}"
    );

    let github =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--format", "github", "plan.yaml"]));
    assert!(
        github
            .stdout
            .contains("line=1,col=9,endLine=1,endColumn=10"),
        "{}",
        github.stdout
    );

    let human =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "plan.yaml"]));
    assert!(human.stderr.contains("plan.yaml:1:9]"), "{}", human.stderr);

    // Only a mark that opens the file is skipped: on a later line U+FEFF is
    // a character like any other.
    write(
        dir.path(),
        "later.yaml",
        "aiplan: 1\nname: x\nrequirements: {data_sensitivity: \u{FEFF}hihg}\n",
    );
    let report = check_json(dir.path(), &["later.yaml"]).json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&3.into(), &34.into()),
        "{diagnostic:#}"
    );
}

#[test]
fn invalid_utf8_on_standard_input_is_located_too() {
    let dir = repo();
    let outcome = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(&b"aiplan: 1\nname: caf\xe9\n"[..]));
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP102");
    assert_eq!(diagnostic["file"], "<stdin>");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&2.into(), &10.into())
    );
}

#[test]
fn binary_file_is_refused_as_binary() {
    let dir = repo();
    write(
        dir.path(),
        "logo.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    );
    let outcome = check_json(dir.path(), &["logo.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP102");
    assert!(
        diagnostic["message"].as_str().unwrap().contains("binary"),
        "{diagnostic:#}"
    );
}

#[test]
fn utf16_text_is_named_as_such() {
    let dir = repo();
    // What Windows PowerShell 5 writes for `echo ... > plan.yaml`.
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "aiplan: 1\nname: Windows\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    write(dir.path(), "plan.yaml", bytes);
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP102");
    assert!(
        diagnostic["message"].as_str().unwrap().contains("UTF-16"),
        "{diagnostic:#}"
    );
    assert!(
        diagnostic["help"].as_str().unwrap().contains("UTF-8"),
        "{diagnostic:#}"
    );
}

#[test]
fn an_empty_included_file_says_it_was_included() {
    let dir = repo();
    write(dir.path(), "empty.yaml", "# nothing yet\n");
    write(dir.path(), "plan.yaml", plan_including(&["empty.yaml"]));
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP103");
    let help = diagnostic["help"].as_str().unwrap();
    assert!(
        help.contains("included file") && !help.contains("aiplan: 1"),
        "{diagnostic:#}"
    );
}

#[test]
fn empty_standard_input_is_an_empty_file() {
    let dir = repo();
    let outcome = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(""));
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    assert_eq!(codes(&report), ["AP103"]);
}

// ---------------------------------------------------------------------------
// Resource limits: hostile input is one located error, not a crash

/// The classic "billion laughs": nine levels of nine aliases each.
fn alias_bomb() -> String {
    let mut text = String::from("aiplan: 1\nname: Alias bomb\n");
    text.push_str("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 9].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    text
}

#[test]
fn alias_bomb_is_one_resource_limit_error() {
    let dir = repo();
    write(dir.path(), "bomb.yaml", alias_bomb());
    let outcome = check_json(dir.path(), &["bomb.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105");
    assert_eq!(diagnostic["rule"], "resource-limit");
    let line = diagnostic["line"].as_u64().unwrap();
    assert!(
        (3..=12).contains(&line),
        "located on one of the alias lines: {diagnostic:#}"
    );
}

#[test]
fn alias_bomb_on_standard_input_is_one_resource_limit_error() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(alias_bomb()));
    outcome.expect_code(1);
    assert_eq!(codes(&outcome.json()), ["AP105"]);
}

const DEPTH: usize = 100_000;

#[track_caller]
fn assert_nesting_refused(text: String) {
    let dir = repo();
    write(dir.path(), "deep.yaml", text);
    let outcome = check_json(dir.path(), &["deep.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105", "{diagnostic:#}");
    assert_eq!(
        diagnostic["line"], 3,
        "at the line that nests: {diagnostic:#}"
    );
    assert!(
        diagnostic["message"].as_str().unwrap().contains("nested"),
        "{diagnostic:#}"
    );
}

#[test]
fn deep_flow_sequences_are_refused() {
    let text = format!(
        "aiplan: 1\nname: Deep\nphases: {}{}\n",
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    assert_nesting_refused(text);
}

#[test]
fn deep_flow_mappings_are_refused() {
    let text = format!(
        "aiplan: 1\nname: Deep\nphases: {}1{}\n",
        "{a: ".repeat(DEPTH),
        "}".repeat(DEPTH)
    );
    assert_nesting_refused(text);
}

#[test]
fn deep_unclosed_flow_sequences_are_refused() {
    let text = format!("aiplan: 1\nname: Deep\nphases: {}\n", "[".repeat(DEPTH));
    assert_nesting_refused(text);
}

#[test]
fn deep_block_sequences_are_refused() {
    // `- - - x` nests block sequences without quadratic indentation.
    let dir = repo();
    write(
        dir.path(),
        "deep.yaml",
        format!("{}x\n", "- ".repeat(DEPTH)),
    );
    let outcome = check_json(dir.path(), &["deep.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105", "{diagnostic:#}");
    assert_eq!(diagnostic["line"], 1, "{diagnostic:#}");
}

/// `[0,0,0,…]`: two bytes a node, the densest YAML there is.
fn dense_list(nodes: usize) -> String {
    format!("[{}]\n", vec!["0"; nodes].join(","))
}

#[test]
fn a_file_with_more_nodes_than_the_limit_is_refused_where_it_crosses_it() {
    // The node limit is one per 8 bytes of --max-file-size: 10,000 here
    // (its floor), crossed by a 40 kB file of 20,000 nodes.
    let dir = repo();
    write(dir.path(), "dense.yaml", dense_list(20_000));
    let outcome = check_json(dir.path(), &["--max-file-size", "80000", "dense.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105", "{diagnostic:#}");
    assert_eq!(
        diagnostic["message"], "the file holds more than 10000 YAML nodes",
        "{diagnostic:#}"
    );
    // The 10,001st node: the list itself, then 10,000 zeros.
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&Value::from(1), &Value::from(2 * 10_000)),
        "{diagnostic:#}"
    );
}

#[test]
fn the_node_limit_follows_the_file_size_limit() {
    let dir = repo();
    write(dir.path(), "dense.yaml", dense_list(20_000));
    // 20,001 nodes fit in a limit of 200,000 / 8 = 25,000: parsed, and
    // refused only as what it is, a list rather than a plan.
    let outcome = check_json(dir.path(), &["--max-file-size", "200000", "dense.yaml"]);
    outcome.expect_code(1);
    let codes = codes(&outcome.json());
    assert!(!codes.contains(&"AP105".to_string()), "{codes:?}");
}

#[test]
fn a_finding_on_a_line_too_long_to_quote_is_located_without_a_snippet() {
    // One flow mapping on a 70,000-character line, with an unknown key at
    // its end: past the 65,535 columns a snippet renderer can pad to.
    let dir = repo();
    let padding = "x".repeat(70_000);
    write(
        dir.path(),
        "long.yaml",
        format!("{{aiplan: 1, name: \"{padding}\", bogus: 1}}\n"),
    );
    let outcome =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "long.yaml"]));
    outcome.expect_code(1);
    assert!(
        outcome.stderr.contains("at long.yaml:1:70023")
            && outcome.stderr.contains("too long to quote")
            && outcome.stderr.contains("bogus"),
        "{}",
        outcome.stderr
    );
    assert!(
        !outcome.stderr.contains(&padding[..200]),
        "the line is not quoted"
    );
}

#[test]
fn deep_block_sequences_under_a_key_are_refused() {
    let text = format!(
        "aiplan: 1\nname: Deep\nphases:\n  {}x\n",
        "- ".repeat(DEPTH)
    );
    let dir = repo();
    write(dir.path(), "deep.yaml", text);
    let outcome = check_json(dir.path(), &["deep.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105", "{diagnostic:#}");
    assert_eq!(diagnostic["line"], 4, "{diagnostic:#}");
}

#[test]
fn deep_block_mappings_are_refused() {
    // Block mappings nest by indentation; 300 levels (45 thousand spaces)
    // are far past the limit without a quadratic file.
    let mut text = String::from("aiplan: 1\nname: Deep\nphases:\n");
    for level in 1..300 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    let dir = repo();
    write(dir.path(), "deep.yaml", text);
    let outcome = check_json(dir.path(), &["deep.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105", "{diagnostic:#}");
}

/// A valid plan of a little over 50 MB: a long literal description.
fn fifty_megabyte_plan() -> Vec<u8> {
    let line = format!("  {}\n", "x".repeat(97));
    let lines = 50 * 1024 * 1024 / line.len() + 1;
    let mut text = String::with_capacity(lines * line.len() + 200);
    text.push_str(CLEAN_PLAN);
    text.push_str("description: |\n");
    for _ in 0..lines {
        text.push_str(&line);
    }
    assert!(text.len() > 50 * 1024 * 1024);
    text.into_bytes()
}

#[test]
fn file_over_the_size_limit_is_refused_and_the_limit_can_be_raised() {
    let dir = repo();
    write(dir.path(), "huge.yaml", fifty_megabyte_plan());

    let outcome = check_json(dir.path(), &["huge.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105");
    assert_eq!(diagnostic["file"], "huge.yaml");
    let message = diagnostic["message"].as_str().unwrap();
    assert!(message.contains("larger than the limit"), "{message}");
    let help = diagnostic["help"].as_str().unwrap();
    assert!(help.contains("--max-file-size"), "{help}");

    let human =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "huge.yaml"]));
    human.expect_code(1);
    assert!(human.stderr.contains("--max-file-size"), "{}", human.stderr);

    let raised = check_json(dir.path(), &["--max-file-size", "60000000", "huge.yaml"]);
    raised.expect_code(0);
    assert_clean(&raised.json());
}

#[test]
fn max_file_size_can_lower_the_limit() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let limit = (CLEAN_PLAN.len() - 1).to_string();
    let outcome = check_json(dir.path(), &["--max-file-size", &limit, "plan.yaml"]);
    outcome.expect_code(1);
    assert_eq!(codes(&outcome.json()), ["AP105"]);

    let exact = CLEAN_PLAN.len().to_string();
    let outcome = check_json(dir.path(), &["--max-file-size", &exact, "plan.yaml"]);
    outcome.expect_code(0);
    assert_clean(&outcome.json());
}

#[test]
fn standard_input_over_the_size_limit_is_refused() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "--max-file-size", "1000", "-"])
        .write_stdin(format!("{CLEAN_PLAN}description: {}\n", "x".repeat(5000))));
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP105");
    assert_eq!(diagnostic["file"], "<stdin>");
}

#[test]
fn max_file_size_must_be_a_number() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let outcome = run(aiplan().current_dir(dir.path()).args([
        "check",
        "--max-file-size",
        "lots",
        "plan.yaml",
    ]));
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("--max-file-size"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn thousands_of_errors_are_capped_with_a_note() {
    let mut text = String::from("aiplan: 1\nname: Generated\nphases:\n");
    for index in 0..1500 {
        text.push_str(&format!(
            "  - id: p{index}\n    duration: 1 week\n    bogus: {index}\n"
        ));
    }
    let dir = repo();
    write(dir.path(), "generated.yaml", text);
    let outcome = check_json(dir.path(), &["generated.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let found = diagnostics(&report);
    assert!(found.len() < 1500, "{} diagnostics", found.len());
    assert!(
        found
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("not shown")),
        "a note says that some errors are not shown"
    );
}

#[test]
fn include_chains_have_a_depth_limit() {
    let dir = repo();
    write(dir.path(), "plan.yaml", plan_including(&["f1.yaml"]));
    for index in 1..=60 {
        write(
            dir.path(),
            &format!("f{index}.yaml"),
            format!("include: [f{}.yaml]\n", index + 1),
        );
    }
    write(dir.path(), "f61.yaml", FRAGMENT);
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    assert_eq!(codes(&report), ["AP105"]);
}

// ---------------------------------------------------------------------------
// Finding the inputs

#[test]
fn missing_file_exits_2_and_names_it() {
    let dir = repo();
    for format in ["human", "json"] {
        let outcome = run(aiplan().current_dir(dir.path()).args([
            "check",
            "--format",
            format,
            "no-such-plan.yaml",
        ]));
        outcome.expect_code(2);
        assert!(
            outcome.stderr.contains("no-such-plan.yaml"),
            "the message names the file: {}",
            outcome.stderr
        );
        assert!(outcome.stdout.is_empty(), "{}", outcome.stdout);
    }
}

#[test]
fn missing_file_among_good_ones_exits_2() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let outcome = check_json(dir.path(), &["plan.yaml", "missing.yaml"]);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("missing.yaml"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn empty_directory_exits_2() {
    let dir = repo();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let outcome = check_json(dir.path(), &["plans"]);
    outcome.expect_code(2);
    assert!(outcome.stderr.contains("plans"), "{}", outcome.stderr);
    assert!(outcome.stderr.contains("no plan"), "{}", outcome.stderr);
}

#[test]
fn directory_without_plans_exits_2() {
    let dir = repo();
    write(
        dir.path(),
        "config/docker-compose.yaml",
        "services:\n  web:\n    image: nginx\n",
    );
    write(dir.path(), "config/ci.yml", "on: push\njobs: {}\n");
    write(
        dir.path(),
        "config/notes.txt",
        "aiplan: 1\nname: not YAML by name\n",
    );
    let outcome = run(aiplan().current_dir(dir.path()).args(["check", "config"]));
    outcome.expect_code(2);
    assert!(outcome.stderr.contains("config"), "{}", outcome.stderr);
    assert!(outcome.stderr.contains("no plan"), "{}", outcome.stderr);
}

/// A directory of plans among other files: the plan, its include in a
/// subdirectory, a phase document, and YAML and text that are not plans.
fn plans_directory() -> TempDir {
    let dir = repo();
    write(
        dir.path(),
        "plans/plan.yaml",
        plan_including(&["sections/requirements.yaml"]),
    );
    write(dir.path(), "plans/sections/requirements.yaml", FRAGMENT);
    write(
        dir.path(),
        "plans/data-foundation.yml",
        CLEAN_PHASE_DOCUMENT,
    );
    write(
        dir.path(),
        "plans/docker-compose.yaml",
        "services:\n  web:\n    image: nginx\n",
    );
    write(dir.path(), "plans/broken-config.yaml", "key: [unclosed\n");
    write(dir.path(), "plans/list.yaml", "- a\n- b\n");
    write(dir.path(), "plans/README.md", "# Plans\n");
    write(dir.path(), "plans/notes.txt", "descripton: not a plan\n");
    dir
}

#[test]
fn directory_checks_plans_and_phase_documents_and_skips_other_yaml() {
    let dir = plans_directory();
    let outcome = check_json(dir.path(), &["plans"]);
    outcome.expect_code(0);
    let report = outcome.json();
    assert_clean(&report);
    // plan.yaml, its include, and the phase document.
    assert_eq!(report["summary"]["files"], 3, "{report:#}");
}

#[test]
fn directory_reports_the_plans_that_have_errors() {
    let dir = plans_directory();
    write(dir.path(), "plans/zz-bad.yaml", BAD_PLAN);
    let outcome = check_json(dir.path(), &["plans"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP201");
    let file = diagnostic["file"].as_str().unwrap().replace('\\', "/");
    assert_eq!(file, "plans/zz-bad.yaml");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&3.into(), &1.into())
    );
    assert_eq!(report["summary"]["files"], 4, "{report:#}");
}

#[test]
fn the_default_input_is_the_current_directory() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    write(dir.path(), "other.yaml", "services: {}\n");
    let outcome = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json"]));
    outcome.expect_code(0);
    let report = outcome.json();
    assert_clean(&report);
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn dash_reads_standard_input() {
    let dir = repo();
    let clean = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(CLEAN_PLAN));
    clean.expect_code(0);
    let report = clean.json();
    assert_clean(&report);
    assert_eq!(report["summary"]["files"], 1);

    let bad = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(BAD_PLAN));
    bad.expect_code(1);
    let report = bad.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["file"], "<stdin>");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&3.into(), &1.into())
    );

    let human = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--color", "never", "-"])
        .write_stdin(BAD_PLAN));
    human.expect_code(1);
    assert!(human.stderr.contains("<stdin>:3:1"), "{}", human.stderr);
}

#[test]
fn standard_input_includes_are_relative_to_the_working_directory() {
    let dir = repo();
    write(dir.path(), "data-foundation.yaml", CLEAN_PHASE_DOCUMENT);
    let outcome = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(plan_including(&["data-foundation.yaml"])));
    outcome.expect_code(0);
    let report = outcome.json();
    assert_clean(&report);
    assert_eq!(report["summary"]["files"], 2);
}

#[test]
fn several_files_are_checked_in_one_run() {
    let dir = repo();
    write(dir.path(), "a-clean.yaml", CLEAN_PLAN);
    write(dir.path(), "b-bad.yaml", BAD_PLAN);
    write(dir.path(), "c-phase.yaml", CLEAN_PHASE_DOCUMENT);
    let forward = check_json(dir.path(), &["a-clean.yaml", "b-bad.yaml", "c-phase.yaml"]);
    forward.expect_code(1);
    let report = forward.json();
    assert_eq!(report["summary"]["files"], 3);
    assert_eq!(only_diagnostic(&report)["file"], "b-bad.yaml");

    // The order of the arguments does not change the report.
    let backward = check_json(dir.path(), &["c-phase.yaml", "b-bad.yaml", "a-clean.yaml"]);
    backward.expect_code(1);
    assert_eq!(backward.json(), report);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = repo();
    write(dir.path(), "bad.yaml", BAD_PLAN);
    let outcome = check_json(dir.path(), &["bad.yaml", "./bad.yaml", "bad.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(diagnostics(&report).len(), 1, "{report:#}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_exits_2_and_names_the_file() {
    let dir = repo();
    std::os::unix::fs::symlink("loop.yaml", dir.path().join("loop.yaml")).unwrap();
    let outcome = check_json(dir.path(), &["loop.yaml"]);
    outcome.expect_code(2);
    assert!(outcome.stderr.contains("loop.yaml"), "{}", outcome.stderr);
}

// ---------------------------------------------------------------------------
// Output formats

#[test]
fn json_report_has_the_documented_shape() {
    let dir = repo();
    write(dir.path(), "bad.yaml", BAD_PLAN);
    write(
        dir.path(),
        "warn.yaml",
        CLEAN_PLAN.replace("    rollback_plan: DNS switch\n", ""),
    );
    let outcome = check_json(dir.path(), &["bad.yaml", "warn.yaml"]);
    outcome.expect_code(1);
    assert!(
        outcome.stderr.is_empty(),
        "JSON mode keeps standard error quiet: {}",
        outcome.stderr
    );
    let report = outcome.json();
    assert_eq!(keys(&report), sorted(REPORT_KEYS));
    assert_eq!(keys(&report["summary"]), sorted(SUMMARY_KEYS));
    assert_key_order(&outcome.stdout, DIAGNOSTIC_KEYS);
    assert_key_order(&outcome.stdout, SUMMARY_KEYS);
    for key in SUMMARY_KEYS {
        assert!(report["summary"][key].is_u64(), "summary.{key}: {report:#}");
    }
    let found = diagnostics(&report);
    assert!(found.len() >= 2, "{report:#}");
    for diagnostic in found {
        assert_eq!(keys(diagnostic), sorted(DIAGNOSTIC_KEYS), "{diagnostic:#}");
        let code = diagnostic["code"].as_str().unwrap();
        assert!(
            code.len() == 5
                && code.starts_with("AP")
                && code[2..].bytes().all(|b| b.is_ascii_digit()),
            "code {code}"
        );
        let rule = diagnostic["rule"].as_str().unwrap();
        assert!(
            !rule.is_empty() && rule.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "rule {rule}"
        );
        assert!(
            ["error", "warning", "info"].contains(&diagnostic["severity"].as_str().unwrap()),
            "{diagnostic:#}"
        );
        assert!(!diagnostic["message"].as_str().unwrap().is_empty());
        assert!(!diagnostic["file"].as_str().unwrap().is_empty());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                diagnostic[key].as_u64().is_some_and(|n| n >= 1),
                "{key}: {diagnostic:#}"
            );
        }
        assert!(
            diagnostic["help"].is_string() || diagnostic["help"].is_null(),
            "{diagnostic:#}"
        );
    }
    let count = |severity: &str| found.iter().filter(|d| d["severity"] == severity).count();
    assert_eq!(report["summary"]["errors"], count("error"));
    assert_eq!(report["summary"]["warnings"], count("warning"));
    assert!(count("warning") >= 1, "{report:#}");
}

#[test]
fn json_report_of_a_clean_plan_is_empty() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(0);
    let report = outcome.json();
    assert_eq!(keys(&report), sorted(REPORT_KEYS));
    assert_eq!(report["diagnostics"], Value::Array(Vec::new()));
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0})
    );
}

#[test]
fn human_output_shows_file_line_column_and_help() {
    let dir = repo();
    write(dir.path(), "plan.yaml", BAD_PLAN);
    let outcome =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "plan.yaml"]));
    outcome.expect_code(1);
    assert!(
        outcome.stdout.is_empty(),
        "human output goes to standard error"
    );
    let stderr = &outcome.stderr;
    for expected in [
        "plan.yaml:3:1",
        "AP201",
        "unknown-key",
        "unknown key `descripton`",
        "descripton: What the plan is for",
        "help:",
        "did you mean `description`?",
        "1 error, 0 warnings in 1 file",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn human_output_of_a_clean_plan_is_a_summary() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let outcome =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "plan.yaml"]));
    outcome.expect_code(0);
    assert!(
        outcome.stderr.contains("0 errors, 0 warnings in 1 file"),
        "{}",
        outcome.stderr
    );
    assert!(
        !outcome.stderr.contains('×') && !outcome.stderr.contains('⚠'),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stdout.is_empty());
}

#[test]
fn color_never_and_no_color_print_no_escape_sequences() {
    let dir = repo();
    write(dir.path(), "plan.yaml", BAD_PLAN);

    let never =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "plan.yaml"]));
    never.expect_code(1);
    assert!(!has_ansi(&never.stderr), "{:?}", never.stderr);

    let no_color = run(aiplan()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "plan.yaml"]));
    no_color.expect_code(1);
    assert!(!has_ansi(&no_color.stderr), "{:?}", no_color.stderr);

    let json = run(aiplan().current_dir(dir.path()).env("NO_COLOR", "1").args([
        "check",
        "--format",
        "json",
        "plan.yaml",
    ]));
    json.expect_code(1);
    assert!(!has_ansi(&json.stdout) && !has_ansi(&json.stderr));

    // The check above can fail: forced colour does print escapes.
    let always =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "always", "plan.yaml"]));
    always.expect_code(1);
    assert!(has_ansi(&always.stderr), "{:?}", always.stderr);
}

// ---------------------------------------------------------------------------
// Includes and the repository boundary

/// `outer/repo/` (a repository holding the plan) and `outer/shared/`
/// (outside it, holding a fragment).
fn repo_and_outside() -> (TempDir, PathBuf, PathBuf) {
    let outer = tempfile::tempdir().expect("a temporary directory");
    let repo = outer.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let shared = write(outer.path(), "shared/requirements.yaml", FRAGMENT);
    (outer, repo, shared)
}

#[test]
fn an_include_outside_the_repository_is_refused_unless_allowed() {
    let (_outer, repo, _) = repo_and_outside();
    write(
        &repo,
        "plan.yaml",
        plan_including(&["../shared/requirements.yaml"]),
    );

    let refused = check_json(&repo, &["plan.yaml"]);
    refused.expect_code(1);
    let report = refused.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP303");
    assert!(diagnostic["message"].as_str().unwrap().contains("outside"));
    assert!(
        diagnostic["help"]
            .as_str()
            .unwrap()
            .contains("--allow-outside-root"),
        "{diagnostic:#}"
    );
    assert_located(&report);

    let allowed = check_json(&repo, &["--allow-outside-root", "plan.yaml"]);
    allowed.expect_code(0);
    let report = allowed.json();
    assert_clean(&report);
    assert_eq!(report["summary"]["files"], 2);
}

#[test]
fn an_absolute_include_is_refused_unless_allowed() {
    let (_outer, repo, shared) = repo_and_outside();
    let absolute = shared.to_str().expect("a UTF-8 temporary path").to_string();
    write(
        &repo,
        "plan.yaml",
        plan_including(&[&format!("'{absolute}'")]),
    );

    let refused = check_json(&repo, &["plan.yaml"]);
    refused.expect_code(1);
    let report = refused.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP303");
    assert!(diagnostic["message"].as_str().unwrap().contains("absolute"));

    let allowed = check_json(&repo, &["--allow-outside-root", "plan.yaml"]);
    allowed.expect_code(0);
    assert_clean(&allowed.json());
}

#[test]
fn the_repository_is_the_nearest_directory_holding_git() {
    // Inside a repository, a plan in a subdirectory may include a file
    // higher up in the same repository.
    let dir = repo();
    write(dir.path(), "shared/requirements.yaml", FRAGMENT);
    write(
        dir.path(),
        "plans/plan.yaml",
        plan_including(&["../shared/requirements.yaml"]),
    );
    let outcome = check_json(dir.path(), &["plans/plan.yaml"]);
    outcome.expect_code(0);
    assert_clean(&outcome.json());

    // Without `.git`, the plan's own directory is the boundary.
    std::fs::remove_dir(dir.path().join(".git")).unwrap();
    let outcome = check_json(dir.path(), &["plans/plan.yaml"]);
    outcome.expect_code(1);
    assert_eq!(codes(&outcome.json()), ["AP303"]);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_repository_is_refused_unless_allowed() {
    let (_outer, repo, shared) = repo_and_outside();
    std::os::unix::fs::symlink(&shared, repo.join("requirements.yaml")).unwrap();
    write(&repo, "plan.yaml", plan_including(&["requirements.yaml"]));

    let refused = check_json(&repo, &["plan.yaml"]);
    refused.expect_code(1);
    let report = refused.json();
    assert_located(&report);
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP303");
    assert_eq!(diagnostic["file"], "plan.yaml");
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("symbolic link"),
        "{diagnostic:#}"
    );

    let allowed = check_json(&repo, &["--allow-outside-root", "plan.yaml"]);
    allowed.expect_code(0);
    assert_clean(&allowed.json());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_within_the_repository_is_followed() {
    let dir = repo();
    write(dir.path(), "sections/requirements.yaml", FRAGMENT);
    std::os::unix::fs::symlink(
        "sections/requirements.yaml",
        dir.path().join("requirements.yaml"),
    )
    .unwrap();
    write(
        dir.path(),
        "plan.yaml",
        plan_including(&["requirements.yaml"]),
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(0);
    assert_clean(&outcome.json());
}

#[cfg(unix)]
#[test]
fn a_top_level_symbolic_link_into_another_directory_is_checked() {
    let (outer, repo, _) = repo_and_outside();
    let elsewhere = write(outer.path(), "elsewhere/plan.yaml", BAD_PLAN);
    std::os::unix::fs::symlink(&elsewhere, repo.join("plan.yaml")).unwrap();
    let outcome = check_json(&repo, &["plan.yaml"]);
    outcome.expect_code(1);
    assert_eq!(codes(&outcome.json()), ["AP201"]);
}

// ---------------------------------------------------------------------------
// Exit codes and the command line

#[test]
fn exit_codes_are_0_clean_1_findings_2_usage() {
    let dir = repo();
    write(dir.path(), "clean.yaml", CLEAN_PLAN);
    write(dir.path(), "bad.yaml", BAD_PLAN);
    for format in ["human", "json"] {
        let check = |path: &str| {
            run(aiplan()
                .current_dir(dir.path())
                .args(["check", "--format", format, path]))
        };
        check("clean.yaml").expect_code(0);
        check("bad.yaml").expect_code(1);
        check("missing.yaml").expect_code(2);
    }
}

#[test]
fn warnings_exit_0_unless_denied() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        CLEAN_PLAN.replace("    rollback_plan: DNS switch\n", ""),
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(0);
    let report = outcome.json();
    assert_eq!(report["summary"]["errors"], 0);
    assert!(
        report["summary"]["warnings"].as_u64().unwrap() >= 1,
        "{report:#}"
    );

    check_json(dir.path(), &["--deny-warnings", "plan.yaml"]).expect_code(1);

    write(dir.path(), "clean.yaml", CLEAN_PLAN);
    check_json(dir.path(), &["--deny-warnings", "clean.yaml"]).expect_code(0);
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [&["--help"][..], &["check", "--help"][..]] {
        let outcome = run(aiplan().args(args));
        outcome.expect_code(0);
        let help = &outcome.stdout;
        assert!(help.contains("Exit codes"), "{args:?}:\n{help}");
        for code in ["0", "1", "2"] {
            assert!(
                help.lines()
                    .any(|line| line.trim_start().starts_with(&format!("{code} "))),
                "{args:?} does not explain exit code {code}:\n{help}"
            );
        }
    }
}

#[test]
fn version_exits_0() {
    let outcome = run(aiplan().arg("--version"));
    outcome.expect_code(0);
    assert!(outcome.stdout.starts_with("aiplan "), "{}", outcome.stdout);
}

#[test]
fn unknown_subcommand_exits_2() {
    let outcome = run(aiplan().arg("frobnicate"));
    outcome.expect_code(2);
    assert!(outcome.stderr.contains("frobnicate"), "{}", outcome.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    for args in [
        &[][..],
        &["check", "--frobnicate", "plan.yaml"][..],
        &["check", "--format", "xml", "plan.yaml"][..],
        &["check", "--color", "sometimes", "plan.yaml"][..],
    ] {
        let outcome = run(aiplan().current_dir(dir.path()).args(args));
        outcome.expect_code(2);
        assert!(!outcome.stderr.is_empty(), "{args:?} explains the problem");
    }
}

// ---------------------------------------------------------------------------
// Regressions: each of these was a bug found by this suite.

/// No diagnostic may blame aiplan itself, and each error is at the value it
/// is about (warnings of other rules may stand elsewhere).
#[track_caller]
fn assert_no_internal_error_and_located_at(report: &Value, line: u64, column: u64) {
    for diagnostic in diagnostics(report) {
        let message = diagnostic["message"].as_str().unwrap_or("");
        let help = diagnostic["help"].as_str().unwrap_or("");
        assert!(
            !help.contains("bug in aiplan") && !message.contains("could not be read"),
            "an internal error reached the user: {diagnostic:#}"
        );
        if diagnostic["severity"] != "error" {
            continue;
        }
        assert_eq!(
            (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
            (Some(line), Some(column)),
            "{diagnostic:#}"
        );
    }
}

#[test]
fn regression_version_written_as_a_float_is_not_an_internal_error() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(CLEAN_PLAN.replace("aiplan: 1", "aiplan: 1.0")));
    assert_ne!(outcome.code, 2);
    assert_no_internal_error_and_located_at(&outcome.json(), 1, 9);
}

#[test]
fn regression_integer_out_of_range_is_located_at_the_value() {
    let plan = format!("{CLEAN_PLAN}compute:\n  sizing:\n    gpu_nodes: 99999999999\n");
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(plan));
    outcome.expect_code(1);
    let report = outcome.json();
    assert!(!diagnostics(&report).is_empty());
    assert_no_internal_error_and_located_at(&report, 12, 16);
}

#[test]
fn regression_numbers_out_of_range_are_errors_at_the_value() {
    let plan = format!(
        "{CLEAN_PLAN}\
network: {{bandwidth_gbps: -10, latency_ms: -1}}
thresholds:
  edge: {{latency_budget_ms: -5}}
  optimization: {{low_gpu_utilization_percent: 300}}
"
    );
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(plan));
    outcome.expect_code(1);
    let report = outcome.json();
    let found: Vec<(&str, u64, u64, &str)> = diagnostics(&report)
        .iter()
        .map(|diagnostic| {
            (
                diagnostic["code"].as_str().unwrap_or(""),
                diagnostic["line"].as_u64().unwrap_or(0),
                diagnostic["column"].as_u64().unwrap_or(0),
                diagnostic["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "AP204",
                10,
                27,
                "`network.bandwidth_gbps` must be at least 0, not -10"
            ),
            (
                "AP204",
                10,
                44,
                "`network.latency_ms` must be at least 0, not -1"
            ),
            (
                "AP204",
                12,
                29,
                "`thresholds.edge.latency_budget_ms` must be at least 0, not -5"
            ),
            (
                "AP204",
                13,
                47,
                "`thresholds.optimization.low_gpu_utilization_percent` must be at most 100, not 300"
            ),
        ],
        "{report:#}"
    );
    for diagnostic in diagnostics(&report) {
        let help = diagnostic["help"].as_str().unwrap_or("");
        assert!(help.starts_with("write a number "), "{diagnostic:#}");
    }
}

#[test]
fn regression_whole_float_for_an_integer_is_not_an_internal_error() {
    let plan = format!("{CLEAN_PLAN}compute:\n  sizing:\n    gpu_nodes: 2.0\n");
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(plan));
    assert_ne!(outcome.code, 2);
    assert_no_internal_error_and_located_at(&outcome.json(), 12, 16);
}

#[test]
fn regression_version_written_as_a_string_is_one_clear_error() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(CLEAN_PLAN.replace("aiplan: 1", "aiplan: \"1\"")));
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert!(
        !diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("does not read"),
        "{diagnostic:#}"
    );
}

#[test]
fn regression_non_specific_tag_makes_a_string() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(format!("{CLEAN_PLAN}description: ! 12\n")));
    outcome.expect_code(0);
    assert_clean(&outcome.json());
}

#[test]
fn regression_human_output_columns_count_characters() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Unicode\nrequirements: {latency_requirement: \"Łé🚀\", data_sensitivity: hihg}\n",
    );
    let outcome =
        run(aiplan()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "plan.yaml"]));
    outcome.expect_code(1);
    assert!(
        outcome.stderr.contains("plan.yaml:3:62"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn regression_invalid_utf8_span_covers_the_byte() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin(&b"aiplan: 1\nname: caf\xe9\n"[..]));
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["column"], 10);
    assert_eq!(diagnostic["end_column"], 11, "{diagnostic:#}");
}

#[test]
fn regression_tab_indentation_is_located_at_the_tab() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin("aiplan: 1\nname: Tabs\nphases:\n\t- id: pilot\n"));
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&4.into(), &1.into())
    );
}

#[test]
fn regression_over_indented_key_gets_indentation_help() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin("aiplan: 1\nname: Indented\n  owner: Platform team\n"));
    outcome.expect_code(1);
    let report = outcome.json();
    let help = only_diagnostic(&report)["help"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(help.contains("indent"), "{help}");
}

#[test]
fn regression_unclosed_bracket_gets_flow_help() {
    let outcome = run(aiplan()
        .args(["check", "--format", "json", "-"])
        .write_stdin("aiplan: 1\nname: Flow\nphases: [a, b\n"));
    outcome.expect_code(1);
    let report = outcome.json();
    let help = only_diagnostic(&report)["help"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(help.contains("not closed"), "{help}");
}

#[test]
fn regression_included_list_is_an_include_error() {
    let dir = repo();
    write(
        dir.path(),
        "phases.yaml",
        "- id: pilot\n  duration: 4 weeks\n",
    );
    write(dir.path(), "plan.yaml", plan_including(&["phases.yaml"]));
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    let help = diagnostic["help"].as_str().unwrap();
    assert!(!help.contains("aiplan: 1"), "{diagnostic:#}");
    assert!(
        help.contains("plan.yaml") || diagnostic["file"] == "plan.yaml",
        "the diagnostic leads back to the include: {diagnostic:#}"
    );
}

#[test]
fn regression_files_count_includes_files_that_failed_to_load() {
    let dir = repo();
    write(dir.path(), "requirements.yaml", "requirements: [unclosed\n");
    write(
        dir.path(),
        "plan.yaml",
        plan_including(&["requirements.yaml"]),
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    assert_eq!(outcome.json()["summary"]["files"], 2);
}

/// The data foundation phase document of the plan format, verbatim.
const SPEC_DATA_FOUNDATION: &str = r#"phase: "Data Foundation"
duration: "8 weeks"
critical_deliverables:
  - data_lake_implementation:
      technology: ["S3", "Delta Lake", "Apache Iceberg"]
      size: "100TB initial capacity"
      access_patterns: ["Parquet", "JSONL", "Avro"]
  - data_pipeline_modernization:
      current: "Nightly SQL batches"
      target: "Real-time streaming with Apache Kafka"
      metrics: ["<5 second latency", "99.9% uptime"]
  - data_governance_framework:
      components: ["Data catalog", "Lineage tracking", "PII detection"]
      compliance: ["GDPR", "HIPAA", "CCPA"]
      quality_rules: ["Completeness >95%", "Freshness <1 hour"]
success_criteria:
  - "All critical datasets accessible via Python/R APIs"
  - "Data discovery portal operational"
  - "First AI model trained on new data platform"
"#;

/// The format's data foundation document checks without errors; its
/// warnings (no rollback plan, no infrastructure: it is a build-out phase)
/// are expected.
#[test]
fn the_data_foundation_phase_document_has_no_errors() {
    let dir = repo();
    write(
        dir.path(),
        "data_foundation_plan.yaml",
        SPEC_DATA_FOUNDATION,
    );
    let outcome = check_json(dir.path(), &["data_foundation_plan.yaml"]);
    outcome.expect_code(0);
    let report = outcome.json();
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_located(&report);
}

#[test]
fn a_file_with_old_mac_line_endings_is_located_as_yaml_reads_it() {
    // YAML ends lines at a lone CR too: the unknown key is on line 3.
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\rname: x\rbogus: 1\rphases: []\r",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    let diagnostic = only_diagnostic(&report);
    assert_eq!(diagnostic["code"], "AP201", "{diagnostic:#}");
    assert_eq!(
        (&diagnostic["line"], &diagnostic["column"]),
        (&Value::from(3), &Value::from(1)),
        "{diagnostic:#}"
    );
}

#[test]
fn every_finding_on_a_one_line_plan_is_located_on_that_line() {
    // A minified plan: 2,000 phases in one flow sequence, each missing
    // its rollback plan, infrastructure and criteria.
    let dir = repo();
    let phases: Vec<String> = (0..2_000)
        .map(|i| format!("{{id: p{i}, name: Phase {i}, duration: 1 day}}"))
        .collect();
    write(
        dir.path(),
        "plan.yaml",
        format!("{{aiplan: 1, name: x, phases: [{}]}}\n", phases.join(", ")),
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    let report = outcome.json();
    assert_located(&report);
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert!(diagnostics.len() >= 6_000, "{}", diagnostics.len());
    let last = diagnostics.last().expect("a diagnostic");
    assert_eq!(last["line"], 1);
    assert!(
        last["column"].as_u64().expect("column") > 60_000,
        "{last:#}"
    );
}

#[test]
fn includes_share_one_alias_budget_rather_than_multiplying_it() {
    // Five fragments, each expanding aliases to about 36,000 nodes: each is
    // within what one file may do, but the plan's files together are not.
    let dir = repo();
    let mut plan = String::from("aiplan: 1\nname: Fragments\ninclude:\n");
    for fragment in 0..5 {
        let aliases = vec!["*p"; 3_000].join(", ");
        write(
            dir.path(),
            &format!("f{fragment}.yaml"),
            format!(
                "phases: [&p {{name: X, duration: 1 day, rollback_plan: r, infrastructure: i, success_criteria: s}}, {aliases}]\n"
            ),
        );
        plan.push_str(&format!("  - f{fragment}.yaml\n"));
    }
    write(dir.path(), "plan.yaml", plan);
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let report = outcome.json();
    assert_located(&report);
    let limits: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "AP105")
        .collect();
    assert_eq!(limits.len(), 1, "{report:#}");
    assert!(
        limits[0]["message"]
            .as_str()
            .unwrap()
            .contains("aliases expand"),
        "{:#}",
        limits[0]
    );
    assert_ne!(limits[0]["file"], "f0.yaml", "not in the first fragment");
}

#[cfg(unix)]
#[test]
fn an_include_that_is_a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = repo();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Pipe\ninclude: [pipe.yaml]\n",
    );
    // Opening a FIFO for reading blocks until a writer comes: a hang
    // would stop this test (and the fixture guard) rather than pass.
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let diagnostic = only_diagnostic(&outcome.json()).clone();
    assert_eq!(diagnostic["code"], "AP301", "{diagnostic:#}");
    assert!(
        diagnostic["message"].as_str().unwrap().contains("FIFO"),
        "{diagnostic:#}"
    );
    assert_eq!(diagnostic["line"], 3);
}

#[test]
fn an_empty_include_entry_says_so() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Empty\ninclude: ['']\n",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let diagnostic = only_diagnostic(&outcome.json()).clone();
    assert_eq!(
        diagnostic["message"], "the include entry is empty",
        "{diagnostic:#}"
    );
}

#[cfg(unix)]
#[test]
fn an_include_in_a_symbolic_link_loop_is_not_offered_as_its_own_correction() {
    let dir = repo();
    std::os::unix::fs::symlink("loop2.yaml", dir.path().join("loop1.yaml")).expect("link");
    std::os::unix::fs::symlink("loop1.yaml", dir.path().join("loop2.yaml")).expect("link");
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Loop\ninclude: [loop1.yaml]\n",
    );
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    let diagnostic = only_diagnostic(&outcome.json()).clone();
    assert_eq!(diagnostic["code"], "AP301", "{diagnostic:#}");
    assert!(
        !diagnostic["help"]
            .as_str()
            .unwrap()
            .contains("did you mean"),
        "{diagnostic:#}"
    );
}

#[test]
fn a_pipe_named_as_a_path_is_read_like_standard_input() {
    let dir = repo();
    let outcome = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "/dev/stdin"])
        .write_stdin("aiplan: 1\nname: Piped\nbogus: 1\n"));
    outcome.expect_code(1);
    let diagnostic = only_diagnostic(&outcome.json()).clone();
    assert_eq!(diagnostic["code"], "AP201", "{diagnostic:#}");
    assert_eq!(diagnostic["line"], 3);
}

#[test]
fn standard_input_named_twice_is_a_usage_error() {
    let outcome = run(aiplan()
        .args(["check", "-", "-"])
        .write_stdin("aiplan: 1\nname: Twice\n"));
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("more than once"),
        "{}",
        outcome.stderr
    );
}
