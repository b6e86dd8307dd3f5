//! The audit trail: rows written with the action, append-only, and tampering detected.

use diesel_async::{AsyncPgConnection, SimpleAsyncConnection};
use ncen::audit::chain;
use ncen_tests::{assert_problem, client, TestApp, ADMIN_PASSWORD};
use serde_json::{json, Value};

async fn auditor(app: &TestApp) -> String {
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "audrey", &["auditor"]).await;
    app.token("audrey", &pw).await
}

async fn verify(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/audit/verify", token).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Changes the log behind the application's back, as a superuser with triggers off.
async fn tamper(conn: &mut AsyncPgConnection, sql: &str) {
    conn.batch_execute(&format!(
        "SET session_replication_role = replica; {sql}; SET session_replication_role = origin;"
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn sign_ins_and_changes_are_recorded_with_who_what_where() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.login_with(&client(), "admin", "wrong-password-x")
            .await
            .status(),
        401
    );
    let admin = app.admin_token().await;
    let (user_id, _) = app.create_user(&admin, "ivan", &["investigator"]).await;
    let token = auditor(&app).await;

    let page: Value = app
        .get("/api/v1/audit?action=auth.login&limit=10", &token)
        .await
        .json()
        .await
        .unwrap();
    let items = page["items"].as_array().unwrap();
    assert!(items.iter().any(|e| e["outcome"] == "failure"
        && e["actor_username"] == "admin"
        && e["actor_id"].is_null()));
    let ok = items.iter().find(|e| e["outcome"] == "success").unwrap();
    assert_eq!(ok["ip"], "127.0.0.1");
    assert!(ok["request_id"].is_string());
    assert!(ok["actor_id"].is_string());

    let page: Value = app
        .get(
            &format!("/api/v1/audit?object_type=user&object_id={user_id}"),
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    let create = &page["items"][0];
    assert_eq!(create["action"], "user.create");
    assert_eq!(create["actor_username"], "admin");
    assert_eq!(create["details"]["username"], "ivan");

    // Filters by actor and action prefix, and newest-first keyset pagination.
    let page: Value = app
        .get("/api/v1/audit?actor=admin&action=auth.&limit=2", &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let cursor = page["next_cursor"].as_str().unwrap();
    let next: Value = app
        .get(
            &format!("/api/v1/audit?actor=admin&action=auth.&limit=2&cursor={cursor}"),
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(next["items"][0]["id"].as_i64().unwrap() < page["items"][1]["id"].as_i64().unwrap());
    let from = chrono::Utc::now() + chrono::Duration::hours(1);
    let empty: Value = app
        .get(
            &format!(
                "/api/v1/audit?from={}",
                from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
            &token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(empty["items"], json!([]));
    assert_problem(
        app.get("/api/v1/audit?outcome=maybe", &token).await,
        422,
        "validation_failed",
    )
    .await;

    // Reading the audit trail is itself audited.
    assert!(!app.audit_rows("audit.read").await.is_empty());
}

#[tokio::test]
async fn the_log_refuses_update_delete_and_truncate() {
    let app = TestApp::spawn().await;
    app.admin_token().await;
    let mut conn = app.db.conn().await;
    for sql in [
        "UPDATE audit_events SET action = 'x'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events CASCADE",
    ] {
        let err = conn.batch_execute(sql).await.unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    chain::seal(&mut conn, chain::Horizon::All).await.unwrap();
    for sql in [
        "UPDATE audit_chain SET hash = '\\x00'",
        "DELETE FROM audit_chain",
    ] {
        let err = conn.batch_execute(sql).await.unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
}

async fn busy_log(app: &TestApp) -> String {
    let token = auditor(app).await;
    for _ in 0..3 {
        app.login_with(&client(), "admin", ADMIN_PASSWORD).await;
    }
    let report = verify(app, &token).await;
    assert_eq!(report["ok"], true, "{report}");
    assert!(report["checked"].as_i64().unwrap() >= 6);
    token
}

#[tokio::test]
async fn verify_detects_an_altered_row() {
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let mut conn = app.db.conn().await;
    tamper(&mut conn, "UPDATE audit_events SET actor_username = 'someone-else' WHERE id = (SELECT event_id FROM audit_chain WHERE seq = 3)").await;
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_broken"]["seq"], 3);
}

#[tokio::test]
async fn verify_detects_a_deleted_row() {
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let mut conn = app.db.conn().await;
    // Remove both the event and its chain link: the gap in the chain gives it away.
    tamper(&mut conn, "DELETE FROM audit_events WHERE id = (SELECT event_id FROM audit_chain WHERE seq = 4); DELETE FROM audit_chain WHERE seq = 4").await;
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_broken"]["seq"], 4);

    // Deleting only the event is caught as well.
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let mut conn = app.db.conn().await;
    tamper(
        &mut conn,
        "DELETE FROM audit_events WHERE id = (SELECT event_id FROM audit_chain WHERE seq = 2)",
    )
    .await;
    let report = verify(&app, &token).await;
    assert_eq!(report["first_broken"]["seq"], 2);
    assert!(report["first_broken"]["reason"]
        .as_str()
        .unwrap()
        .contains("deleted"));
}

#[tokio::test]
async fn verify_detects_reordered_rows() {
    let app = TestApp::spawn().await;
    let token = busy_log(&app).await;
    let mut conn = app.db.conn().await;
    // Swap which events positions 2 and 3 point at.
    tamper(
        &mut conn,
        "UPDATE audit_chain SET event_id = -event_id WHERE seq IN (2, 3); \
         UPDATE audit_chain c SET event_id = (SELECT -event_id FROM audit_chain WHERE seq = 5 - c.seq) WHERE seq IN (2, 3)",
    )
    .await;
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_broken"]["seq"], 2);
}

#[tokio::test]
async fn concurrent_writers_all_end_up_in_one_valid_chain() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let unit = app.root_unit(&admin).await;
    let mut tasks = Vec::new();
    for i in 0..24 {
        let c = app.client.clone();
        let url = app.url("/api/v1/units");
        let admin = admin.clone();
        let unit = unit.clone();
        tasks.push(tokio::spawn(async move {
            c.post(url).bearer_auth(admin).json(&json!({ "code": format!("C{i}"), "name": format!("Unit {i}"), "parent_id": unit })).send().await.unwrap().status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 201);
    }
    let token = auditor(&app).await;
    let report = verify(&app, &token).await;
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["pending"], 0);
    assert_eq!(app.audit_rows("unit.create").await.len(), 24);
}

#[tokio::test]
async fn the_library_verify_used_by_the_cli_reports_the_same() {
    let app = TestApp::spawn().await;
    busy_log(&app).await;
    let mut conn = app.db.conn().await;
    assert!(chain::verify(&mut conn).await.unwrap().ok);
    tamper(&mut conn, "UPDATE audit_events SET details = '{\"forged\": true}' WHERE id = (SELECT event_id FROM audit_chain WHERE seq = 1)").await;
    let report = chain::verify(&mut conn).await.unwrap();
    assert!(!report.ok);
    assert_eq!(report.first_broken.unwrap().seq, 1);
}
