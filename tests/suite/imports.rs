//! Bulk imports of register records: a dry run reports each bad line precisely and writes
//! nothing; a commit writes the good lines (`valid_rows`) or nothing at all
//! (`all_or_nothing`); the same file again changes nothing, an edited line updates its record;
//! the upload is streamed, bounded, typed and idempotent; supervisors only; audited.

use crate::seizures::crew;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

pub(crate) async fn upload(
    app: &TestApp,
    token: &str,
    query: &str,
    body: Vec<u8>,
    key: Option<&str>,
) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(&format!("/api/v1/imports?{query}")))
        .bearer_auth(token)
        .header("content-type", "application/x-ndjson")
        .body(body);
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    req.send().await.unwrap()
}

/// Waits for the import to end; the job.
pub(crate) async fn finished(app: &TestApp, token: &str, id: &str) -> Value {
    for _ in 0..300 {
        let job: Value = app
            .get(&format!("/api/v1/imports/{id}"), token)
            .await
            .json()
            .await
            .unwrap();
        if ["succeeded", "failed", "cancelled"].contains(&job["status"].as_str().unwrap()) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("import {id} did not finish");
}

pub(crate) async fn queued(res: reqwest::Response) -> String {
    assert_eq!(res.status(), 202);
    let job: Value = res.json().await.unwrap();
    assert_eq!(job["status"], "queued");
    job["id"].as_str().unwrap().to_string()
}

pub(crate) fn ndjson(lines: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in lines {
        out.extend(serde_json::to_vec(l).unwrap());
        out.push(b'\n');
    }
    out
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    let mut conn = app.db.conn().await;
    ncen_tests::strings(&mut conn, sql).await[0]
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_file_of_persons_is_dry_run_committed_reimported_unchanged_and_updated() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    let good = [
        json!({ "external_id": "P-1", "family_name": "Benali", "given_names": "Karim", "date_of_birth": "1979-02-11", "nationalities": ["DZ"] }),
        json!({ "external_id": "P-2", "family_name": "Okafor", "given_names": "Chidi", "gender": "male" }),
    ];
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend(ndjson(&good));
    file.extend(b"{\"external_id\": \"P-3\", \"given_names\": \"No family name\"}\n");
    file.extend(b"{not json\n");
    file.extend(b"[1, 2]\n");
    file.extend(b"{\"external_id\": \"P-1\", \"family_name\": \"Twice\"}\n");
    file.extend(
        b"{\"external_id\": \"P-4\", \"family_name\": \"Bad\", \"nationalities\": [\"XX\"]}\n",
    );
    file.extend(b"{\"family_name\": \"No id\"}\n");
    file.extend(b"\xff\xfe not utf-8\n");
    file.extend(b"\n");
    let query = "record_type=persons&source_system=legacy-cen&filename=persons.ndjson";

    // only supervisors import
    let res = upload(&app, &c.officer, query, file.clone(), None).await;
    assert_eq!(res.status(), 403);

    // a dry run (the default): every bad line reported, nothing written
    let dry = queued(upload(&app, sup, query, file.clone(), None).await).await;
    let job = finished(&app, sup, &dry).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (
            job["created"].as_i64(),
            job["rejected"].as_i64(),
            job["rows_done"].as_i64()
        ),
        (Some(2), Some(7), Some(10)),
        "{job}"
    );
    assert_eq!(
        count(&app, "SELECT count(*)::text AS value FROM persons").await,
        0
    );
    let report: Value = app
        .get(&format!("/api/v1/imports/{dry}/problems"), sup)
        .await
        .json()
        .await
        .unwrap();
    let found: Vec<(i64, &str, &str)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["line"].as_i64().unwrap(),
                p["field"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (3, "family_name", "required"),
            (4, "line", "json"),
            (5, "line", "not_an_object"),
            (6, "external_id", "duplicate"),
            (7, "nationalities[0]", "unknown_code"),
            (8, "external_id", "required"),
            (9, "line", "encoding"),
        ],
        "{report}"
    );
    let csv = app
        .get(&format!("/api/v1/imports/{dry}/problems.csv"), sup)
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("3,P-3,family_name,required,"), "{csv}");
    assert_eq!(csv.lines().count(), 8, "{csv}");

    // committed: the good lines written, audited as typed records naming the import
    let res = app
        .post(&format!("/api/v1/imports/{dry}/commit"), sup, json!({}))
        .await;
    let commit = queued(res).await;
    let job = finished(&app, sup, &commit).await;
    assert_eq!(
        (
            job["status"].as_str(),
            job["created"].as_i64(),
            job["rejected"].as_i64()
        ),
        (Some("succeeded"), Some(2), Some(7)),
        "{job}"
    );
    assert_eq!(
        count(&app, "SELECT count(*)::text AS value FROM persons").await,
        2
    );
    assert_eq!(app.audit_rows("person.create").await.len(), 2);
    let res = app
        .post(&format!("/api/v1/imports/{dry}/commit"), sup, json!({}))
        .await;
    assert_problem(res, 409, "committed").await;

    // the same file again: nothing changes; an edited line updates its record
    let commit_query = format!("{query}&dry_run=false");
    let again = queued(upload(&app, sup, &commit_query, file.clone(), None).await).await;
    let job = finished(&app, sup, &again).await;
    assert_eq!(
        (job["unchanged"].as_i64(), job["created"].as_i64()),
        (Some(2), Some(0)),
        "{job}"
    );
    let edited = ndjson(&[
        json!({ "external_id": "P-1", "family_name": "Benali", "given_names": "Karim", "date_of_birth": "1979-02-11", "nationalities": ["DZ", "FR"] }),
        good[1].clone(),
    ]);
    let update = queued(upload(&app, sup, &commit_query, edited, None).await).await;
    let job = finished(&app, sup, &update).await;
    assert_eq!(
        (job["updated"].as_i64(), job["unchanged"].as_i64()),
        (Some(1), Some(1)),
        "{job}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*)::text AS value FROM persons WHERE nationalities = ARRAY['DZ','FR']"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*)::text AS value FROM register_history WHERE action = 'update'"
        )
        .await,
        1
    );

    // all or nothing: one bad line and nothing is written
    let mixed = ndjson(&[
        json!({ "external_id": "P-9", "family_name": "Nouveau" }),
        json!({ "external_id": "P-10", "family_name": "" }),
    ]);
    let strict = queued(
        upload(
            &app,
            sup,
            &format!("{commit_query}&mode=all_or_nothing"),
            mixed,
            None,
        )
        .await,
    )
    .await;
    let job = finished(&app, sup, &strict).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert!(
        job["failure"]
            .as_str()
            .unwrap()
            .contains("nothing was written"),
        "{job}"
    );
    assert_eq!(
        count(&app, "SELECT count(*)::text AS value FROM persons").await,
        2
    );
    let res = app
        .post(&format!("/api/v1/imports/{strict}/cancel"), sup, json!({}))
        .await;
    assert_problem(res, 409, "finished").await;

    // listed, newest first; each import's end audited with its counts
    let list: Value = app.get("/api/v1/imports", sup).await.json().await.unwrap();
    assert_eq!(list["items"][0]["id"], strict.as_str());
    assert_eq!(list["items"].as_array().unwrap().len(), 5);
    assert_eq!(app.audit_rows("import.finish").await.len(), 5);
    assert_eq!(app.audit_rows("import.create").await.len(), 5);
}

#[tokio::test]
async fn an_upload_is_bounded_typed_and_idempotent() {
    let app = TestApp::spawn_with(|s| s.import_limit = 1000).await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    let query = "record_type=companies&source_system=registry";
    let file = ndjson(&[json!({ "external_id": "C-1", "name": "Oran Trading", "country": "DZ" })]);

    let res = upload(&app, sup, query, vec![b'x'; 2000], None).await;
    assert_problem(res, 413, "payload_too_large").await;
    let res = upload(&app, sup, query, b"PK\x03\x04 a zip".to_vec(), None).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "wrong_type");
    let res = upload(&app, sup, query, Vec::new(), None).await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "empty");
    let res = upload(
        &app,
        sup,
        "record_type=ships&source_system=x",
        file.clone(),
        None,
    )
    .await;
    assert_eq!(res.status(), 400);
    let res = upload(
        &app,
        sup,
        "record_type=companies&source_system=%20",
        file.clone(),
        None,
    )
    .await;
    assert_problem(res, 422, "validation_failed").await;
    assert!(app.audit_rows("import.create").await.is_empty());

    // the same key, settings and file: the first job again
    let first = upload(&app, sup, query, file.clone(), Some("imp-1")).await;
    let id = queued(first).await;
    let again = upload(&app, sup, query, file.clone(), Some("imp-1")).await;
    assert_eq!(again.status(), 202);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let job: Value = again.json().await.unwrap();
    assert_eq!(job["id"], id.as_str());
    let other = ndjson(&[json!({ "external_id": "C-2", "name": "Other" })]);
    let res = upload(&app, sup, query, other, Some("imp-1")).await;
    assert_problem(res, 422, "idempotency_key_reused").await;
    let job = finished(&app, sup, &id).await;
    assert_eq!(job["created"], 1, "{job}");
    assert_eq!(app.audit_rows("import.create").await.len(), 1);
}

/// An import is its unit's: another unit's supervisor neither lists nor reads it (404), nor
/// its problems, proposals or CSV, nor cancels or commits it. Its file goes 30 days after its
/// imports ended — the report stays, and a dry run can no longer be committed.
#[tokio::test]
async fn an_import_is_its_units_and_its_file_is_removed_a_month_after() {
    use crate::seizures::{new_unit, user_in};
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    let unit = new_unit(&app, &c.admin, "OTH").await;
    let other = user_in(&app, &c.admin, "otto", &["supervisor"], &unit).await;
    let query = "record_type=companies&source_system=registry&dry_run=true";
    let file = ndjson(&[json!({ "external_id": "C-1", "name": "Oran Trading", "country": "DZ" })]);
    let id = queued(upload(&app, sup, query, file, None).await).await;
    let job = finished(&app, sup, &id).await;
    assert_eq!(job["status"], "succeeded", "{job}");

    let listed: Value = app
        .get("/api/v1/imports", &other)
        .await
        .json()
        .await
        .unwrap();
    assert!(listed["items"].as_array().unwrap().is_empty(), "{listed}");
    let listed: Value = app.get("/api/v1/imports", sup).await.json().await.unwrap();
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    for path in ["/problems?after=-1", "/proposals?after=-1"] {
        let res = app.get(&format!("/api/v1/imports/{id}{path}"), sup).await;
        let p = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], "after");
    }
    for path in ["", "/problems", "/proposals", "/problems.csv"] {
        let res = app
            .get(&format!("/api/v1/imports/{id}{path}"), &other)
            .await;
        assert_problem(res, 404, "not_found").await;
    }
    let res = app
        .post(&format!("/api/v1/imports/{id}/commit"), &other, json!({}))
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = app
        .post(&format!("/api/v1/imports/{id}/cancel"), &other, json!({}))
        .await;
    assert_problem(res, 404, "not_found").await;

    // a month later the file goes; the report stays, and the dry run cannot be committed
    let storage =
        ncen_core::files::storage::Storage::from_url(app.storage_dir.to_str().unwrap()).unwrap();
    let mut conn = app.db.conn().await;
    let purge = ncen_core::imports::service::purge_files;
    assert_eq!(purge(&mut conn, &storage).await.unwrap(), 0);
    assert!(storage.get(&format!("imports/{id}")).await.is_ok());
    ncen_tests::strings(
        &mut conn,
        "UPDATE import_jobs SET finished_at = now() - interval '31 days' RETURNING id::text AS value",
    )
    .await;
    assert_eq!(purge(&mut conn, &storage).await.unwrap(), 1);
    assert_eq!(purge(&mut conn, &storage).await.unwrap(), 0);
    assert!(storage.get(&format!("imports/{id}")).await.is_err());
    assert_eq!(app.audit_rows("import.files_purged").await.len(), 1);
    let job: Value = app
        .get(&format!("/api/v1/imports/{id}"), sup)
        .await
        .json()
        .await
        .unwrap();
    assert!(job["file_purged_at"].is_string(), "{job}");
    let res = app
        .post(&format!("/api/v1/imports/{id}/commit"), sup, json!({}))
        .await;
    assert_problem(res, 409, "file_gone").await;
}
