//! Files sent with messages: uploaded through the attachment pipeline (metadata stripped,
//! type from the content), held by the uploader until a message takes them, then downloaded
//! (audited) by whoever reads the thread and by no one else; abandoned uploads are purged;
//! retention deletes old threads with their files.

use super::{thread, world};
use ncen_tests::{assert_problem, png};
use serde_json::{json, Value};

async fn upload(
    app: &ncen_tests::TestApp,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    app.client
        .post(app.url("/api/v1/message-attachments"))
        .bearer_auth(token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_file_goes_with_its_message_to_the_threads_readers_only() {
    let w = world().await;
    let app = &w.app;
    let res = upload(app, &w.sender, "../../scan of container.png", png(64, 48)).await;
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.unwrap();
    let fid = file["id"].as_str().unwrap().to_string();
    assert_eq!(file["media_type"], "image/png");
    assert_eq!(file["original_filename"], "scan of container.png");
    assert!(file["message_id"].is_null());
    // Before it is sent: the uploader only.
    let content = format!("/api/v1/message-attachments/{fid}/content");
    assert_eq!(app.get(&content, &w.sender).await.status(), 200);
    assert_problem(app.get(&content, &w.reader).await, 404, "not_found").await;
    // Someone else cannot send it.
    let res = app
        .post(
            "/api/v1/threads",
            &w.reader,
            json!({ "subject": "S", "participants": [{ "user_id": w.sender_id }],
            "body": "x", "template": { "kind": "general" }, "attachment_ids": [fid] }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "attachment_ids[0]");

    let t = thread(
        app,
        &w.sender,
        json!([{ "unit_id": w.port_unit }]),
        json!({ "kind": "general" }),
    )
    .await;
    let id = t["id"].as_str().unwrap();
    let res = app
        .post(
            &format!("/api/v1/threads/{id}/messages"),
            &w.sender,
            json!({ "body": "The scan.", "attachment_ids": [fid] }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let detail: Value = res.json().await.unwrap();
    let sent = &detail["messages"][1]["attachments"];
    assert_eq!(sent[0]["id"], fid.as_str());
    assert_eq!(
        sent[0]["thumbnail_url"],
        format!("/api/v1/message-attachments/{fid}/thumbnail")
    );
    // Once sent: the thread's readers; not the outsider, not twice.
    let res = app.get(&content, &w.reader).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    let thumb = app
        .get(
            &format!("/api/v1/message-attachments/{fid}/thumbnail"),
            &w.reader,
        )
        .await;
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    assert_problem(app.get(&content, &w.outsider).await, 404, "not_found").await;
    assert_eq!(app.audit_rows("message_attachment.download").await.len(), 2);
    let res = app
        .post(
            &format!("/api/v1/threads/{id}/messages"),
            &w.sender,
            json!({ "body": "Again.", "attachment_ids": [fid] }),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
}

#[tokio::test]
async fn bad_uploads_are_refused_and_abandoned_ones_purged() {
    let w = world().await;
    let app = &w.app;
    let res = upload(app, &w.sender, "notes.txt", b"plain text".to_vec()).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "unsupported_type");
    let res = upload(app, &w.sender, "empty.png", Vec::new()).await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .client
        .post(app.url("/api/v1/message-attachments"))
        .bearer_auth(&w.sender)
        .multipart(
            reqwest::multipart::Form::new()
                .text("kind", "photo")
                .part("file", reqwest::multipart::Part::bytes(png(4, 4))),
        )
        .send()
        .await
        .unwrap();
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["code"], "unknown_field");
    let res = app
        .client
        .post(app.url("/api/v1/message-attachments"))
        .bearer_auth(&w.sender)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);

    let res = upload(app, &w.sender, "a.png", png(8, 8)).await;
    assert_eq!(res.status(), 201);
    let before = app.stored_files();
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    diesel::sql_query("UPDATE message_attachments SET created_at = now() - interval '2 days'")
        .execute(&mut conn)
        .await
        .unwrap();
    let storage =
        ncen_core::files::storage::Storage::from_url(app.storage_dir.to_str().unwrap()).unwrap();
    assert_eq!(
        ncen_core::messaging::attachments::purge_pending(&mut conn, &storage)
            .await
            .unwrap(),
        1
    );
    assert_eq!(app.stored_files(), before - 2, "the file and its thumbnail");
}

#[tokio::test]
async fn retention_deletes_old_threads_with_their_files_and_nothing_else_does() {
    let w = world().await;
    let app = &w.app;
    let res = upload(app, &w.sender, "a.png", png(8, 8)).await;
    let fid = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .post(
            "/api/v1/threads",
            &w.sender,
            json!({ "subject": "Old", "participants": [{ "user_id": w.reader_id }],
            "body": "x", "template": { "kind": "general" }, "attachment_ids": [fid] }),
        )
        .await;
    let old: Value = res.json().await.unwrap();
    let recent = thread(
        app,
        &w.sender,
        json!([{ "user_id": w.reader_id }]),
        json!({ "kind": "general" }),
    )
    .await;
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE message_threads SET last_message_at = now() - interval '400 days' WHERE id = '{}'",
        old["id"].as_str().unwrap()
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let storage =
        ncen_core::files::storage::Storage::from_url(app.storage_dir.to_str().unwrap()).unwrap();
    let files = app.stored_files();
    // No retention: nothing goes.
    assert_eq!(
        ncen_core::messaging::retention::purge(&mut conn, &storage, 0)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        ncen_core::messaging::retention::purge(&mut conn, &storage, 365)
            .await
            .unwrap(),
        1
    );
    assert_eq!(app.stored_files(), files - 2);
    assert_problem(
        app.get(
            &format!("/api/v1/threads/{}", old["id"].as_str().unwrap()),
            &w.sender,
        )
        .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(
        app.get(
            &format!("/api/v1/threads/{}", recent["id"].as_str().unwrap()),
            &w.sender
        )
        .await
        .status(),
        200
    );
    assert_eq!(app.audit_rows("thread.purge").await.len(), 1);
    let inbox: Value = app
        .get("/api/v1/notifications", &w.reader)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        inbox["items"].as_array().unwrap().len(),
        1,
        "the old thread's notification went with it"
    );
}
