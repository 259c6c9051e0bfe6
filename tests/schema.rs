//! The published schema is what the model derives, is itself a valid JSON
//! Schema, and accepts every example the way `aiplan check` does.

use std::path::Path;

const COMMITTED: &str = "schemas/aiplan.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join(COMMITTED)).unwrap_or_default();
    let derived = aiplan::schema::render();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(root().join(COMMITTED), &derived).expect("write the schema");
        return;
    }
    assert!(
        committed == derived,
        "{COMMITTED} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` \
         (or `cargo run -- schema > {COMMITTED}`) and commit the result"
    );
}

#[test]
fn schema_is_valid_against_the_2020_12_metaschema() {
    let schema = aiplan::schema::published();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the published schema is not a valid JSON Schema: {error}");
    }
}

#[test]
fn every_field_has_a_description() {
    let schema = aiplan::schema::published();
    let mut missing = Vec::new();
    for (name, definition) in schema["$defs"].as_object().expect("$defs") {
        if let Some(properties) = definition.get("properties").and_then(|p| p.as_object()) {
            for (key, property) in properties {
                if property.get("description").is_none() {
                    missing.push(format!("{name}.{key}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields without a description: {missing:?}"
    );
}

/// Every number a plan may write has a range (issue: negative bandwidths and
/// percentages over 100 were accepted silently): a minimum always, and a
/// maximum of 100 for percentages and everything on the 0-100 readiness
/// scale.
#[test]
fn every_number_is_range_checked() {
    let schema = aiplan::schema::published();
    let mut unbounded = Vec::new();
    for (name, definition) in schema["$defs"].as_object().expect("$defs") {
        let Some(properties) = definition.get("properties").and_then(|p| p.as_object()) else {
            continue;
        };
        for (key, property) in properties {
            let numeric = matches!(
                property.get("type").and_then(|t| t.as_str()),
                Some("number" | "integer")
            );
            if !numeric || key == "aiplan" {
                continue;
            }
            let place = format!("{name}.{key}");
            if property.get("minimum").is_none() {
                unbounded.push(format!("{place} has no minimum"));
            }
            let on_a_hundred = key.ends_with("_percent")
                || (name == "ReadinessThresholds"
                    && key != "min_cpu_cores"
                    && key != "min_download_mbps");
            if on_a_hundred && property.get("maximum") != Some(&serde_json::json!(100)) {
                unbounded.push(format!("{place} is not at most 100"));
            }
        }
    }
    assert!(unbounded.is_empty(), "{unbounded:#?}");
}

/// Validates YAML with the published schema alone, as an editor would.
fn published_schema_errors(text: &str) -> Vec<String> {
    let mut diagnostics = Vec::new();
    let document = aiplan::load::parse(
        aiplan::source::FileId(0),
        text,
        &aiplan::load::Limits::default(),
        &mut diagnostics,
    )
    .expect("YAML parses");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&aiplan::schema::published())
        .expect("schema compiles");
    validator
        .iter_errors(&document.value)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn published_schema_accepts_every_example() {
    for entry in std::fs::read_dir(root().join("examples")).expect("examples/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read example");
        let errors = published_schema_errors(&text);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn published_schema_tells_the_three_kinds_of_file_apart() {
    // A plan needs its name; a phase document its duration; a fragment has
    // no required key but still no unknown ones.
    assert!(!published_schema_errors("aiplan: 1\n").is_empty());
    assert!(!published_schema_errors("phase: Data\n").is_empty());
    assert!(published_schema_errors("phase: Data\nduration: 2 weeks\n").is_empty());
    assert!(published_schema_errors("phases: []\n").is_empty());
    assert!(!published_schema_errors("phasez: []\n").is_empty());
    // Optional values may be left out but not written empty.
    assert!(
        !published_schema_errors("phase: Data\nduration: 2 weeks\nrollback_plan:\n").is_empty()
    );
}
