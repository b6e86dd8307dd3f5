//! A register record's history (`GET /{persons|companies|conveyances}/{id}/history`), the cases
//! that follow a record's corrections (new version, new `ETag`, a `record_update` history
//! entry), and the rule for correcting a record that another unit's validated case links.

use crate::seizures::{company, create, crew, full_case, new_unit, offence, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn read(app: &TestApp, path: &str, token: &str) -> (String, Value) {
    let res = app.get(path, token).await;
    let status = res.status();
    let etag = res
        .headers()
        .get("etag")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    (etag, body)
}

/// The version part of a case's `ETag` (`"3.17"`: version 3, document generation 17).
fn version(etag: &str) -> &str {
    etag.trim_matches('"').split('.').next().unwrap()
}

async fn post_if(app: &TestApp, path: &str, token: &str, version: i64) -> Value {
    let res = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .header("If-Match", format!("\"{version}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_record_keeps_its_old_and_new_values_and_the_cases_that_link_it_follow() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Tulip Freight BV").await;
    let case = submitted(&app, &c.officer, full_case(&company_id)).await;
    let case_path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    post_if(&app, &format!("{case_path}/validate"), &c.supervisor, 2).await;
    let (etag, before) = read(&app, &case_path, &c.analyst).await;
    assert_eq!(version(&etag), "3");
    let person_id = before["persons"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let person_path = format!("/api/v1/persons/{person_id}");

    // an officer of the unit that validated the case corrects the person's phone
    let res = app
        .patch(
            &person_path,
            &c.officer,
            1,
            json!({ "phones": ["+33 6 12 34 56 78"] }),
        )
        .await;
    assert_eq!(res.status(), 200);

    // the case's document changed: so did its version, its ETag and its history
    let (etag, after) = read(&app, &case_path, &c.analyst).await;
    assert_eq!(version(&etag), "4");
    assert_eq!(after["version"], 4);
    assert_eq!(
        after["persons"][0]["person"]["phones"],
        json!(["+33 6 12 34 56 78"])
    );
    let (_, history) = read(&app, &format!("{case_path}/history"), &c.analyst).await;
    let last = history["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "record_update");
    assert_eq!(last["version"], 4);
    assert_eq!(last["actor_username"], "olga");
    assert_eq!(
        last["record"],
        json!({ "kind": "person", "id": person_id, "version": 2 })
    );
    assert_eq!(
        last["changes"],
        json!({ "phones": { "old": [], "new": ["+33 6 12 34 56 78"] } })
    );

    // the person's own history: created with the case, then corrected
    let (_, record) = read(&app, &format!("{person_path}/history"), &c.analyst).await;
    let items = record["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{record}");
    assert_eq!(items[0]["action"], "create");
    assert_eq!(items[0]["version"], 1);
    assert_eq!(
        items[0]["changes"]["family_name"],
        json!({ "old": null, "new": "Ivanoff" })
    );
    assert_eq!(items[1]["action"], "update");
    assert_eq!(items[1]["version"], 2);
    assert_eq!(items[1]["actor_username"], "olga");
    assert_eq!(items[1]["changes"], last["changes"]);
    assert_eq!(app.audit_rows("person.history").await.len(), 1);
    // the audit row names the field, never its values
    let updates = app.audit_rows("person.update").await;
    assert_eq!(updates.len(), 1);

    // a patch that changes no field adds no history and leaves the cases' versions alone
    // (their ETag moves: the person's version and time of change they show did)
    let res = app
        .patch(
            &person_path,
            &c.officer,
            2,
            json!({ "phones": ["+33 6 12 34 56 78"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (same, _) = read(&app, &case_path, &c.analyst).await;
    assert_eq!(version(&same), "4");
    assert_ne!(same, etag);
    let (_, history) = read(&app, &format!("{case_path}/history"), &c.analyst).await;
    assert_eq!(history["items"].as_array().unwrap().len(), 4);
    let (_, record) = read(&app, &format!("{person_path}/history"), &c.analyst).await;
    assert_eq!(record["items"].as_array().unwrap().len(), 2);

    // companies and conveyances keep theirs the same way
    let company_path = format!("/api/v1/companies/{company_id}");
    let res = app
        .patch(
            &company_path,
            &c.officer,
            1,
            json!({ "name": "Tulip Freight Holding BV" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (_, record) = read(&app, &format!("{company_path}/history"), &c.analyst).await;
    assert_eq!(
        record["items"][1]["changes"]["name"],
        json!({ "old": "Tulip Freight BV", "new": "Tulip Freight Holding BV" })
    );
    let (etag, _) = read(&app, &case_path, &c.analyst).await;
    assert_eq!(version(&etag), "5");

    // the ETag moves with everything a case shows, even when its version does not: an
    // attachment, a renamed unit (on a draft, which takes attachments)
    let draft = create(&app, &c.officer, offence("2026-06-02T10:00:00Z")).await;
    let case_path = format!("/api/v1/seizures/{}", draft["id"].as_str().unwrap());
    let (etag, _) = read(&app, &case_path, &c.officer).await;
    let res = ncen_tests::upload(
        &app,
        &c.officer,
        draft["id"].as_str().unwrap(),
        "photo",
        "doors.png",
        ncen_tests::png(16, 16),
    )
    .await;
    assert_eq!(res.status(), 201);
    let (uploaded, doc) = read(&app, &case_path, &c.officer).await;
    assert_eq!(
        (
            version(&uploaded),
            doc["attachments"].as_array().unwrap().len()
        ),
        ("1", 1)
    );
    assert_ne!(uploaded, etag);
    let unit_path = format!("/api/v1/units/{}", c.root);
    let (unit_etag, _) = read(&app, &unit_path, &c.admin).await;
    let res = app
        .patch(
            &unit_path,
            &c.admin,
            version(&unit_etag).parse().unwrap(),
            json!({ "name": "Customs HQ" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (renamed, doc) = read(&app, &case_path, &c.officer).await;
    assert_eq!(doc["reporting_unit_name"], "Customs HQ");
    assert_eq!(version(&renamed), "1");
    assert_ne!(renamed, uploaded);
    let conveyance_id = after["conveyances"][0]["conveyance"]["id"]
        .as_str()
        .unwrap();
    let (_, record) = read(
        &app,
        &format!("/api/v1/conveyances/{conveyance_id}/history"),
        &c.analyst,
    )
    .await;
    assert_eq!(record["items"][0]["action"], "create");

    // unknown records, and callers without access to the registers
    let unknown = format!("/api/v1/persons/{}/history", uuid::Uuid::now_v7());
    assert_problem(app.get(&unknown, &c.analyst).await, 404, "not_found").await;
    let denied = app.get(&format!("{person_path}/history"), &c.admin).await;
    assert_eq!(denied.status(), 403);
}

/// The rule chosen for records that validated cases link: the unit that validated a case keeps
/// the records it links; once another unit's validated case links a record, only a supervisor
/// of a unit whose validated case links it may correct it.
#[tokio::test]
async fn a_record_another_units_validated_case_links_is_corrected_by_that_units_supervisor() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let port = new_unit(&app, &c.admin, "PORT").await;
    let otto = user_in(&app, &c.admin, "otto", &["officer"], &port).await;
    let pia = user_in(&app, &c.admin, "pia", &["supervisor"], &port).await;
    let company_id = company(&app, &c.officer, "Harbour Trading SA").await;
    let case = submitted(&app, &c.officer, full_case(&company_id)).await;
    let case_path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    let person_id = case["persons"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let person_path = format!("/api/v1/persons/{person_id}");

    // while the case is only submitted, any officer may correct the record
    let (_, p) = read(&app, &person_path, &otto).await;
    assert_eq!(p["correction_locked"], false);
    let res = app
        .patch(
            &person_path,
            &otto,
            1,
            json!({ "notes": "Known at the port" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    post_if(&app, &format!("{case_path}/validate"), &c.supervisor, 3).await;

    // validated by the root unit: the port's officer and supervisor are refused, unchanged
    let (_, p) = read(&app, &person_path, &otto).await;
    assert_eq!(p["correction_locked"], true);
    for token in [&otto, &pia] {
        let res = app
            .patch(&person_path, token, 2, json!({ "notes": "Changed" }))
            .await;
        assert_problem(res, 403, "validated_elsewhere").await;
    }
    let (etag, p) = read(&app, &person_path, &otto).await;
    assert_eq!(
        (etag.as_str(), &p["notes"]),
        ("\"2\"", &json!("Known at the port"))
    );
    let (_, record) = read(&app, &format!("{person_path}/history"), &otto).await;
    assert_eq!(record["items"].as_array().unwrap().len(), 2);
    let (etag, _) = read(&app, &case_path, &otto).await;
    assert_eq!(version(&etag), "4");

    // the validating unit's officer and supervisor may
    let (_, p) = read(&app, &person_path, &c.officer).await;
    assert_eq!(p["correction_locked"], false);
    let res = app
        .patch(
            &person_path,
            &c.officer,
            2,
            json!({ "notes": "Seen at the airport" }),
        )
        .await;
    assert_eq!(res.status(), 200);

    // once the port validates a case linking the same person too, the root officer is
    // refused and a supervisor of either unit may correct it
    let mut second = full_case(&company_id);
    second["persons"] = json!([{ "role": "courier", "person_id": person_id }]);
    second["conveyances"] = json!([]);
    let case2 = submitted(&app, &otto, second).await;
    let path2 = format!("/api/v1/seizures/{}", case2["id"].as_str().unwrap());
    post_if(&app, &format!("{path2}/validate"), &pia, 2).await;
    let res = app
        .patch(&person_path, &c.officer, 3, json!({ "notes": "Again" }))
        .await;
    assert_problem(res, 403, "validated_elsewhere").await;
    let res = app
        .patch(&person_path, &pia, 3, json!({ "notes": "Seen at both" }))
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .patch(&person_path, &c.supervisor, 4, json!({ "gender": "male" }))
        .await;
    assert_eq!(res.status(), 200);
    let (_, h2) = read(&app, &format!("{path2}/history"), &pia).await;
    let actions: Vec<&str> = h2["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "create",
            "submit",
            "validate",
            "record_update",
            "record_update"
        ]
    );
}
