//! The compute strategies that run on clusters: `cloud_first` (a managed ML
//! workspace and an autoscaling GPU training pool) and `hybrid_intelligent`
//! (the NVIDIA GPU operator on the cluster on premises, and a cloud burst
//! pool).

use super::foundation::{azure_location, gcp_project};
use super::hcl::{Block, Expr};
use super::{Context, blocks, generated};
use crate::emit::output::GeneratedFile;
use crate::model::CloudProvider;

fn sizing(context: &Context) -> (Option<u32>, Option<u32>) {
    let sizing = context
        .plan
        .compute
        .as_ref()
        .and_then(|compute| compute.sizing.as_ref());
    (
        sizing.and_then(|sizing| sizing.gpu_nodes),
        sizing.and_then(|sizing| sizing.gpus_per_node),
    )
}

/// An autoscaling GPU node pool on the provider's managed Kubernetes.
fn gpu_pool(
    context: &mut Context,
    label: &'static str,
    min_nodes: u64,
    max_nodes: Option<u32>,
) -> Block {
    let (_, gpus_per_node) = sizing(context);
    context.guess(
        "gpu_pool_min_nodes",
        "number",
        "Fewest GPU nodes the pool scales down to.",
        Expr::Num(min_nodes),
        "0 pays nothing while idle; raise it if start-up time matters",
    );
    match max_nodes {
        Some(nodes) => context.plan_value(
            "gpu_pool_max_nodes",
            "number",
            "Most GPU nodes the pool scales up to (the plan's compute.sizing.gpu_nodes).",
            Expr::Num(u64::from(nodes)),
        ),
        None => context.guess(
            "gpu_pool_max_nodes",
            "number",
            "Most GPU nodes the pool scales up to.",
            Expr::Num(4),
            "size the pool for the load you expect",
        ),
    }
    let (instance, instance_todo) = match context.provider {
        CloudProvider::Aws => ("p5.48xlarge", "8 x NVIDIA H100; match the plan's GPU type"),
        CloudProvider::Azure => (
            "Standard_ND96isr_H100_v5",
            "8 x NVIDIA H100; match the plan's GPU type",
        ),
        CloudProvider::Gcp => (
            "a3-highgpu-8g",
            "8 x NVIDIA H100; match the plan's GPU type",
        ),
    };
    context.guess(
        "gpu_instance_type",
        "string",
        "Instance type (AWS), VM size (Azure) or machine type (Google Cloud) of the GPU nodes.",
        Expr::str(instance),
        instance_todo,
    );
    match context.provider {
        CloudProvider::Aws => {
            context.required(
                "eks_cluster_name",
                "string",
                "The EKS cluster the GPU pool joins.",
            );
            context.required("eks_node_role_arn", "string", "IAM role of the GPU nodes.");
            context.required(
                "subnet_ids",
                "list(string)",
                "Private subnets for the platform's nodes and brokers.",
            );
            Block::new("resource", &["aws_eks_node_group", label])
                .reference("cluster_name", "var.eks_cluster_name")
                .attr("node_group_name", Expr::str(label.replace('_', "-")))
                .reference("node_role_arn", "var.eks_node_role_arn")
                .reference("subnet_ids", "var.subnet_ids")
                .attr(
                    "instance_types",
                    Expr::List(vec![Expr::Ref("var.gpu_instance_type")]),
                )
                .attr("ami_type", Expr::str("AL2023_x86_64_NVIDIA"))
                .block(
                    Block::new("scaling_config", &[])
                        .reference("desired_size", "var.gpu_pool_min_nodes")
                        .reference("min_size", "var.gpu_pool_min_nodes")
                        .reference("max_size", "var.gpu_pool_max_nodes"),
                )
                .block(
                    Block::new("taint", &[])
                        .attr("key", Expr::str("nvidia.com/gpu"))
                        .attr("value", Expr::str("present"))
                        .attr("effect", Expr::str("NO_SCHEDULE")),
                )
                .block(Block::new("lifecycle", &[]).attr(
                    "ignore_changes",
                    Expr::List(vec![Expr::Ref("scaling_config[0].desired_size")]),
                ))
        }
        CloudProvider::Azure => {
            context.required(
                "aks_cluster_id",
                "string",
                "The AKS cluster the GPU pool joins.",
            );
            Block::new("resource", &["azurerm_kubernetes_cluster_node_pool", label])
                .attr(
                    "name",
                    Expr::str(if label == "gpu_burst" {
                        "gpuburst"
                    } else {
                        "gputrain"
                    }),
                )
                .reference("kubernetes_cluster_id", "var.aks_cluster_id")
                .reference("vm_size", "var.gpu_instance_type")
                .attr("auto_scaling_enabled", Expr::Bool(true))
                .reference("min_count", "var.gpu_pool_min_nodes")
                .reference("max_count", "var.gpu_pool_max_nodes")
                .attr(
                    "node_taints",
                    Expr::strs(&["nvidia.com/gpu=present:NoSchedule"]),
                )
        }
        CloudProvider::Gcp => {
            gcp_project(context);
            context.required(
                "gke_cluster_id",
                "string",
                "The GKE cluster the GPU pool joins.",
            );
            context.guess(
                "gpu_accelerator_type",
                "string",
                "The GPU accelerator attached to each node.",
                Expr::str("nvidia-h100-80gb"),
                "match the plan's GPU type",
            );
            let per_node = match gpus_per_node {
                Some(count) => {
                    context.plan_value(
                        "gpus_per_node",
                        "number",
                        "GPUs in each node (the plan's compute.sizing.gpus_per_node).",
                        Expr::Num(u64::from(count)),
                    );
                    "var.gpus_per_node"
                }
                None => {
                    context.guess(
                        "gpus_per_node",
                        "number",
                        "GPUs in each node.",
                        Expr::Num(8),
                        "the plan gives no compute.sizing.gpus_per_node",
                    );
                    "var.gpus_per_node"
                }
            };
            Block::new("resource", &["google_container_node_pool", label])
                .attr("name", Expr::str(label.replace('_', "-")))
                .reference("cluster", "var.gke_cluster_id")
                .reference("location", "var.gcp_region")
                .block(
                    Block::new("autoscaling", &[])
                        .reference("min_node_count", "var.gpu_pool_min_nodes")
                        .reference("max_node_count", "var.gpu_pool_max_nodes"),
                )
                .block(
                    Block::new("node_config", &[])
                        .reference("machine_type", "var.gpu_instance_type")
                        .block(
                            Block::new("guest_accelerator", &[])
                                .reference("type", "var.gpu_accelerator_type")
                                .reference("count", per_node),
                        ),
                )
        }
    }
}

fn pool_id(context: &Context, label: &str) -> &'static str {
    match (context.provider, label) {
        (CloudProvider::Aws, "gpu_burst") => "aws_eks_node_group.gpu_burst.id",
        (CloudProvider::Aws, _) => "aws_eks_node_group.gpu_training.id",
        (CloudProvider::Azure, "gpu_burst") => "azurerm_kubernetes_cluster_node_pool.gpu_burst.id",
        (CloudProvider::Azure, _) => "azurerm_kubernetes_cluster_node_pool.gpu_training.id",
        (CloudProvider::Gcp, "gpu_burst") => "google_container_node_pool.gpu_burst.id",
        (CloudProvider::Gcp, _) => "google_container_node_pool.gpu_training.id",
    }
}

/// `cloud_first`: `ml_workspace.tf` and `gpu_pool.tf`.
pub(super) fn cloud_first(context: &mut Context) -> Vec<GeneratedFile> {
    let workspace = match context.provider {
        CloudProvider::Aws => {
            context.required("vpc_id", "string", "The VPC of the ML workspace.");
            context.required(
                "subnet_ids",
                "list(string)",
                "Private subnets for the platform's nodes and brokers.",
            );
            context.required(
                "sagemaker_execution_role_arn",
                "string",
                "IAM role that SageMaker Studio users run as.",
            );
            context.output(
                "ml_workspace",
                "The managed ML workspace.",
                "aws_sagemaker_domain.ml.id",
            );
            Block::new("resource", &["aws_sagemaker_domain", "ml"])
                .attr("domain_name", Expr::str("aiplan-ml"))
                .attr("auth_mode", Expr::str("IAM"))
                .reference("vpc_id", "var.vpc_id")
                .reference("subnet_ids", "var.subnet_ids")
                .block(
                    Block::new("default_user_settings", &[])
                        .reference("execution_role", "var.sagemaker_execution_role_arn"),
                )
        }
        CloudProvider::Azure => {
            azure_location(context);
            context.required(
                "azure_application_insights_id",
                "string",
                "Application Insights resource of the ML workspace.",
            );
            context.required(
                "azure_key_vault_id",
                "string",
                "Key Vault of the ML workspace.",
            );
            context.required(
                "azure_ml_storage_account_id",
                "string",
                "Storage account of the ML workspace.",
            );
            context.output(
                "ml_workspace",
                "The managed ML workspace.",
                "azurerm_machine_learning_workspace.ml.id",
            );
            Block::new("resource", &["azurerm_machine_learning_workspace", "ml"])
                .attr("name", Expr::str("aiplan-ml"))
                .reference("location", "var.azure_location")
                .reference("resource_group_name", "var.azure_resource_group_name")
                .reference(
                    "application_insights_id",
                    "var.azure_application_insights_id",
                )
                .reference("key_vault_id", "var.azure_key_vault_id")
                .reference("storage_account_id", "var.azure_ml_storage_account_id")
                .block(Block::new("identity", &[]).attr("type", Expr::str("SystemAssigned")))
        }
        CloudProvider::Gcp => {
            gcp_project(context);
            context.required(
                "gcp_zone",
                "string",
                "The zone of the Vertex AI Workbench instance, such as `europe-west4-a`.",
            );
            context.output(
                "ml_workspace",
                "The managed ML workspace.",
                "google_workbench_instance.ml.id",
            );
            Block::new("resource", &["google_workbench_instance", "ml"])
                .attr("name", Expr::str("aiplan-ml"))
                .reference("location", "var.gcp_zone")
        }
    };
    let (gpu_nodes, _) = sizing(context);
    let pool = gpu_pool(context, "gpu_training", 0, gpu_nodes);
    let id = pool_id(context, "gpu_training");
    context.output(
        "gpu_training_pool",
        "The autoscaling GPU training pool.",
        id,
    );
    vec![
        generated(
            "ml_workspace.tf",
            "Compute (cloud_first): the managed ML workspace. TODO: a stub to complete.",
            blocks(vec![workspace]),
        ),
        generated(
            "gpu_pool.tf",
            "Compute (cloud_first): an autoscaling GPU training pool. TODO: a stub to complete.",
            blocks(vec![pool]),
        ),
    ]
}

/// `hybrid_intelligent`: `gpu_operator.tf` and `burst_pool.tf`.
pub(super) fn hybrid(context: &mut Context) -> Vec<GeneratedFile> {
    context.guess(
        "gpu_operator_version",
        "string",
        "Version of the NVIDIA GPU operator chart.",
        Expr::str("v25.3.0"),
        "pin the release your platform team has tested with the DGX nodes' drivers",
    );
    context.output(
        "gpu_operator",
        "The NVIDIA GPU operator release.",
        "helm_release.gpu_operator.id",
    );
    let operator = Block::new("resource", &["helm_release", "gpu_operator"])
        .attr("name", Expr::str("gpu-operator"))
        .attr(
            "repository",
            Expr::str("https://helm.ngc.nvidia.com/nvidia"),
        )
        .attr("chart", Expr::str("gpu-operator"))
        .reference("version", "var.gpu_operator_version")
        .attr("namespace", Expr::str("gpu-operator"))
        .attr("create_namespace", Expr::Bool(true));
    // On premises the plan's sizing is the cluster; the cloud pool only bursts.
    let pool = gpu_pool(context, "gpu_burst", 0, None);
    let id = pool_id(context, "gpu_burst");
    context.output(
        "gpu_burst_pool",
        "The cloud GPU pool that takes bursts.",
        id,
    );
    vec![
        generated(
            "gpu_operator.tf",
            "Compute (hybrid_intelligent): the NVIDIA GPU operator on the cluster on premises (see local.sizing).",
            blocks(vec![operator]),
        ),
        generated(
            "burst_pool.tf",
            "Compute (hybrid_intelligent): a cloud GPU pool for bursts, empty while idle. TODO: a stub to complete.",
            blocks(vec![pool]),
        ),
    ]
}
