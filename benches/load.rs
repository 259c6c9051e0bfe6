//! Load and schema-check throughput on generated plans of 1k, 10k and 100k
//! phases, against the floor of merely parsing the same text into YAML
//! events.
//!
//! For each size, one run measures, interleaved so that a noisy machine
//! disturbs them alike, the median over several iterations of:
//!
//! - `parse`: bare granit-parser event iteration over the text;
//! - `load`:  `aiplan::load::parse` (YAML → `serde_json::Value` + spans);
//! - `check`: `aiplan::check::check` on the plan written to a file
//!   (read, load, schema validation, typed model, dependency graph and
//!   schedule, lints), as `aiplan check` does;
//! - and, for the breakdown, the stages of `check` timed one by one
//!   (`load_unit`, `schema::validate`, `model::build::build`,
//!   `graph::analyze`, `lints::run`, freeing the loaded unit, and freeing
//!   the report, which the CLI skips).
//!
//! `load` and `check` are timed until they return; freeing their result is
//! left out, as the CLI exits without freeing its report. The bench uses
//! the binary's global allocator (mimalloc), so the library runs as the
//! CLI does.
//!
//! The target (issue 7): `check` within 2× `parse` at 100,000 phases.
//!
//! Usage: `cargo bench --bench load -- [--sizes 1000,10000,100000]
//! [--keep DIR] [--tsv FILE]`. `--keep` leaves the generated plans in DIR
//! (as `plan-<phases>.yaml`) for peak-memory measurement of the binary;
//! `--tsv` writes the figures as tab-separated values. `scripts/bench.sh`
//! does both and writes BENCHMARKS.md.

mod support {
    pub mod bare_parse;
    pub mod plan_gen;
}

use aiplan::check::{Input, check};
use aiplan::diagnostics::Severity;
use aiplan::load::{Limits, LoadedFile, Origin, load_unit};
use aiplan::locate::Locator;
use aiplan::model::build::build;
use aiplan::model::stream::PhaseStream;
use aiplan::source::{FileId, Sources};
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use support::bare_parse::bare_parse;

/// The allocator of the `aiplan` binary (src/main.rs), configured as there
/// (`aiplan::allocator`) at the start of `main`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Options {
    sizes: Vec<usize>,
    keep: Option<PathBuf>,
    tsv: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        sizes: vec![1_000, 10_000, 100_000],
        keep: None,
        tsv: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()?
                    .split(',')
                    .map(|size| {
                        size.trim()
                            .parse()
                            .map_err(|_| format!("not a number of phases: {size}"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--keep" => options.keep = Some(PathBuf::from(value()?)),
            "--tsv" => options.tsv = Some(PathBuf::from(value()?)),
            // `cargo bench` passes `--bench`; a name filter may follow.
            _ => {}
        }
    }
    Ok(options)
}

/// Timed iterations for a plan of `phases` phases (after one warm-up).
fn iterations(phases: usize) -> usize {
    match phases {
        0..=5_000 => 21,
        5_001..=50_000 => 9,
        _ => 7,
    }
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// aiplan's load stage on the text: the time until it returns the
/// document (freeing it is left out, as for `check`), and whether it loaded
/// without diagnostics.
fn load(text: &str, limits: &Limits) -> (Duration, bool) {
    let mut diagnostics = Vec::new();
    let started = Instant::now();
    let document = aiplan::load::parse(FileId(0), text, limits, &mut diagnostics);
    let elapsed = started.elapsed();
    let ok = document.is_some() && diagnostics.is_empty();
    drop(black_box(document));
    (elapsed, ok)
}

/// The whole check, as the CLI runs it: the time of `check` until it
/// returns its report. The CLI never frees the report (it exits), so freeing
/// it here is left out of the time. Also returns the first few findings, if
/// any.
fn full_check(path: &Path, limits: &Limits, phases: usize) -> (Duration, Result<(), String>) {
    let started = Instant::now();
    let report = check(&[Input::Path(path.to_path_buf())], limits);
    let elapsed = started.elapsed();
    let report = match report {
        Ok(report) => black_box(report),
        Err(error) => return (elapsed, Err(format!("input error: {error}"))),
    };
    // The generated plan is meant to be clean: a warning is as suspect as
    // an error (a lint misfiring at scale, or an unrealistic generator).
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .collect();
    if !findings.is_empty() {
        let messages: Vec<String> = findings
            .iter()
            .take(5)
            .map(|d| format!("{} {}: {}", d.severity.as_str(), d.code.code, d.message))
            .collect();
        return (
            elapsed,
            Err(format!(
                "{} errors or warnings: {}",
                findings.len(),
                messages.join("; ")
            )),
        );
    }
    let found = report
        .plans
        .first()
        .map_or(0, |plan| plan.resolved.plan.phases.len());
    if report.plans.len() != 1 || found != phases {
        return (
            elapsed,
            Err(format!(
                "expected one plan of {phases} phases, got {} plans ({found} phases)",
                report.plans.len()
            )),
        );
    }
    (elapsed, Ok(()))
}

/// The stages of `check` (as `Checker::check_one` runs them), timed one by
/// one: load (read + parse), schema validation, typed model (which takes
/// the loaded values), graph analysis and schedule, lints; then freeing
/// the loaded unit (which `check` does before it returns) and freeing the
/// report (which the CLI skips).
fn staged_check(path: &Path, limits: &Limits) -> [Duration; STAGES] {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let started = Instant::now();
    let mut stream = PhaseStream::default();
    let mut unit = load_unit(
        Origin::Path(path),
        path.display().to_string(),
        limits,
        &mut sources,
        &mut stream,
        &mut diagnostics,
    )
    .expect("the generated plan is readable");
    let loaded = started.elapsed();
    let started = Instant::now();
    let passed: Vec<bool> = unit
        .files
        .iter()
        .map(|file| aiplan::schema::validate(file, &stream, &sources, &mut diagnostics))
        .collect();
    let validated = started.elapsed();
    let started = Instant::now();
    let mut valid: Vec<&mut LoadedFile> = unit
        .files
        .iter_mut()
        .zip(&passed)
        .filter_map(|(file, &ok)| ok.then_some(file))
        .collect();
    let resolved =
        build(&mut valid, &mut stream, &mut diagnostics).expect("the generated plan builds");
    let built = started.elapsed();
    let locator = Locator::new(&unit.files, &sources);
    let started = Instant::now();
    let analysis = aiplan::graph::analyze(&resolved, &locator, true, &mut diagnostics);
    let analyzed = started.elapsed();
    let started = Instant::now();
    aiplan::rules::phase::run(&resolved, &locator, &mut diagnostics);
    let linted = started.elapsed();
    let unit = black_box(unit);
    let started = Instant::now();
    drop(unit);
    let unit_freed = started.elapsed();
    let report = black_box((analysis, resolved, sources, diagnostics));
    let started = Instant::now();
    drop(report);
    let report_freed = started.elapsed();
    [
        loaded,
        validated,
        built,
        analyzed,
        linted,
        unit_freed,
        report_freed,
    ]
}

struct Row {
    phases: usize,
    bytes: usize,
    events: usize,
    iterations: usize,
    parse: Duration,
    load: Duration,
    check: Duration,
    /// `load_unit`, `validate`, `build`, `analyze`, `lints`, freeing the
    /// unit, freeing the report.
    stages: [Duration; STAGES],
    clean: Result<(), String>,
}

fn measure(phases: usize, dir: &Path, limits: &Limits) -> std::io::Result<Row> {
    let text = support::plan_gen::generate(phases);
    let path = dir.join(format!("plan-{phases}.yaml"));
    std::fs::write(&path, &text)?;

    // Warm-up: page cache, allocator, the compiled schema.
    let events = bare_parse(&text);
    let (_, loaded) = load(&text, limits);
    let (_, clean) = full_check(&path, limits, phases);
    let clean = if loaded {
        clean
    } else {
        Err("aiplan::load::parse reported diagnostics".into())
    };
    staged_check(&path, limits);

    let count = iterations(phases);
    let (mut parse, mut load_times, mut checks) = (Vec::new(), Vec::new(), Vec::new());
    let mut stages: [Vec<Duration>; STAGES] = Default::default();
    for _ in 0..count {
        let started = Instant::now();
        black_box(bare_parse(black_box(&text)));
        parse.push(started.elapsed());

        load_times.push(load(black_box(&text), limits).0);
        checks.push(full_check(&path, limits, phases).0);

        for (samples, time) in stages.iter_mut().zip(staged_check(&path, limits)) {
            samples.push(time);
        }
    }
    let stages = stages.map(|mut samples| median(&mut samples));
    Ok(Row {
        phases,
        bytes: text.len(),
        events,
        iterations: count,
        parse: median(&mut parse),
        load: median(&mut load_times),
        check: median(&mut checks),
        stages,
        clean,
    })
}

/// How many stages `staged_check` times.
const STAGES: usize = 7;

const TSV_HEADER: &str = "phases\tbytes\tevents\titerations\tparse_ms\tload_ms\tcheck_ms\tcheck_over_parse\tload_over_parse\tstage_load_ms\tstage_validate_ms\tstage_build_ms\tstage_analyze_ms\tstage_lints_ms\tstage_free_unit_ms\tstage_free_report_ms\tclean";

fn tsv_line(row: &Row) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.2}\t{:.2}\t{}\t{}",
        row.phases,
        row.bytes,
        row.events,
        row.iterations,
        ms(row.parse),
        ms(row.load),
        ms(row.check),
        ratio(row.check, row.parse),
        ratio(row.load, row.parse),
        row.stages
            .iter()
            .map(|&stage| format!("{:.3}", ms(stage)))
            .collect::<Vec<_>>()
            .join("\t"),
        if row.clean.is_ok() { "yes" } else { "no" },
    )
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
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
    let limits = Limits::default();
    println!(
        "{:>8} {:>10} {:>5} {:>10} {:>10} {:>10} {:>7} {:>7}   check = load_unit + validate + build + analyze + lints + free unit (ms); + free report",
        "phases", "bytes", "iters", "parse ms", "load ms", "check ms", "chk/prs", "ld/prs"
    );
    let mut rows = Vec::new();
    let mut failed = false;
    for &phases in &options.sizes {
        let row = match measure(phases, &dir, &limits) {
            Ok(row) => row,
            Err(error) => {
                eprintln!("error: cannot write the plan of {phases} phases: {error}");
                return ExitCode::from(2);
            }
        };
        println!(
            "{:>8} {:>10} {:>5} {:>10.2} {:>10.2} {:>10.2} {:>7.2} {:>7.2}   {}",
            row.phases,
            row.bytes,
            row.iterations,
            ms(row.parse),
            ms(row.load),
            ms(row.check),
            ratio(row.check, row.parse),
            ratio(row.load, row.parse),
            row.stages
                .iter()
                .map(|&stage| format!("{:.1}", ms(stage)))
                .collect::<Vec<_>>()
                .join(" + "),
        );
        if let Err(message) = &row.clean {
            eprintln!("FAIL: the plan of {phases} phases does not check clean: {message}");
            failed = true;
        }
        let _ = std::io::stdout().flush();
        rows.push(row);
    }
    if let Some(path) = &options.tsv {
        let mut text = String::from(TSV_HEADER);
        text.push('\n');
        for row in &rows {
            text.push_str(&tsv_line(row));
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
