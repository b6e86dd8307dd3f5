//! Screening against the registers through the matching engine: a name in another script,
//! order or spelling finds the record, with its score and explanation; a namesake born decades
//! apart is not a hit; companies by name and identifier; bad queries are 422; every screening
//! is audited; the matching keys are kept on update and rebuilt by `reindex`.

use crate::seizures::crew;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn create(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    let res = app.post(path, token, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let v: Value = res.json().await.unwrap();
    v["id"].as_str().unwrap().to_string()
}

async fn screen(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/screening", token, body).await;
    let status = res.status();
    let v: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{v}");
    v
}

fn ids(result: &Value) -> Vec<String> {
    result["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_latin_name_finds_the_arabic_record_with_its_explanation_and_not_the_namesake() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let wanted = create(&app, &c.officer, "/api/v1/persons", json!({
        "family_name": "بن صالح", "given_names": "عبد القادر", "date_of_birth": "1979-11-07", "gender": "male"
    }))
    .await;
    let namesake = create(&app, &c.officer, "/api/v1/persons", json!({
        "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": "1948-02-01", "gender": "male"
    }))
    .await;
    create(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({ "family_name": "Martin", "given_names": "Claire" }),
    )
    .await;

    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "Abdelkader Bensaleh", "date_of_birth": "1979" } }),
    )
    .await;
    let top = &r["candidates"][0];
    assert_eq!(top["id"], wanted.as_str(), "{r}");
    assert_eq!(top["band"], "hit");
    assert!(top["score"].as_f64().unwrap() >= r["thresholds"]["hit"].as_f64().unwrap());
    let features: Vec<&str> = top["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["feature"].as_str().unwrap())
        .collect();
    assert!(features.contains(&"date_of_birth"), "{top}");
    assert!(features.iter().any(|f| f.starts_with("name_")), "{top}");
    // the namesake born in 1948 is not a hit (listed for review at most)
    if let Some(n) = r["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == namesake.as_str())
    {
        assert_eq!(n["band"], "review", "{n}");
    }

    // script and order: the record in Latin found from Arabic script, given name first
    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "عبد القادر بن صالح" } }),
    )
    .await;
    assert!(ids(&r).contains(&namesake), "{r}");

    // a document number alone, written differently
    let doc = create(&app, &c.officer, "/api/v1/persons", json!({
        "family_name": "Ivanov", "given_names": "Sergei",
        "documents": [{ "document_type": "passport", "number": "PO 123-456", "issuing_country": "RU" }]
    }))
    .await;
    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "Иванов Сергей", "documents": [{ "number": "p0123456" }] } }),
    )
    .await;
    assert_eq!(r["candidates"][0]["id"], doc.as_str(), "{r}");
    assert!(r["candidates"][0]["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["feature"] == "document"));

    // audited with the ids shown, by whom
    let rows = app.audit_rows("screening.person").await;
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|(outcome, actor, _)| outcome == "success" && actor.as_deref() == Some("olga")));
}

#[tokio::test]
async fn companies_by_name_across_legal_forms_and_by_identifier() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let huafeng = create(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "深圳华丰贸易有限公司", "country": "CN" }),
    )
    .await;
    let acme = create(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "Acme Freight SARL", "country": "FR", "eori": "FR12345678901234" }),
    )
    .await;

    let r = screen(
        &app,
        &c.analyst,
        json!({ "company": { "name": "Shenzhen Huafeng Trading Co., Ltd." } }),
    )
    .await;
    assert_eq!(r["candidates"][0]["id"], huafeng.as_str(), "{r}");
    let r = screen(
        &app,
        &c.analyst,
        json!({ "company": { "eori": "fr 1234567890-1234" } }),
    )
    .await;
    assert_eq!(r["candidates"][0]["id"], acme.as_str(), "{r}");
    assert_eq!(app.audit_rows("screening.company").await.len(), 2);
}

#[tokio::test]
async fn keys_follow_corrections_and_reindex_rebuilds_them() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let id = create(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({ "family_name": "Okonkwo", "given_names": "Chidi" }),
    )
    .await;
    let res = app
        .patch(
            &format!("/api/v1/persons/{id}"),
            &c.officer,
            1,
            json!({ "family_name": "Nwosu" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "Chidi Nwosu" } }),
    )
    .await;
    assert_eq!(r["candidates"][0]["id"], id.as_str(), "{r}");
    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "Chidi Okonkwo" } }),
    )
    .await;
    assert!(
        !ids(&r).contains(&id) || r["candidates"][0]["band"] == "review",
        "{r}"
    );

    // a name changed behind the server's back is marked stale, and reindex rebuilds it
    let mut conn = app.db.conn().await;
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE persons SET family_name = 'Adeyemi' WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let done = ncen_core::registers::match_keys::reindex(&mut conn)
        .await
        .unwrap();
    assert_eq!(done.persons, 1);
    let r = screen(
        &app,
        &c.officer,
        json!({ "person": { "name": "Chidi Adeyemi" } }),
    )
    .await;
    assert_eq!(r["candidates"][0]["id"], id.as_str(), "{r}");
}

#[tokio::test]
async fn bad_screenings_are_refused_precisely() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let cases = [
        ("", json!({ "person": {} }), "person", "nothing_to_match"),
        (
            "",
            json!({ "person": { "name": "--" } }),
            "person",
            "nothing_to_match",
        ),
        (
            "",
            json!({ "company": { "country": "FR" } }),
            "company",
            "nothing_to_match",
        ),
        (
            "",
            json!({ "person": { "name": "A B", "date_of_birth": "1979-13" } }),
            "person.date_of_birth",
            "format",
        ),
        (
            "",
            json!({ "person": { "name": "x".repeat(201) } }),
            "person.name",
            "length",
        ),
        (
            "?limit=0",
            json!({ "person": { "name": "A B" } }),
            "limit",
            "range",
        ),
    ];
    for (query, body, field, code) in cases {
        let res = app
            .post(
                &format!("/api/v1/screening{query}"),
                &c.officer,
                body.clone(),
            )
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        let errors = problem["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{body}: {problem}"
        );
    }
    // not one subject: none, both, or an unknown field
    for body in [
        json!({}),
        json!({ "person": { "name": "A B" }, "company": { "name": "C" } }),
        json!({ "person": { "nom": "x" } }),
    ] {
        let res = app
            .post("/api/v1/screening", &c.officer, body.clone())
            .await;
        assert_eq!(res.status(), 400, "{body}");
    }
    // an impossible day is read as its month: a query is not stored
    let res = app
        .post(
            "/api/v1/screening",
            &c.officer,
            json!({ "person": { "name": "A B", "date_of_birth": "1979-02-30" } }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post(
            "/api/v1/screening",
            "not-a-token",
            json!({ "person": { "name": "A B" } }),
        )
        .await;
    assert_eq!(res.status(), 401);
}

/// More namesakes than a probe's bound (100): the person born within a year of the query is
/// still found — by the year probe, which runs because the key probe reached its bound — in a
/// screening and in an import's batch probe.
#[tokio::test]
async fn the_right_person_is_found_among_more_namesakes_than_the_bound() {
    use diesel_async::RunQueryDsl;
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let template = create(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({
            "family_name": "Okafor", "given_names": "Chidi", "date_of_birth": "1950-01-01"
        }),
    )
    .await;
    let mut conn = app.db.conn().await;
    diesel::sql_query(format!(
        "INSERT INTO persons (id, family_name, given_names, birth_year, match_latin, match_keys, match_version) \
         SELECT gen_random_uuid(), family_name, given_names, birth_year, match_latin, match_keys, match_version \
           FROM persons, generate_series(1, 150) WHERE id = '{template}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    // written after the namesakes: an unordered probe bounded at 100 reads them first
    let wanted = create(
        &app,
        &c.officer,
        "/api/v1/persons",
        json!({
            "family_name": "Okafor", "given_names": "Chidi", "date_of_birth": "1985-03-02"
        }),
    )
    .await;
    let query = json!({ "person": { "name": "Chidi Okafor", "date_of_birth": "1985-03-02" } });
    let r = screen(&app, &c.officer, query).await;
    assert_eq!(r["candidates"][0]["id"], wanted.as_str(), "{r}");
    assert_eq!(r["candidates"][0]["band"], "hit", "{r}");

    let line = json!({
        "external_id": "N1", "kind": "offence", "detected_at": "2025-10-01T10:00:00Z",
        "place": "Lagos", "persons": [{ "role": "courier", "person": {
            "family_name": "Okafor", "given_names": "Chidi", "date_of_birth": "1985-03-02"
        } }]
    });
    let query = "record_type=cases&source_system=bound&dry_run=false&mode=valid_rows";
    let file = crate::imports::ndjson(&[line]);
    let res = crate::imports::upload(&app, &c.supervisor, query, file, None).await;
    let id = crate::imports::queued(res).await;
    let job = crate::imports::finished(&app, &c.supervisor, &id).await;
    assert_eq!(job["matched"], 1, "{job}");
    let linked = ncen_tests::strings(
        &mut conn,
        "SELECT person_id::text AS value FROM seizure_case_persons",
    )
    .await;
    assert_eq!(linked, vec![wanted]);
}
