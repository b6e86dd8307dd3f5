//! Duplicates and merges: the worker finds a likely duplicate and queues the pair for
//! supervisors; a merge moves links, documents and aliases to the survivor, the merged id
//! resolves to it, a link made naming the merged record lands on the survivor; an undo gives
//! both records back exactly, with links made since on the side they were made to; bad merges
//! are refused whole.

use crate::alerts::{checks_done, ok, post_if};
use crate::seizures::{create, crew};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn person(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/persons", token, body).await;
    let status = res.status();
    let v: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{v}");
    v
}

fn case_with(person_id: &str, role: &str) -> Value {
    json!({
        "kind": "seizure", "detected_at": "2026-07-15T16:00:00Z", "location_type": "airport",
        "direction": "import", "detection_methods": ["intelligence"],
        "concealment_method": "on_body",
        "goods": [{ "commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 1, "unit": "kg" }],
        "persons": [{ "person_id": person_id, "role": role }]
    })
}

async fn get(app: &TestApp, token: &str, path: &str) -> Value {
    ok(app.get(path, token).await).await
}

/// The persons a case names.
async fn case_persons(app: &TestApp, token: &str, case: &str) -> Vec<String> {
    let v = get(app, token, &format!("/api/v1/seizures/{case}")).await;
    v["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["person"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_duplicate_is_queued_merged_and_the_merge_undone_exactly() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let a = person(&app, &c.officer, json!({
        "family_name": "Okonkwo", "given_names": "Chinedu", "date_of_birth": "1985-03-02",
        "documents": [{ "document_type": "passport", "number": "A08251482", "issuing_country": "NG" }]
    }))
    .await;
    let b = person(&app, &c.officer, json!({
        "family_name": "Okonkow", "given_names": "Chinedu", "aliases": ["Chi-Chi"],
        "documents": [{ "document_type": "passport", "number": "A0825-1482", "issuing_country": "NG" },
                      { "document_type": "national_id_card", "number": "NG-778812" }],
        "phones": ["+234 803 555 0199"], "nationalities": ["NG"]
    }))
    .await;
    let (a_id, b_id) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());
    let case_b = create(&app, &c.officer, case_with(b_id, "courier")).await;
    let case_both = create(&app, &c.officer, case_with(a_id, "courier")).await;
    checks_done(&app).await;

    // the worker found the pair; only supervisors see the queue
    let res = app.get("/api/v1/duplicates", &c.officer).await;
    assert_eq!(res.status(), 403);
    let queue = get(&app, &c.supervisor, "/api/v1/duplicates?kind=person").await;
    let pair = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            let ids = [p["first"]["id"].as_str(), p["second"]["id"].as_str()];
            ids.contains(&Some(a_id)) && ids.contains(&Some(b_id))
        })
        .cloned()
        .unwrap_or_else(|| panic!("pair not queued: {queue}"));
    assert!(pair["exact"].as_bool().unwrap(), "same passport: {pair}");
    assert!(!pair["features"].as_array().unwrap().is_empty());

    // bad merges: into itself, stale versions, not a supervisor, no reason
    let path = format!("/api/v1/persons/{a_id}/merge");
    let body =
        |v: i64| json!({ "merged_id": b_id, "merged_version": v, "reason": "Same passport, typo" });
    let res = post_if(
        &app,
        &path,
        &c.supervisor,
        1,
        json!({ "merged_id": a_id, "merged_version": 1, "reason": "x" }),
    )
    .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "same_record", "{p}");
    assert_problem(
        post_if(&app, &path, &c.supervisor, 7, body(1)).await,
        412,
        "precondition_failed",
    )
    .await;
    assert_problem(
        post_if(&app, &path, &c.supervisor, 1, body(9)).await,
        412,
        "precondition_failed",
    )
    .await;
    assert_eq!(
        post_if(&app, &path, &c.officer, 1, body(1)).await.status(),
        403
    );
    let res = post_if(
        &app,
        &path,
        &c.supervisor,
        1,
        json!({ "merged_id": b_id, "merged_version": 1, "reason": " " }),
    )
    .await;
    assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        get(&app, &c.supervisor, &format!("/api/v1/persons/{b_id}")).await["id"],
        b_id,
        "nothing half-written"
    );

    // the merge
    let merge = ok(post_if(&app, &path, &c.supervisor, 1, body(1)).await).await;
    let merge_id = merge["id"].as_str().unwrap().to_string();
    assert_eq!(merge["moved"]["links"], 1, "{merge}");
    let survivor = get(&app, &c.supervisor, &format!("/api/v1/persons/{a_id}")).await;
    assert_eq!(
        survivor["aliases"],
        json!(["Chi-Chi", "Chinedu Okonkow"]),
        "{survivor}"
    );
    assert_eq!(
        survivor["documents"].as_array().unwrap().len(),
        2,
        "the id card moved, the passport is one: {survivor}"
    );
    assert_eq!(survivor["phones"], json!(["+234 803 555 0199"]));
    assert_eq!(
        case_persons(&app, &c.officer, case_b["id"].as_str().unwrap()).await,
        [a_id]
    );
    // the merged id resolves to the survivor; it cannot be corrected or merged again
    let res = app
        .get(&format!("/api/v1/persons/{b_id}"), &c.officer)
        .await;
    assert_eq!(
        res.headers()["content-location"],
        format!("/api/v1/persons/{a_id}").as_str()
    );
    assert_eq!(ok(res).await["id"], a_id);
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/persons/{b_id}")))
        .bearer_auth(&c.officer)
        .header("If-Match", "\"2\"")
        .json(&json!({ "notes": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let c2 = person(
        &app,
        &c.officer,
        json!({ "family_name": "Other", "given_names": "Person" }),
    )
    .await;
    let res = post_if(
        &app,
        &format!("/api/v1/persons/{}/merge", c2["id"].as_str().unwrap()),
        &c.supervisor,
        1,
        json!({ "merged_id": b_id, "merged_version": 2, "reason": "x" }),
    )
    .await;
    assert_eq!(res.status(), 409);
    let res = post_if(
        &app,
        &format!("/api/v1/persons/{b_id}/merge"),
        &c.supervisor,
        2,
        json!({ "merged_id": c2["id"], "merged_version": 1, "reason": "x" }),
    )
    .await;
    assert_eq!(res.status(), 409);
    // the list shows the survivor only
    let list = get(&app, &c.officer, "/api/v1/persons?q=okonkow&sort=name").await;
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [a_id], "{list}");

    // links made since: one naming the merged record lands on the survivor; one naming the
    // survivor; and the survivor corrected
    let since_b = create(&app, &c.officer, case_with(b_id, "owner")).await;
    assert_eq!(
        case_persons(&app, &c.officer, since_b["id"].as_str().unwrap()).await,
        [a_id]
    );
    let since_a = create(&app, &c.officer, case_with(a_id, "owner")).await;
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/persons/{a_id}")))
        .bearer_auth(&c.officer)
        .header("If-Match", format!("\"{}\"", survivor["version"]))
        .json(&json!({ "place_of_birth": "Enugu" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // the history and the merges of a record
    let history = get(&app, &c.officer, &format!("/api/v1/persons/{a_id}/history")).await;
    assert!(
        history["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["action"] == "merge"),
        "{history}"
    );
    let merges = get(
        &app,
        &c.officer,
        &format!("/api/v1/register-merges?record_id={b_id}"),
    )
    .await;
    assert_eq!(merges["items"][0]["id"], merge_id.as_str());

    // undo: both back as they were, links on the right side
    let undo = format!("/api/v1/register-merges/{merge_id}/undo");
    assert_eq!(
        app.post(&undo, &c.officer, json!({ "reason": "Two brothers" }))
            .await
            .status(),
        403
    );
    let undone = ok(app
        .post(&undo, &c.supervisor, json!({ "reason": "Two brothers" }))
        .await)
    .await;
    assert!(undone["undone_at"].is_string());
    let res = app
        .post(&undo, &c.supervisor, json!({ "reason": "again" }))
        .await;
    assert_eq!(res.status(), 409);
    let b_now = get(&app, &c.officer, &format!("/api/v1/persons/{b_id}")).await;
    assert_eq!(b_now["id"], b_id);
    for field in [
        "family_name",
        "given_names",
        "aliases",
        "documents",
        "phones",
        "nationalities",
    ] {
        assert_eq!(b_now[field], b[field], "{field}: {b_now}");
    }
    let a_now = get(&app, &c.officer, &format!("/api/v1/persons/{a_id}")).await;
    assert_eq!(a_now["aliases"], json!([]), "{a_now}");
    assert_eq!(a_now["documents"], a["documents"]);
    assert_eq!(a_now["phones"], json!([]));
    assert_eq!(
        a_now["place_of_birth"], "Enugu",
        "a correction made since stays"
    );
    assert_eq!(
        case_persons(&app, &c.officer, case_b["id"].as_str().unwrap()).await,
        [b_id]
    );
    assert_eq!(
        case_persons(&app, &c.officer, since_b["id"].as_str().unwrap()).await,
        [b_id]
    );
    assert_eq!(
        case_persons(&app, &c.officer, since_a["id"].as_str().unwrap()).await,
        [a_id]
    );
    assert_eq!(
        case_persons(&app, &c.officer, case_both["id"].as_str().unwrap()).await,
        [a_id]
    );
    // the pair is now recorded as two people
    let reviewed = get(&app, &c.supervisor, "/api/v1/duplicates?status=distinct").await;
    assert_eq!(reviewed["items"].as_array().unwrap().len(), 1, "{reviewed}");
    for action in ["person.merge", "person.unmerge", "duplicate.list"] {
        assert!(!app.audit_rows(action).await.is_empty(), "{action}");
    }
}

#[tokio::test]
async fn a_pair_declared_distinct_leaves_the_queue() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    for born in ["1979-11-07", "1979-11-07"] {
        person(&app, &c.officer, json!({ "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": born })).await;
    }
    checks_done(&app).await;
    let queue = get(&app, &c.supervisor, "/api/v1/duplicates").await;
    let id = queue["items"][0]["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/duplicates/{id}/distinct");
    assert_problem(
        app.post(&path, &c.supervisor, json!({ "reason": "" }))
            .await,
        422,
        "validation_failed",
    )
    .await;
    let pair = ok(app
        .post(
            &path,
            &c.supervisor,
            json!({ "reason": "Namesakes, different fathers" }),
        )
        .await)
    .await;
    assert_eq!(pair["status"], "distinct");
    assert_eq!(
        app.post(&path, &c.supervisor, json!({ "reason": "again" }))
            .await
            .status(),
        409
    );
    let queue = get(&app, &c.supervisor, "/api/v1/duplicates").await;
    assert!(queue["items"].as_array().unwrap().is_empty(), "{queue}");
}
