//! Investigations: the journey (a supervisor opens one from a seizure, names a lead, the lead
//! takes it up, adds a member and template tasks, the member completes one and writes the
//! journal, an outsider cannot open it, the supervisor closes it with an outcome), the role ×
//! transition matrix over HTTP, need-to-know on every endpoint, and bad input.

mod communications;
mod deadlines;
mod input;
mod journal_files;
mod matrix;
mod report;

use crate::alerts::{created, ok, post_if};
use crate::seizures::{new_unit, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

pub(super) struct Unit {
    pub(super) admin: String,
    /// supervisor of the investigation unit
    pub(super) chief: String,
    /// investigator of the unit: the lead
    pub(super) lead: String,
    pub(super) lead_id: String,
    /// officer of the unit: a team member
    pub(super) member: String,
    pub(super) member_id: String,
    /// investigator of the same unit, not on the team
    pub(super) colleague: String,
    /// investigator and supervisor of another unit
    pub(super) outsider: String,
    pub(super) outside_chief: String,
    pub(super) auditor: String,
}

async fn user_id(app: &TestApp, token: &str) -> String {
    let me: Value = app.get("/api/v1/me", token).await.json().await.unwrap();
    me["id"].as_str().unwrap().to_string()
}

pub(super) async fn unit(app: &TestApp) -> Unit {
    let admin = app.admin_token().await;
    let inv = new_unit(app, &admin, "INVEST").await;
    let other = new_unit(app, &admin, "OTHER").await;
    let lead = user_in(app, &admin, "lena", &["investigator"], &inv).await;
    let member = user_in(app, &admin, "max", &["officer"], &inv).await;
    Unit {
        chief: user_in(app, &admin, "sara", &["supervisor"], &inv).await,
        lead_id: user_id(app, &lead).await,
        member_id: user_id(app, &member).await,
        lead,
        member,
        colleague: user_in(app, &admin, "cole", &["investigator"], &inv).await,
        outsider: user_in(app, &admin, "otto", &["investigator"], &other).await,
        outside_chief: user_in(app, &admin, "oscar", &["supervisor"], &other).await,
        auditor: user_in(app, &admin, "audrey", &["auditor"], &inv).await,
        admin,
    }
}

/// An investigation opened by the chief with `lead` named (and nothing else).
pub(super) async fn opened(app: &TestApp, u: &Unit, extra: Value) -> Value {
    let mut body = json!({
        "title": "Cocaine couriers through CDG", "priority": "high",
        "legal_basis": "Code des douanes, art. 414", "offence_types": ["drug_trafficking"],
        "lead_id": u.lead_id
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    created(app.post("/api/v1/investigations", &u.chief, body).await).await
}

pub(super) async fn step(app: &TestApp, token: &str, inv: &Value, to: &str) -> reqwest::Response {
    let path = format!(
        "/api/v1/investigations/{}/transitions",
        inv["id"].as_str().unwrap()
    );
    let version = inv["version"].as_i64().unwrap();
    post_if(
        app,
        &path,
        token,
        version,
        json!({ "to": to, "reason": format!("to {to}") }),
    )
    .await
}

#[tokio::test]
async fn a_supervisor_opens_an_investigation_from_a_seizure_and_the_team_works_it() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    // a submitted case of the unit, naming a courier
    let case = submitted(
        &app,
        &u.chief,
        json!({ "kind": "offence", "detected_at": "2026-06-01T08:30:00Z", "place": "CDG",
                "persons": [{ "role": "offender", "person": { "family_name": "Ivanoff", "given_names": "Ivan" } }] }),
    )
    .await;
    let case_id = case["id"].as_str().unwrap();
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let inv = opened(
        &app,
        &u,
        json!({ "links": [
            { "target_kind": "case", "target_id": case_id, "role": "origin" },
            { "target_kind": "person", "target_id": person_id, "role": "suspect", "note": "the courier" }
        ] }),
    )
    .await;
    let id = inv["id"].as_str().unwrap().to_string();
    assert!(
        inv["reference"].as_str().unwrap().contains("-INV-"),
        "{inv}"
    );
    assert_eq!(inv["status"], "opened");
    assert_eq!(inv["standing"], "supervisor");
    assert_eq!(
        inv["next_statuses"],
        json!(["assigned", "closed", "suspended"])
    );
    assert_eq!(inv["counts"]["links"], 2);
    let base = format!("/api/v1/investigations/{id}");

    // the supervisor assigns it; the lead takes it up
    let inv = ok(step(&app, &u.chief, &inv, "assigned").await).await;
    let lead_view = ok(app.get(&base, &u.lead).await).await;
    assert_eq!(lead_view["standing"], "lead");
    assert_eq!(lead_view["next_statuses"], json!(["in_progress"]));
    ok(step(&app, &u.lead, &inv, "in_progress").await).await;

    // before being on the team, the officer of the same unit does not know it exists
    assert_problem(app.get(&base, &u.member).await, 404, "not_found").await;
    let team = ok(app
        .post(
            &format!("{base}/members"),
            &u.lead,
            json!({ "user_id": u.member_id }),
        )
        .await)
    .await;
    assert_eq!(team.as_array().unwrap().len(), 1, "{team}");
    let member_view = ok(app.get(&base, &u.member).await).await;
    assert_eq!(member_view["standing"], "member");
    assert_eq!(member_view["next_statuses"], json!([]));

    // the drugs templates, in French; one task assigned to the member, who completes it
    let added = created(
        app.post(
            &format!("{base}/tasks/from-templates"),
            &u.lead,
            json!({ "offence_type": "drug_trafficking", "lang": "fr" }),
        )
        .await,
    )
    .await;
    let tasks = added["items"].as_array().unwrap();
    assert_eq!(tasks.len(), 5, "{added}");
    assert_eq!(
        tasks[0]["title"],
        "Demander le manifeste du vol ou du voyage"
    );
    assert!(tasks[0]["due_date"].is_string());
    // applying them again adds nothing
    let again = created(
        app.post(
            &format!("{base}/tasks/from-templates"),
            &u.lead,
            json!({ "offence_type": "drug_trafficking" }),
        )
        .await,
    )
    .await;
    assert_eq!(again["items"], json!([]));
    let task = &tasks[2];
    let task_path = format!("{base}/tasks/{}", task["id"].as_str().unwrap());
    let task = ok(app
        .patch(
            &task_path,
            &u.lead,
            1,
            json!({ "assignee_id": u.member_id }),
        )
        .await)
    .await;
    // the member may not retitle it, nor cancel it
    assert_problem(
        app.patch(
            &task_path,
            &u.member,
            2,
            json!({ "title": "Something else" }),
        )
        .await,
        403,
        "investigation_role",
    )
    .await;
    let done = ok(app
        .patch(
            &task_path,
            &u.member,
            task["version"].as_i64().unwrap(),
            json!({ "status": "done" }),
        )
        .await)
    .await;
    assert_eq!(done["status"], "done");
    assert!(done["completed_at"].is_string());

    // the member writes the journal; a correction names the entry it corrects
    let entry = created(
        app.post(
            &format!("{base}/journal"),
            &u.member,
            json!({ "kind": "action", "body": "Interviewed the courier at the terminal." }),
        )
        .await,
    )
    .await;
    assert_eq!(entry["seq"], 1);
    let correction = created(
        app.post(
            &format!("{base}/journal"),
            &u.member,
            json!({ "kind": "note", "body": "Correction: the interview was at the police station.", "corrects_id": entry["id"] }),
        )
        .await,
    )
    .await;
    let journal = ok(app.get(&format!("{base}/journal"), &u.lead).await).await;
    assert_eq!(
        journal["items"][0]["corrected_by"],
        json!([correction["id"]])
    );

    // outsiders: 404 whoever they are (another unit's supervisor too); no route for others
    for token in [&u.outsider, &u.outside_chief, &u.colleague] {
        assert_problem(app.get(&base, token).await, 404, "not_found").await;
        assert_problem(
            app.get(&format!("{base}/timeline"), token).await,
            404,
            "not_found",
        )
        .await;
        let list = ok(app.get("/api/v1/investigations", token).await).await;
        assert_eq!(list["items"], json!([]));
    }
    assert_problem(app.get(&base, &u.auditor).await, 403, "forbidden").await;
    assert_problem(app.get(&base, &u.admin).await, 403, "forbidden").await;

    // the lead asks for review; closing needs the outcome
    let inv = ok(app.get(&base, &u.lead).await).await;
    let inv = ok(step(&app, &u.lead, &inv, "under_review").await).await;
    let path = format!("{base}/transitions");
    let res = post_if(
        &app,
        &path,
        &u.chief,
        inv["version"].as_i64().unwrap(),
        json!({ "to": "closed", "reason": "done" }),
    )
    .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "outcome");
    let closed = ok(post_if(
        &app,
        &path,
        &u.chief,
        inv["version"].as_i64().unwrap(),
        json!({ "to": "closed", "reason": "Sent to the prosecutor", "outcome": "prosecution" }),
    )
    .await)
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["outcome"], "prosecution");
    assert_eq!(closed["next_statuses"], json!(["reopened"]));
    // a closed investigation takes no more work
    assert_problem(
        app.post(
            &format!("{base}/journal"),
            &u.lead,
            json!({ "kind": "note", "body": "late" }),
        )
        .await,
        409,
        "investigation_closed",
    )
    .await;

    // the timeline holds everything in order, filterable
    let timeline = ok(app.get(&format!("{base}/timeline"), &u.member).await).await;
    let kinds: Vec<&str> = timeline["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"opened"));
    assert_eq!(kinds.last(), Some(&"transition"));
    assert!(
        kinds.contains(&"member_added")
            && kinds.contains(&"journal")
            && kinds.contains(&"task_updated")
    );
    let moves = ok(app
        .get(&format!("{base}/timeline?kinds=transition"), &u.member)
        .await)
    .await;
    let moves: Vec<(String, String)> = moves["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["details"]["to"].as_str().unwrap().to_string(),
                e["details"]["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        moves.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
        ["assigned", "in_progress", "under_review", "closed"]
    );
    assert_eq!(moves[3].1, "Sent to the prosecutor");

    // filters: linked case, overdue, status
    let by_case = ok(app
        .get(
            &format!("/api/v1/investigations?case_id={case_id}"),
            &u.chief,
        )
        .await)
    .await;
    assert_eq!(by_case["items"][0]["id"], id.as_str());
    let closed_list = ok(app
        .get("/api/v1/investigations?status=closed", &u.member)
        .await)
    .await;
    assert_eq!(closed_list["items"].as_array().unwrap().len(), 1);
    let res = app
        .get(
            &format!("/api/v1/investigations?priority={}", "0".repeat(65)),
            &u.member,
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;

    // told through messaging: the lead named, the member added and given a task, the
    // supervisor asked for review, the lead told of the closing
    let kinds = |list: Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let lead_told = kinds(ok(app.get("/api/v1/notifications", &u.lead).await).await);
    assert!(
        lead_told
            .iter()
            .filter(|k| *k == "investigation_assigned")
            .count()
            >= 2,
        "{lead_told:?}"
    );
    let member_told = kinds(ok(app.get("/api/v1/notifications", &u.member).await).await);
    assert!(
        member_told.contains(&"investigation_assigned".to_string())
            && member_told.contains(&"investigation_task".to_string()),
        "{member_told:?}"
    );
    let chief_told = kinds(ok(app.get("/api/v1/notifications", &u.chief).await).await);
    assert!(
        chief_told.contains(&"investigation_review".to_string()),
        "{chief_told:?}"
    );
    // nobody outside hears of it
    let outsider_told = kinds(ok(app.get("/api/v1/notifications", &u.outside_chief).await).await);
    assert!(
        outsider_told
            .iter()
            .all(|k| !k.starts_with("investigation")),
        "{outsider_told:?}"
    );

    // audited: the opening, the reads, the moves
    for action in [
        "investigation.create",
        "investigation.read",
        "investigation.transition",
        "investigation.journal_add",
    ] {
        assert!(!app.audit_rows(action).await.is_empty(), "{action}");
    }
}

#[tokio::test]
async fn journal_entries_cannot_be_changed_even_in_the_database() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let inv = opened(&app, &u, json!({})).await;
    let id = inv["id"].as_str().unwrap();
    created(
        app.post(
            &format!("/api/v1/investigations/{id}/journal"),
            &u.chief,
            json!({ "kind": "decision", "body": "Open a financial strand." }),
        )
        .await,
    )
    .await;
    use diesel_async::RunQueryDsl;
    let mut conn = app.db.conn().await;
    let err = diesel::sql_query("UPDATE investigation_journal SET body = 'rewritten'")
        .execute(&mut conn)
        .await;
    assert!(err.is_err());
    let err = diesel::sql_query("DELETE FROM investigation_journal")
        .execute(&mut conn)
        .await;
    assert!(err.is_err());
}
