//! `unreadable-target`: a latency bound, pipeline metric, quality rule,
//! optimisation metric or KPI target that cannot be read as a measurable
//! target (name, comparison, value, unit).

use crate::diagnostics::{self as diag, Diagnostic, Label};
use crate::model::target::{TARGET_SHAPE, parse_target};
use crate::rules::PlanContext;
use crate::rules::{Rule, RuleDocs};
use crate::source::FileId;

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let plan = &context.resolved.plan;
    let mut report = |file: FileId, pointer: &str, path: &[&str], text: &str, why: String| {
        let span = context.locator.span(file, pointer, path, false);
        diagnostics.push(
            Diagnostic::new(
                &diag::UNREADABLE_TARGET,
                format!(
                    "`{}` cannot be read as a measurable target: {why}",
                    crate::load::shorten(text)
                ),
                Label::new(file, span, "not measurable"),
            )
            .with_help(format!("write {TARGET_SHAPE}")),
        );
    };
    let file_of = |key: &str| context.resolved.section_file(key).unwrap_or(context.file);

    if let Some(text) = plan
        .requirements
        .as_ref()
        .and_then(|r| r.latency_requirement.as_deref())
    {
        match parse_target(text) {
            Ok(target) if target.milliseconds().is_none() => report(
                file_of("requirements"),
                "",
                &["requirements", "latency_requirement"],
                text,
                "a latency needs a unit of time (`ms`, `s`)".to_string(),
            ),
            Ok(_) => {}
            Err(error) => report(
                file_of("requirements"),
                "",
                &["requirements", "latency_requirement"],
                text,
                error.to_string(),
            ),
        }
    }
    for (phase, source) in plan.phases.iter().zip(&context.resolved.phase_sources) {
        for (index, deliverable) in phase.critical_deliverables.iter().enumerate() {
            let index = index.to_string();
            let lists = [
                deliverable
                    .data_pipeline_modernization
                    .as_ref()
                    .map(|pipeline| ("data_pipeline_modernization", "metrics", &pipeline.metrics)),
                deliverable
                    .data_governance_framework
                    .as_ref()
                    .map(|governance| {
                        (
                            "data_governance_framework",
                            "quality_rules",
                            &governance.quality_rules,
                        )
                    }),
            ];
            for (kind, field, items) in lists.into_iter().flatten() {
                for (position, text) in items.iter().enumerate() {
                    if let Err(error) = parse_target(text) {
                        let position = position.to_string();
                        report(
                            source.file,
                            &source.pointer,
                            &["critical_deliverables", &index, kind, field, &position],
                            text,
                            error.to_string(),
                        );
                    }
                }
            }
        }
    }
    if let Some(optimization) = &plan.optimization {
        for (index, metric) in optimization.metrics.iter().enumerate() {
            let index = index.to_string();
            for (field, text) in [
                ("target", Some(&metric.target)),
                ("current", metric.current.as_ref()),
            ] {
                if let Some(text) = text
                    && let Err(error) = parse_target(text)
                {
                    report(
                        file_of("optimization"),
                        "",
                        &["optimization", "metrics", &index, field],
                        text,
                        error.to_string(),
                    );
                }
            }
        }
    }
    if let Some(factors) = &plan.success_factors {
        for (index, kpi) in factors.kpis.iter().enumerate() {
            if let Some(text) = &kpi.target
                && let Err(error) = parse_target(text)
            {
                let index = index.to_string();
                report(
                    file_of("success_factors"),
                    "",
                    &["success_factors", "kpis", &index, "target"],
                    text,
                    error.to_string(),
                );
            }
        }
    }
}

pub static RULE: Rule = Rule {
    code: &diag::UNREADABLE_TARGET,
    docs: RuleDocs {
        what: "Reports a target that cannot be read as a comparison, a value and a unit: \
               `requirements.latency_requirement` (which also needs a unit of time), the \
               `metrics` of a pipeline modernisation, the `quality_rules` of a governance \
               framework, the `target` and `current` of an optimisation metric, and KPI targets.",
        why: "A target that cannot be measured cannot be monitored, met or missed: `fast \
              ingestion` gives the platform team nothing to build alerts on and the decision \
              matrix nothing to decide with. Strings such as `<5 second latency` and \
              `Completeness >95%` are read into name, comparison, value and unit.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)], &[("plan.yaml", NO_TIME_UNIT)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"phase: Data Foundation
duration: 8 weeks
critical_deliverables:
  - data_pipeline_modernization:
      current: Nightly SQL batches
      target: Real-time streaming with Apache Kafka
      metrics: ["low latency", "99.9% uptime"]
"#;

const INSTEAD: &str = r#"phase: Data Foundation
duration: 8 weeks
critical_deliverables:
  - data_pipeline_modernization:
      current: Nightly SQL batches
      target: Real-time streaming with Apache Kafka
      metrics: ["<5 second latency", "99.9% uptime"]
"#;

const NO_TIME_UNIT: &str = r#"aiplan: 1
name: Vision
requirements:
  latency_requirement: "<20"
"#;
