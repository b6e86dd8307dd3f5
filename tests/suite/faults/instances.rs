//! Two server instances on one database, as behind a load balancer: a session is the
//! database's, not an instance's (tokens and refresh rotation work across both), and the
//! audit sealers of both run side by side yet extend one chain without a gap or a repeat.

use super::{
    assert_chain_is_contiguous, assert_chain_verifies, http, login, number, refresh_cookie, soak,
    user, CHILD_ENTRY,
};
use ncen_tests::process::{ChildConfig, ChildServer};
use ncen_tests::{TestDb, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// Both instances of one database; `grace` is the refresh-reuse grace of both.
async fn pair(db: &TestDb, grace: Option<i64>) -> (ChildServer, ChildServer) {
    ncen_core::users::bootstrap::ensure_admin(&mut db.conn().await, Some(ADMIN_PASSWORD))
        .await
        .unwrap();
    let config = || {
        let mut c = ChildConfig::new(CHILD_ENTRY, &db.runtime_url());
        // Both sealers try often, so that they overlap.
        c.seal_interval_ms = 50;
        c.refresh_grace_secs = grace;
        c
    };
    tokio::join!(ChildServer::spawn(config()), ChildServer::spawn(config()))
}

async fn refresh(base: &str, cookie: &str) -> reqwest::Response {
    http(Duration::from_secs(10))
        .post(format!("{base}/api/v1/auth/refresh"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

async fn me(base: &str, token: &str) -> u16 {
    http(Duration::from_secs(10))
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_and_refresh_rotation_work_across_two_instances() {
    let db = TestDb::new().await;
    // No reuse grace: presenting a rotated refresh token is theft at once.
    let (a, b) = pair(&db, Some(0)).await;
    assert_ne!(a.base, b.base);

    // An access token from one instance is honoured by the other.
    let token_of_a = user(&a.base, "olga", &["officer"]).await;
    let res = http(Duration::from_secs(10))
        .get(b.url("/api/v1/me"))
        .bearer_auth(&token_of_a)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "a token of A on B");
    assert_eq!(res.json::<Value>().await.unwrap()["username"], "olga");

    // Rotation on A, then on B with what A issued; each new access token works on the other.
    let (access, first) = login(&a.base, "olga", "a-strong-passphrase-1").await;
    let r1 = refresh(&a.base, &first).await;
    assert_eq!(r1.status(), 200, "refresh on A");
    let second = refresh_cookie(&r1);
    assert_ne!(second, first, "rotated");
    let r2 = refresh(&b.base, &second).await;
    assert_eq!(r2.status(), 200, "A's new refresh token on B");
    let third = refresh_cookie(&r2);
    assert!(third != second && third != first, "rotated again");
    let access_of_b = r2.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        me(&a.base, &access_of_b).await,
        200,
        "B's new access token on A"
    );

    // The first, long rotated, refresh token is refused by B, and as a reuse it ends the
    // session on both instances.
    let reuse = refresh(&b.base, &first).await;
    assert_eq!(reuse.status(), 401, "a rotated refresh token on B");
    assert_eq!(
        refresh(&a.base, &third).await.status(),
        401,
        "the session ended, on A too"
    );
    assert_eq!(me(&a.base, &access_of_b).await, 401);
    assert_eq!(me(&b.base, &access).await, 401);
    // The other session of the same user (from `user`) is untouched.
    assert_eq!(me(&b.base, &token_of_a).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_seal_one_audit_chain_without_gaps_or_repeats() {
    let db = TestDb::new().await;
    let (a, b) = pair(&db, None).await;
    let officer = user(&a.base, "olga", &["officer"]).await;
    let auditor = user(&b.base, "audrey", &["auditor"]).await;
    let servers = [a.base.clone(), b.base.clone()];

    // Writers alternate between the instances; both sealers run every 50 ms meanwhile.
    let clients = 4;
    let per_client = if soak() { 500 } else { 30 };
    let started = Instant::now();
    let writers: Vec<_> = (0..clients)
        .map(|client| {
            let servers = servers.clone();
            let officer = officer.clone();
            tokio::spawn(async move {
                let c = http(Duration::from_secs(10));
                let mut ids = Vec::new();
                for n in 0..per_client {
                    let base = &servers[(client + n) % 2];
                    let res = c
                        .post(format!("{base}/api/v1/persons"))
                        .bearer_auth(&officer)
                        .json(&json!({ "family_name": "Twin", "given_names": format!("i{client}-{n}") }))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), 201, "a write on {base}");
                    let body: Value = res.json().await.unwrap();
                    ids.push(body["id"].as_str().unwrap().to_string());
                }
                ids
            })
        })
        .collect();
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    let wrote_for = started.elapsed();

    // The periodic sealers alone catch up with every event.
    let mut conn = db.conn().await;
    let unsealed = "SELECT count(*) FROM audit_events e \
                    WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)";
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut pending = number(&mut conn, unsealed).await;
    while pending > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        pending = number(&mut conn, unsealed).await;
    }
    assert_eq!(pending, 0, "events left unsealed by both sealers");
    let sealed = assert_chain_is_contiguous(&mut conn).await;
    let events = number(&mut conn, "SELECT count(*) FROM audit_events").await;
    assert_eq!(sealed, events, "every event sealed once");

    let stored: HashSet<String> = ncen_tests::strings(
        &mut conn,
        "SELECT id::text AS value FROM persons WHERE family_name = 'Twin'",
    )
    .await
    .into_iter()
    .collect();
    assert_eq!(stored.len(), acknowledged.len());
    assert!(acknowledged.iter().all(|id| stored.contains(id)));

    // Either instance verifies the whole chain.
    let by_b = assert_chain_verifies(&b.base, &auditor).await;
    let auditor_on_a = login(&a.base, "audrey", "a-strong-passphrase-1").await.0;
    let by_a = assert_chain_verifies(&a.base, &auditor_on_a).await;
    assert_chain_is_contiguous(&mut conn).await;
    println!(
        "two instances: {} writes in {:?} alternating between them; chain of {sealed} events without gap or repeat; \
         verified by B ({} checked) and by A ({} checked)",
        acknowledged.len(),
        wrote_for,
        by_b["checked"],
        by_a["checked"],
    );
}
