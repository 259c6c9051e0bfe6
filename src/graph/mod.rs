//! The graph stage: phases → a dependency graph (petgraph), with every
//! problem located at the `depends_on` entry or phase that causes it, then
//! the schedule when the graph allows one.
//!
//! Takes a `ResolvedPlan` and a `Locator` for spans; returns an `Analysis`
//! and diagnostics: unknown, duplicate and self dependencies, duplicate ids,
//! cycles and unreadable durations.

mod adjacency;
mod cycles;
pub mod schedule;

use crate::FastMap;
use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use crate::model::duration::{ACCEPTED_FORMS, parse_duration};
use crate::schema::{closest, kebab_case};
use adjacency::Adjacency;
use petgraph::graph::{DiGraph, NodeIndex};
use schedule::Schedule;

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
    let mut sound = complete;
    let mut nodes = Vec::with_capacity(phases.len());
    for (index, phase) in phases.iter().enumerate() {
        let id = phase
            .id
            .clone()
            .unwrap_or_else(|| kebab_case(phase.display_name()));
        let days = duration_days(phase, index, resolved, locator, diagnostics);
        sound &= days.is_some();
        nodes.push(PhaseNode {
            id,
            name: phase.display_name().to_string(),
            days,
        });
    }
    // Ids borrowed from the nodes: hashed once per phase and per
    // dependency, with foldhash rather than SipHash.
    let mut index_of: FastMap<&str, usize> = FastMap::default();
    index_of.reserve(phases.len());
    for (index, (phase, node)) in phases.iter().zip(&nodes).enumerate() {
        let id = node.id.as_str();
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
            index_of.insert(id, index);
        }
    }
    // Phase names, for "that is the name of phase X": built at the first
    // unknown dependency, so thousands of them stay linear.
    let mut index_of_name: Option<FastMap<&str, usize>> = None;

    // "Did you mean" compares an unknown name with every id; thousands of
    // unknown names in a huge plan would make that quadratic, so the
    // comparisons are budgeted and the rest get the general help.
    let mut suggestion_budget: usize = 4_000_000;
    let mut graph = Graph::with_capacity(phases.len(), phases.len());
    for _ in phases {
        graph.add_node(());
    }
    for (index, phase) in phases.iter().enumerate() {
        let first_entries = FirstEntries::of(&phase.depends_on);
        for (entry, dependency) in phase.depends_on.iter().enumerate() {
            let at = |message: &str| {
                locator.in_phase(
                    &sources[index],
                    &["depends_on", &entry.to_string()],
                    message,
                )
            };
            if let Some(earlier) = first_entries.earlier(&phase.depends_on, entry) {
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
                            closest(dependency, index_of.keys().copied())
                        } else {
                            None
                        };
                        // A phase's display name written where its id belongs.
                        let named = index_of_name
                            .get_or_insert_with(|| names_to_indices(phases))
                            .get(dependency.as_str())
                            .copied();
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

    // One topological sort both proves the graph acyclic and orders the
    // schedule; strongly connected components (dearer) are computed only
    // to report the cycles of a graph that has some.
    let adjacency = Adjacency::of(&graph);
    let order = adjacency.topological_order();
    if order.is_none() {
        cycles::report(&graph, &nodes, resolved, locator, diagnostics);
    }
    // Dates are checked on a graph that can be scheduled: every duration
    // read, every dependency known, no cycle.
    let schedule = order
        .filter(|order| {
            sound
                && schedule::check_dates(&adjacency, &nodes, order, resolved, locator, diagnostics)
        })
        .map(|order| {
            let start = resolved
                .plan
                .start
                .as_deref()
                .and_then(|start| start.parse().ok());
            schedule::compute_in_order(&adjacency, &nodes, &order, start)
        });
    Analysis {
        nodes,
        graph,
        schedule,
    }
}

/// Where each dependency of a list is first named, to report repeats.
/// Lists are short, where a scan beats hashing; a long (hostile) list gets
/// a map, so it stays linear.
enum FirstEntries<'a> {
    Scan,
    Map(FastMap<&'a str, usize>),
}

impl<'a> FirstEntries<'a> {
    const MAP_FROM: usize = 16;

    fn of(list: &'a [String]) -> FirstEntries<'a> {
        if list.len() < Self::MAP_FROM {
            return FirstEntries::Scan;
        }
        let mut first = FastMap::default();
        for (entry, name) in list.iter().enumerate() {
            first.entry(name.as_str()).or_insert(entry);
        }
        FirstEntries::Map(first)
    }

    /// The entry before `entry` that names the same phase, if any.
    fn earlier(&self, list: &[String], entry: usize) -> Option<usize> {
        match self {
            FirstEntries::Scan => list[..entry].iter().position(|name| *name == list[entry]),
            FirstEntries::Map(first) => first
                .get(list[entry].as_str())
                .copied()
                .filter(|&first| first < entry),
        }
    }
}

/// Each written phase name and the first phase that has it.
fn names_to_indices(phases: &[crate::model::Phase]) -> FastMap<&str, usize> {
    let mut names = FastMap::default();
    for (index, phase) in phases.iter().enumerate() {
        if let Some(name) = phase.name.as_deref() {
            names.entry(name).or_insert(index);
        }
    }
    names
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
