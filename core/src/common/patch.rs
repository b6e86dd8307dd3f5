//! JSON Merge Patch (RFC 7396): `PATCH` bodies carry only what changes; `null` clears a
//! field; arrays are replaced as a whole. Handlers apply the patch to the resource's input
//! form and validate the result exactly like a creation.

use serde_json::Value;

pub fn apply(target: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Default::default());
    }
    if let Value::Object(map) = target {
        for (key, value) in changes {
            if value.is_null() {
                map.remove(key);
            } else {
                apply(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The top-level fields that differ between two objects, as `{field: {old, new}}`.
pub fn diff(old: &Value, new: &Value) -> Value {
    let empty = serde_json::Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let mut out = serde_json::Map::new();
    for key in old.keys().chain(new.keys()) {
        let (a, b) = (
            old.get(key).unwrap_or(&Value::Null),
            new.get(key).unwrap_or(&Value::Null),
        );
        let blank = |v: &Value| v.is_null() || v.as_array().is_some_and(Vec::is_empty);
        if a != b && !(blank(a) && blank(b)) && !out.contains_key(key) {
            out.insert(key.clone(), serde_json::json!({ "old": a, "new": b }));
        }
    }
    Value::Object(out)
}

use crate::error::Error;

/// Reads a JSON body into `T`, answering 400 with the serde message when it does not fit.
pub fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    serde_json::from_value(value).map_err(|e| {
        Error::BadRequest(format!(
            "the JSON body does not have the expected shape: {e}"
        ))
    })
}

/// Applies a JSON merge patch (RFC 7396) to a record's current fields. Returns the fields
/// before the patch (as JSON, for the change list) and the patched input to validate.
pub fn merge<T>(current: &T, patch: &serde_json::Value) -> Result<(serde_json::Value, T), Error>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    if !patch.is_object() {
        return Err(Error::BadRequest("the body must be a JSON object".into()));
    }
    let old = serde_json::to_value(current).map_err(Error::internal)?;
    let mut merged = old.clone();
    apply(&mut merged, patch);
    Ok((old, from_json(merged)?))
}

/// Names of the top-level fields that changed. Audit rows carry these, not the values, so
/// no personal data is copied into the log.
pub fn changed_fields<T: serde::Serialize>(
    old: &serde_json::Value,
    new: &T,
) -> Result<Vec<String>, Error> {
    let new = serde_json::to_value(new).map_err(Error::internal)?;
    Ok(diff(old, &new)
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::apply;
    use serde_json::json;

    #[test]
    fn follows_rfc_7396() {
        let mut doc = json!({ "a": "b", "c": { "d": "e", "f": "g" }, "list": [1, 2] });
        apply(
            &mut doc,
            &json!({ "a": "z", "c": { "f": null }, "list": [3] }),
        );
        assert_eq!(doc, json!({ "a": "z", "c": { "d": "e" }, "list": [3] }));
        let mut doc = json!({ "a": 1 });
        apply(&mut doc, &json!({}));
        assert_eq!(doc, json!({ "a": 1 }));
    }

    #[test]
    fn diff_names_changed_fields_only() {
        let d = super::diff(
            &json!({ "a": 1, "b": [], "c": "x" }),
            &json!({ "a": 2, "c": "x", "d": true }),
        );
        assert_eq!(
            d,
            json!({ "a": { "old": 1, "new": 2 }, "d": { "old": null, "new": true } })
        );
    }
}
