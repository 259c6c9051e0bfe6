//! The files every configuration has: `versions.tf`, `providers.tf`,
//! `variables.tf` and `outputs.tf`, written last because the concerns
//! declare what they need.

use super::hcl::{Block, Expr, Item};
use super::{Context, blocks, generated, provider_name};
use crate::emit::output::GeneratedFile;
use crate::model::CloudProvider;

/// The variables the providers read; declared first so they lead `variables.tf`.
pub(super) fn declare_provider_variables(context: &mut Context) {
    match context.provider {
        CloudProvider::Aws => context.required(
            "aws_region",
            "string",
            "The AWS region, such as `eu-west-1`.",
        ),
        CloudProvider::Azure => context.required(
            "azure_subscription_id",
            "string",
            "The Azure subscription to deploy into.",
        ),
        CloudProvider::Gcp => {
            context.required(
                "gcp_project",
                "string",
                "The Google Cloud project to deploy into.",
            );
            context.required(
                "gcp_region",
                "string",
                "The Google Cloud region, such as `europe-west4`.",
            );
        }
    }
    if context.cluster_providers {
        context.required(
            "kubeconfig_path",
            "string",
            "Path to the kubeconfig of the Kubernetes cluster on premises.",
        );
        context.required(
            "kube_context",
            "string",
            "The kubeconfig context of the cluster on premises.",
        );
    }
}

pub(super) fn files(context: &Context) -> Vec<GeneratedFile> {
    vec![
        generated(
            "versions.tf",
            "Terraform and provider versions.",
            blocks(vec![versions(context)]),
        ),
        generated(
            "providers.tf",
            "Provider configuration.",
            blocks(providers(context)),
        ),
        generated(
            "variables.tf",
            "Inputs. Those marked TODO are aiplan's guesses; those without a default must be given.",
            variables(context),
        ),
        generated("outputs.tf", "Outputs.", blocks(outputs(context))),
    ]
}

fn requirement(source: &str, version: &str) -> Expr {
    Expr::Object(vec![
        ("source".to_string(), Expr::str(source)),
        ("version".to_string(), Expr::str(version)),
    ])
}

fn versions(context: &Context) -> Block {
    let (source, version) = match context.provider {
        CloudProvider::Aws => ("hashicorp/aws", "~> 6.0"),
        CloudProvider::Azure => ("hashicorp/azurerm", "~> 4.0"),
        CloudProvider::Gcp => ("hashicorp/google", "~> 6.0"),
    };
    let mut required = Block::new("required_providers", &[]).attr(
        provider_name(context.provider),
        requirement(source, version),
    );
    if context.cluster_providers {
        required = required
            .attr("helm", requirement("hashicorp/helm", "~> 2.17"))
            .attr("kubernetes", requirement("hashicorp/kubernetes", "~> 2.36"));
    }
    Block::new("terraform", &[])
        .attr("required_version", Expr::str(">= 1.6"))
        .block(required)
}

fn providers(context: &Context) -> Vec<Block> {
    let mut out = vec![match context.provider {
        CloudProvider::Aws => {
            Block::new("provider", &["aws"]).reference("region", "var.aws_region")
        }
        CloudProvider::Azure => Block::new("provider", &["azurerm"])
            .reference("subscription_id", "var.azure_subscription_id")
            .block(Block::new("features", &[])),
        CloudProvider::Gcp => Block::new("provider", &["google"])
            .reference("project", "var.gcp_project")
            .reference("region", "var.gcp_region"),
    }];
    if context.cluster_providers {
        out.push(
            Block::new("provider", &["kubernetes"])
                .reference("config_path", "var.kubeconfig_path")
                .reference("config_context", "var.kube_context"),
        );
        out.push(
            Block::new("provider", &["helm"]).block(
                Block::new("kubernetes", &[])
                    .reference("config_path", "var.kubeconfig_path")
                    .reference("config_context", "var.kube_context"),
            ),
        );
    }
    out
}

fn variables(context: &Context) -> Vec<Item> {
    let mut items = Vec::new();
    for (position, variable) in context.variables.iter().enumerate() {
        if position > 0 {
            items.push(Item::Blank);
        }
        if let Some(todo) = &variable.todo {
            items.push(Item::Comment(format!("TODO: a guess: {todo}.")));
        }
        let mut block = Block::new("variable", &[variable.name])
            .attr("description", Expr::str(&variable.description))
            .reference("type", variable.kind);
        if let Some(default) = &variable.default {
            block = block.attr("default", default.clone());
        }
        items.push(Item::Block(block));
    }
    items
}

fn outputs(context: &Context) -> Vec<Block> {
    let mut out = vec![
        Block::new("output", &["strategy"])
            .attr(
                "description",
                Expr::str("The compute strategy the plan decided, or null."),
            )
            .reference("value", "local.plan.strategy"),
    ];
    for &(name, description, value) in &context.outputs {
        out.push(
            Block::new("output", &[name])
                .attr("description", Expr::str(description))
                .reference("value", value),
        );
    }
    out
}
