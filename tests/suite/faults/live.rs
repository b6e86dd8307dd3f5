//! Live events across instances: a message posted on one server reaches a client connected
//! to the other (through `LISTEN/NOTIFY`, not memory), a client that reconnects to the other
//! instance with `Last-Event-ID` misses nothing, and open streams survive their instance's
//! listening connection being cut (the database restarting).

use super::{http, login, user, CHILD_ENTRY};
use ncen_tests::process::{ChildConfig, ChildServer, Cluster};
use ncen_tests::sse::Sse;
use ncen_tests::{TestDb, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);

async fn send(base: &str, token: &str, to: &str, subject: &str) -> Value {
    let res = http(Duration::from_secs(30))
        .post(format!("{base}/api/v1/threads"))
        .bearer_auth(token)
        .json(
            &json!({ "subject": subject, "participants": [{ "user_id": to }], "body": "x",
                       "template": { "kind": "general" } }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

async fn me(base: &str, token: &str) -> String {
    let me: Value = http(Duration::from_secs(10))
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    me["id"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_posted_on_one_instance_reaches_a_client_of_the_other() {
    let db = TestDb::new().await;
    ncen_core::users::bootstrap::ensure_admin(&mut db.conn().await, Some(ADMIN_PASSWORD))
        .await
        .unwrap();
    let config = || ChildConfig::new(CHILD_ENTRY, &db.runtime_url());
    let (a, b) = tokio::join!(ChildServer::spawn(config()), ChildServer::spawn(config()));
    let sender = user(&a.base, "sam", &["officer"]).await;
    let reader = user(&a.base, "rita", &["investigator"]).await;
    let rita = me(&a.base, &reader).await;

    let mut on_b = Sse::open(&b.url("/api/v1/events"), &reader, None).await;
    for n in 0..5 {
        let sent = send(&a.base, &sender, &rita, &format!("from A {n}")).await;
        let got = on_b
            .next_named("message", WAIT)
            .await
            .expect("delivered on B");
        assert_eq!(got.data["thread_id"], sent["id"]);
    }
    let last = on_b
        .drain(Duration::from_millis(800))
        .await
        .last()
        .map(|e| e.id)
        .unwrap();
    drop(on_b);
    // Missed while away, resumed on the other instance.
    for n in 0..3 {
        send(&b.base, &sender, &rita, &format!("from B {n}")).await;
    }
    let mut on_a = Sse::open(&a.url("/api/v1/events"), &reader, Some(last)).await;
    let missed = on_a.drain(Duration::from_millis(1500)).await;
    let ids: Vec<i64> = missed.iter().map(|e| e.id).collect();
    assert_eq!(ids, (last + 1..=last + 6).collect::<Vec<_>>(), "{missed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_streams_miss_nothing_when_the_database_restarts() {
    let cluster = Cluster::start().await;
    cluster.database("live").await;
    let config = ChildConfig::new(CHILD_ENTRY, &cluster.runtime_url("live"));
    let server = ChildServer::spawn(config).await;
    let sender = user(&server.base, "sam", &["officer"]).await;
    let reader = user(&server.base, "rita", &["investigator"]).await;
    let rita = me(&server.base, &reader).await;
    let mut stream = Sse::open(&server.url("/api/v1/events"), &reader, None).await;
    send(&server.base, &sender, &rita, "before").await;
    let first = stream.next_named("message", WAIT).await.unwrap();

    cluster.stop("fast");
    cluster.start_again();
    // Sending works again within seconds; what is sent reaches the open stream.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let (token, _) = loop {
        let attempt = tokio::time::timeout(
            Duration::from_secs(5),
            login(&server.base, "sam", "a-strong-passphrase-1"),
        )
        .await;
        if let Ok(pair) = attempt {
            break pair;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not recover"
        );
    };
    let _ = sender;
    send(&server.base, &token, &rita, "after").await;
    let events = stream.drain(Duration::from_secs(3)).await;
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    assert!(ids.windows(2).all(|p| p[1] == p[0] + 1), "{ids:?}");
    assert_eq!(ids.first(), Some(&(first.id + 1)), "{events:?}");
    assert!(events
        .iter()
        .any(|e| e.name == "message" && e.data["subject"] == "after"));
}
