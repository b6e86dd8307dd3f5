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
mod investigations;
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

    demo_messages(&app, &report).await;
    demo_alerts(&app, &report).await;
    demo_duplicates(&app).await;
    demo_investigations(&app, &report).await;
    companies::demo_companies(&app).await;
    demo_statistics(&app).await;
    demo_link_network(&app).await;
    demo_saved_search(&app).await;
    exchange::demo_exchange(&app, &report).await;

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
    // the generated cases, and the one recorded through the API that hits an alert
    let total = 80 + 1;
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

/// The demo's messages: written through the messaging service (warnings, most with
/// feedback, some overdue; seizure messages carrying their case; discussions), spread over
/// the weeks before the demo's end in the order of each thread, and leaving every sample user
/// unread threads and notifications.
async fn demo_messages(app: &TestApp, report: &ncen_demo::Report) {
    assert!(
        report.threads >= 20 && report.messages > report.threads,
        "{report:?}"
    );
    let mut conn = app.db.conn().await;
    let counted = ncen_tests::strings(
        &mut conn,
        "SELECT (SELECT count(*) FROM message_threads)::text || '/' || (SELECT count(*) FROM messages)::text AS value",
    )
    .await;
    assert_eq!(
        counted[0],
        format!("{}/{}", report.threads, report.messages)
    );
    let kinds: HashMap<String, usize> = ncen_tests::strings(
        &mut conn,
        "SELECT kind || ' ' || count(*) AS value FROM message_threads GROUP BY kind",
    )
    .await
    .iter()
    .map(|r| {
        let (kind, n) = r.split_once(' ').unwrap();
        (kind.to_string(), n.parse().unwrap())
    })
    .collect();
    for kind in ["general", "warning", "feedback", "seizure"] {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} thread: {kinds:?}"
        );
    }
    let answered = ncen_tests::strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM message_threads w WHERE w.kind = 'warning' \
           AND EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = w.id)",
    )
    .await;
    assert_ne!(answered[0], "0", "no warning has feedback");

    // Times: over weeks, never in the future; each thread of the story (not the investigations'
    // threads, written live) starts with its first message and
    // moves with its last (in every participant row too); reads follow what they read, and a
    // read mark covers only messages with a receipt; deadlines agree with the template.
    // Every placeholder of the texts is filled; some messages are in French.
    let times = ncen_tests::strings(
        &mut conn,
        "SELECT (max(sent_at) - min(sent_at) > interval '14 days' AND max(sent_at) <= now())::text \
           || ' ' || (SELECT count(*) FROM message_threads t \
                       WHERE t.investigation_id IS NULL AND (t.created_at <> (SELECT min(sent_at) FROM messages m WHERE m.thread_id = t.id) \
                          OR t.last_message_at <> (SELECT max(sent_at) FROM messages m WHERE m.thread_id = t.id) \
                          OR (t.kind = 'warning' AND (t.fields->'warning'->>'feedback_due')::timestamptz <> t.feedback_due) \
                          OR EXISTS (SELECT 1 FROM thread_participants p \
                                      WHERE p.thread_id = t.id AND p.last_message_at <> t.last_message_at)))::text \
           || ' ' || (SELECT count(*) FROM thread_reads r JOIN messages m ON m.thread_id = r.thread_id \
                       WHERE m.sender_id <> r.user_id AND m.sent_at <= r.read_up_to \
                         AND NOT EXISTS (SELECT 1 FROM message_reads x \
                                          WHERE x.message_id = m.id AND x.user_id = r.user_id))::text \
           || ' ' || (SELECT count(*) FROM message_reads r JOIN messages m ON m.id = r.message_id \
                       WHERE r.read_at < m.sent_at)::text \
           || ' ' || (SELECT count(*) FROM notifications n WHERE n.created_at > now() OR n.read_at < n.created_at)::text \
           || ' ' || (SELECT count(*) FROM messages m JOIN message_threads t ON t.id = m.thread_id \
                       WHERE m.body ~ '[{][a-z_]+[}]' OR t.subject ~ '[{][a-z_]+[}]')::text \
           || ' ' || (SELECT count(*) FROM messages WHERE body LIKE '%é%')::text AS value FROM messages",
    )
    .await;
    let times: Vec<&str> = times[0].split(' ').collect();
    assert_eq!(&times[..6], ["true", "0", "0", "0", "0", "0"], "{times:?}");
    assert_ne!(times[6], "0", "no message in French");

    // A warning past its deadline without feedback: overdue in its author's list, and the
    // overdue watcher tells the author.
    let author = ncen_tests::strings(
        &mut conn,
        "SELECT u.username AS value FROM message_threads t JOIN users u ON u.id = t.created_by \
          WHERE t.kind = 'warning' AND t.feedback_due < now() \
            AND NOT EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = t.id) \
          ORDER BY t.feedback_due LIMIT 1",
    )
    .await;
    assert_eq!(author.len(), 1, "no overdue warning");
    let author = app.token(&author[0], DEFAULT_PASSWORD).await;
    let page: Value = app
        .get("/api/v1/threads?overdue=true", &author)
        .await
        .json()
        .await
        .unwrap();
    let overdue = page["items"].as_array().unwrap();
    assert!(
        !overdue.is_empty()
            && overdue
                .iter()
                .all(|t| t["overdue"] == true && (t["kind"] == "warning" || t["kind"] == "request")),
        "{page}"
    );
    ncen_core::messaging::live::overdue_pass(&mut conn)
        .await
        .unwrap();
    let notes: Value = app
        .get("/api/v1/notifications?unread=true&limit=200", &author)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        notes["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "feedback_overdue"),
        "{notes}"
    );

    // Seizure messages carry the summary of a case that exists; a seized feedback names a
    // case its sender may see.
    let seizures = ncen_tests::strings(
        &mut conn,
        "SELECT t.id::text || ' ' || u.username || ' ' || c.reference AS value \
           FROM message_threads t JOIN users u ON u.id = t.created_by \
           LEFT JOIN seizure_cases c ON c.id = t.case_id \
          WHERE t.kind = 'seizure' ORDER BY t.created_at",
    )
    .await;
    assert!(!seizures.is_empty());
    assert_eq!(
        seizures.len(),
        kinds["seizure"],
        "a seizure message without its case"
    );
    let (thread, rest) = seizures[0].split_once(' ').unwrap();
    let (sender, reference) = rest.split_once(' ').unwrap();
    let token = app.token(sender, DEFAULT_PASSWORD).await;
    let detail: Value = app
        .get(&format!("/api/v1/threads/{thread}"), &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["seizure"]["reference"], reference, "{detail}");
    assert!(!detail["messages"].as_array().unwrap().is_empty());
    let seized = ncen_tests::strings(
        &mut conn,
        "SELECT u.username || ' ' || f.case_id::text AS value FROM message_threads f \
           JOIN users u ON u.id = f.created_by WHERE f.kind = 'feedback' AND f.outcome = 'seized'",
    )
    .await;
    for row in &seized {
        let (sender, case) = row.split_once(' ').unwrap();
        let token = app.token(sender, DEFAULT_PASSWORD).await;
        let res = app.get(&format!("/api/v1/seizures/{case}"), &token).await;
        assert_eq!(
            res.status(),
            200,
            "{sender} cannot see the case of their feedback"
        );
    }
    drop(conn);

    // Every sample user who signs in finds unread threads and notifications.
    for (username, _) in &report.sample_users {
        let token = app.token(username, DEFAULT_PASSWORD).await;
        let threads: Value = app
            .get("/api/v1/threads?unread=true", &token)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            threads["unread_total"].as_i64().unwrap() > 0,
            "{username}: {threads}"
        );
        let notes: Value = app
            .get("/api/v1/notifications?unread=true", &token)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            notes["unread_total"].as_i64().unwrap() > 0,
            "{username}: {notes}"
        );
    }
}
