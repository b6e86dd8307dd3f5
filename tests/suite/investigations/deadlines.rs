//! Deadlines: a task's assignee and an investigation's lead are told once when the due date
//! is near and once when it has passed (again for a new date); the open tasks of a person and
//! of a unit are listed across investigations, soonest first.

use super::{opened, unit};
use crate::alerts::{created, ok};
use diesel_async::SimpleAsyncConnection;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn kinds(app: &TestApp, token: &str, kind: &str) -> usize {
    let inbox = ok(app.get("/api/v1/notifications?limit=100", token).await).await;
    inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .count()
}

#[tokio::test]
async fn due_dates_are_reminded_once_before_and_after_and_open_tasks_are_listed() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let today = chrono::Utc::now().date_naive();
    let inv = opened(
        &app,
        &u,
        json!({ "due_date": (today + chrono::Duration::days(1)).to_string() }),
    )
    .await;
    let id = inv["id"].as_str().unwrap().to_string();
    let base = format!("/api/v1/investigations/{id}");
    ok(app
        .post(
            &format!("{base}/members"),
            &u.lead,
            json!({ "user_id": u.member_id }),
        )
        .await)
    .await;
    let task = |title: &str, days: i64| {
        json!({ "title": title, "assignee_id": u.member_id,
                "due_date": (today + chrono::Duration::days(days)).to_string() })
    };
    let soon: Value = created(
        app.post(
            &format!("{base}/tasks"),
            &u.lead,
            task("Request the manifest", 2),
        )
        .await,
    )
    .await;
    let later: Value = created(
        app.post(
            &format!("{base}/tasks"),
            &u.lead,
            task("Interview the courier", 20),
        )
        .await,
    )
    .await;

    let mut conn = app.db.conn().await;
    for _ in 0..2 {
        ncen_core::investigations::reminders::pass(&mut conn)
            .await
            .unwrap();
    }
    // the task near its date, to its assignee; the investigation's own date, to its lead
    assert_eq!(kinds(&app, &u.member, "deadline_soon").await, 1);
    assert_eq!(kinds(&app, &u.lead, "deadline_soon").await, 1);
    assert_eq!(kinds(&app, &u.member, "deadline_overdue").await, 0);

    // past its date: told again, once
    conn.batch_execute(&format!(
        "UPDATE investigation_tasks SET due_date = current_date - 1 WHERE id = '{}'",
        soon["id"].as_str().unwrap()
    ))
    .await
    .unwrap();
    for _ in 0..2 {
        ncen_core::investigations::reminders::pass(&mut conn)
            .await
            .unwrap();
    }
    assert_eq!(kinds(&app, &u.member, "deadline_overdue").await, 1);

    // the investigation itself is due tomorrow, yet overdue through its late task; it leaves
    // the overdue list when that task is done, and comes back when a late task is reopened
    let overdue_ids = |token: String| {
        let app = &app;
        async move {
            let list = ok(app.get("/api/v1/investigations?overdue=true", &token).await).await;
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(overdue_ids(u.lead.clone()).await, vec![id.clone()]);
    assert_eq!(overdue_ids(u.chief.clone()).await, vec![id.clone()]);
    assert!(overdue_ids(u.outside_chief.clone()).await.is_empty());
    let soon_path = format!("{base}/tasks/{}", soon["id"].as_str().unwrap());
    let done = ok(app
        .patch(
            &soon_path,
            &u.member,
            soon["version"].as_i64().unwrap(),
            json!({ "status": "done" }),
        )
        .await)
    .await;
    assert!(overdue_ids(u.lead.clone()).await.is_empty());
    ok(app
        .patch(
            &soon_path,
            &u.lead,
            done["version"].as_i64().unwrap(),
            json!({ "status": "open" }),
        )
        .await)
    .await;
    assert_eq!(overdue_ids(u.lead.clone()).await, vec![id.clone()]);

    // the member's open tasks, soonest first; a page of one, then the next
    let mine = ok(app
        .get("/api/v1/investigation-tasks?limit=1", &u.member)
        .await)
    .await;
    assert_eq!(mine["items"][0]["id"], soon["id"], "{mine}");
    assert_eq!(mine["items"][0]["overdue"], true);
    assert_eq!(mine["items"][0]["reference"], inv["reference"]);
    let cursor = mine["next_cursor"].as_str().unwrap();
    let next = ok(app
        .get(
            &format!("/api/v1/investigation-tasks?limit=1&cursor={cursor}"),
            &u.member,
        )
        .await)
    .await;
    assert_eq!(next["items"][0]["id"], later["id"], "{next}");
    assert!(next["next_cursor"].is_null());
    // the unit's overdue work, for its supervisors only
    let unit_late = ok(app
        .get(
            "/api/v1/investigation-tasks?scope=unit&overdue=true",
            &u.chief,
        )
        .await)
    .await;
    let ids: Vec<&Value> = unit_late["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["id"])
        .collect();
    assert_eq!(ids, [&soon["id"]]);
    assert_problem(
        app.get("/api/v1/investigation-tasks?scope=unit", &u.member)
            .await,
        403,
        "investigation_role",
    )
    .await;
    let other = ok(app
        .get("/api/v1/investigation-tasks?scope=unit", &u.outside_chief)
        .await)
    .await;
    assert_eq!(other["items"], json!([]));
    assert_problem(
        app.get("/api/v1/investigation-tasks?scope=everyone", &u.chief)
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get("/api/v1/investigation-tasks", &u.admin).await,
        403,
        "forbidden",
    )
    .await;
}
