//! `unreachable-decision-rule`: a rule of the plan's own decision matrix
//! (`compute.rules`) that can never decide, because an earlier rule matches
//! whenever it does, or because its latency bound cannot be met.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::RuleCondition;
use crate::rules::PlanContext;
use crate::rules::{Rule, RuleDocs};

/// Whether `earlier` matches every plan that `later` matches: each of its
/// conditions is also a condition of `later`, or a looser one.
fn covers(earlier: &RuleCondition, later: &RuleCondition) -> bool {
    fn same<T: PartialEq>(earlier: Option<T>, later: Option<T>) -> bool {
        earlier.is_none() || earlier == later
    }
    let latency = match (earlier.latency_at_most_ms, later.latency_at_most_ms) {
        (None, _) => true,
        (Some(bound), Some(tighter)) => tighter <= bound,
        (Some(_), None) => false,
    };
    same(earlier.data_sensitivity, later.data_sensitivity)
        && same(earlier.workload_pattern, later.workload_pattern)
        && same(earlier.workload, later.workload)
        && latency
}

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(rules) = context
        .resolved
        .plan
        .compute
        .as_ref()
        .and_then(|c| c.rules.as_ref())
    else {
        return;
    };
    for (index, rule) in rules.iter().enumerate() {
        let place = ["compute", "rules", &index.to_string(), "name"];
        let label = |message: &str| {
            crate::diagnostics::Label::new(
                context.file,
                context.locator.span(context.file, "", &place, false),
                message,
            )
        };
        if rule
            .when
            .latency_at_most_ms
            .is_some_and(|bound| bound <= 0.0)
        {
            diagnostics.push(
                Diagnostic::new(
                    &diag::UNREACHABLE_DECISION_RULE,
                    format!(
                        "the decision rule `{}` can never match: no latency bound is 0 ms or less",
                        rule.name
                    ),
                    label("never matches"),
                )
                .with_help(
                    "give `latency_at_most_ms` a positive number of milliseconds, such as 20",
                ),
            );
            continue;
        }
        if let Some(earlier) = rules[..index]
            .iter()
            .find(|earlier| covers(&earlier.when, &rule.when))
        {
            diagnostics.push(
                Diagnostic::new(
                    &diag::UNREACHABLE_DECISION_RULE,
                    format!(
                        "the decision rule `{}` can never decide: `{}` comes first and matches whenever it does",
                        rule.name, earlier.name
                    ),
                    label("always outranked"),
                )
                .with_help("rules are tried in order; move the more specific rule before the general one, or remove it"),
            );
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::UNREACHABLE_DECISION_RULE,
    docs: RuleDocs {
        what: "Reports a rule of the plan's own decision matrix (`compute.rules`) that can never \
               decide: an earlier rule's conditions are the same or looser (a rule with no \
               conditions matches everything), or its `latency_at_most_ms` is zero or negative.",
        why: "Rules are tried in priority order and the first match decides. A rule that is always \
              outranked gives readers of the plan a false picture of how the strategy is chosen, \
              and usually means the rules were written in the wrong order.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", NEGATIVE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Retail vision
requirements:
  data_sensitivity: medium
  latency_requirement: "<15ms"
compute:
  strategy: auto
  rules:
    - name: anything-goes-cloud
      when: {}
      strategy: cloud_first
      reason: The cloud is our default platform.
    - name: real-time-at-the-edge
      when: {latency_at_most_ms: 20}
      strategy: edge_centric
      reason: Checkout cameras need answers within 20 ms.
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Retail vision
requirements:
  data_sensitivity: medium
  latency_requirement: "<15ms"
compute:
  strategy: auto
  rules:
    - name: real-time-at-the-edge
      when: {latency_at_most_ms: 20}
      strategy: edge_centric
      reason: Checkout cameras need answers within 20 ms.
    - name: anything-goes-cloud
      when: {}
      strategy: cloud_first
      reason: The cloud is our default platform.
"#;

const NEGATIVE: &str = r#"aiplan: 1
name: Retail vision
compute:
  strategy: auto
  default: cloud_first
  rules:
    - name: impossible
      when: {latency_at_most_ms: 0}
      strategy: edge_centric
      reason: Typo.
"#;
