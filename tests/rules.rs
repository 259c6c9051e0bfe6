//! The rule registry is complete and every rule proves itself: each code
//! aiplan can emit has exactly one rule with user-facing docs, a case on
//! which it fires and a case on which it stays silent, and each case does
//! what it says when checked.

use aiplan::check::{Input, check};
use aiplan::diagnostics::ALL_CODES;
use aiplan::load::Limits;
use aiplan::rules::{self, Case};
use std::collections::HashSet;

/// The codes `aiplan check` reports for a case, checked in a fresh
/// repository (a directory with `.git`) so includes resolve inside it.
fn codes_of(case: Case) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    for (name, text) in case {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("case directory");
        }
        std::fs::write(path, text).expect("case file");
    }
    let entry = dir.path().join(case[0].0);
    let report = check(&[Input::Path(entry)], &Limits::default()).expect("the case can be read");
    report
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.code.to_string())
        .collect()
}

#[test]
fn every_code_has_exactly_one_rule() {
    let rules = rules::all();
    let mut problems = Vec::new();
    for code in ALL_CODES {
        let count = rules
            .iter()
            .filter(|rule| rule.code.code == code.code)
            .count();
        if count != 1 {
            problems.push(format!("{} {} has {count} rules", code.code, code.name));
        }
    }
    let codes: HashSet<&str> = rules.iter().map(|rule| rule.code.code).collect();
    let names: HashSet<&str> = rules.iter().map(|rule| rule.code.name).collect();
    if codes.len() != rules.len() {
        problems.push("two rules share a code".to_string());
    }
    if names.len() != rules.len() {
        problems.push("two rules share a name".to_string());
    }
    for rule in &rules {
        let code = rule.code.code;
        if !(code.len() == 5
            && code.starts_with("AP")
            && code[2..].bytes().all(|b| b.is_ascii_digit()))
        {
            problems.push(format!("{code}: codes are AP and three digits"));
        }
        let name = rule.code.name;
        if name.is_empty()
            || !name.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
        {
            problems.push(format!("{code}: `{name}` is not kebab-case"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_is_documented() {
    let mut problems = Vec::new();
    for rule in rules::all() {
        let docs = &rule.docs;
        let id = format!("{} {}", rule.code.code, rule.code.name);
        for (section, text) in [("what it does", docs.what), ("why is this bad", docs.why)] {
            if text.trim().len() < 40 {
                problems.push(format!("{id}: `{section}` is missing or too short"));
            }
        }
        if docs.example.trim().is_empty() || docs.instead.trim().is_empty() {
            problems.push(format!("{id}: needs an example and a fix"));
        }
        if docs.example == docs.instead {
            problems.push(format!("{id}: the fix is the same as the example"));
        }
        let markdown = rule.markdown();
        for header in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            if !markdown.contains(header) {
                problems.push(format!("{id}: the docs lack `{header}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_fires_on_its_cases_and_stays_silent_on_the_others() {
    let mut problems = Vec::new();
    for rule in rules::all() {
        let id = format!("{} {}", rule.code.code, rule.code.name);
        if rule.fires.is_empty() {
            problems.push(format!("{id}: no case on which it fires"));
        }
        if rule.silent.is_empty() {
            problems.push(format!("{id}: no case on which it stays silent"));
        }
        for case in rule.fires {
            let codes = codes_of(case);
            if !codes.iter().any(|code| code == rule.code.code) {
                problems.push(format!("{id}: does not fire on {case:?}; got {codes:?}"));
            }
        }
        for case in rule.silent {
            let codes = codes_of(case);
            if codes.iter().any(|code| code == rule.code.code) {
                problems.push(format!("{id}: fires on its silent case {case:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rules_command_lists_and_explains() {
    let list = assert_cmd::Command::cargo_bin("aiplan")
        .expect("binary")
        .arg("rules")
        .output()
        .expect("run");
    assert_eq!(list.status.code(), Some(0));
    let text = String::from_utf8_lossy(&list.stdout);
    for rule in rules::all() {
        assert!(
            text.contains(rule.code.code) && text.contains(rule.code.name),
            "{}",
            rule.code.code
        );
    }
    for wanted in ["missing-rollback", "AP501", "ap501"] {
        let one = assert_cmd::Command::cargo_bin("aiplan")
            .expect("binary")
            .args(["rules", wanted])
            .output()
            .expect("run");
        assert_eq!(one.status.code(), Some(0), "{wanted}");
        assert!(String::from_utf8_lossy(&one.stdout).starts_with("# AP501 missing-rollback"));
    }
    let unknown = assert_cmd::Command::cargo_bin("aiplan")
        .expect("binary")
        .args(["rules", "missing-rolback"])
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `missing-rollback`?"));
}
