//! Helpers shared by the integration tests that run the `aiplan` binary.
//!
//! Every run goes through [`run`], which refuses a panic (exit code 101, or
//! a "panicked at" message) and a death by signal before the test looks at
//! anything else, so no test can pass while aiplan crashes.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

/// The crate root: fixtures are run from here so that file names in the
/// output are stable relative paths.
pub const CRATE_ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The keys of the JSON report, of each diagnostic and of the summary, in
/// the order aiplan writes them.
pub const REPORT_KEYS: &[&str] = &["diagnostics", "summary"];
pub const DIAGNOSTIC_KEYS: &[&str] = &[
    "code",
    "rule",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "help",
];
pub const SUMMARY_KEYS: &[&str] = &["files", "errors", "warnings"];

/// A command for the `aiplan` binary built for these tests.
pub fn aiplan() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_aiplan"));
    // Keep the environment from changing the output under test.
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    command
}

/// What one run of aiplan produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output parsed as the JSON report (for `--format json`).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!(
                "standard output is not JSON ({error}):\n{}\nstandard error:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Asserts the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn expect_code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code, expected,
            "expected exit code {expected}, got {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }
}

/// Runs the command to completion and checks that aiplan did not crash:
/// it exited by itself, not with a panic (101) or a signal.
#[track_caller]
pub fn run(command: &mut assert_cmd::Command) -> Run {
    let output: Output = command
        .output()
        .expect("the aiplan binary could not be started");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let Some(code) = output.status.code() else {
        panic!(
            "aiplan was killed by a signal ({:?})\n--- stderr\n{stderr}",
            output.status
        );
    };
    assert_ne!(
        code, 101,
        "aiplan panicked (exit code 101)\n--- stderr\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked at"),
        "aiplan printed a panic message (exit code {code})\n--- stderr\n{stderr}"
    );
    Run {
        code,
        stdout,
        stderr,
    }
}

/// `aiplan check --format json ARGS...` run in `dir`.
#[track_caller]
pub fn check_json(dir: &Path, args: &[&str]) -> Run {
    run(aiplan()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args))
}

/// The diagnostics array of a JSON report.
#[track_caller]
pub fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("the report has no `diagnostics` array: {report:#}"))
}

/// The codes of a report's diagnostics, in order.
pub fn codes(report: &Value) -> Vec<String> {
    diagnostics(report)
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The keys of a JSON object, in order.
/// An object's keys, sorted (`serde_json::Value` does not keep their order;
/// `assert_key_order` checks the order of the text itself).
pub fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .map(|object| object.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The keys, sorted, for comparing with `keys`.
pub fn sorted<'a>(expected: &[&'a str]) -> Vec<&'a str> {
    let mut keys = expected.to_vec();
    keys.sort_unstable();
    keys
}

/// The keys appear in the JSON text in the documented order.
pub fn assert_key_order(text: &str, expected: &[&str]) {
    let positions: Vec<usize> = expected
        .iter()
        .map(|key| {
            text.find(&format!("\"{key}\":"))
                .unwrap_or_else(|| panic!("no key {key} in {text}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "keys out of the documented order {expected:?} in {text}"
    );
}

/// Problems with a diagnostic's location: every diagnostic is at line >= 1
/// and column >= 1, and ends no earlier than it starts.
pub fn location_problems(diagnostic: &Value) -> Vec<String> {
    let number = |key: &str| diagnostic[key].as_u64();
    let mut problems = Vec::new();
    for key in ["line", "column", "end_line", "end_column"] {
        match number(key) {
            Some(value) if value >= 1 => {}
            _ => problems.push(format!("`{key}` is not a number >= 1: {}", diagnostic[key])),
        }
    }
    if let (Some(line), Some(column), Some(end_line), Some(end_column)) = (
        number("line"),
        number("column"),
        number("end_line"),
        number("end_column"),
    ) && (end_line, end_column) < (line, column)
    {
        problems.push(format!(
            "ends ({end_line}:{end_column}) before it starts ({line}:{column})"
        ));
    }
    problems
}

/// Asserts that every diagnostic of a report is located.
#[track_caller]
pub fn assert_located(report: &Value) {
    for diagnostic in diagnostics(report) {
        let problems = location_problems(diagnostic);
        assert!(
            problems.is_empty(),
            "badly located diagnostic: {}\n{diagnostic:#}",
            problems.join("; ")
        );
    }
}

/// Whether text holds an ANSI escape sequence.
pub fn has_ansi(text: &str) -> bool {
    text.contains('\u{1b}')
}

/// The `aiplan` binary as a plain `std::process::Command`, for tests that
/// spawn it and keep control of the running process (`assert_cmd` only runs
/// a command to completion). The environment is cleaned as in [`aiplan`].
pub fn aiplan_process() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_aiplan"));
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    command
}

/// Runs the command with no input and its output discarded, and kills it if
/// it has not exited after `limit`: a hang guard, so that a test reports a
/// runaway input by name instead of hanging the whole run.
///
/// Returns the exit status and the time taken, or why the run failed (it was
/// killed at the limit, or could not be started or waited for). The output is
/// discarded rather than piped because nobody reads a pipe while the process
/// runs: a full pipe would block the child and look like a hang.
pub fn run_within(
    command: &mut std::process::Command,
    limit: std::time::Duration,
) -> Result<(std::process::ExitStatus, std::time::Duration), String> {
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("could not be started: {error}"))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok((status, started.elapsed())),
            Ok(None) if started.elapsed() >= limit => {
                // It may exit between the two calls; either way it is reaped.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("still running after {limit:?}, killed"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(error) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("could not be waited for: {error}"));
            }
        }
    }
}

/// A temporary directory that aiplan takes for a repository (it holds
/// `.git`), so that includes inside it are allowed.
pub fn repo() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir(dir.path().join(".git")).expect("create .git");
    dir
}

/// Writes a test input at `relative` under `dir`, creating its directories.
pub fn write(dir: &Path, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the parent directory");
    }
    std::fs::write(&path, contents).expect("write a test input");
    path
}
