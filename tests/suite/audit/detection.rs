//! What the trail detects beyond the hash chain: refusals, bulk reads of personal data, and
//! tampering that only the signed checkpoints outside the database show.

use super::*;

/// Refusals are audited, once per user, route and minute: probing shows up in the trail.
#[tokio::test]
async fn refusals_are_audited_once_per_user_route_and_minute() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "otis", &["officer"]).await;
    let officer = app.token("otis", &pw).await;
    for _ in 0..3 {
        let res = app.get("/api/v1/users", &officer).await;
        ncen_tests::assert_problem(res, 403, "forbidden").await;
    }
    let res = app.get("/api/v1/audit", &officer).await;
    ncen_tests::assert_problem(res, 403, "forbidden").await;
    // Without a session nothing is known of the caller: a 401, not a refusal.
    let res = app
        .client
        .get(app.url("/api/v1/users"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let me: Value = app.get("/api/v1/me", &admin).await.json().await.unwrap();
    let own = format!("/api/v1/users/{}", me["id"].as_str().unwrap());
    let res = app
        .patch(&own, &admin, 1, json!({ "roles": ["admin", "auditor"] }))
        .await;
    ncen_tests::assert_problem(res, 403, "own_account").await;

    let token = auditor(&app).await;
    let page: Value = app
        .get("/api/v1/audit?action=access.denied", &token)
        .await
        .json()
        .await
        .unwrap();
    let mut rows: Vec<(String, String, String)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["outcome"], "denied");
            (
                e["actor_username"].as_str().unwrap().to_string(),
                e["details"]["route"].as_str().unwrap().to_string(),
                e["details"]["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            (
                "admin".into(),
                "/api/v1/users/{id}".into(),
                "own_account".into()
            ),
            ("otis".into(), "/api/v1/audit".into(), "forbidden".into()),
            ("otis".into(), "/api/v1/users".into(), "forbidden".into()),
        ]
    );
}

/// Paging through the registers' personal data raises an alert in the audit trail once a
/// user has received the threshold's worth of records within the window; list pages per
/// user and minute can be capped.
#[tokio::test]
async fn bulk_reads_of_personal_data_raise_an_alert_and_pages_can_be_capped() {
    let app = TestApp::spawn_with(|s| {
        s.bulk_read_alert_records = 10;
        s.list_pages_per_minute = 4;
    })
    .await;
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "olly", &["officer"]).await;
    let officer = app.token("olly", &pw).await;
    for i in 0..6 {
        let res = app
            .post(
                "/api/v1/persons",
                &officer,
                json!({ "family_name": format!("Bulk{i}") }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    // 6 records: below the threshold.
    let page = app.get("/api/v1/persons?limit=50", &officer).await;
    assert_eq!(page.status(), 200);
    assert!(app.audit_rows("alert.bulk_read").await.is_empty());
    // 12: the alert, once.
    app.get("/api/v1/persons?limit=50", &officer).await;
    app.get("/api/v1/persons?limit=50", &officer).await;
    let alerts = app.audit_rows("alert.bulk_read").await;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].1.as_deref(), Some("olly"));
    let token = auditor(&app).await;
    let page: Value = app
        .get("/api/v1/audit?action=alert.bulk_read", &token)
        .await
        .json()
        .await
        .unwrap();
    assert!(page["items"][0]["details"]["records"].as_i64().unwrap() >= 10);
    assert_eq!(page["items"][0]["details"]["threshold"], 10);
    // The fourth page of the minute is served, the fifth is refused.
    assert_eq!(app.get("/api/v1/seizures", &officer).await.status(), 200);
    let res = app.get("/api/v1/companies", &officer).await;
    assert!(res.headers().get("retry-after").is_some());
    ncen_tests::assert_problem(res, 429, "too_many_requests").await;
}

/// Signs a checkpoint of the chain head as the server does on its schedule.
async fn checkpoint(app: &TestApp) -> i64 {
    let anchor =
        ncen_core::audit::anchor::Anchor::open(&app.audit_key_file, &app.audit_checkpoint_file)
            .unwrap();
    seal_all(&mut app.db.conn().await).await;
    let signed = anchor.checkpoint(&mut app.db.conn().await).await.unwrap();
    signed.map_or(0, |c| c.seq)
}

async fn chain_end(conn: &mut AsyncPgConnection) -> i64 {
    number(conn, "SELECT coalesce(max(seq), 0) AS n FROM audit_chain").await
}

/// Deleting the newest rows leaves a chain that is consistent in itself; the signed
/// checkpoints kept outside the database show it, from the first position after the last
/// checkpoint that still holds.
#[tokio::test]
async fn checkpoints_detect_deleted_newest_rows() {
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let vouched = checkpoint(&app).await;
    assert!(vouched >= 6);
    for _ in 0..2 {
        app.login_with(&client(), "admin", ADMIN_PASSWORD).await;
    }
    let head = checkpoint(&app).await;
    assert!(head > vouched);
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["checkpoints"], 2);

    let mut conn = app.db.conn().await;
    tamper(
        &mut conn,
        &format!(
            "DELETE FROM audit_events WHERE id IN (SELECT event_id FROM audit_chain WHERE seq > {vouched}); \
             DELETE FROM audit_chain WHERE seq > {vouched}"
        ),
    )
    .await;
    // The chain alone still verifies.
    assert!(chain::verify(&mut conn).await.unwrap().ok);
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_broken"]["seq"], vouched + 1, "{report}");
    assert!(report["first_broken"]["reason"]
        .as_str()
        .unwrap()
        .contains("deleted"));
}

/// A chain recomputed from scratch after a row was removed is consistent in itself; the
/// signed checkpoints show it.
#[tokio::test]
async fn checkpoints_detect_a_chain_recomputed_from_scratch() {
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let vouched = checkpoint(&app).await;
    for _ in 0..3 {
        app.login_with(&client(), "admin", ADMIN_PASSWORD).await;
    }
    checkpoint(&app).await;
    let mut conn = app.db.conn().await;
    let hash_at =
        format!("SELECT encode(hash, 'hex') AS value FROM audit_chain WHERE seq = {vouched}");
    let signed = ncen_tests::strings(&mut conn, &hash_at).await;
    // Remove the first event after the vouched position, then rebuild the whole chain.
    tamper(
        &mut conn,
        &format!(
            "DELETE FROM audit_events WHERE id = (SELECT event_id FROM audit_chain WHERE seq = {}); \
             DELETE FROM audit_chain",
            vouched + 1
        ),
    )
    .await;
    seal_all(&mut conn).await;
    let rebuilt = chain::verify(&mut conn).await.unwrap();
    assert!(rebuilt.ok, "the rebuilt chain is consistent in itself");
    assert!(chain_end(&mut conn).await > vouched);
    // The rebuild chains the events in id order; the original chain may have held some of
    // them in commit order, so even the vouched positions can change. The first position
    // reported is the first one after the last checkpoint that still holds.
    let still_holds = ncen_tests::strings(&mut conn, &hash_at).await == signed;
    let expected = if still_holds { vouched + 1 } else { 1 };
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_broken"]["seq"], expected, "{report}");
    // The CLI's library call says the same.
    let key = ncen_core::audit::anchor::verifying_key_of(&app.audit_key_file)
        .unwrap()
        .unwrap();
    let report = chain::verify_anchored(&mut conn, &app.audit_checkpoint_file, &key)
        .await
        .unwrap();
    assert_eq!(report.first_broken.unwrap().seq, expected);
}

/// Checkpoints name the database they were signed for: a checkpoint file that outlived its
/// database (or was pointed at another one) is reported, not taken for the new database's, and
/// new checkpoints of the new database are checked as usual.
#[tokio::test]
async fn checkpoints_of_another_database_are_reported_not_checked() {
    let first = TestApp::spawn().await;
    busy_log(&first).await;
    checkpoint(&first).await;
    let key = ncen_core::audit::anchor::verifying_key_of(&first.audit_key_file)
        .unwrap()
        .unwrap();
    // a second database (as after dropping and recreating it) with the first one's file
    let second = TestApp::spawn().await;
    busy_log(&second).await;
    let mut conn = second.db.conn().await;
    let report = chain::verify_anchored(&mut conn, &first.audit_checkpoint_file, &key)
        .await
        .unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!((report.checkpoints, report.other_databases), (0, 1));
    // the server of the second database appends its own checkpoints to the same file
    let anchor =
        ncen_core::audit::anchor::Anchor::open(&first.audit_key_file, &first.audit_checkpoint_file)
            .unwrap();
    seal_all(&mut conn).await;
    assert!(anchor.checkpoint(&mut conn).await.unwrap().is_some());
    let report = chain::verify_anchored(&mut conn, &first.audit_checkpoint_file, &key)
        .await
        .unwrap();
    assert_eq!(
        (report.ok, report.checkpoints, report.other_databases),
        (true, 1, 1)
    );
    // and a checkpoint whose database was rewritten no longer verifies
    let text = std::fs::read_to_string(&first.audit_checkpoint_file).unwrap();
    let mut lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    lines[0]["database"] = serde_json::json!("0/0");
    let forged: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&first.audit_checkpoint_file, forged.join("\n") + "\n").unwrap();
    let report = chain::verify_anchored(&mut conn, &first.audit_checkpoint_file, &key)
        .await
        .unwrap();
    assert!(!report.ok);
    assert!(report.first_broken.unwrap().reason.contains("signature"));
}
