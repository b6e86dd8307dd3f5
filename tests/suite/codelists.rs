use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn every_domain_list_is_seeded() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, pw) = app.create_user(&admin, "otto", &["officer"]).await;
    let officer = app.token("otto", &pw).await;
    let index: Value = app
        .get("/api/v1/codelists", &officer)
        .await
        .json()
        .await
        .unwrap();
    let count = |name: &str| {
        index["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["name"] == name)
            .map(|l| l["entry_count"].as_i64().unwrap())
            .unwrap_or(0)
    };
    assert_eq!(count("commodity_groups"), 15);
    assert!(count("commodity_types") > 100);
    assert_eq!(count("detection_methods"), 12);
    assert_eq!(count("concealment_methods"), 13);
    assert_eq!(count("location_types"), 9);
    assert_eq!(count("conveyance_types"), 18);
    assert_eq!(count("units_of_measure"), 12);
    assert!(count("countries") >= 249);
    assert!(count("currencies") >= 150);
    assert!(count("document_types") >= 5);
    assert_eq!(count("investigation_priorities"), 4);

    let types: Value = app
        .get("/api/v1/codelists/commodity_types", &officer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(types["parent_list"], "commodity_groups");
    let cocaine = types["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "cocaine")
        .unwrap();
    assert_eq!(cocaine["parent_code"], "drugs");
    assert!(cocaine["labels"]["fr"].is_string());
    let units: Value = app
        .get("/api/v1/codelists/units_of_measure", &officer)
        .await
        .json()
        .await
        .unwrap();
    let g = units["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "g")
        .unwrap();
    assert_eq!(g["attributes"]["kg_factor"], 0.001);
    let countries: Value = app
        .get("/api/v1/codelists/countries", &officer)
        .await
        .json()
        .await
        .unwrap();
    let ci = countries["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "CI")
        .unwrap();
    assert_eq!(ci["labels"]["fr"], "Côte d'Ivoire");
    assert_problem(
        app.get("/api/v1/codelists/nope", &officer).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn admins_add_and_retire_entries_which_stay_valid_on_old_records() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app.post("/api/v1/codelists/commodity_types/entries", &admin, json!({ "code": "nitazenes", "parent_code": "drugs", "labels": { "en": "Nitazenes", "fr": "Nitazènes" } })).await;
    assert_eq!(res.status(), 201);
    let entry: Value = res.json().await.unwrap();
    assert_eq!(entry["retired"], false);
    assert_problem(
        app.post(
            "/api/v1/codelists/commodity_types/entries",
            &admin,
            json!({ "code": "nitazenes", "parent_code": "drugs", "labels": { "en": "Again" } }),
        )
        .await,
        409,
        "conflict",
    )
    .await;

    let body = assert_problem(
        app.post(
            "/api/v1/codelists/commodity_types/entries",
            &admin,
            json!({ "code": "x y", "parent_code": "unicorns", "labels": { "fr": "" } }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in ["code", "parent_code", "labels.en", "labels.fr"] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    let body = assert_problem(
        app.post(
            "/api/v1/codelists/commodity_types/entries",
            &admin,
            json!({ "code": "x", "labels": { "en": "X" } }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "parent_code");

    let res = app
        .client
        .patch(app.url("/api/v1/codelists/commodity_types/entries/nitazenes"))
        .bearer_auth(&admin)
        .json(&json!({ "retired": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let active: Value = app
        .get("/api/v1/codelists/commodity_types", &admin)
        .await
        .json()
        .await
        .unwrap();
    assert!(!active["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "nitazenes"));
    let all: Value = app
        .get(
            "/api/v1/codelists/commodity_types?include_retired=true",
            &admin,
        )
        .await
        .json()
        .await
        .unwrap();
    let retired = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "nitazenes")
        .unwrap();
    assert_eq!(retired["retired"], true);
    assert!(retired["retired_at"].is_string());
    let mut conn = app.db.conn().await;
    assert!(
        ncen_core::codelists::repo::is_known(&mut conn, "commodity_types", "nitazenes")
            .await
            .unwrap()
    );

    let res = app
        .client
        .patch(app.url("/api/v1/codelists/commodity_types/entries/nitazenes"))
        .bearer_auth(&admin)
        .json(&json!({ "retired": false, "labels": { "en": "Nitazene opioids" } }))
        .send()
        .await
        .unwrap();
    let back: Value = res.json().await.unwrap();
    assert_eq!(back["retired"], false);
    assert_eq!(back["labels"]["en"], "Nitazene opioids");
    assert_eq!(
        back["labels"]["fr"], "Nitazènes",
        "labels merge, as a merge patch does"
    );
    let res = app
        .client
        .patch(app.url("/api/v1/codelists/commodity_types/entries/nitazenes"))
        .bearer_auth(&admin)
        .header("content-type", "application/merge-patch+json")
        .body(r#"{ "labels": { "fr": null } }"#)
        .send()
        .await
        .unwrap();
    let back: Value = res.json().await.unwrap();
    assert_eq!(
        back["labels"],
        json!({ "en": "Nitazene opioids" }),
        "null removes a language"
    );
    let res = app
        .client
        .patch(app.url("/api/v1/codelists/commodity_types/entries/nitazenes"))
        .bearer_auth(&admin)
        .json(&json!({ "labels": { "en": null } }))
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "labels.en");
    assert_eq!(app.audit_rows("codelist.entry_update").await.len(), 3);
    let res = app
        .client
        .patch(app.url("/api/v1/codelists/commodity_types/entries/ghost"))
        .bearer_auth(&admin)
        .json(&json!({ "retired": true }))
        .send()
        .await
        .unwrap();
    assert_problem(res, 404, "not_found").await;
}
