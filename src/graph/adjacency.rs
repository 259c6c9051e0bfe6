//! The dependency graph as flat arrays (compressed sparse rows), for the
//! passes that walk every edge: the topological order and the schedule's
//! forward and backward passes. petgraph keeps each node's edges as a
//! linked list threaded through one edge array, which those passes chased
//! across memory (a fifth of the graph stage on 100,000 phases); here a
//! phase's dependencies, and its dependents, lie side by side. petgraph's
//! `Graph` stays the graph that the rest of aiplan reads.

use super::Graph;
use petgraph::visit::EdgeRef;

pub struct Adjacency {
    /// `dependencies[dependency_starts[i]..dependency_starts[i + 1]]` are
    /// the phases phase `i` depends on.
    dependency_starts: Vec<u32>,
    dependencies: Vec<u32>,
    /// Likewise, the phases that depend on phase `i`.
    dependent_starts: Vec<u32>,
    dependents: Vec<u32>,
}

impl Adjacency {
    /// The rows of `graph`, whose edges run from a dependency to its
    /// dependent.
    pub fn of(graph: &Graph) -> Adjacency {
        let count = graph.node_count();
        let edges = || {
            graph
                .edge_references()
                .map(|edge| (edge.source().index(), edge.target().index()))
        };
        let (dependent_starts, dependents) = rows(count, edges());
        let (dependency_starts, dependencies) = rows(
            count,
            edges().map(|(dependency, dependent)| (dependent, dependency)),
        );
        Adjacency {
            dependency_starts,
            dependencies,
            dependent_starts,
            dependents,
        }
    }

    /// The phases `phase` depends on.
    pub fn dependencies(&self, phase: usize) -> impl Iterator<Item = usize> + '_ {
        row(&self.dependency_starts, &self.dependencies, phase)
    }

    /// The phases that depend on `phase`.
    pub fn dependents(&self, phase: usize) -> impl Iterator<Item = usize> + '_ {
        row(&self.dependent_starts, &self.dependents, phase)
    }

    /// Every phase after all its dependencies (Kahn's algorithm: the
    /// phases that wait for nothing first, in the order written), or `None`
    /// when the graph has a cycle.
    pub fn topological_order(&self) -> Option<Vec<usize>> {
        let count = self.dependency_starts.len().saturating_sub(1);
        let mut waiting_for: Vec<u32> = self
            .dependency_starts
            .windows(2)
            .map(|bounds| bounds[1] - bounds[0])
            .collect();
        let mut order = Vec::with_capacity(count);
        order.extend((0..count).filter(|&phase| waiting_for[phase] == 0));
        let mut next = 0;
        while let Some(&phase) = order.get(next) {
            next += 1;
            for dependent in self.dependents(phase) {
                waiting_for[dependent] -= 1;
                if waiting_for[dependent] == 0 {
                    order.push(dependent);
                }
            }
        }
        (order.len() == count).then_some(order)
    }
}

/// The rows of `count` nodes from `(from, to)` pairs: where each node's row
/// starts (and, last, the total), and the `to`s, grouped by `from`.
fn rows(count: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; count + 1];
    for (from, _) in pairs.clone() {
        starts[from + 1] += 1;
    }
    for index in 0..count {
        starts[index + 1] += starts[index];
    }
    let mut filled = starts.clone();
    let mut items = vec![0u32; starts[count] as usize];
    for (from, to) in pairs {
        items[filled[from] as usize] = to as u32;
        filled[from] += 1;
    }
    (starts, items)
}

fn row<'a>(starts: &[u32], items: &'a [u32], phase: usize) -> impl Iterator<Item = usize> + 'a {
    let range = starts[phase] as usize..starts[phase + 1] as usize;
    items[range].iter().map(|&item| item as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::NodeIndex;

    /// A graph of `count` phases with edges from dependency to dependent.
    fn graph(count: usize, edges: &[(usize, usize)]) -> Graph {
        let mut graph = Graph::with_capacity(count, edges.len());
        for _ in 0..count {
            graph.add_node(());
        }
        for (entry, &(dependency, dependent)) in edges.iter().enumerate() {
            graph.add_edge(NodeIndex::new(dependency), NodeIndex::new(dependent), entry);
        }
        graph
    }

    #[test]
    fn rows_hold_each_phases_dependencies_and_dependents() {
        let adjacency = Adjacency::of(&graph(4, &[(0, 2), (1, 2), (2, 3), (0, 3)]));
        let sorted = |row: Vec<usize>| {
            let mut row = row;
            row.sort();
            row
        };
        assert_eq!(sorted(adjacency.dependencies(2).collect()), [0, 1]);
        assert_eq!(sorted(adjacency.dependencies(3).collect()), [0, 2]);
        assert_eq!(adjacency.dependencies(0).count(), 0);
        assert_eq!(sorted(adjacency.dependents(0).collect()), [2, 3]);
        assert_eq!(adjacency.dependents(3).count(), 0);
    }

    #[test]
    fn the_order_puts_every_phase_after_its_dependencies() {
        // Written in an order that is not topological.
        let edges = [(3, 0), (2, 3), (4, 2), (4, 1), (1, 0)];
        let order = Adjacency::of(&graph(5, &edges))
            .topological_order()
            .expect("acyclic");
        let position = |phase: usize| order.iter().position(|&p| p == phase).unwrap();
        assert_eq!(order.len(), 5);
        for (dependency, dependent) in edges {
            assert!(position(dependency) < position(dependent), "{order:?}");
        }
        // Deterministic: phases waiting for nothing first, as written.
        assert_eq!(order, [4, 2, 1, 3, 0]);
    }

    #[test]
    fn a_cycle_has_no_order() {
        let cyclic = graph(4, &[(0, 1), (1, 2), (2, 1), (2, 3)]);
        assert_eq!(Adjacency::of(&cyclic).topological_order(), None);
        assert_eq!(
            Adjacency::of(&graph(0, &[])).topological_order(),
            Some(vec![])
        );
    }
}
