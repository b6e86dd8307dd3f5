//! `GET /api/v1/events`: new messages, notifications and read receipts arrive live, in id
//! order, each once; a client that reconnects with `Last-Event-ID` gets what it missed; bad
//! or stale resume points are answered precisely. (Across two server processes:
//! `faults::live`.)

use super::{thread, warning_template, world};
use ncen_tests::assert_problem;
use ncen_tests::sse::{Event, Sse};
use serde_json::json;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);
const QUIET: Duration = Duration::from_millis(1500);

fn assert_consecutive(events: &[Event], after: i64) {
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    let expected: Vec<i64> = (after + 1..=after + i64::try_from(ids.len()).unwrap()).collect();
    assert_eq!(ids, expected, "ids in order, without gap or repeat");
}

#[tokio::test]
async fn events_arrive_live_in_order_and_a_reconnect_replays_what_was_missed() {
    let w = world().await;
    let app = &w.app;
    let url = app.url("/api/v1/events");
    let mut reader = Sse::open(&url, &w.reader, None).await;
    let mut sender = Sse::open(&url, &w.sender, None).await;

    let warning = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let id = warning["id"].as_str().unwrap().to_string();
    let first = reader.next(WAIT).await.expect("a message event");
    assert_eq!(first.name, "message");
    assert_eq!(first.data["thread_id"], id.as_str());
    assert_eq!(first.data["kind"], "warning");
    assert!(
        first.data.get("body").is_none(),
        "bodies are fetched (and audited), not pushed"
    );
    let told = reader.next(WAIT).await.expect("a notification event");
    assert_eq!(told.name, "notification");
    assert_eq!(told.data["notification"]["kind"], "warning");
    assert_eq!(told.data["ping"], true);
    assert_eq!(told.id, first.id + 1);
    // The author's other screens hear of it too; no notification for them.
    let own = sender.drain(QUIET).await;
    assert_eq!(
        own.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        ["message"]
    );

    // Rita goes away; three messages meanwhile.
    let last = told.id;
    drop(reader);
    for n in 0..3 {
        let res = app
            .post(
                &format!("/api/v1/threads/{id}/messages"),
                &w.sender,
                json!({ "body": format!("update {n}") }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let mut reader = Sse::open(&url, &w.reader, Some(last)).await;
    let missed = reader.drain(QUIET).await;
    assert_eq!(
        missed.len(),
        6,
        "three messages and three notifications: {missed:?}"
    );
    assert_consecutive(&missed, last);
    assert_eq!(missed.iter().filter(|e| e.name == "message").count(), 3);
    assert_eq!(missed.last().unwrap().data["notification"]["count"], 3);

    // Live again: her receipt reaches Sam; her other screens learn the notifications are read.
    let res = app
        .post(&format!("/api/v1/threads/{id}/read"), &w.reader, json!({}))
        .await;
    assert_eq!(res.status(), 204);
    let receipt = sender
        .next_named("read", WAIT)
        .await
        .expect("a read receipt");
    assert_eq!(receipt.data["thread_id"], id.as_str());
    assert_eq!(receipt.data["user_id"], w.reader_id.as_str());
    let mine = reader.drain(QUIET).await;
    let names: Vec<&str> = mine.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["read", "notifications_read"]);
    assert_consecutive(&mine, missed.last().unwrap().id);

    // Resuming from the very start replays everything still kept, once.
    let mut again = Sse::open(&url, &w.reader, Some(0)).await;
    let all = again.drain(QUIET).await;
    assert_consecutive(&all, 0);
    assert_eq!(all.len(), 10);
}

#[tokio::test]
async fn preferences_decide_which_notifications_ping() {
    let w = world().await;
    let app = &w.app;
    let res = app
        .client
        .put(app.url("/api/v1/notifications/preferences"))
        .bearer_auth(&w.reader)
        .json(&json!({ "live": ["feedback_overdue"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let mut reader = Sse::open(&app.url("/api/v1/events"), &w.reader, None).await;
    thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let told = reader.next_named("notification", WAIT).await.unwrap();
    assert_eq!(told.data["ping"], false, "counted on the bell, no ping");
}

#[tokio::test]
async fn bad_requests_for_the_stream_are_refused_and_a_lost_history_says_reset() {
    let w = world().await;
    let app = &w.app;
    let url = app.url("/api/v1/events");
    let res = reqwest::get(&url).await.unwrap();
    assert_problem(res, 401, "unauthenticated").await;
    for bad in ["abc", "-1", "1.5", "99999999999999999999"] {
        let res = reqwest::Client::new()
            .get(&url)
            .bearer_auth(&w.reader)
            .header("Last-Event-ID", bad)
            .send()
            .await
            .unwrap();
        assert_problem(res, 422, "validation_failed").await;
    }
    // An id this stream never sent (ahead of the last): reset, then live from there.
    let mut s = Sse::open(&url, &w.reader, Some(500)).await;
    let reset = s.next(WAIT).await.unwrap();
    assert_eq!(reset.name, "reset");
    assert_eq!(reset.id, 0);
    thread(
        app,
        &w.sender,
        json!([{ "user_id": w.reader_id }]),
        json!({ "kind": "general" }),
    )
    .await;
    let next = s.next(WAIT).await.unwrap();
    assert_eq!((next.id, next.name.as_str()), (1, "message"));
    // Purged history: events older than the retention are gone; a client behind them resets.
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    diesel::sql_query("UPDATE user_events SET created_at = now() - interval '10 days'")
        .execute(&mut conn)
        .await
        .unwrap();
    ncen_core::events::repo::purge(&mut conn).await.unwrap();
    let mut s = Sse::open(&url, &w.reader, Some(0)).await;
    let reset = s.next(WAIT).await.unwrap();
    assert_eq!((reset.id, reset.name.as_str()), (2, "reset"));
}

/// Two transactions that each tell two users, in opposite orders, both commit: events are
/// queued where they are written and numbered at commit, locking the users' counters in one
/// order (they used to be locked where written, and such a pair deadlocked). Each user's
/// ids follow the commits, without gap.
#[tokio::test]
async fn two_writers_telling_the_same_users_in_opposite_orders_do_not_deadlock() {
    use diesel_async::SimpleAsyncConnection;
    use ncen_core::events::{repo, Outgoing};

    let w = world().await;
    let x: uuid::Uuid = w.sender_id.parse().unwrap();
    let y: uuid::Uuid = w.reader_id.parse().unwrap();
    let mut first = w.app.db.conn().await;
    let mut second = w.app.db.conn().await;
    let before = (
        repo::last_id(&mut first, x).await.unwrap(),
        repo::last_id(&mut first, y).await.unwrap(),
    );
    let tell = |user: uuid::Uuid, n: i32| {
        vec![Outgoing {
            user_id: user,
            kind: "test",
            data: json!({ "n": n }),
        }]
    };
    let step = Duration::from_secs(5);
    first.batch_execute("BEGIN").await.unwrap();
    second.batch_execute("BEGIN").await.unwrap();
    tokio::time::timeout(step, repo::publish(&mut first, tell(x, 1)))
        .await
        .unwrap()
        .unwrap();
    tokio::time::timeout(step, repo::publish(&mut second, tell(y, 2)))
        .await
        .unwrap()
        .unwrap();
    tokio::time::timeout(step, repo::publish(&mut first, tell(y, 3)))
        .await
        .expect("not blocked by the other writer")
        .unwrap();
    tokio::time::timeout(step, repo::publish(&mut second, tell(x, 4)))
        .await
        .expect("not blocked by the other writer")
        .unwrap();
    first.batch_execute("COMMIT").await.unwrap();
    second.batch_execute("COMMIT").await.unwrap();

    for (user, last, expected) in [(x, before.0, [1, 4]), (y, before.1, [3, 2])] {
        let events = repo::since(&mut first, user, last, 10).await.unwrap();
        let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            vec![last + 1, last + 2],
            "consecutive ids in commit order"
        );
        let ns: Vec<i64> = events
            .iter()
            .map(|e| e.data["n"].as_i64().unwrap())
            .collect();
        assert_eq!(ns, expected, "the first commit's event first");
    }
    let pending = ncen_tests::strings(
        &mut first,
        "SELECT count(*)::text AS value FROM pending_user_events",
    )
    .await;
    assert_eq!(pending, vec!["0"], "nothing left queued after commit");
}
