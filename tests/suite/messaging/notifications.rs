//! Notifications: one per warning to a unit member, new messages of one thread collapsed into
//! one unread notification, reading the thread clears them, mark one (own only) or all read,
//! and the live-ping preferences.

use super::{thread, warning_template, world};
use ncen_tests::assert_problem;
use serde_json::{json, Value};

#[tokio::test]
async fn messages_notify_the_others_collapsed_per_thread_and_reading_clears_them() {
    let w = world().await;
    let app = &w.app;
    let warning = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let id = warning["id"].as_str().unwrap();
    let inbox: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 1);
    assert_eq!(inbox["items"][0]["kind"], "warning");
    assert_eq!(inbox["items"][0]["title"], "Container MSCU1234565");
    assert_eq!(inbox["items"][0]["link"], format!("/messages/{id}"));
    // The author is not told of their own message.
    let own: Value = app
        .get("/api/v1/notifications", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(own["unread_total"], 0);
    // Three more messages: one `message` notification that counts them.
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
    let inbox: Value = app
        .get("/api/v1/notifications?unread=true", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 2);
    assert_eq!(inbox["items"][0]["kind"], "message");
    assert_eq!(inbox["items"][0]["count"], 3);
    // Reading the thread clears its notifications.
    let res = app
        .post(&format!("/api/v1/threads/{id}/read"), &w.reader, json!({}))
        .await;
    assert_eq!(res.status(), 204);
    let inbox: Value = app
        .get("/api/v1/notifications?unread=true", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 0);
    assert!(inbox["items"].as_array().unwrap().is_empty());
    let all: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    assert!(all["items"][0]["read_at"].is_string());
    // The outsider was never told.
    let none: Value = app
        .get("/api/v1/notifications", &w.outsider)
        .await
        .json()
        .await
        .unwrap();
    assert!(none["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn one_or_all_are_marked_read_and_someone_elses_does_not_exist() {
    let w = world().await;
    let app = &w.app;
    for _ in 0..2 {
        thread(
            app,
            &w.sender,
            json!([{ "user_id": w.reader_id }]),
            json!({ "kind": "general" }),
        )
        .await;
    }
    let inbox: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 2);
    let first = inbox["items"][0]["id"].as_str().unwrap();
    // Not the outsider's: 404, and nothing changes.
    let res = app
        .post(
            &format!("/api/v1/notifications/{first}/read"),
            &w.outsider,
            json!({}),
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = app
        .post(
            &format!("/api/v1/notifications/{first}/read"),
            &w.reader,
            json!({}),
        )
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.audit_rows("notification.read").await.len(), 1);
    let inbox: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 1);
    let res = app
        .post("/api/v1/notifications/read", &w.reader, json!({}))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.audit_rows("notification.read_all").await.len(), 1);
    let inbox: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(inbox["unread_total"], 0);
    // Keyset pages.
    let page: Value = app
        .get("/api/v1/notifications?limit=1", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let cursor = page["next_cursor"].as_str().unwrap();
    let next: Value = app
        .get(
            &format!("/api/v1/notifications?limit=1&cursor={cursor}"),
            &w.reader,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(next["items"][0]["id"], page["items"][0]["id"]);
    assert!(next["next_cursor"].is_null());
    assert_problem(
        app.get("/api/v1/notifications?cursor=zz", &w.reader).await,
        422,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn preferences_default_to_every_kind_and_are_saved_per_user() {
    let w = world().await;
    let app = &w.app;
    let prefs: Value = app
        .get("/api/v1/notifications/preferences", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(prefs["live"].as_array().unwrap().len(), 18);
    let res = app
        .client
        .put(app.url("/api/v1/notifications/preferences"))
        .bearer_auth(&w.reader)
        .json(&json!({ "live": ["warning", "feedback_overdue", "warning"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let saved: Value = res.json().await.unwrap();
    assert_eq!(saved["live"], json!(["feedback_overdue", "warning"]));
    assert_eq!(app.audit_rows("notification.preferences").await.len(), 1);
    let other: Value = app
        .get("/api/v1/notifications/preferences", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(other["live"].as_array().unwrap().len(), 18);
    for bad in [
        json!({ "live": ["sms"] }),
        json!({ "live": "warning" }),
        json!({ "live": [], "email": true }),
    ] {
        let res = app
            .client
            .put(app.url("/api/v1/notifications/preferences"))
            .bearer_auth(&w.reader)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_problem(res, 400, "bad_request").await;
    }
}
