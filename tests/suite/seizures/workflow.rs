//! `POST /seizures/{id}/submit`, `/validate` and `/reopen`: the draft → submitted → validated
//! workflow, and the lock it puts on a case.

use super::{create, crew, offence, post_if};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn submitted_and_validated_cases_are_locked_until_a_supervisor_reopens_them() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = create(&app, &c.officer, offence("2026-02-01T12:00:00Z")).await;
    let id = case["id"].as_str().unwrap();
    let path = format!("/api/v1/seizures/{id}");

    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 1, None).await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        post_if(
            &app,
            &format!("{path}/reopen"),
            &c.supervisor,
            1,
            Some(json!({ "reason": "x" })),
        )
        .await,
        409,
        "conflict",
    )
    .await;
    let res = post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "submitted");
    assert_problem(
        app.patch(&path, &c.officer, 2, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.officer, 2, None).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 1, None).await,
        412,
        "precondition_failed",
    )
    .await;
    let res = post_if(&app, &format!("{path}/validate"), &c.supervisor, 2, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "validated");
    assert_problem(
        app.patch(&path, &c.officer, 3, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        app.patch(&path, &c.supervisor, 3, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    let res = post_if(
        &app,
        &format!("{path}/reopen"),
        &c.supervisor,
        3,
        Some(json!({ "reason": " " })),
    )
    .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = post_if(
        &app,
        &format!("{path}/reopen"),
        &c.supervisor,
        3,
        Some(json!({ "reason": "Wrong quantity" })),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "draft");
    let res = app
        .patch(&path, &c.officer, 4, json!({ "place": "Corrected" }))
        .await;
    assert_eq!(res.status(), 200);

    let history: Value = app
        .get(&format!("{path}/history"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["create", "submit", "validate", "reopen", "update"]
    );
    assert_eq!(history["items"][3]["reason"], "Wrong quantity");
    assert_eq!(
        history["items"][2]["changes"]["status"],
        json!({ "old": "submitted", "new": "validated" })
    );
    assert_eq!(app.audit_rows("seizure.validate").await.len(), 1);
    let reopen = app.audit_rows("seizure.reopen").await;
    assert_eq!(reopen[0].1.as_deref(), Some("sam"));
}

/// Four eyes: a supervisor who created, edited or submitted a case cannot validate it; the
/// refusal has its own code, and the case names its contributors so the browser app can
/// say why the button is missing. Another supervisor of the unit validates.
#[tokio::test]
async fn a_supervisor_does_not_validate_a_case_they_created_edited_or_submitted() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let second = super::user_in(&app, &c.admin, "sue", &["supervisor"], &c.root).await;
    let me: Value = app
        .get("/api/v1/me", &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let sam = me["id"].clone();

    // created by the supervisor
    let case = create(&app, &c.supervisor, offence("2026-02-01T12:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    assert_eq!(case["contributors"], json!([sam]));
    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    let body = assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 2, None).await,
        403,
        "four_eyes",
    )
    .await;
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("another supervisor"));
    assert_eq!(app.audit_rows("seizure.validate").await.len(), 0);

    // edited by the supervisor (while submitted)
    let case = create(&app, &c.officer, offence("2026-02-02T12:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    let edited = app
        .patch(&path, &c.supervisor, 2, json!({ "place": "Quay 4" }))
        .await;
    assert_eq!(edited.status(), 200);
    let edited: Value = edited.json().await.unwrap();
    assert_eq!(edited["contributors"].as_array().unwrap().len(), 2);
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 3, None).await,
        403,
        "four_eyes",
    )
    .await;
    let res = post_if(&app, &format!("{path}/validate"), &second, 3, None).await;
    assert_eq!(res.status(), 200);

    // submitted by the supervisor
    let case = create(&app, &c.officer, offence("2026-02-03T12:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    post_if(&app, &format!("{path}/submit"), &c.supervisor, 1, None).await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 2, None).await,
        403,
        "four_eyes",
    )
    .await;
    // Reopening is a review, not a contribution: after a reopen by the supervisor and a
    // resubmission by the officer, the supervisor still may not validate (they submitted
    // it once), but the second supervisor may.
    let res = post_if(&app, &format!("{path}/validate"), &second, 2, None).await;
    assert_eq!(res.status(), 200);
    let read: Value = app.get(&path, &c.analyst).await.json().await.unwrap();
    assert_eq!(read["status"], "validated");
    assert!(read["contributors"].as_array().unwrap().contains(&sam));
}
