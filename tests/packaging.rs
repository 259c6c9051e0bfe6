//! Packaging for the ecosystem: shell completions and manual pages, the
//! pre-commit hooks (`.pre-commit-hooks.yaml`), the GitHub Action
//! (`action.yml`) and the workflow to copy (`docs/github-workflow.yml`).
//!
//! Every `aiplan …` command line in those files must name a real subcommand
//! and real flags: they are matched against the binary's own `--help`, so a
//! renamed flag breaks this test rather than a user's CI. The real
//! validators (pre-commit, check-jsonschema's GitHub schemas, actionlint,
//! shellcheck) run in `scripts/conformance-packaging.sh`.

mod common;

use common::{CRATE_ROOT, aiplan, run};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const SUBCOMMANDS: &[&str] = &[
    "check",
    "schedule",
    "graph",
    "explain",
    "diff",
    "audit",
    "roadmap",
    "terraform",
    "rules",
    "schema",
    "completions",
    "man",
];

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(CRATE_ROOT).join(relative))
        .unwrap_or_else(|error| panic!("cannot read {relative}: {error}"))
}

/// A YAML file parsed by aiplan's own loader, as JSON.
fn yaml(relative: &str) -> Value {
    let text = read(relative);
    let mut diagnostics = Vec::new();
    let document = aiplan::load::parse(
        aiplan::source::FileId(0),
        &text,
        &aiplan::load::Limits::default(),
        &mut diagnostics,
    );
    assert!(
        diagnostics.is_empty(),
        "{relative} is not clean YAML: {diagnostics:#?}"
    );
    document
        .unwrap_or_else(|| panic!("{relative} holds no YAML document"))
        .value
}

fn str_at<'a>(value: &'a Value, key: &str, what: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{what} has no string `{key}`: {value:#}"))
}

// ---------------------------------------------------------------- completions

#[test]
fn completions_for_every_shell_mention_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let result = run(aiplan().args(["completions", shell]));
        result.expect_code(0);
        assert!(
            !result.stdout.trim().is_empty(),
            "no completions for {shell}"
        );
        for sub in SUBCOMMANDS {
            assert!(
                result.stdout.contains(sub),
                "the {shell} completions do not mention `{sub}`"
            );
        }
        // Flags of a subcommand are completed too.
        assert!(
            result.stdout.contains("deny-warnings"),
            "the {shell} completions do not complete `check --deny-warnings`"
        );
    }
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let result = run(aiplan().args(["completions", "tcsh"]));
    result.expect_code(2);
    assert!(result.stderr.contains("bash"), "{}", result.stderr);
}

// ---------------------------------------------------------------- man pages

#[test]
fn man_writes_the_top_page_to_standard_output() {
    let result = run(aiplan().arg("man"));
    result.expect_code(0);
    assert!(result.stdout.starts_with(".ie") || result.stdout.contains(".TH aiplan 1"));
    assert!(result.stdout.contains(".TH aiplan 1"), "{}", result.stdout);
    assert!(result.stdout.contains(".SH SUBCOMMANDS"));
    for sub in SUBCOMMANDS {
        assert!(
            result.stdout.contains(&format!("aiplan\\-{sub}(1)")),
            "aiplan(1) does not refer to aiplan-{sub}(1)"
        );
    }
}

#[test]
fn man_writes_one_page_per_subcommand_into_a_directory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("share/man/man1");
    let result = run(aiplan().arg("man").arg("-o").arg(&out));
    result.expect_code(0);
    let mut expected: Vec<String> = SUBCOMMANDS
        .iter()
        .map(|sub| format!("aiplan-{sub}.1"))
        .collect();
    expected.push("aiplan.1".to_string());
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .expect("the man directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    written.sort();
    assert_eq!(written, expected);
    let check = std::fs::read_to_string(out.join("aiplan-check.1")).expect("aiplan-check.1");
    assert!(check.contains(".TH aiplan-check 1  \"aiplan "), "{check}");
    assert!(check.contains("deny\\-warnings"), "{check}");
    // Generated from the same definition as the parser, run after run.
    let again = run(aiplan().arg("man").arg("-o").arg(&out));
    again.expect_code(0);
    assert_eq!(
        std::fs::read_to_string(out.join("aiplan-check.1")).expect("aiplan-check.1"),
        check
    );
}

#[test]
fn man_reports_a_directory_it_cannot_create() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").expect("write");
    let result = run(aiplan().arg("man").arg("-o").arg(file.join("man1")));
    result.expect_code(2);
    assert!(result.stderr.starts_with("error: "), "{}", result.stderr);
}

#[test]
fn man_pages_start_with_the_generated_header() {
    let dir = tempfile::tempdir().expect("temporary directory");
    run(aiplan().arg("man").arg("-o").arg(dir.path())).expect_code(0);
    for name in ["aiplan.1", "aiplan-check.1"] {
        let page = std::fs::read_to_string(dir.path().join(name)).expect("page");
        // A roff comment, so `man` shows nothing of it.
        assert!(
            page.starts_with(".\\\" Generated by aiplan (`aiplan man`)"),
            "{name}: {page}"
        );
    }
    let stdout = run(aiplan().arg("man"));
    assert!(stdout.stdout.starts_with(".\\\" Generated by aiplan ("));
}

#[test]
fn man_keeps_a_page_it_did_not_write_unless_forced() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let own = dir.path().join("aiplan.1");
    let mine = ".TH aiplan 1\n.SH NAME\naiplan \\- our own page, Generated by aiplan once\n";
    std::fs::write(&own, mine).expect("write");
    let refused = run(aiplan().arg("man").arg("-o").arg(dir.path()));
    refused.expect_code(1);
    assert!(
        refused.stderr.contains("aiplan.1") && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&own).expect("read"), mine);
    assert!(
        !dir.path().join("aiplan-check.1").exists(),
        "a refusal writes nothing"
    );
    run(aiplan().arg("man").arg("-o").arg(dir.path()).arg("--force")).expect_code(0);
    assert!(
        std::fs::read_to_string(&own)
            .expect("read")
            .contains(".TH aiplan 1")
    );
    // --force needs -o.
    run(aiplan().arg("man").arg("--force")).expect_code(2);
}

#[cfg(unix)]
#[test]
fn man_does_not_write_through_a_link() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let outside = tempfile::tempdir().expect("temporary directory");
    let victim = outside.path().join("victim2");
    std::fs::write(&victim, "precious\n").expect("write");
    std::os::unix::fs::symlink(&victim, dir.path().join("aiplan-check.1")).expect("link");
    for extra in [&[][..], &["--force"]] {
        let refused = run(aiplan().arg("man").arg("-o").arg(dir.path()).args(extra));
        refused.expect_code(2);
        assert!(
            refused
                .stderr
                .contains("aiplan-check.1: it is a symbolic link"),
            "{}",
            refused.stderr
        );
        assert_eq!(
            std::fs::read_to_string(&victim).expect("read"),
            "precious\n"
        );
    }
}

#[test]
fn man_into_a_file_says_it_is_not_a_directory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "mine\n").expect("write");
    let refused = run(aiplan().arg("man").arg("-o").arg(&file));
    refused.expect_code(2);
    assert!(
        refused
            .stderr
            .contains("a-file: it exists and is not a directory"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine\n");
}

// ---------------------------------------------------------------- the manifests

#[test]
fn pre_commit_hooks_have_the_required_keys() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    let ids: Vec<&str> = hooks
        .iter()
        .map(|hook| str_at(hook, "id", "a hook"))
        .collect();
    assert_eq!(
        ids,
        [
            "aiplan-check",
            "aiplan-roadmap-fresh",
            "aiplan-terraform-fresh"
        ]
    );
    for hook in hooks {
        let id = str_at(hook, "id", "a hook");
        for key in ["name", "entry", "language"] {
            assert!(
                !str_at(hook, key, id).is_empty(),
                "hook {id}: empty `{key}`"
            );
        }
        assert_eq!(hook["language"], "rust", "hook {id}");
        // aiplan is told what to check by `args`, never by pre-commit's
        // file names (a YAML file that is not a plan is an error).
        assert_eq!(hook["pass_filenames"], false, "hook {id}");
        assert!(hook["files"].is_string(), "hook {id}: no `files`");
    }
    for id in ["aiplan-roadmap-fresh", "aiplan-terraform-fresh"] {
        let hook = hooks.iter().find(|hook| hook["id"] == id).expect(id);
        assert!(
            str_at(hook, "entry", id).ends_with(" --check"),
            "hook {id} must be a freshness check"
        );
    }
}

#[test]
fn action_is_a_composite_action_with_its_inputs() {
    let action = yaml("action.yml");
    for key in ["name", "description"] {
        assert!(!str_at(&action, key, "action.yml").is_empty());
    }
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_array().expect("runs.steps");
    assert!(!steps.is_empty());
    for step in steps {
        if step.get("run").is_some() {
            // A composite step with `run` must say its shell.
            assert_eq!(step["shell"], "bash", "{step:#}");
        }
    }
    for input in ["paths", "sarif-file", "deny-warnings"] {
        assert!(
            action["inputs"][input]["description"].is_string(),
            "action.yml: no input `{input}`"
        );
    }
    // Built from the action's own checkout, never from a registry.
    let install = run_scripts(&action["runs"]["steps"]).join("\n");
    assert!(
        install.contains("cargo install --locked") && install.contains("\"$AIPLAN_SOURCE\""),
        "{install}"
    );
    assert_eq!(
        steps[0]["env"]["AIPLAN_SOURCE"], "${{ github.action_path }}",
        "the install step builds the action's checkout"
    );
}

#[test]
fn workflow_uploads_sarif_and_checks_freshness() {
    let workflow = yaml("docs/github-workflow.yml");
    let steps: Vec<&Value> = workflow["jobs"]
        .as_object()
        .expect("jobs")
        .values()
        .flat_map(|job| job["steps"].as_array().expect("steps"))
        .collect();
    let uses: Vec<&str> = steps
        .iter()
        .filter_map(|step| step["uses"].as_str())
        .collect();
    assert!(
        uses.iter()
            .any(|uses| uses.starts_with("github/codeql-action/upload-sarif@")),
        "{uses:?}"
    );
    let scripts = run_scripts(&workflow["jobs"]["plans"]["steps"]).join("\n");
    assert!(scripts.contains("aiplan roadmap") && scripts.contains("aiplan terraform"));
    assert!(scripts.matches("--check").count() >= 2, "{scripts}");
}

// ---------------------------------------------------------------- command lines

/// The `run:` scripts of a list of steps.
fn run_scripts(steps: &Value) -> Vec<String> {
    steps
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .filter_map(|step| step["run"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Every `aiplan …` command in a shell script, as its words up to the end of
/// the command (a pipe, a redirection, `;`, `&&`, `||` or the line's end;
/// `\` continues a line). Comments are left out.
fn aiplan_commands(script: &str) -> Vec<Vec<String>> {
    let joined = script.replace("\\\n", " ");
    let mut commands = Vec::new();
    for line in joined.lines() {
        let line = line.split(" #").next().unwrap_or_default();
        if line.trim_start().starts_with('#') {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        for (at, word) in words.iter().enumerate() {
            // `aiplan`, also as `$(aiplan`, `x=$(aiplan` or `(aiplan`.
            let word = word.rsplit("$(").next().unwrap_or_default();
            let word = word.trim_start_matches(['(', '"']);
            if word != "aiplan" {
                continue;
            }
            let command: Vec<String> = words[at + 1..]
                .iter()
                .take_while(|word| {
                    !matches!(**word, "|" | ";" | "&&" | "||" | ")")
                        && !word.starts_with('>')
                        && !word.starts_with("2>")
                        && !word.starts_with('<')
                })
                .map(|word| word.trim_end_matches([')', ';']).to_string())
                .collect();
            commands.push(command);
        }
    }
    commands
}

/// The options of one command's `--help`: each flag (`--format`, `-o`), and
/// whether it takes a value and which values it allows (empty: any).
#[derive(Debug, Default)]
struct Flag {
    takes_value: bool,
    values: Vec<String>,
}

fn help_flags(words: &[&str]) -> BTreeMap<String, Flag> {
    let result = run(aiplan().args(words).arg("--help"));
    result.expect_code(0);
    let mut flags: BTreeMap<String, Flag> = BTreeMap::new();
    let mut current: Vec<String> = Vec::new();
    for line in result.stdout.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if indent > 0 && indent < 8 && trimmed.starts_with('-') {
            // An option's header: `-o, --output <FILE>`, `--check`.
            let takes_value = trimmed.contains('<');
            current = trimmed
                .split([',', ' '])
                .filter(|word| word.starts_with('-'))
                .map(str::to_string)
                .collect();
            for name in &current {
                flags.insert(
                    name.clone(),
                    Flag {
                        takes_value,
                        values: Vec::new(),
                    },
                );
            }
        } else if indent >= 8
            && let Some(value) = trimmed.strip_prefix("- ")
        {
            // One of the `Possible values:` of the current option.
            let value = value.split(':').next().unwrap_or_default().trim();
            for name in &current {
                if let Some(flag) = flags.get_mut(name) {
                    flag.values.push(value.to_string());
                }
            }
        } else if indent == 0 && !trimmed.is_empty() {
            current.clear();
        }
    }
    flags
}

/// Problems with one `aiplan` command line (its words after `aiplan`).
fn command_problems(command: &[String]) -> Vec<String> {
    let line = format!("aiplan {}", command.join(" "));
    let Some(first) = command.first() else {
        return vec![format!("`{line}`: no subcommand")];
    };
    let (path, rest): (Vec<&str>, &[String]) = if first.starts_with('-') {
        (Vec::new(), command)
    } else if SUBCOMMANDS.contains(&first.as_str()) {
        (vec![first.as_str()], &command[1..])
    } else {
        return vec![format!("`{line}`: `{first}` is not an aiplan subcommand")];
    };
    let flags = help_flags(&path);
    let mut problems = Vec::new();
    let mut words = rest.iter().peekable();
    while let Some(word) = words.next() {
        if !word.starts_with('-') || word == "-" || word == "--" {
            continue;
        }
        let (name, inline_value) = match word.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (word.as_str(), None),
        };
        let Some(flag) = flags.get(name) else {
            problems.push(format!(
                "`{line}`: `aiplan {} --help` has no `{name}`",
                path.join(" ")
            ));
            continue;
        };
        if !flag.takes_value {
            continue;
        }
        let Some(value) = inline_value.or_else(|| words.next().cloned()) else {
            problems.push(format!("`{line}`: `{name}` needs a value"));
            continue;
        };
        let literal = !value.contains(['$', '"', '\'']);
        if literal && !flag.values.is_empty() && !flag.values.contains(&value) {
            problems.push(format!(
                "`{line}`: `{name} {value}` is not one of {:?}",
                flag.values
            ));
        }
    }
    problems
}

/// Every command line of the packaging files: the `run:` scripts of the
/// action and of the workflow (commented-out jobs are not YAML, so the
/// diff job included), and each hook's entry with its
/// args.
fn packaged_commands() -> Vec<(String, Vec<String>)> {
    let mut commands = Vec::new();
    let action = yaml("action.yml");
    for script in run_scripts(&action["runs"]["steps"]) {
        for command in aiplan_commands(&script) {
            commands.push(("action.yml".to_string(), command));
        }
    }
    let workflow = yaml("docs/github-workflow.yml");
    for (name, job) in workflow["jobs"].as_object().expect("jobs") {
        for script in run_scripts(&job["steps"]) {
            for command in aiplan_commands(&script) {
                commands.push((format!("docs/github-workflow.yml jobs.{name}"), command));
            }
        }
    }
    for hook in yaml(".pre-commit-hooks.yaml").as_array().expect("hooks") {
        let id = str_at(hook, "id", "a hook");
        let mut line = str_at(hook, "entry", id).to_string();
        for arg in hook["args"].as_array().into_iter().flatten() {
            line.push(' ');
            line.push_str(arg.as_str().expect("string args"));
        }
        for command in aiplan_commands(&line) {
            commands.push((format!(".pre-commit-hooks.yaml {id}"), command));
        }
    }
    commands
}

#[test]
fn every_packaged_command_line_names_real_subcommands_and_flags() {
    let commands = packaged_commands();
    let mut problems = Vec::new();
    for (file, command) in &commands {
        for problem in command_problems(command) {
            problems.push(format!("{file}: {problem}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The lines this test must see, so that a change to the extraction
    // cannot make it check nothing.
    let lines: Vec<String> = commands
        .iter()
        .map(|(_, command)| command.join(" "))
        .collect();
    for expected in [
        "check --format github",
        "check --format sarif",
        "roadmap --check",
        "terraform --check",
        "roadmap plans/plan.yaml --output docs/ROADMAP.md --check",
    ] {
        assert!(
            lines.iter().any(|line| line.starts_with(expected)),
            "no packaged command line starts with `aiplan {expected}`: {lines:#?}"
        );
    }
}

#[test]
fn the_command_line_check_catches_wrong_commands() {
    let words = |line: &str| -> Vec<String> {
        aiplan_commands(line).into_iter().next().expect("a command")
    };
    assert!(command_problems(&words("aiplan check --format github .")).is_empty());
    assert!(command_problems(&words("aiplan diff --format json base.yaml plan.yaml")).is_empty());
    assert!(!command_problems(&words("aiplan frobnicate main plan.yaml")).is_empty());
    assert!(!command_problems(&words("aiplan check --format yaml .")).is_empty());
    assert!(!command_problems(&words("aiplan roadmap plan.yaml --fresh")).is_empty());
    assert!(!command_problems(&words("x=$(aiplan check --deny-warning)")).is_empty());
}

#[test]
fn the_workflow_comments_the_plan_diff_on_pull_requests() {
    let workflow = read("docs/github-workflow.yml");
    let live: Vec<&str> = workflow
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter(|line| line.contains("aiplan diff") || line.contains("gh pr comment"))
        .collect();
    assert_eq!(live.len(), 2, "a diff step and a comment step: {live:?}");
    assert!(
        live[0].contains("git:$BASE:"),
        "the base is read from git: {live:?}"
    );
}

// ---------------------------------------------------------------- the action runs

/// Runs the action's `check` step as the runner would (bash -e, the inputs
/// in its environment, `aiplan` on PATH) and returns the exit code, the
/// step's outputs and its standard output.
fn run_check_step(paths: &str, sarif: &str, deny_warnings: &str) -> (i32, String, String) {
    let action = yaml("action.yml");
    let step = action["runs"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|step| step["id"] == "check")
        .expect("a step with id `check`");
    let script = str_at(step, "run", "the check step");
    let dir = tempfile::tempdir().expect("temporary directory");
    let output_file = dir.path().join("github-output");
    std::fs::write(&output_file, "").expect("write");
    let binary = Path::new(env!("CARGO_BIN_EXE_aiplan"));
    let path = std::env::join_paths(
        std::iter::once(binary.parent().expect("bin dir").to_path_buf()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ),
    )
    .expect("PATH");
    let output = std::process::Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(CRATE_ROOT)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &output_file)
        .env("PLAN_PATHS", paths)
        .env("SARIF_FILE", sarif)
        .env("DENY_WARNINGS", deny_warnings)
        .output()
        .expect("bash");
    (
        output.status.code().expect("exit code"),
        std::fs::read_to_string(&output_file).expect("outputs"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn action_check_step_annotates_and_writes_sarif() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let sarif = dir.path().join("aiplan.sarif");
    let sarif_arg = sarif.to_str().expect("UTF-8 path");
    let (code, outputs, stdout) = run_check_step(
        "examples/hospital-group.yaml\n  examples/migration.yaml",
        sarif_arg,
        "false",
    );
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("::warning file=examples/"), "{stdout}");
    assert!(
        outputs.contains(&format!("sarif-file={sarif_arg}")),
        "{outputs}"
    );
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF"))
        .expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");

    // Warnings fail the step with deny-warnings; no SARIF asked, none written.
    let (code, outputs, _) = run_check_step("examples/", "", "true");
    assert_eq!(code, 1);
    assert!(outputs.contains("sarif-file=\n"), "{outputs}");

    // An input that is not true or false is a usage problem.
    let (code, _, stdout) = run_check_step("examples/", "", "yes");
    assert_eq!(code, 2);
    assert!(stdout.contains("::error"), "{stdout}");
}

#[test]
fn action_check_step_writes_sarif_when_the_plans_have_errors() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let plan = dir.path().join("plan.yaml");
    std::fs::write(
        &plan,
        "aiplan: 1\nname: Typo\nphases:\n  - id: a\n    duration: 2 weeks\n    dependson: [b]\n",
    )
    .expect("write");
    let sarif = dir.path().join("out.sarif");
    let (code, _, stdout) = run_check_step(
        plan.to_str().expect("UTF-8"),
        sarif.to_str().expect("UTF-8"),
        "false",
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("::error "), "{stdout}");
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF"))
        .expect("SARIF is JSON");
    assert!(
        sarif["runs"][0]["results"]
            .as_array()
            .is_some_and(|results| !results.is_empty()),
        "{sarif:#}"
    );
}
