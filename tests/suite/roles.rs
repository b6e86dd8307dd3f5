//! The two database roles: migrations run as the role that owns the schema; the server
//! connects as a runtime role that owns nothing, cannot change the schema or disable
//! triggers, and on the audit tables may only INSERT and SELECT. Every other test's server
//! already connects as the runtime role (`TestDb::runtime_url`), which shows it suffices.

use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use ncen_core::db::roles::{migrate_for, pending};
use ncen_tests::{db_url, db_url_as, TestApp, TestDb, RUNTIME_ROLE};

async fn as_superuser(sql: &str) {
    AsyncPgConnection::establish(&db_url("postgres"))
        .await
        .unwrap()
        .batch_execute(sql)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_runtime_role_cannot_rewrite_the_audit_trail_nor_change_the_schema() {
    let app = TestApp::spawn().await;
    // the server, connected as the runtime role, writes and seals audit rows
    let _ = app.admin_token().await;
    assert_eq!(app.audit_rows("auth.login").await.len(), 1);
    let mut rt = AsyncPgConnection::establish(&app.db.runtime_url())
        .await
        .unwrap();
    rt.batch_execute("SELECT count(*) FROM audit_events; SELECT count(*) FROM audit_chain")
        .await
        .unwrap();
    for sql in [
        "UPDATE audit_events SET action = 'forged'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "UPDATE audit_chain SET hash = hash",
        "DELETE FROM audit_chain",
        "TRUNCATE audit_chain",
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
        "ALTER TABLE audit_chain DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_events_append_only ON audit_events",
        "CREATE TABLE shadow (id int)",
        "DROP TABLE persons",
        "ALTER TABLE persons ADD COLUMN x int",
        "CREATE OR REPLACE FUNCTION ncen_case_documents_stale(ids uuid[]) RETURNS void LANGUAGE sql AS 'SELECT'",
        "SET session_replication_role = replica",
        "INSERT INTO __diesel_schema_migrations (version) VALUES ('99990101000000')",
        "SELECT ncen_grant_runtime(current_user)",
    ] {
        let err = rt.batch_execute(sql).await.expect_err(sql).to_string();
        assert!(
            err.contains("permission denied") || err.contains("must be owner"),
            "{sql}: {err}"
        );
    }
    // the trail is whole
    let mut conn = app.db.conn().await;
    let report = ncen_core::audit::chain::verify(&mut conn).await.unwrap();
    assert!(report.ok, "{report:?}");
}

#[tokio::test]
async fn migrations_run_as_the_owner_and_grant_the_runtime_role_what_it_needs() {
    as_superuser(
        "DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncen_test_owner') THEN CREATE ROLE ncen_test_owner LOGIN; END IF;
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncen_test_app') THEN CREATE ROLE ncen_test_app LOGIN; END IF;
         END $$",
    )
    .await;
    let db = TestDb::empty().await;
    as_superuser(&format!(
        "ALTER DATABASE {} OWNER TO ncen_test_owner",
        db.name
    ))
    .await;
    let owner = db_url_as("ncen_test_owner", &db.name);
    let runtime = db_url_as("ncen_test_app", &db.name);

    // a runtime role alone cannot migrate, and says what to do
    let err = migrate_for(None, &runtime).await.unwrap_err();
    assert!(format!("{err:#}").contains("DATABASE_OWNER_URL"), "{err:#}");

    let applied = migrate_for(Some(&owner), &runtime).await.unwrap();
    assert!(applied.len() > 10, "{applied:?}");
    assert!(pending(&runtime).await.unwrap().is_empty());
    // an up-to-date database: the runtime role starts without migrating (nothing to create)
    assert!(migrate_for(None, &runtime).await.unwrap().is_empty());

    let mut app = AsyncPgConnection::establish(&runtime).await.unwrap();
    app.batch_execute(
        "SELECT count(*) FROM users; INSERT INTO units (id, code, name) VALUES (gen_random_uuid(), 'X1', 'x'); \
         DELETE FROM units WHERE code = 'X1'",
    )
    .await
    .unwrap();
    for sql in ["DELETE FROM audit_events", "CREATE TABLE t (id int)"] {
        assert!(app.batch_execute(sql).await.is_err(), "{sql}");
    }

    // the grant refuses roles that would defeat it: the owner itself, a superuser
    let mut own = AsyncPgConnection::establish(&owner).await.unwrap();
    for (role, why) in [("ncen_test_owner", "owns part"), ("postgres", "superuser")] {
        let err = own
            .batch_execute(&format!("SELECT ncen_grant_runtime('{role}')"))
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains(why), "{role}: {err}");
    }
    assert_ne!(RUNTIME_ROLE, "ncen_test_app");
}
