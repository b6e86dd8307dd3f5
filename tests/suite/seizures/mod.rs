//! The seizure database (`/api/v1/seizures`), one module per endpoint or concern; the helpers
//! below build the people and cases they share (`attachments` and `registers` use them too).
//!
//! | module     | covers                                                                    |
//! |------------|---------------------------------------------------------------------------|
//! | `create`   | `POST /seizures`: whole cases, references; bad input refused, nothing kept |
//! | `update`   | `PATCH /seizures/{id}`: `If-Match` versions, partial changes, `…/history`  |
//! | `workflow` | `POST …/submit`, `…/validate`, `…/reopen`: the locks and their history     |
//! | `access`   | object-level permissions: other units, admins, analysts; unknown cases     |
//! | `list`     | `GET /seizures`: search, filters, order and keyset pagination              |
//! | `read`     | `GET /seizures/{id}`: one-statement read, stored documents, session checks |
//!
//! Every module also checks the audit rows its endpoint writes.

mod access;
mod create;
mod list;
mod read;
mod update;
mod workflow;

use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_tests::TestApp;
use serde_json::{json, Value};

/// A user with `roles` in `unit` (a unit id); returns a token.
pub async fn user_in(
    app: &TestApp,
    admin: &str,
    username: &str,
    roles: &[&str],
    unit: &str,
) -> String {
    let password = "a-strong-passphrase-1";
    let res = app
        .post(
            "/api/v1/users",
            admin,
            json!({ "username": username, "display_name": username, "unit_id": unit, "roles": roles, "password": password }),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.token(username, password).await
}

pub async fn new_unit(app: &TestApp, admin: &str, code: &str) -> String {
    let res = app
        .post(
            "/api/v1/units",
            admin,
            json!({ "code": code, "name": format!("{code} office") }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Officer and supervisor of the root unit, an analyst, and the admin token.
pub struct Crew {
    pub admin: String,
    pub officer: String,
    pub supervisor: String,
    pub analyst: String,
    pub root: String,
}

pub async fn crew(app: &TestApp) -> Crew {
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    Crew {
        officer: user_in(app, &admin, "olga", &["officer"], &root).await,
        supervisor: user_in(app, &admin, "sam", &["supervisor"], &root).await,
        analyst: user_in(app, &admin, "ana", &["analyst"], &root).await,
        admin,
        root,
    }
}

pub fn full_case(company_id: &str) -> Value {
    json!({
        "kind": "seizure",
        "detected_at": "2026-06-01T08:30:00Z",
        "place": "Roissy-CDG cargo terminal",
        "location_type": "airport",
        "unlocode": "frcdg",
        "country": "FR",
        "direction": "import",
        "customs_procedure": "40 00",
        "detection_methods": ["xray_nii", "detector_dog", "risk_profiling"],
        "concealment_method": "false_compartment",
        "concealment_description": "Double bottom in two suitcases",
        "narrative": "Passenger Ivan Ivanoff carried cocaine from São Paulo",
        "summary_non_nominal": "Cocaine in the false bottom of suitcases",
        "offender_nationality": "RU",
        "offender_gender": "male",
        "offender_age_band": "35_44",
        "goods": [
            { "commodity_group": "drugs", "commodity_type": "cocaine", "hs_code": "2939.71", "quantity": 2500, "unit": "g",
              "description": "White powder in 5 packages", "value": 150000, "currency": "EUR", "purity_percent": 78.5 },
            { "commodity_group": "tobacco", "commodity_type": "cigarettes", "quantity": 2000, "unit": "sticks", "brand": "Marlboro" }
        ],
        "route": [
            { "position": 3, "country": "FR", "role": "destination", "arrival_date": "2026-06-01" },
            { "position": 1, "country": "BR", "role": "origin", "place": "São Paulo" },
            { "position": 2, "country": "PT", "unlocode": "PTLIS", "role": "transit" }
        ],
        "persons": [{ "role": "courier", "person": {
            "family_name": "Ivanoff", "given_names": "Ivan", "date_of_birth": "1984-03", "nationalities": ["RU"],
            "documents": [{ "document_type": "passport", "number": "72 1234567", "issuing_country": "RU" }]
        }}],
        "companies": [{ "role": "importer", "company_id": company_id }],
        "conveyances": [{ "role": "container", "conveyance": {
            "conveyance_type": "container", "identifier_kind": "container", "identifier": "csqu 305438-3"
        }}]
    })
}

pub async fn company(app: &TestApp, token: &str, name: &str) -> String {
    let res = app
        .post(
            "/api/v1/companies",
            token,
            json!({ "name": name, "country": "NL", "activities": ["importer"] }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/seizures", token, body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

/// Creates a case and submits it: what every reader of cases may see (a draft stays with
/// its unit's officers and supervisors). Returns the submitted case (version 2).
pub async fn submitted(app: &TestApp, token: &str, body: Value) -> Value {
    let case = create(app, token, body).await;
    let path = format!("/api/v1/seizures/{}/submit", case["id"].as_str().unwrap());
    let res = post_if(app, &path, token, 1, None).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

pub fn offence(at: &str) -> Value {
    json!({ "kind": "offence", "detected_at": at, "place": "Border post" })
}

async fn post_if(
    app: &TestApp,
    path: &str,
    token: &str,
    version: i64,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .header("If-Match", format!("\"{version}\""));
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let mut conn = app.db.conn().await;
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<Count>(&mut conn)
        .await
        .unwrap()
        .n
}

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
