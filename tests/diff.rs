//! `aiplan diff BASE HEAD`: the numbers of the semantic diff on constructed
//! pairs of plan versions, and reading the base from git.

mod common;

use common::{CRATE_ROOT, aiplan, run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(CRATE_ROOT).join("tests/fixtures/diff").join(name)
}

fn diff_json(dir: &Path, base: &str, head: &str, code: i32) -> Value {
    let result = run(aiplan()
        .current_dir(dir)
        .args(["diff", base, head, "--format", "json"]));
    result.expect_code(code);
    serde_json::from_str(&result.stdout).expect("the diff is JSON")
}

fn ids(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["id"].as_str().expect("an id"))
        .collect()
}

/// The numbers of `base.yaml` → `head.yaml`, worked out by hand:
/// 4w + 8w + 2w on the critical path is 98 days; 28d + 10w + 3w + 2w is 133.
fn assert_fixture_numbers(diff: &Value) {
    assert_eq!(diff["total_days"]["before"], 98);
    assert_eq!(diff["total_days"]["after"], 133);
    assert_eq!(diff["total_days"]["change"], 35);
    assert_eq!(
        diff["critical_path"]["before"],
        serde_json::json!(["pilot", "data", "cutover"])
    );
    assert_eq!(
        diff["critical_path"]["after"],
        serde_json::json!(["pilot", "data", "training", "cutover"])
    );
    assert_eq!(diff["critical_path"]["changed"], true);
    assert_eq!(diff["strategy"]["before"], "hybrid_intelligent");
    assert_eq!(diff["strategy"]["after"], "cloud_first");
    assert_eq!(diff["strategy"]["changed"], true);
    assert_eq!(diff["readiness"]["before"], 20);
    assert_eq!(diff["readiness"]["after"], 75);
    assert_eq!(diff["readiness"]["change"], 55);
    let phases = &diff["phases"];
    assert_eq!(ids(&phases["added"]), ["training"]);
    assert_eq!(ids(&phases["removed"]), ["reports"]);
    // `pilot` went from `4 weeks` to `28 days`: the same days, no change.
    assert_eq!(ids(&phases["changed"]), ["data", "cutover"]);
    let data = &phases["changed"][0];
    assert_eq!(data["duration"]["days_before"], 56);
    assert_eq!(data["duration"]["days_after"], 70);
    assert!(data["depends_on"].is_null() && data["rollback_plan"].is_null());
    let cutover = &phases["changed"][1];
    assert!(cutover["duration"].is_null());
    assert_eq!(
        cutover["depends_on"],
        serde_json::json!({"added": ["training"], "removed": ["reports"]})
    );
    assert_eq!(
        cutover["rollback_plan"],
        serde_json::json!({"before": null, "after": "Snapshot restore"})
    );
    // Every line moved in head.yaml; only real changes count.
    let messages = |list: &Value| -> Vec<String> {
        list.as_array()
            .expect("a list")
            .iter()
            .map(|finding| {
                format!(
                    "{} {}",
                    finding["rule"].as_str().unwrap(),
                    finding["message"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        messages(&diff["findings"]["new"]),
        [
            "missing-rollback the phase `Training | GPUs` has no rollback plan",
            "missing-success-criteria pre-flight: the phase `Training | GPUs` has no success criteria",
        ]
    );
    assert_eq!(
        messages(&diff["findings"]["fixed"]),
        [
            "missing-success-criteria pre-flight: the phase `Reports` has no success criteria",
            "missing-rollback the phase `Cutover` has no rollback plan",
        ]
    );
}

#[test]
fn json_numbers_of_a_constructed_pair_are_right() {
    let diff = diff_json(
        Path::new(CRATE_ROOT),
        "tests/fixtures/diff/base.yaml",
        "tests/fixtures/diff/head.yaml",
        0,
    );
    assert_fixture_numbers(&diff);
    assert_eq!(diff["base"]["label"], "tests/fixtures/diff/base.yaml");
    assert_eq!(diff["head"]["warnings"], 5);
    let keys: Vec<&str> = diff
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "base",
        "head",
        "total_days",
        "critical_path",
        "strategy",
        "readiness",
        "phases",
        "findings",
    ];
    expected.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
}

#[test]
fn markdown_summary_states_the_numbers_and_escapes_plan_strings() {
    let result = run(aiplan().current_dir(CRATE_ROOT).args([
        "diff",
        "tests/fixtures/diff/base.yaml",
        "tests/fixtures/diff/head.yaml",
    ]));
    result.expect_code(0);
    let out = &result.stdout;
    assert!(out.starts_with("### aiplan diff: Diff fixture\n"), "{out}");
    assert!(
        out.contains(
            "**Duration:** 98 days → 133 days (+35 days) · **Phases:** 1 added, 1 removed, \
             2 changed · **Findings:** 2 new, 2 fixed"
        ),
        "{out}"
    );
    assert!(
        out.contains("| Total duration | 98 days | 133 days (+35) |"),
        "{out}"
    );
    assert!(
        out.contains("| Strategy (changed) | `hybrid_intelligent` | `cloud_first` |"),
        "{out}"
    );
    assert!(
        out.contains("| Readiness score | 20/100 | 75/100 (+55) |"),
        "{out}"
    );
    // The `|` in a phase name does not break the table.
    assert!(
        out.contains("| training (Training \\| GPUs) | added |"),
        "{out}"
    );
    assert!(
        out.contains(
            "| data (Data layer) | changed | duration 8 weeks → 10 weeks (56 → 70 days, +14) |"
        ),
        "{out}"
    );
    assert!(out.contains("depends_on +training −reports"), "{out}");
    assert!(out.contains("#### New findings (2)"), "{out}");
    assert!(out.contains("#### Fixed findings (2)"), "{out}");
}

#[test]
fn a_plan_against_itself_has_no_change() {
    let result = run(aiplan().current_dir(CRATE_ROOT).args([
        "diff",
        "examples/migration.yaml",
        "examples/migration.yaml",
    ]));
    result.expect_code(0);
    assert!(
        result.stdout.contains("No semantic change"),
        "{}",
        result.stdout
    );
    assert!(result.stdout.contains("(±0 days)"), "{}", result.stdout);
}

#[test]
fn a_version_with_errors_exits_1_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "aiplan: 1\nname: Broken\nphases:\n  - id: a\n    duration: 1 week\n    depends_on: [nowhere]\n",
    )
    .unwrap();
    let base = fixture("base.yaml");
    let result =
        run(aiplan()
            .current_dir(dir.path())
            .args(["diff", base.to_str().unwrap(), "broken.yaml"]));
    result.expect_code(1);
    assert!(
        result.stderr.contains("broken.yaml has errors"),
        "{}",
        result.stderr
    );
    // Both plans were built: the diff is still printed, without a schedule.
    assert!(
        result.stdout.contains("98 days → no schedule"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_missing_file_or_a_bad_format_exits_2() {
    let result = run(aiplan().current_dir(CRATE_ROOT).args([
        "diff",
        "nowhere.yaml",
        "examples/migration.yaml",
    ]));
    result.expect_code(2);
    assert!(result.stderr.contains("nowhere.yaml"), "{}", result.stderr);
    run(aiplan().current_dir(CRATE_ROOT).args([
        "diff",
        "examples/migration.yaml",
        "examples/migration.yaml",
        "--format",
        "html",
    ]))
    .expect_code(2);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

/// A repository with `plans/plan.yaml` committed as base.yaml, and the
/// working tree holding head.yaml.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["config", "user.name", "aiplan tests"]);
    git(root, &["config", "user.email", "tests@aiplan.invalid"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    std::fs::create_dir(root.join("plans")).unwrap();
    std::fs::copy(fixture("base.yaml"), root.join("plans/plan.yaml")).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "base"]);
    std::fs::copy(fixture("head.yaml"), root.join("plans/plan.yaml")).unwrap();
    dir
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".aiplan-diff"))
        .collect()
}

#[test]
fn the_base_can_be_read_from_git() {
    let repo = repository();
    let root = repo.path();
    // From the root: the path is relative to the repository root.
    let diff = diff_json(root, "git:HEAD:plans/plan.yaml", "plans/plan.yaml", 0);
    assert_fixture_numbers(&diff);
    assert_eq!(diff["base"]["label"], "git:HEAD:plans/plan.yaml");
    // From a subdirectory: still relative to the root, as git reads it;
    // `./` makes it relative to the current directory.
    let sub = root.join("plans");
    assert_fixture_numbers(&diff_json(&sub, "git:main:plans/plan.yaml", "plan.yaml", 0));
    assert_fixture_numbers(&diff_json(&sub, "git:main:./plan.yaml", "plan.yaml", 0));
    // The copy of the base written for the check is gone.
    assert!(leftovers(&sub).is_empty(), "{:?}", leftovers(&sub));
}

#[test]
fn git_errors_are_clear_and_exit_2() {
    let repo = repository();
    let root = repo.path();
    let cases = [
        (
            "git:no-such-branch:plans/plan.yaml",
            "the revision `no-such-branch` does not exist",
        ),
        (
            "git:HEAD:plans/missing.yaml",
            "`plans/missing.yaml` does not exist at revision `HEAD`",
        ),
        ("git:plans/plan.yaml", "is not `git:REV:path`"),
    ];
    for (base, expected) in cases {
        let result = run(aiplan()
            .current_dir(root)
            .args(["diff", base, "plans/plan.yaml"]));
        result.expect_code(2);
        assert!(
            result.stderr.contains(expected),
            "{base}: {}",
            result.stderr
        );
    }
    let outside = tempfile::tempdir().unwrap();
    let result = run(aiplan()
        .current_dir(outside.path())
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .args([
            "diff",
            "git:HEAD:plan.yaml",
            fixture("head.yaml").to_str().unwrap(),
        ]));
    result.expect_code(2);
    assert!(
        result.stderr.contains("not in a git repository"),
        "{}",
        result.stderr
    );
}

#[cfg(unix)]
#[test]
fn the_copy_of_the_base_is_never_written_through_a_planted_link() {
    let repo = repository();
    let root = repo.path();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious\n").unwrap();
    // The old name was `.aiplan-diff-{pid}-{name}`: a link planted under it
    // by the process that then becomes aiplan.
    let status = Command::new("sh")
        .current_dir(root)
        .arg("-c")
        .arg(
            "ln -s \"$1\" plans/.aiplan-diff-$$-plan.yaml; ln -s \"$1\" \"${TMPDIR:-/tmp}/.aiplan-diff-$$-plan.yaml\"; \
             exec \"$0\" diff git:HEAD:plans/plan.yaml plans/plan.yaml --format json",
        )
        .arg(env!("CARGO_BIN_EXE_aiplan"))
        .arg(&victim)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    // Only the planted link is left: the copy was removed.
    assert_eq!(leftovers(&root.join("plans")).len(), 1);
}

#[test]
fn errors_in_the_base_are_located_in_the_git_spec() {
    let repo = repository();
    let root = repo.path();
    std::fs::write(
        root.join("plans/plan.yaml"),
        "aiplan: 1\nname: Broken\nphases:\n  - id: a\n    duration: 1 week\n    depends_on: [nowhere]\n",
    )
    .unwrap();
    git(root, &["commit", "-q", "-am", "broken"]);
    std::fs::copy(fixture("head.yaml"), root.join("plans/plan.yaml")).unwrap();
    let result = run(aiplan().current_dir(root).args([
        "diff",
        "git:HEAD:plans/plan.yaml",
        "plans/plan.yaml",
        "--color",
        "never",
    ]));
    result.expect_code(1);
    assert!(
        result
            .stderr
            .contains("git:HEAD:plans/plan.yaml has errors")
            && result.stderr.contains("[git:HEAD:plans/plan.yaml:6:"),
        "{}",
        result.stderr
    );
    assert!(!result.stderr.contains(".aiplan-diff"), "{}", result.stderr);
}

#[test]
fn a_directory_in_the_revision_is_refused() {
    let repo = repository();
    let root = repo.path();
    for spec in ["git:HEAD:plans", "git:HEAD:plans/"] {
        let result = run(aiplan()
            .current_dir(root)
            .args(["diff", spec, "plans/plan.yaml"]));
        result.expect_code(2);
        assert!(
            result
                .stderr
                .contains("`plans` is a directory in HEAD; name one plan file")
                || result
                    .stderr
                    .contains("`plans/` is a directory in HEAD; name one plan file"),
            "{}",
            result.stderr
        );
    }
}
