//! Where the memory of `aiplan check` goes, stage by stage, on generated
//! plans of 1k, 10k and 100k phases: a counting global allocator records
//! the bytes live after each stage and the peak reached during it.
//!
//! Heap only: the peak RSS of the binary (`scripts/bench.sh`) adds the
//! executable, the allocator's slack and freed pages not yet returned.
//!
//! Usage: `cargo bench --bench memory -- [--sizes 1000,10000,100000]`.

mod support {
    pub mod plan_gen;
}

use aiplan::load::{Limits, LoadedFile, Origin, load_unit};
use aiplan::locate::Locator;
use aiplan::model::build::build;
use aiplan::model::stream::PhaseStream;
use aiplan::source::{FileId, Sources};
use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counts what it forwards to the allocator of the `aiplan` binary
/// (mimalloc, src/main.rs).
struct Counting;

static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
/// Blocks currently allocated: each costs the allocator a header and
/// rounding that the byte counts above do not show.
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let live = LIVE.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is forwarded to mimalloc unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let pointer = unsafe { INNER.alloc(layout) };
        if !pointer.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            BLOCKS.fetch_add(1, Relaxed);
            grew(layout.size());
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let pointer = unsafe { INNER.alloc_zeroed(layout) };
        if !pointer.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            BLOCKS.fetch_add(1, Relaxed);
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { INNER.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
        BLOCKS.fetch_sub(1, Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's pointer, layout and size.
        let moved = unsafe { INNER.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            ALLOCATIONS.fetch_add(1, Relaxed);
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one stage did to the heap.
struct Stage {
    name: &'static str,
    /// Bytes live when it ended.
    live: usize,
    /// The highest live bytes during it.
    peak: usize,
    allocations: usize,
    /// Blocks live when it ended.
    blocks: usize,
}

struct Meter {
    stages: Vec<Stage>,
}

impl Meter {
    fn start() {
        PEAK.store(LIVE.load(Relaxed), Relaxed);
        ALLOCATIONS.store(0, Relaxed);
    }

    fn stop(&mut self, name: &'static str) {
        self.stages.push(Stage {
            name,
            live: LIVE.load(Relaxed),
            peak: PEAK.load(Relaxed),
            allocations: ALLOCATIONS.load(Relaxed),
            blocks: BLOCKS.load(Relaxed),
        });
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn measure(phases: usize, dir: &Path, limits: &Limits) {
    let path = dir.join(format!("plan-{phases}.yaml"));
    let bytes = {
        let text = support::plan_gen::generate(phases);
        std::fs::write(&path, &text).expect("the plan is written");
        text.len()
    };
    // Warm-up: compiles the schema, so its memory is in the baseline.
    black_box(aiplan::check::check(
        &[aiplan::check::Input::Path(path.clone())],
        limits,
    ))
    .expect("the plan checks");

    let baseline = LIVE.load(Relaxed);
    let baseline_blocks = BLOCKS.load(Relaxed);
    let mut meter = Meter { stages: Vec::new() };
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();

    Meter::start();
    let mut stream = PhaseStream::default();
    let mut unit = load_unit(
        Origin::Path(&path),
        path.display().to_string(),
        limits,
        &mut sources,
        &mut stream,
        &mut diagnostics,
    )
    .expect("the plan is readable");
    meter.stop("load_unit (read + parse)");

    Meter::start();
    let passed: Vec<bool> = unit
        .files
        .iter()
        .map(|file| aiplan::schema::validate(file, &stream, &sources, &mut diagnostics))
        .collect();
    meter.stop("schema::validate");

    Meter::start();
    let mut valid: Vec<&mut LoadedFile> = unit
        .files
        .iter_mut()
        .zip(&passed)
        .filter_map(|(file, &ok)| ok.then_some(file))
        .collect();
    let resolved = build(&mut valid, &mut stream, &mut diagnostics);
    drop(valid);
    meter.stop("model::build::build");
    let resolved = resolved.expect("the plan builds");
    assert_eq!(
        resolved.plan.phases.len(),
        phases,
        "the plan has all its phases"
    );

    let locator = Locator::new(&unit.files, &sources);
    Meter::start();
    let analysis = aiplan::graph::analyze(&resolved, &locator, true, &mut diagnostics);
    meter.stop("graph::analyze");

    Meter::start();
    aiplan::rules::phase::run(&resolved, &locator, &mut diagnostics);
    meter.stop("lints::run");

    // What each structure holds, from what freeing it gives back: first
    // what `check` frees before it returns (the unit, whose values the
    // model took), then what its report keeps.
    let held = |free: &mut dyn FnMut()| {
        let live = LIVE.load(Relaxed);
        free();
        live - LIVE.load(Relaxed)
    };
    let mut unit = Some(unit);
    let loaded_rest = held(&mut || drop(unit.take()));
    let mut analysis = Some(analysis);
    let graph = held(&mut || drop(analysis.take()));
    let mut resolved = Some(resolved);
    let typed = held(&mut || drop(resolved.take()));
    let mut sources = Some(sources);
    let source_text = held(&mut || drop(sources.take()));
    black_box(&diagnostics);

    // The load stage alone on text already in memory: its own peak, and
    // what its document holds.
    let text = std::fs::read_to_string(&path).expect("the plan is readable");
    let before = LIVE.load(Relaxed);
    Meter::start();
    let mut parse_diagnostics = Vec::new();
    let document = aiplan::load::parse(FileId(0), &text, limits, &mut parse_diagnostics);
    let parse_peak = PEAK.load(Relaxed) - before;
    let parse_allocations = ALLOCATIONS.load(Relaxed);
    let mut document = document.expect("the plan loads");
    let mut value = Some(std::mem::take(&mut document.value));
    let value_tree = held(&mut || drop(value.take()));
    let mut keys = Some(std::mem::take(&mut document.spans.keys));
    let key_table = held(&mut || drop(keys.take()));
    let mut document = Some(document);
    let span_tree = held(&mut || drop(document.take()));

    println!(
        "\n{phases} phases, {:.2} MB of YAML (heap baseline {:.2} MB, not counted below)",
        mb(bytes),
        mb(baseline)
    );
    println!(
        "  {:<28} {:>12} {:>12} {:>9} {:>12} {:>12}",
        "stage", "live after", "peak during", "peak/file", "allocations", "live blocks"
    );
    for stage in &meter.stages {
        let peak = stage.peak - baseline;
        println!(
            "  {:<28} {:>9.1} MB {:>9.1} MB {:>8.1}x {:>12} {:>12}",
            stage.name,
            mb(stage.live - baseline),
            mb(peak),
            peak as f64 / bytes as f64,
            stage.allocations,
            stage.blocks - baseline_blocks
        );
    }
    println!(
        "  {:<28} {:>12} {:>9.1} MB {:>8.1}x {:>12}",
        "load::parse alone (on text)",
        "",
        mb(parse_peak),
        parse_peak as f64 / bytes as f64,
        parse_allocations
    );
    println!("  held, by structure (what freeing it gives back):");
    for (name, held) in [
        ("loaded: serde_json::Value", value_tree),
        ("loaded: span tree", span_tree),
        ("loaded: key table", key_table),
        ("source text (Sources)", source_text),
        ("typed Plan (+ sources)", typed),
        ("graph analysis", graph),
        ("unit left after build", loaded_rest),
    ] {
        println!(
            "    {name:<26} {:>9.1} MB {:>6.2}x file  {:>6.0} B/phase",
            mb(held),
            held as f64 / bytes as f64,
            held as f64 / phases as f64
        );
    }
}

fn main() {
    // As the binary configures its allocator, first thing.
    aiplan::allocator::return_freed_memory_promptly();
    let mut sizes = vec![1_000, 10_000, 100_000];
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--sizes" {
            let list = args.next().expect("--sizes needs a value");
            sizes = list
                .split(',')
                .map(|size| size.trim().parse().expect("a number of phases"))
                .collect();
        }
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let limits = Limits::default();
    for phases in sizes {
        measure(phases, dir.path(), &limits);
    }
}
