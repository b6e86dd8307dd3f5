//! The framework's own failures and common client mistakes answer with precise problems.

use ncen_tests::{assert_problem, TestApp};
use serde_json::json;

#[tokio::test]
async fn malformed_wrong_type_oversized_unknown_and_wrong_method() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let c = &app.client;

    let res = c
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{\"username\":")
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 400, "bad_request").await;
    assert!(body["detail"].as_str().unwrap().contains("not valid JSON"));

    let res = c
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{\"username\": 5}")
        .send()
        .await
        .unwrap();
    assert_problem(res, 400, "bad_request").await;

    let res = c
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;

    let huge = format!(
        "{{\"username\":\"{}\",\"password\":\"x\"}}",
        "a".repeat(1024 * 1024 + 10)
    );
    let res = c
        .post(app.url("/api/v1/users"))
        .bearer_auth(&admin)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_problem(res, 413, "payload_too_large").await;

    assert_problem(
        app.get("/api/v1/no-such-thing", &admin).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(app.get("/api/v2/users", &admin).await, 404, "not_found").await;
    assert_problem(app.get("/nope", &admin).await, 404, "not_found").await;

    let res = c
        .delete(app.url("/api/v1/users"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    let allow = res
        .headers()
        .get("allow")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    assert_problem(res, 405, "method_not_allowed").await;

    // Unknown fields are refused rather than silently ignored.
    let res = app
        .post(
            "/api/v1/auth/login",
            "",
            json!({ "username": "a", "password": "b", "extra": 1 }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;

    // Malformed ids cannot name anything.
    assert_problem(
        app.get("/api/v1/users/not-a-uuid", &admin).await,
        404,
        "not_found",
    )
    .await;
    // Bad query strings.
    assert_problem(
        app.get("/api/v1/users?limit=abc", &admin).await,
        400,
        "bad_request",
    )
    .await;
    let body = assert_problem(
        app.get("/api/v1/users?limit=100000", &admin).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "limit");
    let body = assert_problem(
        app.get("/api/v1/users?cursor=zz", &admin).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "cursor");
}

#[tokio::test]
async fn responses_carry_security_headers_and_a_request_id() {
    let app = TestApp::spawn().await;
    for path in ["/health/live", "/api/v1/me", "/nope", "/api/docs/"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(!h["x-request-id"].to_str().unwrap().is_empty(), "{path}");
    }
    // A caller's own request id is kept (when sane) so logs can be correlated.
    let res = app
        .client
        .get(app.url("/health/live"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "abc-123");
    let res = app
        .client
        .get(app.url("/health/live"))
        .header("x-request-id", "bad id with spaces")
        .send()
        .await
        .unwrap();
    assert_ne!(res.headers()["x-request-id"], "bad id");
}

#[tokio::test]
async fn cors_is_off_by_default() {
    let app = TestApp::spawn().await;
    let res = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let res = app
        .client
        .get(app.url("/health/live"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn cors_allows_exactly_the_configured_origins() {
    let app =
        TestApp::spawn_with(|s| s.cors_origins = vec!["https://console.customs.example".into()])
            .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/me"))
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
    };
    let ok = preflight("https://console.customs.example").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "https://console.customs.example"
    );
    let other = preflight("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn stale_or_missing_versions_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (id, _) = app.create_user(&admin, "vera", &["officer"]).await;
    let path = format!("/api/v1/users/{id}");
    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin)
        .json(&json!({ "display_name": "Vera" }))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin)
        .header("if-match", "banana")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 400, "bad_request").await;
    assert_eq!(
        app.patch(&path, &admin, 1, json!({ "display_name": "Vera V." }))
            .await
            .status(),
        200
    );
    assert_problem(
        app.patch(&path, &admin, 1, json!({ "display_name": "Lost update" }))
            .await,
        412,
        "precondition_failed",
    )
    .await;
    let now: serde_json::Value = app.get(&path, &admin).await.json().await.unwrap();
    assert_eq!(now["display_name"], "Vera V.");
    assert_eq!(now["version"], 2);
}

/// Codes checked by their shape (EORI, UN/LOCODE) holding multi-byte characters are refused
/// with a field error; a byte index inside a character used to panic the worker, which
/// dropped the connection without an answer.
#[tokio::test]
async fn codes_with_multibyte_characters_answer_422_not_a_dropped_connection() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    let password = "a-strong-passphrase-1";
    let res = app
        .post(
            "/api/v1/users",
            &admin,
            serde_json::json!({ "username": "olga", "display_name": "Olga", "unit_id": root,
                                "roles": ["officer"], "password": password }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let officer = app.token("olga", password).await;
    for eori in [")Ü\\XÜ", "aÜbc"] {
        let res = app
            .post(
                "/api/v1/companies",
                &officer,
                serde_json::json!({ "name": "Umlaut GmbH", "eori": eori }),
            )
            .await;
        let body = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(body["errors"][0]["field"], "eori", "{body}");
    }
    let res = app
        .post(
            "/api/v1/units",
            &admin,
            serde_json::json!({ "code": "PORT9", "name": "Port", "unlocode": "aÜbc" }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "unlocode", "{body}");
    let res = app
        .post(
            "/api/v1/seizures",
            &officer,
            serde_json::json!({ "kind": "offence", "detected_at": "2026-06-01T08:00:00Z", "unlocode": "aÜbc" }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "unlocode", "{body}");
}

#[tokio::test]
async fn a_nul_character_answers_422_naming_the_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "nina", &["officer"]).await;
    let officer = app.token("nina", &password).await;
    let res = app
        .post(
            "/api/v1/persons",
            &officer,
            json!({ "family_name": "Nul", "given_names": "Ada", "phones": ["ok", "a\u{0}b"] }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "phones[1]", "{body}");
    assert_eq!(body["errors"][0]["code"], "nul_character", "{body}");
    let res = app
        .post(
            "/api/v1/companies",
            &officer,
            json!({ "name": "Acme\u{0} Ltd" }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "name", "{body}");
    // The escaped text `\u0000` (a backslash, then letters) is ordinary text.
    let res = app
        .post(
            "/api/v1/companies",
            &officer,
            json!({ "name": "Acme \\u0000 Ltd" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let res = app.get("/api/v1/persons?q=a%00b", &officer).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "q", "{body}");
    let res = app.get("/api/v1/codelists/a%00b", &admin).await;
    assert_problem(res, 404, "not_found").await;
    let mut conn = app.db.conn().await;
    let persons = ncen_tests::strings(&mut conn, "SELECT family_name AS value FROM persons").await;
    assert!(persons.is_empty(), "{persons:?}");
}
