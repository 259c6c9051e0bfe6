//! The plan's own text as locals, and the data foundation: object storage
//! with versioning and hot/cold/colder tiers, and streaming where a
//! pipeline's target asks for it.

use super::hcl::{Block, Expr, Item};
use super::{Context, blocks, generated};
use crate::decide::strategy::strategy_id;
use crate::emit::output::GeneratedFile;
use crate::model::{
    CloudProvider, DataLake, Deliverable, GovernanceFramework, Phase, PipelineModernization,
    Strategy,
};

fn deliverables<T>(phases: &[Phase], pick: fn(&Deliverable) -> Option<&T>) -> Vec<(&Phase, &T)> {
    phases
        .iter()
        .flat_map(|phase| {
            phase
                .critical_deliverables
                .iter()
                .filter_map(move |deliverable| pick(deliverable).map(|found| (phase, found)))
        })
        .collect()
}

fn data_lakes<'a>(context: &Context<'a>) -> Vec<(&'a Phase, &'a DataLake)> {
    deliverables(&context.plan.phases, |d| {
        d.data_lake_implementation.as_ref()
    })
}

fn pipelines<'a>(context: &Context<'a>) -> Vec<(&'a Phase, &'a PipelineModernization)> {
    deliverables(&context.plan.phases, |d| {
        d.data_pipeline_modernization.as_ref()
    })
}

fn governance<'a>(context: &Context<'a>) -> Vec<(&'a Phase, &'a GovernanceFramework)> {
    deliverables(&context.plan.phases, |d| {
        d.data_governance_framework.as_ref()
    })
}

fn number(value: Option<u32>) -> Expr {
    value.map_or(Expr::Ref("null"), |value| Expr::Num(u64::from(value)))
}

fn entry(key: &str, value: Expr) -> (String, Expr) {
    (key.to_string(), value)
}

/// `plan.tf`: every piece of plan text the configuration uses.
pub(super) fn plan_locals(context: &Context, rule: Option<&str>) -> Vec<Item> {
    let plan = context.plan;
    let sizing = plan
        .compute
        .as_ref()
        .and_then(|compute| compute.sizing.as_ref());
    let facts = Expr::Object(vec![
        entry("name", Expr::str(&plan.name)),
        entry("description", Expr::opt_str(plan.description.as_deref())),
        entry("owner", Expr::opt_str(plan.owner.as_deref())),
        entry("strategy", Expr::opt_str(context.strategy.map(strategy_id))),
        entry("decided_by", Expr::opt_str(rule)),
    ]);
    let sizing = Expr::Object(vec![
        entry("gpu_nodes", number(sizing.and_then(|s| s.gpu_nodes))),
        entry(
            "gpus_per_node",
            number(sizing.and_then(|s| s.gpus_per_node)),
        ),
        entry(
            "gpu_type",
            Expr::opt_str(sizing.and_then(|s| s.gpu_type.as_deref())),
        ),
        entry("cpu_nodes", number(sizing.and_then(|s| s.cpu_nodes))),
    ]);
    let lakes = data_lakes(context)
        .into_iter()
        .map(|(phase, lake)| {
            Expr::Object(vec![
                entry("phase", Expr::str(phase.display_name())),
                entry("technology", Expr::strs(&lake.technology)),
                entry("size", Expr::opt_str(lake.size.as_deref())),
                entry("access_patterns", Expr::strs(&lake.access_patterns)),
            ])
        })
        .collect();
    let pipes = pipelines(context)
        .into_iter()
        .map(|(phase, pipeline)| {
            Expr::Object(vec![
                entry("phase", Expr::str(phase.display_name())),
                entry("current", Expr::opt_str(pipeline.current.as_deref())),
                entry("target", Expr::opt_str(pipeline.target.as_deref())),
                entry("metrics", Expr::strs(&pipeline.metrics)),
            ])
        })
        .collect();
    let rules = governance(context)
        .into_iter()
        .map(|(phase, framework)| {
            Expr::Object(vec![
                entry("phase", Expr::str(phase.display_name())),
                entry("components", Expr::strs(&framework.components)),
                entry("compliance", Expr::strs(&framework.compliance)),
                entry("quality_rules", Expr::strs(&framework.quality_rules)),
            ])
        })
        .collect();
    // Device groups are keyed by position: a model may appear twice, and
    // keys are not plan text.
    let devices = plan
        .edge
        .iter()
        .flat_map(|edge| &edge.devices)
        .enumerate()
        .map(|(index, device)| {
            (
                format!("group-{}", index + 1),
                Expr::Object(vec![
                    entry("model", Expr::str(&device.model)),
                    entry("count", number(device.count)),
                    entry("location", Expr::opt_str(device.location.as_deref())),
                ]),
            )
        })
        .collect();
    let mut locals = Block::new("locals", &[]);
    if context.strategy.is_none() {
        locals = locals
            .comment("No compute strategy was decided (no rule matched and no `compute.default`),");
        locals = locals.comment("so only the data foundation is written.");
    }
    locals = locals
        .attr("plan", facts)
        .attr("sizing", sizing)
        .attr("data_lakes", Expr::List(lakes))
        .attr("pipelines", Expr::List(pipes))
        .attr("governance", Expr::List(rules))
        .attr("edge_devices", Expr::Object(devices));
    vec![Item::Block(locals)]
}

/// Versioned object storage; with `tiers`, objects move to colder storage
/// classes as they age. `label` names the resources, `name_variable` the
/// variable that holds the bucket's name.
pub(super) fn object_storage(
    context: &mut Context,
    label: &'static str,
    name_variable: (&'static str, &'static str),
    tiers: bool,
) -> Vec<Block> {
    let (name_var, name_ref) = name_variable;
    if tiers {
        context.guess(
            "data_lake_cold_after_days",
            "number",
            "Days after which data lake objects move from the hot tier to the cold tier.",
            Expr::Num(30),
            "a common starting point; set it from the access patterns you measure",
        );
        context.guess(
            "data_lake_colder_after_days",
            "number",
            "Days after which data lake objects move to the colder (archive) tier.",
            Expr::Num(180),
            "a common starting point; check retrieval times and the compliance regimes' retention rules",
        );
    }
    match context.provider {
        CloudProvider::Aws => {
            context.required(name_var, "string", "Globally unique S3 bucket name.");
            let mut out = vec![
                Block::new("resource", &["aws_s3_bucket", label]).reference("bucket", name_ref),
                Block::new("resource", &["aws_s3_bucket_versioning", label])
                    .reference("bucket", bucket_id(label))
                    .block(
                        Block::new("versioning_configuration", &[])
                            .attr("status", Expr::str("Enabled")),
                    ),
                Block::new("resource", &["aws_s3_bucket_public_access_block", label])
                    .reference("bucket", bucket_id(label))
                    .attr("block_public_acls", Expr::Bool(true))
                    .attr("block_public_policy", Expr::Bool(true))
                    .attr("ignore_public_acls", Expr::Bool(true))
                    .attr("restrict_public_buckets", Expr::Bool(true)),
            ];
            if tiers {
                out.push(
                    Block::new(
                        "resource",
                        &["aws_s3_bucket_lifecycle_configuration", label],
                    )
                    .reference("bucket", bucket_id(label))
                    .block(
                        Block::new("rule", &[])
                            .attr("id", Expr::str("hot-cold-colder"))
                            .attr("status", Expr::str("Enabled"))
                            .block(Block::new("filter", &[]))
                            .block(
                                Block::new("transition", &[])
                                    .reference("days", "var.data_lake_cold_after_days")
                                    .attr("storage_class", Expr::str("STANDARD_IA")),
                            )
                            .block(
                                Block::new("transition", &[])
                                    .reference("days", "var.data_lake_colder_after_days")
                                    .attr("storage_class", Expr::str("GLACIER")),
                            ),
                    ),
                );
            }
            out
        }
        CloudProvider::Azure => {
            azure_location(context);
            context.required(
                name_var,
                "string",
                "Storage account name: 3 to 24 lower-case letters and digits, globally unique.",
            );
            let mut out = vec![
                Block::new("resource", &["azurerm_storage_account", label])
                    .reference("name", name_ref)
                    .reference("resource_group_name", "var.azure_resource_group_name")
                    .reference("location", "var.azure_location")
                    .attr("account_tier", Expr::str("Standard"))
                    .attr("account_replication_type", Expr::str("GRS"))
                    .attr("allow_nested_items_to_be_public", Expr::Bool(false))
                    .block(
                        Block::new("blob_properties", &[])
                            .attr("versioning_enabled", Expr::Bool(true)),
                    ),
            ];
            if tiers {
                out.push(
                    Block::new("resource", &["azurerm_storage_management_policy", label])
                        .reference("storage_account_id", azure_account_id(label))
                        .block(
                            Block::new("rule", &[])
                                .attr("name", Expr::str("hot-cold-colder"))
                                .attr("enabled", Expr::Bool(true))
                                .block(Block::new("filters", &[]).attr("blob_types", Expr::strs(&["blockBlob"])))
                                .block(
                                    Block::new("actions", &[]).block(
                                        Block::new("base_blob", &[])
                                            .reference(
                                                "tier_to_cool_after_days_since_modification_greater_than",
                                                "var.data_lake_cold_after_days",
                                            )
                                            .reference(
                                                "tier_to_archive_after_days_since_modification_greater_than",
                                                "var.data_lake_colder_after_days",
                                            ),
                                    ),
                                ),
                        ),
                );
            }
            out
        }
        CloudProvider::Gcp => {
            gcp_project(context);
            context.required(
                name_var,
                "string",
                "Globally unique Cloud Storage bucket name.",
            );
            let mut bucket = Block::new("resource", &["google_storage_bucket", label])
                .reference("name", name_ref)
                .reference("location", "var.gcp_region")
                .attr("uniform_bucket_level_access", Expr::Bool(true))
                .attr("public_access_prevention", Expr::str("enforced"))
                .block(Block::new("versioning", &[]).attr("enabled", Expr::Bool(true)));
            if tiers {
                for (days, class) in [
                    ("var.data_lake_cold_after_days", "NEARLINE"),
                    ("var.data_lake_colder_after_days", "COLDLINE"),
                ] {
                    bucket = bucket.block(
                        Block::new("lifecycle_rule", &[])
                            .block(Block::new("condition", &[]).reference("age", days))
                            .block(
                                Block::new("action", &[])
                                    .attr("type", Expr::str("SetStorageClass"))
                                    .attr("storage_class", Expr::str(class)),
                            ),
                    );
                }
            }
            vec![bucket]
        }
    }
}

fn bucket_id(label: &str) -> &'static str {
    match label {
        "model_artifacts" => "aws_s3_bucket.model_artifacts.id",
        _ => "aws_s3_bucket.data_lake.id",
    }
}

fn azure_account_id(label: &str) -> &'static str {
    match label {
        "model_artifacts" => "azurerm_storage_account.model_artifacts.id",
        _ => "azurerm_storage_account.data_lake.id",
    }
}

pub(super) fn azure_location(context: &mut Context) {
    context.required(
        "azure_resource_group_name",
        "string",
        "The resource group that holds the platform's resources.",
    );
    context.required(
        "azure_location",
        "string",
        "The Azure region, such as `westeurope`.",
    );
}

pub(super) fn gcp_project(context: &mut Context) {
    context.required(
        "gcp_region",
        "string",
        "The Google Cloud region, such as `europe-west4`.",
    );
}

/// `data_lake.tf`, when a phase delivers a data lake.
pub(super) fn data_lake(context: &mut Context) -> Option<GeneratedFile> {
    if data_lakes(context).is_empty() {
        return None;
    }
    let storage = object_storage(
        context,
        "data_lake",
        ("data_lake_bucket_name", "var.data_lake_bucket_name"),
        true,
    );
    context.output(
        "data_lake_bucket",
        "The data lake's bucket (or storage account).",
        match context.provider {
            CloudProvider::Aws => "aws_s3_bucket.data_lake.id",
            CloudProvider::Azure => "azurerm_storage_account.data_lake.name",
            CloudProvider::Gcp => "google_storage_bucket.data_lake.name",
        },
    );
    Some(generated(
        "data_lake.tf",
        "Data foundation: the data lake's object storage (see local.data_lakes).",
        blocks(storage),
    ))
}

/// Whether a pipeline's target asks for streaming.
fn wants_streaming(pipeline: &PipelineModernization) -> bool {
    pipeline.target.as_deref().is_some_and(|target| {
        let target = target.to_lowercase();
        target.contains("kafka") || target.contains("stream")
    })
}

/// `streaming.tf`, when a pipeline's target is streaming: Kafka on the
/// cluster for the hybrid strategy, the provider's managed Kafka otherwise.
pub(super) fn streaming(context: &mut Context) -> Option<GeneratedFile> {
    if !pipelines(context)
        .into_iter()
        .any(|(_, pipeline)| wants_streaming(pipeline))
    {
        return None;
    }
    let block = if context.strategy == Some(Strategy::HybridIntelligent) {
        context.guess(
            "strimzi_version",
            "string",
            "Version of the Strimzi Kafka operator chart.",
            Expr::str("0.45.0"),
            "pin the release your platform team has tested",
        );
        Block::new("resource", &["helm_release", "kafka_operator"])
            .attr("name", Expr::str("strimzi-kafka-operator"))
            .attr("repository", Expr::str("https://strimzi.io/charts/"))
            .attr("chart", Expr::str("strimzi-kafka-operator"))
            .reference("version", "var.strimzi_version")
            .attr("namespace", Expr::str("kafka"))
            .attr("create_namespace", Expr::Bool(true))
            .comment("TODO: declare the Kafka cluster itself as a Strimzi `Kafka` resource.")
    } else {
        match context.provider {
            CloudProvider::Aws => {
                context.required(
                    "subnet_ids",
                    "list(string)",
                    "Private subnets for the platform's nodes and brokers.",
                );
                context.required(
                    "kafka_security_group_ids",
                    "list(string)",
                    "Security groups for the Kafka brokers.",
                );
                context.guess(
                    "kafka_version",
                    "string",
                    "Apache Kafka version for Amazon MSK.",
                    Expr::str("3.7.x"),
                    "pick a version MSK supports today",
                );
                context.guess(
                    "kafka_broker_count",
                    "number",
                    "Kafka brokers (a multiple of the subnets' zones).",
                    Expr::Num(3),
                    "size from the pipelines' throughput",
                );
                context.guess(
                    "kafka_broker_instance_type",
                    "string",
                    "Instance type of each Kafka broker.",
                    Expr::str("kafka.m7g.large"),
                    "size from the pipelines' throughput",
                );
                context.guess(
                    "kafka_broker_volume_gb",
                    "number",
                    "EBS storage of each broker, in GB.",
                    Expr::Num(1000),
                    "size from retention and throughput",
                );
                Block::new("resource", &["aws_msk_cluster", "streaming"])
                    .attr("cluster_name", Expr::str("aiplan-streaming"))
                    .reference("kafka_version", "var.kafka_version")
                    .reference("number_of_broker_nodes", "var.kafka_broker_count")
                    .block(
                        Block::new("broker_node_group_info", &[])
                            .reference("instance_type", "var.kafka_broker_instance_type")
                            .reference("client_subnets", "var.subnet_ids")
                            .reference("security_groups", "var.kafka_security_group_ids")
                            .block(
                                Block::new("storage_info", &[]).block(
                                    Block::new("ebs_storage_info", &[])
                                        .reference("volume_size", "var.kafka_broker_volume_gb"),
                                ),
                            ),
                    )
            }
            CloudProvider::Azure => {
                azure_location(context);
                context.required(
                    "eventhub_namespace_name",
                    "string",
                    "Name of the Event Hubs namespace (Kafka endpoint), globally unique.",
                );
                context.guess(
                    "eventhub_capacity",
                    "number",
                    "Event Hubs throughput units.",
                    Expr::Num(2),
                    "size from the pipelines' throughput",
                );
                Block::new("resource", &["azurerm_eventhub_namespace", "streaming"])
                    .comment("Event Hubs Standard speaks the Kafka protocol.")
                    .reference("name", "var.eventhub_namespace_name")
                    .reference("location", "var.azure_location")
                    .reference("resource_group_name", "var.azure_resource_group_name")
                    .attr("sku", Expr::str("Standard"))
                    .reference("capacity", "var.eventhub_capacity")
            }
            CloudProvider::Gcp => {
                gcp_project(context);
                context.required("gcp_subnetwork", "string", "The subnetwork that reaches the platform, as `projects/P/regions/R/subnetworks/S`.");
                context.guess(
                    "kafka_vcpu_count",
                    "number",
                    "vCPUs of the managed Kafka cluster.",
                    Expr::Num(3),
                    "size from the pipelines' throughput",
                );
                context.guess(
                    "kafka_memory_bytes",
                    "number",
                    "Memory of the managed Kafka cluster, in bytes.",
                    Expr::Num(3_221_225_472),
                    "size from the pipelines' throughput",
                );
                Block::new("resource", &["google_managed_kafka_cluster", "streaming"])
                    .attr("cluster_id", Expr::str("aiplan-streaming"))
                    .reference("location", "var.gcp_region")
                    .block(
                        Block::new("capacity_config", &[])
                            .reference("vcpu_count", "var.kafka_vcpu_count")
                            .reference("memory_bytes", "var.kafka_memory_bytes"),
                    )
                    .block(
                        Block::new("gcp_config", &[]).block(
                            Block::new("access_config", &[]).block(
                                Block::new("network_configs", &[])
                                    .reference("subnet", "var.gcp_subnetwork"),
                            ),
                        ),
                    )
            }
        }
    };
    Some(generated(
        "streaming.tf",
        "Data foundation: streaming, because a pipeline's target asks for it (see local.pipelines).",
        blocks(vec![block]),
    ))
}
