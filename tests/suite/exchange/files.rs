//! The files of a package: the inbox holds a package back until every file its cases list has
//! been uploaded (each signed, hashed to its address, of an accepted type, within the size
//! limit, kept once), then serves them to liaison officers with the package and the received
//! case, audited.

use super::sender::{deliver, french_partner, now};
use super::{agreement, partner_at};
use crate::seizures::{crew, user_in};
use ed25519_dalek::SigningKey;
use ncen_core::exchange::package::{self, HEADER_KEY, HEADER_SENT_AT, HEADER_SIGNATURE};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

/// PUTs `bytes` as the file `sha`, announcing `announced`'s key, signed by `signer`.
async fn put_file(
    app: &TestApp,
    announced: &SigningKey,
    signer: &SigningKey,
    sha: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let at = now();
    app.client
        .put(app.url(&format!("{}/files/{sha}", package::INBOX_PATH)))
        .header("content-type", "application/octet-stream")
        .header(
            HEADER_KEY,
            hex::encode(announced.verifying_key().as_bytes()),
        )
        .header(HEADER_SENT_AT, &at)
        .header(HEADER_SIGNATURE, package::sign_attempt(signer, &at, bytes))
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_package_waits_for_its_files_which_are_checked_kept_once_and_served_audited() {
    let app = TestApp::spawn_with(|s| s.upload_limit = 50_000).await;
    let c = crew(&app).await;
    let lia = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let officer = &c.officer;
    let (me, fr, _) = french_partner(&app, &lia).await;
    let photo = ncen_tests::png(64, 48);
    let sha = package::sha256_hex(&photo);
    let mut pkg = fr.package(&me, &["drugs"]);
    pkg.cases[0].document["attachments"] = json!([{
        "id": uuid::Uuid::now_v7(), "kind": "photo", "media_type": "image/png",
        "size_bytes": photo.len(), "sha256": sha, "cleared_for_export": true,
    }]);
    let body = package::canonical(&pkg).unwrap();
    let id = pkg.id;

    // a file not named by 64 lowercase hex digits: not a package
    let mut odd = pkg.clone();
    odd.id = uuid::Uuid::now_v7();
    odd.cases[0].document["attachments"][0]["sha256"] = Value::from(sha.to_uppercase());
    let odd = package::canonical(&odd).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &odd, &now()).await;
    assert_problem(res, 422, "malformed").await;

    // held back until its file arrives, naming it; not counted as a refusal
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    let problem = assert_problem(res, 409, "files_missing").await;
    assert_eq!(problem["missing"], json!([sha]));
    assert_eq!(
        app.audit_rows("exchange.inbox_awaiting_files").await.len(),
        1
    );

    // files refused: a stranger's, bytes that are not the named file, a type not accepted,
    // over the attachment limit
    let stranger = SigningKey::from_bytes(&[8u8; 32]);
    let res = put_file(&app, &stranger, &stranger, &sha, &photo).await;
    assert_problem(res, 401, "unknown_key").await;
    let res = put_file(&app, &fr.key, &stranger, &sha, &photo).await;
    assert_problem(res, 401, "bad_signature").await;
    let other = ncen_tests::png(10, 10);
    let res = put_file(&app, &fr.key, &fr.key, &sha, &other).await;
    assert_problem(res, 422, "wrong_hash").await;
    let text = b"not a photo".to_vec();
    let res = put_file(&app, &fr.key, &fr.key, &package::sha256_hex(&text), &text).await;
    assert_problem(res, 422, "unsupported_type").await;
    let big = vec![0xffu8; 60_000];
    let res = put_file(&app, &fr.key, &fr.key, &package::sha256_hex(&big), &big).await;
    assert_problem(res, 413, "too_large").await;
    let codes = app.audit_rows("exchange.inbox_refused").await.len();
    assert_eq!(codes, 6, "the malformed package and five refused files");

    // kept once, however often it arrives
    for _ in 0..2 {
        let res = put_file(&app, &fr.key, &fr.key, &sha, &photo).await;
        assert_eq!(res.status(), 204);
    }
    let mut conn = app.db.conn().await;
    let kept = ncen_tests::strings(
        &mut conn,
        "SELECT sha256 || ' ' || media_type || ' ' || size_bytes AS value FROM exchange_files",
    )
    .await;
    assert_eq!(kept, [format!("{sha} image/png {}", photo.len())]);
    let again = ncen_tests::strings(
        &mut conn,
        "SELECT details->>'already_received' AS value FROM audit_events \
         WHERE action = 'exchange.file_received' ORDER BY occurred_at, id",
    )
    .await;
    assert_eq!(again, ["false", "true"]);

    // now accepted; its file served with it to a liaison officer, audited, and to no one else
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    assert_eq!(res.status(), 200);
    let res = app
        .get(&format!("/api/v1/exchange/inbox/{id}/files/{sha}"), &lia)
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(&res.bytes().await.unwrap()[..], &photo[..]);
    let res = app
        .get(&format!("/api/v1/exchange/inbox/{id}/files/{sha}"), officer)
        .await;
    assert_eq!(res.status(), 403);
    let unlisted = package::sha256_hex(&other);
    for path in [
        format!("/api/v1/exchange/inbox/{id}/files/{unlisted}"),
        format!("/api/v1/exchange/inbox/{id}/files/not-a-hash"),
        format!(
            "/api/v1/exchange/inbox/{}/files/{sha}",
            uuid::Uuid::now_v7()
        ),
    ] {
        assert_problem(app.get(&path, &lia).await, 404, "not_found").await;
    }
    assert_eq!(app.audit_rows("exchange.file_read").await.len(), 1);

    // imported: the received case serves it too
    let res = app
        .client
        .post(app.url(&format!("/api/v1/exchange/inbox/{id}/import")))
        .bearer_auth(&lia)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    let received = report["received_case_ids"][0].as_str().unwrap();
    let res = app
        .get(
            &format!("/api/v1/exchange/received/{received}/files/{sha}"),
            &lia,
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(&res.bytes().await.unwrap()[..], &photo[..]);
    let res = app
        .get(
            &format!("/api/v1/exchange/received/{received}/files/{unlisted}"),
            &lia,
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    assert_eq!(app.audit_rows("exchange.file_read").await.len(), 2);
}

#[tokio::test]
async fn an_agreement_keeps_its_signed_document_for_liaison_officers_audited() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let lia = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let be = partner_at(&app, &lia, 5, "BE", "http://127.0.0.1:9").await;
    agreement(&app, &lia, be["id"].as_str().unwrap(), "nominal", &[]).await;
    let list: Value = app
        .get("/api/v1/exchange/agreements", &lia)
        .await
        .json()
        .await
        .unwrap();
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    assert!(list["items"][0]["document"].is_null());
    let path = format!("/api/v1/exchange/agreements/{id}/document");
    let upload = |token: String, path: String, form: reqwest::multipart::Form| {
        app.client
            .post(app.url(&path))
            .bearer_auth(token)
            .multipart(form)
            .send()
    };
    let scan = || {
        reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(ncen_tests::png(60, 80)).file_name("cmaa-2004.png"),
        )
    };

    // none yet; not for an officer; not for an agreement that does not exist; a file is needed,
    // in a form
    assert_problem(app.get(&path, &lia).await, 404, "not_found").await;
    let res = upload(c.officer.clone(), path.clone(), scan())
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let nowhere = format!(
        "/api/v1/exchange/agreements/{}/document",
        uuid::Uuid::now_v7()
    );
    let res = upload(lia.clone(), nowhere, scan()).await.unwrap();
    assert_problem(res, 404, "not_found").await;
    let no_file = reqwest::multipart::Form::new().text("file", "");
    let res = upload(lia.clone(), path.clone(), no_file).await.unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    let empty = reqwest::multipart::Form::new();
    let res = upload(lia.clone(), path.clone(), empty).await.unwrap();
    assert_eq!(res.status(), 400);
    let res = app.post(&path, &lia, json!({})).await;
    assert_eq!(res.status(), 415);

    // kept: the agreement shows it and its version goes up; served as kept, audited
    let res = upload(lia.clone(), path.clone(), scan()).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let agreement: Value = res.json().await.unwrap();
    let doc = &agreement["document"];
    assert_eq!(doc["filename"], "cmaa-2004.png");
    assert_eq!(doc["media_type"], "image/png");
    assert_eq!(doc["content_url"], path.as_str());
    let got: Value = app
        .get(&format!("/api/v1/exchange/agreements/{id}"), &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["document"]["sha256"], doc["sha256"]);
    let res = app.get(&path, &lia).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    let bytes = res.bytes().await.unwrap();
    assert_eq!(package::sha256_hex(&bytes), doc["sha256"].as_str().unwrap());
    assert_eq!(app.get(&path, &c.officer).await.status(), 403);
    let uploads = app.audit_rows("exchange.agreement_document").await;
    assert_eq!(uploads.len(), 1);
    assert_eq!(
        app.audit_rows("exchange.agreement_document_read")
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn files_no_accepted_package_claims_are_swept_after_a_week_audited() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let lia = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let (me, fr, fr_row) = french_partner(&app, &lia).await;
    let (kept, lost) = (ncen_tests::png(64, 48), ncen_tests::png(32, 24));
    let (kept_sha, lost_sha) = (package::sha256_hex(&kept), package::sha256_hex(&lost));
    for (sha, bytes) in [(&kept_sha, &kept), (&lost_sha, &lost)] {
        assert_eq!(
            put_file(&app, &fr.key, &fr.key, sha, bytes).await.status(),
            204
        );
    }
    let listing = |sha: &str, size: usize| {
        let mut pkg = fr.package(&me, &["drugs"]);
        pkg.cases[0].document["attachments"] = json!([{
            "id": uuid::Uuid::now_v7(), "kind": "photo", "media_type": "image/png",
            "size_bytes": size, "sha256": sha, "cleared_for_export": true,
        }]);
        package::canonical(&pkg).unwrap()
    };
    // only the first file's package arrives
    let res = deliver(
        &app,
        &fr.key,
        &fr.key,
        &listing(&kept_sha, kept.len()),
        &now(),
    )
    .await;
    assert_eq!(res.status(), 200);

    let mut conn = app.db.conn().await;
    let storage =
        ncen_core::files::storage::Storage::from_url(app.storage_dir.to_str().unwrap()).unwrap();
    // within the week nothing goes
    assert_eq!(
        ncen_core::exchange::files::purge_unclaimed(&mut conn, &storage)
            .await
            .unwrap(),
        0
    );
    ncen_tests::strings(
        &mut conn,
        "UPDATE exchange_files SET received_at = now() - interval '8 days' RETURNING sha256 AS value",
    )
    .await;
    assert_eq!(
        ncen_core::exchange::files::purge_unclaimed(&mut conn, &storage)
            .await
            .unwrap(),
        1
    );
    let left = ncen_tests::strings(&mut conn, "SELECT sha256 AS value FROM exchange_files").await;
    assert_eq!(left, std::slice::from_ref(&kept_sha));
    assert_eq!(app.audit_rows("exchange.files_purged").await.len(), 1);
    let details = ncen_tests::strings(
        &mut conn,
        "SELECT details::text AS value FROM audit_events WHERE action = 'exchange.files_purged'",
    )
    .await;
    assert!(
        details[0].contains(&lost_sha) && !details[0].contains(&kept_sha),
        "{details:?}"
    );
    let partner = fr_row["id"].as_str().unwrap();
    assert!(storage
        .get(&format!("exchange/{partner}/{kept_sha}"))
        .await
        .is_ok());
    assert!(storage
        .get(&format!("exchange/{partner}/{lost_sha}"))
        .await
        .is_err());
    // the package that finally comes asks for its file again
    let res = deliver(
        &app,
        &fr.key,
        &fr.key,
        &listing(&lost_sha, lost.len()),
        &now(),
    )
    .await;
    let problem = assert_problem(res, 409, "files_missing").await;
    assert_eq!(problem["missing"], json!([lost_sha]));
}
