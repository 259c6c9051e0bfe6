//! The dependency graph and the critical-path schedule on generated plans of
//! 1k, 10k and 100k phases with one to three dependencies each, against
//! TaskJuggler (`tj3`) scheduling the same tasks; and, on the same plan
//! files, the performance record of issue 7: the bare YAML parse, `check`,
//! `aiplan check` as a process and `check-jsonschema` with aiplan's schema.
//!
//! For each size, one run measures, interleaved so that a noisy machine
//! disturbs them alike, the median over several iterations of:
//!
//! - `analyze`: `aiplan::graph::analyze` on a plan already loaded and built
//!   (`ResolvedPlan`): the graph built, checked (duplicate, unknown and self
//!   dependencies, cycles, durations) and scheduled; with its cost per
//!   phase and edge, which stays flat when the stage grows linearly;
//! - `cpm`: `aiplan::graph::schedule::compute` alone, the part of `analyze`
//!   that is the critical path method;
//! - `library`: `aiplan::check::check` on the plan file then
//!   `aiplan::emit::schedule::json`, in this process;
//! - `schedule`: the release binary, `aiplan schedule --format json
//!   plan.yaml`, as a fresh process with its output read from a pipe (wall
//!   time);
//! - `tj3`: `tj3 --silent --no-color plan.tjp` on the equivalent TaskJuggler
//!   project, with a CSV report of every task's dates (wall time), for the
//!   sizes up to `--tj3-max` (10,000 by default: tj3 takes minutes beyond);
//! - `parse`: granit-parser iterating the plan's YAML events, in this
//!   process (the floor of any loader; as in the load bench);
//! - `check`: `aiplan::check::check` on the plan file, in this process,
//!   until it returns;
//! - `check_cli`: the release binary, `aiplan check --color never
//!   plan.yaml`, as a fresh process (wall time);
//! - `check-jsonschema --schemafile schemas/aiplan.schema.json plan.yaml`
//!   as a fresh process (wall time), for each installation given with
//!   `--check-jsonschema` and `--check-jsonschema-clib` (the script passes
//!   one as pip installs it and one with ruamel.yaml's C loader), on the
//!   sizes up to `--check-jsonschema-max`; every run must accept the plan.
//!
//! Every run of tj3 is checked: each task's start and end must be the start
//! and finish date that `aiplan schedule` gives the phase, else the bench
//! fails. Without tj3 the bench says so and measures aiplan alone.
//!
//! The targets (issue 7): `tj3` over `schedule` above 150 and
//! `check-jsonschema` over `check_cli` above 60 at 10,000 phases; `check`
//! within 2× `parse` at 100,000; and `analyze` of 100,000 phases well under
//! a second.
//!
//! Usage: `cargo bench --bench schedule -- [--sizes 1000,10000,100000]
//! [--tj3-max 10000] [--check-jsonschema PROGRAM]
//! [--check-jsonschema-clib PROGRAM] [--check-jsonschema-max 100000]
//! [--schema FILE] [--keep DIR] [--tsv FILE]`. `--keep` leaves the plans
//! and projects in DIR (`plan-<phases>.yaml`, `tj3-<phases>/plan.tjp`);
//! `--tsv` writes the figures as tab-separated values. `scripts/bench.sh`
//! installs check-jsonschema and writes the figures into BENCHMARKS.md.

mod support {
    pub mod bare_parse;
    pub mod dag_gen;
}

use aiplan::check::{Input, check};
use aiplan::diagnostics::{Diagnostic, Severity};
use aiplan::load::{Limits, LoadedFile, Origin, Unit, load_unit};
use aiplan::locate::Locator;
use aiplan::model::build::{ResolvedPlan, build};
use aiplan::model::stream::PhaseStream;
use aiplan::source::Sources;
use std::collections::HashMap;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};
use support::bare_parse::bare_parse;
use support::dag_gen;

/// The allocator of the `aiplan` binary (src/main.rs), configured as there
/// (`aiplan::allocator`) at the start of `main`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The release binary (`cargo bench` builds it with the bench profile,
/// which inherits `release`).
const AIPLAN: &str = env!("CARGO_BIN_EXE_aiplan");

struct Options {
    sizes: Vec<usize>,
    tj3_max: usize,
    /// check-jsonschema programs: as pip installs it, and with the C loader.
    check_jsonschema: [Option<PathBuf>; VALIDATORS],
    check_jsonschema_max: usize,
    schema: PathBuf,
    keep: Option<PathBuf>,
    tsv: Option<PathBuf>,
}

/// How many check-jsonschema installations the bench can time.
const VALIDATORS: usize = 2;

fn options() -> Result<Options, String> {
    let mut options = Options {
        sizes: vec![1_000, 10_000, 100_000],
        tj3_max: 10_000,
        check_jsonschema: [None, None],
        check_jsonschema_max: 100_000,
        schema: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/aiplan.schema.json"
        )),
        keep: None,
        tsv: None,
    };
    let number = |text: &str| {
        text.trim()
            .parse::<usize>()
            .map_err(|_| format!("not a number of phases: {text}"))
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()?.split(',').map(number).collect::<Result<_, _>>()?;
            }
            "--tj3-max" => options.tj3_max = number(&value()?)?,
            "--check-jsonschema" => options.check_jsonschema[0] = Some(PathBuf::from(value()?)),
            "--check-jsonschema-clib" => {
                options.check_jsonschema[1] = Some(PathBuf::from(value()?));
            }
            "--check-jsonschema-max" => options.check_jsonschema_max = number(&value()?)?,
            "--schema" => options.schema = PathBuf::from(value()?),
            "--keep" => options.keep = Some(PathBuf::from(value()?)),
            "--tsv" => options.tsv = Some(PathBuf::from(value()?)),
            // `cargo bench` passes `--bench`; a name filter may follow.
            _ => {}
        }
    }
    Ok(options)
}

/// Timed iterations of aiplan for a plan of `phases` phases (after one
/// warm-up).
fn iterations(phases: usize) -> usize {
    match phases {
        0..=5_000 => 21,
        5_001..=50_000 => 9,
        _ => 7,
    }
}

/// Timed runs of tj3 (each about 2 ms a task on this machine).
fn tj3_runs(phases: usize) -> usize {
    match phases {
        0..=5_000 => 5,
        5_001..=50_000 => 3,
        _ => 1,
    }
}

/// Timed runs of check-jsonschema (about 1 ms a phase as pip installs it,
/// on this machine, plus a second to start).
fn check_jsonschema_runs(phases: usize) -> usize {
    match phases {
        0..=50_000 => 5,
        _ => 3,
    }
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn tj3_available() -> bool {
    Command::new("tj3")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// The first few of `diagnostics` that are errors or warnings, or `Ok` when
/// there are none (the generated plans are meant to be clean).
fn clean(diagnostics: &[Diagnostic]) -> Result<(), String> {
    let findings: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| format!("{} {}: {}", d.severity.as_str(), d.code.code, d.message))
        .collect();
    if findings.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} errors or warnings: {}",
            findings.len(),
            findings[..findings.len().min(5)].join("; ")
        ))
    }
}

/// The plan loaded, validated and built, as `check` does before the graph
/// stage.
fn resolve(path: &Path, limits: &Limits) -> Result<(Unit, Sources, ResolvedPlan), String> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let mut stream = PhaseStream::default();
    let mut unit = load_unit(
        Origin::Path(path),
        path.display().to_string(),
        limits,
        &mut sources,
        &mut stream,
        &mut diagnostics,
    )
    .map_err(|error| format!("cannot read the plan: {error}"))?;
    let passed = unit
        .files
        .iter()
        .all(|file| aiplan::schema::validate(file, &stream, &sources, &mut diagnostics));
    clean(&diagnostics)?;
    if !passed {
        return Err("the plan fails the schema".into());
    }
    let mut files: Vec<&mut LoadedFile> = unit.files.iter_mut().collect();
    let resolved =
        build(&mut files, &mut stream, &mut diagnostics).ok_or("the plan does not build")?;
    clean(&diagnostics)?;
    Ok((unit, sources, resolved))
}

/// (a) The graph stage: the time of `analyze` until it returns (freeing its
/// result is left out, as the CLI never frees it), and the analysis.
fn analyze(
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
) -> (Duration, aiplan::graph::Analysis, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let started = Instant::now();
    let analysis = aiplan::graph::analyze(resolved, locator, true, &mut diagnostics);
    (started.elapsed(), analysis, diagnostics)
}

/// The library path of `aiplan schedule --format json`: check, then the
/// JSON text, timed until the text is made.
fn library(path: &Path, limits: &Limits) -> (Duration, Result<String, String>) {
    let started = Instant::now();
    let report = check(&[Input::Path(path.to_path_buf())], limits);
    let text = report.as_ref().ok().and_then(|report| {
        let plan = report.plans.first()?;
        Some(aiplan::emit::schedule::json(
            plan,
            plan.analysis.schedule.as_ref()?,
        ))
    });
    let elapsed = started.elapsed();
    let result = match (report, text) {
        (Err(error), _) => Err(format!("input error: {error}")),
        (Ok(report), text) => {
            clean(&report.diagnostics).and_then(|()| text.ok_or_else(|| "no schedule".into()))
        }
    };
    (elapsed, result)
}

/// (b) `aiplan schedule --format json` as a fresh process: its wall time
/// and its standard output.
fn cli(path: &Path) -> (Duration, Result<Vec<u8>, String>) {
    let started = Instant::now();
    let output = Command::new(AIPLAN)
        .args(["schedule", "--format", "json", "--color", "never"])
        .arg(path)
        .output();
    let elapsed = started.elapsed();
    let result = match output {
        Err(error) => Err(format!("cannot run {AIPLAN}: {error}")),
        Ok(output) if !output.status.success() => Err(format!(
            "aiplan schedule exits {:?}: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr[..output.stderr.len().min(2000)])
        )),
        Ok(output) => Ok(output.stdout),
    };
    (elapsed, result)
}

/// `check` in this process: the time until it returns its report (the CLI
/// never frees it, so freeing it is left out, as in the load bench).
fn check_in_process(path: &Path, limits: &Limits) -> Duration {
    let started = Instant::now();
    let report = check(&[Input::Path(path.to_path_buf())], limits);
    let elapsed = started.elapsed();
    drop(black_box(report));
    elapsed
}

/// A fresh process of `program` with `args`: its wall time, and whether it
/// exited 0 (else what it printed).
fn process(program: &Path, args: &[&std::ffi::OsStr]) -> (Duration, Result<(), String>) {
    let started = Instant::now();
    let output = Command::new(program).args(args).output();
    let elapsed = started.elapsed();
    let result = match output {
        Err(error) => Err(format!("cannot run {}: {error}", program.display())),
        Ok(output) if !output.status.success() => Err(format!(
            "{} exits {:?}: {}{}",
            program.display(),
            output.status.code(),
            String::from_utf8_lossy(&output.stdout[..output.stdout.len().min(2000)]),
            String::from_utf8_lossy(&output.stderr[..output.stderr.len().min(2000)])
        )),
        Ok(_) => Ok(()),
    };
    (elapsed, result)
}

/// `aiplan check --color never plan.yaml` as a fresh process.
fn check_cli(path: &Path) -> (Duration, Result<(), String>) {
    process(
        Path::new(AIPLAN),
        &[
            "check".as_ref(),
            "--color".as_ref(),
            "never".as_ref(),
            path.as_os_str(),
        ],
    )
}

/// `check-jsonschema --schemafile SCHEMA plan.yaml` as a fresh process.
fn check_jsonschema(program: &Path, schema: &Path, path: &Path) -> (Duration, Result<(), String>) {
    process(
        program,
        &[
            "--schemafile".as_ref(),
            schema.as_os_str(),
            path.as_os_str(),
        ],
    )
}

/// Timed runs of one check-jsonschema installation on one plan.
struct Validator {
    runs: usize,
    median: Duration,
    /// Whether every run accepted the plan (else the first refusal).
    accepted: Result<(), String>,
}

/// Dates by task id from tj3's report: `id → (start, end)`.
type Tj3Dates = HashMap<String, (String, String)>;

/// (c) tj3 on the project in `dir`: its wall time and its report.
fn tj3(dir: &Path) -> (Duration, Result<Tj3Dates, String>) {
    let report = dir.join("report.csv");
    let _ = std::fs::remove_file(&report);
    let started = Instant::now();
    let output = Command::new("tj3")
        .args(["--silent", "--no-color", "plan.tjp"])
        .current_dir(dir)
        .output();
    let elapsed = started.elapsed();
    let result = match output {
        Err(error) => Err(format!("cannot run tj3: {error}")),
        Ok(output) if !output.status.success() => Err(format!(
            "tj3 exits {:?}: {}{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout[..output.stdout.len().min(2000)]),
            String::from_utf8_lossy(&output.stderr[..output.stderr.len().min(2000)])
        )),
        Ok(_) => std::fs::read_to_string(&report)
            .map_err(|error| format!("tj3 wrote no report: {error}"))
            .map(|csv| {
                csv.lines()
                    .skip(1)
                    .filter_map(|line| {
                        let mut cells = line.split(';').map(|cell| cell.trim_matches('"'));
                        let id = cells.next()?.trim().to_string();
                        Some((id, (cells.next()?.to_string(), cells.next()?.to_string())))
                    })
                    .collect()
            }),
    };
    (elapsed, result)
}

/// Every phase's `(start, finish)` date from aiplan's JSON schedule, after
/// checking its length against the generator's own forward pass.
fn aiplan_dates(json: &[u8], phases: &[dag_gen::Phase]) -> Result<Vec<(String, String)>, String> {
    let schedule: serde_json::Value =
        serde_json::from_slice(json).map_err(|error| format!("not JSON: {error}"))?;
    let total = schedule["total_days"].as_u64();
    if total != Some(dag_gen::total_days(phases)) {
        return Err(format!(
            "total_days {total:?}, but the longest chain of the generated plan is {} days",
            dag_gen::total_days(phases)
        ));
    }
    let listed = schedule["phases"].as_array().ok_or("no phases")?;
    if listed.len() != phases.len() {
        return Err(format!(
            "{} phases scheduled of {}",
            listed.len(),
            phases.len()
        ));
    }
    listed
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let date = |key: &str| {
                phase[key]
                    .as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("{} has no {key} date", dag_gen::id(index)))
            };
            if phase["id"].as_str() != Some(dag_gen::id(index).as_str()) {
                return Err(format!("phase {index} is {}", phase["id"]));
            }
            Ok((date("start")?, date("finish")?))
        })
        .collect()
}

/// Whether tj3's dates are aiplan's, phase by phase.
fn compare(aiplan: &[(String, String)], tj3: &Tj3Dates) -> Result<(), String> {
    let mut differences = Vec::new();
    let mut count = 0;
    for (index, (start, finish)) in aiplan.iter().enumerate() {
        let task = dag_gen::task_id(index);
        match tj3.get(&task) {
            None => differences.push(format!("tj3 has no task {task}")),
            Some((tj3_start, tj3_end)) if (tj3_start, tj3_end) != (start, finish) => {
                differences.push(format!(
                    "{}: aiplan {start} – {finish}, tj3 {tj3_start} – {tj3_end}",
                    dag_gen::id(index)
                ));
            }
            Some(_) => {}
        }
        count += 1;
    }
    if tj3.len() != count {
        differences.push(format!("tj3 reports {} tasks, aiplan {count}", tj3.len()));
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} differences, first: {}",
            differences.len(),
            differences[..differences.len().min(5)].join("; ")
        ))
    }
}

struct Row {
    phases: usize,
    edges: usize,
    plan_bytes: usize,
    project_bytes: usize,
    total_days: u64,
    iterations: usize,
    analyze: Duration,
    cpm: Duration,
    library: Duration,
    cli: Duration,
    /// Timed runs and the median, when tj3 ran.
    tj3: Option<(usize, Duration)>,
    /// Whether the plan scheduled clean, the same in every path.
    clean: Result<(), String>,
    /// Whether tj3's dates are aiplan's; `None` when tj3 did not run.
    agree: Option<Result<(), String>>,
    /// YAML events in the plan.
    events: usize,
    /// The bare parse, in this process.
    parse: Duration,
    /// `check`, in this process.
    check: Duration,
    /// `aiplan check` as a fresh process.
    check_cli: Duration,
    /// Each check-jsonschema installation, when it ran.
    validators: [Option<Validator>; VALIDATORS],
}

impl Row {
    /// Phases and edges: the size the graph stage should grow with.
    fn items(&self) -> usize {
        self.phases + self.edges
    }
}

/// What to run besides aiplan, on a plan of a given size.
struct Others<'a> {
    tj3: bool,
    /// check-jsonschema installations to time, with the schema.
    validators: [Option<&'a Path>; VALIDATORS],
    schema: &'a Path,
}

fn measure(phases: usize, dir: &Path, limits: &Limits, others: &Others<'_>) -> Result<Row, String> {
    let generated = dag_gen::generate(phases);
    let text = dag_gen::plan_yaml(&generated);
    let project = dag_gen::taskjuggler(&generated);
    let path = dir.join(format!("plan-{phases}.yaml"));
    let tj3_dir = dir.join(format!("tj3-{phases}"));
    let written = std::fs::write(&path, &text)
        .and_then(|()| std::fs::create_dir_all(&tj3_dir))
        .and_then(|()| std::fs::write(tj3_dir.join("plan.tjp"), &project));
    written.map_err(|error| format!("cannot write the plan of {phases} phases: {error}"))?;

    let (unit, sources, resolved) = resolve(&path, limits)?;
    let locator = Locator::new(&unit.files, &sources);
    let start = resolved
        .plan
        .start
        .as_deref()
        .and_then(|start| start.parse().ok());

    // Warm-up (page cache, allocator, the compiled schema, the binary), and
    // the checks: every path schedules the plan clean, to the dates of the
    // generator's forward pass.
    let (_, analysis, diagnostics) = analyze(&resolved, &locator);
    let mut clean = clean(&diagnostics).and_then(|()| {
        let schedule = analysis
            .schedule
            .as_ref()
            .ok_or("analyze gives no schedule")?;
        let recomputed = aiplan::graph::schedule::compute(&analysis.graph, &analysis.nodes, start);
        if &recomputed != schedule {
            return Err("schedule::compute differs from analyze's schedule".to_string());
        }
        if schedule.total_days != dag_gen::total_days(&generated) {
            return Err(format!(
                "analyze schedules {} days, the generator's forward pass {}",
                schedule.total_days,
                dag_gen::total_days(&generated)
            ));
        }
        Ok(())
    });
    let library_json = library(&path, limits).1;
    let dates = cli(&path)
        .1
        .and_then(|json| {
            if library_json
                .as_ref()
                .is_ok_and(|text| text.as_bytes() != json)
            {
                return Err("the binary's JSON differs from the library's".into());
            }
            aiplan_dates(&json, &generated)
        })
        .and_then(|dates| library_json.map(|_| dates));
    if let Err(message) = &dates
        && clean.is_ok()
    {
        clean = Err(message.clone());
    }
    let events = bare_parse(&text);
    check_in_process(&path, limits);
    if let Err(message) = check_cli(&path).1
        && clean.is_ok()
    {
        clean = Err(format!("aiplan check: {message}"));
    }

    let count = iterations(phases);
    let tj3_count = if others.tj3 { tj3_runs(phases) } else { 0 };
    let validator_count = check_jsonschema_runs(phases);
    let mut agree = None;
    let (mut analyzes, mut cpms, mut libraries, mut clis, mut tj3s) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut parses, mut checks, mut check_clis) = (Vec::new(), Vec::new(), Vec::new());
    let mut validator_times: [Vec<Duration>; VALIDATORS] = Default::default();
    let mut accepted: [Result<(), String>; VALIDATORS] = [Ok(()), Ok(())];
    for iteration in 0..count {
        let started = Instant::now();
        black_box(bare_parse(black_box(&text)));
        parses.push(started.elapsed());
        checks.push(check_in_process(&path, limits));
        check_clis.push(check_cli(&path).0);

        let (time, analysis, _) = analyze(&resolved, black_box(&locator));
        analyzes.push(time);
        let started = Instant::now();
        let schedule =
            aiplan::graph::schedule::compute(black_box(&analysis.graph), &analysis.nodes, start);
        cpms.push(started.elapsed());
        drop(black_box((analysis, schedule)));

        let (time, json) = library(&path, limits);
        libraries.push(time);
        drop(black_box(json));

        clis.push(cli(&path).0);

        // tj3's runs spread over the iterations, interleaved with aiplan's.
        if tj3s.len() < tj3_count && iteration >= tj3s.len() * count / tj3_count {
            let (time, report) = tj3(&tj3_dir);
            tj3s.push(time);
            let verdict = match (&dates, report) {
                (_, Err(message)) => Err(message),
                (Err(message), Ok(_)) => Err(format!("aiplan's dates are unknown: {message}")),
                (Ok(dates), Ok(report)) => compare(dates, &report),
            };
            if agree.as_ref().is_none_or(Result::is_ok) {
                agree = Some(verdict);
            }
        }

        // check-jsonschema's runs likewise.
        for (index, program) in others.validators.iter().enumerate() {
            let Some(program) = program else { continue };
            let times = &mut validator_times[index];
            if times.len() < validator_count && iteration >= times.len() * count / validator_count {
                let (time, verdict) = check_jsonschema(program, others.schema, &path);
                times.push(time);
                eprintln!(
                    "  {} on {phases} phases, run {} of {validator_count}: {:.0} ms{}",
                    program.display(),
                    times.len(),
                    ms(time),
                    if verdict.is_ok() { "" } else { " (refused)" }
                );
                if accepted[index].is_ok() {
                    accepted[index] = verdict;
                }
            }
        }
    }
    let mut accepted = accepted.into_iter();
    let validators = validator_times.map(|mut times| {
        let accepted = accepted.next().expect("one verdict per installation");
        (!times.is_empty()).then(|| Validator {
            runs: times.len(),
            median: median(&mut times),
            accepted,
        })
    });
    drop(black_box((analysis, unit, sources, resolved)));

    Ok(Row {
        phases,
        edges: dag_gen::edges(&generated),
        plan_bytes: text.len(),
        project_bytes: project.len(),
        total_days: dag_gen::total_days(&generated),
        iterations: count,
        analyze: median(&mut analyzes),
        cpm: median(&mut cpms),
        library: median(&mut libraries),
        cli: median(&mut clis),
        tj3: (!tj3s.is_empty()).then(|| (tj3s.len(), median(&mut tj3s))),
        clean,
        agree,
        events,
        parse: median(&mut parses),
        check: median(&mut checks),
        check_cli: median(&mut check_clis),
        validators,
    })
}

/// `aiplan schedule --format json` of a one-phase plan: the fixed cost of a
/// process (start-up, the compiled schema), median of 21 runs.
fn process_floor(dir: &Path) -> Result<Duration, String> {
    let path = dir.join("minimal.yaml");
    std::fs::write(
        &path,
        "aiplan: 1\nname: Minimal plan\nphases:\n  - id: only\n    duration: 1d\n",
    )
    .map_err(|error| format!("cannot write the minimal plan: {error}"))?;
    cli(&path).1?;
    let mut samples: Vec<Duration> = (0..21).map(|_| cli(&path).0).collect();
    Ok(median(&mut samples))
}

/// check-jsonschema on the one-phase plan (written by `process_floor`):
/// the fixed cost of its process (Python start-up, imports, the schema),
/// median of 5 runs after one that also warms the page cache.
fn check_jsonschema_floor(program: &Path, schema: &Path, dir: &Path) -> Result<Duration, String> {
    let path = dir.join("minimal.yaml");
    check_jsonschema(program, schema, &path).1?;
    let mut samples: Vec<Duration> = (0..5)
        .map(|_| check_jsonschema(program, schema, &path).0)
        .collect();
    Ok(median(&mut samples))
}

const TSV_HEADER: &str = "phases\tedges\tplan_bytes\tproject_bytes\ttotal_days\titerations\tanalyze_ms\tanalyze_ns_per_item\tcpm_ms\tlibrary_ms\tcli_ms\tcli_floor_ms\ttj3_runs\ttj3_ms\ttj3_over_cli\tclean\tdates_agree\tevents\tparse_ms\tcheck_ms\tcheck_over_parse\tcheck_cli_ms\tcjs_floor_ms\tcjs_runs\tcjs_ms\tcjs_over_check_cli\tcjs_accepts\tcjsc_floor_ms\tcjsc_runs\tcjsc_ms\tcjsc_over_check_cli\tcjsc_accepts";

/// The record's columns of `row`: the parse and check, then for each
/// check-jsonschema installation its floor, runs, median, ratio to `aiplan
/// check` and verdict (`-` where it did not run).
fn record_columns(row: &Row, validator_floors: &[Option<Duration>; VALIDATORS]) -> String {
    let mut columns = format!(
        "{}\t{:.3}\t{:.3}\t{:.2}\t{:.3}",
        row.events,
        ms(row.parse),
        ms(row.check),
        ratio(row.check, row.parse),
        ms(row.check_cli)
    );
    for (validator, floor) in row.validators.iter().zip(validator_floors) {
        let floor = floor.map_or("-".into(), |floor| format!("{:.1}", ms(floor)));
        match validator {
            Some(validator) => columns.push_str(&format!(
                "\t{floor}\t{}\t{:.1}\t{:.1}\t{}",
                validator.runs,
                ms(validator.median),
                ratio(validator.median, row.check_cli),
                if validator.accepted.is_ok() {
                    "yes"
                } else {
                    "no"
                }
            )),
            None => columns.push_str(&format!("\t{floor}\t0\t-\t-\t-")),
        }
    }
    columns
}

fn tsv_line(
    row: &Row,
    floor: Duration,
    validator_floors: &[Option<Duration>; VALIDATORS],
) -> String {
    let (tj3_runs, tj3_ms, tj3_over_cli) = match row.tj3 {
        Some((runs, time)) => (
            runs.to_string(),
            format!("{:.1}", ms(time)),
            format!("{:.1}", ratio(time, row.cli)),
        ),
        None => ("0".into(), "-".into(), "-".into()),
    };
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{:.1}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{tj3_runs}\t{tj3_ms}\t{tj3_over_cli}\t{}\t{}\t{}",
        row.phases,
        row.edges,
        row.plan_bytes,
        row.project_bytes,
        row.total_days,
        row.iterations,
        ms(row.analyze),
        row.analyze.as_secs_f64() * 1e9 / row.items() as f64,
        ms(row.cpm),
        ms(row.library),
        ms(row.cli),
        ms(floor),
        if row.clean.is_ok() { "yes" } else { "no" },
        match &row.agree {
            None => "-",
            Some(Ok(())) => "yes",
            Some(Err(_)) => "no",
        },
        record_columns(row, validator_floors),
    )
}

/// The record on the same plans: parse and check in this process, `aiplan
/// check` and check-jsonschema as processes.
fn print_record(rows: &[Row]) {
    println!(
        "\n{:>8} {:>10} {:>9} {:>9} {:>7} {:>9} {:>13} {:>8} {:>13} {:>8}",
        "phases",
        "bytes",
        "parse ms",
        "check ms",
        "chk/prs",
        "check cli",
        "cjs ms (runs)",
        "cjs/chk",
        "cjs-c (runs)",
        "cjs-c/chk"
    );
    for row in rows {
        let validators: Vec<(String, String)> = row
            .validators
            .iter()
            .map(|validator| match validator {
                Some(validator) => (
                    format!("{:.0} ({})", ms(validator.median), validator.runs),
                    format!("{:.1}", ratio(validator.median, row.check_cli)),
                ),
                None => ("-".into(), "-".into()),
            })
            .collect();
        println!(
            "{:>8} {:>10} {:>9.2} {:>9.2} {:>7.2} {:>9.2} {:>13} {:>8} {:>13} {:>8}",
            row.phases,
            row.plan_bytes,
            ms(row.parse),
            ms(row.check),
            ratio(row.check, row.parse),
            ms(row.check_cli),
            validators[0].0,
            validators[0].1,
            validators[1].0,
            validators[1].1,
        );
    }
}

fn main() -> ExitCode {
    // As the binary configures its allocator, first thing.
    aiplan::allocator::return_freed_memory_promptly();
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let temp = tempfile::tempdir().expect("a temporary directory");
    let dir = match &options.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir).expect("the --keep directory");
            dir.clone()
        }
        None => temp.path().to_path_buf(),
    };
    let has_tj3 = tj3_available();
    if !has_tj3 {
        println!(
            "tj3 is not installed (apt-get install tj3): the TaskJuggler comparison is skipped"
        );
    }
    let floor = match process_floor(&dir) {
        Ok(floor) => floor,
        Err(message) => {
            eprintln!("FAIL: aiplan schedule of a one-phase plan: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "aiplan schedule --format json of a one-phase plan (process floor): {:.2} ms",
        ms(floor)
    );
    let mut failed = false;
    let mut validators: [Option<&Path>; VALIDATORS] = [None, None];
    let mut validator_floors: [Option<Duration>; VALIDATORS] = [None, None];
    for (index, program) in options.check_jsonschema.iter().enumerate() {
        let Some(program) = program else { continue };
        match check_jsonschema_floor(program, &options.schema, &dir) {
            Ok(floor) => {
                println!(
                    "{} on a one-phase plan (process floor): {:.1} ms",
                    program.display(),
                    ms(floor)
                );
                validators[index] = Some(program);
                validator_floors[index] = Some(floor);
            }
            Err(message) => {
                eprintln!(
                    "FAIL: {} on a one-phase plan: {message}; not timed",
                    program.display()
                );
                failed = true;
            }
        }
    }
    println!(
        "{:>8} {:>8} {:>5} {:>10} {:>9} {:>8} {:>10} {:>11} {:>9} {:>10} {:>8}  dates",
        "phases",
        "edges",
        "iters",
        "analyze ms",
        "ns/(p+e)",
        "cpm ms",
        "library ms",
        "schedule ms",
        "tj3 runs",
        "tj3 ms",
        "tj3/aipl"
    );
    let limits = Limits::default();
    let mut rows = Vec::new();
    for &phases in &options.sizes {
        let others = Others {
            tj3: has_tj3 && phases <= options.tj3_max,
            validators: if phases <= options.check_jsonschema_max {
                validators
            } else {
                [None, None]
            },
            schema: &options.schema,
        };
        let row = match measure(phases, &dir, &limits, &others) {
            Ok(row) => row,
            Err(message) => {
                eprintln!("FAIL: the plan of {phases} phases: {message}");
                return ExitCode::FAILURE;
            }
        };
        let (tj3_runs, tj3_ms, tj3_ratio) = match row.tj3 {
            Some((runs, time)) => (
                runs.to_string(),
                format!("{:.1}", ms(time)),
                format!("{:.1}", ratio(time, row.cli)),
            ),
            None => ("-".into(), "-".into(), "-".into()),
        };
        println!(
            "{:>8} {:>8} {:>5} {:>10.2} {:>9.1} {:>8.2} {:>10.2} {:>11.2} {:>9} {:>10} {:>8}  {}",
            row.phases,
            row.edges,
            row.iterations,
            ms(row.analyze),
            row.analyze.as_secs_f64() * 1e9 / row.items() as f64,
            ms(row.cpm),
            ms(row.library),
            ms(row.cli),
            tj3_runs,
            tj3_ms,
            tj3_ratio,
            match &row.agree {
                None => "not compared",
                Some(Ok(())) => "agree",
                Some(Err(_)) => "DIFFER",
            }
        );
        if let Err(message) = &row.clean {
            eprintln!("FAIL: the plan of {phases} phases does not schedule clean: {message}");
            failed = true;
        }
        if let Some(Err(message)) = &row.agree {
            eprintln!(
                "FAIL: tj3 and aiplan schedule the plan of {phases} phases differently: {message}"
            );
            failed = true;
        }
        for validator in row.validators.iter().flatten() {
            if let Err(message) = &validator.accepted {
                eprintln!("FAIL: check-jsonschema refuses the plan of {phases} phases: {message}");
                failed = true;
            }
        }
        let _ = std::io::stdout().flush();
        rows.push(row);
    }
    print_record(&rows);
    if let Some(path) = &options.tsv {
        let mut text = String::from(TSV_HEADER);
        text.push('\n');
        for row in &rows {
            text.push_str(&tsv_line(row, floor, &validator_floors));
            text.push('\n');
        }
        if let Err(error) = std::fs::write(path, text) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
