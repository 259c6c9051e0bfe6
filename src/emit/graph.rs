//! The dependency graph as Graphviz DOT or a Mermaid flowchart. Arrows go
//! from a phase to the phases that depend on it; critical phases and the
//! edges of the critical path are highlighted.

use super::roadmap::mermaid_label;
use crate::check::CheckedPlan;
use petgraph::visit::EdgeRef;

/// Whether an edge `dependency → dependent` lies on a critical path: both
/// critical and the dependent starts the day the dependency finishes.
fn critical_edge(plan: &CheckedPlan, dependency: usize, dependent: usize) -> bool {
    plan.analysis.schedule.as_ref().is_some_and(|schedule| {
        let (from, to) = (&schedule.phases[dependency], &schedule.phases[dependent]);
        from.critical && to.critical && to.start_day == from.finish_day
    })
}

fn critical_node(plan: &CheckedPlan, index: usize) -> bool {
    plan.analysis
        .schedule
        .as_ref()
        .is_some_and(|schedule| schedule.phases[index].critical)
}

/// Edges in a stable order: by dependent, then by `depends_on` entry.
fn edges(plan: &CheckedPlan) -> Vec<(usize, usize)> {
    let graph = &plan.analysis.graph;
    let mut edges: Vec<(usize, usize, usize)> = graph
        .edge_references()
        .map(|edge| (edge.target().index(), *edge.weight(), edge.source().index()))
        .collect();
    edges.sort_unstable();
    edges
        .into_iter()
        .map(|(dependent, _, dependency)| (dependency, dependent))
        .collect()
}

fn label(plan: &CheckedPlan, index: usize) -> String {
    let phase = &plan.resolved.plan.phases[index];
    format!("{}\n{}", phase.display_name(), phase.duration.trim())
}

pub fn dot(plan: &CheckedPlan) -> String {
    let mut out =
        String::from("digraph plan {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
    for (index, node) in plan.analysis.nodes.iter().enumerate() {
        let style = if critical_node(plan, index) {
            ", color=red, penwidth=2"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {} [label={}{style}];\n",
            dot_string(&node.id),
            dot_string(&label(plan, index))
        ));
    }
    for (dependency, dependent) in edges(plan) {
        let style = if critical_edge(plan, dependency, dependent) {
            " [color=red, penwidth=2]"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {} -> {}{style};\n",
            dot_string(&plan.analysis.nodes[dependency].id),
            dot_string(&plan.analysis.nodes[dependent].id)
        ));
    }
    out.push_str("}\n");
    out
}

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks
/// as `\n`, other control characters dropped.
fn dot_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn mermaid(plan: &CheckedPlan) -> String {
    let mut out = String::from("flowchart LR\n");
    let mut critical = Vec::new();
    for index in 0..plan.analysis.nodes.len() {
        out.push_str(&format!(
            "  p{index}[\"{}\"]\n",
            mermaid_label(&label(plan, index))
        ));
        if critical_node(plan, index) {
            critical.push(format!("p{index}"));
        }
    }
    for (dependency, dependent) in edges(plan) {
        let arrow = if critical_edge(plan, dependency, dependent) {
            "==>"
        } else {
            "-->"
        };
        out.push_str(&format!("  p{dependency} {arrow} p{dependent}\n"));
    }
    if !critical.is_empty() {
        out.push_str("  classDef critical stroke:#d00,stroke-width:3px\n");
        out.push_str(&format!("  class {} critical\n", critical.join(",")));
    }
    out
}
