//! Baselines: adopt aiplan on an old plan and fail only on new findings,
//! matched by rule, file and the node the message names, never by line.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const OLD_PLAN: &str = "aiplan: 1
name: Legacy plan
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox
    success_criteria: First model deployed
  - id: cutover
    duration: 2 weeks
    depends_on: [pilot]
    infrastructure: New platform
    success_criteria: Zero legacy dependencies
";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    dir
}

fn aiplan(dir: &Path, args: &[&str]) -> (i32, Value, String) {
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("run");
    let code = output.status.code().expect("an exit code");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (code, report, stderr)
}

fn rules(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| d["rule"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_old_plan_adopts_aiplan_and_fails_only_on_new_findings() {
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    // Today: two phases without rollback and no assessment (3 warnings).
    let (code, report, _) = aiplan(
        dir.path(),
        &["--write-baseline", "aiplan-baseline.json", "plan.yaml"],
    );
    assert_eq!(code, 0);
    assert_eq!(
        rules(&report).len(),
        3,
        "the run still reports what it records"
    );
    let (code, report, _) = aiplan(
        dir.path(),
        &[
            "--baseline",
            "aiplan-baseline.json",
            "--deny-warnings",
            "plan.yaml",
        ],
    );
    assert_eq!((code, rules(&report).len()), (0, 0));
    assert_eq!(report["summary"]["warnings"], 0);

    // Edits elsewhere move every line: nothing old comes back.
    let moved = format!("# Owner: platform team\n# Reviewed quarterly\n{OLD_PLAN}");
    std::fs::write(
        dir.path().join("plan.yaml"),
        moved.replace("4 weeks", "5 weeks"),
    )
    .expect("write");
    let (code, report, _) = aiplan(
        dir.path(),
        &[
            "--baseline",
            "aiplan-baseline.json",
            "--deny-warnings",
            "plan.yaml",
        ],
    );
    assert_eq!((code, rules(&report).len()), (0, 0), "{report:#}");

    // A new phase without a rollback plan is new: it is reported and fails.
    let grown = format!(
        "{moved}  - id: decommission\n    duration: 1 week\n    depends_on: [cutover]\n    infrastructure: None\n    success_criteria: Legacy switched off\n"
    );
    std::fs::write(dir.path().join("plan.yaml"), grown).expect("write");
    let (code, report, _) = aiplan(
        dir.path(),
        &[
            "--baseline",
            "aiplan-baseline.json",
            "--deny-warnings",
            "plan.yaml",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(rules(&report), ["missing-rollback"]);
    assert!(
        report["diagnostics"][0]["message"]
            .as_str()
            .expect("message")
            .contains("decommission")
    );
}

#[test]
fn the_baseline_is_sorted_and_names_files_from_the_repository_root() {
    let dir = repo();
    std::fs::create_dir(dir.path().join("plans")).expect("plans/");
    std::fs::write(dir.path().join("plans/plan.yaml"), OLD_PLAN).expect("write");
    let (code, _, _) = aiplan(
        &dir.path().join("plans"),
        &["--write-baseline", "../baseline.json", "plan.yaml"],
    );
    assert_eq!(code, 0);
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("baseline.json")).expect("read"),
    )
    .expect("JSON");
    assert_eq!(baseline["version"], 1);
    let findings = baseline["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| f["file"] == "plans/plan.yaml"),
        "{baseline:#}"
    );
    let mut sorted = findings.clone();
    sorted.sort_by_key(|f| {
        (
            f["rule"].to_string(),
            f["file"].to_string(),
            f["message"].to_string(),
        )
    });
    assert_eq!(&sorted, findings);
}

#[test]
fn repeated_findings_need_as_many_entries() {
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    std::fs::write(
        dir.path().join("baseline.json"),
        r#"{"version": 1, "findings": [{"rule": "missing-rollback", "file": "plan.yaml", "message": "the phase `pilot` has no rollback plan"}]}"#,
    )
    .expect("write");
    let (code, report, _) = aiplan(dir.path(), &["--baseline", "baseline.json", "plan.yaml"]);
    assert_eq!(code, 0);
    // The pilot's is known; the cut-over's and the assessment's are not.
    let found = rules(&report);
    assert_eq!(found.len(), 2, "{report:#}");
    assert!(!report.to_string().contains("`pilot` has no rollback"));
}

#[test]
fn a_corrupt_missing_or_foreign_baseline_exits_2_with_a_clear_error() {
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    for (name, text, expected) in [
        (
            "truncated.json",
            "{\"version\": 1, \"findings\": [",
            "is not a baseline aiplan wrote",
        ),
        (
            "foreign.json",
            "{\"results\": []}",
            "is not a baseline aiplan wrote",
        ),
        (
            "future.json",
            "{\"version\": 9, \"findings\": []}",
            "version 9",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
        let (code, _, stderr) = aiplan(dir.path(), &["--baseline", name, "plan.yaml"]);
        assert_eq!(code, 2, "{name}");
        assert!(
            stderr.contains(expected) && stderr.contains(name),
            "{name}: {stderr}"
        );
    }
    let (code, _, stderr) = aiplan(dir.path(), &["--baseline", "missing.json", "plan.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.json"), "{stderr}");
    let (code, _, _) = aiplan(
        dir.path(),
        &[
            "--baseline",
            "a.json",
            "--write-baseline",
            "b.json",
            "plan.yaml",
        ],
    );
    assert_eq!(code, 2, "the two flags conflict");
}

#[test]
fn write_baseline_refuses_to_replace_what_is_not_a_baseline() {
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    std::fs::write(dir.path().join("sarif.json"), "{\"results\": []}").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "not JSON\n").expect("write");
    std::fs::create_dir(dir.path().join("out")).expect("dir");
    for (target, what) in [
        ("plan.yaml", "not a baseline"),
        ("sarif.json", "not a baseline"),
        ("notes.txt", "not a baseline"),
        ("out", "directory"),
    ] {
        let before = std::fs::read(dir.path().join(target)).ok();
        let (code, report, stderr) = aiplan(dir.path(), &["--write-baseline", target, "plan.yaml"]);
        assert_eq!(code, 2, "{target}: {stderr}");
        assert_eq!(report, Value::Null, "{target}: no report");
        assert!(
            stderr.contains(target) && stderr.contains(what),
            "{target}: {stderr}"
        );
        assert!(stderr.contains("another file"), "{target}: {stderr}");
        assert_eq!(
            std::fs::read(dir.path().join(target)).ok(),
            before,
            "{target}"
        );
    }
    assert!(dir.path().join("out").is_dir());

    // An existing baseline, of any version, an empty file: replaced.
    for (target, text) in [
        ("old.json", "{\"version\": 1, \"findings\": []}"),
        ("future.json", "{\"version\": 9, \"findings\": []}"),
        ("empty.json", ""),
    ] {
        std::fs::write(dir.path().join(target), text).expect("write");
        let (code, _, stderr) = aiplan(dir.path(), &["--write-baseline", target, "plan.yaml"]);
        assert_eq!(code, 0, "{target}: {stderr}");
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join(target)).expect("read"))
                .expect("JSON");
        assert_eq!(written["findings"].as_array().map(Vec::len), Some(3));
    }
}

#[cfg(unix)]
#[test]
fn write_baseline_refuses_a_fifo_and_gives_new_files_the_umask_mode() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (code, _, stderr) = aiplan(dir.path(), &["--write-baseline", "pipe", "plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("pipe") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO is left alone");

    let binary = assert_cmd::cargo::cargo_bin("aiplan");
    let write = |umask: &str, target: &str| {
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" check --write-baseline {target} plan.yaml"
            ))
            .arg(&binary)
            .output()
            .expect("run");
        assert_eq!(status.status.code(), Some(0), "{status:?}");
        std::fs::metadata(dir.path().join(target))
            .expect("written")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(write("022", "a.json"), 0o644);
    assert_eq!(write("002", "b.json"), 0o664);
    // Rewriting keeps the mode the baseline has.
    std::fs::set_permissions(dir.path().join("a.json"), PermissionsExt::from_mode(0o640))
        .expect("chmod");
    assert_eq!(write("022", "a.json"), 0o640);
    // Through a link: the baseline it leads to is rewritten, the link stays.
    symlink("a.json", dir.path().join("link.json")).expect("symlink");
    write("022", "link.json");
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.json"))
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_baseline_that_is_not_a_regular_file_or_too_large_exits_2() {
    use std::os::unix::fs::symlink;
    use std::time::Duration;
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    symlink("/dev/null", dir.path().join("null.json")).expect("symlink");
    std::fs::create_dir(dir.path().join("dir.json")).expect("dir");
    for name in ["pipe", "/dev/null", "null.json", "dir.json"] {
        // Reading a FIFO would wait for a writer: the timeout fails the test.
        let output = Command::cargo_bin("aiplan")
            .expect("binary")
            .current_dir(dir.path())
            .args(["check", "--baseline", name, "plan.yaml"])
            .timeout(Duration::from_secs(60))
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains("not a regular file"),
            "{name}: {stderr}"
        );
    }

    // A link to a baseline is a baseline.
    std::fs::write(
        dir.path().join("real.json"),
        "{\"version\": 1, \"findings\": []}",
    )
    .expect("write");
    symlink("real.json", dir.path().join("link.json")).expect("symlink");
    let (code, _, stderr) = aiplan(dir.path(), &["--baseline", "link.json", "plan.yaml"]);
    assert_eq!(code, 0, "{stderr}");

    // Larger than the cap (64 MiB): refused without reading it whole.
    let big = std::fs::File::create(dir.path().join("big.json")).expect("create");
    big.set_len(64 * 1024 * 1024 + 1).expect("sparse");
    let (code, _, stderr) = aiplan(dir.path(), &["--baseline", "big.json", "plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("big.json") && stderr.contains("larger than"),
        "{stderr}"
    );
}

#[test]
fn baseline_errors_are_located_with_1_based_columns() {
    let dir = repo();
    std::fs::write(dir.path().join("plan.yaml"), OLD_PLAN).expect("write");
    for (name, bytes, location, words) in [
        (
            "empty.json",
            &b""[..],
            "empty.json:1:1",
            "not a baseline aiplan wrote",
        ),
        (
            "newline.json",
            &b"{\"version\": 1,\n"[..],
            "newline.json:2:1",
            "not a baseline aiplan wrote",
        ),
        (
            "accent.json",
            "{\"café\": 1}".as_bytes(),
            "accent.json:1:7",
            "unknown field",
        ),
        (
            "latin1.json",
            &b"{\"version\": 1,\n \"findings\": [\"caf\xe9\"]}"[..],
            "latin1.json:2:19",
            "not valid UTF-8: byte 0xe9",
        ),
    ] {
        std::fs::write(dir.path().join(name), bytes).expect("write");
        let (code, _, stderr) = aiplan(dir.path(), &["--baseline", name, "plan.yaml"]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(
            stderr.contains(location) && stderr.contains(words),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("column 0"), "{name}: {stderr}");
    }
}
