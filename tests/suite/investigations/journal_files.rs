//! Files of the journal: uploaded through the attachment pipeline, taken by one entry, then
//! downloaded (audited) through the investigation by whoever may read its journal, and by no
//! one else — not through the messages' route, not through another investigation.

use super::{opened, unit};
use crate::alerts::created;
use ncen_tests::{assert_problem, png};
use serde_json::{json, Value};

async fn upload(app: &ncen_tests::TestApp, token: &str) -> String {
    let part = reqwest::multipart::Part::bytes(png(40, 30)).file_name("seized phone.png");
    let res = app
        .client
        .post(app.url("/api/v1/message-attachments"))
        .bearer_auth(token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_journal_photo_is_for_the_team_and_audited() {
    let app = ncen_tests::TestApp::spawn().await;
    let u = unit(&app).await;
    let inv = opened(&app, &u, json!({})).await;
    let id = inv["id"].as_str().unwrap();
    let base = format!("/api/v1/investigations/{id}");
    let res = app
        .post(
            &format!("{base}/members"),
            &u.lead,
            json!({ "user_id": u.member_id }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let file = upload(&app, &u.lead).await;
    // someone else's upload is not theirs to file
    let res = app
        .post(
            &format!("{base}/journal"),
            &u.member,
            json!({ "kind": "finding", "body": "Photo of the phone", "attachment_ids": [file] }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"][0]["field"], "attachment_ids[0]",
        "{problem}"
    );
    let entry = created(
        app.post(
            &format!("{base}/journal"),
            &u.lead,
            json!({ "kind": "finding", "body": "Photo of the phone", "attachment_ids": [file] }),
        )
        .await,
    )
    .await;
    let content = format!("{base}/journal-files/{file}/content");
    assert_eq!(entry["attachments"][0]["content_url"], content.as_str());
    assert_eq!(entry["attachments"][0]["media_type"], "image/png");
    let thumbnail = entry["attachments"][0]["thumbnail_url"]
        .as_str()
        .unwrap()
        .to_string();

    // the team reads it; the journal lists it
    let res = app.get(&content, &u.member).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(app.get(&thumbnail, &u.lead).await.status(), 200);
    let journal: Value = app
        .get(&format!("{base}/journal"), &u.member)
        .await
        .json()
        .await
        .unwrap();
    let listed = journal["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == entry["id"])
        .unwrap();
    assert_eq!(listed["attachments"][0]["id"], file.as_str());

    // no one else, by no other route
    for token in [&u.colleague, &u.outsider, &u.outside_chief] {
        assert_problem(app.get(&content, token).await, 404, "not_found").await;
    }
    let as_message = format!("/api/v1/message-attachments/{file}/content");
    assert_problem(app.get(&as_message, &u.lead).await, 404, "not_found").await;
    let other = opened(&app, &u, json!({})).await;
    let elsewhere = format!(
        "/api/v1/investigations/{}/journal-files/{file}/content",
        other["id"].as_str().unwrap()
    );
    assert_problem(app.get(&elsewhere, &u.lead).await, 404, "not_found").await;

    // taken once: a second entry cannot take it
    let res = app
        .post(
            &format!("{base}/journal"),
            &u.lead,
            json!({ "kind": "note", "body": "Again", "attachment_ids": [file] }),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;

    // every download audited, naming the investigation and the file
    let mut conn = app.db.conn().await;
    let seen = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT action AS value FROM audit_events WHERE object_id = '{id}' \
               AND action LIKE 'investigation.journal_file%' AND details->>'file' = '{file}' ORDER BY id"
        ),
    )
    .await;
    assert_eq!(
        seen,
        [
            "investigation.journal_file_download",
            "investigation.journal_file_thumbnail"
        ]
    );
}
