//! The compute-strategy decision, as text for a terminal or as JSON:
//! `{"strategy","rule","reason","outranked":[{"rule","strategy"}],"trace":[{"rule","matched","why"}]}`.
//!
//! In the text, the plan's own strings (rule names, reasons) show control
//! characters and bidirectional overrides as visible escapes
//! ([`crate::diagnostics::terminal::escape`]); JSON escapes them itself.

use crate::decide::strategy::{Decision, info, strategy_id};
use crate::diagnostics::terminal::escape;
use serde::Serialize;

#[derive(Serialize)]
struct JsonDecision<'a> {
    strategy: Option<&'static str>,
    rule: Option<&'a str>,
    reason: Option<&'a str>,
    outranked: Vec<JsonOutranked<'a>>,
    trace: Vec<JsonTrace<'a>>,
}

#[derive(Serialize)]
struct JsonOutranked<'a> {
    rule: &'a str,
    strategy: &'static str,
}

#[derive(Serialize)]
struct JsonTrace<'a> {
    rule: &'a str,
    matched: bool,
    why: &'a str,
}

pub fn json(decision: &Decision) -> String {
    let document = JsonDecision {
        strategy: decision.strategy.map(strategy_id),
        rule: decision.rule.as_deref(),
        reason: decision.reason.as_deref(),
        outranked: decision
            .outranked
            .iter()
            .map(|outcome| JsonOutranked {
                rule: &outcome.rule,
                strategy: strategy_id(outcome.strategy),
            })
            .collect(),
        trace: decision
            .trace
            .iter()
            .map(|outcome| JsonTrace {
                rule: &outcome.rule,
                matched: outcome.matched,
                why: &outcome.why,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

pub fn text(decision: &Decision) -> String {
    let mut out = String::new();
    match (decision.strategy, decision.rule.as_deref()) {
        (Some(strategy), rule) => {
            let described = info(strategy);
            out.push_str(&format!(
                "Strategy: {}{}\n",
                strategy_id(strategy),
                described.map_or_else(String::new, |info| format!(" ({})", info.name))
            ));
            out.push_str(&format!(
                "Decided by: {}\n  {}\n",
                escape(rule.unwrap_or("default")),
                escape(decision.reason.as_deref().unwrap_or(""))
            ));
            if !decision.outranked.is_empty() {
                out.push_str("Also matched, outranked by priority:\n");
                for outcome in &decision.outranked {
                    out.push_str(&format!(
                        "  {} → {}\n",
                        escape(&outcome.rule),
                        strategy_id(outcome.strategy)
                    ));
                }
            }
            if let Some(info) = described {
                out.push_str(&format!(
                    "\n{}\n  Components:     {}\n  Best for:       {}\n  Cost model:     {}\n  Migration path: {}\n",
                    info.description,
                    info.components.join(", "),
                    info.best_for.join("; "),
                    info.cost_model,
                    info.migration_path
                ));
            }
        }
        (None, _) => out.push_str(
            "Strategy: none — no rule of the decision matrix matched and the plan names no \
             `compute.default`\n",
        ),
    }
    out.push_str(&format!(
        "\nTrace ({} rules, in priority order):\n",
        if decision.custom_rules {
            "the plan's own"
        } else {
            "built-in"
        }
    ));
    for outcome in &decision.trace {
        out.push_str(&format!(
            "  {} {} → {}: {}\n",
            if outcome.matched { "✓" } else { "✗" },
            escape(&outcome.rule),
            strategy_id(outcome.strategy),
            escape(&outcome.why)
        ));
    }
    out
}
