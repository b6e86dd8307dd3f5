//! Messaging: threads between users and units, need-to-know by participation (a unit
//! participant means its members now), read receipts, audited reads, precise refusals.
//!
//! | module          | covers                                                                |
//! |-----------------|-----------------------------------------------------------------------|
//! | (this one)      | threads, messages, receipts, need-to-know, refusals                  |
//! | `inbox`         | the list: order, pages, named and unit threads once, unread by read mark |
//! | `templates`     | CENcomm warning, feedback and seizure fields; overdue; search; recipients |
//! | `notifications` | the inbox, collapsing, mark read, preferences                         |
//! | `attachments`   | files with messages: pipeline, who downloads, purge, retention        |
//! | `live`          | `GET /events`: delivery, order, resume after a reconnect, refusals    |

mod attachments;
mod inbox;
mod live;
mod notifications;
mod templates;

use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

pub struct World {
    pub app: TestApp,
    pub admin: String,
    pub sender: String,
    pub sender_id: String,
    pub port_unit: String,
    pub reader: String,
    pub reader_id: String,
    pub outsider: String,
}

/// Sam (officer, root unit) writes; Rita (investigator) is in the PORT unit; Otto (officer)
/// in the AIR unit takes part in nothing.
pub async fn world() -> World {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    let mut units = Vec::new();
    for code in ["PORT", "AIR"] {
        let res = app
            .post(
                "/api/v1/units",
                &admin,
                json!({ "code": code, "name": code, "parent_id": root }),
            )
            .await;
        assert_eq!(res.status(), 201);
        units.push(
            res.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let (sender_id, pw) = app.create_user(&admin, "sam", &["officer"]).await;
    let sender = app.token("sam", &pw).await;
    let (reader_id, pw) = app
        .create_user(&admin, "rita", &["officer", "investigator"])
        .await;
    let res = app
        .patch(
            &format!("/api/v1/users/{reader_id}"),
            &admin,
            1,
            json!({ "unit_id": units[0] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let reader = app.token("rita", &pw).await;
    let (outsider_id, pw) = app.create_user(&admin, "otto", &["officer"]).await;
    let res = app
        .patch(
            &format!("/api/v1/users/{outsider_id}"),
            &admin,
            1,
            json!({ "unit_id": units[1] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let outsider = app.token("otto", &pw).await;
    World {
        app,
        admin,
        sender,
        sender_id,
        port_unit: units[0].clone(),
        reader,
        reader_id,
        outsider,
    }
}

/// Starts a thread from `token` to `participants` with `template`; returns it.
pub async fn thread(app: &TestApp, token: &str, participants: Value, template: Value) -> Value {
    let res = app
        .post(
            "/api/v1/threads",
            token,
            json!({ "subject": "Container MSCU1234565", "participants": participants,
                    "body": "Please control.", "template": template }),
        )
        .await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

/// A warning's fields, due in a week.
pub fn warning_template() -> Value {
    let due = chrono::Utc::now() + chrono::Duration::days(7);
    json!({
        "kind": "warning",
        "watch": { "type": "container", "identifier": "MSCU1234565",
                   "description": "40' reefer declared as bananas" },
        "route": { "origin": "EC", "transit": ["ES"], "destination": "FR", "place": "Le Havre" },
        "expected_arrival": (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339(),
        "risk_indicators": ["new consignee", "cash freight payment"],
        "action_requested": "Scan and physically examine on arrival.",
        "feedback_due": due.to_rfc3339(),
    })
}

#[tokio::test]
async fn a_warning_to_a_unit_reaches_its_members_only_with_receipts_and_audited_reads() {
    let w = world().await;
    let app = &w.app;
    let res = app
        .post(
            "/api/v1/threads",
            &w.sender,
            json!({ "subject": "Container MSCU1234565 from Guayaquil", "urgent": true,
                    "template": warning_template(),
                    "participants": [{ "unit_id": w.port_unit }],
                    "body": "Profiled for control on arrival." }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let thread: Value = res.json().await.unwrap();
    let id = thread["id"].as_str().unwrap().to_string();
    assert_eq!(thread["kind"], "warning");
    assert_eq!(thread["messages"].as_array().unwrap().len(), 1);

    // A member of the unit sees it, unread.
    let page: Value = app
        .get("/api/v1/threads", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], id.as_str());
    assert_eq!(page["items"][0]["unread"], 1);
    assert_eq!(page["unread_total"], 1);
    let unread: Value = app
        .get("/api/v1/threads?unread=true", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unread["items"].as_array().unwrap().len(), 1);

    // Reading it is audited; marking it read gives the sender a receipt.
    let res = app.get(&format!("/api/v1/threads/{id}"), &w.reader).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.audit_rows("thread.read").await.len(), 1);
    let res = app
        .post(&format!("/api/v1/threads/{id}/read"), &w.reader, json!({}))
        .await;
    assert_eq!(res.status(), 204);
    assert_eq!(app.audit_rows("thread.mark_read").await.len(), 1);
    let seen: Value = app
        .get(&format!("/api/v1/threads/{id}"), &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["messages"][0]["read_by"], json!([w.reader_id]));
    let page: Value = app
        .get("/api/v1/threads", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["unread_total"], 0);

    // The reader answers; the sender now has one unread.
    let res = app
        .post(
            &format!("/api/v1/threads/{id}/messages"),
            &w.reader,
            json!({ "body": "Will control it." }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let page: Value = app
        .get("/api/v1/threads", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["unread"], 1);

    // Someone outside: no list entry, 404 on every route, whether or not it exists.
    let page: Value = app
        .get("/api/v1/threads", &w.outsider)
        .await
        .json()
        .await
        .unwrap();
    assert!(page["items"].as_array().unwrap().is_empty());
    for path in [
        format!("/api/v1/threads/{id}"),
        format!("/api/v1/threads/{}", uuid::Uuid::new_v4()),
    ] {
        assert_problem(app.get(&path, &w.outsider).await, 404, "not_found").await;
    }
    let res = app
        .post(
            &format!("/api/v1/threads/{id}/messages"),
            &w.outsider,
            json!({ "body": "hi" }),
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    // Neither does the administrator, by role.
    assert_problem(
        app.get(&format!("/api/v1/threads/{id}"), &w.admin).await,
        404,
        "not_found",
    )
    .await;

    // A unit participant means its members now: moved away, the reader no longer sees it.
    let res = app
        .patch(
            &format!("/api/v1/users/{}", w.reader_id),
            &w.admin,
            2,
            json!({ "unit_id": app.root_unit(&w.admin).await }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let reader = app.token("rita", "a-strong-passphrase-1").await;
    assert_problem(
        app.get(&format!("/api/v1/threads/{id}"), &reader).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn bad_threads_and_messages_are_refused_with_the_field() {
    let w = world().await;
    let app = &w.app;
    let base = |participants: Value, body: &str| json!({ "subject": "S", "template": { "kind": "general" }, "participants": participants, "body": body });
    let cases = [
        (
            base(json!([{ "user_id": uuid::Uuid::new_v4() }]), "x"),
            "participants[0].user_id",
            "not_found",
        ),
        (
            base(json!([{ "unit_id": uuid::Uuid::new_v4() }]), "x"),
            "participants[0].unit_id",
            "not_found",
        ),
        (base(json!([]), "x"), "participants", "required"),
        (
            base(json!([{ "unit_id": w.port_unit }]), "   "),
            "body",
            "required",
        ),
        (
            base(json!([{ "unit_id": w.port_unit }]), &"é".repeat(40_000)),
            "body",
            "length",
        ),
    ];
    for (body, field, code) in cases {
        let res = app.post("/api/v1/threads", &w.sender, body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert!(
            problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{field} {code}: {problem}"
        );
    }
    // Neither or both of user_id and unit_id: not a participant at all.
    for odd in [
        json!([{}]),
        json!([{ "user_id": w.reader_id, "unit_id": w.port_unit }]),
    ] {
        let res = app.post("/api/v1/threads", &w.sender, base(odd, "x")).await;
        assert_problem(res, 400, "bad_request").await;
    }
    let many: Vec<Value> = (0..201)
        .map(|_| json!({ "unit_id": w.port_unit }))
        .collect();
    let res = app
        .post("/api/v1/threads", &w.sender, base(json!(many), "x"))
        .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .post(
            "/api/v1/threads",
            &w.sender,
            json!({ "subject": "S", "template": { "kind": "general", "case_id": uuid::Uuid::new_v4() },
                    "participants": [{ "unit_id": w.port_unit }], "body": "x" }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "template.case_id");
    let mut conn = app.db.conn().await;
    let threads =
        ncen_tests::strings(&mut conn, "SELECT id::text AS value FROM message_threads").await;
    assert!(threads.is_empty());
}
