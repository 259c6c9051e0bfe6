//! The readiness score of the audit (stage 1): a pure function from the
//! plan's `assessment` and `thresholds.readiness` to a score, a band, the
//! named gaps and what to do about them.
//!
//! Four criteria, each worth the points that `thresholds.readiness` gives
//! (the defaults are the field's reference figures):
//!
//! | criterion | met when | default points |
//! | --- | --- | --- |
//! | GPU | `hardware.gpus` counts at least one GPU | 30 |
//! | CPU | `hardware.cpu_cores` is at least `min_cpu_cores` (8) | 20 |
//! | network | `network.download_mbps` is above `min_download_mbps` (100) | 25 |
//! | Python data stack | `software.packages` holds `numpy` and a dataframe library (`pandas` or `polars`) | 25 |
//!
//! A criterion is *met* (its points), *absent* (the assessment says the
//! thing is missing or too small: 0 points and a gap such as `no-gpu`) or
//! *not assessed* (the assessment does not say: 0 points and a gap such as
//! `gpus-not-assessed` that tells the user what to add). What counts as not
//! assessed: no `hardware` section for the GPU criterion (a `hardware`
//! section that lists no `gpus` says there are none), no
//! `hardware.cpu_cores`, no `network.download_mbps`, no `software` section
//! (a `software` section that lists no `packages` says none are installed).
//!
//! The band: under `urgent_below` (50) `urgent-action-required`, under
//! `modernise_below` (75) `modernisation-needed`, otherwise
//! `good-foundation`.

use crate::model::{Assessment, ReadinessThresholds};

/// The packages that make a Python data stack: all of `REQUIRED_PACKAGES`
/// and at least one of `DATAFRAME_PACKAGES`.
pub const REQUIRED_PACKAGES: &[&str] = &["numpy"];
/// Dataframe libraries; one of them is enough.
pub const DATAFRAME_PACKAGES: &[&str] = &["pandas", "polars"];

/// The audit's verdict on one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    /// The points earned: the sum over the criteria that are met.
    pub score: u32,
    /// The points there are to earn (100 with the default thresholds).
    pub max_score: u32,
    pub band: Band,
    /// Each criterion, in the order GPU, CPU, network, Python data stack.
    pub criteria: Vec<Criterion>,
    /// One gap for each criterion that is not met, in the same order.
    pub gaps: Vec<Gap>,
    /// What to do, one for each gap, without repeats.
    pub recommendations: Vec<String>,
}

/// The three bands of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Below `urgent_below`.
    UrgentActionRequired,
    /// Below `modernise_below`.
    ModernisationNeeded,
    /// Otherwise.
    GoodFoundation,
}

impl Band {
    /// The stable kebab-case id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Band::UrgentActionRequired => "urgent-action-required",
            Band::ModernisationNeeded => "modernisation-needed",
            Band::GoodFoundation => "good-foundation",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Band::UrgentActionRequired => "urgent action required",
            Band::ModernisationNeeded => "modernisation needed",
            Band::GoodFoundation => "good foundation",
        }
    }

    fn of(score: u32, thresholds: &ReadinessThresholds) -> Band {
        if score < thresholds.urgent_below {
            Band::UrgentActionRequired
        } else if score < thresholds.modernise_below {
            Band::ModernisationNeeded
        } else {
            Band::GoodFoundation
        }
    }
}

/// One of the four things the score is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionKind {
    Gpu,
    Cpu,
    Network,
    PythonDataStack,
}

impl CriterionKind {
    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            CriterionKind::Gpu => "GPU",
            CriterionKind::Cpu => "CPU cores",
            CriterionKind::Network => "network",
            CriterionKind::PythonDataStack => "Python data stack",
        }
    }
}

/// Whether a criterion is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    /// The assessment says it is missing or too small.
    Absent,
    /// The assessment does not say.
    NotAssessed,
}

/// One criterion's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub kind: CriterionKind,
    pub status: Status,
    /// The points earned (all or nothing).
    pub points: u32,
    /// The points it is worth.
    pub max_points: u32,
    /// What the assessment says, in a few words (may hold text from the
    /// plan, such as GPU models).
    pub detail: String,
}

/// A named gap: a criterion that is not met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// A stable kebab-case id (see [`GAP_IDS`]).
    pub id: &'static str,
    /// What is missing, for a person.
    pub message: String,
}

/// Every gap id, absent ones first, then the not-assessed ones.
pub const GAP_IDS: &[&str] = &[
    NO_GPU,
    TOO_FEW_CPU_CORES,
    INADEQUATE_NETWORK,
    NO_PYTHON_DATA_STACK,
    GPUS_NOT_ASSESSED,
    CPU_CORES_NOT_ASSESSED,
    NETWORK_NOT_ASSESSED,
    PYTHON_PACKAGES_NOT_ASSESSED,
];

pub const NO_GPU: &str = "no-gpu";
pub const TOO_FEW_CPU_CORES: &str = "too-few-cpu-cores";
pub const INADEQUATE_NETWORK: &str = "inadequate-network";
pub const NO_PYTHON_DATA_STACK: &str = "no-python-data-stack";
pub const GPUS_NOT_ASSESSED: &str = "gpus-not-assessed";
pub const CPU_CORES_NOT_ASSESSED: &str = "cpu-cores-not-assessed";
pub const NETWORK_NOT_ASSESSED: &str = "network-not-assessed";
pub const PYTHON_PACKAGES_NOT_ASSESSED: &str = "python-packages-not-assessed";

const PROBE_HINT: &str = "Run `aiplan audit --probe` on a representative machine to draft the \
     missing parts of the `assessment:` block, then paste them into the plan";

/// Scores an assessment (`None`: the plan has none) under the thresholds.
pub fn score(assessment: Option<&Assessment>, thresholds: &ReadinessThresholds) -> Readiness {
    let outcomes = [
        (CriterionKind::Gpu, thresholds.gpu_points, gpu(assessment)),
        (
            CriterionKind::Cpu,
            thresholds.cpu_points,
            cpu(assessment, thresholds),
        ),
        (
            CriterionKind::Network,
            thresholds.network_points,
            network(assessment, thresholds),
        ),
        (
            CriterionKind::PythonDataStack,
            thresholds.python_points,
            python(assessment),
        ),
    ];
    let mut criteria = Vec::with_capacity(outcomes.len());
    let mut gaps = Vec::new();
    let mut recommendations: Vec<String> = Vec::new();
    let mut probe_helps = false;
    for (kind, max_points, outcome) in outcomes {
        let (status, detail) = match outcome {
            Outcome::Met(detail) => (Status::Met, detail),
            Outcome::Gap {
                status,
                detail,
                id,
                message,
                recommendation,
                probe,
            } => {
                gaps.push(Gap { id, message });
                probe_helps |= probe;
                for text in recommendation {
                    if !recommendations.contains(&text) {
                        recommendations.push(text);
                    }
                }
                (status, detail)
            }
        };
        criteria.push(Criterion {
            kind,
            status,
            points: if status == Status::Met { max_points } else { 0 },
            max_points,
            detail,
        });
    }
    if probe_helps {
        recommendations.push(PROBE_HINT.to_string());
    }
    let score = criteria
        .iter()
        .fold(0u32, |sum, criterion| sum.saturating_add(criterion.points));
    let max_score = criteria.iter().fold(0u32, |sum, criterion| {
        sum.saturating_add(criterion.max_points)
    });
    Readiness {
        score,
        max_score,
        band: Band::of(score, thresholds),
        criteria,
        gaps,
        recommendations,
    }
}

enum Outcome {
    Met(String),
    Gap {
        status: Status,
        detail: String,
        id: &'static str,
        message: String,
        recommendation: Vec<String>,
        /// Whether `aiplan audit --probe` can fill it in.
        probe: bool,
    },
}

/// `probe`: whether `aiplan audit --probe` can measure it (its hint then
/// ends the recommendations, once).
fn not_assessed(id: &'static str, what: &str, add: String, probe: bool) -> Outcome {
    Outcome::Gap {
        status: Status::NotAssessed,
        detail: "not assessed".to_string(),
        id,
        message: format!("not assessed: the plan does not give {what}"),
        recommendation: vec![add],
        probe,
    }
}

fn gpu(assessment: Option<&Assessment>) -> Outcome {
    let Some(hardware) = assessment.and_then(|a| a.hardware.as_ref()) else {
        return not_assessed(
            GPUS_NOT_ASSESSED,
            "`assessment.hardware`, so whether there are GPUs is unknown",
            "Add `assessment.hardware.gpus` with the GPUs available today (`gpus: []` when there \
             are none)"
                .to_string(),
            true,
        );
    };
    let count = hardware
        .gpus
        .iter()
        .fold(0u32, |sum, gpu| sum.saturating_add(gpu.count));
    if count == 0 {
        return Outcome::Gap {
            status: Status::Absent,
            detail: "none listed in `assessment.hardware.gpus`".to_string(),
            id: NO_GPU,
            message: "no GPU: `assessment.hardware.gpus` lists none".to_string(),
            recommendation: vec![
                "Provision at least one GPU node (for example an NVIDIA L4 or A10 for \
                 inference and fine-tuning), or plan cloud GPU bursts for training"
                    .to_string(),
            ],
            probe: false,
        };
    }
    let models: Vec<&str> = hardware
        .gpus
        .iter()
        .filter(|gpu| gpu.count > 0)
        .map(|gpu| gpu.model.as_str())
        .collect();
    Outcome::Met(format!(
        "{count} GPU{} ({})",
        plural(u64::from(count)),
        models.join(", ")
    ))
}

fn cpu(assessment: Option<&Assessment>, thresholds: &ReadinessThresholds) -> Outcome {
    let needed = thresholds.min_cpu_cores;
    let Some(cores) = assessment
        .and_then(|a| a.hardware.as_ref())
        .and_then(|h| h.cpu_cores)
    else {
        return not_assessed(
            CPU_CORES_NOT_ASSESSED,
            "`assessment.hardware.cpu_cores`",
            "Add `assessment.hardware.cpu_cores`: the physical CPU cores available to data and \
             ML work"
                .to_string(),
            true,
        );
    };
    let detail = format!(
        "{cores} core{} ({needed} or more needed)",
        plural(u64::from(cores))
    );
    if cores >= needed {
        return Outcome::Met(detail);
    }
    Outcome::Gap {
        status: Status::Absent,
        detail,
        id: TOO_FEW_CPU_CORES,
        message: format!(
            "too few CPU cores: {cores} where at least {needed} are needed for data \
             preparation and ML work"
        ),
        recommendation: vec![format!(
            "Add CPU capacity to at least {needed} cores for data preparation and training \
             (a larger node, or a shared compute cluster such as Kubernetes or Spark)"
        )],
        probe: false,
    }
}

fn network(assessment: Option<&Assessment>, thresholds: &ReadinessThresholds) -> Outcome {
    let needed = thresholds.min_download_mbps;
    let Some(download) = assessment
        .and_then(|a| a.network.as_ref())
        .and_then(|n| n.download_mbps)
    else {
        return not_assessed(
            NETWORK_NOT_ASSESSED,
            "`assessment.network.download_mbps`",
            "Measure the download bandwidth (for example with a speed test from the data \
             centre) and add it as `assessment.network.download_mbps`"
                .to_string(),
            false,
        );
    };
    let detail = format!(
        "{} Mbps download (more than {} needed)",
        number(download),
        number(needed)
    );
    if download > needed {
        return Outcome::Met(detail);
    }
    Outcome::Gap {
        status: Status::Absent,
        detail,
        id: INADEQUATE_NETWORK,
        message: format!(
            "inadequate network: {} Mbps download where more than {} Mbps is needed to move \
             datasets and models",
            number(download),
            number(needed)
        ),
        recommendation: vec![format!(
            "Upgrade the uplink beyond {} Mbps (1 Gbps or more for GPU workloads), or stage \
             large datasets next to the compute that uses them",
            number(needed)
        )],
        probe: false,
    }
}

fn python(assessment: Option<&Assessment>) -> Outcome {
    let Some(software) = assessment.and_then(|a| a.software.as_ref()) else {
        return not_assessed(
            PYTHON_PACKAGES_NOT_ASSESSED,
            "`assessment.software`, so whether a Python data stack is installed is unknown",
            "Add `assessment.software.packages` with the Python data and ML packages installed \
             today (`packages: []` when there are none)"
                .to_string(),
            true,
        );
    };
    let installed: Vec<String> = software
        .packages
        .iter()
        .map(|package| package_name(package))
        .collect();
    let has = |name: &str| installed.iter().any(|package| package == name);
    let mut missing: Vec<String> = REQUIRED_PACKAGES
        .iter()
        .filter(|name| !has(name))
        .map(|name| format!("`{name}`"))
        .collect();
    if !DATAFRAME_PACKAGES.iter().any(|name| has(name)) {
        missing.push(
            DATAFRAME_PACKAGES
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(" or "),
        );
    }
    if missing.is_empty() {
        let present: Vec<&str> = REQUIRED_PACKAGES
            .iter()
            .chain(DATAFRAME_PACKAGES)
            .copied()
            .filter(|name| has(name))
            .collect();
        return Outcome::Met(present.join(", "));
    }
    let missing = missing.join(" and ");
    Outcome::Gap {
        status: Status::Absent,
        detail: format!("missing {missing}"),
        id: NO_PYTHON_DATA_STACK,
        message: format!(
            "no Python data stack: `assessment.software.packages` lacks {missing} (a data \
             stack is numpy plus pandas or polars)"
        ),
        recommendation: vec![
            "Install the Python data stack (`pip install numpy pandas pyarrow scikit-learn`) \
             and list it under `assessment.software.packages`"
                .to_string(),
        ],
        probe: false,
    }
}

/// A package as the assessment may write it (`pandas`, `Pandas==2.2`,
/// `numpy>=1.26`, `scikit_learn 1.4`) reduced to its normalised name
/// (lower case, `_` and `.` as `-`, no version).
pub fn package_name(written: &str) -> String {
    let name = written
        .trim()
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '=' | '<' | '>' | '!' | '~' | '[' | ';' | '@' | ',')
        })
        .next()
        .unwrap_or_default();
    name.to_ascii_lowercase().replace(['_', '.'], "-")
}

fn plural(count: u64) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// A figure without a needless `.0`.
fn number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Gpu, Hardware, MeasuredNetwork, Software};

    fn full() -> Assessment {
        Assessment {
            hardware: Some(Hardware {
                cpu_cores: Some(16),
                gpus: vec![Gpu {
                    model: "NVIDIA A100".into(),
                    count: 2,
                    memory_gb: Some(80.0),
                }],
                ..Hardware::default()
            }),
            network: Some(MeasuredNetwork {
                download_mbps: Some(1000.0),
                ..MeasuredNetwork::default()
            }),
            software: Some(Software {
                packages: vec!["pandas".into(), "numpy".into()],
                ..Software::default()
            }),
            ..Assessment::default()
        }
    }

    fn ids(readiness: &Readiness) -> Vec<&'static str> {
        readiness.gaps.iter().map(|gap| gap.id).collect()
    }

    #[test]
    fn a_full_assessment_scores_everything() {
        let readiness = score(Some(&full()), &ReadinessThresholds::default());
        assert_eq!(readiness.score, 100);
        assert_eq!(readiness.max_score, 100);
        assert_eq!(readiness.band, Band::GoodFoundation);
        assert!(readiness.gaps.is_empty());
        assert!(readiness.recommendations.is_empty());
    }

    #[test]
    fn no_assessment_is_not_assessed_everywhere() {
        let readiness = score(None, &ReadinessThresholds::default());
        assert_eq!(readiness.score, 0);
        assert_eq!(readiness.band, Band::UrgentActionRequired);
        assert_eq!(
            ids(&readiness),
            [
                GPUS_NOT_ASSESSED,
                CPU_CORES_NOT_ASSESSED,
                NETWORK_NOT_ASSESSED,
                PYTHON_PACKAGES_NOT_ASSESSED
            ]
        );
        // The probe hint is given once.
        let hints = readiness
            .recommendations
            .iter()
            .filter(|text| text.contains("--probe"))
            .count();
        assert_eq!(hints, 1);
    }

    #[test]
    fn absent_is_told_apart_from_unknown() {
        let mut assessment = full();
        let hardware = assessment.hardware.as_mut().unwrap();
        hardware.gpus.clear();
        hardware.cpu_cores = Some(4);
        assessment.network.as_mut().unwrap().download_mbps = Some(100.0);
        assessment.software.as_mut().unwrap().packages = vec!["pandas".into()];
        let readiness = score(Some(&assessment), &ReadinessThresholds::default());
        assert_eq!(readiness.score, 0);
        assert_eq!(
            ids(&readiness),
            [
                NO_GPU,
                TOO_FEW_CPU_CORES,
                INADEQUATE_NETWORK,
                NO_PYTHON_DATA_STACK
            ]
        );
        assert!(readiness.gaps[3].message.contains("`numpy`"));
        assert_eq!(readiness.recommendations.len(), 4);
    }

    #[test]
    fn the_bands_follow_the_thresholds() {
        let mut assessment = full();
        assessment.hardware.as_mut().unwrap().gpus.clear();
        let defaults = ReadinessThresholds::default();
        // 70: modernisation needed.
        assert_eq!(
            score(Some(&assessment), &defaults).band,
            Band::ModernisationNeeded
        );
        let lenient = ReadinessThresholds {
            modernise_below: 70,
            ..defaults.clone()
        };
        assert_eq!(
            score(Some(&assessment), &lenient).band,
            Band::GoodFoundation
        );
        let strict = ReadinessThresholds {
            urgent_below: 71,
            ..defaults
        };
        assert_eq!(
            score(Some(&assessment), &strict).band,
            Band::UrgentActionRequired
        );
    }

    #[test]
    fn the_points_and_bars_follow_the_thresholds() {
        let thresholds = ReadinessThresholds {
            gpu_points: 40,
            cpu_points: 10,
            min_cpu_cores: 32,
            min_download_mbps: 1000.0,
            ..ReadinessThresholds::default()
        };
        let readiness = score(Some(&full()), &thresholds);
        // GPU 40 + Python 25; 16 cores < 32, 1000 Mbps is not above 1000.
        assert_eq!(readiness.score, 65);
        assert_eq!(readiness.max_score, 100);
        assert_eq!(ids(&readiness), [TOO_FEW_CPU_CORES, INADEQUATE_NETWORK]);
        assert!(readiness.gaps[0].message.contains("32"));
    }

    #[test]
    fn huge_points_do_not_overflow() {
        let thresholds = ReadinessThresholds {
            gpu_points: u32::MAX,
            cpu_points: u32::MAX,
            ..ReadinessThresholds::default()
        };
        let readiness = score(Some(&full()), &thresholds);
        assert_eq!(readiness.score, u32::MAX);
    }

    #[test]
    fn package_names_are_normalised() {
        assert_eq!(package_name("Pandas==2.2"), "pandas");
        assert_eq!(package_name(" numpy>=1.26 "), "numpy");
        assert_eq!(package_name("scikit_learn 1.4"), "scikit-learn");
        assert_eq!(package_name("polars[all]"), "polars");
        assert_eq!(package_name(""), "");
    }

    #[test]
    fn polars_is_a_dataframe_library_too() {
        let mut assessment = full();
        assessment.software.as_mut().unwrap().packages = vec!["polars".into(), "NumPy".into()];
        let readiness = score(Some(&assessment), &ReadinessThresholds::default());
        assert_eq!(readiness.score, 100);
    }

    #[test]
    fn zero_count_gpus_are_no_gpus() {
        let mut assessment = full();
        assessment.hardware.as_mut().unwrap().gpus[0].count = 0;
        let readiness = score(Some(&assessment), &ReadinessThresholds::default());
        assert_eq!(ids(&readiness), [NO_GPU]);
    }
}
