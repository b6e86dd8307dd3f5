//! `GET /seizures/{id}`: the one-statement read (the same document as create and update give),
//! the stored case documents it serves, and its session and role checks.

use super::{company, count, create, crew, full_case, offence};
use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[derive(QueryableByName)]
struct ReadRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    actor_username: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    object_type: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    ip: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    request_id: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    outcome: String,
}

/// `GET /seizures/{id}` is built by one SQL statement; create and update build the same
/// document with diesel queries. Both must agree on every field, for every kind of child.
#[tokio::test]
async fn the_single_statement_read_gives_exactly_the_document_that_create_and_update_give() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let read: Value = app
        .get(&format!("/api/v1/seizures/{id}"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read, case);

    // Attachments, one person under two roles, a second person with two documents, a second
    // company and conveyance: then the update's response against the read.
    for (kind, name) in [("photo", "bag.png"), ("xray", "scan.png")] {
        let res =
            ncen_tests::upload(&app, &c.officer, &id, kind, name, ncen_tests::png(64, 48)).await;
        assert_eq!(res.status(), 201);
    }
    let other_company = company(&app, &c.officer, "Zeta Logistics SARL").await;
    let patch = json!({
        "narrative": "Two couriers, one of them also the organiser",
        "persons": [
            { "role": "courier", "person_id": person_id },
            { "role": "owner", "person_id": person_id },
            { "role": "driver", "person": {
                "family_name": "Łukasiewicz", "given_names": "Zoë Ana", "date_of_birth": "1990-12-24",
                "nationalities": ["PL", "FR"], "aliases": ["Zoe L."],
                "documents": [
                    { "document_type": "passport", "number": "EK 1234567", "issuing_country": "PL", "expires_on": "2031-01-31" },
                    { "document_type": "national_id_card", "number": "ABC123456", "issuing_country": "PL" }
                ]
            }}
        ],
        "companies": [
            { "role": "importer", "company_id": company_id },
            { "role": "exporter", "company_id": other_company }
        ],
        "conveyances": [
            { "role": "container", "conveyance_id": case["conveyances"][0]["conveyance"]["id"] },
            { "role": "carrying", "conveyance": {
                "conveyance_type": "container_vessel", "identifier_kind": "imo", "identifier": "IMO 9074729", "name": "Ever Given"
            }}
        ]
    });
    let res = app
        .patch(&format!("/api/v1/seizures/{id}"), &c.officer, 1, patch)
        .await;
    let status = res.status();
    let updated: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["persons"].as_array().unwrap().len(), 3);
    assert_eq!(updated["persons"][1]["person"]["id"], json!(person_id));
    assert_eq!(
        updated["persons"][2]["person"]["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(updated["attachments"].as_array().unwrap().len(), 2);
    let res = app
        .client
        .get(app.url(&format!("/api/v1/seizures/{id}")))
        .bearer_auth(&c.supervisor)
        .header("x-request-id", "read-check-42")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["etag"].to_str().unwrap().starts_with("\"2."));
    let read: Value = res.json().await.unwrap();
    assert_eq!(read, updated);

    // A case with no children at all.
    let bare = create(&app, &c.officer, offence("2026-05-01T10:00:00Z")).await;
    let read: Value = app
        .get(
            &format!("/api/v1/seizures/{}", bare["id"].as_str().unwrap()),
            &c.supervisor,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read, bare);

    // The read's audit row, written by the same statement, says who, from where and which
    // request; an unknown case is 404 and writes nothing.
    let mut conn = app.db.conn().await;
    let rows: Vec<ReadRow> = diesel::sql_query(
        "SELECT actor_username, object_type, host(ip) AS ip, request_id, outcome FROM audit_events
          WHERE action = 'seizure.read' AND object_id = $1 ORDER BY id",
    )
    .bind::<diesel::sql_types::Text, _>(&id)
    .load(&mut conn)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2);
    let last = &rows[1];
    assert_eq!(last.actor_username.as_deref(), Some("sam"));
    assert_eq!(last.object_type.as_deref(), Some("seizure"));
    assert_eq!(last.ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(last.request_id.as_deref(), Some("read-check-42"));
    assert_eq!(last.outcome, "success");
    let before = count(&app, "audit_events").await;
    let res = app
        .get(
            "/api/v1/seizures/0190a5b0-0000-7000-8000-000000000000",
            &c.supervisor,
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    assert_eq!(count(&app, "audit_events").await, before);
}

#[derive(QueryableByName)]
struct StoredDocument {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    document: Option<String>,
}

async fn stored_document(app: &TestApp, id: &str) -> Option<String> {
    let mut conn = app.db.conn().await;
    diesel::sql_query("SELECT document FROM seizure_case_documents WHERE case_id = $1::uuid")
        .bind::<diesel::sql_types::Text, _>(id)
        .get_result::<StoredDocument>(&mut conn)
        .await
        .unwrap()
        .document
}

async fn sql(app: &TestApp, statement: &str, id: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(statement)
        .bind::<diesel::sql_types::Text, _>(id)
        .execute(&mut conn)
        .await
        .unwrap();
}

async fn read_case(app: &TestApp, token: &str, id: &str) -> Value {
    let res = app.get(&format!("/api/v1/seizures/{id}"), token).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn version_of(app: &TestApp, token: &str, path: &str) -> i64 {
    let v: Value = app.get(path, token).await.json().await.unwrap();
    v["version"].as_i64().unwrap()
}

/// Reads are served from the stored document; every change that shows in a case clears it,
/// including changes to the records, unit and officer it shows; a document of another
/// rendering is never served.
#[tokio::test]
async fn stored_case_documents_are_served_and_cleared_by_every_change_they_show() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(stored_document(&app, &id).await, None);
    assert_eq!(read_case(&app, &c.supervisor, &id).await, case);
    let stored = stored_document(&app, &id)
        .await
        .expect("stored by the first read");
    assert_eq!(serde_json::from_str::<Value>(&stored).unwrap(), case);

    // Served as stored (the reads are audited all the same).
    sql(&app, r#"UPDATE seizure_case_documents SET document = '{"served":"from the store"}' WHERE case_id = $1::uuid"#, &id).await;
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await,
        json!({ "served": "from the store" })
    );
    // ...but only if this server rendered it.
    sql(
        &app,
        "UPDATE seizure_case_documents SET format = 'another build' WHERE case_id = $1::uuid",
        &id,
    )
    .await;
    assert_eq!(read_case(&app, &c.supervisor, &id).await, case);
    assert_eq!(app.audit_rows("seizure.read").await.len(), 3);

    // Each change below shows in the next read.
    let person_id = case["persons"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/api/v1/persons/{person_id}");
    let v = version_of(&app, &c.officer, &path).await;
    let res = app
        .patch(
            &path,
            &c.officer,
            v,
            json!({ "given_names": "Ivan Petrovich" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["persons"][0]["person"]["given_names"],
        "Ivan Petrovich"
    );
    let res = app
        .patch(
            &path,
            &c.officer,
            v + 1,
            json!({ "documents": [
            { "document_type": "passport", "number": "72 7654321", "issuing_country": "RU" }
        ] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["persons"][0]["person"]["documents"][0]["number"],
        "72 7654321"
    );

    let path = format!("/api/v1/companies/{company_id}");
    let v = version_of(&app, &c.officer, &path).await;
    assert_eq!(
        app.patch(&path, &c.officer, v, json!({ "name": "Acme Holding BV" }))
            .await
            .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["companies"][0]["company"]["name"],
        "Acme Holding BV"
    );

    let conveyance_id = case["conveyances"][0]["conveyance"]["id"].as_str().unwrap();
    let path = format!("/api/v1/conveyances/{conveyance_id}");
    let v = version_of(&app, &c.officer, &path).await;
    assert_eq!(
        app.patch(
            &path,
            &c.officer,
            v,
            json!({ "notes": "Seen in Rotterdam" })
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["conveyances"][0]["conveyance"]["notes"],
        "Seen in Rotterdam"
    );

    let res = ncen_tests::upload(
        &app,
        &c.officer,
        &id,
        "xray",
        "scan.png",
        ncen_tests::png(32, 32),
    )
    .await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["attachments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let path = format!("/api/v1/units/{}", c.root);
    let v = version_of(&app, &c.admin, &path).await;
    assert_eq!(
        app.patch(&path, &c.admin, v, json!({ "name": "National Customs HQ" }))
            .await
            .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["reporting_unit_name"],
        "National Customs HQ"
    );

    let officer_id = case["reporting_officer_id"].as_str().unwrap();
    let path = format!("/api/v1/users/{officer_id}");
    let v = version_of(&app, &c.admin, &path).await;
    assert_eq!(
        app.patch(
            &path,
            &c.admin,
            v,
            json!({ "display_name": "Olga Petrova" })
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.supervisor, &id).await["reporting_officer_name"],
        "Olga Petrova"
    );

    // the four corrections of linked records above each gave the case a new version
    let res = app
        .patch(
            &format!("/api/v1/seizures/{id}"),
            &c.officer,
            5,
            json!({ "place": "Terminal 2E" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    let read = read_case(&app, &c.supervisor, &id).await;
    assert_eq!(read["place"], "Terminal 2E");
    assert_eq!(read, updated);
}

/// `GET /seizures/{id}` checks the session and role in its own statement: the same rules as
/// every other route (sign-out, disabling, role changes and expiry act at once), and nothing
/// is audited for a refused read.
#[tokio::test]
async fn the_case_read_checks_the_session_and_role_like_every_route() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    // Submitted, so that readers outside the recording unit's officers see it.
    let case = super::submitted(&app, &c.officer, offence("2026-05-01T10:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    let (reader_id, password) = app.create_user(&c.admin, "rita", &["investigator"]).await;
    let rita = app.token("rita", &password).await;
    assert_eq!(app.get(&path, &rita).await.status(), 200);
    let reads = app.audit_rows("seizure.read").await.len();

    // No token, a bad one, one signed with another key.
    let res = app.client.get(app.url(&path)).send().await.unwrap();
    assert_problem(res, 401, "unauthenticated").await;
    assert_problem(app.get(&path, "not-a-jwt").await, 401, "unauthenticated").await;
    // A role without case access: 403, whether or not the case exists.
    let user = format!("/api/v1/users/{reader_id}");
    assert_eq!(
        app.patch(&user, &c.admin, 1, json!({ "roles": ["admin"] }))
            .await
            .status(),
        200
    );
    assert_problem(app.get(&path, &rita).await, 403, "forbidden").await;
    assert_problem(
        app.get(
            "/api/v1/seizures/0190a5b0-0000-7000-8000-000000000000",
            &rita,
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        app.patch(&user, &c.admin, 2, json!({ "roles": ["analyst"] }))
            .await
            .status(),
        200
    );
    assert_eq!(app.get(&path, &rita).await.status(), 200);
    // Disabled: the same token stops working at once.
    assert_eq!(
        app.patch(&user, &c.admin, 3, json!({ "disabled": true }))
            .await
            .status(),
        200
    );
    assert_problem(app.get(&path, &rita).await, 401, "unauthenticated").await;
    assert_eq!(app.audit_rows("seizure.read").await.len(), reads + 1);

    // Signed out: the session is revoked and its token refused.
    let c2 = ncen_tests::client();
    let login: Value = app
        .login_with(&c2, "ana", "a-strong-passphrase-1")
        .await
        .json()
        .await
        .unwrap();
    let access = login["access_token"].as_str().unwrap().to_string();
    assert_eq!(app.get(&path, &access).await.status(), 200);
    assert_eq!(
        c2.post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_problem(app.get(&path, &access).await, 401, "unauthenticated").await;
}
