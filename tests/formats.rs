//! `aiplan check --format sarif` and `--format github`: what GitHub code
//! scanning and the Actions runner read. Both are written from the same
//! diagnostics as `--format json`, so every test compares them with it.
//!
//! The real validators (the OASIS schema, the SARIF Multitool's GitHub
//! rules, nektos/act's parser) run in scripts/conformance-formats.sh; these
//! tests pin the shape, the escaping and the paths.

mod common;

use aiplan::diagnostics::ALL_CODES;
use common::{aiplan, repo, run, write};
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

/// Messages with `%`, `:`, `,`, a CR LF and a span over two lines; the same
/// plan as in scripts/conformance-formats.sh.
const HOSTILE_PLAN: &str = r#"aiplan: 1
name: "Hostile: 100%, really"
"bad%key: one, two\r\nline": 1
? "multi%line: key,
  folded"
: 2
"dup:%,": 1
"dup:%,": 2
phases:
  - id: pilot
    duration: 4 weeks
"#;

/// A path with spaces, unicode, `,`, `%` and `:` (where the OS allows it).
const HOSTILE_DIR: &str = "dir with space/ünïcödé 計画";
#[cfg(unix)]
const HOSTILE_FILE: &str = "plan, 100%: ü.yaml";
#[cfg(not(unix))]
const HOSTILE_FILE: &str = "plan, 100% ü.yaml";

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

/// One warning (no rollback plan), no error.
const WARNING_PLAN: &str = "\
aiplan: 1
name: Warning plan
assessment: {current_state: Legacy warehouse, target_state: Lakehouse}
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox
    success_criteria: First model deployed
";

/// A temporary repository root (it holds `.git`).
fn hostile_relative() -> String {
    format!("{HOSTILE_DIR}/{HOSTILE_FILE}")
}

fn check(dir: &Path, format: &str, args: &[&str]) -> common::Run {
    run(aiplan()
        .current_dir(dir)
        .args(["check", "--format", format])
        .args(args))
}

fn sarif(dir: &Path, args: &[&str]) -> Value {
    let output = check(dir, "sarif", args);
    assert!(
        output.code == 0 || output.code == 1,
        "exit {}: {}",
        output.code,
        output.stderr
    );
    serde_json::from_str(&output.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}):\n{}", output.stdout))
}

/// The JSON report's diagnostics, for comparison.
fn json_diagnostics(dir: &Path, args: &[&str]) -> Vec<Value> {
    let output = check(dir, "json", args);
    output.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone()
}

/// `%`-encodes a path segment the way the SARIF renderer must.
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+=@".contains(&byte) {
                (byte as char).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

#[test]
fn sarif_has_one_run_with_every_rule_documented() {
    let dir = repo();
    write(dir.path(), "plan.yaml", CLEAN_PLAN);
    let log = sarif(dir.path(), &["plan.yaml"]);
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .unwrap()
            .contains("sarif-schema-2.1.0")
    );
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["results"].as_array().unwrap().len(), 0);
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "aiplan");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        driver.get("informationUri").is_none(),
        "no invented home page"
    );
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), ALL_CODES.len());
    let mut names = HashSet::new();
    for (rule, code) in rules.iter().zip(ALL_CODES) {
        assert_eq!(rule["id"], code.code);
        let name = rule["name"].as_str().unwrap();
        assert!(
            name.chars().next().unwrap().is_ascii_uppercase()
                && name.chars().all(|c| c.is_ascii_alphanumeric()),
            "SARIF friendly names are PascalCase identifiers: {name}"
        );
        assert_eq!(name.to_ascii_lowercase(), code.name.replace('-', ""));
        assert!(names.insert(name.to_string()), "duplicate name {name}");
        assert_eq!(rule["properties"]["aiplanName"], code.name);
        assert_eq!(rule["shortDescription"]["text"], code.summary);
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(full.len() > 20, "{} has a full description", code.code);
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        assert!(markdown.contains("## Why is this bad?"), "{markdown}");
        assert!(markdown.contains(full), "the markdown holds `what`");
        assert!(rule["help"]["text"].as_str().unwrap().starts_with(full));
        let level = match code.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
    }
}

#[test]
fn sarif_results_match_the_json_report() {
    let dir = repo();
    write(dir.path(), &hostile_relative(), HOSTILE_PLAN);
    let args = [hostile_relative()];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let log = sarif(dir.path(), &args);
    let expected = json_diagnostics(dir.path(), &args);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len());
    assert_eq!(results.len(), 4, "{results:#?}");
    let uri = format!(
        "{}/{}",
        HOSTILE_DIR
            .split('/')
            .map(encode)
            .collect::<Vec<_>>()
            .join("/"),
        encode(HOSTILE_FILE)
    );
    assert!(uri.contains("dir%20with%20space/%C3%BCn"), "{uri}");
    let mut fingerprints = HashSet::new();
    for (result, diagnostic) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], diagnostic["code"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], diagnostic["code"]);
        assert_eq!(result["level"], diagnostic["severity"]);
        let text = result["message"]["text"].as_str().unwrap();
        let message = diagnostic["message"].as_str().unwrap();
        let help = diagnostic["help"].as_str().unwrap();
        assert_eq!(text, format!("{message}\n\nhelp: {help}"));
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], uri.as_str());
        assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &physical["region"];
        assert_eq!(region["startLine"], diagnostic["line"]);
        assert_eq!(region["startColumn"], diagnostic["column"]);
        assert_eq!(region["endLine"], diagnostic["end_line"]);
        assert_eq!(region["endColumn"], diagnostic["end_column"]);
        let fingerprint = result["partialFingerprints"]["aiplan/v1"].as_str().unwrap();
        assert!(fingerprints.insert(fingerprint.to_string()));
    }
    // The raw text keeps the CR LF escaped in JSON, and `%`, `:`, `,` as they are.
    assert!(
        results[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("`bad%key: one, two\r\nline`")
    );
    // The multi-line key spans two lines.
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["endLine"],
        5
    );
    // The duplicate key points back at the first one.
    let related = results[3]["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 7);
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        uri.as_str()
    );
    // The base is the repository root, as an absolute directory URI.
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
}

#[test]
fn sarif_paths_are_relative_to_the_repository_root_not_the_directory() {
    let dir = repo();
    write(dir.path(), "plans/team a/plan.yaml", WARNING_PLAN);
    let cwd = dir.path().join("plans");
    let log = sarif(&cwd, &["team a/plan.yaml"]);
    let run = &log["runs"][0];
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plans/team%20a/plan.yaml"
    );
    // The same from the root, and with an absolute path.
    let absolute = dir.path().join("plans/team a/plan.yaml");
    for (cwd, arg) in [
        (
            dir.path().to_path_buf(),
            "plans/team a/plan.yaml".to_string(),
        ),
        (cwd.clone(), absolute.display().to_string()),
    ] {
        let again = sarif(&cwd, &[&arg]);
        assert_eq!(
            again["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "plans/team%20a/plan.yaml"
        );
    }
}

#[test]
fn sarif_names_a_file_outside_the_repository_by_an_absolute_uri() {
    let dir = repo();
    let outside = tempfile::tempdir().expect("a temporary directory");
    let plan = write(outside.path(), "far away.yaml", WARNING_PLAN);
    let log = sarif(dir.path(), &[plan.to_str().unwrap()]);
    let location =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = location["uri"].as_str().unwrap();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(uri.ends_with("/far%20away.yaml"), "{uri}");
    assert!(location.get("uriBaseId").is_none());
    assert!(log["runs"][0].get("originalUriBaseIds").is_none());
}

#[test]
fn sarif_is_deterministic() {
    let dir = repo();
    write(dir.path(), &hostile_relative(), HOSTILE_PLAN);
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let args = [hostile_relative().as_str(), "warn.yaml"].map(str::to_string);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = check(dir.path(), "sarif", &args).stdout;
    let second = check(dir.path(), "sarif", &args).stdout;
    assert_eq!(first, second);
    let first = check(dir.path(), "github", &args).stdout;
    let second = check(dir.path(), "github", &args).stdout;
    assert_eq!(first, second);
}

#[test]
fn sarif_reads_standard_input() {
    let dir = repo();
    let output = run(aiplan()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "-"])
        .write_stdin(WARNING_PLAN));
    output.expect_code(0);
    let log: Value = serde_json::from_str(&output.stdout).unwrap();
    let location =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "%3Cstdin%3E");
}

#[test]
fn github_annotations_are_escaped_as_the_runner_expects() {
    let dir = repo();
    write(dir.path(), &hostile_relative(), HOSTILE_PLAN);
    let output = check(dir.path(), "github", &[&hostile_relative()]);
    output.expect_code(1);
    let file = hostile_relative()
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace(',', "%2C");
    let help = "help: the keys allowed here are: aiplan, assessment, compute, description, edge, include, name, network, optimization, owner, phases, requirements, start, success_factors, thresholds";
    let expected = [
        format!(
            "::error file={file},line=3,col=1,endLine=3,endColumn=28,title=AP201 unknown-key::unknown key `bad%25key: one, two%0D%0Aline` in the top level%0A{help}"
        ),
        // Two lines: GitHub accepts no column there.
        format!(
            "::error file={file},line=4,endLine=5,title=AP201 unknown-key::unknown key `multi%25line: key, folded` in the top level%0A{help}"
        ),
        format!(
            "::error file={file},line=7,col=1,endLine=7,endColumn=9,title=AP201 unknown-key::unknown key `dup:%25,` in the top level%0A{help}"
        ),
        format!(
            "::error file={file},line=8,col=1,endLine=8,endColumn=9,title=AP104 duplicate-key::the key `dup:%25,` appears twice in this mapping%0Ahelp: keep one of them; YAML readers disagree on which one wins"
        ),
    ];
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert_eq!(
        lines,
        expected.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(output.stdout.ends_with('\n'));
    assert!(output.stderr.is_empty(), "{}", output.stderr);
}

#[test]
fn github_has_one_line_per_diagnostic_with_mapped_severities() {
    // The examples in a repository of their own, checked from examples/:
    // files are still named from the repository root.
    let dir = repo();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in std::fs::read_dir(&source).expect("examples/") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).expect("an example");
        write(dir.path(), &format!("examples/{name}"), &text);
    }
    let examples = dir.path().join("examples");
    let output = check(&examples, "github", &["hospital-group.yaml"]);
    let expected = json_diagnostics(&examples, &["hospital-group.yaml"]);
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert_eq!(lines.len(), expected.len());
    let mut severities = HashSet::new();
    for (line, diagnostic) in lines.iter().zip(&expected) {
        let command = match diagnostic["severity"].as_str().unwrap() {
            "info" => "notice",
            other => other,
        };
        severities.insert(command);
        let single = diagnostic["line"] == diagnostic["end_line"];
        let position = if single {
            format!(
                "line={},col={},endLine={},endColumn={}",
                diagnostic["line"],
                diagnostic["column"],
                diagnostic["end_line"],
                diagnostic["end_column"]
            )
        } else {
            format!(
                "line={},endLine={}",
                diagnostic["line"], diagnostic["end_line"]
            )
        };
        let prefix = format!(
            "::{command} file=examples/{},{position},title={} {}::",
            diagnostic["file"].as_str().unwrap(),
            diagnostic["code"].as_str().unwrap(),
            diagnostic["rule"].as_str().unwrap()
        );
        assert!(line.starts_with(&prefix), "{line}\nexpected {prefix}");
    }
    assert!(severities.contains("notice") && severities.contains("warning"));
}

#[test]
fn exit_codes_are_those_of_the_other_formats() {
    let dir = repo();
    write(dir.path(), "clean.yaml", CLEAN_PLAN);
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    write(dir.path(), &hostile_relative(), HOSTILE_PLAN);
    for format in ["sarif", "github"] {
        let clean = check(dir.path(), format, &["clean.yaml"]);
        clean.expect_code(0);
        if format == "github" {
            assert_eq!(clean.stdout, "", "no diagnostic, no line");
        }
        check(dir.path(), format, &["warn.yaml"]).expect_code(0);
        check(dir.path(), format, &["--deny-warnings", "warn.yaml"]).expect_code(1);
        check(dir.path(), format, &[&hostile_relative()]).expect_code(1);
        check(dir.path(), format, &["missing.yaml"]).expect_code(2);
    }
}
