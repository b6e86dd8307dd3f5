//! `POST /seizures/{id}/submit`, `/validate`, `/return` and `/reopen`: the draft → submitted →
//! validated workflow, the lock it puts on a case, and the way back to draft.

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
    for action in ["reopen", "return"] {
        assert_problem(
            post_if(
                &app,
                &format!("{path}/{action}"),
                &c.supervisor,
                1,
                Some(json!({ "reason": "x" })),
            )
            .await,
            409,
            "conflict",
        )
        .await;
    }
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
    // A validated case is reopened, never "sent back".
    let res = post_if(
        &app,
        &format!("{path}/return"),
        &c.supervisor,
        3,
        Some(json!({ "reason": "Wrong quantity" })),
    )
    .await;
    assert_problem(res, 409, "conflict").await;
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

/// A supervisor sends a submitted case back with a reason: the case says so at its top while
/// it is a draft again, the officers who created and submitted it are notified, and comments
/// on submit and validate stay in the history. Bad bodies are refused precisely.
#[tokio::test]
async fn a_case_sent_back_shows_why_on_top_and_its_officer_is_told() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = create(&app, &c.officer, offence("2026-02-01T12:00:00Z")).await;
    let id = case["id"].as_str().unwrap();
    let path = format!("/api/v1/seizures/{id}");
    assert!(case["reopened"].is_null());

    let long = "x".repeat(1001);
    let res = post_if(
        &app,
        &format!("{path}/submit"),
        &c.officer,
        1,
        Some(json!({ "comment": long })),
    )
    .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = post_if(
        &app,
        &format!("{path}/submit"),
        &c.officer,
        1,
        Some(json!({ "comment": "ok", "extra": 1 })),
    )
    .await;
    assert_problem(res, 400, "bad_request").await;
    let res = app
        .client
        .post(app.url(&format!("{path}/submit")))
        .bearer_auth(&c.officer)
        .header("If-Match", "\"1\"")
        .header("content-type", "text/plain")
        .body("comment")
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;
    let res = post_if(
        &app,
        &format!("{path}/submit"),
        &c.officer,
        1,
        Some(json!({ "comment": "  Goods weighed twice.  " })),
    )
    .await;
    assert_eq!(res.status(), 200);

    // Only a supervisor sends back, and with a reason.
    let res = post_if(
        &app,
        &format!("{path}/return"),
        &c.officer,
        2,
        Some(json!({ "reason": "x" })),
    )
    .await;
    assert_problem(res, 403, "forbidden").await;
    let res = post_if(
        &app,
        &format!("{path}/return"),
        &c.supervisor,
        2,
        Some(json!({})),
    )
    .await;
    assert_problem(res, 400, "bad_request").await;
    let res = post_if(
        &app,
        &format!("{path}/return"),
        &c.supervisor,
        2,
        Some(json!({ "reason": "The quantity is missing its unit." })),
    )
    .await;
    assert_eq!(res.status(), 200);
    let returned: Value = res.json().await.unwrap();
    assert_eq!(returned["status"], "draft");
    assert_eq!(returned["reopened"]["action"], "return");
    assert_eq!(
        returned["reopened"]["reason"],
        "The quantity is missing its unit."
    );
    assert!(returned["reopened"]["by_name"].is_string());
    // The officer's read (the stored document, read twice) says the same.
    for _ in 0..2 {
        let read: Value = app.get(&path, &c.officer).await.json().await.unwrap();
        assert_eq!(read["reopened"], returned["reopened"]);
    }
    let notes: Value = app
        .get("/api/v1/notifications", &c.officer)
        .await
        .json()
        .await
        .unwrap();
    let note = &notes["items"][0];
    assert_eq!(note["kind"], "case_returned");
    assert_eq!(note["link"], format!("/seizures/{id}"));
    assert!(note["title"]
        .as_str()
        .unwrap()
        .contains("The quantity is missing its unit."));
    let theirs: Value = app
        .get("/api/v1/notifications", &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    assert!(theirs["items"].as_array().unwrap().is_empty());
    assert_eq!(app.audit_rows("seizure.return").await.len(), 1);

    // Submitted again, then validated with a comment: no longer "sent back".
    let res = post_if(&app, &format!("{path}/submit"), &c.officer, 3, None).await;
    let submitted: Value = res.json().await.unwrap();
    assert!(submitted["reopened"].is_null());
    let res = post_if(
        &app,
        &format!("{path}/validate"),
        &c.supervisor,
        4,
        Some(json!({ "comment": "Checked against the manifest." })),
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = post_if(
        &app,
        &format!("{path}/reopen"),
        &c.supervisor,
        5,
        Some(json!({ "reason": "Court asks for the weight in kg." })),
    )
    .await;
    let reopened: Value = res.json().await.unwrap();
    assert_eq!(reopened["reopened"]["action"], "reopen");
    let notes: Value = app
        .get("/api/v1/notifications", &c.officer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(notes["items"][0]["kind"], "case_reopened");

    let history: Value = app
        .get(&format!("{path}/history"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let steps: Vec<(String, Value)> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["action"].as_str().unwrap().to_string(),
                h["reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("create".to_string(), Value::Null),
            ("submit".into(), json!("Goods weighed twice.")),
            ("return".into(), json!("The quantity is missing its unit.")),
            ("submit".into(), Value::Null),
            ("validate".into(), json!("Checked against the manifest.")),
            ("reopen".into(), json!("Court asks for the weight in kg.")),
        ]
    );
}
