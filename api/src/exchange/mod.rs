//! Icomm exchange: this node's identity, partners, agreements and the preview of what would
//! leave (liaison officers).

mod cen;
mod files;
mod handlers;
mod packages;
mod received;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

pub use handlers::TAG;

const MANAGE: Access = Access::Requires(P::ExchangeManage);
const REQUEST: Access = Access::Requires(P::ExchangeRequest);

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/exchange/node", MANAGE),
        // Investigators choose the partner of a request to send (names, no agreements).
        rule("GET", "/api/v1/exchange/partners", REQUEST),
        rule("POST", "/api/v1/exchange/partners", MANAGE),
        rule("GET", "/api/v1/exchange/partners/{id}", MANAGE),
        rule("PATCH", "/api/v1/exchange/partners/{id}", MANAGE),
        rule("GET", "/api/v1/exchange/agreements", MANAGE),
        rule("POST", "/api/v1/exchange/agreements", MANAGE),
        rule("GET", "/api/v1/exchange/agreements/{id}", MANAGE),
        rule("PATCH", "/api/v1/exchange/agreements/{id}", MANAGE),
        rule("POST", "/api/v1/exchange/agreements/{id}/document", MANAGE),
        rule("GET", "/api/v1/exchange/agreements/{id}/document", MANAGE),
        rule("POST", "/api/v1/exchange/preview", MANAGE),
        rule("GET", "/api/v1/exchange/cen-exports", MANAGE),
        rule("POST", "/api/v1/exchange/cen-exports", MANAGE),
        rule("GET", "/api/v1/exchange/cen-exports/pending", MANAGE),
        rule("GET", "/api/v1/exchange/cen-exports/{id}", MANAGE),
        rule(
            "GET",
            "/api/v1/exchange/cen-exports/{id}/content/{format}",
            MANAGE,
        ),
        rule("GET", "/api/v1/exchange/outbox", REQUEST),
        rule("POST", "/api/v1/exchange/outbox", REQUEST),
        rule("GET", "/api/v1/exchange/outbox/{id}", REQUEST),
        rule("POST", "/api/v1/exchange/outbox/{id}/approve", MANAGE),
        rule("POST", "/api/v1/exchange/outbox/{id}/decline", MANAGE),
        rule("POST", "/api/v1/exchange/outbox/{id}/withdraw", MANAGE),
        // Authenticated by the package's signature (`exchange::inbox`), not a user token.
        rule("POST", "/api/v1/exchange/inbox", Access::Public),
        rule(
            "PUT",
            "/api/v1/exchange/inbox/files/{sha256}",
            Access::Public,
        ),
        rule("GET", "/api/v1/exchange/inbox", MANAGE),
        rule("GET", "/api/v1/exchange/inbox/{id}", MANAGE),
        rule("GET", "/api/v1/exchange/inbox/{id}/files/{sha256}", MANAGE),
        rule("POST", "/api/v1/exchange/inbox/{id}/import", MANAGE),
        rule("POST", "/api/v1/exchange/inbox/{id}/dismiss", MANAGE),
        rule("GET", "/api/v1/exchange/received", MANAGE),
        rule("GET", "/api/v1/exchange/received/{id}", MANAGE),
        rule(
            "PUT",
            "/api/v1/exchange/received/{id}/parties/{position}/link",
            MANAGE,
        ),
        rule(
            "DELETE",
            "/api/v1/exchange/received/{id}/parties/{position}/link",
            MANAGE,
        ),
        rule(
            "GET",
            "/api/v1/exchange/received/{id}/files/{sha256}",
            MANAGE,
        ),
    ],
};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use ncen_core::exchange::scope::CASE_FIELDS;
    use serde_json::Value;
    use std::collections::BTreeSet;

    /// Every leaf field of a schema, as `scope::CASE_FIELDS` writes paths (`goods[].unit`).
    fn leaves(spec: &Value, schema: &Value, path: &str, out: &mut BTreeSet<String>) {
        let schemas = &spec["components"]["schemas"];
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let target = &schemas[r.rsplit('/').next().unwrap()];
            if target.get("properties").is_some()
                || target.get("allOf").is_some()
                || target.get("oneOf").is_some()
            {
                return leaves(spec, target, path, out);
            }
            out.insert(path.to_string());
            return;
        }
        for combinator in ["allOf", "oneOf", "anyOf"] {
            if let Some(parts) = schema.get(combinator).and_then(Value::as_array) {
                for part in parts {
                    if part.get("type") != Some(&Value::from("null")) {
                        leaves(spec, part, path, out);
                    }
                }
                return;
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, sub) in props {
                let p = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                leaves(spec, sub, &p, out);
            }
            return;
        }
        let is_array = match schema.get("type") {
            Some(Value::String(t)) => t == "array",
            Some(Value::Array(ts)) => ts.contains(&Value::from("array")),
            _ => false,
        };
        if let (true, Some(items)) = (is_array, schema.get("items")) {
            let target = match items.get("$ref").and_then(Value::as_str) {
                Some(r) => &schemas[r.rsplit('/').next().unwrap()],
                None => items,
            };
            if ["properties", "allOf", "oneOf"]
                .iter()
                .any(|k| target.get(k).is_some())
            {
                return leaves(spec, items, &format!("{path}[]"), out);
            }
        }
        out.insert(path.to_string());
    }

    /// The case document is what leaves in a package: each of its fields must be classified
    /// (nominal, non-nominal or local) in `exchange::scope`, and nothing classified may be
    /// stale.
    #[test]
    fn every_field_of_the_case_document_is_classified() {
        let spec = crate::startup::openapi();
        let mut fields = BTreeSet::new();
        leaves(
            &spec,
            &spec["components"]["schemas"]["CaseDto"],
            "",
            &mut fields,
        );
        assert!(fields.len() > 100, "{fields:?}");
        let classified: BTreeSet<String> = CASE_FIELDS.iter().map(|(p, _)| p.to_string()).collect();
        let unclassified: Vec<_> = fields.difference(&classified).collect();
        let stale: Vec<_> = classified.difference(&fields).collect();
        assert!(
            unclassified.is_empty(),
            "classify these fields of the case document in core/src/exchange/scope.rs: {unclassified:?}"
        );
        assert!(
            stale.is_empty(),
            "no longer in the case document: {stale:?}"
        );
    }
}
