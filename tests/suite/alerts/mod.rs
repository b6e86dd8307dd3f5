//! Alerts: the workflow (draft → active by another supervisor of the unit → withdrawn /
//! renewed), bad input, need-to-know (another unit gets 404), hits recorded by the durable
//! queue's worker when a case brings matching data — across scripts — with the owner told
//! live, graded disclosure to the frontline officer, review (confirm links the case, a
//! dismissed pair does not hit again), and bare identifiers.

mod batch;
mod workflow;

use crate::seizures::{new_unit, user_in};
use ncen_tests::sse::Sse;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

pub(super) struct Team {
    pub(super) admin: String,
    /// investigator of the intelligence unit: writes and owns alerts
    pub(super) owner: String,
    /// supervisor of the intelligence unit: activates
    pub(super) chief: String,
    /// officer of the border unit: records cases, knows nothing of the alerts
    pub(super) frontline: String,
    /// supervisor of the border unit
    pub(super) border_chief: String,
}

pub(super) async fn team(app: &TestApp) -> Team {
    let admin = app.admin_token().await;
    let intel = new_unit(app, &admin, "INTEL").await;
    let border = new_unit(app, &admin, "BORDER").await;
    Team {
        owner: user_in(app, &admin, "iris", &["investigator"], &intel).await,
        chief: user_in(app, &admin, "carl", &["supervisor"], &intel).await,
        frontline: user_in(app, &admin, "fred", &["officer"], &border).await,
        border_chief: user_in(app, &admin, "bert", &["supervisor"], &border).await,
        admin,
    }
}

pub(super) async fn created(res: reqwest::Response) -> Value {
    let status = res.status();
    let v: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{v}");
    v
}

pub(super) async fn ok(res: reqwest::Response) -> Value {
    let status = res.status();
    let v: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{v}");
    v
}

pub(super) async fn post_if(
    app: &TestApp,
    path: &str,
    token: &str,
    version: i64,
    body: Value,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .header("If-Match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
}

pub(super) fn in_months(months: u32) -> String {
    let day = chrono::Utc::now().date_naive();
    day.checked_add_months(chrono::Months::new(months))
        .unwrap()
        .to_string()
}

/// A person alert written by the owner and activated by the chief.
pub(super) async fn active_person_alert(app: &TestApp, t: &Team, person: &str) -> Value {
    let alert = created(
        app.post(
            "/api/v1/alerts",
            &t.owner,
            json!({
                "subject_kind": "person", "person_id": person,
                "reason": "Courier of the Oran network (source: informant 7)",
                "risk_level": "high", "requested_action": "discreet_check",
                "handling_instructions": "Do not alert the subject; call the owner at once",
                "valid_until": in_months(6)
            }),
        )
        .await,
    )
    .await;
    assert_eq!(alert["status"], "draft");
    let path = format!("/api/v1/alerts/{}/activate", alert["id"].as_str().unwrap());
    let active = ok(post_if(
        app,
        &path,
        &t.chief,
        alert["version"].as_i64().unwrap(),
        json!({}),
    )
    .await)
    .await;
    assert_eq!(active["status"], "active");
    active
}

/// Waits (with a deadline) until the worker has emptied the queue of checks.
pub(super) async fn checks_done(app: &TestApp) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let mut conn = app.db.conn().await;
        let left =
            ncen_tests::strings(&mut conn, "SELECT count(*)::text AS value FROM match_queue").await;
        if left == ["0"] {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the queue was not drained: {left:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub(super) async fn new_hits(app: &TestApp, token: &str) -> Vec<Value> {
    let v = ok(app.get("/api/v1/alert-hits", token).await).await;
    v["items"].as_array().unwrap().clone()
}

fn case_with(person: Value) -> Value {
    json!({
        "kind": "seizure",
        "detected_at": "2026-06-01T08:30:00Z",
        "place": "Marseille port",
        "country": "FR",
        "goods": [{ "commodity_group": "drugs", "commodity_type": "cannabis_resin", "quantity": 12, "unit": "kg" }],
        "persons": [{ "role": "courier", "person": person }]
    })
}

#[tokio::test]
async fn a_case_naming_the_subject_in_latin_hits_the_arabic_alert_and_the_owner_is_told_live() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let subject = created(
        app.post(
            "/api/v1/persons",
            &t.owner,
            json!({ "family_name": "بن صالح", "given_names": "عبد القادر", "date_of_birth": "1979-11-07", "nationalities": ["DZ"] }),
        )
        .await,
    )
    .await;
    let alert = active_person_alert(&app, &t, subject["id"].as_str().unwrap()).await;
    let mut live = Sse::open(&app.url("/api/v1/events"), &t.owner, None).await;

    let case = created(
        app.post(
            "/api/v1/seizures",
            &t.frontline,
            case_with(json!({ "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": "1979" })),
        )
        .await,
    )
    .await;
    let case_id = case["id"].as_str().unwrap();

    // the owner is told live
    let event = live
        .next_named("notification", Duration::from_secs(20))
        .await
        .expect("no live notification");
    assert_eq!(
        event.data["notification"]["kind"], "alert_hit",
        "{}",
        event.data
    );
    assert_eq!(event.data["notification"]["title"], alert["reference"]);

    let hits = new_hits(&app, &t.owner).await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit["alert"]["id"], alert["id"]);
    assert_eq!(hit["cases"][0]["id"], case_id);
    assert!(
        hit["record_label"]
            .as_str()
            .unwrap()
            .starts_with("BENSALEH"),
        "{hit}"
    );
    let detail = ok(app
        .get(
            &format!("/api/v1/alert-hits/{}", hit["id"].as_str().unwrap()),
            &t.owner,
        )
        .await)
    .await;
    assert!(detail["score"].as_f64().unwrap() >= 0.8, "{detail}");
    let features: Vec<&str> = detail["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["feature"].as_str().unwrap())
        .collect();
    assert!(features.contains(&"date_of_birth"), "{detail}");
    assert!(
        detail["subject"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["value"] == "بن صالح"),
        "{detail}"
    );

    // graded disclosure: the frontline officer sees what to do and whom to call, never why
    let notices = ok(app
        .get(
            &format!("/api/v1/alert-notices?case_id={case_id}"),
            &t.frontline,
        )
        .await)
    .await;
    let notice = &notices["items"][0];
    assert_eq!(notice["requested_action"], "discreet_check", "{notices}");
    assert_eq!(notice["contact"]["name"], "iris");
    assert_eq!(
        notice["handling_instructions"],
        "Do not alert the subject; call the owner at once"
    );
    assert!(!notices.to_string().contains("informant"), "{notices}");
    let path = format!("/api/v1/alerts/{}", alert["id"].as_str().unwrap());
    assert_problem(app.get(&path, &t.frontline).await, 404, "not_found").await;
    assert_problem(app.get(&path, &t.border_chief).await, 404, "not_found").await;
    let theirs = ok(app.get("/api/v1/alert-hits", &t.frontline).await).await;
    assert_eq!(theirs["items"], json!([]));
    let mut conn = app.db.conn().await;
    let kinds = ncen_tests::strings(
        &mut conn,
        "SELECT n.kind AS value FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'fred'",
    )
    .await;
    assert_eq!(kinds, ["alert_match"]);

    // a desk officer screening the name is told what to do and whom to call, never why
    let screened = ok(app
        .post(
            "/api/v1/screening",
            &t.frontline,
            json!({ "person": { "name": "BENSALEH Abdelkader", "date_of_birth": "1979-11-07" } }),
        )
        .await)
    .await;
    assert_eq!(
        screened["alerts"][0]["alert_reference"], alert["reference"],
        "{screened}"
    );
    assert_eq!(screened["alerts"][0]["requested_action"], "discreet_check");
    assert!(!screened["alerts"].to_string().contains("informant"));

    // confirming links the case to the alert
    let confirmed = ok(app
        .post(
            &format!("/api/v1/alert-hits/{}/confirm", hit["id"].as_str().unwrap()),
            &t.owner,
            json!({}),
        )
        .await)
    .await;
    assert_eq!(confirmed["status"], "confirmed");
    let linked =
        ncen_tests::strings(&mut conn, "SELECT case_id::text AS value FROM alert_cases").await;
    assert_eq!(linked, [case_id]);
    assert_problem(
        app.post(
            &format!("/api/v1/alert-hits/{}/dismiss", hit["id"].as_str().unwrap()),
            &t.owner,
            json!({ "reason": "x" }),
        )
        .await,
        409,
        "conflict",
    )
    .await;
    let full = ok(app.get(&path, &t.owner).await).await;
    assert_eq!(
        full["hits"],
        json!({ "new": 0, "confirmed": 1, "dismissed": 0 })
    );
    assert_eq!(app.audit_rows("alert_hit.confirm").await.len(), 1);
    assert_eq!(app.audit_rows("alert.read").await.len(), 1);
}

#[tokio::test]
async fn a_dismissed_pair_does_not_hit_again_and_a_stranger_does_not_hit() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let subject = created(
        app.post("/api/v1/persons", &t.owner, json!({ "family_name": "Okonkwo", "given_names": "Chinedu", "date_of_birth": "1982-05-14" })).await,
    )
    .await;
    let alert = active_person_alert(&app, &t, subject["id"].as_str().unwrap()).await;
    let lookalike = created(
        app.post("/api/v1/persons", &t.frontline, json!({ "family_name": "Okonkow", "given_names": "Chinedu", "date_of_birth": "1982-05-14" })).await,
    )
    .await;
    checks_done(&app).await;
    let hits = new_hits(&app, &t.owner).await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["record_id"], lookalike["id"]);
    let hit = hits[0]["id"].as_str().unwrap();
    let dismiss = format!("/api/v1/alert-hits/{hit}/dismiss");
    let res = app.post(&dismiss, &t.owner, json!({})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "reason");
    ok(app
        .post(
            &dismiss,
            &t.owner,
            json!({ "reason": "Different father's name; checked at the desk" }),
        )
        .await)
    .await;

    // the same person in a new case: same data, no new hit
    created(
        app.post("/api/v1/seizures", &t.frontline, json!({
            "kind": "seizure", "detected_at": "2026-06-02T08:30:00Z", "country": "FR",
            "goods": [{ "commodity_group": "tobacco", "commodity_type": "cigarettes", "quantity": 200, "unit": "sticks" }],
            "persons": [{ "role": "offender", "person_id": lookalike["id"] }]
        }))
        .await,
    )
    .await;
    // and a stranger hits nothing
    created(app.post("/api/v1/persons", &t.frontline, json!({ "family_name": "Martin", "given_names": "Claire", "date_of_birth": "1982-05-14" })).await).await;
    checks_done(&app).await;
    assert_eq!(new_hits(&app, &t.owner).await, Vec::<Value>::new());
    // changed data on the dismissed record is compared again
    let path = format!("/api/v1/persons/{}", lookalike["id"].as_str().unwrap());
    let version = ok(app.get(&path, &t.frontline).await).await["version"]
        .as_i64()
        .unwrap();
    let res = app
        .patch(
            &path,
            &t.frontline,
            version,
            json!({ "date_of_birth": "1982-05" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    checks_done(&app).await;
    assert_eq!(new_hits(&app, &t.owner).await.len(), 1);

    // the key table the alert probe reads follows the subject's name and the alert's status
    let alert_id = alert["id"].as_str().unwrap();
    let keys = |like: &'static str| {
        let sql = format!(
            "SELECT count(*)::text AS value FROM alert_keys WHERE alert_id = '{alert_id}' AND key LIKE '{like}'"
        );
        let db = &app.db;
        async move { ncen_tests::strings(&mut db.conn().await, &sql).await[0].clone() }
    };
    assert_ne!(keys("d:okonkwo|%").await, "0");
    let path = format!("/api/v1/persons/{}", subject["id"].as_str().unwrap());
    let version = ok(app.get(&path, &t.owner).await).await["version"]
        .as_i64()
        .unwrap();
    let res = app
        .patch(&path, &t.owner, version, json!({ "family_name": "Okafor" }))
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(keys("d:okonkwo|%").await, "0");
    assert_ne!(keys("d:okafor|%").await, "0");
    let withdraw = format!("/api/v1/alerts/{alert_id}/withdraw");
    let version = ok(app
        .get(&format!("/api/v1/alerts/{alert_id}"), &t.owner)
        .await)
    .await["version"]
        .as_i64()
        .unwrap();
    ok(post_if(
        &app,
        &withdraw,
        &t.owner,
        version,
        json!({ "reason": "Case closed" }),
    )
    .await)
    .await;
    assert_eq!(keys("%").await, "0");
}

#[tokio::test]
async fn a_bare_container_number_hits_the_case_that_carries_it() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let alert = created(
        app.post("/api/v1/alerts", &t.owner, json!({
            "subject_kind": "identifier", "identifier_kind": "container", "identifier": "CSQU 305438-3",
            "reason": "Container used twice for cocaine", "risk_level": "critical", "requested_action": "control",
            "valid_until": in_months(3)
        }))
        .await,
    )
    .await;
    let path = format!("/api/v1/alerts/{}/activate", alert["id"].as_str().unwrap());
    ok(post_if(&app, &path, &t.chief, 1, json!({})).await).await;
    let case = created(
        app.post("/api/v1/seizures", &t.frontline, json!({
            "kind": "seizure", "detected_at": "2026-06-03T08:30:00Z", "country": "FR",
            "goods": [{ "commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 40, "unit": "kg" }],
            "conveyances": [{ "role": "container", "conveyance": {
                "conveyance_type": "container", "identifier_kind": "container", "identifier": "csqu3054383" } }]
        }))
        .await,
    )
    .await;
    checks_done(&app).await;
    let hits = new_hits(&app, &t.owner).await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["exact"], true);
    assert_eq!(hits[0]["cases"][0]["id"], case["id"]);
    let notices = ok(app
        .get(
            &format!(
                "/api/v1/alert-notices?case_id={}",
                case["id"].as_str().unwrap()
            ),
            &t.frontline,
        )
        .await)
    .await;
    assert_eq!(notices["items"][0]["requested_action"], "control");
}

#[tokio::test]
async fn a_phone_alert_hits_a_person_carrying_the_number_in_another_form() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let alert = created(app.post("/api/v1/alerts", &t.owner, json!({
        "subject_kind": "identifier", "identifier_kind": "phone", "identifier": "+33 6 12 34 56 78",
        "reason": "Burner phone", "risk_level": "medium", "requested_action": "inform_owner", "valid_until": in_months(2)
    })).await).await;
    ok(post_if(
        &app,
        &format!("/api/v1/alerts/{}/activate", alert["id"].as_str().unwrap()),
        &t.chief,
        1,
        json!({}),
    )
    .await)
    .await;
    let person = created(
        app.post(
            "/api/v1/persons",
            &t.frontline,
            json!({ "family_name": "Durand", "phones": ["06.12.34.56.78"] }),
        )
        .await,
    )
    .await;
    checks_done(&app).await;
    let hits = new_hits(&app, &t.owner).await;
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["record_id"], person["id"]);
    assert_eq!(hits[0]["cases"], json!([]));
    let notices = ok(app
        .get(
            &format!(
                "/api/v1/alert-notices?record_id={}",
                person["id"].as_str().unwrap()
            ),
            &t.frontline,
        )
        .await)
    .await;
    assert_eq!(
        notices["items"][0]["contact_unit"]["name"]
            .as_str()
            .map(|s| !s.is_empty()),
        Some(true)
    );
    assert_problem(
        app.get("/api/v1/alert-notices", &t.frontline).await,
        422,
        "validation_failed",
    )
    .await;
}
