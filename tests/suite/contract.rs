//! The committed `openapi.yaml` is exactly what the code generates and serves, and the
//! documented routes are exactly the registered ones, each with an access rule.

use ncen_api::routes::RouteRule;

fn routes() -> Vec<&'static RouteRule> {
    ncen_api::routes::rules().collect()
}
use ncen_tests::TestApp;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn committed() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml")).unwrap()
}

#[test]
fn committed_openapi_matches_the_code() {
    let generated = ncen_api::openapi::to_yaml(&ncen_api::startup::openapi()).unwrap();
    assert!(
        generated == committed(),
        "openapi.yaml is stale: run `make openapi` and commit the result"
    );
}

fn documented() -> BTreeSet<(String, String)> {
    let api = ncen_api::startup::collected();
    api.paths
        .paths
        .iter()
        .flat_map(|(path, item)| {
            ncen_api::http::fallback::methods_of(item)
                .into_iter()
                .map(move |m| (m, path.clone()))
        })
        .collect()
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// Operation ids name one operation each: generated clients (the browser app's types among
/// them) key operations by them, and two handlers of one name gave one the other's types.
#[test]
fn every_operation_id_is_unique() {
    let spec: Value = serde_norway::from_str(&committed()).unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                if let Some(other) = seen.insert(id.to_string(), format!("{method} {path}")) {
                    panic!("operationId {id} names both {other} and {method} {path}");
                }
            }
        }
    }
    assert!(seen.len() > 100, "{} operations", seen.len());
}

#[test]
fn every_schema_reference_resolves() {
    let spec: Value = serde_norway::from_str(&committed()).unwrap();
    let mut refs = Vec::new();
    collect_refs(&spec, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {r}"));
        assert!(
            spec["components"]["schemas"].get(name).is_some(),
            "{r} is referenced but not defined"
        );
    }
}

#[test]
fn every_documented_route_has_an_access_rule_and_vice_versa() {
    let rules: BTreeSet<(String, String)> = routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect();
    assert_eq!(rules.len(), routes().len(), "duplicate rules");
    assert_eq!(documented(), rules);
}

#[tokio::test]
async fn the_served_spec_equals_the_committed_one_and_every_documented_route_is_registered() {
    let app = TestApp::spawn().await;
    let served: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let committed: Value = serde_norway::from_str(&committed()).unwrap();
    assert_eq!(served, committed);

    for (method, path) in documented() {
        let concrete = path
            .replace("{id}", &uuid::Uuid::new_v4().to_string())
            .replace("{name}", "x")
            .replace("{code}", "y");
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let status = app
            .client
            .request(method.clone(), app.url(&concrete))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        assert!(
            status != 404 && status != 405,
            "{method} {path} is documented but not registered ({status})"
        );
    }
    // And an undocumented path is not served.
    assert_eq!(
        app.client
            .get(app.url("/api/v1/undocumented"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn the_api_reference_is_self_hosted() {
    let app = TestApp::spawn().await;
    let page = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        !html.contains("https://"),
        "the reference page must not load anything from the internet"
    );
    let init = app
        .client
        .get(app.url("/api/docs/swagger-initializer.js"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(init.contains("/api/v1/openapi.json"));
    assert!(
        init.contains("\"validatorUrl\": \"none\""),
        "no badge fetched from the public validator: {init}"
    );
}

/// A length limit published in `openapi.yaml` is the one the server enforces: the longest
/// value the document allows is accepted, one character more is refused at that field.
#[tokio::test]
async fn published_length_limits_are_the_enforced_ones() {
    let spec: Value = serde_norway::from_str(&committed()).unwrap();
    let limit = |schema: &str, field: &str| -> usize {
        let max = &spec["components"]["schemas"][schema]["properties"][field]["maxLength"];
        max.as_u64()
            .unwrap_or_else(|| panic!("{schema}.{field} publishes no maxLength")) as usize
    };
    let app = TestApp::spawn().await;
    let c = crate::seizures::crew(&app).await;
    let cases: [(&str, &str, &str, &str, Value); 5] = [
        (
            "PersonInput",
            "family_name",
            "/api/v1/persons",
            &c.officer,
            json!({}),
        ),
        (
            "CompanyInput",
            "name",
            "/api/v1/companies",
            &c.officer,
            json!({}),
        ),
        (
            "CreateUnit",
            "name",
            "/api/v1/units",
            &c.admin,
            json!({ "code": "LIM" }),
        ),
        (
            "CaseInput",
            "place",
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "offence", "detected_at": "2026-01-15T10:00:00Z" }),
        ),
        (
            "CreateUser",
            "display_name",
            "/api/v1/users",
            &c.admin,
            json!({ "username": "limits", "unit_id": c.root, "roles": ["analyst"],
                    "password": "a-strong-passphrase-9" }),
        ),
    ];
    for (schema, field, path, token, base) in cases {
        let max = limit(schema, field);
        let body = |n: usize| {
            let mut b = base.clone();
            b[field] = json!("x".repeat(n));
            b
        };
        let res = app.post(path, token, body(max + 1)).await;
        let problem = ncen_tests::assert_problem(res, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], field, "{schema}: {problem}");
        let res = app.post(path, token, body(max)).await;
        assert_eq!(res.status(), 201, "{schema}.{field} at its limit {max}");
    }
}

/// The numeric ranges `openapi.yaml` publishes for goods are the ones the server enforces:
/// a value at each bound is accepted, one just past it is refused with a field error.
#[tokio::test]
async fn published_goods_ranges_are_the_enforced_ones() {
    let spec: Value = serde_norway::from_str(&committed()).unwrap();
    let goods = &spec["components"]["schemas"]["GoodsInput"]["properties"];
    let bound = |field: &str, key: &str| -> f64 {
        goods[field][key]
            .as_f64()
            .unwrap_or_else(|| panic!("GoodsInput.{field} publishes no {key}"))
    };
    let app = TestApp::spawn().await;
    let c = crate::seizures::crew(&app).await;
    let case = |field: &str, n: f64| {
        let mut item = json!({ "commodity_group": "tobacco", "commodity_type": "cigarettes",
                               "quantity": 1000, "unit": "sticks", "value": 10, "currency": "EUR" });
        item[field] = json!(n);
        json!({ "kind": "seizure", "detected_at": "2026-01-15T10:00:00Z", "place": "Port",
                "goods": [item] })
    };
    let checks = [
        ("quantity", bound("quantity", "maximum"), true),
        ("quantity", bound("quantity", "maximum") * 1.001, false),
        ("quantity", bound("quantity", "exclusiveMinimum"), false),
        ("value", bound("value", "maximum"), true),
        ("value", bound("value", "maximum") * 1.001, false),
        ("value", bound("value", "minimum"), true),
        ("value", bound("value", "minimum") - 0.01, false),
        ("purity_percent", bound("purity_percent", "maximum"), true),
        (
            "purity_percent",
            bound("purity_percent", "maximum") + 0.1,
            false,
        ),
        (
            "purity_percent",
            bound("purity_percent", "minimum") - 0.1,
            false,
        ),
    ];
    for (field, n, ok) in checks {
        let res = app
            .post("/api/v1/seizures", &c.officer, case(field, n))
            .await;
        if ok {
            assert_eq!(
                res.status(),
                201,
                "{field} = {n} is within the published range"
            );
        } else {
            let problem = ncen_tests::assert_problem(res, 422, "validation_failed").await;
            assert_eq!(
                problem["errors"][0]["field"],
                format!("goods[0].{field}"),
                "{problem}"
            );
        }
    }
}
