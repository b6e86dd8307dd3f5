//! Object-level permissions on cases: another unit reads but cannot change, admins see
//! nothing, analysts cannot record; unknown cases are 404.

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

    assert_eq!(app.get(&path, &other).await.status(), 200);
    assert_problem(
        app.patch(&path, &other, 1, json!({ "place": "x" })).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/submit"), &other, 1, None).await,
        403,
        "forbidden",
    )
    .await;
    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
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
