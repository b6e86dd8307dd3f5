//! Forged and broken access tokens are all refused with 401.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn key_of(app: &TestApp) -> Vec<u8> {
    std::fs::read_to_string(&app.jwt_key_file)
        .unwrap()
        .trim()
        .as_bytes()
        .to_vec()
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

/// A server on the same database as `app`, with the same settings but its own port (a
/// restart, or a second instance).
async fn restarted(app: &TestApp) -> String {
    let mut settings = ncen_api::config::Settings::for_database(&app.db.runtime_url());
    settings.workers = 1;
    settings.db_pool_size = 2;
    settings.web_dir = "/nonexistent".into();
    settings.jwt_secret_file = app.jwt_key_file.to_string_lossy().into_owned();
    let server = ncen_api::startup::Application::build(settings)
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", server.port());
    tokio::spawn(server.run());
    base
}

async fn me_at(base: &str, token: &str) -> u16 {
    ncen_tests::client()
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The signing key is a private file, named in each token by its `kid`; a rotation keeps
/// the previous key for the tokens it signed, and the one before is no longer accepted.
#[tokio::test]
async fn the_signing_key_rotates_without_signing_anyone_out() {
    use ncen_core::auth::{keys, tokens::key_id};
    let app = TestApp::spawn().await;
    let first = app.admin_token().await;
    let key1 = key_of(&app).await;
    assert_eq!(parts(&first).0["kid"], key_id(&key1));
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(&app.jwt_key_file).unwrap().permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);

    keys::rotate(&app.jwt_key_file).unwrap();
    let b = restarted(&app).await;
    assert_eq!(
        me_at(&b, &first).await,
        200,
        "the previous key still verifies"
    );
    let login: Value = ncen_tests::client()
        .post(format!("{b}/api/v1/auth/login"))
        .json(&json!({ "username": "admin", "password": ncen_tests::ADMIN_PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let second = login["access_token"].as_str().unwrap().to_string();
    let key2 = key_of(&app).await;
    assert_ne!(key1, key2);
    assert_eq!(parts(&second).0["kid"], key_id(&key2));
    assert_eq!(me_at(&b, &second).await, 200);
    // A token naming a key this server does not have is refused.
    let (_, claims) = parts(&second);
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("0000000000000000".into());
    let stranger = encode(&header, &claims, &EncodingKey::from_secret(&key2)).unwrap();
    assert_eq!(me_at(&b, &stranger).await, 401);

    keys::rotate(&app.jwt_key_file).unwrap();
    let c = restarted(&app).await;
    assert_eq!(me_at(&c, &second).await, 200);
    assert_eq!(me_at(&c, &first).await, 401, "two rotations ago");
}
