//! The audit trail: rows written with the action, append-only, and tampering detected.

use diesel_async::{AsyncPgConnection, SimpleAsyncConnection};
use ncen_core::audit::chain::{self, SEALER_LOCK_KEY};
use ncen_tests::{assert_problem, client, TestApp, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

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
    // Under the sealer's lock: a periodic pass reading the chain's end while the rows go
    // would chain onto what was just deleted, which is not the tampering under test.
    conn.batch_execute(&format!(
        "BEGIN; SELECT pg_advisory_xact_lock({}); SET LOCAL session_replication_role = replica; \
         {sql}; COMMIT;",
        chain::SEALER_LOCK_KEY
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
    lock_out_the_sealer(&app, &mut conn).await;
    for sql in [
        "UPDATE audit_events SET action = 'x'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events CASCADE",
    ] {
        let err = conn.batch_execute(sql).await.unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    let_the_sealer_in(&mut conn).await;
    seal_all(&mut conn).await;
    assert!(number(&mut conn, "SELECT count(*) AS n FROM audit_chain").await > 0);
    lock_out_the_sealer(&app, &mut conn).await;
    for sql in [
        "UPDATE audit_chain SET hash = '\\x00'",
        "DELETE FROM audit_chain",
    ] {
        let err = conn.batch_execute(sql).await.unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    let_the_sealer_in(&mut conn).await;
}

/// Keeps every sealer (the periodic one included) out while `conn` holds its lock: waits for
/// a pass under way to end, then checks that sealing from elsewhere does nothing. A pass locks
/// `audit_chain` then `audit_events`; `TRUNCATE audit_events CASCADE` locks them the other way
/// round, and PostgreSQL would end one of the two as a deadlock.
async fn lock_out_the_sealer(app: &TestApp, conn: &mut AsyncPgConnection) {
    conn.batch_execute(&format!(
        "SELECT pg_advisory_lock({SEALER_LOCK_KEY});
         INSERT INTO audit_events (action, outcome) VALUES ('test.unsealed', 'success')"
    ))
    .await
    .unwrap();
    // The periodic sealer's pass only tries the lock (`verify`'s would wait for it).
    let sealed = chain::seal(&mut app.db.conn().await, chain::Horizon::Recent)
        .await
        .unwrap();
    let unsealed = number(conn, UNCHAINED).await;
    assert!(
        sealed == 0 && unsealed > 0,
        "the sealer's lock key is no longer {SEALER_LOCK_KEY:#x}"
    );
}

async fn let_the_sealer_in(conn: &mut AsyncPgConnection) {
    conn.batch_execute(&format!("SELECT pg_advisory_unlock({SEALER_LOCK_KEY})"))
        .await
        .unwrap();
}

/// At least six events, all chained (whatever the periodic sealer was doing), and verified.
async fn busy_log(app: &TestApp) -> String {
    let token = auditor(app).await;
    for _ in 0..3 {
        app.login_with(&client(), "admin", ADMIN_PASSWORD).await;
    }
    seal_all(&mut app.db.conn().await).await;
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
    seal_all(&mut app.db.conn().await).await;
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

#[derive(diesel::QueryableByName)]
struct Number {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn number(conn: &mut AsyncPgConnection, sql: &str) -> i64 {
    use diesel_async::RunQueryDsl;
    diesel::sql_query(sql)
        .get_result::<Number>(conn)
        .await
        .unwrap()
        .n
}

/// Polls `sql` (a count) every 100 ms until it reaches `want`, for at most 15 s.
async fn eventually(conn: &mut AsyncPgConnection, sql: &str, want: i64) {
    for _ in 0..150 {
        if number(conn, sql).await >= want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never reached {want}: {sql}");
}

/// Events committed but not yet chained.
const UNCHAINED: &str = "SELECT count(*) AS n FROM audit_events e
                          LEFT JOIN audit_chain c ON c.event_id = e.id WHERE c.seq IS NULL";

/// Chains every committed event now. `Horizon::All` waits for a pass of the periodic sealer
/// that holds the lock, then seals what is left; the loop (at most 15 s) guards against a
/// regression to a sealer that only tries the lock, which made verification flaky.
async fn seal_all(conn: &mut AsyncPgConnection) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        chain::seal(conn, chain::Horizon::All).await.unwrap();
        let left = number(conn, UNCHAINED).await;
        if left == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "{left} events still unchained");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until the periodic sealer has completed `passes` more passes, for at most 15 s each.
/// Every pass rewrites the single row of `audit_seal_state` in its own transaction (even when
/// nothing changes), so the row's `xmin` tells one completed pass from the next.
async fn sealer_passes(conn: &mut AsyncPgConnection, passes: usize) {
    let row_version = "SELECT xmin::text::bigint AS n FROM audit_seal_state";
    let mut seen = number(conn, row_version).await;
    for pass in 1..=passes {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let now = number(conn, row_version).await;
            if now != seen {
                seen = now;
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the sealer never completed pass {pass}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// An event whose transaction commits after later events were sealed is still chained by the
/// periodic sealer, which only looks above a watermark that waits for open transactions.
#[tokio::test]
async fn the_periodic_sealer_chains_late_commits_and_skips_none() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let mut late = app.db.conn().await;
    late.batch_execute(
        "BEGIN; INSERT INTO audit_events (action, outcome) VALUES ('test.late', 'success')",
    )
    .await
    .unwrap();
    let late_id = number(
        &mut late,
        "SELECT id AS n FROM audit_events WHERE action = 'test.late'",
    )
    .await;
    for i in 0..5 {
        app.create_user(&admin, &format!("later{i}"), &["analyst"])
            .await;
    }
    let mut conn = app.db.conn().await;
    let later_sealed =
        "SELECT count(*) AS n FROM audit_chain c JOIN audit_events e ON e.id = c.event_id
                         WHERE e.action = 'user.create' AND e.id > ";
    eventually(&mut conn, &format!("{later_sealed}{late_id}"), 5).await;
    // A few more passes (one records a mark above the open event, the next could move the
    // watermark to it): the watermark stays below the open transaction's event.
    sealer_passes(&mut conn, 3).await;
    let through = number(
        &mut conn,
        "SELECT sealed_through AS n FROM audit_seal_state",
    )
    .await;
    assert!(
        through < late_id,
        "watermark {through} passed the open event {late_id}"
    );

    late.batch_execute("COMMIT").await.unwrap();
    let chained = format!("SELECT count(*) AS n FROM audit_chain WHERE event_id = {late_id}");
    eventually(&mut conn, &chained, 1).await;
    let passed =
        format!("SELECT count(*) AS n FROM audit_seal_state WHERE sealed_through >= {late_id}");
    eventually(&mut conn, &passed, 1).await;
    let report = verify(&app, &auditor(&app).await).await;
    assert_eq!(report["ok"], true, "{report}");
}

mod detection;
