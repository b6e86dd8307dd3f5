//! `kill -9` of the server in the middle of imports: a `valid_rows` import has written exactly
//! the batches it counted (its job row says which lines were applied) and, once a server
//! runs again, resumes after them and finishes with every line written once; an
//! `all_or_nothing` import left nothing and, restarted, writes the whole file.

use super::{http, user, CHILD_ENTRY};
use ncen_tests::process::{ChildConfig, ChildServer};
use ncen_tests::{TestDb, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::time::Duration;

const LINES: usize = 4000;

fn file(prefix: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for n in 0..LINES {
        let line = json!({ "external_id": format!("{prefix}-{n}"), "family_name": format!("Imported{n}"),
                           "given_names": prefix, "nationalities": ["FR"] });
        out.extend(serde_json::to_vec(&line).unwrap());
        out.push(b'\n');
    }
    out
}

async fn count(db: &TestDb, sql: &str) -> i64 {
    let mut conn = db.conn().await;
    ncen_tests::strings(&mut conn, sql).await[0]
        .parse()
        .unwrap()
}

async fn job(base: &str, token: &str, id: &str) -> Value {
    http(Duration::from_secs(10))
        .get(format!("{base}/api/v1/imports/{id}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Uploads `body` for real in `mode`; the job's id.
async fn start(base: &str, token: &str, mode: &str, body: Vec<u8>) -> String {
    let res = http(Duration::from_secs(30))
        .post(format!(
            "{base}/api/v1/imports?record_type=persons&source_system=legacy&dry_run=false&mode={mode}"
        ))
        .bearer_auth(token)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let job: Value = res.json().await.unwrap();
    job["id"].as_str().unwrap().to_string()
}

/// Waits until the job has settled at least `lines` lines while running.
async fn running_past(base: &str, token: &str, id: &str, lines: i64) {
    for _ in 0..1200 {
        let j = job(base, token, id).await;
        if j["status"] == "running" && j["rows_done"].as_i64().unwrap() >= lines {
            return;
        }
        assert!(j["status"] == "running" || j["status"] == "queued", "{j}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the import never got past {lines} lines");
}

async fn finished(base: &str, token: &str, id: &str) -> Value {
    for _ in 0..1200 {
        let j = job(base, token, id).await;
        if j["status"] != "running" && j["status"] != "queued" {
            return j;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn a_killed_import_resumes_or_leaves_nothing_and_finishes_once_restarted() {
    let db = TestDb::new().await;
    ncen_core::users::bootstrap::ensure_admin(&mut db.conn().await, Some(ADMIN_PASSWORD))
        .await
        .unwrap();
    let dir = std::env::temp_dir().join(format!("ncen-imp-{}", uuid::Uuid::new_v4().simple()));
    let port = super::exchange::free_port();
    let config = || {
        let mut c = ChildConfig::new(CHILD_ENTRY, &db.runtime_url());
        c.port = Some(port);
        c.dir = Some(dir.clone());
        c
    };
    let mut server = ChildServer::spawn(config()).await;
    let sup = user(&server.base, "sam", &["supervisor"]).await;

    // valid_rows, killed after a few batches: what it wrote is what it counted
    let resumable = start(&server.base, &sup, "valid_rows", file("V")).await;
    running_past(&server.base, &sup, &resumable, 1000).await;
    server.kill9();
    let written = count(&db, "SELECT count(*)::text AS value FROM persons").await;
    let counted = count(
        &db,
        &format!("SELECT created::text AS value FROM import_jobs WHERE id = '{resumable}'"),
    )
    .await;
    let done = count(
        &db,
        &format!("SELECT rows_done::text AS value FROM import_jobs WHERE id = '{resumable}'"),
    )
    .await;
    assert_eq!(
        written, counted,
        "the job row says exactly which lines were applied"
    );
    assert_eq!(written, done);
    assert!(written > 0 && written < LINES as i64, "{written}");
    assert_eq!(
        count(&db, "SELECT count(*)::text AS value FROM import_keys").await,
        written
    );

    // restarted: it resumes after the last batch and writes every line once
    let server2 = ChildServer::spawn(config()).await;
    let j = finished(&server2.base, &sup, &resumable).await;
    assert_eq!(j["status"], "succeeded", "{j}");
    assert_eq!(j["created"], LINES as i64, "{j}");
    assert_eq!(
        count(&db, "SELECT count(*)::text AS value FROM persons").await,
        LINES as i64
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(DISTINCT family_name)::text AS value FROM persons"
        )
        .await,
        LINES as i64
    );

    // all_or_nothing, killed mid-way: nothing of it is written
    let strict = start(&server2.base, &sup, "all_or_nothing", file("A")).await;
    running_past(&server2.base, &sup, &strict, 1000).await;
    let mut server2 = server2;
    server2.kill9();
    assert_eq!(
        count(
            &db,
            "SELECT count(*)::text AS value FROM persons WHERE given_names = 'A'"
        )
        .await,
        0
    );
    let server3 = ChildServer::spawn(config()).await;
    let j = finished(&server3.base, &sup, &strict).await;
    assert_eq!(j["status"], "succeeded", "{j}");
    assert_eq!(
        count(
            &db,
            "SELECT count(*)::text AS value FROM persons WHERE given_names = 'A'"
        )
        .await,
        LINES as i64
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*)::text AS value FROM audit_events WHERE action = 'import.finish'"
        )
        .await,
        2
    );
    drop(server3);
    let _ = std::fs::remove_dir_all(&dir);
}
