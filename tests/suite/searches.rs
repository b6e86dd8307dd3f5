//! Saved searches that alert: a rule is checked against every case saved afterwards (as its
//! owner would list cases: another unit's drafts never match), each new match is one hit and
//! one notification, never twice for a case; sharing with the unit, pausing, the owner's
//! rights, audit rows and bad input.

use crate::alerts::ok;
use crate::seizures::{company, create, crew, full_case, new_unit, submitted, user_in};
use ncen_tests::{assert_problem, strings, TestApp};
use serde_json::{json, Value};

/// Every queued case and record checked: drained here, and waited for while the server's own
/// worker holds a batch (claimed rows are skipped, and stay queued until its commit).
async fn drained(app: &TestApp) {
    let mut conn = app.db.conn().await;
    for _ in 0..200 {
        ncen_core::searches::worker::drain(&mut conn, ncen_core::screening::Thresholds::default())
            .await
            .unwrap();
        let queued = strings(
            &mut conn,
            "SELECT ((SELECT count(*) FROM saved_search_queue)
                   + (SELECT count(*) FROM saved_search_record_queue))::text AS value",
        )
        .await;
        if queued.first().map(String::as_str) == Some("0") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the saved-search queues did not empty");
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
    // filters no list has, or another list's: refused as not the target's
    for body in [
        json!({ "name": "x", "query": { "colour": "red" } }),
        json!({ "name": "x", "query": { "born": "1984" } }),
        json!({ "name": "x", "target": "companies", "query": { "commodity_group": "cocaine" } }),
    ] {
        let problem = assert_problem(
            app.post("/api/v1/saved-searches", &c.analyst, body.clone())
                .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "query", "{body}");
        assert_eq!(problem["errors"][0]["code"], "not_for_target", "{body}");
    }
    let res = app
        .post(
            "/api/v1/saved-searches",
            &c.analyst,
            json!({ "name": "x", "target": "vessels", "query": {} }),
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

async fn register(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let res = app.post(path, token, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

async fn hit_labels(app: &TestApp, token: &str, id: &str) -> (i64, Vec<(String, String)>) {
    let hits = ok(app
        .get(&format!("/api/v1/saved-searches/{id}/hits"), token)
        .await)
    .await;
    let items = hits["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert!(h.get("case").is_none(), "{h}");
            (
                h["record"]["id"].as_str().unwrap().to_string(),
                h["record"]["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (hits["total"].as_i64().unwrap(), items)
}

#[tokio::test]
async fn register_searches_alert_on_records_registered_or_corrected_after_them() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let save = |target: &str, query: Value| {
        let body = json!({ "name": format!("{target} rule"), "target": target, "query": query });
        let app = &app;
        let token = c.analyst.clone();
        async move {
            let res = app.post("/api/v1/saved-searches", &token, body).await;
            assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
            let v: Value = res.json().await.unwrap();
            v
        }
    };
    // a record that already matches is no hit: a rule alerts on what enters after it
    let banano = register(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "Banano Export SA", "country": "EC" }),
    )
    .await;
    drained(&app).await;
    let companies = save("companies", json!({ "country": "EC" })).await;
    // nor is one queued before the rule but checked after it (the worker under load): the
    // queue's time, not the check's, says whether it came after the rule
    let queued = strings(
        &mut app.db.conn().await,
        &format!(
            "INSERT INTO saved_search_record_queue (target, record_id, queued_at) \
             VALUES ('companies', '{}', now() - interval '1 minute') RETURNING 'queued' AS value",
            banano["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(queued, ["queued"]);
    drained(&app).await;
    assert_eq!(companies["target"], "companies");
    assert_eq!(companies["query"], json!({ "country": "EC" }));
    let persons = save("persons", json!({ "nationality": "NG", "born": "1984" })).await;
    let conveyances = save(
        "conveyances",
        json!({ "conveyance_type": "truck", "q": "MX" }),
    )
    .await;
    let id = |v: &Value| v["id"].as_str().unwrap().to_string();

    let quito = register(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "Quito Frutas Cia Ltda", "country": "EC" }),
    )
    .await;
    register(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "Lisboa Trading Lda", "country": "PT" }),
    )
    .await;
    let okafor = register(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({ "family_name": "Okafor", "given_names": "Chinedu", "nationalities": ["NG"], "date_of_birth": "1984-03-12" }),
    )
    .await;
    register(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({ "family_name": "Mensah", "nationalities": ["GH"], "date_of_birth": "1984-05-01" }),
    )
    .await;
    let truck = register(
        &app,
        &c.officer,
        "/api/v1/conveyances",
        json!({ "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "MX4410" }),
    )
    .await;
    drained(&app).await;

    let (total, items) = hit_labels(&app, &c.analyst, &id(&companies)).await;
    assert_eq!(total, 1);
    assert_eq!(items[0].0, quito["id"].as_str().unwrap());
    assert!(items[0].1.contains("Quito Frutas"), "{items:?}");
    let (total, items) = hit_labels(&app, &c.analyst, &id(&persons)).await;
    assert_eq!(total, 1);
    assert_eq!(items[0].0, okafor["id"].as_str().unwrap());
    assert!(items[0].1.starts_with("OKAFOR"), "{items:?}");
    let (total, items) = hit_labels(&app, &c.analyst, &id(&conveyances)).await;
    assert_eq!(total, 1);
    assert_eq!(items[0].0, truck["id"].as_str().unwrap());

    // against the lists: what the company list shows with the same filter, less what was
    // there before the rule
    let listed = ok(app.get("/api/v1/companies?country=EC", &c.analyst).await).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 2);

    // notified once each, with the record's label
    let mut conn = app.db.conn().await;
    let notices = strings(
        &mut conn,
        "SELECT n.title || ' ' || n.link AS value FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = 'ana' AND n.kind = 'search_hit' ORDER BY n.created_at",
    )
    .await;
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert!(notices
        .iter()
        .any(|n| n.contains("companies rule") && n.contains("Quito Frutas")));

    // a correction that makes a record match is a hit; corrected again, still one hit
    let lisboa = ok(app.get("/api/v1/companies?country=PT", &c.analyst).await).await;
    let lisboa_id = lisboa["items"][0]["id"].as_str().unwrap().to_string();
    let res = app
        .patch(
            &format!("/api/v1/companies/{lisboa_id}"),
            &c.officer,
            1,
            json!({ "country": "EC" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    drained(&app).await;
    let res = app
        .patch(
            &format!("/api/v1/companies/{lisboa_id}"),
            &c.officer,
            2,
            json!({ "notes": "banana boats" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    drained(&app).await;
    let (total, _) = hit_labels(&app, &c.analyst, &id(&companies)).await;
    assert_eq!(total, 2);
    let rule = ok(app
        .get(
            &format!("/api/v1/saved-searches/{}", id(&companies)),
            &c.analyst,
        )
        .await)
    .await;
    assert_eq!(rule["hits"], 2);

    // a change to the rule's filters is checked as its list checks them
    let problem = assert_problem(
        app.patch(
            &format!("/api/v1/saved-searches/{}", id(&persons)),
            &c.analyst,
            1,
            json!({ "query": { "nationality": "ZZ" } }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "query.nationality");
    let problem = assert_problem(
        app.patch(
            &format!("/api/v1/saved-searches/{}", id(&persons)),
            &c.analyst,
            1,
            json!({ "query": { "commodity_type": "cocaine" } }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "not_for_target");

    // an administrator (no case or register reading) keeps no rule
    let admin_rule = app
        .post(
            "/api/v1/saved-searches",
            &c.admin,
            json!({ "name": "x", "target": "persons", "query": {} }),
        )
        .await;
    assert_eq!(admin_rule.status(), 403);

    // audited: the hit with its records, the hits read with the ids shown
    let audited = strings(
        &mut conn,
        "SELECT details->>'target' AS value FROM audit_events
          WHERE action IN ('saved_search.hit', 'saved_search.hits_read') ORDER BY id",
    )
    .await;
    for target in ["companies", "persons", "conveyances"] {
        assert!(audited.iter().any(|a| a == target), "{target}: {audited:?}");
    }
}
