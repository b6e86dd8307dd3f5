//! Object-level permissions on cases: another unit reads submitted cases but cannot change
//! them and never sees drafts, admins see nothing, analysts cannot record and see no draft;
//! unknown cases are 404.

use super::{create, crew, new_unit, offence, post_if, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::json;

#[tokio::test]
async fn another_units_officers_read_but_cannot_change_and_admins_see_nothing() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let south = new_unit(&app, &c.admin, "SOUTH").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &south).await;
    let other_sup = user_in(&app, &c.admin, "suzy", &["supervisor"], &south).await;
    let case = create(&app, &c.officer, offence("2026-02-01T12:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());

    // A draft stays with its unit: another unit does not learn it exists.
    assert_problem(app.get(&path, &other).await, 404, "not_found").await;
    assert_problem(
        app.patch(&path, &other, 1, json!({ "place": "x" })).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/submit"), &other, 1, None).await,
        404,
        "not_found",
    )
    .await;
    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    // Submitted, it is everyone's to read, and still only its unit's to change.
    assert_eq!(app.get(&path, &other).await.status(), 200);
    assert_problem(
        app.patch(&path, &other, 2, json!({ "place": "x" })).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &other_sup, 2, None).await,
        403,
        "forbidden",
    )
    .await;
    // Their own case is theirs.
    let own = create(&app, &other, offence("2026-02-02T12:00:00Z")).await;
    assert_eq!(own["reporting_unit_id"], json!(south));

    assert_problem(app.get(&path, &c.admin).await, 403, "forbidden").await;
    assert_problem(
        app.get("/api/v1/seizures", &c.admin).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.get("/api/v1/persons", &c.admin).await, 403, "forbidden").await;
    assert_problem(
        app.post(
            "/api/v1/seizures",
            &c.analyst,
            offence("2026-02-01T12:00:00Z"),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    let missing = format!("/api/v1/seizures/{}", uuid::Uuid::new_v4());
    assert_problem(app.get(&missing, &c.analyst).await, 404, "not_found").await;
    assert_problem(
        app.patch(&missing, &c.officer, 1, json!({})).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.get("/api/v1/seizures/not-a-uuid", &c.analyst).await,
        404,
        "not_found",
    )
    .await;
}

/// Until a case is submitted, only its recording unit's officers and supervisors know it
/// exists: not another unit (read, list, history, attachments, the registers' case lists),
/// and not an analyst, even of the same unit.
#[tokio::test]
async fn drafts_stay_in_their_unit() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let south = new_unit(&app, &c.admin, "SOUTH").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &south).await;
    let company = super::company(&app, &c.officer, "Draft Trading BV").await;
    let mut body = offence("2026-03-01T12:00:00Z");
    body["companies"] = json!([{ "role": "importer", "company_id": company }]);
    let case = create(&app, &c.officer, body).await;
    let id = case["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/seizures/{id}");
    let png = ncen_tests::png(8, 8);
    let res = ncen_tests::upload(&app, &c.officer, &id, "photo", "p.png", png).await;
    assert_eq!(res.status(), 201);
    let attachment = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let listed = |token: String| {
        let app = &app;
        let id = id.clone();
        async move {
            let page: serde_json::Value = app
                .get("/api/v1/seizures?limit=200", &token)
                .await
                .json()
                .await
                .unwrap();
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == json!(id))
        }
    };
    let in_company = |token: String| {
        let app = &app;
        let (id, company) = (id.clone(), company.clone());
        async move {
            let detail: serde_json::Value = app
                .get(&format!("/api/v1/companies/{company}"), &token)
                .await
                .json()
                .await
                .unwrap();
            detail["cases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["case_id"] == json!(id))
        }
    };

    for (who, token) in [("other unit", &other), ("analyst", &c.analyst)] {
        assert_problem(app.get(&path, token).await, 404, "not_found").await;
        assert_problem(
            app.get(&format!("{path}/history"), token).await,
            404,
            "not_found",
        )
        .await;
        assert_problem(
            app.get(&format!("/api/v1/attachments/{attachment}/content"), token)
                .await,
            404,
            "not_found",
        )
        .await;
        assert!(!listed(token.clone()).await, "{who} lists the draft");
        assert!(
            !in_company(token.clone()).await,
            "{who} sees the draft in the register"
        );
    }
    for token in [&c.officer, &c.supervisor] {
        assert_eq!(app.get(&path, token).await.status(), 200);
        assert!(listed(token.clone()).await);
        assert!(in_company(token.clone()).await);
    }

    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    for token in [&other, &c.analyst] {
        assert_eq!(app.get(&path, token).await.status(), 200);
        assert!(listed(token.clone()).await);
        assert!(in_company(token.clone()).await);
    }
}
