//! `PATCH /seizures/{id}`: optimistic concurrency with `If-Match`, partial updates, and the
//! change history (`GET /seizures/{id}/history`) they leave.

use super::{company, create, crew, fields, full_case};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn updates_need_the_current_version_and_every_change_is_in_the_history() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());

    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&c.officer)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    let res = app
        .patch(&path, &c.officer, 7, json!({ "narrative": "x" }))
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    let res = app
        .patch(
            &path,
            &c.officer,
            1,
            json!({ "goods": [{ "commodity_group": "drugs", "quantity": 0, "unit": "kg" }] }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        fields(&problem),
        [("goods[0].quantity".to_string(), "range".to_string())]
    );

    let patch = json!({
        "narrative": "Corrected narrative",
        "customs_procedure": null,
        "route": [{ "position": 1, "country": "CO", "role": "origin" }, { "position": 2, "country": "FR", "role": "destination" }],
    });
    let res = app.patch(&path, &c.officer, 1, patch).await;
    assert_eq!(res.status(), 200);
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with("\"2."), "{etag}");
    // a read serves the same document under the same ETag
    assert_eq!(
        app.get(&path, &c.officer).await.headers()["etag"],
        etag.as_str()
    );
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated["version"], 2);
    assert_eq!(updated["narrative"], "Corrected narrative");
    assert_eq!(updated["customs_procedure"], Value::Null);
    assert_eq!(updated["route"].as_array().unwrap().len(), 2);
    // Untouched parts stay as they were (goods rows are rewritten, so ids are new).
    let strip = |goods: &Value| {
        let mut goods = goods.clone();
        for g in goods.as_array_mut().unwrap() {
            g.as_object_mut().unwrap().remove("id");
        }
        goods
    };
    assert_eq!(strip(&updated["goods"]), strip(&case["goods"]));
    assert_eq!(
        updated["persons"][0]["person"]["id"],
        case["persons"][0]["person"]["id"]
    );

    let history: Value = app
        .get(&format!("{path}/history"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["action"], "create");
    assert_eq!(items[1]["action"], "update");
    assert_eq!(items[1]["version"], 2);
    assert_eq!(items[1]["actor_username"], "olga");
    let changes = &items[1]["changes"];
    assert_eq!(
        changes["narrative"]["old"],
        "Passenger Ivan Ivanoff carried cocaine from São Paulo"
    );
    assert_eq!(changes["narrative"]["new"], "Corrected narrative");
    assert_eq!(changes["customs_procedure"]["new"], Value::Null);
    assert!(changes.get("route").is_some());
    assert!(
        changes.get("goods").is_none(),
        "unchanged goods are not a change: {changes}"
    );
    assert_eq!(app.audit_rows("seizure.update").await.len(), 1);
    assert_eq!(app.audit_rows("seizure.history_read").await.len(), 1);
}
