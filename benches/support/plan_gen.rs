//! A deterministic generator of realistic migration plans with `n` phases,
//! about 290 bytes of YAML per phase (100,000 phases ≈ 29 MB).
//!
//! Every phase has an id, a name, a duration in one of the documented forms,
//! `depends_on` naming one or two earlier phases (all but the first), a scope,
//! infrastructure, success criteria (a string, or now and then a list) and a
//! rollback plan. The same `n` always gives the same bytes, and the plan
//! checks clean.

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

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const STAGES: &[&str] = &[
    "Pilot",
    "Data Layer Migration",
    "Compute Modernization",
    "Feature Store Rollout",
    "Model Serving Cutover",
    "Network Upgrade",
    "Edge Deployment",
    "Observability Buildout",
    "Governance Hardening",
    "Full Transition",
];

const DOMAINS: &[&str] = &[
    "billing",
    "claims",
    "radiology",
    "logistics",
    "payments",
    "inventory",
    "support",
    "research",
];

const SCOPES: &[&str] = &[
    "Historical data migration",
    "Non-critical AI workload",
    "GPU cluster deployment",
    "Batch ETL replacement",
    "Streaming ingestion",
    "Inference endpoints",
];

const INFRASTRUCTURE: &[&str] = &[
    "Kubernetes with GPU operators",
    "Cloud sandbox",
    "Delta Lake on S3",
    "Hybrid DGX cluster",
    "Jetson edge fleet",
    "Kafka on Kubernetes",
];

const CRITERIA: &[&str] = &[
    "Analysts on new platform",
    "First model in production",
    "Training 10x faster",
    "Zero legacy dependencies",
    "p99 latency under 50 ms",
];

const ROLLBACKS: &[&str] = &[
    "Dual-write old and new storage",
    "DNS switch back to legacy",
    "Traffic split old/new",
    "Snapshot and restore",
];

const UNITS: &[&str] = &["days", "weeks", "weeks", "weeks", "months"];

fn phase_id(index: usize) -> String {
    format!("phase-{index:06}")
}

/// The plan's YAML text.
pub fn generate(phases: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ phases as u64);
    let mut out = String::with_capacity(phases * 300 + 256);
    out.push_str("aiplan: 1\n");
    out.push_str(&format!(
        "name: Generated migration of {phases} phases\n\
         description: A synthetic plan for load and schema-check benchmarks\n\
         owner: Platform Engineering\n\
         assessment:\n  \
           current_state: Nightly SQL batches into an on-premises data warehouse\n  \
           target_state: A governed lakehouse fed in real time, with GPU compute\n\
         phases:\n"
    ));
    for index in 0..phases {
        let stage = rng.pick(STAGES);
        let domain = rng.pick(DOMAINS);
        out.push_str(&format!("  - id: {}\n", phase_id(index)));
        out.push_str(&format!("    name: {stage} {index}\n"));
        let duration = match rng.below(20) {
            0 => "6-12 months".to_string(),
            1 => format!("{}w", 2 + rng.below(10)),
            _ => {
                let unit = rng.pick(UNITS);
                let amount = match unit {
                    "days" => 5 + rng.below(25),
                    "months" => 1 + rng.below(5),
                    _ => 1 + rng.below(12),
                };
                format!("{amount} {unit}")
            }
        };
        out.push_str(&format!("    duration: {duration}\n"));
        if index > 0 {
            let first = index - 1 - rng.below(index.min(40));
            if index > 1 && rng.below(2) == 0 {
                let mut second = index - 1 - rng.below(index.min(40));
                if second == first {
                    second = if first + 1 < index {
                        first + 1
                    } else {
                        first - 1
                    };
                }
                out.push_str(&format!(
                    "    depends_on: [{}, {}]\n",
                    phase_id(first.min(second)),
                    phase_id(first.max(second))
                ));
            } else {
                out.push_str(&format!("    depends_on: [{}]\n", phase_id(first)));
            }
        }
        out.push_str(&format!("    scope: {} ({domain})\n", rng.pick(SCOPES)));
        out.push_str(&format!(
            "    infrastructure: {}\n",
            rng.pick(INFRASTRUCTURE)
        ));
        if rng.below(5) == 0 {
            out.push_str(&format!(
                "    success_criteria:\n      - {}\n      - {}\n",
                rng.pick(CRITERIA),
                rng.pick(CRITERIA)
            ));
        } else {
            out.push_str(&format!("    success_criteria: {}\n", rng.pick(CRITERIA)));
        }
        out.push_str(&format!("    rollback_plan: {}\n", rng.pick(ROLLBACKS)));
    }
    out
}
