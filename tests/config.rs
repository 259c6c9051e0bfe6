//! `aiplan.toml` / `.aiplan.toml`: per-rule severities and ignore globs,
//! found by walking up from the plan; a broken one exits 2, located.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const PLAN: &str = "aiplan: 1\nname: Pilot\nassessment:\n  current_state: Batch jobs\n  target_state: Online serving\nphases:\n  - id: pilot\n    duration: 2 weeks\n    infrastructure: Sandbox\n    success_criteria: Serves traffic\n";

/// A repository with `plans/plan.yaml` and a configuration at the root.
fn repo(config_name: &str, config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    std::fs::create_dir(dir.path().join("plans")).expect("plans");
    std::fs::write(dir.path().join("plans/plan.yaml"), PLAN).expect("plan");
    std::fs::write(dir.path().join(config_name), config).expect("config");
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("run");
    (
        output.status.code().expect("exit code"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(dir: &Path) -> (i32, Value) {
    let (code, stdout, _) = run(dir, &["--format", "json", "plans/plan.yaml"]);
    (code, serde_json::from_str(&stdout).expect("JSON"))
}

#[test]
fn severities_change_findings_and_counts() {
    let dir = repo("aiplan.toml", "[rules]\nmissing-rollback = \"error\"\n");
    let (code, report) = json(dir.path());
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 0);
    assert_eq!(code, 1);

    let dir = repo(".aiplan.toml", "[rules]\nAP501 = \"off\"\n");
    let (code, report) = json(dir.path());
    assert_eq!(report["diagnostics"], Value::Array(vec![]));
    assert_eq!(code, 0);

    let dir = repo("aiplan.toml", "[rules]\nmissing-rollback = \"info\"\n");
    let (code, stdout, _) = run(
        dir.path(),
        &["--format", "json", "--deny-warnings", "plans/plan.yaml"],
    );
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["diagnostics"][0]["severity"], "info");
    assert_eq!(code, 0);
}

#[test]
fn ignore_globs_drop_findings_in_matching_files() {
    for glob in ["plans/**", "*.yaml", "plans/p?an.yaml"] {
        let dir = repo("aiplan.toml", &format!("ignore = [\"{glob}\"]\n"));
        let (_, report) = json(dir.path());
        assert_eq!(report["diagnostics"], Value::Array(vec![]), "{glob}");
    }
    let dir = repo("aiplan.toml", "ignore = [\"other/**\"]\n");
    let (_, report) = json(dir.path());
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn the_search_stops_at_the_repository_root() {
    let outer = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        outer.path().join("aiplan.toml"),
        "[rules]\nmissing-rollback = \"off\"\n",
    )
    .expect("config");
    let inner = outer.path().join("repo");
    std::fs::create_dir_all(inner.join(".git")).expect(".git");
    std::fs::create_dir(inner.join("plans")).expect("plans");
    std::fs::write(inner.join("plans/plan.yaml"), PLAN).expect("plan");
    let (_, report) = json(&inner);
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn a_broken_configuration_exits_2_with_a_located_error() {
    for (config, line_col, words) in [
        (
            "[rules]\nmissing-rolback = \"off\"\n",
            ":2:1:",
            "did you mean `missing-rollback`?",
        ),
        (
            "[rules]\nmissing-rollback = \"loud\"\n",
            ":2:20:",
            "not a severity",
        ),
        (
            "[rules]\nunknown-key = \"off\"\n",
            ":2:1:",
            "cannot be configured",
        ),
        ("[rule]\n", ":1:", "unknown field"),
        ("[rules\n", ":1:", "invalid"),
        ("[rules]\nmissing-rollback = 3\n", ":2:", "string"),
    ] {
        let dir = repo("aiplan.toml", config);
        let (code, stdout, stderr) = run(dir.path(), &["--format", "json", "plans/plan.yaml"]);
        assert_eq!(code, 2, "{config}: {stderr}");
        assert!(stdout.is_empty(), "{config}");
        assert!(stderr.contains("aiplan.toml"), "{config}: {stderr}");
        assert!(stderr.contains(line_col), "{config}: {stderr}");
        assert!(stderr.contains(words), "{config}: {stderr}");
    }
    let dir = repo("aiplan.toml", "");
    std::fs::write(dir.path().join(".aiplan.toml"), "").expect("second config");
    let (code, _, stderr) = run(dir.path(), &["plans/plan.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("keep one"), "{stderr}");
}

#[test]
fn suppression_findings_can_be_configured_but_stay_unsuppressible() {
    let dir = repo("aiplan.toml", "[rules]\nunused-suppression = \"error\"\n");
    let plan = PLAN.replace("  - id", "  # aiplan-ignore: missing-team -- n/a\n  - id");
    std::fs::write(dir.path().join("plans/plan.yaml"), plan).expect("plan");
    let (code, report) = json(dir.path());
    assert_eq!(report["diagnostics"][0]["rule"], "unused-suppression");
    assert_eq!(report["diagnostics"][0]["severity"], "error");
    assert_eq!(code, 1);
}

#[test]
fn a_pathological_ignore_glob_finishes() {
    // Backtracking matchers take exponential time on these; each must
    // finish (and, matching nothing, leave the finding in place).
    let deep = format!("{}x", "**/".repeat(24));
    for glob in ["*********************b", deep.as_str()] {
        let dir = repo("aiplan.toml", &format!("ignore = [\"{glob}\"]\n"));
        let long = "migration-plan-for-the-data-platform-and-the-legacy-batch-jobs.yaml";
        std::fs::rename(
            dir.path().join("plans/plan.yaml"),
            dir.path().join("plans").join(long),
        )
        .expect("rename");
        let (code, stdout, stderr) =
            run(dir.path(), &["--format", "json", &format!("plans/{long}")]);
        assert_eq!(code, 0, "{glob}: {stderr}");
        let report: Value = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(report["summary"]["warnings"], 1, "{glob}");
    }
}

#[test]
fn a_configuration_that_is_not_utf8_exits_2_located() {
    let dir = repo("aiplan.toml", "");
    std::fs::write(
        dir.path().join("aiplan.toml"),
        b"[rules]\nmissing-rollback = \"of\xfff\"\n",
    )
    .expect("config");
    let (code, _, stderr) = run(dir.path(), &["plans/plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("aiplan.toml:2:23:"), "{stderr}");
    assert!(stderr.contains("not valid UTF-8: byte 0xff"), "{stderr}");
}

#[test]
fn a_configuration_that_is_not_a_readable_file_exits_2() {
    let dir = repo("aiplan.toml", "");
    std::fs::remove_file(dir.path().join("aiplan.toml")).expect("remove");
    std::fs::create_dir(dir.path().join("aiplan.toml")).expect("directory");
    let (code, _, stderr) = run(dir.path(), &["plans/plan.yaml"]);
    assert_eq!(code, 2, "a directory: {stderr}");
    assert!(
        stderr.contains("aiplan.toml") && stderr.contains("directory"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_broken_symbolic_link_or_a_fifo_as_configuration_exits_2() {
    use std::os::unix::fs::symlink;
    use std::time::Duration;
    let run = |dir: &Path| {
        let output = Command::cargo_bin("aiplan")
            .expect("binary")
            .current_dir(dir)
            .args(["check", "plans/plan.yaml"])
            .timeout(Duration::from_secs(60))
            .output()
            .expect("run");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    // A dangling link, a loop, a FIFO (reading it would wait for a writer).
    let dir = repo("other.toml", "");
    symlink("missing.toml", dir.path().join(".aiplan.toml")).expect("symlink");
    let (code, stderr) = run(dir.path());
    assert_eq!(code, Some(2), "a dangling link: {stderr}");
    assert!(stderr.contains(".aiplan.toml"), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");

    let dir = repo("other.toml", "");
    symlink("aiplan.toml", dir.path().join("aiplan.toml")).expect("symlink");
    let (code, stderr) = run(dir.path());
    assert_eq!(code, Some(2), "a loop: {stderr}");
    assert!(stderr.contains("aiplan.toml"), "{stderr}");

    let dir = repo("other.toml", "");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("aiplan.toml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (code, stderr) = run(dir.path());
    assert_eq!(code, Some(2), "a FIFO: {stderr}");
    assert!(
        stderr.contains("aiplan.toml") && stderr.contains("not a regular file"),
        "{stderr}"
    );

    // A link to a configuration is a configuration.
    let dir = repo("shared.toml", "[rules]\nmissing-rollback = \"off\"\n");
    symlink("shared.toml", dir.path().join("aiplan.toml")).expect("symlink");
    let (code, stderr) = run(dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    let (_, report) = json(dir.path());
    assert_eq!(report["summary"]["warnings"], 0);
}
