//! Fixtures with a contract (after rhysd/actionlint's linter_test.go).
//!
//! Layout of `tests/fixtures/`:
//!
//! - `ok/NAME.yaml` — one file that must check clean: `aiplan check` exits 0
//!   with no diagnostic at all (no warning either).
//! - `ok/NAME/plan.yaml` — a case of several files: `plan.yaml` is the entry
//!   that is checked; the other files of the directory are what it includes.
//! - `err/NAME.yaml` with its golden `err/NAME.json` — a file that must
//!   produce at least one diagnostic; the JSON report of
//!   `aiplan check --format json tests/fixtures/err/NAME.yaml`, run from the
//!   crate root, must equal the golden.
//! - `err/NAME/plan.yaml` with its golden `err/NAME/plan.json` — the same for
//!   a case of several files.
//!
//! Every diagnostic of every golden has `line >= 1` and `column >= 1`, and
//! exits 1 when it holds an error (0 when only warnings). Any other file at
//! the top of `ok/` or `err/` (a `.yml`, a golden without its fixture, a case
//! directory without `plan.yaml`) fails the test, so that no fixture is
//! silently skipped.
//!
//! The `err/` corpus covers every way a plan can be wrong (YAML syntax and
//! encoding, types, unknown keys, the dependency graph, durations, includes
//! and the domain rules); it may not shrink below [`MIN_ERR_CASES`] cases, and
//! no case, in `ok/` or `err/`, may run longer than [`CASE_TIME_LIMIT`].
//!
//! To create or refresh goldens, run
//! `UPDATE_GOLDEN=1 cargo test --test fixtures`, then review the diff.
//!
//! Includes stay inside their case directory: the plan's repository is the
//! nearest ancestor holding `.git`, and a fixture must not depend on what
//! lies above the crate.

mod common;

use common::{CRATE_ROOT, diagnostics, location_problems, run};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The entry file of a case directory, and the stem of its golden.
const CASE_ENTRY: &str = "plan.yaml";
const UPDATE_HINT: &str = "UPDATE_GOLDEN=1 cargo test --test fixtures";
/// The fewest cases `err/` may hold (issue 7): the corpus is how we know that
/// every way of getting a plan wrong gets a located diagnostic, so losing
/// cases (a directory renamed, a glob gone wrong) must fail loudly.
const MIN_ERR_CASES: usize = 60;
/// The longest any one case may run. Every case is a small file, checked in
/// milliseconds; one that takes seconds is a hang or a runaway (an alias bomb
/// or an include chain that escaped its limit), whatever the machine.
const CASE_TIME_LIMIT: Duration = Duration::from_secs(2);

/// One fixture: the file to check and, for `err/`, its golden.
struct Case {
    /// The path given to aiplan, relative to the crate root, with `/`.
    entry: String,
    golden: PathBuf,
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|value| !value.is_empty() && value != "0")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(CRATE_ROOT)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The cases of `tests/fixtures/<kind>`, sorted, and the layout problems found.
fn collect(kind: &str) -> (Vec<Case>, Vec<String>) {
    let dir = Path::new(CRATE_ROOT).join("tests/fixtures").join(kind);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    let is_err = kind == "err";
    for path in &entries {
        let name = relative(path);
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_dir() {
            let entry = path.join(CASE_ENTRY);
            if entry.is_file() {
                cases.push(Case {
                    entry: relative(&entry),
                    golden: entry.with_extension("json"),
                });
            } else {
                problems.push(format!(
                    "{name}/: a case directory needs its entry file `{CASE_ENTRY}`"
                ));
            }
        } else if extension == "yaml" {
            cases.push(Case {
                entry: name,
                golden: path.with_extension("json"),
            });
        } else if is_err && extension == "json" {
            if !path.with_extension("yaml").is_file() {
                problems.push(format!(
                    "{name}: a golden without its fixture `{}`; delete it",
                    relative(&path.with_extension("yaml"))
                ));
            }
        } else {
            problems.push(format!(
                "{name}: not a fixture; name fixtures `*.yaml` (goldens `*.json` in err/) \
                 or put the files of one case in a directory with `{CASE_ENTRY}`"
            ));
        }
    }
    if cases.is_empty() {
        problems.push(format!("{}: no fixtures", relative(&dir)));
    }
    (cases, problems)
}

/// `aiplan check --format json ENTRY` from the crate root.
fn check(entry: &str) -> (common::Run, Option<Value>) {
    let outcome = run(common::aiplan()
        .current_dir(CRATE_ROOT)
        .args(["check", "--format", "json", "--", entry]));
    let report = serde_json::from_str(&outcome.stdout).ok();
    (outcome, report)
}

/// File names as aiplan prints them on any platform.
fn normalize(mut report: Value) -> Value {
    if let Some(diagnostics) = report["diagnostics"].as_array_mut() {
        for diagnostic in diagnostics {
            if let Some(file) = diagnostic["file"].as_str() {
                diagnostic["file"] = Value::from(file.replace('\\', "/"));
            }
        }
    }
    report
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON serialises");
    text.push('\n');
    text
}

/// The lines that differ between two texts, for a readable failure.
fn line_diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    // Longest common subsequence, which is plenty for files this small.
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            let _ = writeln!(out, "  {}", expected[i]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            let _ = writeln!(out, "- {}", expected[i]);
            i += 1;
        } else {
            let _ = writeln!(out, "+ {}", actual[j]);
            j += 1;
        }
    }
    out
}

/// Fails with every problem found, not only the first.
fn report_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} {what}:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn fixture_directories_follow_the_layout() {
    let mut problems = Vec::new();
    for kind in ["ok", "err"] {
        problems.extend(collect(kind).1);
    }
    report_failures("layout problems in tests/fixtures", &problems);
}

/// The corpus cannot silently shrink: a lost case would take the guarantee
/// it stands for with it, and the other tests would still pass.
#[test]
fn err_corpus_keeps_at_least_the_minimum_number_of_cases() {
    let (cases, _) = collect("err");
    assert!(
        cases.len() >= MIN_ERR_CASES,
        "tests/fixtures/err holds {} cases, fewer than the {MIN_ERR_CASES} it must keep; \
         restore the missing cases (or replace them with new ones)",
        cases.len()
    );
}

/// A hang guard rather than a timing assertion: each case runs in its own
/// process, which is killed if it has not finished after [`CASE_TIME_LIMIT`],
/// so a hang fails this test with the case's name instead of stalling the
/// whole run, and normal runs are never judged on their speed.
#[test]
fn no_case_runs_longer_than_the_time_limit() {
    let mut failures = Vec::new();
    for kind in ["ok", "err"] {
        for case in collect(kind).0 {
            let outcome = common::run_within(
                common::aiplan_process().current_dir(CRATE_ROOT).args([
                    "check",
                    "--format",
                    "json",
                    "--",
                    &case.entry,
                ]),
                CASE_TIME_LIMIT,
            );
            if let Err(problem) = outcome {
                failures.push(format!("{}: {problem}", case.entry));
            }
        }
    }
    report_failures(
        &format!("cases do not finish within {CASE_TIME_LIMIT:?}"),
        &failures,
    );
}

#[test]
fn ok_fixtures_check_clean() {
    let (cases, _) = collect("ok");
    let mut failures = Vec::new();
    for case in &cases {
        let (outcome, report) = check(&case.entry);
        let clean = outcome.code == 0
            && report.as_ref().is_some_and(|report| {
                diagnostics(report).is_empty()
                    && report["summary"]["errors"] == 0
                    && report["summary"]["warnings"] == 0
            });
        if !clean {
            failures.push(format!(
                "{}: expected exit 0 and no diagnostics, got exit {}:\n{}{}",
                case.entry, outcome.code, outcome.stdout, outcome.stderr
            ));
        }
    }
    report_failures("ok fixtures do not check clean", &failures);
}

#[test]
fn err_fixtures_match_their_golden_output() {
    let (cases, _) = collect("err");
    let update = updating();
    let mut failures = Vec::new();
    for case in &cases {
        let (outcome, report) = check(&case.entry);
        let Some(report) = report.map(normalize) else {
            failures.push(format!(
                "{}: exit {} without a JSON report:\n{}{}",
                case.entry, outcome.code, outcome.stdout, outcome.stderr
            ));
            continue;
        };
        let found = diagnostics(&report);
        if found.is_empty() {
            failures.push(format!(
                "{}: expected at least one diagnostic, got none (exit {})",
                case.entry, outcome.code
            ));
            continue;
        }
        let errors = report["summary"]["errors"].as_u64().unwrap_or(0);
        let expected_code = if errors > 0 { 1 } else { 0 };
        if outcome.code != expected_code {
            failures.push(format!(
                "{}: {errors} errors, so exit {expected_code} was expected, got {}\n{}",
                case.entry, outcome.code, outcome.stderr
            ));
        }
        // Goldens keep aiplan's own text (and so its documented key order);
        // they are compared as JSON values.
        let normalized =
            serde_json::from_str::<Value>(&outcome.stdout).ok() != Some(report.clone());
        let actual = if normalized {
            pretty(&report)
        } else {
            outcome.stdout.clone()
        };
        let golden_name = relative(&case.golden);
        if update {
            let current = std::fs::read_to_string(&case.golden).ok();
            if current.as_deref() != Some(actual.as_str()) {
                std::fs::write(&case.golden, &actual)
                    .unwrap_or_else(|error| panic!("cannot write {golden_name}: {error}"));
                eprintln!("updated {golden_name}");
            }
            continue;
        }
        let Ok(golden_text) = std::fs::read_to_string(&case.golden) else {
            failures.push(format!(
                "{}: the golden {golden_name} is missing; create it with `{UPDATE_HINT}` \
                 and review it before committing. aiplan printed:\n{actual}",
                case.entry
            ));
            continue;
        };
        let golden: Value = match serde_json::from_str(&golden_text) {
            Ok(golden) => golden,
            Err(error) => {
                failures.push(format!(
                    "{golden_name}: not JSON ({error}); regenerate it with `{UPDATE_HINT}`"
                ));
                continue;
            }
        };
        if golden != report {
            failures.push(format!(
                "{}: the output differs from {golden_name} (- golden, + actual); if the change \
                 is intended, run `{UPDATE_HINT}` and review the diff\n{}",
                case.entry,
                line_diff(&pretty(&golden), &actual)
            ));
        }
    }
    report_failures("err fixtures do not match their goldens", &failures);
}

/// The goldens themselves keep the contract, whoever wrote them.
#[test]
fn every_golden_diagnostic_is_located() {
    let (cases, _) = collect("err");
    let mut failures = Vec::new();
    for case in &cases {
        let Ok(text) = std::fs::read_to_string(&case.golden) else {
            continue; // reported by err_fixtures_match_their_golden_output
        };
        let Ok(golden) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let name = relative(&case.golden);
        let Some(found) = golden["diagnostics"].as_array() else {
            failures.push(format!("{name}: no `diagnostics` array"));
            continue;
        };
        if found.is_empty() {
            failures.push(format!(
                "{name}: an err golden needs at least one diagnostic"
            ));
        }
        for (index, diagnostic) in found.iter().enumerate() {
            let mut problems = location_problems(diagnostic);
            let file = diagnostic["file"].as_str().unwrap_or("");
            if file.is_empty() || Path::new(file).is_absolute() {
                problems.push(format!("`file` is not a relative path: {file:?}"));
            }
            for key in ["message", "code", "rule", "severity"] {
                if diagnostic[key].as_str().is_none_or(str::is_empty) {
                    problems.push(format!("`{key}` is missing or empty"));
                }
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{name}: diagnostic {index}: {}",
                    problems.join("; ")
                ));
            }
        }
    }
    report_failures("golden diagnostics break the contract", &failures);
}

/// The human renderer says the same thing as the JSON one: every diagnostic
/// appears at its `file:line:column`, and the summary counts agree.
#[test]
fn human_output_locates_every_err_fixture_diagnostic() {
    let (cases, _) = collect("err");
    let mut failures = Vec::new();
    for case in &cases {
        let (json_run, report) = check(&case.entry);
        let Some(report) = report.map(normalize) else {
            continue; // reported by err_fixtures_match_their_golden_output
        };
        let human = run(common::aiplan().current_dir(CRATE_ROOT).args([
            "check",
            "--color",
            "never",
            "--",
            &case.entry,
        ]));
        if human.code != json_run.code {
            failures.push(format!(
                "{}: exit {} in human output but {} in JSON",
                case.entry, human.code, json_run.code
            ));
        }
        if !human.stdout.is_empty() {
            failures.push(format!(
                "{}: human output belongs on standard error, but standard output has:\n{}",
                case.entry, human.stdout
            ));
        }
        let stderr = human.stderr.replace('\\', "/");
        for diagnostic in diagnostics(&report) {
            let place = format!(
                "{}:{}:{}",
                diagnostic["file"].as_str().unwrap_or(""),
                diagnostic["line"],
                diagnostic["column"]
            );
            let code = diagnostic["code"].as_str().unwrap_or("");
            if !stderr.contains(&place) || !stderr.contains(code) {
                failures.push(format!(
                    "{}: the human output does not show {code} at {place}:\n{}",
                    case.entry, human.stderr
                ));
            }
        }
        let summary = &report["summary"];
        let plural = |count: &Value, word: &str| {
            format!("{count} {word}{}", if *count == 1 { "" } else { "s" })
        };
        let line = format!(
            "{}, {} in {}",
            plural(&summary["errors"], "error"),
            plural(&summary["warnings"], "warning"),
            plural(&summary["files"], "file")
        );
        if !stderr.contains(&line) {
            failures.push(format!(
                "{}: the human output lacks the summary `{line}`:\n{}",
                case.entry, human.stderr
            ));
        }
    }
    report_failures("err fixtures render differently for people", &failures);
}
