//! `missing-team` (info): a cross-functional team the migration needs that
//! `success_factors.teams` does not name.

use crate::diagnostics::{self as diag, Diagnostic};
use crate::rules::{PlanContext, Rule, RuleDocs};

/// The teams a migration to AI-ready infrastructure needs, and words that
/// identify each in a team's name or responsibilities.
const FUNCTIONS: &[(&str, &[&str])] = &[
    (
        "data engineering",
        &[
            "data engineering",
            "data engineer",
            "data platform",
            "pipeline",
        ],
    ),
    (
        "data science",
        &[
            "data science",
            "data scientist",
            "machine learning",
            "ml ",
            "ml",
            "analytics",
        ],
    ),
    (
        "infrastructure/DevOps",
        &[
            "infrastructure",
            "devops",
            "platform",
            "sre",
            "operations",
            "cloud",
        ],
    ),
    (
        "security/compliance",
        &["security", "compliance", "governance", "privacy", "risk"],
    ),
    ("business product owners", &["product", "business"]),
];

pub fn check(context: &PlanContext<'_>, diagnostics: &mut Vec<Diagnostic>) {
    // Only a plan that lists its teams is checked for the missing ones.
    let teams = context
        .resolved
        .plan
        .success_factors
        .as_ref()
        .map(|factors| factors.teams.as_slice())
        .unwrap_or_default();
    if teams.is_empty() {
        return;
    }
    let words: Vec<String> = teams
        .iter()
        .map(|team| {
            let mut text = team.name.to_lowercase();
            for responsibility in &team.responsibilities {
                text.push(' ');
                text.push_str(&responsibility.to_lowercase());
            }
            format!(" {text} ")
        })
        .collect();
    let missing: Vec<&str> = FUNCTIONS
        .iter()
        .filter(|(_, keys)| {
            !words.iter().any(|text| {
                keys.iter().any(|key| {
                    if key.len() <= 3 {
                        // Short words (`ml`, `sre`) must stand alone.
                        text.split(|c: char| !c.is_alphanumeric())
                            .any(|word| word == key.trim())
                    } else {
                        text.contains(key)
                    }
                })
            })
        })
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return;
    }
    let label = context.at(&["success_factors", "teams"], "the teams");
    for function in missing {
        diagnostics.push(
            Diagnostic::new(
                &diag::MISSING_TEAM,
                format!("no team covers {function}"),
                label.clone(),
            )
            .with_help(format!(
                "name the team responsible for {function} under `success_factors.teams` (its name or \
                 responsibilities should say so)"
            )),
        );
    }
}

pub static RULE: Rule = Rule {
    code: &diag::MISSING_TEAM,
    docs: RuleDocs {
        what: "Reports each cross-functional team a migration to AI-ready infrastructure needs \
               that `success_factors.teams` (when the plan lists its teams) does not name: data engineering, data science, \
               infrastructure/DevOps, security/compliance and business product owners (found by \
               their names and responsibilities). An info finding.",
        why: "These migrations fail at the seams between teams more often than on technology: \
              models nobody operates, pipelines nobody owns, compliance reviewed after launch, \
              platforms built without a business owner to adopt them. Naming each team makes the \
              gaps visible before the first phase starts.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[&[("plan.yaml", EXAMPLE)]],
    silent: &[&[("plan.yaml", INSTEAD)]],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Lakehouse
success_factors:
  teams:
    - name: Data engineering
    - name: Data science
    - name: Platform operations
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Lakehouse
success_factors:
  teams:
    - name: Data engineering
    - name: Data science
    - name: Platform operations
    - name: Security and compliance
    - name: Business product owners
"#;
