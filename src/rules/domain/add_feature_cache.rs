//! `add-feature-cache`: an optimisation recommendation (info) from
//! `optimization.facts.hot_data_access`.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(facts) = super::facts(context) else {
        return;
    };
    let finding = {
        if facts.hot_data_access == Some(true) {
            Some((
                "the same data is read again and again: a feature cache cuts loading time by about 50%".to_string(),
                "put a feature store or cache (such as Redis or an online feature store) in front of the hot datasets",
            ))
        } else {
            None
        }
    };
    super::recommend(
        context,
        &diag::ADD_FEATURE_CACHE,
        "hot_data_access",
        finding,
        diagnostics,
    );
}

pub static RULE: Rule = Rule {
    code: &diag::ADD_FEATURE_CACHE,
    docs: RuleDocs {
        what: "Reports `optimization.facts.hot_data_access: true` and recommends a feature cache, which cuts loading time by about half.",
        why: "When training and serving read the same features again and again from the lake, most of each job is spent loading data. A feature cache serves hot data from memory and typically halves loading time, which also keeps GPUs busy.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    hot_data_access: true
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Platform costs
optimization:
  facts:
    hot_data_access: false
"#;
