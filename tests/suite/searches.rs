//! Saved searches that alert: a rule is checked against every case saved afterwards (as its
//! owner would list cases: another unit's drafts never match), each new match is one hit and
//! one notification, never twice for a case; sharing with the unit, pausing, the owner's
//! rights, audit rows and bad input.

use crate::alerts::ok;
use crate::seizures::{company, create, crew, full_case, new_unit, submitted, user_in};
use ncen_tests::{assert_problem, strings, TestApp};
use serde_json::{json, Value};

async fn drained(app: &TestApp) {
    let mut conn = app.db.conn().await;
    ncen_core::searches::worker::drain(&mut conn).await.unwrap();
}

fn tobacco(importer: &str) -> Value {
    let mut c = full_case(importer);
    c["goods"] = json!([{ "commodity_group": "tobacco", "commodity_type": "cigarettes",
                           "quantity": 4000, "unit": "sticks" }]);
    c["persons"] = json!([]);
    c["conveyances"] = json!([]);
    c
}

fn cocaine(importer: &str) -> Value {
    let mut c = full_case(importer);
    c["persons"] = json!([]);
    c["conveyances"] = json!([]);
    c
}

#[tokio::test]
async fn saved_searches_alert_their_owner_once_per_new_case() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let importer = company(&app, &c.officer, "Regula Import BV").await;
    let rule = json!({ "name": "Cocaine through Portugal",
                       "query": { "commodity_type": "cocaine", "route_country": "PT" } });
    let res = app.post("/api/v1/saved-searches", &c.analyst, rule).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let saved: Value = res.json().await.unwrap();
    let id = saved["id"].as_str().unwrap().to_string();
    assert_eq!(saved["mine"], true);
    assert_eq!(
        saved["query"],
        json!({ "commodity_type": "cocaine", "route_country": "PT" })
    );

    // a matching case and one that does not; another unit's matching draft
    let hit = submitted(&app, &c.officer, cocaine(&importer)).await;
    submitted(&app, &c.officer, tobacco(&importer)).await;
    let other_unit = new_unit(&app, &c.admin, "OTS").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &other_unit).await;
    create(&app, &other, cocaine(&importer)).await;
    drained(&app).await;
    let hits = ok(app
        .get(&format!("/api/v1/saved-searches/{id}/hits"), &c.analyst)
        .await)
    .await;
    assert_eq!(hits["total"], 1, "{hits}");
    assert_eq!(hits["items"][0]["case"]["id"], hit["id"]);
    // against SQL: the cases the seizure list shows the analyst with the same filters
    let listed = ok(app
        .get(
            "/api/v1/seizures?commodity_type=cocaine&route_country=PT",
            &c.analyst,
        )
        .await)
    .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    let mut conn = app.db.conn().await;
    let notices = strings(
        &mut conn,
        "SELECT n.title || ' ' || n.link AS value FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = 'ana' AND n.kind = 'search_hit'",
    )
    .await;
    let reference = hit["reference"].as_str().unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("Cocaine through Portugal") && notices[0].contains(reference));
    assert!(notices[0].ends_with(&format!("/searches/{id}")));

    // saving the case again: still one hit, no second notice
    let path = format!("/api/v1/seizures/{}", hit["id"].as_str().unwrap());
    let res = app
        .patch(
            &path,
            &c.supervisor,
            hit["version"].as_i64().unwrap(),
            json!({ "place": "Roissy fret" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    drained(&app).await;
    let rule = ok(app
        .get(&format!("/api/v1/saved-searches/{id}"), &c.analyst)
        .await)
    .await;
    assert_eq!(rule["hits"], 1);
    let count = strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM notifications WHERE kind = 'search_hit'",
    )
    .await;
    assert_eq!(count[0], "1");

    // sharing: a colleague of the unit reads it once shared, may not change it; another
    // unit's user never sees it
    let colleague = user_in(&app, &c.admin, "ana2", &["analyst"], &c.root).await;
    let res = app
        .get(&format!("/api/v1/saved-searches/{id}"), &colleague)
        .await;
    assert_eq!(res.status(), 404);
    let res = app
        .patch(
            &format!("/api/v1/saved-searches/{id}"),
            &c.analyst,
            1,
            json!({ "shared": true }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let list = ok(app.get("/api/v1/saved-searches", &colleague).await).await;
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert_eq!(list["items"][0]["mine"], false);
    let hits = ok(app
        .get(&format!("/api/v1/saved-searches/{id}/hits"), &colleague)
        .await)
    .await;
    assert_eq!(hits["total"], 1);
    let res = app
        .patch(
            &format!("/api/v1/saved-searches/{id}"),
            &colleague,
            2,
            json!({ "name": "Mine" }),
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .get(&format!("/api/v1/saved-searches/{id}"), &other)
        .await;
    assert_eq!(res.status(), 404);
    // stale version
    let res = app
        .patch(
            &format!("/api/v1/saved-searches/{id}"),
            &c.analyst,
            1,
            json!({ "active": false }),
        )
        .await;
    assert_eq!(res.status(), 412);

    // paused: a new matching case is no hit
    let res = app
        .patch(
            &format!("/api/v1/saved-searches/{id}"),
            &c.analyst,
            2,
            json!({ "active": false }),
        )
        .await;
    assert_eq!(res.status(), 200);
    submitted(&app, &c.officer, cocaine(&importer)).await;
    drained(&app).await;
    let rule = ok(app
        .get(&format!("/api/v1/saved-searches/{id}"), &c.analyst)
        .await)
    .await;
    assert_eq!(rule["hits"], 1);

    // audited
    let audited = strings(
        &mut conn,
        "SELECT action AS value FROM audit_events WHERE action LIKE 'saved_search.%' ORDER BY id",
    )
    .await;
    for action in [
        "saved_search.create",
        "saved_search.hit",
        "saved_search.hits_read",
        "saved_search.update",
    ] {
        assert!(audited.iter().any(|a| a == action), "{action}: {audited:?}");
    }

    // bad input
    for (body, field) in [
        (json!({ "name": "", "query": {} }), "name"),
        (
            json!({ "name": "x", "query": { "commodity_group": "plutonium" } }),
            "query.commodity_group",
        ),
        (
            json!({ "name": "x", "query": { "from": "2026-02-01T00:00:00Z", "to": "2026-01-01T00:00:00Z" } }),
            "query.to",
        ),
    ] {
        let problem = assert_problem(
            app.post("/api/v1/saved-searches", &c.analyst, body.clone())
                .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{body}");
    }
    let res = app
        .post(
            "/api/v1/saved-searches",
            &c.analyst,
            json!({ "name": "x", "query": { "colour": "red" } }),
        )
        .await;
    assert_eq!(res.status(), 400);

    // deleted: gone, with its hits
    let delete = |token: String| {
        let url = app.url(&format!("/api/v1/saved-searches/{id}"));
        async move {
            ncen_tests::client()
                .delete(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
    };
    let res = delete(colleague.clone()).await;
    assert_eq!(res.status(), 403);
    let res = delete(c.analyst.clone()).await;
    assert_eq!(res.status(), 204);
    let res = app
        .get(&format!("/api/v1/saved-searches/{id}"), &c.analyst)
        .await;
    assert_eq!(res.status(), 404);
}
