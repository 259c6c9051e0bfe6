//! The data the roadmap templates read, built from a checked plan as
//! JSON (sorted maps, stable order) and converted to template values.

use super::REFERENCE_START;
use crate::check::CheckedPlan;
use crate::decide::readiness::{self, Status};
use crate::decide::strategy::{info, strategy_id};
use crate::diagnostics::{self as diag, Diagnostic};
use crate::model::target::parse_target;
use crate::model::{Deliverable, Plan};
use jiff::civil::Date;
use minijinja::value::Value;
use serde_json::{Map, Value as Json, json};
use std::collections::HashMap;

/// The optimisation rules whose findings the roadmap lists.
const RECOMMENDATIONS: [&diag::Code; 4] = [
    &diag::SCALE_DOWN_GPUS,
    &diag::USE_SPOT_INSTANCES,
    &diag::QUANTIZE_MODELS,
    &diag::ADD_FEATURE_CACHE,
];

/// Converts JSON data into a template value. Objects become sorted maps,
/// so the same plan always gives the same value. The JSON is consumed: each
/// part is freed as it is converted and keys are moved, not copied, so a
/// plan of 100,000 phases is not held twice.
pub fn to_value(json: Json) -> Value {
    match json {
        Json::Null => Value::from(()),
        Json::Bool(b) => Value::from(b),
        Json::Number(n) => n
            .as_u64()
            .map(Value::from)
            .or_else(|| n.as_i64().map(Value::from))
            .unwrap_or_else(|| Value::from(n.as_f64().unwrap_or(0.0))),
        Json::String(s) => Value::from(s),
        Json::Array(items) => Value::from(items.into_iter().map(to_value).collect::<Vec<_>>()),
        Json::Object(map) => Value::from(
            map.into_iter()
                .map(|(key, value)| (key, to_value(value)))
                .collect::<std::collections::BTreeMap<String, Value>>(),
        ),
    }
}

/// Everything the templates read, as data (documented in the template).
pub fn context(plan: &CheckedPlan, diagnostics: &[Diagnostic]) -> Json {
    let model = &plan.resolved.plan;
    let thresholds = model.thresholds.clone().unwrap_or_default();
    let readiness = readiness::score(model.assessment.as_ref(), &thresholds.readiness);
    json!({
        "plan": {
            "name": model.name,
            "description": model.description,
            "owner": model.owner,
            "start": model.start,
            "phase_document": plan.resolved.top_plan_file.is_none(),
            "current_state": model.assessment.as_ref().and_then(|a| a.current_state.clone()),
            "target_state": model.assessment.as_ref().and_then(|a| a.target_state.clone()),
        },
        "schedule": schedule(plan),
        "phases": phases(plan),
        "edges": edges(plan),
        "readiness": {
            "score": readiness.score,
            "max_score": readiness.max_score,
            "band": readiness.band.label(),
            "band_id": readiness.band.id(),
            "criteria": readiness.criteria.iter().map(|criterion| json!({
                "label": criterion.kind.label(),
                "status": match criterion.status {
                    Status::Met => "met",
                    Status::Absent => "missing",
                    Status::NotAssessed => "not assessed",
                },
                "points": criterion.points,
                "max_points": criterion.max_points,
                "detail": criterion.detail,
            })).collect::<Vec<_>>(),
            "gaps": readiness.gaps.iter().map(|gap| json!({"id": gap.id, "message": gap.message})).collect::<Vec<_>>(),
            "recommendations": readiness.recommendations,
        },
        "decision": decision(plan),
        "deliverables": deliverables(model),
        "optimization": {
            "metrics": model.optimization.iter().flat_map(|o| &o.metrics).map(|metric| json!({
                "name": metric.name,
                "target": metric.target,
                "current": metric.current,
            })).collect::<Vec<_>>(),
            "recommendations": diagnostics.iter()
                .filter(|d| RECOMMENDATIONS.iter().any(|code| std::ptr::eq(*code, d.code)))
                .map(|d| json!({
                    "code": d.code.code,
                    "rule": d.code.name,
                    "message": d.message,
                    "help": d.help,
                })).collect::<Vec<_>>(),
        },
        "teams": model.success_factors.iter().flat_map(|s| &s.teams).map(|team| json!({
            "name": team.name,
            "responsibilities": team.responsibilities,
            "size": team.size,
        })).collect::<Vec<_>>(),
        "kpis": model.success_factors.iter().flat_map(|s| &s.kpis).map(|kpi| json!({
            "name": kpi.name,
            "target": kpi.target,
            "owner": kpi.owner,
        })).collect::<Vec<_>>(),
    })
}

/// The gantt chart's day 0: the plan's start, or the reference date.
fn chart_start(plan: &CheckedPlan) -> Date {
    plan.analysis
        .schedule
        .as_ref()
        .and_then(|schedule| schedule.start)
        .unwrap_or_else(|| REFERENCE_START.parse().unwrap_or_default())
}

fn day(start: Date, day: u64) -> String {
    i64::try_from(day)
        .ok()
        .and_then(|days| jiff::Span::new().try_days(days).ok())
        .and_then(|span| start.checked_add(span).ok())
        .map_or_else(String::new, |date| date.to_string())
}

fn schedule(plan: &CheckedPlan) -> Json {
    let Some(schedule) = plan.analysis.schedule.as_ref() else {
        return Json::Null;
    };
    let start = chart_start(plan);
    json!({
        "dated": schedule.start.is_some(),
        // Whether every chart date can be written: an undated plan's chart
        // starts on the reference date, and a schedule of millions of days
        // would run past 9999-12-31. (A dated one that does is an error.)
        "charted": !day(start, schedule.total_days).is_empty(),
        "chart_start": start.to_string(),
        "reference_start": REFERENCE_START,
        "total_days": schedule.total_days,
        "finish": schedule.date(schedule.total_days).map(|date| date.to_string()),
        "critical_path": schedule.critical_path.iter()
            .map(|&index| plan.resolved.plan.phases[index].display_name())
            .collect::<Vec<_>>(),
    })
}

/// The phases in time order (ties in the plan's order), with their timing.
fn phases(plan: &CheckedPlan) -> Vec<Json> {
    let model = &plan.resolved.plan;
    let schedule = plan.analysis.schedule.as_ref();
    let chart = chart_start(plan);
    let mut order: Vec<usize> = (0..model.phases.len()).collect();
    if let Some(schedule) = schedule {
        order.sort_by_key(|&index| (schedule.phases[index].start_day, index));
    }
    // Each id's first phase, indexed once: a lookup per dependency stays
    // linear in a plan of 100,000 phases.
    let mut index_of: HashMap<&str, usize> = HashMap::with_capacity(plan.analysis.nodes.len());
    for (index, node) in plan.analysis.nodes.iter().enumerate() {
        index_of.entry(node.id.as_str()).or_insert(index);
    }
    let name_of = |id: &str| {
        index_of
            .get(id)
            .map_or(id, |&index| model.phases[index].display_name())
            .to_string()
    };
    order
        .into_iter()
        .map(|index| {
            let phase = &model.phases[index];
            let node = plan.analysis.nodes.get(index);
            let mut entry = Map::new();
            entry.insert("node".into(), json!(format!("p{index}")));
            entry.insert("id".into(), json!(node.map(|node| node.id.clone())));
            entry.insert("name".into(), json!(phase.display_name()));
            entry.insert("duration".into(), json!(phase.duration.trim()));
            entry.insert("milestone".into(), json!(phase.milestone == Some(true)));
            entry.insert(
                "depends_on".into(),
                json!(
                    phase
                        .depends_on
                        .iter()
                        .map(|id| name_of(id))
                        .collect::<Vec<_>>()
                ),
            );
            entry.insert("scope".into(), json!(phase.scope));
            entry.insert("infrastructure".into(), json!(phase.infrastructure));
            entry.insert(
                "success_criteria".into(),
                json!(
                    phase
                        .success_criteria
                        .as_ref()
                        .map_or(&[][..], |c| c.as_slice())
                ),
            );
            entry.insert("rollback_plan".into(), json!(phase.rollback_plan));
            // Without a schedule the timing keys are there, and empty.
            for key in [
                "days",
                "start_day",
                "finish_day",
                "float_days",
                "critical",
                "chart_start",
                "chart_finish",
                "start",
                "finish",
            ] {
                entry.insert(key.into(), Json::Null);
            }
            if let Some(times) = schedule.map(|schedule| &schedule.phases[index]) {
                let dated = schedule.is_some_and(|schedule| schedule.start.is_some());
                entry.insert("days".into(), json!(times.finish_day - times.start_day));
                entry.insert("start_day".into(), json!(times.start_day));
                entry.insert("finish_day".into(), json!(times.finish_day));
                entry.insert("float_days".into(), json!(times.float_days));
                entry.insert("critical".into(), json!(times.critical));
                entry.insert("chart_start".into(), json!(day(chart, times.start_day)));
                entry.insert("chart_finish".into(), json!(day(chart, times.finish_day)));
                entry.insert(
                    "start".into(),
                    json!(dated.then(|| day(chart, times.start_day))),
                );
                entry.insert(
                    "finish".into(),
                    json!(dated.then(|| day(chart, times.finish_day))),
                );
            }
            Json::Object(entry)
        })
        .collect()
}

/// Dependency edges in a stable order (by dependent, then by dependency),
/// each marked when it lies on a critical path.
fn edges(plan: &CheckedPlan) -> Vec<Json> {
    use petgraph::visit::EdgeRef;
    let mut edges: Vec<(usize, usize, usize)> = plan
        .analysis
        .graph
        .edge_references()
        .map(|edge| (edge.target().index(), *edge.weight(), edge.source().index()))
        .collect();
    edges.sort_unstable();
    edges
        .into_iter()
        .map(|(dependent, _, dependency)| {
            let critical = plan.analysis.schedule.as_ref().is_some_and(|schedule| {
                let (from, to) = (&schedule.phases[dependency], &schedule.phases[dependent]);
                from.critical && to.critical && to.start_day == from.finish_day
            });
            json!({"from": format!("p{dependency}"), "to": format!("p{dependent}"), "critical": critical})
        })
        .collect()
}

fn decision(plan: &CheckedPlan) -> Json {
    let Some(decision) = plan.decision.as_ref() else {
        return Json::Null;
    };
    let described = decision.strategy.and_then(info);
    json!({
        "strategy": decision.strategy.map(strategy_id),
        "rule": decision.rule,
        "reason": decision.reason,
        "custom_rules": decision.custom_rules,
        "by_plan": decision.by_plan,
        "outranked": decision.outranked.iter().map(|outcome| json!({
            "rule": outcome.rule,
            "strategy": strategy_id(outcome.strategy),
            "why": outcome.why,
        })).collect::<Vec<_>>(),
        "trace": decision.trace.iter().map(|outcome| json!({
            "rule": outcome.rule,
            "strategy": strategy_id(outcome.strategy),
            "matched": outcome.matched,
            "why": outcome.why,
        })).collect::<Vec<_>>(),
        "info": described.map(|info| json!({
            "name": info.name,
            "description": info.description,
            "components": info.components,
            "best_for": info.best_for,
            "cost_model": info.cost_model,
            "migration_path": info.migration_path,
        })),
    })
}

/// A measurable target, parsed, or why it cannot be.
fn target(text: &str) -> Json {
    match parse_target(text) {
        Ok(target) => json!({
            "text": text,
            "measurable": true,
            "name": target.name,
            "comparison": target.comparison.map(|comparison| comparison.symbol()),
            "value": number(target.value),
            "unit": target.unit,
        }),
        Err(error) => json!({"text": text, "measurable": false, "problem": error.to_string()}),
    }
}

/// `20`, `0.5`, `99.9`: a number without a trailing `.0`.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The phases' data foundation deliverables, in the plan's order.
fn deliverables(model: &Plan) -> Vec<Json> {
    model
        .phases
        .iter()
        .filter(|phase| !phase.critical_deliverables.is_empty())
        .map(|phase| {
            json!({
                "phase": phase.display_name(),
                "items": phase.critical_deliverables.iter().map(deliverable).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn deliverable(item: &Deliverable) -> Json {
    if let Some(lake) = &item.data_lake_implementation {
        json!({
            "kind": "data_lake_implementation",
            "title": "Data lake",
            "technology": lake.technology,
            "size": lake.size,
            "access_patterns": lake.access_patterns,
        })
    } else if let Some(pipeline) = &item.data_pipeline_modernization {
        json!({
            "kind": "data_pipeline_modernization",
            "title": "Data pipeline modernisation",
            "current": pipeline.current,
            "target": pipeline.target,
            "metrics": pipeline.metrics.iter().map(|text| target(text)).collect::<Vec<_>>(),
        })
    } else if let Some(governance) = &item.data_governance_framework {
        json!({
            "kind": "data_governance_framework",
            "title": "Data governance framework",
            "components": governance.components,
            "compliance": governance.compliance,
            "quality_rules": governance.quality_rules.iter().map(|text| target(text)).collect::<Vec<_>>(),
        })
    } else {
        json!({"kind": "unknown", "title": "Deliverable"})
    }
}
