//! Cycles: one diagnostic per strongly connected component, naming the
//! shortest cycle through the component's smallest id as an ordered path
//! `a → b → c → a` ("depends on"), with a label on each `depends_on` entry
//! that forms an edge of it. A long cycle is bounded: the message names its
//! first 10 and last 2 ids around `… N more …`, and only its first 20
//! edges are labelled, the help counting the rest.
//!
//! Components come from petgraph's Kosaraju algorithm, which is iterative:
//! a cycle of 100,000 phases must not overflow the stack (Tarjan's in
//! petgraph recurses).

use super::{Graph, PhaseNode};
use crate::diagnostics::{self as diag, Diagnostic};
use crate::locate::Locator;
use crate::model::build::ResolvedPlan;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::{HashMap, HashSet, VecDeque};

/// Ids at the head of a long cycle's path in the message.
const HEAD_NAMED: usize = 10;
/// Ids at its tail (the last phase, and the first one again).
const TAIL_NAMED: usize = 2;
/// Edges labelled on one cycle; the help counts the others, so a cycle of
/// 100,000 phases is a few dozen lines of output, not millions.
const MAX_LABELS: usize = 20;

/// Reports every cycle of the graph.
pub fn report(
    graph: &Graph,
    nodes: &[PhaseNode],
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for component in petgraph::algo::kosaraju_scc(graph) {
        if component.len() < 2 {
            continue;
        }
        let members: HashSet<NodeIndex> = component.iter().copied().collect();
        let Some(&smallest) = component
            .iter()
            .min_by(|a, b| nodes[a.index()].id.cmp(&nodes[b.index()].id).then(a.cmp(b)))
        else {
            continue;
        };
        let cycle = shortest_cycle(graph, smallest, &members, nodes);
        diagnostics.push(diagnostic(
            graph,
            nodes,
            resolved,
            locator,
            &cycle,
            component.len(),
        ));
    }
}

/// The shortest path from `start` back to itself following "depends on"
/// (incoming edges), staying inside the component. Ties go to the smaller id,
/// so the message is stable.
fn shortest_cycle(
    graph: &Graph,
    start: NodeIndex,
    members: &HashSet<NodeIndex>,
    nodes: &[PhaseNode],
) -> Vec<NodeIndex> {
    let mut previous: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(current) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = graph
            .neighbors_directed(current, Direction::Incoming)
            .filter(|dependency| members.contains(dependency))
            .collect();
        next.sort_by(|a, b| nodes[a.index()].id.cmp(&nodes[b.index()].id).then(a.cmp(b)));
        next.dedup();
        for dependency in next {
            if dependency == start {
                let mut path = vec![current];
                let mut at = current;
                while at != start {
                    at = previous[&at];
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(entry) = previous.entry(dependency) {
                entry.insert(current);
                queue.push_back(dependency);
            }
        }
    }
    vec![start]
}

fn diagnostic(
    graph: &Graph,
    nodes: &[PhaseNode],
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    cycle: &[NodeIndex],
    component_size: usize,
) -> Diagnostic {
    let id = |node: NodeIndex| nodes[node.index()].id.as_str();
    let mut names: Vec<&str> = cycle.iter().map(|&node| id(node)).collect();
    names.push(id(cycle[0]));
    let path = if names.len() > HEAD_NAMED + TAIL_NAMED + 1 {
        let hidden = names.len() - HEAD_NAMED - TAIL_NAMED;
        format!(
            "{} → … {hidden} more … → {}",
            names[..HEAD_NAMED].join(" → "),
            names[names.len() - TAIL_NAMED..].join(" → ")
        )
    } else {
        names.join(" → ")
    };
    // Edge i: cycle[i] depends on cycle[i + 1], written in cycle[i]'s depends_on.
    let edge_label = |position: usize| {
        let dependent = cycle[position];
        let dependency = cycle[(position + 1) % cycle.len()];
        let entry = graph
            .find_edge(dependency, dependent)
            .map_or(0, |edge| graph[edge]);
        locator.in_phase(
            &resolved.phase_sources[dependent.index()],
            &["depends_on", &entry.to_string()],
            format!("`{}` depends on `{}`", id(dependent), id(dependency)),
        )
    };
    let mut diagnostic = Diagnostic::new(
        &diag::DEPENDENCY_CYCLE,
        format!("dependency cycle: {path}"),
        edge_label(0),
    );
    for position in 1..cycle.len().min(MAX_LABELS) {
        diagnostic = diagnostic.with_secondary(edge_label(position));
    }
    let mut help = "a phase cannot start until the phases it depends on finish; remove one of \
                    these `depends_on` entries to break the cycle"
        .to_string();
    if cycle.len() > MAX_LABELS {
        help.push_str(&format!(
            " (the cycle has {} edges: the first {MAX_LABELS} are labelled, and {} more edges \
             are not)",
            cycle.len(),
            cycle.len() - MAX_LABELS
        ));
    }
    if component_size > cycle.len() {
        help.push_str(&format!(
            " ({component_size} phases depend on each other here in overlapping cycles; \
             this is the shortest)"
        ));
    }
    diagnostic.with_help(help)
}
