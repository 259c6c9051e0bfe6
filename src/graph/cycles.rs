//! Cycles: one diagnostic per strongly connected component, naming the
//! shortest cycle through the component's smallest id as an ordered path
//! `a → b → c → a` ("depends on"), with a label on each `depends_on` entry
//! that forms an edge of it.
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

/// Phases named in a cycle's message before it is shortened.
const MAX_NAMED: usize = 24;
/// Labels drawn on one cycle.
const MAX_LABELS: usize = 48;

/// Reports every cycle; returns whether the graph can be scheduled: it is
/// acyclic and, when the plan has a `start`, its dates end by 9999-12-31
/// (`schedule::check_dates`, which needs an acyclic graph; it is called
/// here because `analyze` schedules the plan when this returns true).
pub fn report(
    graph: &Graph,
    nodes: &[PhaseNode],
    resolved: &ResolvedPlan,
    locator: &Locator<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let mut acyclic = true;
    for component in petgraph::algo::kosaraju_scc(graph) {
        if component.len() < 2 {
            continue;
        }
        acyclic = false;
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
    acyclic && super::schedule::check_dates(graph, nodes, resolved, locator, diagnostics)
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
    let path = if names.len() > MAX_NAMED {
        let hidden = names.len() - MAX_NAMED;
        format!(
            "{} → … {hidden} more … → {}",
            names[..MAX_NAMED / 2].join(" → "),
            names[names.len() - MAX_NAMED / 2..].join(" → ")
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
    if component_size > cycle.len() {
        help.push_str(&format!(
            " ({component_size} phases depend on each other here in overlapping cycles; \
             this is the shortest)"
        ));
    }
    diagnostic.with_help(help)
}
