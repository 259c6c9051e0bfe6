//! `aiplan audit`: the readiness score of a plan's assessment (text and
//! JSON, `--min-score` gating, thresholds from the plan) and
//! `aiplan audit --probe` (its output, pasted into a plan, checks clean).
//!
//! Every run goes through `common::run`, which fails on a panic or a signal.
//! Inputs are written into temporary directories by the tests themselves.

mod common;

use common::{
    CRATE_ROOT, aiplan, assert_key_order, check_json, diagnostics, has_ansi, keys, repo, run, write,
};
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

const BANDS: &[&str] = &[
    "urgent-action-required",
    "modernisation-needed",
    "good-foundation",
];

const GAP_IDS: &[&str] = &[
    "no-gpu",
    "too-few-cpu-cores",
    "inadequate-network",
    "no-python-data-stack",
    "gpus-not-assessed",
    "cpu-cores-not-assessed",
    "network-not-assessed",
    "python-packages-not-assessed",
];

/// Clean phases to put after an assessment.
const PHASES: &str = "\
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox
    success_criteria: First model deployed
    rollback_plan: DNS switch
";

/// A plan with the given assessment (written without its indentation) and
/// more top-level sections in `extra`.
fn plan(assessment: &str, extra: &str) -> String {
    let assessment: String = assessment
        .lines()
        .map(|line| format!("  {line}\n"))
        .collect();
    format!(
        "aiplan: 1\nname: Audit test\n{extra}{PHASES}assessment:\n  current_state: Legacy warehouse\n  target_state: Lakehouse\n{assessment}"
    )
}

const FULL: &str = "\
hardware:
  cpu_cores: 16
  gpus:
    - model: NVIDIA A100
      count: 2
network:
  download_mbps: 1000
software:
  packages: [pandas, numpy]
";

/// Scores 70 with the defaults: everything but a GPU.
const NO_GPU: &str = "\
hardware:
  cpu_cores: 16
  gpus: []
network:
  download_mbps: 1000
software:
  packages: [pandas, numpy]
";

fn audit(dir: &Path, args: &[&str]) -> common::Run {
    run(aiplan().current_dir(dir).arg("audit").args(args))
}

/// `aiplan audit --format json FILE` of `contents`, expecting `code`.
#[track_caller]
fn audit_json(contents: &str, extra_args: &[&str], code: i32) -> Value {
    let dir = repo();
    write(dir.path(), "plan.yaml", contents);
    let mut args = vec!["--format", "json", "plan.yaml"];
    args.extend_from_slice(extra_args);
    let outcome = audit(dir.path(), &args);
    outcome.expect_code(code);
    assert_shape(&outcome.stdout);
    outcome.json()
}

fn gap_ids(report: &Value) -> Vec<&str> {
    report["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|gap| gap["id"].as_str().expect("a gap id"))
        .collect()
}

/// `{"score":N,"band":"…","gaps":[{"id","message"}…],"recommendations":["…"]}`
/// and nothing else.
#[track_caller]
fn assert_shape(text: &str) {
    let report: Value = serde_json::from_str(text).expect("JSON on standard output");
    let mut found = keys(&report);
    found.sort_unstable();
    assert_eq!(
        found,
        ["band", "gaps", "recommendations", "score"],
        "{report:#}"
    );
    assert_key_order(text, &["score", "band", "gaps", "recommendations"]);
    let score = report["score"].as_u64().expect("score is a whole number");
    assert!(score <= u64::from(u32::MAX));
    assert!(
        BANDS.contains(&report["band"].as_str().expect("band is a string")),
        "{report:#}"
    );
    for gap in report["gaps"].as_array().expect("gaps is an array") {
        let mut found = keys(gap);
        found.sort_unstable();
        assert_eq!(found, ["id", "message"], "{gap:#}");
        assert!(
            GAP_IDS.contains(&gap["id"].as_str().expect("id")),
            "{gap:#}"
        );
        assert!(!gap["message"].as_str().expect("message").is_empty());
    }
    let recommendations = report["recommendations"].as_array().expect("an array");
    assert!(recommendations.iter().all(Value::is_string));
    // Every gap says what to do.
    assert_eq!(
        recommendations.is_empty(),
        report["gaps"].as_array().unwrap().is_empty(),
        "{report:#}"
    );
}

// ---------------------------------------------------------------------------
// The examples

fn examples() -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(Path::new(CRATE_ROOT).join("examples"))
        .expect("examples/")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            (name.ends_with(".yaml") || name.ends_with(".yml")).then(|| format!("examples/{name}"))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty());
    found
}

#[test]
fn every_example_audits_in_text_and_json() {
    for example in examples() {
        let text = audit(Path::new(CRATE_ROOT), &[&example]);
        text.expect_code(0);
        assert!(
            text.stdout.contains("Readiness "),
            "{example}: {}",
            text.stdout
        );
        assert!(!has_ansi(&text.stdout));
        let json = audit(Path::new(CRATE_ROOT), &["--format", "json", &example]);
        json.expect_code(0);
        assert_shape(&json.stdout);
    }
}

#[test]
fn the_hospital_group_has_a_good_foundation() {
    let outcome = audit(
        Path::new(CRATE_ROOT),
        &["--format", "json", "examples/hospital-group.yaml"],
    );
    outcome.expect_code(0);
    let report = outcome.json();
    assert_eq!(report["score"], 100);
    assert_eq!(report["band"], "good-foundation");
    assert_eq!(report["gaps"], Value::Array(Vec::new()));
}

#[test]
fn the_migration_example_is_not_assessed() {
    let outcome = audit(
        Path::new(CRATE_ROOT),
        &["--format", "json", "examples/migration.yaml"],
    );
    outcome.expect_code(0);
    let report = outcome.json();
    assert_eq!(report["score"], 0);
    assert_eq!(report["band"], "urgent-action-required");
    assert_eq!(
        gap_ids(&report),
        [
            "gpus-not-assessed",
            "cpu-cores-not-assessed",
            "network-not-assessed",
            "python-packages-not-assessed"
        ]
    );
}

// ---------------------------------------------------------------------------
// The score

#[test]
fn a_full_assessment_scores_100() {
    let report = audit_json(&plan(FULL, ""), &[], 0);
    assert_eq!(report["score"], 100);
    assert_eq!(report["band"], "good-foundation");
}

#[test]
fn each_gap_is_named_with_a_recommendation() {
    let assessment = "\
hardware:
  cpu_cores: 4
  gpus: []
network:
  download_mbps: 100
software:
  packages: [pandas, scikit-learn]
";
    let report = audit_json(&plan(assessment, ""), &[], 0);
    assert_eq!(report["score"], 0);
    assert_eq!(report["band"], "urgent-action-required");
    assert_eq!(
        gap_ids(&report),
        [
            "no-gpu",
            "too-few-cpu-cores",
            "inadequate-network",
            "no-python-data-stack"
        ]
    );
    let messages: Vec<&str> = report["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gap| gap["message"].as_str().unwrap())
        .collect();
    assert!(messages[3].contains("`numpy`"), "{}", messages[3]);
    assert!(!messages[3].contains("`pandas`"), "{}", messages[3]);
    let recommendations = report["recommendations"].to_string();
    assert!(recommendations.contains("GPU"), "{recommendations}");
    assert!(
        recommendations.contains("beyond 100 Mbps"),
        "{recommendations}"
    );
}

#[test]
fn the_bands_have_their_default_bars() {
    // 70: modernisation needed.
    let report = audit_json(&plan(NO_GPU, ""), &[], 0);
    assert_eq!(report["score"], 70);
    assert_eq!(report["band"], "modernisation-needed");
    assert_eq!(gap_ids(&report), ["no-gpu"]);
    // 45 (CPU cores and Python): urgent action required.
    let assessment = "\
hardware:
  cpu_cores: 8
network:
  download_mbps: 50
software:
  packages: [polars, numpy]
";
    let report = audit_json(&plan(assessment, ""), &[], 0);
    assert_eq!(report["score"], 45);
    assert_eq!(report["band"], "urgent-action-required");
    assert_eq!(gap_ids(&report), ["no-gpu", "inadequate-network"]);
}

#[test]
fn unknown_is_told_apart_from_absent() {
    // Hardware without cpu_cores, no network section, no software section.
    let assessment = "\
hardware:
  gpus: [{model: NVIDIA L4}]
";
    let report = audit_json(&plan(assessment, ""), &[], 0);
    assert_eq!(report["score"], 30);
    assert_eq!(
        gap_ids(&report),
        [
            "cpu-cores-not-assessed",
            "network-not-assessed",
            "python-packages-not-assessed"
        ]
    );
    for gap in report["gaps"].as_array().unwrap() {
        assert!(
            gap["message"].as_str().unwrap().starts_with("not assessed"),
            "{gap:#}"
        );
    }
    assert!(
        report["recommendations"].to_string().contains("--probe"),
        "{report:#}"
    );
}

#[test]
fn a_plan_without_assessment_scores_zero() {
    let contents = format!("aiplan: 1\nname: No assessment\n{PHASES}");
    let report = audit_json(&contents, &[], 0);
    assert_eq!(report["score"], 0);
    assert_eq!(report["band"], "urgent-action-required");
    assert_eq!(gap_ids(&report).len(), 4);
    assert!(
        gap_ids(&report)
            .iter()
            .all(|id| id.ends_with("-not-assessed"))
    );
    // The text says why.
    let dir = repo();
    write(dir.path(), "plan.yaml", &contents);
    let outcome = audit(dir.path(), &["plan.yaml"]);
    outcome.expect_code(0);
    assert!(
        outcome.stdout.contains("no `assessment:` section"),
        "{}",
        outcome.stdout
    );
}

// ---------------------------------------------------------------------------
// Thresholds from the plan

#[test]
fn thresholds_override_the_points() {
    let thresholds = "\
thresholds:
  readiness:
    gpu_points: 10
    cpu_points: 40
";
    // Without a GPU: 40 + 25 + 25.
    let report = audit_json(&plan(NO_GPU, thresholds), &[], 0);
    assert_eq!(report["score"], 90);
    assert_eq!(report["band"], "good-foundation");
}

#[test]
fn thresholds_override_the_bars() {
    let thresholds = "\
thresholds:
  readiness:
    min_cpu_cores: 32
    min_download_mbps: 1000
";
    // 16 cores < 32; 1000 Mbps is not above 1000: 30 + 25.
    let report = audit_json(&plan(FULL, thresholds), &[], 0);
    assert_eq!(report["score"], 55);
    assert_eq!(report["band"], "modernisation-needed");
    assert_eq!(
        gap_ids(&report),
        ["too-few-cpu-cores", "inadequate-network"]
    );
    assert!(report["gaps"].to_string().contains("32"), "{report:#}");
}

#[test]
fn thresholds_override_the_bands() {
    let thresholds = "\
thresholds:
  readiness:
    urgent_below: 80
    modernise_below: 95
";
    let report = audit_json(&plan(NO_GPU, thresholds), &[], 0);
    assert_eq!(report["score"], 70);
    assert_eq!(report["band"], "urgent-action-required");
    let thresholds = "\
thresholds:
  readiness:
    modernise_below: 70
";
    let report = audit_json(&plan(NO_GPU, thresholds), &[], 0);
    assert_eq!(report["band"], "good-foundation");
}

#[test]
fn extreme_thresholds_do_not_crash() {
    // The extremes the schema allows: every criterion worth 100 points, the
    // CPU criterion out of reach, the bands at 0.
    let thresholds = "\
thresholds:
  readiness:
    gpu_points: 100
    cpu_points: 100
    network_points: 100
    python_points: 100
    min_cpu_cores: 4294967295
    min_download_mbps: 0
    urgent_below: 0
    modernise_below: 0
";
    let report = audit_json(&plan(FULL, thresholds), &[], 0);
    assert_eq!(report["score"], 300);
}

#[test]
fn thresholds_out_of_range_are_refused() {
    // Points beyond the 0-100 score and a negative speed are schema errors.
    let dir = repo();
    let thresholds = "\
thresholds:
  readiness:
    gpu_points: 4294967295
    min_download_mbps: -1
";
    write(dir.path(), "plan.yaml", plan(FULL, thresholds));
    let outcome = audit(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    assert!(outcome.stdout.is_empty(), "{}", outcome.stdout);
    for expected in [
        "`thresholds.readiness.gpu_points` must be at most 100, not 4294967295",
        "`thresholds.readiness.min_download_mbps` must be at least 0, not -1",
        "cannot be audited",
    ] {
        assert!(
            outcome.stderr.contains(expected),
            "{expected}:\n{}",
            outcome.stderr
        );
    }
}

// ---------------------------------------------------------------------------
// --min-score

#[test]
fn min_score_gates_both_ways() {
    let contents = plan(NO_GPU, "");
    // 70 passes a bar of 70 and fails one of 71.
    let report = audit_json(&contents, &["--min-score", "70"], 0);
    assert_eq!(report["score"], 70);
    let report = audit_json(&contents, &["--min-score", "71"], 1);
    assert_eq!(report["score"], 70);
    // In text too, with the reason on standard error.
    let dir = repo();
    write(dir.path(), "plan.yaml", &contents);
    let outcome = audit(dir.path(), &["--min-score", "75", "plan.yaml"]);
    outcome.expect_code(1);
    assert!(
        outcome.stdout.contains("Readiness 70/100"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome.stderr.contains("below the required 75"),
        "{}",
        outcome.stderr
    );
    let outcome = audit(dir.path(), &["--min-score", "0", "plan.yaml"]);
    outcome.expect_code(0);
}

#[test]
fn min_score_follows_overridden_points() {
    let thresholds = "thresholds:\n  readiness: {gpu_points: 0, cpu_points: 50}\n";
    // 50 + 25 + 25 = 100 without a GPU.
    audit_json(&plan(NO_GPU, thresholds), &["--min-score", "100"], 0);
}

// ---------------------------------------------------------------------------
// Plans with problems, and usage

#[test]
fn a_plan_that_fails_the_schema_exits_1() {
    let dir = repo();
    write(
        dir.path(),
        "plan.yaml",
        "aiplan: 1\nname: Bad\nassessment:\n  hardware: {cpu_cores: lots}\n",
    );
    let outcome = audit(dir.path(), &["plan.yaml"]);
    outcome.expect_code(1);
    assert!(outcome.stdout.is_empty(), "{}", outcome.stdout);
    assert!(
        outcome.stderr.contains("cannot be audited"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_plan_with_errors_is_audited_but_exits_1() {
    // A dependency cycle: the plan is built, so it is scored, but it has errors.
    let contents = "\
aiplan: 1
name: Cycle
assessment:
  current_state: a
  target_state: b
phases:
  - id: a
    duration: 1 week
    depends_on: [b]
    infrastructure: x
    success_criteria: y
    rollback_plan: z
  - id: b
    duration: 1 week
    depends_on: [a]
    infrastructure: x
    success_criteria: y
    rollback_plan: z
";
    let report = audit_json(contents, &[], 1);
    assert_eq!(report["score"], 0);
}

#[test]
fn usage_problems_exit_2() {
    let dir = repo();
    write(dir.path(), "plan.yaml", plan(FULL, ""));
    for args in [
        &[][..],
        &["missing.yaml"][..],
        &["--format", "yaml", "plan.yaml"][..],
        &["--min-score", "lots", "plan.yaml"][..],
        &["--min-score", "-1", "plan.yaml"][..],
        &["--probe", "plan.yaml"][..],
        &["--probe", "--format", "json"][..],
        &["--probe", "--min-score", "50"][..],
        &["."][..],
    ] {
        let outcome = audit(dir.path(), args);
        outcome.expect_code(2);
        assert!(outcome.stdout.is_empty(), "{args:?}: {}", outcome.stdout);
    }
}

#[test]
fn standard_input_is_audited() {
    let outcome = run(aiplan()
        .args(["audit", "--format", "json", "-"])
        .write_stdin(plan(FULL, "")));
    outcome.expect_code(0);
    assert_eq!(outcome.json()["score"], 100);
}

#[test]
fn hostile_text_does_not_reach_the_terminal() {
    let assessment = "\
hardware:
  gpus:
    - model: \"\\e[31mRed\\e[2J\\u0007 GPU\"
";
    let dir = repo();
    write(dir.path(), "plan.yaml", plan(assessment, ""));
    let outcome = audit(dir.path(), &["plan.yaml"]);
    outcome.expect_code(0);
    assert!(!has_ansi(&outcome.stdout), "{:?}", outcome.stdout);
    assert!(!outcome.stdout.contains('\u{7}'));
    assert!(outcome.stdout.contains("Red"), "{}", outcome.stdout);
}

#[test]
fn help_states_the_defaults() {
    let outcome = run(aiplan().args(["audit", "--help"]));
    outcome.expect_code(0);
    for text in [
        "--probe",
        "--min-score",
        "good-foundation",
        "thresholds.readiness",
    ] {
        assert!(outcome.stdout.contains(text), "{text}: {}", outcome.stdout);
    }
}

// ---------------------------------------------------------------------------
// --probe

/// A directory of fake tools to put first on `PATH`.
fn tools(scripts: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, body) in scripts {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write a fake tool");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .expect("make the fake tool executable");
        }
    }
    dir
}

fn probe(path_first: Option<&Path>) -> common::Run {
    let mut command = aiplan();
    command.args(["audit", "--probe"]);
    if let Some(dir) = path_first {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![dir.to_path_buf()];
        dirs.extend(std::env::split_paths(&path));
        command.env("PATH", std::env::join_paths(dirs).expect("a PATH"));
    }
    let outcome = run(&mut command);
    outcome.expect_code(0);
    outcome
}

/// The probe's block pasted into a plan (after the phases, with the two
/// states a probe cannot know added to it).
fn pasted(block: &str) -> String {
    format!(
        "aiplan: 1\nname: Probed\n{PHASES}{block}  current_state: Legacy warehouse\n  target_state: Lakehouse\n"
    )
}

/// `aiplan check` of the pasted plan finds no error, and nothing at all in
/// the lines of the probe's block (rules about other parts of a plan, such
/// as its teams, may still speak); returns the directory with `plan.yaml`
/// for further runs.
#[track_caller]
fn assert_pastes_clean(block: &str) -> TempDir {
    let dir = repo();
    let contents = pasted(block);
    write(dir.path(), "plan.yaml", &contents);
    let first = contents[..contents.find(block).expect("the block")]
        .lines()
        .count() as u64
        + 1;
    let last = first + block.lines().count() as u64 + 1;
    let outcome = check_json(dir.path(), &["plan.yaml"]);
    let report = outcome.json();
    assert_eq!(report["summary"]["errors"], 0, "{block}\n{report:#}");
    for diagnostic in diagnostics(&report) {
        let line = diagnostic["line"].as_u64().unwrap_or(0);
        assert!(
            !(first..=last).contains(&line),
            "the probe's output draws a diagnostic:\n{block}\n{diagnostic:#}"
        );
    }
    outcome.expect_code(0);
    dir
}

#[test]
fn the_probe_on_this_machine_pastes_clean() {
    let outcome = probe(None);
    assert!(
        outcome.stdout.contains("\nassessment:"),
        "{}",
        outcome.stdout
    );
    // Whatever was or was not measured: a network is never guessed.
    assert!(outcome.stdout.contains("# network: not measured"));
    let dir = assert_pastes_clean(&outcome.stdout);
    let audited = audit(dir.path(), &["--format", "json", "plan.yaml"]);
    audited.expect_code(0);
    assert_shape(&audited.stdout);
    assert!(gap_ids(&audited.json()).contains(&"network-not-assessed"));
}

const FAKE_PYTHON: &str = r#"echo 'starting up' >&2
echo '{"python": "3.12.1", "packages": {"numpy": "1.26.4", "pandas": null, "torch": "2.2.0+cu121", "evil: pkg": "1"}}'"#;

#[cfg(unix)]
#[test]
fn gpus_and_packages_are_measured_and_quoted() {
    let dir = tools(&[
        (
            "nvidia-smi",
            r#"printf 'NVIDIA A100-SXM4-80GB, 81920 MiB\nNVIDIA A100-SXM4-80GB, 81920 MiB\nWeird "GPU": #1 \\ x, [N/A]\n'"#,
        ),
        ("python3", FAKE_PYTHON),
    ]);
    let outcome = probe(Some(dir.path()));
    let text = &outcome.stdout;
    assert!(text.contains("model: \"NVIDIA A100-SXM4-80GB\""), "{text}");
    assert!(text.contains("count: 2"), "{text}");
    assert!(text.contains("memory_gb: 80.0"), "{text}");
    assert!(text.contains("python: \"3.12.1\""), "{text}");
    assert!(text.contains("- \"torch\""), "{text}");
    assert!(!text.contains("evil"), "{text}");
    let plan_dir = assert_pastes_clean(text);
    // The audit reads back what the probe wrote.
    let audited = audit(plan_dir.path(), &["plan.yaml"]);
    audited.expect_code(0);
    assert!(
        audited
            .stdout
            .contains("3 GPUs (NVIDIA A100-SXM4-80GB, Weird \"GPU\": #1 \\ x)"),
        "{}",
        audited.stdout
    );
    assert!(
        audited.stdout.contains("numpy, pandas"),
        "{}",
        audited.stdout
    );
}

#[cfg(unix)]
#[test]
fn failing_tools_are_reported_not_guessed() {
    let dir = tools(&[
        (
            "nvidia-smi",
            "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2; exit 9",
        ),
        ("python3", "echo 'not json at all'"),
    ]);
    let outcome = probe(Some(dir.path()));
    let text = &outcome.stdout;
    assert!(
        text.contains("# gpus: not measured: `nvidia-smi` failed: NVIDIA-SMI has failed"),
        "{text}"
    );
    assert!(
        !text.contains("gpus:  #") && !text.contains("    gpus: ["),
        "{text}"
    );
    assert!(text.contains("# software: not measured"), "{text}");
    let plan_dir = assert_pastes_clean(text);
    let audited = audit(plan_dir.path(), &["--format", "json", "plan.yaml"]);
    let ids = gap_ids(&audited.json()).join(" ");
    assert!(ids.contains("python-packages-not-assessed"), "{ids}");
}

#[cfg(unix)]
#[test]
fn a_hung_tool_is_stopped() {
    let dir = tools(&[("nvidia-smi", "exec sleep 60"), ("python3", FAKE_PYTHON)]);
    let started = std::time::Instant::now();
    let outcome = probe(Some(dir.path()));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(45),
        "the probe waited for a hung tool"
    );
    assert!(
        outcome.stdout.contains("did not answer within"),
        "{}",
        outcome.stdout
    );
    assert_pastes_clean(&outcome.stdout);
}
