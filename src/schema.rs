//! The schema stage: the JSON Schema that the model derives, and validation
//! of every loaded file against it with every error turned into a located,
//! worded diagnostic.
//!
//! Takes a `LoadedFile` (and the phases `model::stream` refused as they were
//! read, which it reports at their place); returns diagnostics. The schema
//! published as `schemas/aiplan.schema.json` (`aiplan schema`) is
//! `published()`; each file is validated against the definition for its
//! kind (plan, phase document or fragment) so that errors name the right
//! keys.

use crate::diagnostics::{self as diag, Code, Diagnostic, Label};
use crate::load::{FileKind, LoadedFile, PHASES_KEY, pointer_tokens};
use crate::model::stream::PhaseStream;
use crate::model::{PhaseDocument, Plan};
use crate::source::Sources;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// At most this many schema errors are reported per file; a generated file
/// with a systematic mistake would otherwise bury the summary.
const MAX_ERRORS_PER_FILE: usize = 1000;

/// The `$defs` of the model: `Plan`, `PhaseDocument`, `PlanFragment` and
/// everything they refer to.
fn definitions() -> &'static Map<String, Value> {
    static DEFS: OnceLock<Map<String, Value>> = OnceLock::new();
    DEFS.get_or_init(|| {
        let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
        generator.subschema_for::<Plan>();
        generator.subschema_for::<PhaseDocument>();
        let mut defs = generator.definitions().clone();
        for definition in defs.values_mut() {
            forbid_null(definition);
        }
        if let Some(mut fragment) = defs.get("Plan").cloned() {
            if let Some(object) = fragment.as_object_mut() {
                object.remove("required");
                object.insert("title".into(), "aiplan plan fragment".into());
                object.insert(
                    "description".into(),
                    "A file included by a plan: any of the plan's top-level sections. \
                     Its phases join the plan's phases."
                        .into(),
                );
            }
            defs.insert("PlanFragment".into(), fragment);
        }
        defs
    })
}

/// Optional fields may be left out, but not written empty: `rollback_plan:`
/// with no value is an error rather than a silent "no rollback plan". The
/// derive writes `Option<T>` as "T or null"; this takes the null away, which
/// also keeps errors inside optional sections precise instead of hiding them
/// under an `anyOf`.
fn forbid_null(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|json_type| json_type != "null");
        if types.len() == 1 {
            let single = types.remove(0);
            object.insert("type".into(), single);
        }
    }
    // The derive bounds unsigned integers below but not above; without the
    // upper bound, `gpu_nodes: 99999999999` would pass the schema and then
    // fail to load.
    if let Some(maximum) = machine_maximum(object.get("format").and_then(Value::as_str)) {
        object.entry("maximum").or_insert(Value::from(maximum));
    }
    if let Some(Value::Array(alternatives)) = object.get("anyOf")
        && alternatives.len() == 2
        && let Some(index) = alternatives
            .iter()
            .position(|alternative| alternative == &json!({"type": "null"}))
    {
        let kept = alternatives[1 - index].clone();
        object.remove("anyOf");
        if let Value::Object(kept) = kept {
            for (key, value) in kept {
                object.entry(key).or_insert(value);
            }
        }
    }
    for child in object.values_mut() {
        match child {
            Value::Object(_) => forbid_null(child),
            Value::Array(items) => items.iter_mut().for_each(forbid_null),
            _ => {}
        }
    }
}

/// The largest value an unsigned integer field can hold, from its `format`.
fn machine_maximum(format: Option<&str>) -> Option<u64> {
    match format {
        Some("uint8") => Some(u64::from(u8::MAX)),
        Some("uint16") => Some(u64::from(u16::MAX)),
        Some("uint32") => Some(u64::from(u32::MAX)),
        _ => None,
    }
}

/// The published schema: a plan file, a phase document or a plan fragment,
/// told apart the way aiplan tells them apart (by `aiplan:` and `phase:`).
pub fn published() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "aiplan plan",
        "description": "An aiplan plan file (`aiplan: 1`), a phase document (`phase: ...`) \
                        or a plan fragment included by a plan. See `aiplan schema`.",
        "if": {"type": "object", "required": ["aiplan"]},
        "then": {"$ref": "#/$defs/Plan"},
        "else": {
            "if": {"type": "object", "required": ["phase"]},
            "then": {"$ref": "#/$defs/PhaseDocument"},
            "else": {"$ref": "#/$defs/PlanFragment"}
        },
        "$defs": definitions(),
    })
}

/// The schema for one kind of file, and its compiled validator.
struct KindSchema {
    schema: Value,
    validator: Validator,
}

/// The schema a document of this kind is validated against. When the
/// items of its `phases` list were taken as they were read
/// (`model::stream`, which checks each against `Phase`), the list is left
/// empty: the document is checked without its items. Each schema is
/// compiled the first time a document needs it.
fn kind_schema(kind: FileKind, phases_taken: bool) -> &'static KindSchema {
    static SCHEMAS: [OnceLock<KindSchema>; 5] = [const { OnceLock::new() }; 5];
    let (slot, name, phases_taken) = match (kind, phases_taken) {
        (FileKind::Plan, false) => (0, "Plan", false),
        (FileKind::Plan, true) => (1, "Plan", true),
        (FileKind::Fragment, false) => (2, "PlanFragment", false),
        (FileKind::Fragment, true) => (3, "PlanFragment", true),
        // A phase document has no `phases` key: its list, if written, is
        // reported as an unknown key whatever it holds.
        (FileKind::PhaseDocument, _) => (4, "PhaseDocument", false),
    };
    SCHEMAS[slot].get_or_init(|| compile(name, phases_taken))
}

/// The schema of one item of a plan's `phases` list.
fn phase_schema() -> &'static KindSchema {
    static SCHEMA: OnceLock<KindSchema> = OnceLock::new();
    SCHEMA.get_or_init(|| compile("Phase", false))
}

/// Whether one item of a `phases` list is a valid phase.
pub fn is_valid_phase(value: &Value) -> bool {
    phase_schema().validator.is_valid(value)
}

/// The schema rooted at the definition `name`, compiled.
fn compile(name: &str, without_phase_items: bool) -> KindSchema {
    let mut defs = definitions().clone();
    if without_phase_items
        && let Some(items) = defs
            .get_mut(name)
            .and_then(|definition| definition.pointer_mut("/properties/phases/items"))
    {
        *items = Value::Bool(true);
    }
    let schema = json!({
        "$schema": DRAFT,
        "$ref": format!("#/$defs/{name}"),
        "$defs": defs,
    });
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|error| panic!("the derived schema does not compile: {error}"));
    KindSchema { schema, validator }
}

/// Validates one file, with the phases `stream` took from it; every error
/// becomes a diagnostic. Returns whether the file is valid.
pub fn validate(
    file: &LoadedFile,
    stream: &PhaseStream,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let phases_taken = file.document.phases_taken > 0 && file.kind != FileKind::PhaseDocument;
    let kind = kind_schema(file.kind, phases_taken);
    let mut count = 0;
    let mut report = |error: &ValidationError<'_>, schema: &Value, prefix: &[String]| {
        count += 1;
        if count <= MAX_ERRORS_PER_FILE {
            Translator {
                file,
                sources,
                schema,
                prefix,
            }
            .translate(error, diagnostics);
        }
    };
    for error in kind.validator.iter_errors(&file.document.value) {
        report(&error, &kind.schema, &[]);
    }
    // The phases the stream refused, each at its place in the list.
    if phases_taken && let Some(phases) = stream.of(file.id) {
        let phase = phase_schema();
        for (index, value) in &phases.invalid {
            let prefix = [PHASES_KEY.to_string(), index.to_string()];
            for error in phase.validator.iter_errors(value) {
                report(&error, &phase.schema, &prefix);
            }
        }
    }
    if count > MAX_ERRORS_PER_FILE {
        diagnostics.push(
            Diagnostic::new(
                &diag::INVALID_VALUE,
                format!(
                    "{} more schema errors in this file are not shown",
                    count - MAX_ERRORS_PER_FILE
                ),
                Label::new(file.id, file.document.spans.span(), ""),
            )
            .with_help("fix the errors above and run again"),
        );
    }
    count == 0
}

struct Translator<'a> {
    file: &'a LoadedFile,
    sources: &'a Sources,
    /// The schema the error's schema path starts from.
    schema: &'a Value,
    /// Where in the file the validated value is (`["phases", "3"]` for a
    /// phase validated on its own; empty for the whole document).
    prefix: &'a [String],
}

impl Translator<'_> {
    fn translate(&self, error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
        let tokens: Vec<String> = self
            .prefix
            .iter()
            .cloned()
            .chain(pointer_tokens(error.instance_path().as_str()))
            .collect();
        let place = describe_place(&tokens);
        let instance = error.instance();
        let schema_tokens = pointer_tokens(error.schema_path().as_str());
        // The schema object that holds the failing keyword.
        let holder = self.schema_at(&schema_tokens[..schema_tokens.len().saturating_sub(1)]);
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    out.push(self.unknown_key(&tokens, key, &place, holder));
                }
            }
            ValidationErrorKind::Required { property } => {
                let property = property.as_str().unwrap_or_default();
                let mut diagnostic = self.at_map(
                    &diag::MISSING_KEY,
                    &tokens,
                    format!("{place} is missing the required key `{property}`"),
                    format!("`{property}` is required here"),
                );
                let description = holder
                    .and_then(|h| h.pointer(&format!("/properties/{property}")))
                    .and_then(|property_schema| self.description(property_schema));
                diagnostic.help = Some(match description {
                    Some(description) => format!("add `{property}:` — {description}"),
                    None => format!("add `{property}:`"),
                });
                out.push(diagnostic);
            }
            ValidationErrorKind::Type { kind } => {
                let expected = describe_type_kind(kind);
                let mut diagnostic = self.at_value(
                    &diag::WRONG_TYPE,
                    &tokens,
                    format!(
                        "{place} must be {expected}, not {}",
                        crate::load::describe(instance)
                    ),
                    format!("expected {expected}"),
                );
                diagnostic.help = self.shape_help(&tokens, instance, &expected);
                out.push(diagnostic);
            }
            ValidationErrorKind::Enum { options } => {
                let allowed: Vec<String> = options
                    .as_array()
                    .map(|values| values.iter().map(plain).collect())
                    .unwrap_or_default();
                out.push(self.not_allowed(&tokens, &place, instance, &allowed));
            }
            // `aiplan: "1"` or `aiplan:` is a type error, reported as such; a
            // number out of range is an unsupported version, reported once.
            ValidationErrorKind::Constant { .. }
            | ValidationErrorKind::Minimum { .. }
            | ValidationErrorKind::Maximum { .. }
                if tokens == ["aiplan"]
                    && !matches!(error.kind(), ValidationErrorKind::Constant { .. }
                        if instance.is_u64() || instance.is_i64()) => {}
            ValidationErrorKind::Constant { expected_value } if tokens == ["aiplan"] => {
                out.push(
                    self.at_value(
                        &diag::UNSUPPORTED_VERSION,
                        &tokens,
                        format!(
                            "this plan declares format version {}, which this aiplan does not read",
                            plain(instance)
                        ),
                        "unsupported version".to_string(),
                    )
                    .with_help(format!(
                        "this aiplan reads plan format version {expected_value}; write `aiplan: {expected_value}`, \
                         or upgrade aiplan if the plan was written for a newer one"
                    )),
                );
            }
            ValidationErrorKind::Format { format } => {
                let help = match format.as_str() {
                    "date" => "write the date as YYYY-MM-DD, for example `2027-01-04`".to_string(),
                    other => format!("write a valid {other}"),
                };
                out.push(
                    self.at_value(
                        &diag::INVALID_VALUE,
                        &tokens,
                        format!("`{}` is not a valid {format} for {place}", plain(instance)),
                        format!("not a {format}"),
                    )
                    .with_help(help),
                );
            }
            ValidationErrorKind::Pattern { .. } if last_key(&tokens) == Some("id") => {
                out.push(
                    self.at_value(
                        &diag::INVALID_VALUE,
                        &tokens,
                        format!("`{}` is not a valid phase id", plain(instance)),
                        "not kebab-case".to_string(),
                    )
                    .with_help(format!(
                        "ids are kebab-case: lower-case letters and digits joined by single hyphens, \
                         for example `{}`",
                        kebab_case(&plain(instance))
                    )),
                );
            }
            ValidationErrorKind::MinProperties { .. }
            | ValidationErrorKind::MaxProperties { .. }
                if holder.is_some_and(|h| h.get("minProperties") == Some(&json!(1))) =>
            {
                let kinds = holder.map(property_names).unwrap_or_default();
                out.push(
                    self.at_map(
                        &diag::INVALID_VALUE,
                        &tokens,
                        format!("{place} must name exactly one kind of deliverable"),
                        "one key expected".to_string(),
                    )
                    .with_help(format!(
                        "write each deliverable as its own list item, such as \
                         `- data_lake_implementation: {{...}}`; the kinds are: {}",
                        kinds.join(", ")
                    )),
                );
            }
            ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
                out.push(self.no_alternative(&tokens, &place, instance, holder, &schema_tokens));
            }
            ValidationErrorKind::Minimum { limit } => {
                let mut diagnostic = self.at_value(
                    &diag::INVALID_VALUE,
                    &tokens,
                    format!("{place} must be at least {limit}, not {}", plain(instance)),
                    format!("below {limit}"),
                );
                diagnostic.help = holder.map(|holder| self.range_help(holder));
                out.push(diagnostic);
            }
            ValidationErrorKind::Maximum { limit } => {
                let mut diagnostic = self.at_value(
                    &diag::INVALID_VALUE,
                    &tokens,
                    format!("{place} must be at most {limit}, not {}", plain(instance)),
                    format!("above {limit}"),
                );
                diagnostic.help = holder.map(|holder| self.range_help(holder));
                out.push(diagnostic);
            }
            _ => out.push(self.at_value(
                &diag::INVALID_VALUE,
                &tokens,
                format!("{place}: {error}"),
                "invalid value".to_string(),
            )),
        }
    }

    /// The help for a number out of range: the range, and what the number
    /// is, from the field's description.
    fn range_help(&self, schema: &Value) -> String {
        let kind = match schema.get("type").and_then(Value::as_str) {
            Some("integer") => "a whole number",
            _ => "a number",
        };
        // The largest value of a machine integer is no advice; the message
        // names it when it is the bound that was passed.
        let maximum = schema.get("maximum").filter(|maximum| {
            maximum.as_u64() != machine_maximum(schema.get("format").and_then(Value::as_str))
        });
        let range = match (schema.get("minimum"), maximum) {
            (Some(minimum), Some(maximum)) => format!("{kind} from {minimum} to {maximum}"),
            (Some(minimum), None) => format!("{kind} of at least {minimum}"),
            (None, Some(maximum)) => format!("{kind} of at most {maximum}"),
            (None, None) => kind.to_string(),
        };
        match self.description(schema) {
            Some(description) => format!("write {range} — {description}"),
            None => format!("write {range}"),
        }
    }

    fn unknown_key(
        &self,
        tokens: &[String],
        key: &str,
        place: &str,
        holder: Option<&Value>,
    ) -> Diagnostic {
        let located = self.locate(tokens.iter().map(String::as_str).chain([key]));
        let span = located.key.unwrap_or(located.value);
        let allowed = holder.map(property_names).unwrap_or_default();
        let is_phase = allowed.iter().any(|name| name == "duration");
        let help = match closest(key, allowed.iter().map(String::as_str)) {
            // The two ways of naming a phase, written in the wrong place.
            _ if is_phase && key == "name" && self.file.kind == FileKind::PhaseDocument => {
                "a phase document names its phase with `phase:`".to_string()
            }
            _ if is_phase && key == crate::model::PHASE_DOCUMENT_NAME_KEY => {
                "in a plan's `phases:` list a phase is named with `name:`; `phase:` is for \
                 phase documents"
                    .to_string()
            }
            Some(close) => format!("did you mean `{close}`?"),
            None if allowed.is_empty() => "remove this key".to_string(),
            None => format!("the keys allowed here are: {}", allowed.join(", ")),
        };
        Diagnostic::new(
            &diag::UNKNOWN_KEY,
            format!("unknown key `{key}` in {place}"),
            Label::new(self.file.id, span, "unknown key"),
        )
        .with_help(help)
    }

    fn no_alternative(
        &self,
        tokens: &[String],
        place: &str,
        instance: &Value,
        holder: Option<&Value>,
        schema_tokens: &[String],
    ) -> Diagnostic {
        let alternatives = holder
            .and_then(|h| h.get(schema_tokens.last().map_or("anyOf", String::as_str)))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        // `anyOf: [{required: [name]}, {required: [id]}]` on a phase.
        let required: Vec<String> = alternatives
            .iter()
            .filter_map(|alternative| alternative.pointer("/required/0").and_then(Value::as_str))
            .map(|key| format!("`{key}`"))
            .collect();
        if !required.is_empty() && required.len() == alternatives.len() {
            return self
                .at_map(
                    &diag::MISSING_KEY,
                    tokens,
                    format!("{place} needs {}", required.join(" or ")),
                    "neither is given".to_string(),
                )
                .with_help("give the phase a `name:` (its id is derived from it) or an `id:`");
        }
        // An enum whose variants are documented: `oneOf` of `const`s.
        let constants: Option<Vec<String>> = alternatives
            .iter()
            .map(|alternative| alternative.get("const").map(plain))
            .collect();
        if let Some(allowed) = constants.filter(|allowed| !allowed.is_empty()) {
            return self.not_allowed(tokens, place, instance, &allowed);
        }
        let forms: Vec<String> = alternatives.iter().map(describe_schema).collect();
        let expected = if forms.is_empty() {
            "one of the accepted forms".to_string()
        } else {
            forms.join(" or ")
        };
        let mut diagnostic = self.at_value(
            &diag::WRONG_TYPE,
            tokens,
            format!(
                "{place} must be {expected}, not {}",
                crate::load::describe(instance)
            ),
            format!("expected {expected}"),
        );
        diagnostic.help = self.shape_help(tokens, instance, &expected);
        diagnostic
    }

    fn not_allowed(
        &self,
        tokens: &[String],
        place: &str,
        instance: &Value,
        allowed: &[String],
    ) -> Diagnostic {
        let given = plain(instance);
        let mut help = format!("allowed values: {}", allowed.join(", "));
        if let Some(close) = closest(&given, allowed.iter().map(String::as_str)) {
            help = format!("did you mean `{close}`? ({help})");
        }
        self.at_value(
            &diag::INVALID_VALUE,
            tokens,
            format!("`{given}` is not an allowed value for {place}"),
            "not an allowed value".to_string(),
        )
        .with_help(help)
    }

    fn locate<'t>(&self, tokens: impl IntoIterator<Item = &'t str>) -> crate::load::Located {
        self.file.document.locate(tokens)
    }

    /// A diagnostic on the value at `tokens`.
    fn at_value(
        &self,
        code: &'static Code,
        tokens: &[String],
        message: String,
        label: String,
    ) -> Diagnostic {
        let located = self.locate(tokens.iter().map(String::as_str));
        let span = self.sources.get(self.file.id).first_line(located.value);
        Diagnostic::new(code, message, Label::new(self.file.id, span, label))
    }

    /// A diagnostic on a mapping as a whole: on the key that introduces it,
    /// or on the first line of the mapping.
    fn at_map(
        &self,
        code: &'static Code,
        tokens: &[String],
        message: String,
        label: String,
    ) -> Diagnostic {
        let located = self.locate(tokens.iter().map(String::as_str));
        let span = located
            .key
            .unwrap_or_else(|| self.sources.get(self.file.id).first_line(located.value));
        Diagnostic::new(code, message, Label::new(self.file.id, span, label))
    }

    /// The schema object at a schema pointer, following a `$ref` there.
    fn schema_at(&self, tokens: &[String]) -> Option<&Value> {
        let mut node = self.schema;
        for token in tokens {
            node = match node {
                Value::Object(map) => map.get(token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(self.resolve(node))
    }

    fn resolve<'v>(&'v self, mut node: &'v Value) -> &'v Value {
        for _ in 0..8 {
            match node.get("$ref").and_then(Value::as_str) {
                Some(reference) => match reference
                    .strip_prefix('#')
                    .and_then(|pointer| self.schema.pointer(pointer))
                {
                    Some(target) => node = target,
                    None => break,
                },
                None => break,
            }
        }
        node
    }

    /// A schema's description: the property's own (what the field is for)
    /// before the referenced type's (what the type is).
    fn description(&self, schema: &Value) -> Option<String> {
        schema
            .get("description")
            .or_else(|| self.resolve(schema).get("description"))
            .and_then(Value::as_str)
            .map(|text| text.split("\n\n").next().unwrap_or(text).replace('\n', " "))
    }

    /// The schema of the value at an instance path (in the file), found by
    /// walking `properties` and `items` from the root of the schema.
    fn schema_of_instance(&self, tokens: &[String]) -> Option<&Value> {
        let mut node = self.schema;
        for token in tokens.get(self.prefix.len()..)? {
            let resolved = self.resolve(node);
            node = match resolved
                .get("properties")
                .and_then(|properties| properties.get(token))
            {
                Some(property) => property,
                None if token.parse::<usize>().is_ok() => resolved.get("items")?,
                None => return None,
            };
        }
        Some(node)
    }

    /// Help for a value of the wrong shape: what the field is for, and how
    /// to write a single item as a list when a list was expected.
    fn shape_help(&self, tokens: &[String], instance: &Value, expected: &str) -> Option<String> {
        let field = last_key(tokens).unwrap_or("this value");
        if expected.starts_with("a list")
            && let Some(item) = instance.as_str().or(instance.as_number().map(|_| ""))
        {
            let item = if item.is_empty() {
                instance.to_string()
            } else {
                item.to_string()
            };
            return Some(format!(
                "write a list, even of one item: `{field}: [{item}]`"
            ));
        }
        let description = self
            .schema_of_instance(tokens)
            .and_then(|s| self.description(s))?;
        Some(format!("{field}: {description}"))
    }
}

/// "phases[2].rollback_plan", or "the plan's top level".
fn describe_place(tokens: &[String]) -> String {
    if tokens.is_empty() {
        return "the top level".to_string();
    }
    let mut place = String::new();
    for token in tokens {
        if token.parse::<usize>().is_ok() {
            place.push_str(&format!("[{token}]"));
        } else {
            if !place.is_empty() {
                place.push('.');
            }
            place.push_str(token);
        }
    }
    format!("`{place}`")
}

fn last_key(tokens: &[String]) -> Option<&str> {
    tokens
        .iter()
        .rev()
        .find(|token| token.parse::<usize>().is_err())
        .map(String::as_str)
}

fn property_names(schema: &Value) -> Vec<String> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

/// The closest candidate to a misspelt word, when it is close enough to be
/// a likely intent.
pub fn closest<'c>(given: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(given, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        // Equal scores go to the alphabetically first candidate, so the
        // suggestion does not depend on the candidates' order.
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

/// A value as written in a message: strings bare, others as JSON.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => crate::load::shorten(text),
        other => other.to_string(),
    }
}

fn describe_type_kind(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(single) => describe_json_type(*single).to_string(),
        TypeKind::Multiple(set) => {
            let names: Vec<&str> = set
                .iter()
                .filter(|json_type| *json_type != JsonType::Null)
                .map(describe_json_type)
                .collect();
            if names.is_empty() {
                "empty".to_string()
            } else {
                names.join(" or ")
            }
        }
    }
}

fn describe_json_type(json_type: JsonType) -> &'static str {
    match json_type {
        JsonType::Array => "a list",
        JsonType::Boolean => "`true` or `false`",
        JsonType::Integer => "a whole number",
        JsonType::Null => "empty",
        JsonType::Number => "a number",
        JsonType::Object => "a mapping",
        JsonType::String => "a string",
    }
}

/// "a string", "a list of strings", … from a (sub)schema's `type`.
fn describe_schema(schema: &Value) -> String {
    let name = |json_type: &str| match json_type {
        "array" => {
            let items = schema.pointer("/items/type").and_then(Value::as_str);
            match items {
                Some("string") => "a list of strings",
                _ => "a list",
            }
        }
        "boolean" => "`true` or `false`",
        "integer" => "a whole number",
        "number" => "a number",
        "object" => "a mapping",
        "string" => "a string",
        _ => "a value",
    };
    match schema.get("type") {
        Some(Value::String(json_type)) => name(json_type).to_string(),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .filter(|json_type| *json_type != "null")
            .map(name)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "a value of another form".to_string(),
    }
}

/// `Data Layer Migration` → `data-layer-migration`.
pub fn kebab_case(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// The published schema as the text committed in `schemas/aiplan.schema.json`.
pub fn render() -> String {
    let mut text = serde_json::to_string_pretty(&published()).unwrap_or_default();
    text.push('\n');
    text
}
