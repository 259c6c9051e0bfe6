//! `invalid-duration`: a duration that cannot be read, or zero outside a
//! milestone.
//!
//! Checked in the graph stage (`duration_days` in src/graph/mod.rs, with
//! the parser in src/model/duration.rs); this file holds the rule's
//! documentation and cases.

use crate::diagnostics as diag;
use crate::rules::{Rule, RuleDocs};

pub static RULE: Rule = Rule {
    code: &diag::INVALID_DURATION,
    docs: RuleDocs {
        what: "Reports a phase `duration` that cannot be read, and a duration of zero days in a phase without `milestone: true`. A duration is a whole number and a unit — days (`d`, `day`, `days`), weeks (`w`, `wk`, `week`, `weeks`) or months of 30 days (`mo`, `month`, `months`), in any case — or a range `6-12 months` / `2-3-6 weeks`. The message says what is wrong: a fraction (`1.5 months`), a negative number, an unknown unit (`2 sprints`, `1 year`), no unit, no number, a range with a unit inside it (`6 weeks-3 months`, written `42-90 days`), a range out of order (optimistic ≤ most likely ≤ pessimistic), or more than 36,500 days; the help lists the accepted forms.",
        why: "Durations are what the schedule is made of: a phase whose duration cannot be read cannot be placed, so aiplan computes no critical path and no end date until it is fixed. Guessing would be worse — is a sprint two weeks or three, a year 360 days or 365? — and every team would get a different end date from the same plan. A zero-length phase that is not marked as a milestone is usually a placeholder whose estimate was never written, and would make the plan look shorter than the work.",
        example: EXAMPLE,
        instead: INSTEAD,
    },
    fires: &[
        &[("plan.yaml", EXAMPLE)],
        &[("plan.yaml", FRACTION)],
        &[("plan.yaml", ZERO_DAYS)],
    ],
    silent: &[
        &[("plan.yaml", INSTEAD)],
        &[("plan.yaml", MILESTONE)],
        &[("plan.yaml", RANGE)],
    ],
};

const EXAMPLE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 2 sprints
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const INSTEAD: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const FRACTION: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 1.5 months
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;

const ZERO_DAYS: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: go-live
    duration: 0 days
    depends_on: [pilot]
    infrastructure: All systems on the new platform
    success_criteria: Go/no-go approved by the steering committee
    rollback_plan: Stay on the legacy platform
"#;

/// A milestone alone may last zero days.
const MILESTONE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 4 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
  - id: go-live
    duration: 0 days
    milestone: true
    depends_on: [pilot]
    infrastructure: All systems on the new platform
    success_criteria: Go/no-go approved by the steering committee
    rollback_plan: Stay on the legacy platform
"#;

/// A three-point estimate.
const RANGE: &str = r#"aiplan: 1
name: Data platform migration
assessment:
  current_state: Nightly SQL batches on an ageing warehouse
  target_state: Real-time lakehouse feeding GPU training
phases:
  - id: pilot
    duration: 3-4-8 weeks
    infrastructure: Cloud sandbox environment
    success_criteria: First AI model deployed without disrupting legacy
    rollback_plan: Simple DNS switch back to legacy
"#;
