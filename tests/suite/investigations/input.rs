//! Bad input: every refusal is a precise 4xx and nothing is half-written.

use super::{opened, unit};
use crate::alerts::{created, ok, post_if};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn bad_investigations_links_tasks_and_entries_are_refused_whole() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let yesterday = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();

    // everything wrong at once; nothing written
    let res = app
        .post(
            "/api/v1/investigations",
            &u.lead,
            json!({
                "title": " ", "priority": "urgent", "offence_types": ["littering"], "due_date": yesterday,
                "lead_id": u.lead_id,
                "members": [{ "user_id": u.member_id, "unit_id": u.member_id }, { "user_id": uuid::Uuid::new_v4() }],
                "links": [
                    { "target_kind": "case", "target_id": uuid::Uuid::new_v4(), "role": "origin" },
                    { "target_kind": "person", "target_id": uuid::Uuid::new_v4(), "role": "courier" },
                    { "target_kind": "planet", "target_id": uuid::Uuid::new_v4(), "role": "x" }
                ]
            }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let got = fields(&problem);
    for want in [
        ("lead_id", "supervisor_only"),
        ("title", "required"),
        ("priority", "unknown_code"),
        ("legal_basis", "required"),
        ("offence_types[0]", "unknown_code"),
        ("due_date", "range"),
        ("members[0]", "one_of"),
        ("members[1].user_id", "not_eligible"),
        ("links[0].target_id", "not_found"),
        ("links[1].role", "unknown_code"),
        ("links[2].target_kind", "unknown_code"),
    ] {
        assert!(
            got.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {got:?}"
        );
    }
    let list = ok(app.get("/api/v1/investigations", &u.chief).await).await;
    assert_eq!(list["items"], json!([]));
    // an officer does not open investigations; unknown fields are refused
    assert_problem(
        app.post(
            "/api/v1/investigations",
            &u.member,
            json!({ "title": "x", "priority": "low", "legal_basis": "x" }),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    let res = app
        .post(
            "/api/v1/investigations",
            &u.chief,
            json!({ "title": "x", "priority": "low", "legal_basis": "x", "colour": "red" }),
        )
        .await;
    assert_eq!(res.status(), 400);

    let inv = opened(&app, &u, json!({})).await;
    let id = inv["id"].as_str().unwrap();
    let base = format!("/api/v1/investigations/{id}");

    // transitions: unknown status, missing reason, outcome where none belongs, stale and
    // missing If-Match
    let path = format!("{base}/transitions");
    let problem = assert_problem(
        post_if(
            &app,
            &path,
            &u.chief,
            1,
            json!({ "to": "archived", "reason": "" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&problem),
        [
            ("to".into(), "unknown_code".into()),
            ("reason".into(), "required".into())
        ]
    );
    let problem = assert_problem(
        post_if(
            &app,
            &path,
            &u.chief,
            1,
            json!({ "to": "assigned", "reason": "go", "outcome": "prosecution" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(fields(&problem), [("outcome".into(), "not_allowed".into())]);
    assert_problem(
        post_if(
            &app,
            &path,
            &u.chief,
            7,
            json!({ "to": "assigned", "reason": "go" }),
        )
        .await,
        412,
        "precondition_failed",
    )
    .await;
    let res = app
        .post(&path, &u.chief, json!({ "to": "assigned", "reason": "go" }))
        .await;
    assert_problem(res, 428, "precondition_required").await;

    // corrections: only a supervisor changes the lead; the due date not before opening
    assert_problem(
        app.patch(&base, &u.lead, 1, json!({ "lead_id": null }))
            .await,
        403,
        "investigation_role",
    )
    .await;
    let problem = assert_problem(
        app.patch(
            &base,
            &u.chief,
            1,
            json!({ "due_date": yesterday, "title": "" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&problem),
        [
            ("title".into(), "required".into()),
            ("due_date".into(), "range".into())
        ]
    );

    // links: a target the caller may not see, a duplicate, itself
    let other = opened(&app, &u, json!({})).await;
    let link =
        json!({ "target_kind": "investigation", "target_id": other["id"], "role": "related" });
    created(
        app.post(&format!("{base}/links"), &u.lead, link.clone())
            .await,
    )
    .await;
    assert_problem(
        app.post(&format!("{base}/links"), &u.lead, link).await,
        409,
        "already_linked",
    )
    .await;
    let problem = assert_problem(
        app.post(
            &format!("{base}/links"),
            &u.lead,
            json!({ "target_kind": "investigation", "target_id": id, "role": "related" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(fields(&problem), [("link.target_id".into(), "self".into())]);

    // tasks: assignee outside the team, due before opening, a status on creation
    let problem = assert_problem(
        app.post(
            &format!("{base}/tasks"),
            &u.lead,
            json!({ "title": "Check the bank", "assignee_id": u.member_id, "due_date": yesterday, "status": "done",
                    "checklist": [{ "text": "" }] }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let got = fields(&problem);
    for want in [
        ("status", "not_allowed"),
        ("assignee_id", "not_on_team"),
        ("due_date", "range"),
        ("checklist[0].text", "required"),
    ] {
        assert!(
            got.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {got:?}"
        );
    }
    let problem = assert_problem(
        app.post(
            &format!("{base}/tasks/from-templates"),
            &u.lead,
            json!({ "offence_type": "parking" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        fields(&problem),
        [("offence_type".into(), "no_templates".into())]
    );
    let tasks = ok(app.get(&format!("{base}/tasks"), &u.lead).await).await;
    assert_eq!(tasks["items"], json!([]));

    // journal: a correction of another investigation's entry, a date in the future
    let elsewhere = created(
        app.post(
            &format!(
                "/api/v1/investigations/{}/journal",
                other["id"].as_str().unwrap()
            ),
            &u.chief,
            json!({ "kind": "note", "body": "x" }),
        )
        .await,
    )
    .await;
    let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
    let problem = assert_problem(
        app.post(
            &format!("{base}/journal"),
            &u.lead,
            json!({ "kind": "gossip", "body": "", "occurred_at": tomorrow, "corrects_id": elsewhere["id"] }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let got = fields(&problem);
    for want in [
        ("kind", "unknown_code"),
        ("body", "required"),
        ("occurred_at", "range"),
        ("corrects_id", "not_found"),
    ] {
        assert!(
            got.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {got:?}"
        );
    }
    let journal = ok(app.get(&format!("{base}/journal"), &u.lead).await).await;
    assert_eq!(journal["items"], json!([]));
    // timeline filters
    assert_problem(
        app.get(&format!("{base}/timeline?kinds=party"), &u.lead)
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get(&format!("{base}/timeline?order=sideways"), &u.lead)
            .await,
        422,
        "validation_failed",
    )
    .await;
}
