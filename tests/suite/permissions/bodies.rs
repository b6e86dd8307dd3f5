//! The body each route of the matrix is called with: enough for the request to pass the
//! route's own checks where the matrix needs it to (a create that must not be refused as
//! malformed before its rule is judged).

use serde_json::{json, Value};

pub(super) fn body_for(method: &str, path: &str, n: usize) -> Option<Value> {
    Some(match (method, path) {
        ("POST", "/api/v1/users") => json!({
            "username": format!("matrix{n}"), "display_name": "M", "unit_id": "UNIT", "roles": ["officer"],
            "password": "matrix-password-123"
        }),
        ("PATCH", "/api/v1/users/{id}") | ("PATCH", "/api/v1/units/{id}") => json!({}),
        ("PATCH", "/api/v1/codelists/{name}/entries/{code}") => json!({}),
        ("POST", "/api/v1/users/{id}/password") => {
            json!({ "new_password": "another-password-123" })
        }
        ("POST", "/api/v1/units") => json!({ "code": format!("M{n}"), "name": "Matrix unit" }),
        ("POST", "/api/v1/codelists/{name}/entries") => {
            json!({ "code": format!("m{n}"), "labels": { "en": "M" } })
        }
        ("POST", "/api/v1/seizures") => json!({
            "kind": "offence", "detected_at": "2026-01-15T10:00:00Z", "place": "Matrix"
        }),
        ("PATCH", "/api/v1/seizures/{id}")
        | ("PATCH", "/api/v1/persons/{id}")
        | ("PATCH", "/api/v1/companies/{id}")
        | ("PATCH", "/api/v1/conveyances/{id}") => json!({}),
        ("POST", "/api/v1/seizures/{id}/reopen") | ("POST", "/api/v1/seizures/{id}/return") => {
            json!({ "reason": "matrix" })
        }
        ("POST", "/api/v1/persons") => json!({ "family_name": format!("Matrix{n}") }),
        ("POST", "/api/v1/companies") => json!({ "name": format!("Matrix {n} Ltd") }),
        ("POST", "/api/v1/conveyances") => json!({
            "conveyance_type": "truck", "identifier_kind": "plate", "identifier": format!("MX{n}")
        }),
        ("POST", "/api/v1/threads") => json!({
            "subject": format!("Matrix {n}"), "template": { "kind": "general" }, "body": "matrix",
            "participants": [{ "unit_id": "UNIT" }]
        }),
        ("PUT", "/api/v1/notifications/preferences") => json!({ "live": ["warning"] }),
        ("POST", "/api/v1/exchange/partners") => {
            json!({ "country": "BE", "name": "Matrix", "endpoint": "https://be.example", "public_key": "00", "fingerprint": "00" })
        }
        ("PATCH", "/api/v1/exchange/partners/{id}") => json!({}),
        ("POST", "/api/v1/exchange/agreements") => {
            json!({ "partner_id": "00000000-0000-4000-8000-000000000002", "instrument": "mou", "reference": "Matrix", "scope": "non_nominal", "valid_from": "2024-01-01" })
        }
        ("PATCH", "/api/v1/exchange/agreements/{id}") => json!({}),
        ("POST", "/api/v1/exchange/preview") => {
            json!({ "partner_id": "00000000-0000-4000-8000-000000000002", "scope": "nominal", "case_ids": ["00000000-0000-4000-8000-000000000002"] })
        }
        ("POST", "/api/v1/exchange/outbox") => {
            json!({ "partner_id": "00000000-0000-4000-8000-000000000002", "scope": "nominal", "case_ids": ["00000000-0000-4000-8000-000000000002"] })
        }
        ("POST", "/api/v1/exchange/outbox/{id}/decline") => json!({ "reason": "matrix" }),
        ("POST", "/api/v1/exchange/outbox/{id}/withdraw") => json!({ "reason": "matrix" }),
        ("POST", "/api/v1/exchange/inbox/{id}/dismiss") => json!({ "reason": "matrix" }),
        // the file: one line (no external id: reported by the run)
        ("POST", "/api/v1/imports") => json!({ "family_name": "Matrix" }),
        ("POST", "/api/v1/imports/{id}/commit") => json!({}),
        // no such register person: 422, past the rule
        ("PUT", "/api/v1/exchange/received/{id}/parties/{position}/link") => {
            json!({ "record_id": "00000000-0000-4000-8000-000000000002" })
        }
        // Unsigned: the inbox answers 401 `unsigned` whoever calls.
        ("POST", "/api/v1/exchange/inbox") => json!({}),
        ("POST", "/api/v1/saved-searches") => json!({ "name": format!("matrix {n}"), "query": {} }),
        ("PATCH", "/api/v1/saved-searches/{id}") => json!({}),
        ("POST", "/api/v1/alerts") => json!({
            "subject_kind": "identifier", "identifier_kind": "plate", "identifier": format!("MX{n}"),
            "reason": "matrix", "risk_level": "low", "requested_action": "inform_owner",
            "valid_until": chrono::Utc::now().date_naive().to_string()
        }),
        ("PATCH", "/api/v1/alerts/{id}") => json!({}),
        ("POST", "/api/v1/alerts/{id}/withdraw") | ("POST", "/api/v1/alert-hits/{id}/dismiss") => {
            json!({ "reason": "matrix" })
        }
        ("POST", "/api/v1/alerts/{id}/renew") => {
            json!({ "valid_until": chrono::Utc::now().date_naive().to_string() })
        }
        ("POST", "/api/v1/screening") => json!({ "person": { "name": format!("Matrix {n}") } }),
        ("POST", "/api/v1/screening/batch") => {
            json!({ "rows": [{ "name": format!("Matrix {n}") }] })
        }
        // the record into itself: a 422 past the permission check
        ("POST", "/api/v1/persons/{id}/merge") | ("POST", "/api/v1/companies/{id}/merge") => {
            json!({ "merged_id": "SELF", "merged_version": 1, "reason": "matrix" })
        }
        // no reason: a 422 past the permission check, before the id is looked up
        ("POST", "/api/v1/register-merges/{id}/undo")
        | ("POST", "/api/v1/duplicates/{id}/distinct") => json!({ "reason": "" }),
        ("POST", "/api/v1/threads/{id}/messages") => json!({ "body": format!("matrix {n}") }),
        ("POST", "/api/v1/investigations") => json!({
            "title": format!("Matrix {n}"), "priority": "low", "legal_basis": "matrix"
        }),
        ("POST", "/api/v1/investigations/{id}/threads") => {
            json!({ "subject": format!("Matrix {n}"), "body": "matrix" })
        }
        ("PATCH", "/api/v1/investigations/{id}")
        | ("PATCH", "/api/v1/investigations/{id}/tasks/{task_id}") => json!({}),
        ("POST", "/api/v1/companies/{id}/people") => {
            json!({ "person_id": "00000000-0000-4000-8000-000000000001", "role": "director" })
        }
        ("POST", "/api/v1/companies/{id}/relations") => {
            json!({ "kind": "parent", "company_id": "00000000-0000-4000-8000-000000000001" })
        }
        ("POST", "/api/v1/companies/{id}/typologies") => {
            json!({ "typology": "phoenix", "case_id": "00000000-0000-4000-8000-000000000001" })
        }
        ("POST", "/api/v1/companies/{id}/flags") => json!({ "points": 5, "reason": "matrix" }),
        ("POST", "/api/v1/me/password") => {
            json!({ "current_password": "wrong-password-1", "new_password": "another-password-123" })
        }
        ("POST", _) => json!({}),
        _ => return None,
    })
}
