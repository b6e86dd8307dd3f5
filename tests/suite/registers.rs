//! The person, company and conveyance registers: search across spellings, identifier
//! validation, versions, the cases each record appears in, and audited reads.

use crate::seizures::{crew, full_case};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn created(app: &TestApp, path: &str, token: &str, body: Value) -> Value {
    let res = app.post(path, token, body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

async fn names(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let res = app
        .get(
            &format!("/api/v1/persons?q={}", q.replace(' ', "%20")),
            token,
        )
        .await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["family_name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn persons_are_found_across_spellings_accents_word_order_and_scripts() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    for body in [
        json!({ "family_name": "Ali", "given_names": "Muhammad", "original_script_name": "محمد علي", "date_of_birth": "1979" }),
        json!({ "family_name": "Ivanov", "given_names": "Sergei", "aliases": ["Serge Ivanoff"], "nationalities": ["RU"] }),
        json!({ "family_name": "Álvarez", "given_names": "José Luis", "date_of_birth": "1990-02-28",
                "documents": [{ "document_type": "passport", "number": "PA-123 456", "issuing_country": "ES" }] }),
        json!({ "family_name": "Петров", "given_names": "Дмитрий" }),
    ] {
        created(&app, "/api/v1/persons", &c.officer, body).await;
    }
    let t = &c.analyst;
    assert_eq!(names(&app, t, "mohammed ali").await, ["Ali"]);
    assert_eq!(names(&app, t, "ALI, Muhammad").await, ["Ali"]);
    assert_eq!(names(&app, t, "Мухаммад").await, ["Ali"]);
    assert_eq!(names(&app, t, "ivanoff").await, ["Ivanov"]);
    assert_eq!(names(&app, t, "Иванов").await, ["Ivanov"]);
    assert_eq!(names(&app, t, "jose alvarez").await, ["Álvarez"]);
    assert_eq!(names(&app, t, "petrov dmitriy").await, ["Петров"]);
    assert!(names(&app, t, "zimmermann").await.is_empty());
    let by_doc: Value = app
        .get("/api/v1/persons?document=pa123456", t)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_doc["items"][0]["family_name"], "Álvarez");
    assert_eq!(by_doc["items"][0]["date_of_birth"], "1990-02-28");
    let by_nat: Value = app
        .get("/api/v1/persons?nationality=RU", t)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_nat["items"].as_array().unwrap().len(), 1);
    let p1: Value = app
        .get("/api/v1/persons?limit=2", t)
        .await
        .json()
        .await
        .unwrap();
    let cursor = p1["next_cursor"].as_str().unwrap();
    let p2: Value = app
        .get(&format!("/api/v1/persons?limit=2&cursor={cursor}"), t)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        p1["items"].as_array().unwrap().len() + p2["items"].as_array().unwrap().len(),
        4
    );
    assert!(p2["next_cursor"].is_null());
    assert_problem(
        app.get("/api/v1/persons?nationality=XY", t).await,
        422,
        "validation_failed",
    )
    .await;
    // Every search is audited with what it returned.
    let searches = app.audit_rows("person.search").await;
    assert!(searches.len() >= 11 && searches.iter().all(|s| s.1.as_deref() == Some("ana")));
}

#[tokio::test]
async fn person_fields_are_validated_and_updates_need_the_version() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let res = app
        .post("/api/v1/persons", &c.officer, json!({
            "family_name": " ", "date_of_birth": "2999-01", "gender": "robot", "nationalities": ["FR", "QQ"],
            "documents": [{ "document_type": "library_card", "number": "" }], "emails": ["not-an-address"]
        }))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "family_name",
        "date_of_birth",
        "gender",
        "nationalities[1]",
        "documents[0].document_type",
        "documents[0].number",
        "emails[0]",
    ] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    let res = app
        .post(
            "/api/v1/persons",
            &c.officer,
            json!({ "family_name": "X", "date_of_birth": "1990-02-30" }),
        )
        .await;
    assert_eq!(
        assert_problem(res, 422, "validation_failed").await["errors"][0]["code"],
        "no_such_date"
    );
    // held to the published pattern as sent
    for bad in ["1990-13", " 1990", "1990-2", "1899"] {
        let res = app
            .post(
                "/api/v1/persons",
                &c.officer,
                json!({ "family_name": "X", "date_of_birth": bad }),
            )
            .await;
        assert_problem(res, 422, "validation_failed").await;
    }

    let p = created(
        &app,
        "/api/v1/persons",
        &c.officer,
        json!({ "family_name": "Dupont", "phones": ["+33 1 23 45 67 89"] }),
    )
    .await;
    let path = format!("/api/v1/persons/{}", p["id"].as_str().unwrap());
    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&c.officer)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    assert_problem(
        app.patch(&path, &c.officer, 9, json!({ "given_names": "Jean" }))
            .await,
        412,
        "precondition_failed",
    )
    .await;
    assert_problem(
        app.patch(&path, &c.analyst, 1, json!({ "given_names": "Jean" }))
            .await,
        403,
        "forbidden",
    )
    .await;
    let res = app
        .patch(
            &path,
            &c.officer,
            1,
            json!({ "given_names": "Jean", "phones": null }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(
        (p["given_names"].as_str(), p["version"].as_i64()),
        (Some("Jean"), Some(2))
    );
    assert_eq!(p["phones"], json!([]));
    assert_eq!(p["cases"], json!([]));
    let rows = app.audit_rows("person.update").await;
    assert_eq!(rows[0].1.as_deref(), Some("olga"));
    assert_problem(
        app.get(
            &format!("/api/v1/persons/{}", uuid::Uuid::new_v4()),
            &c.analyst,
        )
        .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn conveyance_identifiers_are_checked_normalised_and_unique() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    for (kind, identifier, code) in [
        ("container", "MSKU1234567", "check_digit"),
        ("container", "MSK1234567", "format"),
        ("imo", "IMO 9074728", "check_digit"),
        ("mmsi", "12345678", "format"),
        ("vin", "1M8GDM9A1KP042788", "check_digit"),
        ("vin", "WVWZZZ1JZXW00000O", "format"),
        ("air_waybill", "020-12345670", "check_digit"),
    ] {
        let body = json!({ "conveyance_type": "other", "identifier_kind": kind, "identifier": identifier });
        let problem = assert_problem(
            app.post("/api/v1/conveyances", &c.officer, body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(
            problem["errors"][0]["field"], "identifier",
            "{kind} {identifier}"
        );
        assert_eq!(problem["errors"][0]["code"], code, "{kind} {identifier}");
    }
    let body =
        json!({ "conveyance_type": "spaceship", "identifier_kind": "warp", "identifier": "x" });
    let problem = assert_problem(
        app.post("/api/v1/conveyances", &c.officer, body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2);

    let vessel = created(&app, "/api/v1/conveyances", &c.officer, json!({
        "conveyance_type": "container_vessel", "identifier_kind": "imo", "identifier": "imo 9074729", "country": "PA", "name": "Ever Given"
    }))
    .await;
    assert_eq!(vessel["identifier_norm"], "9074729");
    assert_eq!(vessel["identifier"], "imo 9074729");
    let awb = created(&app, "/api/v1/conveyances", &c.officer, json!({
        "conveyance_type": "cargo_aircraft", "identifier_kind": "air_waybill", "identifier": "020-1234 5675"
    }))
    .await;
    assert_eq!(awb["identifier_norm"], "02012345675");
    let dup = json!({ "conveyance_type": "container_vessel", "identifier_kind": "imo", "identifier": "9074729", "country": "PA" });
    assert_problem(
        app.post("/api/v1/conveyances", &c.officer, dup).await,
        409,
        "conflict",
    )
    .await;

    let page: Value = app
        .get("/api/v1/conveyances?q=020-123", &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], awb["id"]);
    let page: Value = app
        .get("/api/v1/conveyances?q=ever%20giv", &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], vessel["id"]);
    let page: Value = app
        .get(
            "/api/v1/conveyances?identifier_kind=imo&country=PA",
            &c.analyst,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);

    let path = format!("/api/v1/conveyances/{}", vessel["id"].as_str().unwrap());
    let problem = assert_problem(
        app.patch(&path, &c.officer, 1, json!({ "identifier": "9074728" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "check_digit");
    let res = app
        .patch(
            &path,
            &c.officer,
            1,
            json!({ "name": "Ever Given II", "make": null }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["version"], 2);
    assert_eq!(app.audit_rows("conveyance.update").await.len(), 1);
}

#[tokio::test]
async fn companies_are_searched_by_name_or_identifier_and_show_their_cases() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let acme = created(&app, "/api/v1/companies", &c.officer, json!({
        "name": "Société Générale d'Import-Export", "aliases": ["SGIE"], "eori": "fr 1234567890123",
        "registration_number": "552 120 222", "country": "FR", "activities": ["importer", "broker"]
    }))
    .await;
    assert_eq!(acme["eori"], "FR1234567890123");
    assert_eq!(acme["status"], "active");
    created(
        &app,
        "/api/v1/companies",
        &c.officer,
        json!({ "name": "Nordic Freight AS", "country": "NO", "activities": ["carrier"] }),
    )
    .await;
    let bad = json!({ "name": "X", "eori": "12", "activities": ["smuggler"], "status": "zombie", "country": "XY" });
    let problem = assert_problem(
        app.post("/api/v1/companies", &c.officer, bad).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"].as_array().unwrap().len(), 4);

    for (query, hits) in [
        ("q=societe%20generale", 1),
        ("q=import%20export%20generale", 1),
        ("q=sgie", 1),
        // one word: any name containing it; one or two letters: a name of exactly those
        ("q=rdic", 1),
        ("q=no", 0),
        ("q=FR1234567890123", 1),
        ("q=552120222", 1),
        ("country=NO", 1),
        ("activity=broker", 1),
        ("q=nothing%20like%20this", 0),
    ] {
        let page: Value = app
            .get(&format!("/api/v1/companies?{query}"), &c.analyst)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["items"].as_array().unwrap().len(), hits, "{query}");
    }

    let acme_id = acme["id"].as_str().unwrap();
    let res = app
        .post("/api/v1/seizures", &c.officer, full_case(acme_id))
        .await;
    assert_eq!(res.status(), 201);
    let detail: Value = app
        .get(&format!("/api/v1/companies/{acme_id}"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["cases"].as_array().unwrap().len(), 1);
    assert_eq!(detail["cases"][0]["role"], "importer");
    assert_eq!(detail["cases"][0]["status"], "draft");
    let reads = app.audit_rows("company.read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].2.as_deref(), Some(acme_id));
    assert_problem(
        app.get(&format!("/api/v1/companies/{acme_id}"), &c.admin)
            .await,
        403,
        "forbidden",
    )
    .await;
}

/// Changing a conveyance's type moves the cases it is linked to between the list's
/// conveyance-type filters (the database keeps the cases' filter copy, migration
/// 2026-12-02-000001), and a change of anything else leaves them alone.
#[tokio::test]
async fn a_conveyance_type_change_reaches_the_case_list_filter() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let vehicle = created(
        &app,
        "/api/v1/conveyances",
        &c.officer,
        json!({ "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "AB-123-CD" }),
    )
    .await;
    let id = vehicle["id"].as_str().unwrap().to_string();
    let case = created(
        &app,
        "/api/v1/seizures",
        &c.officer,
        json!({ "kind": "offence", "detected_at": "2026-01-15T10:00:00Z", "place": "Border",
                "conveyances": [{ "role": "carrying", "conveyance_id": id }] }),
    )
    .await;
    let case_id = case["id"].as_str().unwrap().to_string();
    let listed = |kind: &'static str| {
        let app = &app;
        let token = c.supervisor.clone();
        let case_id = case_id.clone();
        async move {
            let page: Value = app
                .get(&format!("/api/v1/seizures?conveyance_type={kind}"), &token)
                .await
                .json()
                .await
                .unwrap();
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["id"] == case_id.as_str())
        }
    };
    assert!(listed("truck").await);
    assert!(!listed("private_car").await);

    let res = app
        .patch(
            &format!("/api/v1/conveyances/{id}"),
            &c.officer,
            1,
            json!({ "notes": "seen twice" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        listed("truck").await,
        "an unrelated change keeps the filter"
    );

    let res = app
        .patch(
            &format!("/api/v1/conveyances/{id}"),
            &c.officer,
            2,
            json!({ "conveyance_type": "private_car" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert!(listed("private_car").await);
    assert!(!listed("truck").await);
}

/// A PATCH body is a JSON merge patch (RFC 7396), and may say so in its content type.
#[tokio::test]
async fn a_merge_patch_may_be_sent_as_application_merge_patch_json() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let person = created(
        &app,
        "/api/v1/persons",
        &c.officer,
        json!({ "family_name": "Morel", "given_names": "Anne", "aliases": ["A. Morel"] }),
    )
    .await;
    let id = person["id"].as_str().unwrap();
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/persons/{id}")))
        .bearer_auth(&c.officer)
        .header("If-Match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{ "given_names": "Anne-Marie", "aliases": null }"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["given_names"], "Anne-Marie");
    assert_eq!(body["aliases"], json!([]), "null clears the field");
    assert_eq!(body["family_name"], "Morel", "absent fields are left alone");
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/persons/{id}")))
        .bearer_auth(&c.officer)
        .header("If-Match", "\"2\"")
        .header("content-type", "text/plain")
        .body(r#"{ "given_names": "Anne" }"#)
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;
}
