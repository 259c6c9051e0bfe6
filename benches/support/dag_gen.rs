//! A deterministic generator of large acyclic plans for the schedule
//! benchmark, written both as an aiplan plan and as the equivalent
//! TaskJuggler project.
//!
//! Every phase after the first depends on one, two or three distinct
//! earlier phases (a third each), picked anywhere before it, so the graph is
//! acyclic and about two edges a phase; the longest chain grows with the
//! logarithm of the size, so even 100,000 phases span a few years, as a
//! large programme of parallel workstreams would. Durations are whole days
//! (1–30) or weeks (1–8), half each, never months or ranges: TaskJuggler
//! reads `Nd` and `Nw` as the same calendar days as aiplan, so both tools
//! must give every phase the same dates. The project carries each task's
//! id, name, duration and dependencies; the plan carries the same, and
//! the infrastructure, success criteria and rollback plan (and the
//! assessment) without which aiplan warns, as a clean plan has them. The
//! same `n` always gives the same phases.

/// The day the plans start: a Monday.
pub const START: &str = "2027-01-04";

/// A small xorshift generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORK: &[&str] = &[
    "Data migration",
    "GPU cluster rollout",
    "Feature store cutover",
    "Model serving",
    "Network upgrade",
    "Observability",
    "Governance review",
    "Edge deployment",
];

const INFRASTRUCTURE: &[&str] = &[
    "Kubernetes with GPU operators",
    "Delta Lake on S3",
    "Hybrid DGX cluster",
    "Kafka on Kubernetes",
];

const CRITERIA: &[&str] = &[
    "First model in production",
    "Zero legacy dependencies",
    "p99 latency under 50 ms",
];

const ROLLBACKS: &[&str] = &["DNS switch back to legacy", "Traffic split old/new"];

#[derive(Debug, Clone)]
pub struct Phase {
    /// Calendar days.
    pub days: u64,
    /// Written as whole weeks (`days` is then a multiple of 7).
    pub in_weeks: bool,
    /// Indices of earlier phases, ascending and distinct.
    pub depends_on: Vec<usize>,
}

/// The phases of a plan of `phases` phases.
pub fn generate(phases: usize) -> Vec<Phase> {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03 ^ phases as u64);
    (0..phases)
        .map(|index| {
            let in_weeks = rng.below(2) == 0;
            let days = if in_weeks {
                7 * (1 + rng.below(8) as u64)
            } else {
                1 + rng.below(30) as u64
            };
            let wanted = (1 + rng.below(3)).min(index);
            let mut depends_on = Vec::with_capacity(wanted);
            while depends_on.len() < wanted {
                let dependency = rng.below(index);
                if !depends_on.contains(&dependency) {
                    depends_on.push(dependency);
                }
            }
            depends_on.sort_unstable();
            Phase {
                days,
                in_weeks,
                depends_on,
            }
        })
        .collect()
}

/// The phase's id in the plan.
pub fn id(index: usize) -> String {
    format!("phase-{index:06}")
}

/// The task's id in the TaskJuggler project (ids there take no `-`).
pub fn task_id(index: usize) -> String {
    format!("phase_{index:06}")
}

fn name(index: usize) -> String {
    format!("{} {index}", WORK[index % WORK.len()])
}

/// Dependencies in all: the edges of the graph.
pub fn edges(phases: &[Phase]) -> usize {
    phases.iter().map(|phase| phase.depends_on.len()).sum()
}

/// The plan's length in days by a forward pass over the phases (which come
/// in dependency order): a check independent of aiplan's schedule.
pub fn total_days(phases: &[Phase]) -> u64 {
    let mut finish = Vec::with_capacity(phases.len());
    for phase in phases {
        let start = phase
            .depends_on
            .iter()
            .map(|&dependency| finish[dependency])
            .max()
            .unwrap_or(0);
        finish.push(start + phase.days);
    }
    finish.into_iter().max().unwrap_or(0)
}

/// The plan's YAML text; it starts on `START`. Durations alternate between
/// the long and short forms (`3 weeks`, `3w`, `1 week`, `10 days`, `10d`).
pub fn plan_yaml(phases: &[Phase]) -> String {
    let mut out = String::with_capacity(phases.len() * 200 + 256);
    out.push_str(&format!(
        "aiplan: 1\n\
         name: Generated schedule of {} phases\n\
         start: {START}\n\
         assessment:\n  \
           current_state: Nightly SQL batches into an on-premises data warehouse\n  \
           target_state: A governed lakehouse fed in real time, with GPU compute\n\
         phases:\n",
        phases.len()
    ));
    for (index, phase) in phases.iter().enumerate() {
        out.push_str(&format!("  - id: {}\n", id(index)));
        out.push_str(&format!("    name: {}\n", name(index)));
        let long = index % 2 == 0;
        let duration = match (phase.in_weeks, long) {
            (true, true) if phase.days == 7 => "1 week".to_string(),
            (true, true) => format!("{} weeks", phase.days / 7),
            (true, false) => format!("{}w", phase.days / 7),
            (false, true) => format!("{} days", phase.days),
            (false, false) => format!("{}d", phase.days),
        };
        out.push_str(&format!("    duration: {duration}\n"));
        if !phase.depends_on.is_empty() {
            let names: Vec<String> = phase.depends_on.iter().map(|&d| id(d)).collect();
            out.push_str(&format!("    depends_on: [{}]\n", names.join(", ")));
        }
        let pick = |items: &[&'static str]| items[index % items.len()];
        out.push_str(&format!(
            "    infrastructure: {}\n    success_criteria: {}\n    rollback_plan: {}\n",
            pick(INFRASTRUCTURE),
            pick(CRITERIA),
            pick(ROLLBACKS)
        ));
    }
    out
}

/// The same tasks as a TaskJuggler project starting on `START` and ending a
/// month after the last task, with a CSV report `report.csv` of every task's
/// id, start and end date.
pub fn taskjuggler(phases: &[Phase]) -> String {
    let mut out = String::with_capacity(phases.len() * 100 + 512);
    out.push_str(&format!(
        "project bench \"Generated schedule of {} phases\" {START} +{}d {{\n  timezone \"UTC\"\n}}\n",
        phases.len(),
        total_days(phases) + 30
    ));
    for (index, phase) in phases.iter().enumerate() {
        out.push_str(&format!("task {} \"{}\" {{\n", task_id(index), name(index)));
        if !phase.depends_on.is_empty() {
            let names: Vec<String> = phase.depends_on.iter().map(|&d| task_id(d)).collect();
            out.push_str(&format!("  depends {}\n", names.join(", ")));
        }
        if phase.in_weeks {
            out.push_str(&format!("  duration {}w\n", phase.days / 7));
        } else {
            out.push_str(&format!("  duration {}d\n", phase.days));
        }
        out.push_str("}\n");
    }
    out.push_str(
        "taskreport report \"report\" {\n  formats csv\n  columns id, start, end\n  timeformat \"%Y-%m-%d\"\n  hidetask 0\n}\n",
    );
    out
}
