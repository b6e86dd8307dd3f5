//! How a merge combines two records' fields, and how an undo takes back what it added. The
//! fields are the register's input as JSON, so one piece of code serves persons and
//! companies: list items the survivor lacks are added (documents compared by their
//! normalised number), blank fields take the merged record's value, and the merged record's
//! name becomes an alias.

use super::dto::MergeKind;
use serde_json::{Map, Value};

/// Fields whose items identify a document: two items with the same normalised number are one.
fn same_item(field: &str, a: &Value, b: &Value) -> bool {
    if field == "documents" {
        let number = |v: &Value| {
            v.get("number")
                .and_then(Value::as_str)
                .map(crate::identifiers::normalise)
        };
        return number(a).is_some() && number(a) == number(b);
    }
    match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => a == b,
    }
}

/// The name the merged record went by, as an alias of the survivor.
fn name_alias(kind: MergeKind, fields: &Value) -> Option<String> {
    let text = |k: &str| fields.get(k).and_then(Value::as_str).map(str::trim);
    match kind {
        MergeKind::Person => {
            let name = [text("given_names"), text("family_name")]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            Some(name).filter(|n| !n.is_empty())
        }
        MergeKind::Company => text("name").map(str::to_string).filter(|n| !n.is_empty()),
    }
}

/// The survivor's fields with the merged record's: list items it lacks added, blank fields
/// filled; the merged record's name kept as an alias. Returns the fields and what was added.
pub(super) fn combine(
    kind: MergeKind,
    survivor: &Value,
    merged: &Value,
) -> (Value, Map<String, Value>) {
    let mut out = survivor.as_object().cloned().unwrap_or_default();
    let mut added = Map::new();
    let empty = Map::new();
    let from = merged.as_object().unwrap_or(&empty);
    let mut extra_aliases: Vec<Value> = from
        .get("aliases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if name_alias(kind, merged) != name_alias(kind, survivor) {
        extra_aliases.extend(name_alias(kind, merged).map(Value::String));
    }
    for (field, value) in from {
        let value = if field == "aliases" {
            Value::Array(extra_aliases.clone())
        } else {
            value.clone()
        };
        match (out.get(field).cloned(), value) {
            (Some(Value::Array(mut have)), Value::Array(items)) => {
                let mut new_items = Vec::new();
                for item in items {
                    if !have.iter().any(|h| same_item(field, h, &item)) {
                        have.push(item.clone());
                        new_items.push(item);
                    }
                }
                if !new_items.is_empty() {
                    added.insert(field.clone(), Value::Array(new_items));
                    out.insert(field.clone(), Value::Array(have));
                }
            }
            (None | Some(Value::Null), v) if !v.is_null() && !v.is_array() => {
                added.insert(field.clone(), v.clone());
                out.insert(field.clone(), v);
            }
            _ => {}
        }
    }
    (Value::Object(out), added)
}

/// The survivor's current fields without what the merge added (items still there, blanks it
/// filled still holding the merged value).
pub(super) fn subtract(current: &Value, added: &Map<String, Value>) -> Value {
    let mut out = current.as_object().cloned().unwrap_or_default();
    for (field, value) in added {
        match (out.get(field).cloned(), value) {
            (Some(Value::Array(have)), Value::Array(items)) => {
                let kept: Vec<Value> = have
                    .into_iter()
                    .filter(|h| !items.iter().any(|i| same_item(field, h, i)))
                    .collect();
                out.insert(field.clone(), Value::Array(kept));
            }
            (Some(v), filled) if &v == filled => {
                out.insert(field.clone(), Value::Null);
            }
            _ => {}
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_merge_adds_what_the_survivor_lacks_and_an_undo_takes_it_away() {
        let survivor = json!({
            "family_name": "Okonkwo", "given_names": "Chinedu", "aliases": [],
            "date_of_birth": null, "phones": ["+234 1"],
            "documents": [{ "number": "A08251482", "document_type": "passport" }]
        });
        let merged = json!({
            "family_name": "Okonkow", "given_names": "Chinedu", "aliases": ["Chin"],
            "date_of_birth": "1985-03-02", "phones": ["+234 1", "+234 2"],
            "documents": [{ "number": "A0825-1482", "document_type": "passport" }]
        });
        let (fields, added) = combine(MergeKind::Person, &survivor, &merged);
        assert_eq!(fields["aliases"], json!(["Chin", "Chinedu Okonkow"]));
        assert_eq!(fields["date_of_birth"], "1985-03-02");
        assert_eq!(fields["phones"], json!(["+234 1", "+234 2"]));
        assert_eq!(
            fields["documents"].as_array().map(Vec::len),
            Some(1),
            "same number"
        );
        assert!(!added.contains_key("documents"));
        assert_eq!(subtract(&fields, &added), survivor);
    }
}
