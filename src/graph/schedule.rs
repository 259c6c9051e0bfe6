//! The critical path method: a forward pass (earliest start and finish), a
//! backward pass (latest start and finish), total float, and the critical
//! path. Days count from the plan's start (day 0); a finish day is the day
//! after the last day of work, as TaskJuggler reports end dates, so a 7-day
//! phase starting on day 0 finishes on day 7. Calendar days, 7 a week.
//!
//! A dated schedule must end by 9999-12-31, the last date aiplan (jiff) can
//! represent: `check_dates` reports one that does not, at the duration that
//! pushes it past, so that no output ever shows a date it cannot write.

use super::adjacency::Adjacency;
use super::{Graph, PhaseNode};
use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use jiff::civil::Date;

/// The last date aiplan can represent.
pub const LAST_DATE: Date = Date::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseTimes {
    pub start_day: u64,
    pub finish_day: u64,
    pub latest_start_day: u64,
    pub latest_finish_day: u64,
    pub float_days: u64,
    pub critical: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The plan's `start`, when it has one.
    pub start: Option<Date>,
    pub total_days: u64,
    /// `phases[i]` is the timing of phase `i`.
    pub phases: Vec<PhaseTimes>,
    /// Phase indices along the critical path, first to last.
    pub critical_path: Vec<usize>,
}

impl Schedule {
    /// The calendar date of a day, when the plan has a start.
    pub fn date(&self, day: u64) -> Option<Date> {
        let days = i64::try_from(day).ok()?;
        self.start?
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()
    }
}

/// Schedules an acyclic graph where every phase has a duration. (Callers
/// ensure both; a cycle would leave the order empty and yield no times.)
pub fn compute(graph: &Graph, nodes: &[PhaseNode], start: Option<Date>) -> Schedule {
    let adjacency = Adjacency::of(graph);
    let order = adjacency.topological_order().unwrap_or_default();
    compute_in_order(&adjacency, nodes, &order, start)
}

/// `compute`, given the graph's rows and topological order.
pub(super) fn compute_in_order(
    adjacency: &Adjacency,
    nodes: &[PhaseNode],
    order: &[usize],
    start: Option<Date>,
) -> Schedule {
    let days = |node: usize| nodes[node].days.unwrap_or(0);
    let count = nodes.len();
    let (earliest_start, earliest_finish) = forward(adjacency, nodes, order);
    let total_days = earliest_finish.iter().copied().max().unwrap_or(0);
    let mut latest_finish = vec![total_days; count];
    let mut latest_start = vec![0u64; count];
    for &node in order.iter().rev() {
        let finish = adjacency
            .dependents(node)
            .map(|dependent| latest_start[dependent])
            .min()
            .unwrap_or(total_days);
        latest_finish[node] = finish;
        latest_start[node] = finish.saturating_sub(days(node));
    }
    let phases: Vec<PhaseTimes> = (0..count)
        .map(|index| {
            let float_days = latest_start[index].saturating_sub(earliest_start[index]);
            PhaseTimes {
                start_day: earliest_start[index],
                finish_day: earliest_finish[index],
                latest_start_day: latest_start[index],
                latest_finish_day: latest_finish[index],
                float_days,
                critical: float_days == 0,
            }
        })
        .collect();
    let critical_path = critical_path(adjacency, &phases);
    Schedule {
        start,
        total_days,
        phases,
        critical_path,
    }
}

/// The forward pass: each phase's earliest start and finish day.
fn forward(adjacency: &Adjacency, nodes: &[PhaseNode], order: &[usize]) -> (Vec<u64>, Vec<u64>) {
    let count = nodes.len();
    let mut earliest_start = vec![0u64; count];
    let mut earliest_finish = vec![0u64; count];
    for &node in order {
        let start_day = adjacency
            .dependencies(node)
            .map(|dependency| earliest_finish[dependency])
            .max()
            .unwrap_or(0);
        earliest_start[node] = start_day;
        earliest_finish[node] = start_day.saturating_add(nodes[node].days.unwrap_or(0));
    }
    (earliest_start, earliest_finish)
}

/// Reports a dated plan whose schedule ends after [`LAST_DATE`]; returns
/// whether its dates can all be written. `order` is the acyclic graph's
/// topological order. A phase whose duration cannot be read counts as zero
/// days, so the finish is a lower bound and a report is never wrong.
///
/// The diagnostic is at the duration of the phase that finishes first past
/// the last date: that phase starts within it (its dependencies finish
/// earlier), so its duration is what pushes the schedule past.
pub(super) fn check_dates(
    adjacency: &Adjacency,
    nodes: &[PhaseNode],
    order: &[usize],
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(start) = resolved
        .plan
        .start
        .as_deref()
        .and_then(|start| start.parse::<Date>().ok())
    else {
        return true;
    };
    // Days from the start to the last date; a finish day may be at most this.
    let available = start
        .until(LAST_DATE)
        .ok()
        .and_then(|span| u64::try_from(span.get_days()).ok())
        .unwrap_or(0);
    let (earliest_start, earliest_finish) = forward(adjacency, nodes, order);
    let Some(late) = (0..nodes.len())
        .filter(|&index| earliest_finish[index] > available)
        .min_by_key(|&index| (earliest_finish[index], index))
    else {
        return true;
    };
    let total_days = earliest_finish.iter().copied().max().unwrap_or(0);
    let (Some(source), Some(node)) = (resolved.phase_sources.get(late), nodes.get(late)) else {
        return false;
    };
    let start_file = resolved
        .section_file("start")
        .or(resolved.top_plan_file)
        .unwrap_or(source.file);
    let latest_start = i64::try_from(total_days)
        .ok()
        .and_then(|days| jiff::Span::new().try_days(days).ok())
        .and_then(|span| LAST_DATE.checked_sub(span).ok());
    let help = match latest_start {
        Some(date) => format!(
            "the schedule takes {total_days} days, so it can start on {date} at the latest; \
             move `start` earlier or shorten the phases"
        ),
        None => format!(
            "the schedule takes {total_days} days, more than any start date allows; shorten \
             the phases"
        ),
    };
    diagnostics.push(
        Diagnostic::new(
            &diag::DATE_OUT_OF_RANGE,
            format!(
                "the schedule ends after {LAST_DATE}, the last date aiplan can represent: `{}` \
                 runs from day {} to day {} of a schedule that starts on {start}, which has \
                 {available} days left",
                node.id, earliest_start[late], earliest_finish[late]
            ),
            locator.in_phase(source, &["duration"], "this duration ends past 9999-12-31"),
        )
        .with_secondary(Label::new(
            start_file,
            locator.span(start_file, "", &["start"], false),
            "the schedule starts here",
        ))
        .with_help(help),
    );
    false
}

/// Follows critical phases from the first one that starts on day 0, each
/// time to the critical dependent that starts when it finishes; ties go to
/// the phase written first, so the path is stable.
fn critical_path(adjacency: &Adjacency, phases: &[PhaseTimes]) -> Vec<usize> {
    let Some(mut current) = phases
        .iter()
        .position(|times| times.critical && times.start_day == 0)
    else {
        return Vec::new();
    };
    let mut path = vec![current];
    loop {
        let next = adjacency
            .dependents(current)
            .filter(|&dependent| {
                phases[dependent].critical
                    && phases[dependent].start_day == phases[current].finish_day
            })
            .min();
        match next {
            Some(dependent) if path.len() <= phases.len() => {
                path.push(dependent);
                current = dependent;
            }
            _ => return path,
        }
    }
}
