//! What every operation of the collected spec shares, added in one place so no handler can
//! forget it:
//! - the problem responses the framework itself can answer: 400 (malformed query, header or
//!   body), 401 (on operations that need a session), 413 and 415 (bodies), 422 (a field
//!   breaks a rule), 500 and 503 (the database is unreachable);
//! - on every POST that creates (documents a 201), the `Idempotency-Key` header
//!   (`crate::http::idempotency`) and the answers to its misuse (409, 422);
//! - text never holds the NUL character (PostgreSQL refuses it; `crate::http::body`): a
//!   `pattern` on every free-text string; integers are bounded by their format;
//! - `If-Match` takes what `http::precondition` reads;
//! - schemas that flatten an input into a record (`allOf` of a closed input and the record's
//!   own fields) become one object, since no document can satisfy `allOf` with a closed part.

use crate::http::precondition::IF_MATCH_PATTERN;
use serde_json::{json, Map, Value};

/// The pattern of free text: anything but U+0000.
pub const NO_NUL: &str = "^[^\u{0}]*$";
/// Required text: something other than white space, and no U+0000.
pub const NOT_BLANK: &str = "^[^\u{0}]*[^\\s\u{0}][^\u{0}]*$";

/// The published document: the collected spec with what every operation shares.
pub fn complete(api: &utoipa::openapi::OpenApi) -> Value {
    let mut doc = serde_json::to_value(api).unwrap_or_default();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for (method, op) in item.iter_mut() {
                if let Some(op) = op.as_object_mut() {
                    complete_operation(method, op);
                }
            }
        }
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        let originals = schemas.clone();
        for schema in schemas.values_mut() {
            flatten_all_of(schema, &originals);
            close_tagged_union(schema);
        }
    }
    probes(&mut doc);
    required_text_in_requests(&mut doc);
    no_nul_in_text(&mut doc);
    doc
}

/// The bodies of the duplicate checks (`POST /persons/duplicates`, `/companies/duplicates`):
/// the record as it is being typed, so nothing in it is required yet and a text may still be
/// blank (the server reads every rule, and "required" only of what is missing or null).
/// Published as `{Input}Probe`: the input with its objects inlined, without `minLength`.
const PROBED: [&str; 2] = ["/api/v1/persons/duplicates", "/api/v1/companies/duplicates"];

fn probes(doc: &mut Value) {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .cloned()
    else {
        return;
    };
    let mut made = Map::new();
    for path in PROBED {
        let pointer = format!(
            "/paths/{}/post/requestBody/content/application~1json/schema",
            path.replace('~', "~0").replace('/', "~1")
        );
        let Some(body) = doc.pointer_mut(&pointer) else {
            continue;
        };
        let Some(name) = body
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            .map(String::from)
        else {
            continue;
        };
        let probe = format!("{name}Probe");
        let mut schema = resolve(body, &schemas);
        loosen(&mut schema, &schemas);
        if let Some(d) = schema.get_mut("description") {
            *d = json!(format!(
                "{} As it is being typed: a text may still be blank.",
                d.as_str().unwrap_or_default()
            ));
        }
        made.insert(probe.clone(), schema);
        *body = json!({"$ref": format!("#/components/schemas/{probe}")});
    }
    if let Some(all) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        all.extend(made);
    }
}

/// A schema without `minLength`, its object references inlined (enums stay references).
fn loosen(value: &mut Value, schemas: &Map<String, Value>) {
    match value {
        Value::Object(map) => {
            let target = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
                .and_then(|name| schemas.get(name))
                .filter(|s| s.get("properties").is_some());
            if let Some(target) = target {
                *value = target.clone();
                loosen(value, schemas);
                return;
            }
            // a text may be blank (it is still sent: `required` stays)
            map.remove("minLength");
            for (key, child) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    loosen(child, schemas);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| loosen(v, schemas)),
        _ => {}
    }
}

/// Every request body's schemas (inline, and the components they reach through `$ref`): their
/// required free text may not be blank (`require_text`). Responses are left as they are.
fn required_text_in_requests(doc: &mut Value) {
    let mut names: Vec<String> = Vec::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in item.values_mut() {
                if let Some(body) = op.get_mut("requestBody") {
                    collect_refs(body, &mut names);
                    if !body
                        .pointer("/content/application~1json/schema/$ref")
                        .and_then(Value::as_str)
                        .is_some_and(|r| r.ends_with("Probe"))
                    {
                        walk_objects(body, &mut require_text);
                    }
                }
            }
        }
    }
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let mut seen = std::collections::BTreeSet::new();
    while let Some(name) = names.pop() {
        // a probe's texts may be blank (`probes`)
        if !seen.insert(name.clone()) || name.ends_with("Probe") {
            continue;
        }
        if let Some(schema) = schemas.get_mut(&name) {
            collect_refs(schema, &mut names);
            walk_objects(schema, &mut require_text);
        }
    }
}

/// The component names a schema refers to.
fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                out.push(name.to_string());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// `f` on every object of a schema, depth first (examples are data; a `description` is a text,
/// which has no object, or a property of that name, which is a schema).
fn walk_objects(value: &mut Value, f: &mut impl FnMut(&mut Map<String, Value>)) {
    match value {
        Value::Object(map) => {
            f(map);
            for (key, child) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    walk_objects(child, f);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk_objects(v, f)),
        _ => {}
    }
}

fn problem() -> Value {
    json!({
        "description": "",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    })
}

fn complete_operation(method: &str, op: &mut Map<String, Value>) {
    let params: Vec<Value> = op
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let located = |place: &str| params.iter().any(|p| p["in"] == place);
    let has_body = op.contains_key("requestBody");
    let has_query = located("query");
    let has_header = located("header");
    let needs_session = op
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| !s.is_empty());
    let creates = method == "post" && op.get("responses").and_then(|r| r.get("201")).is_some();
    if creates {
        let mut params = params.clone();
        params.push(json!({
            "in": "header",
            "name": "Idempotency-Key",
            "required": false,
            "description": "Makes a retry safe: a repeat of this request with the same key (by the same user, within 24 hours) answers the first response again instead of creating anything twice. The same key with another body answers 422 `idempotency_key_reused`; while the first request is still being handled, 409 `idempotency_key_in_flight`.",
            "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7E]+$"}
        }));
        op.insert("parameters".into(), Value::Array(params));
    }
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for param in params.iter_mut().filter(|p| p["name"] == "If-Match") {
            param["schema"] = json!({"type": "string", "pattern": IF_MATCH_PATTERN});
        }
    }
    let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    let mut statuses = vec![500, 503];
    if has_query || has_body || has_header || creates {
        statuses.extend([400, 422]);
    }
    if has_body {
        statuses.extend([413, 415]);
    }
    if needs_session {
        statuses.push(401);
    }
    if creates {
        statuses.push(409);
    }
    for status in statuses {
        responses.entry(status.to_string()).or_insert_with(problem);
    }
}

/// `allOf` of object schemas (refs resolved) → one object with every property; closed only
/// when every part was.
fn flatten_all_of(schema: &mut Value, schemas: &Map<String, Value>) {
    let Some(parts) = schema.get("allOf").and_then(Value::as_array).cloned() else {
        return;
    };
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    let mut closed = true;
    for part in &parts {
        let mut part = resolve(part, schemas);
        flatten_all_of(&mut part, schemas);
        if part.get("type").and_then(Value::as_str) != Some("object")
            && part.get("properties").is_none()
        {
            return;
        }
        if let Some(props) = part.get("properties").and_then(Value::as_object) {
            properties.extend(props.clone());
        }
        if let Some(req) = part.get("required").and_then(Value::as_array) {
            required.extend(
                req.iter()
                    .filter(|r| !required.contains(r))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
        }
        closed &= part.get("additionalProperties") == Some(&Value::Bool(false));
    }
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    object.remove("allOf");
    object.insert("type".into(), json!("object"));
    object.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        object.insert("required".into(), Value::Array(required));
    }
    if closed {
        object.insert("additionalProperties".into(), Value::Bool(false));
    }
}

/// An input tagged by `kind` (a serde internally tagged enum, e.g. `ThreadTemplate`) or by its
/// one key (externally tagged, e.g. `ScreeningRequest`): each branch is closed, as the enum
/// denies unknown fields (utoipa marks a struct so, not the branches of an enum). A branch is
/// recognised by its `kind` of one value, or by its single required property.
fn close_tagged_union(schema: &mut Value) {
    let Some(branches) = schema.get_mut("oneOf").and_then(Value::as_array_mut) else {
        return;
    };
    let tagged = |b: &Value| {
        b.pointer("/properties/kind/enum")
            .and_then(Value::as_array)
            .is_some_and(|e| e.len() == 1)
    };
    // a serde externally tagged enum (`{"person": {…}}`, e.g. `ScreeningRequest`): each
    // branch is one required property, and serde reads exactly one key
    let external = |b: &Value| {
        let props = b.get("properties").and_then(Value::as_object);
        let required = b.get("required").and_then(Value::as_array);
        match (props, required) {
            (Some(p), Some(r)) => {
                p.len() == 1
                    && r.len() == 1
                    && r.first()
                        .and_then(Value::as_str)
                        .is_some_and(|k| p.contains_key(k))
            }
            _ => false,
        }
    };
    let tagged = |b: &Value| tagged(b) || external(b);
    if !branches.iter().all(tagged) {
        return;
    }
    for branch in branches.iter_mut().filter_map(Value::as_object_mut) {
        branch.insert("additionalProperties".into(), Value::Bool(false));
    }
}

fn resolve(part: &Value, schemas: &Map<String, Value>) -> Value {
    part.get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .and_then(|name| schemas.get(name))
        .cloned()
        .unwrap_or_else(|| part.clone())
}

/// An object's required properties that are free text (a string, not nullable, with no
/// pattern, format or enum of its own) take at least one character: the server trims text
/// and refuses a required one left blank, which `NOT_BLANK` then publishes.
fn require_text(map: &mut Map<String, Value>) {
    let required: Vec<String> = map
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let Some(properties) = map.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for name in required {
        let Some(property) = properties.get_mut(&name).and_then(Value::as_object_mut) else {
            continue;
        };
        let text = property.get("type").and_then(Value::as_str) == Some("string")
            && ![
                "pattern",
                "format",
                "enum",
                "const",
                "contentMediaType",
                "minLength",
            ]
            .iter()
            .any(|k| property.contains_key(*k));
        if text {
            property.insert("minLength".into(), json!(1));
        }
    }
}

/// Adds `NO_NUL` to every string schema that has no pattern, format, enum or const of its
/// own, and to integers the bounds of their format (what the server can read).
fn no_nul_in_text(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let is_string = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            let constrained = ["pattern", "format", "enum", "const", "contentMediaType"]
                .iter()
                .any(|k| map.contains_key(*k));
            if is_string && !constrained {
                // Text is trimmed: a required one (minLength 1) may not be blank.
                let required = map.get("minLength").and_then(Value::as_u64) == Some(1);
                map.insert(
                    "pattern".into(),
                    json!(if required { NOT_BLANK } else { NO_NUL }),
                );
            }
            let bounds = match map.get("format").and_then(Value::as_str) {
                Some("int16") => Some((i64::from(i16::MIN), i64::from(i16::MAX))),
                Some("int32") => Some((i64::from(i32::MIN), i64::from(i32::MAX))),
                Some("int64") => Some((i64::MIN, i64::MAX)),
                _ => None,
            };
            if let Some((min, max)) = bounds {
                map.entry("minimum").or_insert(json!(min));
                map.entry("maximum").or_insert(json!(max));
            }
            for (key, child) in map.iter_mut() {
                // Examples are data, not schemas (a description is text, or a property named so).
                if key != "example" && key != "examples" {
                    no_nul_in_text(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(no_nul_in_text),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_input_flattened_into_a_record_becomes_one_object() {
        let schemas = json!({
            "In": {"type": "object", "additionalProperties": false,
                   "properties": {"name": {"type": "string"}}, "required": ["name"]}
        });
        let schemas = schemas.as_object().cloned().unwrap_or_default();
        let mut dto = json!({"allOf": [{"$ref": "#/components/schemas/In"},
            {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}]});
        flatten_all_of(&mut dto, &schemas);
        assert_eq!(dto["properties"]["name"]["type"], "string");
        assert_eq!(dto["required"], json!(["name", "id"]));
        assert!(dto.get("allOf").is_none());
        assert!(dto.get("additionalProperties").is_none());
    }

    #[test]
    fn free_text_gets_the_no_nul_pattern_and_formatted_text_does_not() {
        let mut v = json!({"properties": {
            "a": {"type": "string"}, "b": {"type": "string", "format": "uuid"},
            "c": {"type": ["string", "null"], "maxLength": 3}, "d": {"type": "string", "pattern": "^x$"}
        }});
        no_nul_in_text(&mut v);
        assert_eq!(v["properties"]["a"]["pattern"], NO_NUL);
        assert!(v["properties"]["b"].get("pattern").is_none());
        assert_eq!(v["properties"]["c"]["pattern"], NO_NUL);
        assert_eq!(v["properties"]["d"]["pattern"], "^x$");
    }
}
