//! Acting on a match proposal: a liaison officer links a received person or company to a
//! register record (never merged, audited), the link survives a later version of the case and
//! a merge of the record, and the register's side lists what partners sent about the record.

use super::sender::{deliver, french_partner, now};
use crate::seizures::user_in;
use ncen_core::exchange::package::{self, Withdrawal, WithdrawnCase};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn put(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.client
        .put(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn delete(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .delete(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn json(app: &TestApp, token: &str, path: &str) -> Value {
    let res = app.get(path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    let res = app.post(path, token, body).await;
    assert_eq!(res.status(), 201, "{path}");
    let v: Value = res.json().await.unwrap();
    v["id"].as_str().unwrap().to_string()
}

async fn import(app: &TestApp, lia: &str, id: uuid::Uuid) -> Value {
    let res = app
        .client
        .post(app.url(&format!("/api/v1/exchange/inbox/{id}/import")))
        .bearer_auth(lia)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_received_party_is_linked_to_a_register_record_kept_through_versions_and_merges() {
    let app = TestApp::spawn().await;
    let t = crate::alerts::team(&app).await;
    let root = app.root_unit(&t.admin).await;
    let lia = user_in(&app, &t.admin, "lia", &["liaison"], &root).await;
    let person = |family: &str| json!({ "family_name": family, "given_names": "Ivan", "date_of_birth": "1984-03-12" });
    let ivanoff = created(&app, &t.owner, "/api/v1/persons", person("Ivanoff")).await;
    let ivanov = created(&app, &t.owner, "/api/v1/persons", person("Ivanov")).await;
    let firm = created(
        &app,
        &t.owner,
        "/api/v1/companies",
        json!({ "name": "Oran Trading SARL", "country": "DZ" }),
    )
    .await;

    let (me, fr, _) = french_partner(&app, &lia).await;
    let mut pkg = fr.package(&me, &["drugs"]);
    pkg.cases[0].document["persons"] = json!([{ "role": "courier", "person": {
        "family_name": "IVANOV", "given_names": "Ivan", "date_of_birth": "1984-03-12" } }]);
    pkg.cases[0].document["companies"] = json!([{ "role": "consignee", "company": {
        "name": "ORAN TRADING", "country": "DZ" } }]);
    let body = package::canonical(&pkg).unwrap();
    assert_eq!(
        deliver(&app, &fr.key, &fr.key, &body, &now())
            .await
            .status(),
        200
    );
    let report = import(&app, &lia, pkg.id).await;
    let received = report["received_case_ids"][0].as_str().unwrap().to_string();
    let case_path = format!("/api/v1/exchange/received/{received}");
    let case = json(&app, &lia, &case_path).await;
    let parties = case["parties"].as_array().unwrap();
    assert_eq!(
        parties
            .iter()
            .map(|p| (p["position"].as_i64().unwrap(), p["kind"].as_str().unwrap()))
            .collect::<Vec<_>>(),
        [(0, "person"), (1, "company")]
    );
    assert!(parties.iter().all(|p| p["link"].is_null()), "{case}");
    let link0 = format!("{case_path}/parties/0/link");
    let link1 = format!("{case_path}/parties/1/link");

    // bad links: not a liaison officer, malformed, unknown case or party, a record of the
    // wrong kind or none at all
    let res = put(&app, &t.owner, &link0, json!({ "record_id": ivanov })).await;
    assert_eq!(res.status(), 403);
    assert_problem(
        put(&app, &lia, &link0, json!({ "record": ivanov })).await,
        400,
        "bad_request",
    )
    .await;
    let nowhere = uuid::Uuid::now_v7();
    let res = put(
        &app,
        &lia,
        &format!("/api/v1/exchange/received/{nowhere}/parties/0/link"),
        json!({ "record_id": ivanov }),
    )
    .await;
    assert_problem(res, 404, "not_found").await;
    let res = put(
        &app,
        &lia,
        &format!("{case_path}/parties/7/link"),
        json!({ "record_id": ivanov }),
    )
    .await;
    assert_problem(res, 404, "not_found").await;
    let p = assert_problem(
        put(&app, &lia, &link0, json!({ "record_id": firm })).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        (
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["code"].as_str()
        ),
        (Some("record_id"), Some("not_found")),
        "{p}"
    );
    assert!(app.audit_rows("exchange.party_linked").await.is_empty());

    // the person is linked to Ivanov, the company to the firm; nothing of the register changes
    let res = put(&app, &lia, &link0, json!({ "record_id": ivanov })).await;
    assert_eq!(res.status(), 200);
    let link: Value = res.json().await.unwrap();
    assert_eq!(link["record_id"], ivanov.as_str());
    assert_eq!(link["record_label"], "IVANOV, Ivan (1984-03-12)");
    assert_eq!(link["linked_by_name"], "lia");
    let res = put(&app, &lia, &link1, json!({ "record_id": firm })).await;
    assert_eq!(res.status(), 200);
    let register = json(&app, &t.owner, &format!("/api/v1/persons/{ivanov}")).await;
    assert_eq!(register["version"], 1);
    let about = |kind: &str, id: &str| format!("/api/v1/exchange/received?{kind}_id={id}");
    let listed = json(&app, &lia, &about("person", &ivanov)).await;
    assert_eq!(listed["items"][0]["id"], received.as_str(), "{listed}");
    let listed = json(&app, &lia, &about("company", &firm)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    let listed = json(&app, &lia, &about("person", &ivanoff)).await;
    assert!(listed["items"].as_array().unwrap().is_empty());
    assert_eq!(
        app.get(&about("person", &ivanov), &t.owner).await.status(),
        403
    );
    assert_problem(
        app.get("/api/v1/exchange/received?person=1", &lia).await,
        400,
        "bad_request",
    )
    .await;

    // a later version naming the same person keeps the link
    let mut newer = pkg.clone();
    newer.id = uuid::Uuid::now_v7();
    newer.cases[0].version = 4;
    let body = package::canonical(&newer).unwrap();
    assert_eq!(
        deliver(&app, &fr.key, &fr.key, &body, &now())
            .await
            .status(),
        200
    );
    assert_eq!(import(&app, &lia, newer.id).await["updated"], 1);
    let case = json(&app, &lia, &case_path).await;
    assert_eq!(case["version"], 4);
    assert_eq!(
        case["parties"][0]["link"]["record_id"],
        ivanov.as_str(),
        "{case}"
    );
    assert_eq!(case["parties"][1]["link"]["record_id"], firm.as_str());

    // Ivanov merged into Ivanoff: the link names the survivor, and the survivor's side lists it
    let res = app
        .client
        .post(app.url(&format!("/api/v1/persons/{ivanoff}/merge")))
        .bearer_auth(&t.chief)
        .header("If-Match", "\"1\"")
        .json(&json!({ "merged_id": ivanov, "merged_version": 1, "reason": "Same man, transliterated twice" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let case = json(&app, &lia, &case_path).await;
    assert_eq!(case["parties"][0]["link"]["record_id"], ivanoff.as_str());
    let listed = json(&app, &lia, &about("person", &ivanoff)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "{listed}");

    // taken back: the link goes, twice is harmless, each change audited once
    assert_eq!(delete(&app, &t.owner, &link0).await.status(), 403);
    assert_eq!(delete(&app, &lia, &link0).await.status(), 204);
    assert_eq!(delete(&app, &lia, &link0).await.status(), 204);
    let case = json(&app, &lia, &case_path).await;
    assert!(case["parties"][0]["link"].is_null());
    assert_eq!(app.audit_rows("exchange.party_linked").await.len(), 2);
    assert_eq!(app.audit_rows("exchange.party_unlinked").await.len(), 1);

    // withdrawn by the sender: kept for the record, not linked any more
    let mut withdrawal = fr.package(&me, &[]);
    withdrawal.cases.clear();
    withdrawal.withdrawal = Some(Withdrawal {
        package_id: uuid::Uuid::now_v7(),
        reason: "annulled".into(),
        cases: vec![WithdrawnCase {
            reference: "FR-2026-000042".into(),
            version: 4,
        }],
    });
    let body = package::canonical(&withdrawal).unwrap();
    assert_eq!(
        deliver(&app, &fr.key, &fr.key, &body, &now())
            .await
            .status(),
        200
    );
    assert_problem(
        put(&app, &lia, &link0, json!({ "record_id": ivanoff })).await,
        409,
        "withdrawn",
    )
    .await;
}
