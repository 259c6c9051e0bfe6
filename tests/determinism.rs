//! Every output is byte-for-byte deterministic: random plans, each rendered
//! by two separate processes (so hash seeds and allocation addresses
//! differ), must give identical bytes in every format, including the
//! Markdown roadmap and the Terraform files.

#[path = "support/dag.rs"]
#[allow(dead_code)] // shared with tests that use all of it
mod dag;

use assert_cmd::Command;
use dag::{dag, plan_yaml};
use proptest::prelude::*;
use std::path::Path;

/// Sections a random plan may add to its phases: decisions, readiness,
/// optimisation, and names that try to break out of Markdown, Mermaid and
/// HCL.
const SECTIONS: &[&str] = &[
    "assessment:\n  current_state: \"Nightly | batches <b>`x`</b> ${var.x} %{if}\"\n  target_state: Lakehouse\n  hardware: {cpu_cores: 16, gpus: [{model: A100, count: 2}]}\n  network: {download_mbps: 100, latency_ms: 30}\n  software: {python: \"3.11\"}\n",
    "requirements:\n  data_sensitivity: high\n  workload_pattern: bursty\n  latency_requirement: \"<15ms\"\n  workloads: [distributed_training, real_time_inference]\n",
    "requirements: {data_sensitivity: low, workload_pattern: steady}\n",
    "compute:\n  strategy: auto\n  default: hybrid_intelligent\n  provider: aws\n  sizing: {gpu_nodes: 2, gpus_per_node: 8, gpu_type: \"H100\\\"; rm -rf /\"}\n",
    "compute: {strategy: cloud_first, provider: gcp}\n",
    "optimization:\n  metrics:\n    - {name: GPU utilisation, target: \">70%\", current: \"35%\"}\n    - {name: \"p99 latency ]]> -->\", target: \"<100ms\", current: 140ms}\n",
    "edge: {latency_budget: 50ms, max_input_size: 1GB}\n",
    "network: {bandwidth_gbps: 10, latency_ms: 2}\n",
];

/// The files of a directory, sorted, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|entry| {
                    let path = entry.expect("entry").path();
                    let name = path
                        .file_name()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned();
                    (name, std::fs::read(&path).expect("read"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Every output of aiplan on the plan in `dir`, from fresh processes: each
/// command's exit code, standard output and error, and written files.
fn outputs(dir: &Path) -> Vec<(String, i32, Vec<u8>, Vec<u8>)> {
    let commands: &[&[&str]] = &[
        &["check", "--format", "json", "plan.yaml"],
        &["check", "--format", "sarif", "plan.yaml"],
        &["check", "--format", "github", "plan.yaml"],
        &["check", "--color", "never", "plan.yaml"],
        &["schedule", "--format", "json", "plan.yaml"],
        &["schedule", "--format", "csv", "plan.yaml"],
        &["schedule", "--format", "table", "plan.yaml"],
        &["graph", "--format", "dot", "plan.yaml"],
        &["graph", "--format", "mermaid", "plan.yaml"],
        &["explain", "--format", "json", "plan.yaml"],
        &["explain", "plan.yaml"],
        &["audit", "--format", "json", "plan.yaml"],
        &["audit", "plan.yaml"],
        &["roadmap", "--color", "never", "plan.yaml"],
    ];
    let mut found = Vec::new();
    for args in commands {
        let output = Command::cargo_bin("aiplan")
            .expect("binary")
            .current_dir(dir)
            .args(*args)
            .output()
            .expect("run aiplan");
        let code = output.status.code().expect("an exit code, not a signal");
        assert_ne!(code, 101, "{args:?} panicked");
        found.push((args.join(" "), code, output.stdout, output.stderr));
    }
    let terraform = dir.join("tf");
    let _ = std::fs::remove_dir_all(&terraform);
    let output = Command::cargo_bin("aiplan")
        .expect("binary")
        .current_dir(dir)
        .args(["terraform", "--color", "never", "-o", "tf", "plan.yaml"])
        .output()
        .expect("run aiplan");
    let code = output.status.code().expect("an exit code, not a signal");
    let mut written = Vec::new();
    for (name, bytes) in files(&terraform) {
        written.extend(name.into_bytes());
        written.push(0);
        written.extend(bytes);
    }
    found.push(("terraform".to_string(), code, written, output.stderr));
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, .. ProptestConfig::default() })]

    #[test]
    fn every_output_is_the_same_bytes_in_every_run(
        phases in dag(12),
        sections in prop::collection::vec(0..SECTIONS.len(), 0..=4),
    ) {
        let mut text = plan_yaml(&phases, Some("2027-01-04"));
        let mut sections = sections;
        sections.sort_unstable();
        sections.dedup();
        // One `requirements:` and one `compute:` at most (a repeated key is
        // an error, which is fine, but then most outputs are empty).
        let mut seen = Vec::new();
        for index in sections {
            let key = SECTIONS[index].split(':').next().unwrap_or_default();
            if !seen.contains(&key) {
                seen.push(key);
                text.push_str(SECTIONS[index]);
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join(".git")).expect(".git");
        std::fs::write(dir.path().join("plan.yaml"), &text).expect("write");
        let first = outputs(dir.path());
        let second = outputs(dir.path());
        for (one, two) in first.iter().zip(&second) {
            prop_assert!(one == two, "`aiplan {}` differs between runs on\n{}", one.0, text);
        }
        // The plan is valid: the outputs that need a checked plan exist.
        let roadmap = &first[13];
        prop_assert!(roadmap.1 != 2 && !roadmap.2.is_empty(), "no roadmap:\n{}", String::from_utf8_lossy(&roadmap.3));
    }
}
