//! The README documents what the binary does: every diagnostic code, the
//! exit codes, and commands that work.

use assert_cmd::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn every_diagnostic_code_is_documented_and_no_other() {
    let readme = readme();
    let documented: Vec<&str> = readme
        .lines()
        .filter_map(|line| line.strip_prefix("| AP"))
        .filter_map(|rest| rest.split_whitespace().next())
        .collect();
    for code in aiplan::diagnostics::ALL_CODES {
        let row = format!("| {} | {} |", code.code, code.name);
        assert!(readme.contains(&row), "README lacks the row `{row}`");
    }
    assert_eq!(
        documented.len(),
        aiplan::diagnostics::ALL_CODES.len(),
        "README documents codes that do not exist: {documented:?}"
    );
}

#[test]
fn help_and_readme_document_the_same_exit_codes() {
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .args(["check", "--help"])
        .output()
        .expect("run");
    let help = String::from_utf8_lossy(&output.stdout);
    let readme = readme();
    for (code, help_words, readme_words) in [
        ("0", "no errors", "no errors"),
        ("1", "errors found", "errors found"),
        ("2", "usage or I/O problem", "usage or I/O problem"),
    ] {
        assert!(
            help.contains(&format!("{code}  {help_words}")),
            "--help: exit {code}"
        );
        assert!(
            readme.contains(&format!("| {code} | {readme_words}")),
            "README: exit {code}"
        );
    }
}

#[test]
fn the_quick_start_command_checks_the_examples_clean() {
    assert!(readme().contains("aiplan check examples/"));
    Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "examples/"])
        .assert()
        .success();
}
