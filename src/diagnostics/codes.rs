//! Every diagnostic code aiplan can emit, with its stable kebab-case name,
//! default severity and a one-line summary. Codes never change meaning once
//! published: users suppress and configure them by name.

use super::Severity;

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Code {
    /// Stable code, such as `AP101`.
    pub code: &'static str,
    /// Stable kebab-case name, such as `yaml-syntax`.
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

macro_rules! codes {
    ($($ident:ident = $code:literal $name:literal $severity:ident $summary:literal;)*) => {
        $(pub static $ident: Code = Code {
            code: $code,
            name: $name,
            severity: Severity::$severity,
            summary: $summary,
        };)*
        /// All codes, in code order.
        pub static ALL_CODES: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    YAML_SYNTAX = "AP101" "yaml-syntax" Error "The file is not well-formed YAML.";
    INVALID_ENCODING = "AP102" "invalid-encoding" Error "The file is not UTF-8 text.";
    EMPTY_FILE = "AP103" "empty-file" Error "The file holds no YAML document.";
    DUPLICATE_KEY = "AP104" "duplicate-key" Error "A mapping names the same key twice.";
    RESOURCE_LIMIT = "AP105" "resource-limit" Error "The file exceeds a size, nesting or alias-expansion limit.";
    UNSUPPORTED_YAML = "AP106" "unsupported-yaml" Error "The file uses a YAML feature a plan cannot hold (tags, complex keys, several documents).";
    NOT_A_PLAN = "AP107" "not-a-plan" Error "The file is neither a plan file nor a phase document.";
    UNKNOWN_KEY = "AP201" "unknown-key" Error "A key that the plan format does not define.";
    WRONG_TYPE = "AP202" "wrong-type" Error "A value of the wrong type.";
    MISSING_KEY = "AP203" "missing-key" Error "A required key is missing.";
    INVALID_VALUE = "AP204" "invalid-value" Error "A value outside what the plan format allows.";
    UNSUPPORTED_VERSION = "AP205" "unsupported-version" Error "The plan declares a format version this aiplan does not read.";
    INCLUDE_NOT_FOUND = "AP301" "include-not-found" Error "An included file cannot be read.";
    INCLUDE_CYCLE = "AP302" "include-cycle" Error "Files include each other in a cycle.";
    INCLUDE_OUTSIDE_ROOT = "AP303" "include-outside-root" Error "An include points outside the plan's repository.";
    INCLUDE_CONFLICT = "AP304" "include-conflict" Error "Two files of one plan define the same section.";
    UNKNOWN_DEPENDENCY = "AP401" "unknown-dependency" Error "`depends_on` names a phase that does not exist.";
    DUPLICATE_PHASE_ID = "AP402" "duplicate-phase-id" Error "Two phases have the same id.";
    SELF_DEPENDENCY = "AP403" "self-dependency" Error "A phase depends on itself.";
    DEPENDENCY_CYCLE = "AP404" "dependency-cycle" Error "Phases depend on each other in a cycle.";
    INVALID_DURATION = "AP405" "invalid-duration" Error "A duration that cannot be read, or zero outside a milestone.";
    DUPLICATE_DEPENDENCY = "AP406" "duplicate-dependency" Warning "`depends_on` names the same phase twice.";
    UNDERIVABLE_ID = "AP407" "underivable-id" Error "A phase has no id and none can be derived from its name.";
    DATE_OUT_OF_RANGE = "AP408" "date-out-of-range" Error "The schedule ends after 9999-12-31, the last date aiplan can represent.";
    MISSING_ROLLBACK = "AP501" "missing-rollback" Warning "A phase has no `rollback_plan`.";
    MISSING_INFRASTRUCTURE = "AP502" "missing-infrastructure" Warning "A phase does not say what it runs on (pre-flight check).";
    MISSING_SUCCESS_CRITERIA = "AP503" "missing-success-criteria" Warning "A phase does not say how its success is judged (pre-flight check).";
    MISSING_TARGET_STATE = "AP504" "missing-target-state" Warning "The plan does not state its current and target state (pre-flight check).";
    NO_STRATEGY_MATCHED = "AP601" "no-strategy-matched" Warning "`compute.strategy: auto`, but no rule of the decision matrix matches and no default is named.";
    STRATEGY_MISMATCH = "AP602" "strategy-mismatch" Warning "The named compute strategy differs from the decision matrix's choice.";
    UNREACHABLE_DECISION_RULE = "AP603" "unreachable-decision-rule" Warning "A rule of the plan's decision matrix can never decide.";
    UNREADABLE_TARGET = "AP604" "unreadable-target" Warning "A latency bound, metric or quality rule cannot be read as a measurable target.";
    MISSING_REQUIREMENT = "AP605" "missing-requirement" Warning "A requirement that the stated workloads need is not given.";
    CONTRADICTORY_REQUIREMENTS = "AP606" "contradictory-requirements" Warning "Two stated requirements cannot both hold.";
    NETWORK_INSUFFICIENT = "AP701" "network-insufficient" Warning "The provisioned network does not meet what a workload needs.";
    EDGE_BUDGET_EXCEEDED = "AP702" "edge-budget-exceeded" Warning "An edge deployment's latency budget or input size exceeds what edge devices can hold.";
    EDGE_PLAN_INCOMPLETE = "AP703" "edge-plan-incomplete" Warning "An edge-centric plan does not name its devices, constraints, optimisations, latency budget or input size.";
    COMPLIANCE_CONTROLS_MISSING = "AP704" "compliance-controls-missing" Warning "Personal-data compliance in scope without PII detection and lineage tracking.";
    METRIC_THRESHOLD_BREACHED = "AP705" "metric-threshold-breached" Warning "A metric's current value is past its target.";
    SCALE_DOWN_GPUS = "AP706" "scale-down-gpus" Info "GPU utilisation is low: scale GPU nodes down.";
    USE_SPOT_INSTANCES = "AP707" "use-spot-instances" Info "Training tolerates interruption: spot instances are 60-90% cheaper.";
    QUANTIZE_MODELS = "AP708" "quantize-models" Info "Serving costs more than the threshold per prediction: quantise inference models.";
    ADD_FEATURE_CACHE = "AP709" "add-feature-cache" Info "Hot data access patterns: a feature cache cuts loading time.";
    MISSING_TEAM = "AP710" "missing-team" Info "A cross-functional team the migration needs is not named.";
    SUPPRESSION_WITHOUT_REASON = "AP801" "suppression-without-reason" Warning "An `aiplan-ignore` comment gives no reason after `--`; it suppresses nothing.";
    UNUSED_SUPPRESSION = "AP802" "unused-suppression" Warning "An `aiplan-ignore` comment names a rule that reports nothing on its line or the next.";
    INVALID_SUPPRESSION = "AP803" "invalid-suppression" Warning "An `aiplan-ignore` comment names no rule, an unknown rule, or one that cannot be suppressed.";
}

/// Looks a code up by its code or its name.
pub fn find_code(code_or_name: &str) -> Option<&'static Code> {
    ALL_CODES
        .iter()
        .copied()
        .find(|code| code.code.eq_ignore_ascii_case(code_or_name) || code.name == code_or_name)
}
