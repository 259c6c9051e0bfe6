//! The graph stage: phases → a dependency graph (petgraph), with every
//! problem located at the `depends_on` entry or phase that causes it, then
//! the schedule when the graph allows one.
//!
//! Takes a `ResolvedPlan` and a `Locator` for spans; returns an `Analysis`
//! and diagnostics: unknown, duplicate and self dependencies, duplicate ids,
//! cycles and unreadable durations.

mod cycles;
pub mod schedule;

use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::model::duration::{ACCEPTED_FORMS, parse_duration};
use crate::schema::{closest, kebab_case};
use petgraph::graph::{DiGraph, NodeIndex};
use schedule::Schedule;
use std::collections::HashMap;

/// A phase as the graph sees it; `PlanGraph::nodes[i]` is `plan.phases[i]`.
#[derive(Debug, Clone)]
pub struct PhaseNode {
    pub id: String,
    pub name: String,
    /// The days the schedule gives it; `None` when its duration is unreadable.
    pub days: Option<u64>,
}

/// An edge `dependency → dependent`, weighted with the index of the
/// `depends_on` entry of the dependent that wrote it.
pub type Graph = DiGraph<(), usize>;

#[derive(Debug, Clone)]
pub struct Analysis {
    pub nodes: Vec<PhaseNode>,
    pub graph: Graph,
    /// Present when the graph is acyclic and every duration was read.
    pub schedule: Option<Schedule>,
}

/// Builds and checks the graph. With `complete == false` (a file of the plan
/// failed to load) an unknown dependency may live in that file, so none is
/// reported and no schedule is computed.
pub fn analyze(
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    complete: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Analysis {
    let phases = &resolved.plan.phases;
    let sources = &resolved.phase_sources;
    let mut nodes = Vec::with_capacity(phases.len());
    let mut index_of: HashMap<String, usize> = HashMap::with_capacity(phases.len());
    let mut sound = complete;
    for (index, phase) in phases.iter().enumerate() {
        let id = phase
            .id
            .clone()
            .unwrap_or_else(|| kebab_case(phase.display_name()));
        if id.is_empty() {
            sound = false;
            diagnostics.push(
                Diagnostic::new(
                    &diag::UNDERIVABLE_ID,
                    format!(
                        "no id can be derived from the phase name `{}`",
                        phase.display_name()
                    ),
                    locator.phase_head(&sources[index], "needs an `id:`"),
                )
                .with_help("give the phase an `id:` in kebab-case, such as `data-foundation`"),
            );
        } else if let Some(&first) = index_of.get(&id) {
            diagnostics.push(
                Diagnostic::new(
                    &diag::DUPLICATE_PHASE_ID,
                    format!("two phases have the id `{id}`"),
                    locator.phase_head(&sources[index], "this phase"),
                )
                .with_secondary(locator.phase_head(&sources[first], "has the same id as this one"))
                .with_help(if phase.id.is_none() {
                    "the id is derived from the name; give one of them an explicit `id:`"
                } else {
                    "phase ids must be unique; rename one of them"
                }),
            );
        } else {
            index_of.insert(id.clone(), index);
        }
        let days = duration_days(phase, index, resolved, locator, diagnostics);
        sound &= days.is_some();
        nodes.push(PhaseNode {
            id,
            name: phase.display_name().to_string(),
            days,
        });
    }

    // "Did you mean" compares an unknown name with every id; thousands of
    // unknown names in a huge plan would make that quadratic, so the
    // comparisons are budgeted and the rest get the general help.
    let mut suggestion_budget: usize = 4_000_000;
    let mut graph = Graph::with_capacity(phases.len(), phases.len());
    for _ in phases {
        graph.add_node(());
    }
    for (index, phase) in phases.iter().enumerate() {
        let mut named = HashMap::new();
        for (entry, dependency) in phase.depends_on.iter().enumerate() {
            let at = |message: &str| {
                locator.in_phase(
                    &sources[index],
                    &["depends_on", &entry.to_string()],
                    message,
                )
            };
            if let Some(earlier) = named.insert(dependency.as_str(), entry) {
                diagnostics.push(
                    Diagnostic::new(
                        &diag::DUPLICATE_DEPENDENCY,
                        format!("`{}` depends on `{dependency}` twice", nodes[index].id),
                        at("named again here"),
                    )
                    .with_secondary(locator.in_phase(
                        &sources[index],
                        &["depends_on", &earlier.to_string()],
                        "first named here",
                    ))
                    .with_help("remove the repeated entry"),
                );
                continue;
            }
            match index_of.get(dependency.as_str()) {
                Some(&target) if target == index => {
                    sound = false;
                    diagnostics.push(
                        Diagnostic::new(
                            &diag::SELF_DEPENDENCY,
                            format!("the phase `{dependency}` depends on itself"),
                            at("the phase's own id"),
                        )
                        .with_help("remove this entry; a phase cannot wait for its own end"),
                    );
                }
                Some(&target) => {
                    graph.add_edge(NodeIndex::new(target), NodeIndex::new(index), entry);
                }
                None => {
                    if complete {
                        let mut diagnostic = Diagnostic::new(
                            &diag::UNKNOWN_DEPENDENCY,
                            format!(
                                "`{}` depends on `{dependency}`, which is not a phase of this plan",
                                nodes[index].id
                            ),
                            at("unknown phase"),
                        );
                        let suggestion = if suggestion_budget >= index_of.len() {
                            suggestion_budget -= index_of.len();
                            closest(dependency, index_of.keys().map(String::as_str))
                        } else {
                            None
                        };
                        // A phase's display name written where its id belongs.
                        let named = phases
                            .iter()
                            .position(|phase| phase.name.as_deref() == Some(dependency.as_str()));
                        diagnostic.help = Some(match (named, suggestion) {
                            (Some(named), _) => format!(
                                "`{dependency}` is the name of the phase `{}`; depends_on takes ids",
                                nodes[named].id
                            ),
                            (None, Some(close)) => format!("did you mean `{close}`?"),
                            (None, None) => {
                                "depends_on names phase ids; a phase without `id:` has \
                                         its name in kebab-case as its id"
                                    .to_string()
                            }
                        });
                        diagnostics.push(diagnostic);
                    }
                    sound = false;
                }
            }
        }
    }

    let acyclic = cycles::report(&graph, &nodes, resolved, locator, diagnostics);
    let schedule = (sound && acyclic).then(|| {
        let start = resolved
            .plan
            .start
            .as_deref()
            .and_then(|start| start.parse().ok());
        schedule::compute(&graph, &nodes, start)
    });
    Analysis {
        nodes,
        graph,
        schedule,
    }
}

/// Reads a phase's duration, reporting what is wrong with it.
fn duration_days(
    phase: &crate::model::Phase,
    index: usize,
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<u64> {
    let source = &resolved.phase_sources[index];
    let label = |message: &str| locator.in_phase(source, &["duration"], message);
    match parse_duration(&phase.duration) {
        Ok(duration) if duration.scheduled_days() == 0 && phase.milestone != Some(true) => {
            diagnostics.push(
                Diagnostic::new(
                    &diag::INVALID_DURATION,
                    format!(
                        "the phase `{}` lasts zero days but is not a milestone",
                        phase.display_name()
                    ),
                    label("zero duration"),
                )
                .with_help(
                    "mark a point in time with `milestone: true`, or give the phase a duration",
                ),
            );
            None
        }
        Ok(duration) => Some(duration.scheduled_days()),
        Err(error) => {
            diagnostics.push(
                Diagnostic::new(
                    &diag::INVALID_DURATION,
                    format!(
                        "cannot read the duration `{}`: {error}",
                        phase.duration.trim()
                    ),
                    label("unreadable duration"),
                )
                .with_help(ACCEPTED_FORMS),
            );
            None
        }
    }
}
