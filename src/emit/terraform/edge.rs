//! `edge_centric`: the edge device fleet and model distribution, as stubs.

use super::foundation::object_storage;
use super::hcl::{Block, Expr};
use super::{Context, blocks, generated};
use crate::emit::output::GeneratedFile;

/// `edge_fleet.tf` and `model_distribution.tf`.
pub(super) fn edge_centric(context: &mut Context) -> Vec<GeneratedFile> {
    context.output(
        "edge_device_groups",
        "The edge device groups (see local.edge_devices).",
        "keys(terraform_data.edge_device_group)",
    );
    let fleet = Block::new("resource", &["terraform_data", "edge_device_group"])
        .comment("TODO: replace this stub with your fleet manager's resources")
        .comment("(AWS IoT Greengrass, Azure IoT Edge, or the device vendor's own).")
        .reference("for_each", "local.edge_devices")
        .reference("input", "each.value");
    context.guess(
        "model_rollout_batch_percent",
        "number",
        "Share of each device group that receives a new model first, in percent.",
        Expr::Num(10),
        "a canary share; set it from how many devices you can afford to roll back",
    );
    let mut distribution = object_storage(
        context,
        "model_artifacts",
        (
            "model_artifacts_bucket_name",
            "var.model_artifacts_bucket_name",
        ),
        false,
    );
    context.output(
        "model_artifacts_bucket",
        "The bucket (or storage account) models are distributed from.",
        match context.provider {
            crate::model::CloudProvider::Aws => "aws_s3_bucket.model_artifacts.id",
            crate::model::CloudProvider::Azure => "azurerm_storage_account.model_artifacts.name",
            crate::model::CloudProvider::Gcp => "google_storage_bucket.model_artifacts.name",
        },
    );
    distribution.push(
        Block::new("resource", &["terraform_data", "model_rollout"])
            .comment("TODO: replace this stub with the deployment job of your fleet manager.")
            .attr(
                "input",
                Expr::Object(vec![
                    (
                        "device_groups".to_string(),
                        Expr::Ref("keys(local.edge_devices)"),
                    ),
                    (
                        "batch_percent".to_string(),
                        Expr::Ref("var.model_rollout_batch_percent"),
                    ),
                ]),
            ),
    );
    vec![
        generated(
            "edge_fleet.tf",
            "Compute (edge_centric): the edge device fleet, one group per plan entry. TODO: stubs to complete.",
            blocks(vec![fleet]),
        ),
        generated(
            "model_distribution.tf",
            "Compute (edge_centric): versioned model artifacts and their rollout. TODO: stubs to complete.",
            blocks(distribution),
        ),
    ]
}
