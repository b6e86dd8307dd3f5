//! An investigation's threads reach its team (and whoever joins it later), not the rest of
//! the unit; a request for information goes to another unit, is answered once, and its author
//! is told of the answer or of the date passing; every message is on the timeline.

use super::{opened, unit, user_id};
use crate::alerts::{created, ok};
use diesel_async::SimpleAsyncConnection;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn notices(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let inbox = ok(app.get("/api/v1/notifications?limit=100", token).await).await;
    inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

#[tokio::test]
async fn threads_reach_the_team_and_a_request_is_answered_once_by_its_recipients() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let inv = opened(&app, &u, json!({})).await;
    let base = format!("/api/v1/investigations/{}", inv["id"].as_str().unwrap());
    ok(app
        .post(
            &format!("{base}/members"),
            &u.lead,
            json!({ "user_id": u.member_id }),
        )
        .await)
    .await;

    // a discussion of the team: no one else named
    let talk = created(
        app.post(
            &format!("{base}/threads"),
            &u.lead,
            json!({ "subject": "Who is Tio?", "body": "The courier names a recruiter." }),
        )
        .await,
    )
    .await;
    assert_eq!(talk["kind"], "general");
    assert_eq!(talk["investigation_id"], inv["id"]);
    let talk_path = format!("/api/v1/threads/{}", talk["id"].as_str().unwrap());
    ok(app.get(&talk_path, &u.member).await).await;
    // the rest of the unit and other units do not know it exists
    assert_problem(app.get(&talk_path, &u.colleague).await, 404, "not_found").await;
    assert_problem(app.get(&talk_path, &u.outsider).await, 404, "not_found").await;
    // whoever joins the team later takes part
    let colleague_id = user_id(&app, &u.colleague).await;
    let team = ok(app
        .post(
            &format!("{base}/members"),
            &u.lead,
            json!({ "user_id": colleague_id }),
        )
        .await)
    .await;
    ok(app.get(&talk_path, &u.colleague).await).await;
    // and whoever leaves it no longer does
    let member = team
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user"]["id"] == colleague_id.as_str())
        .unwrap_or_else(|| panic!("{team}"));
    let res = app
        .client
        .delete(app.url(&format!(
            "{base}/members/{}",
            member["id"].as_str().unwrap()
        )))
        .bearer_auth(&u.lead)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_problem(app.get(&talk_path, &u.colleague).await, 404, "not_found").await;
    ok(app.get(&talk_path, &u.member).await).await;

    // a request for information to the other unit
    let me: Value = ok(app.get("/api/v1/me", &u.outsider).await).await;
    let other_unit = me["unit_id"].as_str().unwrap().to_string();
    let due = (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339();
    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let res = app
        .post(
            &format!("{base}/threads"),
            &u.lead,
            json!({ "subject": "Phone +33 6 12 34 56 78", "body": "Subscriber?", "request_due": past }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["request_due", "participants"], "{problem}");
    let request = created(
        app.post(
            &format!("{base}/threads"),
            &u.lead,
            json!({ "subject": "Phone +33 6 12 34 56 78", "body": "Who is the subscriber?",
                    "request_due": due, "participants": [{ "unit_id": other_unit }] }),
        )
        .await,
    )
    .await;
    assert_eq!(request["kind"], "request");
    assert!(request["feedback_due"].is_string(), "{request}");
    let request_path = format!("/api/v1/threads/{}", request["id"].as_str().unwrap());
    // the recipients read the request, not the investigation
    ok(app.get(&request_path, &u.outsider).await).await;
    assert_problem(app.get(&base, &u.outsider).await, 404, "not_found").await;
    assert_eq!(notices(&app, &u.outsider, "request").await.len(), 1);

    async fn answer(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
        app.post(
            &format!("{path}/messages"),
            token,
            json!({ "body": "Prepaid SIM bought in Aubervilliers", "answer": true }),
        )
        .await
    }
    assert_problem(
        answer(&app, &u.lead, &request_path).await,
        409,
        "own_request",
    )
    .await;
    assert_problem(
        answer(&app, &u.member, &talk_path).await,
        409,
        "not_a_request",
    )
    .await;
    let answered = created(answer(&app, &u.outsider, &request_path).await).await;
    assert!(answered["answer_id"].is_string(), "{answered}");
    assert!(answered["answered_at"].is_string());
    assert_eq!(answered["overdue"], false);
    assert_problem(
        answer(&app, &u.outside_chief, &request_path).await,
        409,
        "already_answered",
    )
    .await;
    assert_eq!(notices(&app, &u.lead, "request_answered").await.len(), 1);

    // the investigation lists its threads; a supervisor of the unit sees them, not in them
    let list = ok(app.get(&format!("{base}/threads"), &u.member).await).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{list}");
    assert!(items.iter().all(|t| t["member"] == true));
    let chief = ok(app.get(&format!("{base}/threads"), &u.chief).await).await;
    assert!(chief["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["member"] == false));
    assert_problem(
        app.get(&format!("{base}/threads"), &u.outsider).await,
        404,
        "not_found",
    )
    .await;

    // every message is on the timeline, the answer marked
    let timeline = ok(app
        .get(&format!("{base}/timeline?kinds=message"), &u.lead)
        .await)
    .await;
    let events = timeline["items"].as_array().unwrap();
    assert_eq!(events.len(), 3, "{timeline}");
    assert_eq!(events[2]["details"]["answer"], true);
    assert_eq!(events[2]["details"]["thread_kind"], "request");

    // a request past its date unanswered: its author is told once
    let late = created(
        app.post(
            &format!("{base}/threads"),
            &u.member,
            json!({ "subject": "Bank account FR76…", "body": "Holder?",
                    "request_due": due, "participants": [{ "user_id": user_id(&app, &u.outside_chief).await }] }),
        )
        .await,
    )
    .await;
    let mut conn = app.db.conn().await;
    conn.batch_execute(&format!(
        "UPDATE message_threads SET feedback_due = now() - interval '1 hour' WHERE id = '{}'",
        late["id"].as_str().unwrap()
    ))
    .await
    .unwrap();
    for _ in 0..2 {
        ncen_core::messaging::live::overdue_pass(&mut conn)
            .await
            .unwrap();
    }
    assert_eq!(notices(&app, &u.member, "request_overdue").await.len(), 1);
    let list = ok(app.get(&format!("{base}/threads"), &u.member).await).await;
    let late_row = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == late["id"])
        .cloned()
        .unwrap();
    assert_eq!(late_row["overdue"], true);

    // a closed investigation starts no thread
    let mut conn2 = app.db.conn().await;
    conn2
        .batch_execute(&format!(
            "UPDATE investigations SET status = 'closed', outcome = 'no_offence' WHERE id = '{}'",
            inv["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    let res = app
        .post(
            &format!("{base}/threads"),
            &u.lead,
            json!({ "subject": "x", "body": "y" }),
        )
        .await;
    assert_problem(res, 409, "investigation_closed").await;
}
