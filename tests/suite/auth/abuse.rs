//! Sign-in under abuse: client addresses behind trusted proxies, throttling by username and
//! address, parallel and malformed attempts, floods, and the headers every answer carries.

use super::*;

/// A sign-in from behind the trusted proxy, for the client address `from`.
async fn login_from(
    app: &TestApp,
    from: &str,
    username: &str,
    password: &str,
) -> reqwest::Response {
    client()
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", format!("6.6.6.6, {from}"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
}

async fn behind_a_proxy() -> TestApp {
    TestApp::spawn_with(|s| {
        s.trusted_proxies = vec![Some("127.0.0.1/32".parse().unwrap())];
    })
    .await
}

/// Throttling counts a username and an address together: an attacker at one address locks
/// only that address out of the account, and its owner signs in from their own.
#[tokio::test]
async fn a_throttled_account_still_signs_in_from_a_fresh_address() {
    let app = behind_a_proxy().await;
    for _ in 0..5 {
        let res = login_from(&app, "203.0.113.7", "admin", "wrong-password!").await;
        assert_eq!(res.status(), 401);
    }
    let res = login_from(&app, "203.0.113.7", "admin", ADMIN_PASSWORD).await;
    assert_problem(res, 429, "too_many_requests").await;
    let res = login_from(&app, "198.51.100.9", "admin", ADMIN_PASSWORD).await;
    assert_eq!(res.status(), 200, "the owner's address is not locked out");

    // The address recorded is the rightmost untrusted hop, never the forged leftmost one.
    let mut conn = app.db.conn().await;
    let ips: Vec<String> = ncen_tests::strings(
        &mut conn,
        "SELECT DISTINCT host(ip) AS value FROM audit_events WHERE action = 'auth.login' ORDER BY 1",
    )
    .await;
    assert_eq!(ips, ["198.51.100.9", "203.0.113.7"]);
}

#[tokio::test]
async fn without_trusted_proxies_forwarded_for_is_ignored() {
    let app = TestApp::spawn().await;
    login_from(&app, "203.0.113.7", "admin", ADMIN_PASSWORD).await;
    let mut conn = app.db.conn().await;
    let ips = ncen_tests::strings(
        &mut conn,
        "SELECT DISTINCT host(ip) AS value FROM audit_events WHERE action = 'auth.login'",
    )
    .await;
    assert_eq!(ips, ["127.0.0.1"]);
}

/// The throttle is atomic: of 30 parallel wrong attempts, no more are evaluated than the
/// limit allows; the rest are refused before their password is looked at.
#[tokio::test]
async fn parallel_attempts_get_no_more_evaluations_than_the_limit() {
    let app = TestApp::spawn().await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let url = app.url("/api/v1/auth/login");
        attempts.spawn(async move {
            let body = json!({ "username": "admin", "password": "wrong-password!" });
            let res = client().post(url).json(&body).send().await.unwrap();
            res.status().as_u16()
        });
    }
    let statuses: Vec<u16> = attempts.join_all().await;
    let evaluated = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(evaluated + throttled, 30, "{statuses:?}");
    assert!(
        evaluated <= 5,
        "{evaluated} attempts evaluated: {statuses:?}"
    );
    let outcomes: Vec<String> = app
        .audit_rows("auth.login")
        .await
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(
        outcomes.iter().filter(|o| *o == "failure").count(),
        evaluated
    );
}

/// A NUL in the username is a 400, and still a counted and audited failure.
#[tokio::test]
async fn a_nul_in_the_username_is_a_counted_and_audited_bad_request() {
    let app = TestApp::spawn().await;
    let res = app
        .login_with(&client(), "ad\u{0}min", "wrong-password!")
        .await;
    let problem = assert_problem(res, 400, "bad_request").await;
    assert!(problem["detail"].as_str().unwrap().contains("NUL"));
    let rows = app.audit_rows("auth.login").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "failure");
    let mut conn = app.db.conn().await;
    let counted = ncen_tests::strings(
        &mut conn,
        "SELECT username AS value FROM login_attempts WHERE NOT succeeded",
    )
    .await;
    assert_eq!(counted, ["ad\u{FFFD}min"]);
    for _ in 0..4 {
        app.login_with(&client(), "ad\u{0}min", "x").await;
    }
    let res = app.login_with(&client(), "ad\u{0}min", "x").await;
    assert_problem(res, 429, "too_many_requests").await;
}

/// Changing one's own password is throttled like signing in: a stolen session cannot be
/// used to guess the current password.
#[tokio::test]
async fn wrong_current_passwords_are_throttled_like_sign_ins() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "pat", &["officer"]).await;
    let token = app.token("pat", &pw).await;
    let body = json!({ "current_password": "guess-guess-guess", "new_password": "a-much-longer-password" });
    for _ in 0..5 {
        let res = app.post("/api/v1/me/password", &token, body.clone()).await;
        assert_problem(res, 422, "validation_failed").await;
    }
    let res = app.post("/api/v1/me/password", &token, body.clone()).await;
    assert!(res.headers().get("retry-after").is_some());
    assert_problem(res, 429, "too_many_requests").await;
    let outcomes: Vec<String> = app
        .audit_rows("user.password_change")
        .await
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(outcomes.iter().filter(|o| *o == "failure").count(), 5);
    assert_eq!(outcomes.last().map(String::as_str), Some("throttled"));
}

/// API answers carry nominal data: no cache keeps them. HSTS only over HTTPS.
#[tokio::test]
async fn api_answers_are_not_cached_and_hsts_follows_https() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app.get("/api/v1/me", &admin).await;
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.headers().get("strict-transport-security").is_none());
    let res = app.get("/api/v1/nothing-here", &admin).await;
    assert_eq!(res.headers()["cache-control"], "no-store");

    let https = TestApp::spawn_with(|s| s.cookie_secure = true).await;
    let res = client()
        .get(https.url("/health/live"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

/// A flood of bad sign-ins from many addresses queues on the bounded Argon2 pool: no more
/// hashes run at once than the bound, the pool's connections are not held while hashing,
/// and signed-in reads answer throughout. (The timings under a 200-connection flood are
/// measured by `make soak`, not here.)
#[tokio::test]
async fn a_sign_in_flood_neither_exceeds_the_hash_bound_nor_starves_reads() {
    let app = behind_a_proxy().await;
    let token = app.admin_token().await;
    let mut flood = tokio::task::JoinSet::new();
    for i in 0..40 {
        let url = app.url("/api/v1/auth/login");
        flood.spawn(async move {
            let body = json!({ "username": format!("nobody{i}"), "password": "wrong-password!" });
            let res = client()
                .post(url)
                .header("X-Forwarded-For", format!("198.18.0.{}", i + 1))
                .json(&body)
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        });
    }
    // The test server has a pool of 4 connections and 40 sign-ins in flight.
    for _ in 0..20 {
        assert_eq!(app.get("/api/v1/me", &token).await.status(), 200);
    }
    let statuses = flood.join_all().await;
    assert!(statuses.iter().all(|s| *s == 401), "{statuses:?}");
    let bound = std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1));
    assert!(
        password::peak_concurrency() <= bound,
        "{} hashes ran at once; the bound is {bound}",
        password::peak_concurrency()
    );
}
