//! `aiplan terraform`: a Terraform configuration that starts the platform
//! team off on the decided compute strategy.
//!
//! Takes a checked plan; returns the files of one directory. File names are
//! fixed (never derived from the plan), and every string from the plan is
//! written once, as a literal in `plan.tf`'s locals, through the escaping
//! writer in [`hcl`]. Values aiplan has to guess are variables with a
//! description and a `TODO`.
//!
//! Written with a small Rust writer rather than templates: the writer
//! aligns attributes exactly as `terraform fmt` does and makes escaping the
//! only way a plan string reaches the output, which templates would leave to
//! every call site.

mod base;
mod compute;
mod edge;
mod foundation;
pub mod hcl;

use crate::check::CheckedPlan;
use crate::emit::output::{GENERATED_MARK, GeneratedFile};
use crate::model::{CloudProvider, Plan, Strategy};
use hcl::{Expr, Item};
use std::path::PathBuf;

/// A variable that the configuration declares.
#[derive(Debug, Clone)]
struct Variable {
    name: &'static str,
    kind: &'static str,
    description: String,
    default: Option<Expr>,
    /// Why the value is a guess; `None` when it comes from the plan or must
    /// be given (no default).
    todo: Option<String>,
}

/// What the concerns share while the files are written.
struct Context<'a> {
    plan: &'a Plan,
    strategy: Option<Strategy>,
    provider: CloudProvider,
    variables: Vec<Variable>,
    outputs: Vec<(&'static str, &'static str, &'static str)>,
    /// Whether the Kubernetes and Helm providers are configured too.
    cluster_providers: bool,
}

impl Context<'_> {
    /// Declares a variable that must be given (no sensible default exists).
    fn required(&mut self, name: &'static str, kind: &'static str, description: &str) {
        self.declare(Variable {
            name,
            kind,
            description: description.to_string(),
            default: None,
            todo: None,
        });
    }

    /// Declares a variable whose default is aiplan's guess.
    fn guess(
        &mut self,
        name: &'static str,
        kind: &'static str,
        description: &str,
        default: Expr,
        todo: &str,
    ) {
        self.declare(Variable {
            name,
            kind,
            description: description.to_string(),
            default: Some(default),
            todo: Some(todo.to_string()),
        });
    }

    /// Declares a variable whose default comes from the plan.
    fn plan_value(
        &mut self,
        name: &'static str,
        kind: &'static str,
        description: &str,
        default: Expr,
    ) {
        self.declare(Variable {
            name,
            kind,
            description: description.to_string(),
            default: Some(default),
            todo: None,
        });
    }

    fn declare(&mut self, variable: Variable) {
        if !self
            .variables
            .iter()
            .any(|known| known.name == variable.name)
        {
            self.variables.push(variable);
        }
    }

    fn output(&mut self, name: &'static str, description: &'static str, value: &'static str) {
        self.outputs.push((name, description, value));
    }
}

/// The header every generated file starts with.
fn header(concern: &str) -> Vec<String> {
    vec![
        format!("{GENERATED_MARK} (`aiplan terraform`). Edit the plan and generate again;"),
        "changes made here are overwritten. Lines marked TODO need a decision.".to_string(),
        concern.to_string(),
    ]
}

fn generated(path: &str, concern: &str, items: Vec<Item>) -> GeneratedFile {
    let header = header(concern);
    let lines: Vec<&str> = header.iter().map(String::as_str).collect();
    GeneratedFile {
        path: PathBuf::from(path),
        content: hcl::file(&lines, items),
    }
}

/// Blocks separated by blank lines.
fn blocks(blocks: Vec<hcl::Block>) -> Vec<Item> {
    let mut items = Vec::new();
    for (position, block) in blocks.into_iter().enumerate() {
        if position > 0 {
            items.push(Item::Blank);
        }
        items.push(Item::Block(block));
    }
    items
}

/// The Terraform files for `checked`, in a fixed order.
pub fn generate(checked: &CheckedPlan) -> Vec<GeneratedFile> {
    let plan = &checked.resolved.plan;
    let compute = plan.compute.as_ref();
    let mut context = Context {
        plan,
        strategy: checked
            .decision
            .as_ref()
            .and_then(|decision| decision.strategy),
        provider: compute
            .and_then(|compute| compute.provider)
            .unwrap_or(CloudProvider::Aws),
        variables: Vec::new(),
        outputs: Vec::new(),
        cluster_providers: false,
    };
    context.cluster_providers = context.strategy == Some(Strategy::HybridIntelligent);
    base::declare_provider_variables(&mut context);
    let rule = checked
        .decision
        .as_ref()
        .and_then(|decision| decision.rule.as_deref());
    let mut files = vec![generated(
        "plan.tf",
        "What the plan says, as locals: the only place plan text appears.",
        foundation::plan_locals(&context, rule),
    )];
    files.extend(foundation::data_lake(&mut context));
    files.extend(foundation::streaming(&mut context));
    files.extend(match context.strategy {
        Some(Strategy::CloudFirst) => compute::cloud_first(&mut context),
        Some(Strategy::HybridIntelligent) => compute::hybrid(&mut context),
        Some(Strategy::EdgeCentric) => edge::edge_centric(&mut context),
        None => Vec::new(),
    });
    files.extend(base::files(&context));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The name Terraform gives the cloud provider.
fn provider_name(provider: CloudProvider) -> &'static str {
    match provider {
        CloudProvider::Aws => "aws",
        CloudProvider::Azure => "azurerm",
        CloudProvider::Gcp => "google",
    }
}
