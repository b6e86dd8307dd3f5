use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_core::auth::password;
use ncen_tests::{assert_problem, client, TestApp, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

async fn refresh(app: &TestApp, c: &reqwest::Client) -> reqwest::Response {
    c.post(app.url("/api/v1/auth/refresh"))
        .send()
        .await
        .unwrap()
}

fn refresh_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("ncen_refresh="))
        .expect("refresh cookie set")
}

#[tokio::test]
async fn login_returns_a_bearer_token_and_a_strict_http_only_cookie() {
    let app = TestApp::spawn().await;
    let c = client();
    let res = app.login_with(&c, "admin", ADMIN_PASSWORD).await;
    assert_eq!(res.status(), 200);
    let cookie = refresh_cookie(&res);
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Strict"));
    assert!(cookie.contains("Path=/api/v1/auth"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    let me: Value = app
        .get("/api/v1/me", body["access_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["username"], "admin");
    assert_eq!(me["roles"], json!(["admin"]));
    // The administration and the user's office: what a new case starts with.
    assert_eq!(me["country"], "XX");
    assert!(me["currency"].is_null());
    assert_eq!(me["office"]["unit_name"], "Headquarters");
    assert!(me["office"]["country"].is_null());
    assert!(me["permissions"]
        .as_array()
        .unwrap()
        .contains(&json!("users.manage")));
    // Usernames are case-insensitive.
    assert_eq!(
        app.login_with(&client(), "ADMIN", ADMIN_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_user_answer_alike_and_take_similar_time() {
    let app = TestApp::spawn().await;
    let wrong = app.login_with(&client(), "admin", "not-the-password").await;
    let wrong = assert_problem(wrong, 401, "invalid_credentials").await;
    let unknown = app
        .login_with(&client(), "nobody", "not-the-password")
        .await;
    let unknown = assert_problem(unknown, 401, "invalid_credentials").await;
    assert_eq!(wrong, unknown);

    // Argon2 dominates a wrong-password login; an unknown user must pay the same price. Wall
    // times compared with each other flake on a busy machine, so instead: the dummy hash an
    // unknown user's password is checked against costs exactly what a real user's does...
    let stored = password_hash_of(&app, "admin").await;
    assert_eq!(argon2_cost(password::dummy_hash()), argon2_cost(&stored));
    // ...and each kind of failed sign-in takes at least half the CPU time of one such check
    // (the least of several, timed in between). Load only ever slows a sign-in down and does
    // not change the CPU time a check needs: a sign-in faster than that skipped the check.
    let check = || {
        tokio::task::spawn_blocking(|| {
            let (wall, cpu) = (Instant::now(), thread_cpu_time());
            password::verify(password::dummy_hash(), "not-the-password-either");
            match (cpu, thread_cpu_time()) {
                (Some(before), Some(after)) => after - before,
                _ => wall.elapsed(),
            }
        })
    };
    let sign_in = |user: &'static str| {
        let app = &app;
        async move {
            let start = Instant::now();
            let res = app
                .login_with(&client(), user, "not-the-password-either")
                .await;
            let took = start.elapsed();
            assert_eq!(res.status(), 401, "{user}");
            took
        }
    };
    let (mut one_check, mut known, mut unknown) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        one_check = one_check.min(check().await.unwrap());
        known = known.min(sign_in("admin").await);
        one_check = one_check.min(check().await.unwrap());
        unknown = unknown.min(sign_in("ghost").await);
    }
    for (what, took) in [("a wrong password", known), ("an unknown user", unknown)] {
        assert!(
            took >= one_check / 2,
            "sign-in with {what} took {took:?}, less than half a password check ({one_check:?})"
        );
    }
}

/// CPU time the calling thread has used (time on a CPU, not waiting for one), from Linux's
/// scheduler statistics; `None` where they cannot be read.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

#[derive(QueryableByName)]
struct PasswordHash {
    #[diesel(sql_type = diesel::sql_types::Text)]
    password_hash: String,
}

async fn password_hash_of(app: &TestApp, username: &str) -> String {
    diesel::sql_query("SELECT password_hash FROM users WHERE username = $1")
        .bind::<diesel::sql_types::Text, _>(username)
        .get_result::<PasswordHash>(&mut app.db.conn().await)
        .await
        .unwrap()
        .password_hash
}

/// Algorithm, version and cost parameters of a PHC hash (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
fn argon2_cost(phc: &str) -> Vec<String> {
    let fields: Vec<&str> = phc.split('$').collect();
    assert_eq!(fields.len(), 6, "not an Argon2 PHC string: {phc}");
    assert!(fields[1].starts_with("argon2"), "{phc}");
    fields[1..4].iter().map(|f| f.to_string()).collect()
}

#[tokio::test]
async fn refresh_rotates_and_reuse_of_a_rotated_token_revokes_the_session() {
    // A shorter grace than the default 10 s, still far longer than two requests in a row take.
    const GRACE: Duration = Duration::from_secs(2);
    let app = TestApp::spawn_with(|s| s.refresh_reuse_grace_secs = GRACE.as_secs() as i64).await;
    let c = client();
    let login = app.login_with(&c, "admin", ADMIN_PASSWORD).await;
    let first_cookie = refresh_cookie(&login);
    let first_value = first_cookie.split(';').next().unwrap().to_string();
    let access: Value = login.json().await.unwrap();
    let access = access["access_token"].as_str().unwrap().to_string();

    let rotated = Instant::now();
    let r1 = refresh(&app, &c).await;
    assert_eq!(r1.status(), 200);
    let second = refresh_cookie(&r1);
    assert_ne!(
        second.split(';').next().unwrap(),
        first_value,
        "cookie rotated"
    );
    let new_access: Value = r1.json().await.unwrap();
    assert!(new_access["access_token"].is_string());

    // The old token again, immediately (another tab, or a reload that aborted the answer
    // before the browser stored the new cookie): it gets a successor of its own, which works.
    let replay_first = || {
        app.client
            .post(app.url("/api/v1/auth/refresh"))
            .header("cookie", first_value.clone())
            .send()
    };
    let replay = replay_first().await.unwrap();
    assert_eq!(replay.status(), 200);
    let sibling = refresh_cookie(&replay);
    let sibling = sibling.split(';').next().unwrap().to_string();
    assert_ne!(sibling, first_value);
    assert_ne!(sibling, second.split(';').next().unwrap());
    let from_sibling = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", sibling)
        .send()
        .await
        .unwrap();
    assert_eq!(
        from_sibling.status(),
        200,
        "the successor given in the grace works"
    );

    // Past the grace (counted from the first use, not extended by the successors) re-use
    // is theft and the whole family goes: the old token, again until the answer is no longer
    // a successor, for at most 6 s past the grace (short of the default 10 s grace, so the
    // setting must have been honoured).
    let deadline = rotated + GRACE + Duration::from_secs(6);
    let replay = loop {
        let replay = replay_first().await.unwrap();
        if replay.status() != 200 || Instant::now() > deadline {
            break replay;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        rotated.elapsed() >= GRACE,
        "re-use was refused as theft within the grace"
    );
    assert_problem(replay, 401, "unauthenticated").await;
    assert_problem(refresh(&app, &c).await, 401, "unauthenticated").await;
    // Access tokens of the revoked session stop working at once too.
    assert_problem(app.get("/api/v1/me", &access).await, 401, "unauthenticated").await;
    let rows = app.audit_rows("auth.refresh_reuse").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "denied");
}

#[tokio::test]
async fn logout_revokes_the_session_and_clears_the_cookie() {
    let app = TestApp::spawn().await;
    let c = client();
    let login: Value = app
        .login_with(&c, "admin", ADMIN_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let access = login["access_token"].as_str().unwrap();
    let out = c.post(app.url("/api/v1/auth/logout")).send().await.unwrap();
    assert_eq!(out.status(), 204);
    let cleared = refresh_cookie(&out);
    assert!(
        cleared.contains("Max-Age=0") || cleared.contains("expires=Thu, 01 Jan 1970"),
        "{cleared}"
    );
    assert_problem(refresh(&app, &c).await, 401, "unauthenticated").await;
    assert_problem(app.get("/api/v1/me", access).await, 401, "unauthenticated").await;
    assert_eq!(app.audit_rows("auth.logout").await.len(), 1);
    // Without a cookie, logout is a harmless no-op.
    assert_eq!(
        client()
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
}

#[tokio::test]
async fn refresh_without_a_cookie_or_with_garbage_is_401() {
    let app = TestApp::spawn().await;
    assert_problem(refresh(&app, &client()).await, 401, "unauthenticated").await;
    let res = client()
        .post(app.url("/api/v1/auth/refresh"))
        .header("cookie", "ncen_refresh=deadbeef")
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unauthenticated").await;
}

#[tokio::test]
async fn disabling_a_user_or_changing_roles_takes_effect_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (id, pw) = app.create_user(&admin, "sup", &["supervisor"]).await;
    let c = client();
    let login: Value = app.login_with(&c, "sup", &pw).await.json().await.unwrap();
    let token = login["access_token"].as_str().unwrap().to_string();
    assert_eq!(app.get("/api/v1/users", &token).await.status(), 200);

    // Remove the supervisor role: the same token loses the permission immediately.
    let res = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &admin,
            1,
            json!({ "roles": ["officer"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_problem(app.get("/api/v1/users", &token).await, 403, "forbidden").await;

    // Disable: token and refresh cookie stop working, and sign-in is refused.
    let res = app
        .patch(
            &format!("/api/v1/users/{id}"),
            &admin,
            2,
            json!({ "disabled": true }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_problem(app.get("/api/v1/me", &token).await, 401, "unauthenticated").await;
    assert_problem(refresh(&app, &c).await, 401, "unauthenticated").await;
    assert_problem(
        app.login_with(&client(), "sup", &pw).await,
        401,
        "invalid_credentials",
    )
    .await;

    // Re-enabled, they can sign in again.
    app.patch(
        &format!("/api/v1/users/{id}"),
        &admin,
        3,
        json!({ "disabled": false }),
    )
    .await;
    assert_eq!(app.login_with(&client(), "sup", &pw).await.status(), 200);
}

#[tokio::test]
async fn five_failures_for_an_account_throttle_it_with_retry_after() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        assert_eq!(
            app.login_with(&client(), "admin", "wrong-password!")
                .await
                .status(),
            401
        );
    }
    // Even the right password is refused while throttled.
    let res = app.login_with(&client(), "admin", ADMIN_PASSWORD).await;
    let retry: u64 = res
        .headers()
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 900, "retry-after {retry}");
    assert_problem(res, 429, "too_many_requests").await;
    let outcomes: Vec<String> = app
        .audit_rows("auth.login")
        .await
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(outcomes.iter().filter(|o| *o == "failure").count(), 5);
    assert_eq!(outcomes.last().unwrap(), "throttled");
}

#[tokio::test]
async fn twenty_failures_from_one_address_throttle_that_address() {
    let app = TestApp::spawn().await;
    for i in 0..20 {
        // Different accounts, so the per-account limit is never reached.
        assert_eq!(
            app.login_with(
                &client(),
                &format!("user{}", i % 4 + i / 4 * 10),
                "wrong-password!"
            )
            .await
            .status(),
            401
        );
    }
    let res = app
        .login_with(&client(), "someone-else", "whatever-password")
        .await;
    assert!(res.headers().get("retry-after").is_some());
    assert_problem(res, 429, "too_many_requests").await;
}

#[tokio::test]
async fn a_successful_login_resets_the_account_counter() {
    let app = TestApp::spawn().await;
    for _ in 0..4 {
        app.login_with(&client(), "admin", "wrong-password!").await;
    }
    assert_eq!(
        app.login_with(&client(), "admin", ADMIN_PASSWORD)
            .await
            .status(),
        200
    );
    for _ in 0..4 {
        assert_eq!(
            app.login_with(&client(), "admin", "wrong-password!")
                .await
                .status(),
            401
        );
    }
    assert_eq!(
        app.login_with(&client(), "admin", ADMIN_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn users_change_their_own_password_and_other_sessions_end() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "olga", &["officer"]).await;
    let other_session = app.token("olga", &pw).await;
    let token = app.token("olga", &pw).await;

    let short = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({ "current_password": pw, "new_password": "short" }),
        )
        .await;
    let body = assert_problem(short, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "new_password");
    let wrong = app
        .post("/api/v1/me/password", &token, json!({ "current_password": "nope-nope-nope", "new_password": "a-much-longer-password" }))
        .await;
    let body = assert_problem(wrong, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "current_password");

    let ok = app
        .post(
            "/api/v1/me/password",
            &token,
            json!({ "current_password": pw, "new_password": "a-much-longer-password" }),
        )
        .await;
    assert_eq!(ok.status(), 204);
    assert_eq!(
        app.get("/api/v1/me", &token).await.status(),
        200,
        "this session stays"
    );
    assert_eq!(
        app.get("/api/v1/me", &other_session).await.status(),
        401,
        "other sessions end"
    );
    assert_eq!(app.login_with(&client(), "olga", &pw).await.status(), 401);
    assert_eq!(
        app.login_with(&client(), "olga", "a-much-longer-password")
            .await
            .status(),
        200
    );
}

mod abuse;

/// A configured administration: its country and currency, and an office's country from its
/// UN/LOCODE.
#[tokio::test]
async fn me_tells_the_administrations_country_currency_and_the_users_office() {
    let app = TestApp::spawn_with(|s| {
        s.country = "FR".into();
        s.currency = Some("EUR".into());
    })
    .await;
    let admin = app.admin_token().await;
    let me: Value = app.get("/api/v1/me", &admin).await.json().await.unwrap();
    assert_eq!(me["country"], "FR");
    assert_eq!(me["currency"], "EUR");
    assert_eq!(me["office"]["country"], "FR");
    let unit = me["unit_id"].as_str().unwrap();
    let version = app
        .get(&format!("/api/v1/units/{unit}"), &admin)
        .await
        .json::<Value>()
        .await
        .unwrap()["version"]
        .as_i64()
        .unwrap();
    let res = app
        .patch(
            &format!("/api/v1/units/{unit}"),
            &admin,
            version,
            json!({ "location_type": "seaport", "unlocode": "BEANR" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let me: Value = app.get("/api/v1/me", &admin).await.json().await.unwrap();
    assert_eq!(me["office"]["location_type"], "seaport");
    assert_eq!(me["office"]["unlocode"], "BEANR");
    assert_eq!(me["office"]["country"], "BE");
}
