//! `ncen demo`: the generated data is served by the API like any other — listable,
//! readable, filterable, pictures downloadable — and passes the API's own validation.

use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_core::files::storage::Storage;
use ncen_demo::{generate, Options, DEFAULT_PASSWORD};

mod alerts;
mod companies;
mod exchange;
mod imports;
mod investigations;
mod messages;
mod network;
mod statistics;
use alerts::{demo_alerts, demo_duplicates};
use investigations::demo_investigations;
use ncen_tests::TestApp;
use network::{demo_link_network, demo_saved_search};
use serde_json::{json, Value};
use statistics::demo_statistics;
use std::collections::{HashMap, HashSet};

#[derive(QueryableByName)]
struct CaseOwner {
    #[diesel(sql_type = SqlUuid)]
    id: uuid::Uuid,
    #[diesel(sql_type = Text)]
    officer: String,
    #[diesel(sql_type = Text)]
    supervisor: String,
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = SqlUuid)]
    id: uuid::Uuid,
}

fn options(cases: usize) -> Options {
    Options {
        cases,
        seed: 7,
        as_of: chrono::Utc::now().date_naive(),
        country: "XX".into(),
        password: DEFAULT_PASSWORD.into(),
        max_pictured_cases: 5,
        // a few register records beyond the cases' (the benchmark's national-size path)
        register_persons: 40,
        register_companies: 10,
        partner_keys: Vec::new(),
    }
}

async fn all_cases(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut path = format!("/api/v1/seizures?limit=50{query}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let res = app.get(&path, token).await;
        assert_eq!(res.status(), 200, "{path}");
        let page: Value = res.json().await.unwrap();
        out.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return out,
        }
    }
}

#[tokio::test]
async fn the_demo_fills_a_database_that_the_api_serves_and_accepts() {
    let dir = std::env::temp_dir().join(format!("ncen-demo-{}", uuid::Uuid::new_v4().simple()));
    let store_url = dir.to_string_lossy().into_owned();
    let app = TestApp::spawn_with(|s| s.storage_url = store_url.clone()).await;
    let storage = Storage::from_url(&store_url).unwrap();
    let report = generate(&app.db.url(), &storage, &options(80))
        .await
        .unwrap();
    assert_eq!(report.cases, 80);
    assert!(report.goods >= 120, "{report:?}");
    assert!(
        report.persons >= 100 && report.companies >= 20,
        "{report:?}"
    );
    assert!(report.attachments >= 5, "{report:?}");

    // Idempotence: a second run is refused and adds nothing.
    let again = generate(&app.db.url(), &storage, &options(10)).await;
    assert!(format!("{:#}", again.err().unwrap()).contains("already holds demo data"));
    assert_eq!(app.audit_rows("demo.generate").await.len(), 1);

    messages::demo_messages(&app, &report).await;
    demo_alerts(&app, &report).await;
    demo_duplicates(&app).await;
    demo_investigations(&app, &report).await;
    companies::demo_companies(&app).await;
    demo_statistics(&app).await;
    demo_link_network(&app).await;
    demo_saved_search(&app).await;
    exchange::demo_exchange(&app, &report).await;
    imports::demo_imports(&app, &report).await;

    // An analyst lists every case but the drafts (they stay with their unit until
    // submitted); references follow <country>-<year>-<sequence>.
    let mut conn = app.db.conn().await;
    let drafts: usize = ncen_tests::strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM seizure_cases WHERE status = 'draft'",
    )
    .await[0]
        .parse()
        .unwrap();
    drop(conn);
    assert!(drafts > 0, "the demo has drafts in progress");
    // the generated cases, the one recorded through the API that hits an alert, and the
    // seven of Paris-CDG's weekly spreadsheet (imported as drafts)
    let total = 80 + 1 + 7;
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let cases = all_cases(&app, &analyst, "").await;
    assert_eq!(cases.len(), total - drafts);
    let references: HashSet<&str> = cases
        .iter()
        .map(|c| c["reference"].as_str().unwrap())
        .collect();
    assert_eq!(references.len(), total - drafts);
    for r in &references {
        let parts: Vec<&str> = r.split('-').collect();
        assert!(
            parts.len() == 3 && parts[0] == "XX" && parts[1].len() == 4 && parts[2].len() == 6,
            "{r}"
        );
    }
    let statuses: HashSet<&str> = cases
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains("validated") && statuses.len() >= 2,
        "{statuses:?}"
    );

    // The persons recorded in their own script are found from a Latin name typed at a desk,
    // and the person recorded twice is offered as a duplicate of itself.
    let res = app
        .post(
            "/api/v1/screening",
            &analyst,
            json!({ "person": { "name": "Abdelkader Bensaleh", "date_of_birth": "1979" } }),
        )
        .await;
    let found: Value = res.json().await.unwrap();
    // (the passenger recorded at Paris-CDG under the Latin spelling is a hit too)
    let arabic = found["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["label"] == "بن صالح, عبد القادر (1979-11-07)")
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(arabic["band"], "hit");
    assert_eq!(
        found["alerts"][0]["requested_action"], "discreet_check",
        "{found}"
    );
    let res = app
        .post(
            "/api/v1/screening",
            &analyst,
            json!({ "person": { "name": "Chinedu Okonkwo" } }),
        )
        .await;
    let found: Value = res.json().await.unwrap();
    let labels: Vec<&str> = found["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["band"] == "hit")
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"OKONKWO, Chinedu (1982-05-14)")
            && labels.contains(&"OKONKOW, Chinedu (1982-05-14)"),
        "{found}"
    );

    // Every demo record's history starts with its registration, holding the values the API
    // shows (as the API itself writes a creation).
    for register in ["persons", "companies", "conveyances"] {
        let page: Value = app
            .get(&format!("/api/v1/{register}?limit=5"), &analyst)
            .await
            .json()
            .await
            .unwrap();
        for record in page["items"].as_array().unwrap() {
            let path = format!(
                "/api/v1/{register}/{}/history",
                record["id"].as_str().unwrap()
            );
            let history: Value = app.get(&path, &analyst).await.json().await.unwrap();
            let created = &history["items"][0];
            assert_eq!(created["action"], "create", "{history}");
            assert!(created["actor_username"].is_string(), "{history}");
            let changes = created["changes"].as_object().unwrap();
            assert!(changes.len() >= 2, "{history}");
            for (field, change) in changes {
                assert_eq!(change["old"], Value::Null);
                assert_eq!(change["new"], record[field], "{register}.{field}");
            }
        }
    }

    // Every commodity group has cases, and the filters find exactly them.
    for group in [
        "drugs",
        "tobacco",
        "alcohol",
        "currency",
        "ipr",
        "medicines",
        "weapons",
        "strategic_goods",
        "nuclear",
        "precursors",
        "wildlife",
        "timber",
        "hazardous_waste",
        "cultural_heritage",
        "other_fraud",
    ] {
        let found = all_cases(&app, &analyst, &format!("&commodity_group={group}")).await;
        let mut conn = app.db.conn().await;
        let counts = ncen_tests::strings(
            &mut conn,
            &format!(
                "SELECT count(DISTINCT c.id)::text || '/' || count(DISTINCT c.id) FILTER (WHERE c.status <> 'draft')::text AS value
                   FROM seizure_cases c JOIN seizure_goods g ON g.case_id = c.id
                  WHERE g.commodity_group = '{group}'"
            ),
        )
        .await;
        let (all, visible) = counts[0].split_once('/').unwrap();
        assert!(all != "0", "no {group} case");
        assert_eq!(
            found.len().to_string(),
            visible,
            "{group}: every non-draft case, no other"
        );
        for c in &found {
            let groups: Vec<&str> = c["commodity_groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g.as_str().unwrap())
                .collect();
            assert!(
                groups.contains(&group),
                "{group} filter returned {groups:?}"
            );
        }
    }
    let validated_here = all_cases(&app, &analyst, "&route_country=FR&status=validated").await;
    assert!(!validated_here.is_empty());
    assert!(validated_here.iter().all(|c| c["status"] == "validated"));
    let by_xray = all_cases(&app, &analyst, "&detection_method=xray_nii").await;
    assert!(by_xray.iter().all(|c| c["detection_methods"]
        .as_array()
        .unwrap()
        .contains(&json!("xray_nii"))));

    // The whole case reads back with goods, route and links.
    let first = cases.iter().find(|c| c["kind"] == "seizure").unwrap();
    let res = app
        .get(
            &format!("/api/v1/seizures/{}", first["id"].as_str().unwrap()),
            &analyst,
        )
        .await;
    assert_eq!(res.status(), 200);
    let case: Value = res.json().await.unwrap();
    assert!(!case["goods"].as_array().unwrap().is_empty());
    assert!(case["route"].as_array().unwrap().len() >= 2);
    assert!(
        !case["persons"].as_array().unwrap().is_empty()
            || !case["companies"].as_array().unwrap().is_empty()
    );
    assert!(!case["conveyances"].as_array().unwrap().is_empty());

    // The list filters' copies of route countries and conveyance types, written by the
    // generator itself, equal what the API derives from the children (sorted, distinct).
    let mut conn = app.db.conn().await;
    let stale: Vec<IdRow> = diesel::sql_query(
        r#"SELECT c.id FROM seizure_cases c
            WHERE c.route_countries IS DISTINCT FROM coalesce((
                    SELECT array_agg(DISTINCT l.country COLLATE "C" ORDER BY l.country COLLATE "C")
                      FROM seizure_route_legs l WHERE l.case_id = c.id), '{}')
               OR c.conveyance_types IS DISTINCT FROM coalesce((
                    SELECT array_agg(DISTINCT v.conveyance_type COLLATE "C" ORDER BY v.conveyance_type COLLATE "C")
                      FROM seizure_case_conveyances l JOIN conveyances v ON v.id = l.conveyance_id
                     WHERE l.case_id = c.id), '{}')"#,
    )
    .load(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        stale.iter().map(|r| r.id).collect::<Vec<_>>(),
        Vec::<uuid::Uuid>::new()
    );
    drop(conn);

    // Every case passes the API's own validation: each is saved unchanged (an empty merge
    // patch re-checks every field, code, check digit and link) by its unit — validated and
    // submitted ones after a supervisor reopens them.
    let mut conn = app.db.conn().await;
    let owners: Vec<CaseOwner> = diesel::sql_query(
        "SELECT c.id, o.username AS officer, \
                (SELECT s.username FROM users s WHERE s.unit_id = c.reporting_unit_id AND 'supervisor' = ANY (s.roles) LIMIT 1) AS supervisor \
           FROM seizure_cases c JOIN users o ON o.id = c.reporting_officer_id",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let mut tokens: HashMap<String, String> = HashMap::new();
    for owner in &owners {
        for u in [&owner.officer, &owner.supervisor] {
            if !tokens.contains_key(u) {
                tokens.insert(u.clone(), app.token(u, DEFAULT_PASSWORD).await);
            }
        }
        let path = format!("/api/v1/seizures/{}", owner.id);
        let case: Value = app
            .get(&path, &tokens[&owner.supervisor])
            .await
            .json()
            .await
            .unwrap();
        let mut version = case["version"].as_i64().unwrap();
        if case["status"] != "draft" {
            let action = if case["status"] == "submitted" {
                "return"
            } else {
                "reopen"
            };
            let res = app
                .client
                .post(app.url(&format!("{path}/{action}")))
                .bearer_auth(&tokens[&owner.supervisor])
                .header("If-Match", format!("\"{version}\""))
                .json(&json!({ "reason": "demo check" }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{action} {}", case["reference"]);
            version += 1;
        }
        let res = app
            .patch(&path, &tokens[&owner.officer], version, json!({}))
            .await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert_eq!(
            status, 200,
            "{} does not pass validation: {body}",
            case["reference"]
        );
    }

    // A picture downloads with its content type, and its thumbnail too, for someone who
    // may see its case (an officer of the recording unit: the case may be a draft).
    let row = ncen_tests::strings(
        &mut conn,
        "SELECT a.id::text || ' ' || u.username AS value
           FROM seizure_attachments a JOIN seizure_cases c ON c.id = a.case_id
           JOIN users u ON u.unit_id = c.reporting_unit_id AND 'officer' = ANY (u.roles)
          ORDER BY a.id, u.username LIMIT 1",
    )
    .await;
    let (attachment, viewer) = row[0].split_once(' ').unwrap();
    let viewer = app.token(viewer, DEFAULT_PASSWORD).await;
    let res = app
        .get(
            &format!("/api/v1/attachments/{attachment}/content"),
            &viewer,
        )
        .await;
    assert_eq!(res.status(), 200);
    let media = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(media == "image/jpeg" || media == "image/png", "{media}");
    let bytes = res.bytes().await.unwrap();
    assert!(image::load_from_memory(&bytes).is_ok());
    let res = app
        .get(
            &format!("/api/v1/attachments/{attachment}/thumbnail"),
            &viewer,
        )
        .await;
    assert_eq!(res.status(), 200);

    // Cases created through the API afterwards continue the reference sequence.
    let officer = tokens.get(&owners[0].officer).unwrap();
    let res = app
        .post(
            "/api/v1/seizures",
            officer,
            json!({ "kind": "offence", "detected_at": chrono::Utc::now() - chrono::Duration::hours(1), "place": "Office" }),
        )
        .await;
    let status = res.status();
    let created: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{created}");
    assert!(!references.contains(created["reference"].as_str().unwrap()));
    let _ = std::fs::remove_dir_all(&dir);
}
