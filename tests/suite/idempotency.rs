//! `Idempotency-Key` on creating POSTs: a retry answers the first response and creates
//! nothing twice; the key is per user, bound to its request, and released on failure.

use ncen_tests::{assert_problem, strings, TestApp};
use serde_json::{json, Value};

async fn post_keyed(
    app: &TestApp,
    token: &str,
    path: &str,
    key: &str,
    body: &Value,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp, sql: &str) -> usize {
    let mut conn = app.db.conn().await;
    strings(&mut conn, sql).await.len()
}

#[tokio::test]
async fn a_retry_with_the_same_key_answers_the_first_response_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "ivo", &["officer"]).await;
    let officer = app.token("ivo", &password).await;
    let person = json!({ "family_name": "Retry", "given_names": "Rita" });

    let first = post_keyed(&app, &officer, "/api/v1/persons", "import-42", &person).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let location = first.headers()["location"].clone();
    let first: Value = first.json().await.unwrap();
    for _ in 0..3 {
        let again = post_keyed(&app, &officer, "/api/v1/persons", "import-42", &person).await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.headers()["location"], location);
        let again: Value = again.json().await.unwrap();
        assert_eq!(again, first);
    }
    let persons = "SELECT id::text AS value FROM persons WHERE upper(family_name) = 'RETRY'";
    assert_eq!(count(&app, persons).await, 1);
    let replays = app.audit_rows("request.replay").await;
    assert_eq!(replays.len(), 3, "{replays:?}");

    // The same key with another body is refused; the key stays bound to its request.
    let other = json!({ "family_name": "Other", "given_names": "Otto" });
    let res = post_keyed(&app, &officer, "/api/v1/persons", "import-42", &other).await;
    assert_problem(res, 422, "idempotency_key_reused").await;
    let res = post_keyed(&app, &officer, "/api/v1/companies", "import-42", &person).await;
    assert_problem(res, 422, "idempotency_key_reused").await;

    // Keys are per user: another user's identical key is a request of its own.
    let (_, password) = app.create_user(&admin, "jana", &["officer"]).await;
    let other_officer = app.token("jana", &password).await;
    let res = post_keyed(
        &app,
        &other_officer,
        "/api/v1/persons",
        "import-42",
        &person,
    )
    .await;
    assert_eq!(res.status(), 201);
    assert!(res.headers().get("idempotent-replayed").is_none());
    assert_eq!(count(&app, persons).await, 2);

    // Without a key, every POST creates.
    let res = app.post("/api/v1/persons", &officer, person.clone()).await;
    assert_eq!(res.status(), 201);
    assert_eq!(count(&app, persons).await, 3);
}

#[tokio::test]
async fn a_failed_request_releases_its_key_and_bad_keys_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "kai", &["officer"]).await;
    let officer = app.token("kai", &password).await;
    let invalid = json!({ "family_name": "", "given_names": "Nobody" });
    let res = post_keyed(&app, &officer, "/api/v1/persons", "k-1", &invalid).await;
    assert_problem(res, 422, "validation_failed").await;
    // Not kept: the corrected request under the same key goes through.
    let valid = json!({ "family_name": "Fixed", "given_names": "Fay" });
    let res = post_keyed(&app, &officer, "/api/v1/persons", "k-1", &valid).await;
    assert_eq!(res.status(), 201);

    for bad in ["", "with space", &"x".repeat(256)] {
        let res = post_keyed(&app, &officer, "/api/v1/persons", bad, &valid).await;
        assert_problem(res, 400, "bad_request").await;
    }
    // Unauthenticated: the handler's 401, nothing kept.
    let res = post_keyed(&app, "not-a-token", "/api/v1/persons", "k-2", &valid).await;
    assert_problem(res, 401, "unauthenticated").await;
    let keys = "SELECT key AS value FROM idempotency_keys ORDER BY key";
    let mut conn = app.db.conn().await;
    assert_eq!(strings(&mut conn, keys).await, ["k-1"]);
}

#[tokio::test]
async fn concurrent_retries_create_one_case() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "lea", &["officer"]).await;
    let officer = app.token("lea", &password).await;
    let case = json!({ "kind": "seizure", "detected_at": "2026-06-01T08:00:00Z",
        "goods": [{ "commodity_group": "drugs", "quantity": 1.5, "unit": "kg" }] });
    let sends = (0..8).map(|_| post_keyed(&app, &officer, "/api/v1/seizures", "case-7", &case));
    let results = futures_util::future::join_all(sends).await;
    let mut ids = std::collections::BTreeSet::new();
    for res in results {
        match res.status().as_u16() {
            201 => {
                let body: Value = res.json().await.unwrap();
                ids.insert(body["id"].as_str().unwrap().to_string());
            }
            409 => {
                assert_problem(res, 409, "idempotency_key_in_flight").await;
            }
            other => panic!("unexpected {other}: {}", res.text().await.unwrap()),
        }
    }
    assert_eq!(ids.len(), 1, "{ids:?}");
    let cases = "SELECT id::text AS value FROM seizure_cases";
    assert_eq!(count(&app, cases).await, 1);
}
