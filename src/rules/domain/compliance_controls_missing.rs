//! `compliance-controls-missing`: GDPR, HIPAA or CCPA in a governance
//! framework's scope without PII detection and lineage tracking among its
//! components.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

const PERSONAL_DATA_REGIMES: &[&str] = &["GDPR", "HIPAA", "CCPA"];

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let resolved = context.resolved;
    for (phase, source) in resolved.plan.phases.iter().zip(&resolved.phase_sources) {
        for (index, deliverable) in phase.critical_deliverables.iter().enumerate() {
            let Some(governance) = &deliverable.data_governance_framework else {
                continue;
            };
            let regimes: Vec<&str> = governance
                .compliance
                .iter()
                .filter_map(|regime| {
                    PERSONAL_DATA_REGIMES
                        .iter()
                        .find(|known| regime.to_ascii_uppercase().contains(*known))
                        .copied()
                })
                .collect();
            if regimes.is_empty() {
                continue;
            }
            let has = |words: &[&str]| {
                governance.components.iter().any(|component| {
                    let component = component.to_ascii_lowercase();
                    words.iter().any(|word| component.contains(word))
                })
            };
            let missing: Vec<&str> = [
                (
                    "PII detection",
                    has(&["pii", "personal data detection", "sensitive data discovery"]),
                ),
                ("lineage tracking", has(&["lineage"])),
            ]
            .into_iter()
            .filter(|(_, present)| !present)
            .map(|(name, _)| name)
            .collect();
            if missing.is_empty() {
                continue;
            }
            let index = index.to_string();
            diagnostics.push(
                Diagnostic::new(
                    &diag::COMPLIANCE_CONTROLS_MISSING,
                    format!(
                        "{} in scope, but the governance components lack {}",
                        regimes.join(", "),
                        missing.join(" and ")
                    ),
                    context.locator.in_phase(
                        source,
                        &["critical_deliverables", &index, "data_governance_framework", "components"],
                        "needs PII detection and lineage tracking",
                    ),
                )
                .with_help(format!(
                    "add {} to `components`: personal data must be found before it can be protected, \
                     and traced to honour access and erasure requests",
                    missing.iter().map(|name| format!("\"{}\"", capitalise(name))).collect::<Vec<_>>().join(" and ")
                )),
            );
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub static RULE: Rule = Rule {
    code: &diag::COMPLIANCE_CONTROLS_MISSING,
    docs: RuleDocs {
        what: "Reports a `data_governance_framework` deliverable whose `compliance` names GDPR, \
               HIPAA or CCPA when its `components` do not include PII detection and lineage \
               tracking.",
        why: "GDPR, HIPAA and CCPA govern personal data: an organisation must know where personal \
              data is (PII detection) and where it flows (lineage) to answer access and erasure \
              requests, report breaches and prove that training data was used lawfully. A data \
              platform without both fails its first audit.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"phase: Data Foundation
duration: 8 weeks
critical_deliverables:
  - data_governance_framework:
      components: ["Data catalog"]
      compliance: ["GDPR", "HIPAA"]
"#;

const INSTEAD: &str = r#"phase: Data Foundation
duration: 8 weeks
critical_deliverables:
  - data_governance_framework:
      components: ["Data catalog", "Lineage tracking", "PII detection"]
      compliance: ["GDPR", "HIPAA"]
"#;
