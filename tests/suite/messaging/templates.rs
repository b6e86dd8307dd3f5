//! The CENcomm templates: a warning's fields and deadline, feedback on a warning (its outcome,
//! its case, its author taking part), overdue warnings, seizure messages carrying the case's
//! non-nominal summary; and finding threads: full-text search, participant filter, recipients.

use super::{thread, warning_template, world};
use crate::seizures::{company, create, full_case};
use ncen_tests::assert_problem;
use serde_json::{json, Value};

fn field_error(problem: &Value, field: &str, code: &str) -> bool {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["field"] == field && e["code"] == code)
}

#[tokio::test]
async fn a_warning_keeps_its_fields_and_its_feedback_links_back_with_the_outcome() {
    let w = world().await;
    let app = &w.app;
    let warning = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let wid = warning["id"].as_str().unwrap();
    assert_eq!(warning["kind"], "warning");
    assert_eq!(warning["warning"]["watch"]["identifier"], "MSCU1234565");
    assert_eq!(warning["warning"]["route"]["transit"], json!(["ES"]));
    assert_eq!(
        warning["warning"]["risk_indicators"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(warning["feedback_due"].is_string());
    assert_eq!(warning["overdue"], false);

    // Rita answers with a seizure: she names Sam nowhere, yet he takes part.
    let case = create(
        app,
        &w.reader,
        json!({ "kind": "offence", "detected_at": "2026-06-01T08:30:00Z", "place": "Quay 4" }),
    )
    .await;
    let feedback = thread(
        app,
        &w.reader,
        json!([{ "unit_id": w.port_unit }]),
        json!({ "kind": "feedback", "warning_id": wid, "outcome": "seized", "case_id": case["id"] }),
    )
    .await;
    assert_eq!(feedback["kind"], "feedback");
    assert_eq!(feedback["outcome"], "seized");
    assert_eq!(feedback["replies_to"], wid);
    assert_eq!(feedback["case_id"], case["id"]);
    assert!(feedback["participants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["user_id"] == w.sender_id.as_str()));
    let seen: Value = app
        .get(&format!("/api/v1/threads/{wid}"), &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["feedbacks"][0]["id"], feedback["id"]);
    assert_eq!(seen["feedbacks"][0]["outcome"], "seized");
}

#[tokio::test]
async fn bad_templates_are_refused_naming_the_field() {
    let w = world().await;
    let app = &w.app;
    let general = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        json!({ "kind": "general" }),
    )
    .await;
    let mut past = warning_template();
    past["feedback_due"] = json!("2020-01-01T00:00:00Z");
    let mut unknown_country = warning_template();
    unknown_country["route"]["origin"] = json!("QQ");
    let mut unknown_person = warning_template();
    unknown_person["watch"] = json!({ "type": "person", "description": "A courier", "register_id": uuid::Uuid::new_v4() });
    let mut blank_action = warning_template();
    blank_action["action_requested"] = json!("   ");
    let cases = [
        (past, "template.feedback_due", "in_past"),
        (unknown_country, "template.route.origin", "unknown_code"),
        (unknown_person, "template.watch.register_id", "not_found"),
        (blank_action, "template.action_requested", "required"),
        (
            json!({ "kind": "feedback", "warning_id": uuid::Uuid::new_v4(), "outcome": "not_arrived" }),
            "template.warning_id",
            "not_found",
        ),
        (
            json!({ "kind": "feedback", "warning_id": general["id"], "outcome": "not_arrived" }),
            "template.warning_id",
            "not_a_warning",
        ),
        (
            json!({ "kind": "seizure", "case_id": uuid::Uuid::new_v4() }),
            "template.case_id",
            "not_found",
        ),
    ];
    for (template, field, code) in cases {
        let res = app
            .post("/api/v1/threads", &w.sender, json!({ "subject": "S", "participants": [{ "unit_id": w.port_unit }], "body": "x", "template": template }))
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert!(
            field_error(&problem, field, code),
            "{field} {code}: {problem}"
        );
    }
    // A seized outcome names its case.
    let warning = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let res = app
        .post(
            "/api/v1/threads",
            &w.reader,
            json!({ "subject": "S", "participants": [{ "user_id": w.sender_id }], "body": "x",
            "template": { "kind": "feedback", "warning_id": warning["id"], "outcome": "seized" } }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(
        field_error(&problem, "template.case_id", "seized_case_required"),
        "{problem}"
    );
    // An unknown kind, or a field of another kind: not a template at all.
    for template in [
        json!({ "kind": "memo" }),
        json!({ "kind": "general", "outcome": "seized" }),
    ] {
        let res = app
            .post("/api/v1/threads", &w.sender, json!({ "subject": "S", "participants": [{ "unit_id": w.port_unit }], "body": "x", "template": template }))
            .await;
        assert_problem(res, 400, "bad_request").await;
    }
    // Someone outside the warning cannot answer it: it does not exist for them.
    let res = app
        .post("/api/v1/threads", &w.outsider, json!({ "subject": "S", "participants": [{ "user_id": w.sender_id }], "body": "x",
            "template": { "kind": "feedback", "warning_id": warning["id"], "outcome": "not_arrived" } }))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(field_error(&problem, "template.warning_id", "not_found"));
}

#[tokio::test]
async fn a_warning_past_its_deadline_is_overdue_once_and_its_author_is_told_once() {
    let w = world().await;
    let app = &w.app;
    let warning = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        warning_template(),
    )
    .await;
    let wid = warning["id"].as_str().unwrap().to_string();
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE message_threads SET feedback_due = now() - interval '1 hour' WHERE id = '{wid}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let overdue: Value = app
        .get("/api/v1/threads?overdue=true", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overdue["items"][0]["id"], wid.as_str());
    assert_eq!(overdue["items"][0]["overdue"], true);
    // Two passes (as two instances would run them): one notification.
    assert_eq!(
        ncen_core::messaging::live::overdue_pass(&mut conn)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        ncen_core::messaging::live::overdue_pass(&mut conn)
            .await
            .unwrap(),
        0
    );
    let inbox: Value = app
        .get("/api/v1/notifications", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    let told: Vec<&Value> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "feedback_overdue")
        .collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["link"], format!("/messages/{wid}"));
    // Feedback arrives: no longer overdue.
    thread(
        app,
        &w.reader,
        json!([{ "user_id": w.sender_id }]),
        json!({ "kind": "feedback", "warning_id": wid, "outcome": "controlled_nothing_found" }),
    )
    .await;
    let overdue: Value = app
        .get("/api/v1/threads?overdue=true", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert!(overdue["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_seizure_message_carries_the_case_summary_and_nothing_nominal() {
    let w = world().await;
    let app = &w.app;
    let importer = company(app, &w.sender, "Tulip Trading BV").await;
    let case = create(app, &w.sender, full_case(&importer)).await;
    let msg = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        json!({ "kind": "seizure", "case_id": case["id"] }),
    )
    .await;
    let summary = &msg["seizure"];
    assert_eq!(summary["reference"], case["reference"]);
    assert_eq!(summary["goods"].as_array().unwrap().len(), 2);
    assert_eq!(summary["route"].as_array().unwrap().len(), 3);
    assert_eq!(msg["case_id"], case["id"]);
    let text = summary.to_string();
    for nominal in [
        "Ivanoff",
        "Tulip",
        "csqu",
        "CSQU",
        "São Paulo",
        "Double bottom",
        "Roissy",
        "RU",
    ] {
        assert!(!text.contains(nominal), "{nominal} in {text}");
    }
    // The case's threads are listed with it.
    let listed: Value = app
        .get(
            &format!("/api/v1/threads?case_id={}", case["id"].as_str().unwrap()),
            &w.sender,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["items"][0]["id"], msg["id"]);
}

#[tokio::test]
async fn threads_are_found_by_words_of_subject_and_body_and_by_participant() {
    let w = world().await;
    let app = &w.app;
    let a = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        json!({ "kind": "general" }),
    )
    .await;
    let res = app
        .post("/api/v1/threads", &w.sender, json!({ "subject": "Réunion de coordination", "participants": [{ "user_id": w.reader_id }],
            "body": "Les cigarettes de contrebande arrivent mardi.", "template": { "kind": "general" } }))
        .await;
    let b: Value = res.json().await.unwrap();
    let find = |q: &str| {
        let path = format!("/api/v1/threads?q={q}");
        let token = w.sender.clone();
        async move { app.get(&path, &token).await }
    };
    for (q, expected) in [
        ("reunion", &b),
        ("CONTREBANDE", &b),
        ("cigar", &b),
        ("MSCU1234565", &a),
        ("control", &a),
    ] {
        let page: Value = find(q).await.json().await.unwrap();
        let ids: Vec<&Value> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| &t["id"])
            .collect();
        assert_eq!(ids, vec![&expected["id"]], "q={q}");
    }
    let page: Value = find("mardi%20absent").await.json().await.unwrap();
    assert!(page["items"].as_array().unwrap().is_empty());
    // Operators of the query language are words like any other.
    let res = find("%21%26%7C%3A*%28").await;
    assert_eq!(res.status(), 200);
    let page: Value = app
        .get(
            &format!("/api/v1/threads?participant={}", w.reader_id),
            &w.sender,
        )
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<&Value> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["id"])
        .collect();
    assert_eq!(ids, vec![&b["id"]]);
}

#[tokio::test]
async fn recipients_are_units_and_enabled_users_by_part_of_a_name() {
    let w = world().await;
    let app = &w.app;
    let found: Value = app
        .get("/api/v1/recipients?q=por", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"][0]["unit_id"], w.port_unit.as_str());
    let found: Value = app
        .get("/api/v1/recipients?q=RIT", &w.sender)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"][0]["user_id"], w.reader_id.as_str());
    assert_eq!(found["items"][0]["detail"], "PORT");
    let res = app.get("/api/v1/recipients?limit=51", &w.sender).await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app.get("/api/v1/recipients?q=%25", &w.sender).await;
    let found: Value = res.json().await.unwrap();
    assert!(
        found["items"].as_array().unwrap().is_empty(),
        "% is a character, not a wildcard"
    );
}
