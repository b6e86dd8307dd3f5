//! The inbox list: newest first across threads the reader takes part in by name, through their
//! unit, or both (once each), page after page; unread counts and `unread=true` follow the
//! reader's read mark, and a unit's new member finds its threads unread.

use super::{thread, world};
use ncen_tests::TestApp;
use serde_json::{json, Value};

/// Every thread id of `token`'s inbox (with `query`), following the cursor two at a time.
async fn all_pages(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor = String::new();
    for _ in 0..20 {
        let page: Value = app
            .get(&format!("/api/v1/threads?limit=2{query}{cursor}"), token)
            .await
            .json()
            .await
            .unwrap();
        for item in page["items"].as_array().unwrap() {
            ids.push(item["id"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => return ids,
        }
    }
    panic!("the inbox never ends: {ids:?}");
}

async fn say(app: &TestApp, token: &str, id: &str, body: &str) {
    let res = app
        .post(
            &format!("/api/v1/threads/{id}/messages"),
            token,
            json!({ "body": body }),
        )
        .await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn the_inbox_pages_newest_first_once_each_by_name_or_unit_with_unread_by_read_mark() {
    let w = world().await;
    let app = &w.app;
    let general = json!({ "kind": "general" });
    let by_name = json!([{ "user_id": w.reader_id }]);
    let by_unit = json!([{ "unit_id": w.port_unit }]);
    let both = json!([{ "user_id": w.reader_id }, { "unit_id": w.port_unit }]);
    // Oldest first: name, unit, both, unit, name, both.
    let mut ids = Vec::new();
    for to in [&by_name, &by_unit, &both, &by_unit, &by_name, &both] {
        let t = thread(app, &w.sender, to.clone(), general.clone()).await;
        ids.push(t["id"].as_str().unwrap().to_string());
    }
    // The reader reads everything; then the sender writes twice in the oldest thread and once
    // in the fourth, which move to the top with two and one unread.
    for id in &ids {
        let res = app
            .post(&format!("/api/v1/threads/{id}/read"), &w.reader, json!({}))
            .await;
        assert_eq!(res.status(), 204);
    }
    say(app, &w.sender, &ids[0], "Update one.").await;
    say(app, &w.sender, &ids[0], "Update two.").await;
    say(app, &w.sender, &ids[3], "Unit thread update.").await;

    let mut newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    newest_first.retain(|id| id != &ids[0] && id != &ids[3]);
    newest_first.insert(0, ids[0].clone());
    newest_first.insert(0, ids[3].clone());
    assert_eq!(all_pages(app, &w.reader, "").await, newest_first);

    let page: Value = app
        .get("/api/v1/threads", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["unread_total"], 3);
    assert_eq!(page["items"][0]["unread"], 1);
    assert_eq!(page["items"][1]["unread"], 2);
    assert_eq!(page["items"][2]["unread"], 0);
    assert_eq!(
        all_pages(app, &w.reader, "&unread=true").await,
        [ids[3].clone(), ids[0].clone()]
    );

    // The reader's own answer is not unread for them, and answering reads the thread.
    say(app, &w.reader, &ids[3], "Seen, thanks.").await;
    assert_eq!(
        all_pages(app, &w.reader, "&unread=true").await,
        [ids[0].clone()]
    );

    // Marking read twice changes things once: one audit row, not two.
    let before = app.audit_rows("thread.mark_read").await.len();
    for _ in 0..2 {
        let res = app
            .post(
                &format!("/api/v1/threads/{}/read", ids[0]),
                &w.reader,
                json!({}),
            )
            .await;
        assert_eq!(res.status(), 204);
    }
    assert_eq!(app.audit_rows("thread.mark_read").await.len(), before + 1);
    let page: Value = app
        .get("/api/v1/threads", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["unread_total"], 0);
    let seen: Value = app
        .get(&format!("/api/v1/threads/{}", ids[0]), &w.sender)
        .await
        .json()
        .await
        .unwrap();
    for m in seen["messages"].as_array().unwrap() {
        assert_eq!(m["read_by"], json!([w.reader_id]), "{m}");
    }

    // A new member of the unit finds the unit's threads (only those), every message unread.
    let (new_id, pw) = app.create_user(&w.admin, "nina", &["officer"]).await;
    let res = app
        .patch(
            &format!("/api/v1/users/{new_id}"),
            &w.admin,
            1,
            json!({ "unit_id": w.port_unit }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let nina = app.token("nina", &pw).await;
    let unit_threads: Vec<String> = newest_first
        .iter()
        .filter(|id| [&ids[1], &ids[2], &ids[3], &ids[5]].contains(id))
        .cloned()
        .collect();
    assert_eq!(all_pages(app, &nina, "").await, unit_threads);
    assert_eq!(all_pages(app, &nina, "&unread=true").await, unit_threads);
    let page: Value = app
        .get("/api/v1/threads", &nina)
        .await
        .json()
        .await
        .unwrap();
    // Four opening messages, the sender's update and the reader's answer.
    assert_eq!(page["unread_total"], 6);
}
