//! `POST /seizures`: recording a whole case in one request, and refusing bad input with every
//! field named and nothing written.

use super::{company, count, create, crew, fields, full_case, offence};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn an_officer_records_a_whole_case_that_anyone_with_access_reads_in_one_response() {
    let app = TestApp::spawn_with(|s| s.country = "MV".into()).await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let res = app
        .post("/api/v1/seizures", &c.officer, full_case(&company_id))
        .await;
    assert_eq!(res.status(), 201);
    // the ETag: the version, then the generation of the document served
    assert!(res.headers()["etag"].to_str().unwrap().starts_with("\"1."));
    let case: Value = res.json().await.unwrap();
    assert_eq!(case["reference"], "MV-2026-000001");
    assert_eq!(case["status"], "draft");
    assert_eq!(case["version"], 1);
    assert_eq!(case["reporting_unit_id"], json!(c.root));
    assert_eq!(case["reporting_officer_name"], "olga");
    assert_eq!(case["unlocode"], "FRCDG");
    assert_eq!(case["goods"][0]["hs_code"], "293971");
    assert_eq!(case["goods"][0]["mass_kg"], 2.5);
    assert_eq!(case["goods"][1]["mass_kg"], Value::Null);
    let route: Vec<&str> = case["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["country"].as_str().unwrap())
        .collect();
    assert_eq!(route, ["BR", "PT", "FR"]);
    assert_eq!(case["persons"][0]["role"], "courier");
    assert_eq!(case["persons"][0]["person"]["family_name"], "Ivanoff");
    assert_eq!(
        case["persons"][0]["person"]["documents"][0]["number"],
        "72 1234567"
    );
    assert_eq!(case["companies"][0]["company"]["id"], json!(company_id));
    assert_eq!(
        case["conveyances"][0]["conveyance"]["identifier_norm"],
        "CSQU3054383"
    );
    let id = case["id"].as_str().unwrap();

    // The next reference follows; the unit's supervisor reads the same document.
    let second = create(&app, &c.officer, offence("2026-05-01T10:00:00+02:00")).await;
    assert_eq!(second["reference"], "MV-2026-000002");
    let res = app
        .get(&format!("/api/v1/seizures/{id}"), &c.supervisor)
        .await;
    assert_eq!(res.status(), 200);
    let read: Value = res.json().await.unwrap();
    assert_eq!(read, case);

    // The inline person now exists in the register with the case and role.
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let person: Value = app
        .get(&format!("/api/v1/persons/{person_id}"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(person["cases"][0]["reference"], "MV-2026-000001");
    assert_eq!(person["cases"][0]["role"], "courier");
    let firm: Value = app
        .get(&format!("/api/v1/companies/{company_id}"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(firm["cases"][0]["role"], "importer");

    // Audited: the creation (and the inline records), each read, with who read it.
    assert_eq!(app.audit_rows("seizure.create").await.len(), 2);
    assert_eq!(app.audit_rows("person.create").await.len(), 1);
    assert_eq!(app.audit_rows("conveyance.create").await.len(), 1);
    let reads = app.audit_rows("seizure.read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].1.as_deref(), Some("sam"));
    assert_eq!(reads[0].2.as_deref(), Some(id));
    assert_eq!(app.audit_rows("person.read").await.len(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_every_field_named_and_nothing_written() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let mut body = full_case(&uuid::Uuid::new_v4().to_string());
    body["detected_at"] = json!("2099-01-01T00:00:00Z");
    body["location_type"] = json!("volcano");
    body["detection_methods"] = json!(["xray_nii", "telepathy"]);
    body["goods"][0]["quantity"] = json!(-3);
    body["goods"][0]["commodity_type"] = json!("cigarettes");
    body["goods"][1]["quantity"] = json!(5e12);
    body["goods"][1]["commodity_group"] = json!("unicorns");
    body["goods"][1]["value"] = json!(10);
    body["route"][0]["position"] = json!(4);
    body["conveyances"][0]["conveyance"]["identifier"] = json!("CSQU3054384");
    body["persons"][0]["person"]["date_of_birth"] = json!("2090-01-01");
    let res = app.post("/api/v1/seizures", &c.officer, body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let got = fields(&problem);
    for expected in [
        ("detected_at", "future"),
        ("location_type", "unknown_code"),
        ("detection_methods[1]", "unknown_code"),
        ("goods[0].quantity", "range"),
        ("goods[0].commodity_type", "mismatch"),
        ("goods[1].quantity", "range"),
        ("goods[1].commodity_group", "unknown_code"),
        ("goods[1].currency", "required"),
        ("route[0].position", "sequence"),
        ("conveyances[0].conveyance.identifier", "check_digit"),
        ("persons[0].person.date_of_birth", "future"),
        ("companies[0].company_id", "not_found"),
    ] {
        assert!(
            got.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} missing in {got:?}"
        );
    }
    for table in [
        "seizure_cases",
        "seizure_goods",
        "persons",
        "conveyances",
        "seizure_reference_counters",
    ] {
        assert_eq!(count(&app, table).await, 0, "{table} was written");
    }

    // Other classes: a seizure without goods, goods on an offence, a malformed body, a
    // link that names neither a record nor a new one, and an inline conveyance that is
    // already registered (409, and the case is not half-written).
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "detected_at": "2026-01-01T00:00:00Z" }),
        )
        .await;
    assert_eq!(
        fields(&assert_problem(res, 422, "validation_failed").await),
        [("goods".to_string(), "required".to_string())]
    );
    let mut body = offence("2026-01-01T00:00:00Z");
    body["goods"] = json!([{ "commodity_group": "drugs", "quantity": 1, "unit": "kg" }]);
    body["persons"] = json!([{ "role": "suspect" }]);
    let problem = assert_problem(
        app.post("/api/v1/seizures", &c.officer, body).await,
        422,
        "validation_failed",
    )
    .await;
    let got = fields(&problem);
    assert!(got.contains(&("goods".into(), "not_allowed".into())));
    assert!(got.contains(&("persons[0].person_id".into(), "one_of".into())));
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "goods": "lots" }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "colour": "red" }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;

    let company_id = company(&app, &c.officer, "Acme").await;
    create(&app, &c.officer, full_case(&company_id)).await;
    let cases_before = count(&app, "seizure_cases").await;
    let persons_before = count(&app, "persons").await;
    let res = app
        .post("/api/v1/seizures", &c.officer, full_case(&company_id))
        .await;
    assert_problem(res, 409, "conflict").await;
    assert_eq!(count(&app, "seizure_cases").await, cases_before);
    assert_eq!(count(&app, "persons").await, persons_before);
}
