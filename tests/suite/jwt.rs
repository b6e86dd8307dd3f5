//! Forged and broken access tokens are all refused with 401.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn key_of(app: &TestApp) -> Vec<u8> {
    use ncen_core::db::schema::server_secrets;
    let mut conn = app.db.conn().await;
    server_secrets::table
        .filter(server_secrets::name.eq("jwt_hs256"))
        .select(server_secrets::value)
        .first(&mut conn)
        .await
        .unwrap()
}

fn parts(token: &str) -> (Value, Value) {
    let mut it = token.split('.');
    let header = serde_json::from_slice(&B64.decode(it.next().unwrap()).unwrap()).unwrap();
    let payload = serde_json::from_slice(&B64.decode(it.next().unwrap()).unwrap()).unwrap();
    (header, payload)
}

fn sign(key: &[u8], alg: Algorithm, claims: &Value) -> String {
    encode(&Header::new(alg), claims, &EncodingKey::from_secret(key)).unwrap()
}

async fn refused(app: &TestApp, token: &str) {
    assert_problem(app.get("/api/v1/me", token).await, 401, "unauthenticated").await;
}

#[tokio::test]
async fn forged_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let good = app.admin_token().await;
    assert_eq!(app.get("/api/v1/me", &good).await.status(), 200);
    let key = key_of(&app).await;
    let (_, claims) = parts(&good);
    let now = chrono::Utc::now().timestamp();

    // A re-signed copy with the real key is accepted: the forgeries below differ in one thing.
    assert_eq!(
        app.get("/api/v1/me", &sign(&key, Algorithm::HS256, &claims))
            .await
            .status(),
        200
    );

    // alg none, unsigned.
    let none = format!(
        "{}.{}.",
        B64.encode(r#"{"alg":"none","typ":"JWT"}"#),
        B64.encode(claims.to_string())
    );
    refused(&app, &none).await;
    // Another algorithm with the same key.
    refused(&app, &sign(&key, Algorithm::HS512, &claims)).await;
    // The wrong key.
    refused(
        &app,
        &sign(
            b"another-key-another-key-another-key!",
            Algorithm::HS256,
            &claims,
        ),
    )
    .await;

    let with = |patch: Value| {
        let mut c = claims.clone();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() {
                c.as_object_mut().unwrap().remove(k);
            } else {
                c[k] = v.clone();
            }
        }
        sign(&key, Algorithm::HS256, &c)
    };
    refused(&app, &with(json!({ "exp": now - 120, "iat": now - 1000 }))).await; // expired
    refused(&app, &with(json!({ "exp": (now + 600).to_string() }))).await; // exp as a string
    refused(&app, &with(json!({ "aud": "someone-else" }))).await;
    refused(&app, &with(json!({ "iss": "evil" }))).await;
    refused(&app, &with(json!({ "exp": null }))).await;
    refused(&app, &with(json!({ "iat": null }))).await;
    refused(&app, &with(json!({ "sub": null }))).await;
    refused(
        &app,
        &with(json!({ "sub": uuid::Uuid::new_v4().to_string() })),
    )
    .await; // no such user/session

    // Tampered payload, original signature.
    let mut segments: Vec<String> = good.split('.').map(str::to_string).collect();
    let mut payload = claims.clone();
    payload["sub"] = json!(uuid::Uuid::new_v4().to_string());
    segments[1] = B64.encode(payload.to_string());
    refused(&app, &segments.join(".")).await;

    // Not a token at all, and other schemes.
    refused(&app, "not.a.token").await;
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .header("authorization", format!("Basic {good}"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthenticated").await;
    let res = app.client.get(app.url("/api/v1/me")).send().await.unwrap();
    assert!(res.headers().get("www-authenticate").is_some());
    assert_problem(res, 401, "unauthenticated").await;
}
