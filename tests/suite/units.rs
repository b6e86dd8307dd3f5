use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn units_form_a_tree_that_can_be_renamed_and_moved_but_never_into_a_cycle() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    let create = |code: &'static str, parent: String| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let res = app.post("/api/v1/units", &admin, json!({ "code": code, "name": format!("{code} office"), "parent_id": parent, "location_type": "airport", "unlocode": "FRCDG" })).await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let north = create("NORTH", root.clone()).await;
    let airport = create("CDG", north.clone()).await;

    let res = app
        .patch(
            &format!("/api/v1/units/{north}"),
            &admin,
            1,
            json!({ "parent_id": airport }),
        )
        .await;
    assert_problem(res, 409, "conflict").await;
    let res = app
        .patch(
            &format!("/api/v1/units/{north}"),
            &admin,
            1,
            json!({ "parent_id": north }),
        )
        .await;
    assert_problem(res, 409, "conflict").await;

    let res = app
        .patch(
            &format!("/api/v1/units/{airport}"),
            &admin,
            1,
            json!({ "parent_id": root, "name": "Roissy-CDG" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(moved["parent_id"], json!(root));
    assert_eq!(moved["name"], "Roissy-CDG");
    assert_eq!(moved["version"], 2);
    let res = app
        .patch(
            &format!("/api/v1/units/{airport}"),
            &admin,
            2,
            json!({ "parent_id": null }),
        )
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["parent_id"], Value::Null);

    let all: Value = app.get("/api/v1/units", &admin).await.json().await.unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
    assert_eq!(app.audit_rows("unit.update").await.len(), 2);
}

#[tokio::test]
async fn unit_fields_are_validated() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let res = app.post("/api/v1/units", &admin, json!({ "code": "bad code!", "name": "", "parent_id": uuid::Uuid::new_v4(), "location_type": "volcano", "unlocode": "paris" })).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in ["code", "name", "parent_id", "location_type", "unlocode"] {
        assert!(fields.contains(&f), "{f} missing in {fields:?}");
    }
    let res = app
        .post(
            "/api/v1/units",
            &admin,
            json!({ "code": "hq", "name": "Duplicate of HQ" }),
        )
        .await;
    assert_problem(res, 409, "conflict").await;
    assert_problem(
        app.get(&format!("/api/v1/units/{}", uuid::Uuid::new_v4()), &admin)
            .await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn a_unit_patch_is_a_json_merge_patch() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    let res = app.post("/api/v1/units", &admin, json!({ "code": "LYS", "name": "Lyon airport", "parent_id": root, "location_type": "airport", "unlocode": "FRLYS" })).await;
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/api/v1/units/{id}");
    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin)
        .header("If-Match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{ "unlocode": null, "name": "Lyon Saint-Exupéry" }"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let unit: Value = res.json().await.unwrap();
    assert_eq!(unit["unlocode"], Value::Null, "null clears");
    assert_eq!(unit["name"], "Lyon Saint-Exupéry");
    assert_eq!(
        unit["location_type"], "airport",
        "absent fields are left alone"
    );
    assert_eq!(unit["parent_id"], json!(root));

    let body = assert_problem(
        app.patch(&path, &admin, 2, json!({ "code": null, "name": "" }))
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
    assert_eq!(fields, ["code", "name"]);
    assert_problem(
        app.patch(&path, &admin, 1, json!({ "name": "Stale" }))
            .await,
        412,
        "precondition_failed",
    )
    .await;
    assert_problem(
        app.patch(&path, &admin, 2, json!(["not", "an", "object"]))
            .await,
        400,
        "bad_request",
    )
    .await;
}
