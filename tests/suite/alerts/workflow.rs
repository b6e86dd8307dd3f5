//! The alert workflow: bad input, four eyes on activation, need-to-know, drafts corrected,
//! active alerts not edited, renewal within 12 months, withdrawal; every step audited.

use super::{checks_done, created, in_months, new_hits, ok, post_if, team};
use crate::seizures::user_in;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn the_workflow_refuses_what_it_must() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    // no subject, validity over 12 months, an identifier on a person alert
    let res = app.post("/api/v1/alerts", &t.owner, json!({
        "reason": "x", "risk_level": "low", "requested_action": "inform_owner", "valid_until": in_months(13)
    })).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"subject_kind") && fields.contains(&"valid_until"),
        "{p}"
    );
    let res = app
        .post(
            "/api/v1/alerts",
            &t.owner,
            json!({
                "subject_kind": "person", "identifier": "AB123", "reason": "x", "risk_level": "low",
                "requested_action": "inform_owner", "valid_until": in_months(1)
            }),
        )
        .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    let codes: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"not_for_subject") && codes.contains(&"required_for_subject"),
        "{p}"
    );
    let res = app.post("/api/v1/alerts", &t.owner, json!({
        "subject_kind": "identifier", "identifier_kind": "container", "identifier": "CSQU3054384",
        "reason": "x", "risk_level": "low", "requested_action": "inform_owner", "valid_until": in_months(1)
    })).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "check_digit", "{p}");

    let alert = created(app.post("/api/v1/alerts", &t.chief, json!({
        "subject_kind": "identifier", "identifier_kind": "phone", "identifier": "+33 6 12 34 56 78",
        "reason": "Burner phone", "risk_level": "medium", "requested_action": "inform_owner", "valid_until": in_months(12)
    })).await).await;
    let id = alert["id"].as_str().unwrap();
    let activate = format!("/api/v1/alerts/{id}/activate");
    // not a supervisor; the writer themself; another unit's supervisor (404: secret)
    assert_problem(
        post_if(&app, &activate, &t.owner, 1, json!({})).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &activate, &t.chief, 1, json!({})).await,
        403,
        "own_alert",
    )
    .await;
    assert_problem(
        post_if(&app, &activate, &t.border_chief, 1, json!({})).await,
        404,
        "not_found",
    )
    .await;
    // a draft is corrected; a stale version is refused
    let path = format!("/api/v1/alerts/{id}");
    let fixed = ok(app
        .patch(&path, &t.owner, 1, json!({ "risk_level": "high" }))
        .await)
    .await;
    assert_eq!(fixed["risk_level"], "high");
    assert_problem(
        app.patch(&path, &t.owner, 1, json!({ "risk_level": "low" }))
            .await,
        412,
        "precondition_failed",
    )
    .await;

    // a second supervisor of the unit activates; an active alert is not edited
    let admin = &t.admin;
    let intel = fixed["unit"]["id"].as_str().unwrap();
    let second = user_in(&app, admin, "sue", &["supervisor"], intel).await;
    let active = ok(post_if(&app, &activate, &second, 2, json!({})).await).await;
    assert_eq!(active["status"], "active");
    assert_eq!(active["activated_by"]["name"], "sue");
    assert_problem(
        app.patch(&path, &t.owner, 3, json!({ "risk_level": "low" }))
            .await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        post_if(&app, &activate, &second, 3, json!({})).await,
        409,
        "conflict",
    )
    .await;
    // renewal: at most 12 months from today
    let renew = format!("/api/v1/alerts/{id}/renew");
    let p = assert_problem(
        post_if(
            &app,
            &renew,
            &second,
            3,
            json!({ "valid_until": in_months(13) }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "too_long");
    ok(post_if(
        &app,
        &renew,
        &second,
        3,
        json!({ "valid_until": in_months(12) }),
    )
    .await)
    .await;
    // withdrawn with a reason; then nothing matches it
    let withdraw = format!("/api/v1/alerts/{id}/withdraw");
    assert_problem(
        post_if(&app, &withdraw, &t.owner, 4, json!({ "reason": " " })).await,
        422,
        "validation_failed",
    )
    .await;
    let gone = ok(post_if(
        &app,
        &withdraw,
        &t.owner,
        4,
        json!({ "reason": "Number given up" }),
    )
    .await)
    .await;
    assert_eq!(gone["status"], "withdrawn");
    assert_eq!(gone["closing_reason"], "Number given up");
    created(
        app.post(
            "/api/v1/persons",
            &t.frontline,
            json!({ "family_name": "Durand", "phones": ["06 12 34 56 78"] }),
        )
        .await,
    )
    .await;
    checks_done(&app).await;
    assert_eq!(new_hits(&app, &t.owner).await, Vec::<Value>::new());

    // the list is the unit's own
    let mine = ok(app.get("/api/v1/alerts?status=withdrawn", &t.owner).await).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    let theirs = ok(app.get("/api/v1/alerts", &t.border_chief).await).await;
    assert_eq!(theirs["items"], json!([]));
    for action in [
        "alert.create",
        "alert.update",
        "alert.activate",
        "alert.renew",
        "alert.withdraw",
    ] {
        assert!(
            !app.audit_rows(action).await.is_empty(),
            "{action} not audited"
        );
    }
}
