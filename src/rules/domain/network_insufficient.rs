//! `network-insufficient`: the provisioned `network` against what each
//! workload in `requirements.workloads` needs (thresholds.network).

use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::{Interconnect, LinkNeed, Workload};
use crate::rules::{PlanContext, Rule, RuleDocs};

fn need(context: &PlanContext<'_>, workload: Workload) -> (LinkNeed, &'static str) {
    let network = context.thresholds().network;
    match workload {
        Workload::SingleGpu => (network.single_gpu, "single_gpu"),
        Workload::MultiGpuSingleNode => (network.multi_gpu_single_node, "multi_gpu_single_node"),
        Workload::DistributedTraining => (network.distributed_training, "distributed_training"),
        Workload::RealTimeInference => (network.real_time_inference, "real_time_inference"),
    }
}

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let plan = &context.resolved.plan;
    let Some(requirements) = plan.requirements.as_ref() else {
        return;
    };
    for (index, &workload) in requirements.workloads.iter().enumerate() {
        let (need, name) = need(context, workload);
        let at = ["requirements", "workloads", &index.to_string()];
        let Some(network) = plan.network.as_ref() else {
            diagnostics.push(
                Diagnostic::new(
                    &diag::NETWORK_INSUFFICIENT,
                    format!("{name} needs a network, but the plan provisions none (`network:` is missing)"),
                    context.at(&at, "needs a network"),
                )
                .with_help(format!(
                    "state the provisioned network: `network: {{bandwidth_gbps: {}, latency_ms: {}}}` or better",
                    need.min_bandwidth_gbps, need.max_latency_ms
                )),
            );
            continue;
        };
        let mut gaps = Vec::new();
        if let Some(bandwidth) = network.bandwidth_gbps
            && bandwidth < need.min_bandwidth_gbps
        {
            gaps.push((
                "bandwidth_gbps",
                format!(
                    "{bandwidth} Gbps is below the {} Gbps {name} needs",
                    need.min_bandwidth_gbps
                ),
            ));
        }
        if let Some(latency) = network.latency_ms
            && latency >= need.max_latency_ms
        {
            gaps.push((
                "latency_ms",
                format!(
                    "{latency} ms is not under the {} ms {name} needs",
                    need.max_latency_ms
                ),
            ));
        }
        let gpus_per_node = plan
            .compute
            .as_ref()
            .and_then(|c| c.sizing.as_ref())
            .and_then(|s| s.gpus_per_node);
        let rdma_from = context.thresholds().network.rdma_from_gpus_per_node;
        if workload == Workload::DistributedTraining
            && gpus_per_node.is_some_and(|gpus| gpus >= rdma_from)
            && !matches!(
                network.interconnect,
                Some(Interconnect::Infiniband | Interconnect::Roce)
            )
        {
            gaps.push((
                "interconnect",
                format!("distributed training with {rdma_from}+ GPUs per node needs RDMA (InfiniBand or RoCE) between nodes"),
            ));
        }
        for (field, why) in gaps {
            let label = if network.bandwidth_gbps.is_some() || field == "interconnect" {
                context.at(&["network", field], "insufficient")
            } else {
                context.at(&["network"], "insufficient")
            };
            diagnostics.push(
                Diagnostic::new(&diag::NETWORK_INSUFFICIENT, format!("the network falls short for {name}: {why}"), label)
                    .with_secondary(context.at(&at, "the workload"))
                    .with_help(
                        "provision the network the workload needs, or change the workloads; the figures are \
                         `thresholds.network` (defaults: single GPU 1 Gbps/<10 ms, multi-GPU node <1 ms, \
                         distributed training 100 Gbps+/<1 ms, real-time inference 10 Gbps/<5 ms)",
                    ),
            );
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::NETWORK_INSUFFICIENT,
    docs: RuleDocs {
        what: "Checks the provisioned `network` (bandwidth, latency, interconnect) against what \
               each workload in `requirements.workloads` needs: single GPU 1 Gbps and under 10 ms; \
               several GPUs in one node under 1 ms; distributed training 100 Gbps or more and \
               under 1 ms, with RDMA (InfiniBand or RoCE) at 8 or more GPUs per node; real-time \
               inference 10 Gbps and under 5 ms. A plan with workloads and no `network` is \
               reported too. The figures are `thresholds.network`.",
        why: "GPUs waiting on the network are the most expensive idle hardware in the building: \
              distributed training on plain 10 Gbps Ethernet spends most of each step exchanging \
              gradients, and real-time inference behind a slow link misses its latency bound \
              whatever the model does.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", NO_NETWORK)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Foundation model training
requirements:
  workloads: [distributed_training]
compute:
  strategy: hybrid_intelligent
  sizing: {gpu_nodes: 4, gpus_per_node: 8}
network:
  bandwidth_gbps: 25
  latency_ms: 0.5
  interconnect: ethernet
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Foundation model training
requirements:
  workloads: [distributed_training]
compute:
  strategy: hybrid_intelligent
  sizing: {gpu_nodes: 4, gpus_per_node: 8}
network:
  bandwidth_gbps: 200
  latency_ms: 0.5
  interconnect: infiniband
"#;

const NO_NETWORK: &str = r#"aiplan: 1
name: Inference
requirements:
  workloads: [single_gpu]
"#;
