//! Plan text cannot drive the reader's terminal: in human diagnostics,
//! `aiplan explain` and `aiplan audit` text, control characters and
//! bidirectional overrides from the plan are shown as visible escapes
//! (`\e`, `\r`, `\u{202e}`), while the JSON report keeps the text as it is.

mod common;

use common::{aiplan, repo, run, write};
use std::path::Path;

/// The adversarial review's phase name: sets the window title, clears the
/// screen, recolours, reverses the line and overwrites it.
const HOSTILE_NAME: &str = r#""X\e]0;PWNED\a\e[2J\e[31mRED\u202eevil\r\x08\x08FAKE""#;
/// The same name as shown.
const SHOWN_NAME: &str = r"X\e]0;PWNED\a\e[2J\e[31mRED\u{202e}evil\r\b\bFAKE";

fn run_in(dir: &Path, args: &[&str]) -> common::Run {
    run(aiplan().current_dir(dir).args(args))
}

/// Fails if `text` holds anything a terminal would act on.
#[track_caller]
fn assert_inert(text: &str) {
    for (index, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            !bad,
            "{c:?} at byte {index} reaches the terminal:\n{}",
            text.escape_debug()
        );
    }
}

#[test]
fn human_diagnostics_escape_a_hostile_phase_name() {
    let dir = repo();
    let plan = format!(
        "aiplan: 1\nname: e\nphases:\n  - id: a\n    name: {HOSTILE_NAME}\n    duration: 1 week\n"
    );
    write(dir.path(), "plan.yaml", &plan);
    for color in ["never", "always"] {
        let output = run_in(dir.path(), &["check", "--color", color, "plan.yaml"]);
        output.expect_code(0);
        if color == "never" {
            assert_inert(&output.stderr);
        }
        assert!(
            output
                .stderr
                .contains(&format!("the phase `{SHOWN_NAME}` has no rollback plan")),
            "{}",
            output.stderr
        );
        for raw in ["\u{7}", "\r", "\u{8}", "\u{202e}", "\u{1b}]0;", "\u{1b}[2J"] {
            assert!(!output.stderr.contains(raw), "{raw:?} in {}", output.stderr);
        }
    }
    // The machine formats are not touched: JSON carries the name itself.
    let json = run_in(dir.path(), &["check", "--format", "json", "plan.yaml"]).json();
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|diagnostic| diagnostic["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|message| message
            .contains("X\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}[31mRED\u{202e}evil\r\u{8}\u{8}FAKE")),
        "{messages:?}"
    );
}

#[test]
fn a_line_break_in_a_name_cannot_forge_a_diagnostic() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: e\nphases:\n  - name: \"\\n\"\n    duration: 1 week\n  - id: b\n    name: \"\\nAP999 forged\\nAP407 forged\"\n    duration: 1 week\n",
    );
    let human = run_in(dir.path(), &["check", "--color", "never", "plan.yaml"]);
    assert_inert(&human.stderr);
    let codes: Vec<&str> = human
        .stderr
        .lines()
        .filter(|line| line.starts_with("AP"))
        .collect();
    let json = run_in(dir.path(), &["check", "--format", "json", "plan.yaml"]).json();
    let expected: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|diagnostic| {
            format!(
                "{} {}",
                diagnostic["code"].as_str().expect("code"),
                diagnostic["rule"].as_str().expect("rule")
            )
        })
        .collect();
    assert_eq!(codes, expected, "{}", human.stderr);
    assert!(expected.iter().any(|code| code.starts_with("AP407")));
    assert!(
        human
            .stderr
            .contains(r"the phase `\nAP999 forged\nAP407 forged`"),
        "{}",
        human.stderr
    );
}

#[test]
fn quoted_source_lines_show_escapes_under_aligned_labels() {
    let dir = repo();
    // A raw right-to-left override inside a phase id: the id is quoted,
    // and the underline starts under its escape and spans it.
    write(
        dir.path(),
        "bidi.yaml",
        "aiplan: 1\nname: e\nphases:\n  - id: \u{202e}AB\n    duration: 1 week\n",
    );
    let output = run_in(dir.path(), &["check", "--color", "never", "bidi.yaml"]);
    output.expect_code(1);
    assert_inert(&output.stderr);
    assert!(
        output.stderr.contains("[bidi.yaml:4:9]"),
        "{}",
        output.stderr
    );
    let lines: Vec<&str> = output.stderr.lines().collect();
    let quoted = lines
        .iter()
        .position(|line| line.ends_with(r"- id: \u{202e}AB"))
        .unwrap_or_else(|| panic!("no quoted line:\n{}", output.stderr));
    let column = |line: &str, pattern: char| {
        line.chars()
            .position(|c| c == pattern)
            .expect("the pattern is on the line")
    };
    let underline = lines[quoted + 1];
    assert_eq!(
        column(underline, '─'),
        column(lines[quoted], '\\'),
        "{}",
        output.stderr
    );
    assert_eq!(
        underline.chars().filter(|&c| c == '─' || c == '┬').count(),
        r"\u{202e}AB".len(),
        "{}",
        output.stderr
    );

    // A raw escape character is a YAML error: the snippet shows it escaped,
    // the location counts it as one character.
    write(dir.path(), "esc.yaml", "aiplan: 1\nname: e\u{1b}[31m\n");
    let output = run_in(dir.path(), &["check", "--color", "never", "esc.yaml"]);
    output.expect_code(1);
    assert_inert(&output.stderr);
    assert!(
        output.stderr.contains("[esc.yaml:2:7]"),
        "{}",
        output.stderr
    );
    assert!(
        output.stderr.contains(r"2 │ name: e\e[31m"),
        "{}",
        output.stderr
    );
}

#[test]
fn a_lone_carriage_return_is_never_printed() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\rname: e\rphases:\r  - id: Bad\r    duration: 1 week\r",
    );
    let output = run_in(dir.path(), &["check", "--color", "never", "plan.yaml"]);
    assert_inert(&output.stderr);
    let json = run_in(dir.path(), &["check", "--format", "json", "plan.yaml"]).json();
    for diagnostic in json["diagnostics"].as_array().expect("diagnostics") {
        let location = format!(
            "[plan.yaml:{}:{}]",
            diagnostic["line"], diagnostic["column"]
        );
        assert!(
            output.stderr.contains(&location),
            "{location} missing:\n{}",
            output.stderr
        );
    }
}

#[test]
fn a_hostile_file_name_is_escaped() {
    let dir = repo();
    write(dir.path(), "a\u{1b}[2Jb.yaml", "aiplan: 1\nname: e\n");
    let output = run_in(
        dir.path(),
        &["check", "--color", "never", "a\u{1b}[2Jb.yaml"],
    );
    assert!(
        output.stderr.contains(r"[a\e[2Jb.yaml:2:1]"),
        "{}",
        output.stderr
    );
    assert_inert(&output.stderr);
}

#[test]
fn explain_text_escapes_the_plan_s_rules() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Retail\nrequirements:\n  workloads: [real_time_inference]\ncompute:\n  strategy: auto\n  rules:\n    - name: \"edge\\e[31m\"\n      when: {workload: real_time_inference}\n      strategy: edge_centric\n      reason: \"why\\e[2J\\rFAKE\\u202e\"\n",
    );
    let output = run_in(dir.path(), &["explain", "plan.yaml"]);
    output.expect_code(0);
    assert_inert(&output.stdout);
    assert!(
        output.stdout.contains(r"why\e[2J\rFAKE\u{202e}"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains(r"Decided by: edge\e[31m"),
        "{}",
        output.stdout
    );
    let json = run_in(dir.path(), &["explain", "--format", "json", "plan.yaml"]).json();
    assert_eq!(json["reason"], "why\u{1b}[2J\rFAKE\u{202e}");
}

#[test]
fn audit_text_escapes_the_plan_name() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: \"N\\e[2J\\r\\u2066\"\n",
    );
    let output = run_in(dir.path(), &["audit", "plan.yaml"]);
    output.expect_code(0);
    assert_inert(&output.stdout);
    assert_inert(&output.stderr);
    assert_eq!(
        output.stdout.lines().next(),
        Some(r"N\e[2J\r\u{2066}"),
        "{}",
        output.stdout
    );
}
