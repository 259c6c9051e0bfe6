//! `aiplan audit --probe`: measures the machine aiplan runs on and drafts
//! the `assessment:` block of a plan from it.
//!
//! What is measured, and how:
//!
//! - **CPU cores**: physical cores, counted as the distinct
//!   (`physical id`, `core id`) pairs of `/proc/cpuinfo`, or else of
//!   `/sys/devices/system/cpu/cpu*/topology`; where neither gives the
//!   topology (other systems, some ARM kernels), the logical CPUs available
//!   to this process (`std::thread::available_parallelism`), and the comment
//!   says that they are logical.
//! - **Memory**: `MemTotal` of `/proc/meminfo`, in GiB.
//! - **Storage**: `df -kP` (POSIX output): the capacity of the filesystems
//!   on block devices (`/dev/…`, loop devices left out, each device once);
//!   where there is none (a container whose root is an overlay), the
//!   filesystem mounted on `/`. Decimal units (`1.9TB`, `500GB`).
//! - **GPUs**: `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader`
//!   when `nvidia-smi` is on `PATH`. Without it, the PCI bus
//!   (`/sys/bus/pci/devices`) is read: no GPU-like device there is written
//!   as `gpus: []`; a GPU-like device that nothing can name is reported as
//!   not measured.
//! - **Python data stack**: `python3` on `PATH` runs a short script that
//!   looks each data and ML package up on its import path
//!   (`importlib.util.find_spec`, versions from `importlib.metadata`). The
//!   packages are found, not imported: no package code runs, and a slow
//!   import (torch) cannot stall the probe.
//! - **Network**: never measured; aiplan runs no speed test.
//!
//! Every external command runs with a timeout ([`TOOL_TIMEOUT`],
//! [`PYTHON_TIMEOUT`]) and at most [`OUTPUT_LIMIT`] bytes of its output are
//! read, so a hung or chatty tool cannot hang aiplan. What cannot be
//! measured is written as a YAML comment that says why; nothing is guessed.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long `df` and `nvidia-smi` may take.
pub const TOOL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the Python script may take.
pub const PYTHON_TIMEOUT: Duration = Duration::from_secs(20);
/// The most output read from one stream of one command.
pub const OUTPUT_LIMIT: u64 = 1 << 20;

/// The data and ML packages the probe looks for: (distribution name as
/// `pip` knows it, module name).
pub const PYTHON_PACKAGES: &[(&str, &str)] = &[
    ("numpy", "numpy"),
    ("pandas", "pandas"),
    ("polars", "polars"),
    ("pyarrow", "pyarrow"),
    ("scipy", "scipy"),
    ("scikit-learn", "sklearn"),
    ("torch", "torch"),
    ("tensorflow", "tensorflow"),
    ("jax", "jax"),
    ("xgboost", "xgboost"),
    ("lightgbm", "lightgbm"),
    ("dask", "dask"),
    ("pyspark", "pyspark"),
    ("duckdb", "duckdb"),
    ("transformers", "transformers"),
];

/// A measurement, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure<T> {
    /// The value, and how it was measured (written as a comment).
    Measured { value: T, how: String },
    /// Why it could not be measured.
    NotMeasured(String),
}

impl<T> Measure<T> {
    fn measured(value: T, how: impl Into<String>) -> Self {
        Measure::Measured {
            value,
            how: how.into(),
        }
    }
}

/// A group of identical GPUs.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbedGpu {
    pub model: String,
    pub count: u32,
    pub memory_gb: Option<f64>,
}

/// Disk capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct Storage {
    pub total_bytes: u64,
    pub free_bytes: u64,
    /// Where the counted filesystems are mounted.
    pub mounts: Vec<String>,
}

/// The Python interpreter and the data packages it finds.
#[derive(Debug, Clone, PartialEq)]
pub struct PythonStack {
    pub version: String,
    /// Found packages (distribution names, in [`PYTHON_PACKAGES`] order)
    /// with their versions when known.
    pub packages: Vec<(String, Option<String>)>,
}

/// What the probe found.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    /// `linux x86_64` and the like.
    pub system: String,
    /// The day of the probe, `YYYY-MM-DD` (UTC).
    pub date: String,
    pub cpu_cores: Measure<u32>,
    pub memory_gb: Measure<f64>,
    pub storage: Measure<Storage>,
    pub gpus: Measure<Vec<ProbedGpu>>,
    pub python: Measure<PythonStack>,
}

/// Measures this machine.
pub fn probe() -> Probe {
    Probe {
        system: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        date: jiff::Timestamp::now().strftime("%Y-%m-%d").to_string(),
        cpu_cores: probe_cpu(),
        memory_gb: probe_memory(),
        storage: probe_storage(),
        gpus: probe_gpus(),
        python: probe_python(),
    }
}

// ---------------------------------------------------------------------------
// CPU

fn probe_cpu() -> Measure<u32> {
    let available = std::thread::available_parallelism()
        .ok()
        .and_then(|n| u32::try_from(n.get()).ok());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").ok();
    let physical = cpuinfo
        .as_deref()
        .and_then(physical_cores_from_cpuinfo)
        .map(|cores| (cores, "physical cores in /proc/cpuinfo"))
        .or_else(|| physical_cores_from_sysfs().map(|cores| (cores, "physical cores in /sys")));
    let logical = cpuinfo.as_deref().map(logical_cpus_from_cpuinfo);
    match (physical, available) {
        (Some((cores, source)), _) => {
            let mut how = source.to_string();
            let mut extra = Vec::new();
            if let Some(logical) = logical.filter(|&n| n > 0) {
                extra.push(format!("{logical} logical CPUs"));
            }
            if let Some(available) = available {
                extra.push(format!("{available} available to aiplan"));
            }
            if !extra.is_empty() {
                how.push_str(&format!(" ({})", extra.join(", ")));
            }
            Measure::measured(cores, how)
        }
        (None, Some(available)) => Measure::measured(
            available,
            "logical CPUs available to aiplan; the physical core count could not be read",
        ),
        (None, None) => Measure::NotMeasured(
            "neither /proc/cpuinfo nor the operating system gives a CPU count".into(),
        ),
    }
}

/// Distinct (`physical id`, `core id`) pairs; `None` when a processor
/// lacks them.
pub fn physical_cores_from_cpuinfo(text: &str) -> Option<u32> {
    let mut cores = BTreeSet::new();
    let mut processors = 0usize;
    for block in text.split("\n\n") {
        let field = |name: &str| {
            block.lines().find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == name).then(|| value.trim().to_string())
            })
        };
        if field("processor").is_none() {
            continue;
        }
        processors += 1;
        cores.insert((field("physical id")?, field("core id")?));
    }
    if processors == 0 {
        return None;
    }
    u32::try_from(cores.len()).ok()
}

fn logical_cpus_from_cpuinfo(text: &str) -> usize {
    text.lines()
        .filter(|line| {
            line.split_once(':')
                .is_some_and(|(key, _)| key.trim() == "processor")
        })
        .count()
}

fn physical_cores_from_sysfs() -> Option<u32> {
    let entries = std::fs::read_dir("/sys/devices/system/cpu").ok()?;
    let mut cores = BTreeSet::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(number) = name.strip_prefix("cpu") else {
            continue;
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let topology = entry.path().join("topology");
        let read = |file: &str| {
            std::fs::read_to_string(topology.join(file))
                .ok()
                .map(|text| text.trim().to_string())
        };
        if let (Some(package), Some(core)) = (read("physical_package_id"), read("core_id")) {
            cores.insert((package, core));
        }
    }
    if cores.is_empty() {
        return None;
    }
    u32::try_from(cores.len()).ok()
}

// ---------------------------------------------------------------------------
// Memory

fn probe_memory() -> Measure<f64> {
    match std::fs::read_to_string("/proc/meminfo") {
        Ok(text) => match memory_gib_from_meminfo(&text) {
            Some(gib) => Measure::measured(gib, "MemTotal in /proc/meminfo, GiB"),
            None => Measure::NotMeasured("/proc/meminfo has no MemTotal".into()),
        },
        Err(_) => Measure::NotMeasured(
            "/proc/meminfo cannot be read (aiplan reads memory only on Linux)".into(),
        ),
    }
}

/// `MemTotal` in GiB, to one decimal.
pub fn memory_gib_from_meminfo(text: &str) -> Option<f64> {
    let line = text.lines().find(|line| line.starts_with("MemTotal:"))?;
    let mut words = line["MemTotal:".len()..].split_whitespace();
    let value: u64 = words.next()?.parse().ok()?;
    let bytes = match words.next().map(str::to_ascii_lowercase).as_deref() {
        Some("kb") | None => value.checked_mul(1024)?,
        Some("mb") => value.checked_mul(1024 * 1024)?,
        Some(_) => return None,
    };
    Some(round1(bytes as f64 / (1024.0 * 1024.0 * 1024.0)))
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

// ---------------------------------------------------------------------------
// Storage

fn probe_storage() -> Measure<Storage> {
    let Some(df) = find_on_path("df") else {
        return Measure::NotMeasured("`df` is not on PATH".into());
    };
    match run(&df, &["-kP"], TOOL_TIMEOUT, true) {
        Ok(ran) => match storage_from_df(&ran.stdout) {
            Some(storage) => Measure::measured(storage, "df -kP"),
            None if !ran.status.success() => {
                Measure::NotMeasured(format!("`df -kP` failed: {}", first_line(&ran.stderr)))
            }
            None => Measure::NotMeasured("`df -kP` lists no disk filesystem".into()),
        },
        Err(error) => Measure::NotMeasured(error.describe("df -kP")),
    }
}

/// The block-device filesystems of `df -kP` output (or the one on `/`).
pub fn storage_from_df(text: &str) -> Option<Storage> {
    struct Row {
        device: String,
        total: u64,
        free: u64,
        mount: String,
    }
    let rows: Vec<Row> = text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() < 6 {
                return None;
            }
            Some(Row {
                device: fields[0].to_string(),
                total: fields[1].parse::<u64>().ok()?.checked_mul(1024)?,
                free: fields[3].parse::<u64>().ok()?.checked_mul(1024)?,
                mount: fields[5..].join(" "),
            })
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut chosen: Vec<&Row> = rows
        .iter()
        .filter(|row| row.device.starts_with("/dev/") && !row.device.starts_with("/dev/loop"))
        .filter(|row| seen.insert(row.device.clone()))
        .collect();
    if chosen.is_empty() {
        chosen = rows.iter().filter(|row| row.mount == "/").take(1).collect();
    }
    if chosen.is_empty() {
        return None;
    }
    Some(Storage {
        total_bytes: chosen
            .iter()
            .fold(0, |sum, row| sum.saturating_add(row.total)),
        free_bytes: chosen
            .iter()
            .fold(0, |sum, row| sum.saturating_add(row.free)),
        mounts: chosen.iter().map(|row| row.mount.clone()).collect(),
    })
}

/// Bytes in decimal units, as a plan writes sizes: `1.9TB`, `500GB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: &[(&str, f64)] = &[("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6)];
    let value = bytes as f64;
    for &(unit, size) in UNITS {
        if value >= size {
            let scaled = value / size;
            return if scaled >= 100.0 {
                format!("{scaled:.0}{unit}")
            } else {
                format!("{}{unit}", round1(scaled))
            };
        }
    }
    format!("{bytes}B")
}

// ---------------------------------------------------------------------------
// GPUs

const NVIDIA_SMI_ARGS: &[&str] = &["--query-gpu=name,memory.total", "--format=csv,noheader"];

fn probe_gpus() -> Measure<Vec<ProbedGpu>> {
    let command = format!("nvidia-smi {}", NVIDIA_SMI_ARGS.join(" "));
    if let Some(smi) = find_on_path("nvidia-smi") {
        return match run(&smi, NVIDIA_SMI_ARGS, TOOL_TIMEOUT, true) {
            Ok(ran) if ran.status.success() => {
                let gpus = gpus_from_nvidia_smi(&ran.stdout);
                let how = if gpus.is_empty() {
                    "nvidia-smi lists no GPU"
                } else {
                    "nvidia-smi"
                };
                Measure::measured(gpus, how)
            }
            Ok(ran) => Measure::NotMeasured(format!(
                "`nvidia-smi` failed: {}",
                first_line(if ran.stderr.trim().is_empty() {
                    &ran.stdout
                } else {
                    &ran.stderr
                })
            )),
            Err(error) => Measure::NotMeasured(error.describe(&command)),
        };
    }
    match pci_gpu_like_devices(Path::new("/sys/bus/pci/devices")) {
        Some(0) => Measure::measured(
            Vec::new(),
            "no GPU or accelerator on the PCI bus (/sys/bus/pci/devices); nvidia-smi is not installed",
        ),
        Some(count) => Measure::NotMeasured(format!(
            "{count} GPU or accelerator device{} on the PCI bus, but `nvidia-smi` is not on PATH to \
             name {}; list them by hand",
            if count == 1 { "" } else { "s" },
            if count == 1 { "it" } else { "them" },
        )),
        None => Measure::NotMeasured(
            "`nvidia-smi` is not on PATH and the PCI bus cannot be read; list the GPUs by hand \
             (`gpus: []` when there are none)"
                .into(),
        ),
    }
}

/// Groups the lines `NAME, MEMORY` of `nvidia-smi` into identical GPUs,
/// in the order first seen.
pub fn gpus_from_nvidia_smi(text: &str) -> Vec<ProbedGpu> {
    let mut gpus: Vec<ProbedGpu> = Vec::new();
    for line in text.lines().take(4096) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (name, memory) = match line.rsplit_once(',') {
            Some((name, memory)) => (name.trim(), memory_gib_from_smi(memory)),
            None => (line, None),
        };
        let name = clean_text(name, 120);
        if name.is_empty() {
            continue;
        }
        match gpus
            .iter_mut()
            .find(|gpu| gpu.model == name && gpu.memory_gb == memory)
        {
            Some(gpu) => gpu.count = gpu.count.saturating_add(1),
            None => gpus.push(ProbedGpu {
                model: name,
                count: 1,
                memory_gb: memory,
            }),
        }
    }
    gpus
}

/// `81920 MiB` → 80 GiB; `[N/A]` → none.
fn memory_gib_from_smi(text: &str) -> Option<f64> {
    let mut words = text.split_whitespace();
    let value: f64 = words.next()?.parse().ok()?;
    let gib = match words.next().unwrap_or("MiB") {
        "MiB" => value / 1024.0,
        "GiB" => value,
        "KiB" => value / (1024.0 * 1024.0),
        _ => return None,
    };
    (gib.is_finite() && gib > 0.0).then(|| round1(gib))
}

/// PCI devices that look like GPUs or accelerators: 3D controllers and
/// processing accelerators of any vendor, display controllers by NVIDIA
/// or AMD. `None` when the bus cannot be read.
fn pci_gpu_like_devices(bus: &Path) -> Option<usize> {
    let entries = std::fs::read_dir(bus).ok()?;
    let mut devices = 0usize;
    let mut found = 0usize;
    for entry in entries.flatten() {
        let read = |file: &str| {
            std::fs::read_to_string(entry.path().join(file))
                .ok()
                .map(|text| text.trim().to_ascii_lowercase())
        };
        let (Some(class), Some(vendor)) = (read("class"), read("vendor")) else {
            continue;
        };
        devices += 1;
        if pci_is_gpu_like(&class, &vendor) {
            found += 1;
        }
    }
    (devices > 0).then_some(found)
}

/// `class` such as `0x030200`, `vendor` such as `0x10de`.
pub fn pci_is_gpu_like(class: &str, vendor: &str) -> bool {
    let class = class.trim_start_matches("0x");
    let gpu_vendor = matches!(vendor, "0x10de" | "0x1002");
    class.starts_with("0302") || class.starts_with("12") || (class.starts_with("03") && gpu_vendor)
}

// ---------------------------------------------------------------------------
// Python

const PYTHON_SCRIPT: &str = r#"
import json, sys
import importlib.util
try:
    from importlib import metadata
except ImportError:
    metadata = None
found = {}
for dist, module in PACKAGES:
    try:
        present = importlib.util.find_spec(module) is not None
    except Exception:
        present = False
    if not present:
        continue
    version = None
    if metadata is not None:
        try:
            version = metadata.version(dist)
        except Exception:
            version = None
    found[dist] = version
print(json.dumps({"python": "%d.%d.%d" % tuple(sys.version_info[:3]), "packages": found}))
"#;

fn probe_python() -> Measure<PythonStack> {
    let Some(python) = find_on_path("python3") else {
        return Measure::NotMeasured(
            "`python3` is not on PATH; if the team uses another interpreter, list its packages \
             by hand"
                .into(),
        );
    };
    let packages: Vec<String> = PYTHON_PACKAGES
        .iter()
        .map(|(dist, module)| format!("({dist:?}, {module:?})"))
        .collect();
    let script = PYTHON_SCRIPT.replace("PACKAGES", &format!("[{}]", packages.join(", ")));
    match run(&python, &["-c", &script], PYTHON_TIMEOUT, false) {
        Ok(ran) if ran.status.success() => match python_from_output(&ran.stdout) {
            Some(stack) => Measure::measured(
                stack,
                format!(
                    "{} ({})",
                    "python3 on PATH",
                    clean_text(&python.display().to_string(), 120)
                ),
            ),
            None => Measure::NotMeasured(format!(
                "`python3` ({}) did not report its packages",
                clean_text(&python.display().to_string(), 120)
            )),
        },
        Ok(ran) => Measure::NotMeasured(format!("`python3` failed: {}", first_line(&ran.stderr))),
        Err(error) => Measure::NotMeasured(error.describe("python3")),
    }
}

/// The script's JSON line: the version and the packages found, only those
/// of [`PYTHON_PACKAGES`], in its order.
pub fn python_from_output(text: &str) -> Option<PythonStack> {
    let line = text.lines().rev().find(|line| !line.trim().is_empty())?;
    let value: serde_json::Value = serde_json::from_str(line.trim()).ok()?;
    let version = value.get("python")?.as_str()?;
    if !is_version(version) {
        return None;
    }
    let found = value.get("packages")?.as_object()?;
    let packages = PYTHON_PACKAGES
        .iter()
        .filter_map(|(dist, _)| {
            let version = found.get(*dist)?;
            Some((
                (*dist).to_string(),
                version
                    .as_str()
                    .filter(|version| is_version(version))
                    .map(str::to_string),
            ))
        })
        .collect();
    Some(PythonStack {
        version: version.to_string(),
        packages,
    })
}

fn is_version(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 40
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_' | '!'))
}

// ---------------------------------------------------------------------------
// The YAML

/// The `assessment:` block, ready to paste at the top level of a plan. What
/// was not measured is a comment that says why.
pub fn yaml(probe: &Probe) -> String {
    let mut hardware = String::new();
    let mut hardware_notes = String::new();
    match &probe.cpu_cores {
        Measure::Measured { value, how } => {
            line(&mut hardware, 4, &format!("cpu_cores: {value}"), how);
        }
        Measure::NotMeasured(why) => {
            comment(
                &mut hardware_notes,
                4,
                &format!("cpu_cores: not measured: {why}"),
            );
        }
    }
    match &probe.memory_gb {
        Measure::Measured { value, how } => {
            line(&mut hardware, 4, &format!("memory_gb: {value:.1}"), how);
        }
        Measure::NotMeasured(why) => {
            comment(
                &mut hardware_notes,
                4,
                &format!("memory_gb: not measured: {why}"),
            );
        }
    }
    match &probe.storage {
        Measure::Measured { value, how } => {
            let mounts = list_with_limit(&value.mounts, 6);
            line(
                &mut hardware,
                4,
                &format!("storage: {}", quote(&human_bytes(value.total_bytes))),
                &format!("{how}: {} free on {mounts}", human_bytes(value.free_bytes)),
            );
        }
        Measure::NotMeasured(why) => {
            comment(
                &mut hardware_notes,
                4,
                &format!("storage: not measured: {why}"),
            );
        }
    }
    match &probe.gpus {
        Measure::Measured { value, how } if value.is_empty() => {
            line(&mut hardware, 4, "gpus: []", how);
        }
        Measure::Measured { value, how } => {
            line(&mut hardware, 4, "gpus:", how);
            for gpu in value {
                hardware.push_str(&format!("      - model: {}\n", quote(&gpu.model)));
                hardware.push_str(&format!("        count: {}\n", gpu.count));
                if let Some(memory) = gpu.memory_gb {
                    hardware.push_str(&format!("        memory_gb: {memory:.1}\n"));
                }
            }
        }
        Measure::NotMeasured(why) => {
            comment(
                &mut hardware_notes,
                4,
                &format!("gpus: not measured: {why}"),
            );
            comment(
                &mut hardware_notes,
                4,
                "until GPUs are listed here, `aiplan audit` counts none",
            );
        }
    }

    let mut software = String::new();
    let mut software_notes = String::new();
    match &probe.python {
        Measure::Measured { value, how } => {
            line(
                &mut software,
                4,
                &format!("python: {}", quote(&value.version)),
                how,
            );
            let missing: Vec<&str> = PYTHON_PACKAGES
                .iter()
                .map(|(dist, _)| *dist)
                .filter(|dist| !value.packages.iter().any(|(found, _)| found == dist))
                .collect();
            if value.packages.is_empty() {
                line(
                    &mut software,
                    4,
                    "packages: []",
                    "none of the data and ML packages is on python3's import path",
                );
            } else {
                line(
                    &mut software,
                    4,
                    "packages:",
                    "found on python3's import path (looked up, not imported)",
                );
                for (name, version) in &value.packages {
                    match version {
                        Some(version) => {
                            line(&mut software, 6, &format!("- {}", quote(name)), version)
                        }
                        None => software.push_str(&format!("      - {}\n", quote(name))),
                    }
                }
            }
            if !missing.is_empty() {
                comment(
                    &mut software_notes,
                    4,
                    &format!("not found: {}", missing.join(", ")),
                );
            }
        }
        Measure::NotMeasured(why) => {
            comment(
                &mut software_notes,
                2,
                &format!("software: not measured: {why}"),
            );
        }
    }

    let mut body = String::new();
    comment(
        &mut body,
        2,
        "current_state: \"…\"  (where the organisation stands today; a probe cannot tell)",
    );
    comment(
        &mut body,
        2,
        "target_state: \"…\"   (where the plan takes it)",
    );
    let mut measured_any = false;
    if hardware.is_empty() {
        comment(&mut body, 2, "hardware: nothing could be measured");
        body.push_str(&hardware_notes);
    } else {
        measured_any = true;
        body.push_str("  hardware:\n");
        body.push_str(&hardware);
        body.push_str(&hardware_notes);
    }
    for text in [
        "network: not measured; aiplan runs no speed test. Measure the download",
        "speed at this site (for example with speedtest-cli) and add:",
        "network:",
        "  download_mbps: …",
    ] {
        comment(&mut body, 2, text);
    }
    if software.is_empty() {
        body.push_str(&software_notes);
    } else {
        measured_any = true;
        body.push_str("  software:\n");
        body.push_str(&software);
        body.push_str(&software_notes);
    }

    let mut out = String::new();
    comment(
        &mut out,
        0,
        &format!(
            "Drafted by `aiplan audit --probe` on this machine ({}, {}).",
            clean_text(&probe.system, 60),
            clean_text(&probe.date, 20)
        ),
    );
    comment(
        &mut out,
        0,
        "Paste it at the top level of a plan, then add what a probe cannot know.",
    );
    out.push_str(if measured_any {
        "assessment:\n"
    } else {
        "assessment: {}\n"
    });
    out.push_str(&body);
    out
}

/// A YAML line with a trailing comment.
fn line(out: &mut String, indent: usize, text: &str, note: &str) {
    out.push_str(&" ".repeat(indent));
    out.push_str(text);
    let note = clean_text(note, 200);
    if !note.is_empty() {
        out.push_str("  # ");
        out.push_str(&note);
    }
    out.push('\n');
}

/// A comment line.
fn comment(out: &mut String, indent: usize, text: &str) {
    out.push_str(&" ".repeat(indent));
    out.push_str("# ");
    out.push_str(&clean_text(text, 400));
    out.push('\n');
}

fn list_with_limit(items: &[String], limit: usize) -> String {
    let mut shown: Vec<String> = items
        .iter()
        .take(limit)
        .map(|item| clean_text(item, 60))
        .collect();
    if items.len() > limit {
        shown.push(format!("{} more", items.len() - limit));
    }
    shown.join(", ")
}

/// A YAML double-quoted scalar that holds any text safely: every character
/// outside printable ASCII is escaped, so no line break, tab, byte-order
/// mark or Unicode line separator can change the document's structure.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if u32::from(c) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Text that is safe on one comment line: control characters and line
/// separators become spaces, and long text is cut.
fn clean_text(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| {
            if c.is_control() || is_line_separator(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_end();
    if clean.chars().count() > max {
        format!("{}…", clean.chars().take(max - 1).collect::<String>())
    } else {
        clean.to_string()
    }
}

fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("no message");
    clean_text(line, 160)
}

// ---------------------------------------------------------------------------
// Running tools

/// An executable `name` in a directory of `PATH`.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// What a finished command wrote.
#[derive(Debug)]
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Why a command gave no result.
#[derive(Debug)]
pub enum RunError {
    /// It could not be started.
    Start(std::io::Error),
    /// It did not finish in time and was killed.
    TimedOut(Duration),
}

impl RunError {
    fn describe(&self, command: &str) -> String {
        match self {
            RunError::Start(error) => format!("`{command}` could not be started: {error}"),
            RunError::TimedOut(limit) => format!(
                "`{command}` did not answer within {} s and was stopped",
                limit.as_secs()
            ),
        }
    }
}

/// Runs `program` with no input, reading at most [`OUTPUT_LIMIT`] bytes of
/// each output stream, and kills it when it outlives `timeout`. `c_locale`
/// runs it with `LC_ALL=C`, for output in a known form.
pub fn run(
    program: &Path,
    args: &[&str],
    timeout: Duration,
    c_locale: bool,
) -> Result<Ran, RunError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if c_locale {
        command.env("LC_ALL", "C");
    }
    let mut child = command.spawn().map_err(RunError::Start)?;
    let (sender, receiver) = mpsc::channel();
    let streams: [(bool, Option<Box<dyn Read + Send>>); 2] = [
        (
            true,
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
        (
            false,
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
    ];
    for (is_stdout, stream) in streams {
        let Some(stream) = stream else { continue };
        let sender = sender.clone();
        // A reader that a grandchild keeps blocked is left behind, never
        // waited for.
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stream.take(OUTPUT_LIMIT).read_to_end(&mut bytes);
            let _ = sender.send((is_stdout, bytes));
        });
    }
    drop(sender);
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut(timeout));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(error) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Start(error));
            }
        }
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let grace = Instant::now() + Duration::from_millis(500);
    for _ in 0..2 {
        let left = grace.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(left) {
            Ok((true, bytes)) => stdout = bytes,
            Ok((false, bytes)) => stderr = bytes,
            Err(_) => break,
        }
    }
    Ok(Ran {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpuinfo_counts_physical_cores() {
        let text = "processor\t: 0\nphysical id\t: 0\ncore id\t: 0\n\n\
                    processor\t: 1\nphysical id\t: 0\ncore id\t: 0\n\n\
                    processor\t: 2\nphysical id\t: 0\ncore id\t: 1\n\n\
                    processor\t: 3\nphysical id\t: 1\ncore id\t: 0\n";
        assert_eq!(physical_cores_from_cpuinfo(text), Some(3));
        assert_eq!(logical_cpus_from_cpuinfo(text), 4);
        // ARM kernels often give no topology: unknown, not guessed.
        assert_eq!(
            physical_cores_from_cpuinfo("processor\t: 0\nBogoMIPS\t: 50\n\nprocessor\t: 1\n"),
            None
        );
        assert_eq!(physical_cores_from_cpuinfo(""), None);
    }

    #[test]
    fn meminfo_gives_gib() {
        assert_eq!(
            memory_gib_from_meminfo("MemTotal:       65536000 kB\nMemFree: 1 kB\n"),
            Some(62.5)
        );
        assert_eq!(memory_gib_from_meminfo("MemFree: 1 kB\n"), None);
        assert_eq!(memory_gib_from_meminfo("MemTotal: lots kB\n"), None);
    }

    #[test]
    fn df_counts_block_devices_once() {
        let text = "Filesystem 1024-blocks Used Available Capacity Mounted on\n\
                    devtmpfs 100 0 100 0% /dev\n\
                    /dev/sda1 1000000000 1 500000000 50% /\n\
                    /dev/sda1 1000000000 1 500000000 50% /var/lib/bind mount\n\
                    /dev/loop0 100 100 0 100% /snap/core\n\
                    /dev/nvme0n1 2000000000 1 1000000000 50% /data\n";
        let storage = storage_from_df(text).unwrap();
        assert_eq!(storage.total_bytes, 3_000_000_000 * 1024);
        assert_eq!(storage.free_bytes, 1_500_000_000 * 1024);
        assert_eq!(storage.mounts, ["/", "/data"]);
        let overlay = "Filesystem 1024-blocks Used Available Capacity Mounted on\n\
                       overlay 1000 1 500 50% /\n";
        assert_eq!(storage_from_df(overlay).unwrap().mounts, ["/"]);
        assert_eq!(storage_from_df("garbage"), None);
    }

    #[test]
    fn sizes_are_decimal() {
        assert_eq!(human_bytes(1_900_000_000_000), "1.9TB");
        assert_eq!(human_bytes(500_000_000_000), "500GB");
        assert_eq!(human_bytes(12), "12B");
        assert_eq!(human_bytes(u64::MAX), "18447PB");
    }

    #[test]
    fn nvidia_smi_lines_are_grouped() {
        let text = "NVIDIA A100-SXM4-80GB, 81920 MiB\nNVIDIA A100-SXM4-80GB, 81920 MiB\n\
                    Tesla T4, [N/A]\n\n";
        let gpus = gpus_from_nvidia_smi(text);
        assert_eq!(
            gpus,
            [
                ProbedGpu {
                    model: "NVIDIA A100-SXM4-80GB".into(),
                    count: 2,
                    memory_gb: Some(80.0)
                },
                ProbedGpu {
                    model: "Tesla T4".into(),
                    count: 1,
                    memory_gb: None
                }
            ]
        );
        assert!(gpus_from_nvidia_smi("").is_empty());
    }

    #[test]
    fn pci_classes() {
        assert!(pci_is_gpu_like("0x030200", "0x10de"));
        assert!(pci_is_gpu_like("0x030000", "0x1002"));
        assert!(pci_is_gpu_like("0x120000", "0x1da3"));
        // A virtual VGA adapter of a VM is not a GPU for AI.
        assert!(!pci_is_gpu_like("0x030000", "0x1234"));
        assert!(!pci_is_gpu_like("0x020000", "0x10de"));
    }

    #[test]
    fn python_output_is_filtered() {
        let stack = python_from_output(
            "noise\n{\"python\": \"3.11.4\", \"packages\": {\"pandas\": \"2.2.1\", \
             \"numpy\": null, \"evil\\npackage\": \"1\", \"torch\": \"2.1\\n# x\"}}\n",
        )
        .unwrap();
        assert_eq!(stack.version, "3.11.4");
        assert_eq!(
            stack.packages,
            [
                ("numpy".to_string(), None),
                ("pandas".to_string(), Some("2.2.1".to_string())),
                ("torch".to_string(), None),
            ]
        );
        assert_eq!(python_from_output("{\"python\": \"3\\n\"}"), None);
        assert_eq!(python_from_output(""), None);
    }

    #[test]
    fn quoting_keeps_yaml_structure() {
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(
            quote("x\ny\u{2028}é😀"),
            "\"x\\u000Ay\\u2028\\u00E9\\U0001F600\""
        );
        assert_eq!(clean_text("a\n# b\r\u{2028}c  ", 100), "a # b  c");
    }

    #[test]
    fn not_measured_is_a_comment() {
        let probe = Probe {
            system: "linux x86_64".into(),
            date: "2026-01-01".into(),
            cpu_cores: Measure::NotMeasured("no\ncount".into()),
            memory_gb: Measure::NotMeasured("nope".into()),
            storage: Measure::NotMeasured("nope".into()),
            gpus: Measure::NotMeasured("nope".into()),
            python: Measure::NotMeasured("nope".into()),
        };
        let text = yaml(&probe);
        assert!(text.contains("assessment: {}\n"), "{text}");
        for line in text.lines().filter(|line| !line.starts_with("assessment")) {
            assert!(line.trim_start().starts_with('#'), "{line}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_hung_tool_is_stopped() {
        let Some(sleep) = find_on_path("sleep") else {
            return;
        };
        let started = Instant::now();
        let result = run(&sleep, &["30"], Duration::from_millis(200), true);
        assert!(matches!(result, Err(RunError::TimedOut(_))), "{result:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[cfg(unix)]
    #[test]
    fn a_tool_that_cannot_start_is_an_error() {
        let result = run(
            Path::new("/nonexistent/aiplan-probe-tool"),
            &[],
            Duration::from_secs(1),
            true,
        );
        assert!(matches!(result, Err(RunError::Start(_))), "{result:?}");
    }
}
