//! The semantic diff of two plan versions, as Markdown for a pull-request
//! comment or as JSON for tools.
//!
//! The JSON document (stable; keys in this order):
//!
//! ```text
//! { "base": Version, "head": Version,
//!   "total_days":    {"before": n|null, "after": n|null, "change": n|null},
//!   "critical_path": {"before": [id], "after": [id], "changed": bool},
//!   "strategy":      {"before": s|null, "after": s|null, "changed": bool},
//!   "readiness":     {"before": n|null, "after": n|null,
//!                     "max_before": n|null, "max_after": n|null, "change": n|null},
//!   "phases": {"added": [Phase], "removed": [Phase], "changed": [PhaseChange]},
//!   "findings": {"new": [Finding], "fixed": [Finding]} }
//! Version     = {"label", "name": s|null, "errors": n, "warnings": n}
//! Phase       = {"id", "name", "duration", "days": n|null, "depends_on": [id],
//!                "rollback_plan": s|null}
//! PhaseChange = {"id", "name",
//!                "duration": {"before", "after", "days_before", "days_after"}|null,
//!                "depends_on": {"added": [id], "removed": [id]}|null,
//!                "rollback_plan": {"before": s|null, "after": s|null}|null}
//! Finding     = {"code", "rule", "severity", "file": s|null, "message"}
//! ```
//!
//! `file` of a finding is `null` for the plan file itself and an included
//! file's path (relative to the plan file) otherwise.

use crate::diff::{Finding, PhaseFacts, PlanDiff, Snapshot};
use serde::Serialize;

#[derive(Serialize)]
struct JsonVersion<'a> {
    label: &'a str,
    name: Option<&'a str>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    base: JsonVersion<'a>,
    head: JsonVersion<'a>,
    #[serde(flatten)]
    diff: &'a PlanDiff,
}

fn version<'a>(label: &'a str, snapshot: &'a Snapshot) -> JsonVersion<'a> {
    JsonVersion {
        label,
        name: snapshot.name.as_deref(),
        errors: snapshot.errors(),
        warnings: snapshot.warnings(),
    }
}

pub fn json(labels: (&str, &str), base: &Snapshot, head: &Snapshot, diff: &PlanDiff) -> String {
    let document = JsonDiff {
        base: version(labels.0, base),
        head: version(labels.1, head),
        diff,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

/// Escapes a plan string for Markdown (table cells and list items): no
/// table break, no code span, no HTML, no emphasis, one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '|' => out.push_str("\\|"),
            '`' => out.push_str("\\`"),
            '*' => out.push_str("\\*"),
            '_' => out.push_str("\\_"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

fn days(days: Option<u64>) -> String {
    days.map_or_else(|| "no schedule".to_string(), |days| format!("{days} days"))
}

fn signed(change: i64) -> String {
    if change > 0 {
        format!("+{change}")
    } else if change < 0 {
        format!("−{}", change.unsigned_abs())
    } else {
        "±0".to_string()
    }
}

fn path(ids: &[String]) -> String {
    if ids.is_empty() {
        "—".to_string()
    } else {
        ids.iter()
            .map(|id| escape(id))
            .collect::<Vec<_>>()
            .join(" → ")
    }
}

fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "—".to_string(), escape)
}

/// A strategy id: one of a fixed set of identifiers, written as code.
fn strategy(id: Option<&str>) -> String {
    id.map_or_else(
        || "—".to_string(),
        |id| format!("`{}`", id.replace('`', "")),
    )
}

fn score(score: Option<u32>, max: Option<u32>) -> String {
    match (score, max) {
        (Some(score), Some(max)) => format!("{score}/{max}"),
        _ => "not assessed".to_string(),
    }
}

fn phase_label(id: &str, name: &str) -> String {
    if id == name || name.is_empty() {
        escape(id)
    } else {
        format!("{} ({})", escape(id), escape(name))
    }
}

fn phase_facts(phase: &PhaseFacts) -> String {
    let mut parts = vec![format!(
        "{}{}",
        escape(&phase.duration),
        phase
            .days
            .map_or_else(String::new, |days| format!(" ({days} days)"))
    )];
    if !phase.depends_on.is_empty() {
        parts.push(format!(
            "after {}",
            phase
                .depends_on
                .iter()
                .map(|id| escape(id))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    parts.push(match &phase.rollback_plan {
        Some(plan) => format!("rollback: {}", escape(plan)),
        None => "no rollback plan".to_string(),
    });
    parts.join("; ")
}

fn finding_line(finding: &Finding) -> String {
    format!(
        "- **{}** {} `{}`: {}{}\n",
        finding.severity,
        finding.code,
        finding.rule,
        escape(&finding.message),
        finding
            .file
            .as_deref()
            .map_or_else(String::new, |file| format!(" (in {})", escape(file)))
    )
}

pub fn markdown(labels: (&str, &str), base: &Snapshot, head: &Snapshot, diff: &PlanDiff) -> String {
    let mut out = String::new();
    let name = head
        .name
        .as_deref()
        .or(base.name.as_deref())
        .unwrap_or("plan");
    out.push_str(&format!("### aiplan diff: {}\n\n", escape(name)));
    out.push_str(&format!(
        "Comparing {} → {}.\n\n",
        escape(labels.0),
        escape(labels.1)
    ));
    let total = match diff.total_days.change {
        Some(change) => format!(
            "{} → {} ({} days)",
            days(diff.total_days.before),
            days(diff.total_days.after),
            signed(change)
        ),
        None => format!(
            "{} → {}",
            days(diff.total_days.before),
            days(diff.total_days.after)
        ),
    };
    let phases = &diff.phases;
    out.push_str(&format!(
        "**Duration:** {total} · **Phases:** {} added, {} removed, {} changed · **Findings:** {} new, {} fixed\n\n",
        phases.added.len(),
        phases.removed.len(),
        phases.changed.len(),
        diff.findings.new.len(),
        diff.findings.fixed.len()
    ));
    if diff.is_empty() {
        out.push_str("No semantic change to the plan.\n");
        return out;
    }
    out.push_str("| | Before | After |\n|---|---|---|\n");
    out.push_str(&format!(
        "| Total duration | {} | {}{} |\n",
        days(diff.total_days.before),
        days(diff.total_days.after),
        diff.total_days
            .change
            .map_or_else(String::new, |change| format!(" ({})", signed(change)))
    ));
    out.push_str(&format!(
        "| Critical path{} | {} | {} |\n",
        if diff.critical_path.changed {
            " (changed)"
        } else {
            ""
        },
        path(&diff.critical_path.before),
        path(&diff.critical_path.after)
    ));
    out.push_str(&format!(
        "| Strategy{} | {} | {} |\n",
        if diff.strategy.changed {
            " (changed)"
        } else {
            ""
        },
        strategy(diff.strategy.before.as_deref()),
        strategy(diff.strategy.after.as_deref())
    ));
    out.push_str(&format!(
        "| Readiness score | {} | {}{} |\n\n",
        score(diff.readiness.before, diff.readiness.max_before),
        score(diff.readiness.after, diff.readiness.max_after),
        diff.readiness
            .change
            .map_or_else(String::new, |change| format!(" ({})", signed(change)))
    ));
    if !phases.added.is_empty() || !phases.removed.is_empty() || !phases.changed.is_empty() {
        out.push_str("#### Phases\n\n| Phase | Change | Details |\n|---|---|---|\n");
        for phase in &phases.added {
            out.push_str(&format!(
                "| {} | added | {} |\n",
                phase_label(&phase.id, &phase.name),
                phase_facts(phase)
            ));
        }
        for phase in &phases.removed {
            out.push_str(&format!(
                "| {} | removed | was {} |\n",
                phase_label(&phase.id, &phase.name),
                phase_facts(phase)
            ));
        }
        for change in &phases.changed {
            let mut details = Vec::new();
            if let Some(duration) = &change.duration {
                let delta = match (duration.days_before, duration.days_after) {
                    (Some(before), Some(after)) => format!(
                        " ({before} → {after} days, {})",
                        signed(
                            i64::try_from(after).unwrap_or(i64::MAX)
                                - i64::try_from(before).unwrap_or(i64::MAX)
                        )
                    ),
                    _ => String::new(),
                };
                details.push(format!(
                    "duration {} → {}{delta}",
                    escape(&duration.before),
                    escape(&duration.after)
                ));
            }
            if let Some(depends_on) = &change.depends_on {
                let mut parts = Vec::new();
                if !depends_on.added.is_empty() {
                    parts.push(format!(
                        "+{}",
                        depends_on
                            .added
                            .iter()
                            .map(|id| escape(id))
                            .collect::<Vec<_>>()
                            .join(", +")
                    ));
                }
                if !depends_on.removed.is_empty() {
                    parts.push(format!(
                        "−{}",
                        depends_on
                            .removed
                            .iter()
                            .map(|id| escape(id))
                            .collect::<Vec<_>>()
                            .join(", −")
                    ));
                }
                details.push(format!("depends_on {}", parts.join(" ")));
            }
            if let Some(rollback) = &change.rollback_plan {
                details.push(match (&rollback.before, &rollback.after) {
                    (None, Some(after)) => format!("rollback plan added: {}", escape(after)),
                    (Some(_), None) => "rollback plan removed".to_string(),
                    (_, after) => format!("rollback plan now: {}", optional(after.as_deref())),
                });
            }
            out.push_str(&format!(
                "| {} | changed | {} |\n",
                phase_label(&change.id, &change.name),
                details.join("; ")
            ));
        }
        out.push('\n');
    }
    if !diff.findings.new.is_empty() {
        out.push_str(&format!(
            "#### New findings ({})\n\n",
            diff.findings.new.len()
        ));
        diff.findings
            .new
            .iter()
            .for_each(|f| out.push_str(&finding_line(f)));
        out.push('\n');
    }
    if !diff.findings.fixed.is_empty() {
        out.push_str(&format!(
            "#### Fixed findings ({})\n\n",
            diff.findings.fixed.len()
        ));
        diff.findings
            .fixed
            .iter()
            .for_each(|f| out.push_str(&finding_line(f)));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_neutralises_table_and_html_syntax() {
        assert_eq!(escape("a|b `c` <x>"), "a\\|b \\`c\\` &lt;x&gt;");
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
