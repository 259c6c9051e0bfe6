//! The semantic diff of two versions of a plan (`aiplan diff`): what a
//! reviewer of a pull request needs to know, not which lines moved.
//!
//! Each version is first reduced to a [`Snapshot`] (phases by id, the
//! schedule's total and critical path, the decided strategy, the readiness
//! score and the findings); [`compare`] then works on two snapshots alone,
//! so it is pure and testable without files.
//!
//! - Phases are matched by id (the derived id when none is written). A phase
//!   changed when its duration (compared as parsed days, so `4 weeks` →
//!   `28 days` is no change), its `depends_on` (as a set) or its
//!   `rollback_plan` differ.
//! - Findings are matched by (rule, file, message) — the file being the plan
//!   file itself or an included file's path relative to it — never by line,
//!   so an edit elsewhere in the file creates no fake new or fixed finding.
//!   Repeats are counted: two equal findings before and three after is one new.

use crate::check::CheckReport;
use crate::decide::readiness;
use crate::decide::strategy::strategy_id;
use crate::model::ReadinessThresholds;
use crate::model::duration::parse_duration;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One version of a plan, reduced to what the diff compares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// The plan's name, when a plan was built.
    pub name: Option<String>,
    /// Whether a plan was built at all (its top file passed the schema).
    pub built: bool,
    pub phases: Vec<PhaseFacts>,
    /// `None` when the plan has no schedule (a cycle, an unreadable duration).
    pub total_days: Option<u64>,
    /// Phase ids along the critical path, first to last.
    pub critical_path: Vec<String>,
    /// The decided strategy's id (`hybrid`, `cloud`, …).
    pub strategy: Option<String>,
    /// The readiness score and its maximum; `None` without an `assessment:`.
    pub readiness: Option<(u32, u32)>,
    pub findings: Vec<Finding>,
}

impl Snapshot {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == "error")
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == "warning")
            .count()
    }

    /// Reduces a check report of one plan file to a snapshot.
    pub fn from_report(report: &CheckReport) -> Snapshot {
        let top_dir = (!report.sources.is_empty())
            .then(|| report.sources.get(crate::source::FileId(0)))
            .and_then(|top| top.path.as_deref())
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let findings = report
            .diagnostics
            .iter()
            .map(|diagnostic| {
                let file = if diagnostic.primary.file.0 == 0 {
                    None
                } else {
                    let source = report.sources.get(diagnostic.primary.file);
                    let relative = match (&top_dir, &source.path) {
                        (Some(dir), Some(path)) => path
                            .strip_prefix(dir)
                            .ok()
                            .map(|relative| relative.display().to_string()),
                        _ => None,
                    };
                    Some(relative.unwrap_or_else(|| source.name.clone()))
                };
                Finding {
                    code: diagnostic.code.code.to_string(),
                    rule: diagnostic.code.name.to_string(),
                    severity: diagnostic.severity.as_str().to_string(),
                    file,
                    message: diagnostic.message.clone(),
                }
            })
            .collect();
        let Some(checked) = report.plans.first() else {
            return Snapshot {
                findings,
                ..Snapshot::default()
            };
        };
        let plan = &checked.resolved.plan;
        let nodes = &checked.analysis.nodes;
        let phases = plan
            .phases
            .iter()
            .zip(nodes)
            .map(|(phase, node)| PhaseFacts {
                id: node.id.clone(),
                name: phase.display_name().to_string(),
                duration: phase.duration.clone(),
                days: node.days,
                depends_on: phase.depends_on.iter().cloned().collect(),
                rollback_plan: phase.rollback_plan.clone(),
            })
            .collect();
        let schedule = checked.analysis.schedule.as_ref();
        let defaults = ReadinessThresholds::default();
        let thresholds = plan
            .thresholds
            .as_ref()
            .map_or(&defaults, |thresholds| &thresholds.readiness);
        let readiness = plan.assessment.as_ref().map(|assessment| {
            let result = readiness::score(Some(assessment), thresholds);
            (result.score, result.max_score)
        });
        Snapshot {
            name: Some(plan.name.clone()),
            built: true,
            phases,
            total_days: schedule.map(|schedule| schedule.total_days),
            critical_path: schedule
                .map(|schedule| {
                    schedule
                        .critical_path
                        .iter()
                        .filter_map(|&index| nodes.get(index).map(|node| node.id.clone()))
                        .collect()
                })
                .unwrap_or_default(),
            strategy: checked
                .decision
                .as_ref()
                .and_then(|decision| decision.strategy)
                .map(|strategy| strategy_id(strategy).to_string()),
            readiness,
            findings,
        }
    }
}

/// What the diff compares of one phase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhaseFacts {
    pub id: String,
    pub name: String,
    /// As written (`4 weeks`).
    pub duration: String,
    /// The days the schedule gives it; `None` when the duration is unreadable.
    pub days: Option<u64>,
    pub depends_on: BTreeSet<String>,
    pub rollback_plan: Option<String>,
}

/// A diagnostic, without its place in the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    /// `AP501`.
    pub code: String,
    /// `missing-rollback`.
    pub rule: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// `None` for the plan file itself; an included file's path otherwise.
    pub file: Option<String>,
    pub message: String,
}

impl Finding {
    fn key(&self) -> (&str, Option<&str>, &str) {
        (&self.rule, self.file.as_deref(), &self.message)
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DurationChange {
    pub before: String,
    pub after: String,
    pub days_before: Option<u64>,
    pub days_after: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DependsOnChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// A phase present in both versions that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseChange {
    pub id: String,
    pub name: String,
    pub duration: Option<DurationChange>,
    pub depends_on: Option<DependsOnChange>,
    pub rollback_plan: Option<Change<Option<String>>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhaseChanges {
    /// In the order of the head version.
    pub added: Vec<PhaseFacts>,
    /// In the order of the base version.
    pub removed: Vec<PhaseFacts>,
    /// In the order of the head version.
    pub changed: Vec<PhaseChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TotalDays {
    pub before: Option<u64>,
    pub after: Option<u64>,
    /// `after - before`, when both are known.
    pub change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub max_before: Option<u32>,
    pub max_after: Option<u32>,
    pub change: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueChange<T> {
    pub before: T,
    pub after: T,
    pub changed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FindingChanges {
    pub new: Vec<Finding>,
    pub fixed: Vec<Finding>,
}

/// The semantic difference of two snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDiff {
    pub total_days: TotalDays,
    pub critical_path: ValueChange<Vec<String>>,
    pub strategy: ValueChange<Option<String>>,
    pub readiness: Score,
    pub phases: PhaseChanges,
    pub findings: FindingChanges,
}

impl PlanDiff {
    /// Whether nothing the diff looks at changed.
    pub fn is_empty(&self) -> bool {
        self.total_days.before == self.total_days.after
            && !self.critical_path.changed
            && !self.strategy.changed
            && self.readiness.before == self.readiness.after
            && self.phases == PhaseChanges::default()
            && self.findings == FindingChanges::default()
    }
}

fn signed(before: u64, after: u64) -> i64 {
    i64::try_from(after)
        .unwrap_or(i64::MAX)
        .saturating_sub(i64::try_from(before).unwrap_or(i64::MAX))
}

/// Whether two durations mean the same: equal as parsed, else equal as text.
fn same_duration(before: &str, after: &str) -> bool {
    match (parse_duration(before), parse_duration(after)) {
        (Ok(before), Ok(after)) => before == after,
        _ => before.trim() == after.trim(),
    }
}

fn compare_phase(before: &PhaseFacts, after: &PhaseFacts) -> Option<PhaseChange> {
    let duration = (!same_duration(&before.duration, &after.duration)).then(|| DurationChange {
        before: before.duration.clone(),
        after: after.duration.clone(),
        days_before: before.days,
        days_after: after.days,
    });
    let depends_on = (before.depends_on != after.depends_on).then(|| DependsOnChange {
        added: after
            .depends_on
            .difference(&before.depends_on)
            .cloned()
            .collect(),
        removed: before
            .depends_on
            .difference(&after.depends_on)
            .cloned()
            .collect(),
    });
    let rollback_plan = (before.rollback_plan != after.rollback_plan).then(|| Change {
        before: before.rollback_plan.clone(),
        after: after.rollback_plan.clone(),
    });
    (duration.is_some() || depends_on.is_some() || rollback_plan.is_some()).then(|| PhaseChange {
        id: after.id.clone(),
        name: after.name.clone(),
        duration,
        depends_on,
        rollback_plan,
    })
}

/// The first phase of each id (a repeated id is an error of its own).
fn by_id(phases: &[PhaseFacts]) -> BTreeMap<&str, &PhaseFacts> {
    let mut map = BTreeMap::new();
    for phase in phases {
        map.entry(phase.id.as_str()).or_insert(phase);
    }
    map
}

/// The findings of `from` that `minus` does not account for, counting repeats.
fn unmatched(from: &[Finding], minus: &[Finding]) -> Vec<Finding> {
    let mut available: BTreeMap<_, usize> = BTreeMap::new();
    for finding in minus {
        *available.entry(finding.key()).or_default() += 1;
    }
    let mut out = Vec::new();
    for finding in from {
        match available.get_mut(&finding.key()) {
            Some(count) if *count > 0 => *count -= 1,
            _ => out.push(finding.clone()),
        }
    }
    out
}

/// Compares the base version with the head version.
pub fn compare(base: &Snapshot, head: &Snapshot) -> PlanDiff {
    let before = by_id(&base.phases);
    let after = by_id(&head.phases);
    let mut phases = PhaseChanges::default();
    let mut seen = BTreeSet::new();
    for phase in &head.phases {
        if !seen.insert(phase.id.as_str()) {
            continue;
        }
        match before.get(phase.id.as_str()) {
            None => phases.added.push(phase.clone()),
            Some(old) => phases.changed.extend(compare_phase(old, phase)),
        }
    }
    let mut seen = BTreeSet::new();
    for phase in &base.phases {
        if seen.insert(phase.id.as_str()) && !after.contains_key(phase.id.as_str()) {
            phases.removed.push(phase.clone());
        }
    }
    let total_days = TotalDays {
        before: base.total_days,
        after: head.total_days,
        change: base
            .total_days
            .zip(head.total_days)
            .map(|(before, after)| signed(before, after)),
    };
    let readiness = Score {
        before: base.readiness.map(|(score, _)| score),
        after: head.readiness.map(|(score, _)| score),
        max_before: base.readiness.map(|(_, max)| max),
        max_after: head.readiness.map(|(_, max)| max),
        change: base
            .readiness
            .zip(head.readiness)
            .map(|((before, _), (after, _))| i64::from(after) - i64::from(before)),
    };
    PlanDiff {
        total_days,
        critical_path: ValueChange {
            changed: base.critical_path != head.critical_path,
            before: base.critical_path.clone(),
            after: head.critical_path.clone(),
        },
        strategy: ValueChange {
            changed: base.strategy != head.strategy,
            before: base.strategy.clone(),
            after: head.strategy.clone(),
        },
        readiness,
        phases,
        findings: FindingChanges {
            new: unmatched(&head.findings, &base.findings),
            fixed: unmatched(&base.findings, &head.findings),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(
        id: &str,
        duration: &str,
        days: u64,
        deps: &[&str],
        rollback: Option<&str>,
    ) -> PhaseFacts {
        PhaseFacts {
            id: id.into(),
            name: id.into(),
            duration: duration.into(),
            days: Some(days),
            depends_on: deps.iter().map(|dep| dep.to_string()).collect(),
            rollback_plan: rollback.map(str::to_string),
        }
    }

    fn finding(rule: &str, message: &str) -> Finding {
        Finding {
            code: "AP501".into(),
            rule: rule.into(),
            severity: "warning".into(),
            file: None,
            message: message.into(),
        }
    }

    fn snapshot(phases: Vec<PhaseFacts>, findings: Vec<Finding>) -> Snapshot {
        Snapshot {
            name: Some("plan".into()),
            built: true,
            phases,
            findings,
            ..Snapshot::default()
        }
    }

    #[test]
    fn identical_snapshots_have_an_empty_diff() {
        let base = snapshot(
            vec![phase("a", "4 weeks", 28, &[], Some("undo"))],
            vec![finding("missing-rollback", "x")],
        );
        assert!(compare(&base, &base.clone()).is_empty());
    }

    #[test]
    fn phases_are_added_removed_and_changed_by_id() {
        let base = snapshot(
            vec![
                phase("a", "4 weeks", 28, &[], Some("undo")),
                phase("b", "2 weeks", 14, &["a"], None),
                phase("c", "1 week", 7, &["a"], None),
                phase("d", "10 days", 10, &["b", "c"], Some("r")),
            ],
            vec![],
        );
        let head = snapshot(
            vec![
                // Same days, other words: no change.
                phase("a", "28 days", 28, &[], Some("undo")),
                phase("b", "3 weeks", 21, &["a"], None),
                phase("e", "1 week", 7, &["a"], None),
                phase("d", "10 days", 10, &["b", "e"], None),
            ],
            vec![],
        );
        let diff = compare(&base, &head);
        let ids = |phases: &[PhaseFacts]| phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&diff.phases.added), ["e"]);
        assert_eq!(ids(&diff.phases.removed), ["c"]);
        assert_eq!(diff.phases.changed.len(), 2);
        let b = &diff.phases.changed[0];
        assert_eq!(b.id, "b");
        let duration = b.duration.as_ref().unwrap();
        assert_eq!(
            (duration.days_before, duration.days_after),
            (Some(14), Some(21))
        );
        assert!(b.depends_on.is_none() && b.rollback_plan.is_none());
        let d = &diff.phases.changed[1];
        assert_eq!(d.id, "d");
        assert!(d.duration.is_none());
        let deps = d.depends_on.as_ref().unwrap();
        assert_eq!(deps.added, ["e"]);
        assert_eq!(deps.removed, ["c"]);
        let rollback = d.rollback_plan.as_ref().unwrap();
        assert_eq!(rollback.before.as_deref(), Some("r"));
        assert_eq!(rollback.after, None);
    }

    #[test]
    fn depends_on_is_compared_as_a_set() {
        let base = snapshot(vec![phase("d", "1 week", 7, &["a", "b"], None)], vec![]);
        let head = snapshot(vec![phase("d", "1 week", 7, &["b", "a"], None)], vec![]);
        assert!(compare(&base, &head).phases.changed.is_empty());
    }

    #[test]
    fn totals_strategy_and_score_report_before_after_and_change() {
        let mut base = snapshot(vec![], vec![]);
        base.total_days = Some(120);
        base.critical_path = vec!["a".into(), "b".into()];
        base.strategy = Some("hybrid".into());
        base.readiness = Some((60, 100));
        let mut head = base.clone();
        head.total_days = Some(99);
        head.critical_path = vec!["a".into(), "c".into()];
        head.strategy = Some("cloud".into());
        head.readiness = Some((75, 100));
        let diff = compare(&base, &head);
        assert_eq!(diff.total_days.change, Some(-21));
        assert!(diff.critical_path.changed);
        assert!(diff.strategy.changed);
        assert_eq!(diff.readiness.change, Some(15));
        assert!(!diff.is_empty());
    }

    #[test]
    fn findings_match_without_lines_and_count_repeats() {
        let base = snapshot(
            vec![],
            vec![
                finding("missing-rollback", "the phase `A` has no rollback plan"),
                finding("missing-rollback", "the phase `B` has no rollback plan"),
                finding("dup", "same"),
            ],
        );
        let head = snapshot(
            vec![],
            vec![
                finding("missing-rollback", "the phase `B` has no rollback plan"),
                finding("dup", "same"),
                finding("dup", "same"),
                finding("missing-infrastructure", "the phase `C`"),
            ],
        );
        let diff = compare(&base, &head);
        let messages = |findings: &[Finding]| {
            findings
                .iter()
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&diff.findings.new), ["same", "the phase `C`"]);
        assert_eq!(
            messages(&diff.findings.fixed),
            ["the phase `A` has no rollback plan"]
        );
    }

    #[test]
    fn findings_in_other_files_are_distinct() {
        let mut included = finding("r", "m");
        included.file = Some("phases/a.yaml".into());
        let base = snapshot(vec![], vec![finding("r", "m")]);
        let head = snapshot(vec![], vec![included]);
        let diff = compare(&base, &head);
        assert_eq!((diff.findings.new.len(), diff.findings.fixed.len()), (1, 1));
    }
}
