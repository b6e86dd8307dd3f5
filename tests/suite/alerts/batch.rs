//! Batch screening of a passenger list or manifest (JSON and CSV): alerts and register records
//! per line, hits first, graded disclosure, identifiers checked, one audit row; and every
//! malformed list refused whole.

use super::{active_person_alert, created, in_months, ok, post_if, team};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

/// A 422 naming `field` with `code`.
async fn refused(res: reqwest::Response, field: &str, code: &str) {
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert!(
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == field && e["code"] == code),
        "{field} {code}: {problem}"
    );
}

async fn batch_csv(app: &TestApp, token: &str, csv: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/screening/batch"))
        .bearer_auth(token)
        .header("Content-Type", "text/csv; charset=utf-8")
        .body(csv.to_string())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_passenger_list_comes_back_hits_first_with_what_to_do() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let wanted = created(
        app.post(
            "/api/v1/persons",
            &t.owner,
            json!({
                "family_name": "بن صالح", "given_names": "عبد القادر", "date_of_birth": "1979-11-07"
            }),
        )
        .await,
    )
    .await;
    active_person_alert(&app, &t, wanted["id"].as_str().unwrap()).await;
    let known = created(app.post("/api/v1/persons", &t.owner, json!({
        "family_name": "Okonkwo", "given_names": "Chinedu", "date_of_birth": "1985-03-02",
        "documents": [{ "document_type": "passport", "number": "A08251482", "issuing_country": "NG" }]
    })).await).await;
    let container = created(app.post("/api/v1/alerts", &t.owner, json!({
        "subject_kind": "identifier", "identifier_kind": "container", "identifier": "CSQU 305438-3",
        "reason": "Front company shipment", "risk_level": "medium", "requested_action": "control",
        "valid_until": in_months(3)
    })).await).await;
    ok(post_if(
        &app,
        &format!(
            "/api/v1/alerts/{}/activate",
            container["id"].as_str().unwrap()
        ),
        &t.chief,
        container["version"].as_i64().unwrap(),
        json!({}),
    )
    .await)
    .await;

    let r = ok(app.post("/api/v1/screening/batch", &t.frontline, json!({ "rows": [
        { "reference": "1A", "name": "Claire Martin", "date_of_birth": "1990-01-01" },
        { "reference": "2B", "name": "Bensaleh Abdelkader", "date_of_birth": "1979" },
        { "reference": "3C", "family_name": "Okonkow", "given_names": "Chinedu", "document_number": "A0825 1482" },
        { "reference": "4D", "container": "csqu3054383" }
    ]})).await).await;
    assert_eq!(
        r["counts"],
        json!({ "lines": 4, "hit": 3, "review": 0, "clear": 1 }),
        "{r}"
    );
    let lines = r["lines"].as_array().unwrap();
    let refs: Vec<&str> = lines
        .iter()
        .map(|l| l["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        ["2B", "3C", "4D", "1A"],
        "hits first, in list order: {r}"
    );
    // the frontline officer is told what to do and whom to call, not why
    let alert = &lines[0]["alerts"][0];
    assert_eq!(alert["requested_action"], "discreet_check", "{r}");
    assert!(alert["contact"]["name"].as_str().is_some(), "{alert}");
    assert!(alert.get("reason").is_none(), "{alert}");
    assert_eq!(lines[0]["candidates"][0]["id"], wanted["id"], "{r}");
    assert_eq!(lines[0]["line"], 2);
    // a document written differently is the known record
    assert_eq!(lines[1]["candidates"][0]["id"], known["id"], "{r}");
    assert_eq!(lines[1]["candidates"][0]["band"], "hit");
    assert_eq!(lines[2]["alerts"][0]["requested_action"], "control");
    assert_eq!(lines[3]["outcome"], "clear");

    // the same list as CSV, columns in any order, a spreadsheet's byte-order mark
    let csv = "\u{feff}date_of_birth,name,reference,container\n1979,Bensaleh Abdelkader,2B,\n,,4D,CSQU3054383\n";
    let res = batch_csv(&app, &t.frontline, csv).await;
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["counts"]["hit"], 2, "{v}");

    // a long list is probed on two connections (its lines split between them): a line
    // from each part is found as in a short list
    let mut rows =
        vec![json!({ "reference": "L1", "name": "Bensaleh Abdelkader", "date_of_birth": "1979" })];
    rows.extend(
        (2..40)
            .map(|i| json!({ "reference": format!("L{i}"), "name": format!("Quidam Nobody{i}") })),
    );
    rows.push(json!({ "reference": "L40", "family_name": "Okonkow", "given_names": "Chinedu", "document_number": "A0825 1482" }));
    let r = ok(app
        .post(
            "/api/v1/screening/batch",
            &t.frontline,
            json!({ "rows": rows }),
        )
        .await)
    .await;
    assert_eq!(r["counts"]["lines"], 40, "{r}");
    assert_eq!(r["counts"]["hit"], 2, "{r}");
    let lines = r["lines"].as_array().unwrap();
    assert_eq!(lines[0]["reference"], "L1", "{r}");
    assert_eq!(lines[0]["candidates"][0]["id"], wanted["id"], "{r}");
    assert_eq!(
        lines[0]["alerts"][0]["requested_action"], "discreet_check",
        "{r}"
    );
    assert_eq!(lines[1]["reference"], "L40", "{r}");
    assert_eq!(lines[1]["candidates"][0]["id"], known["id"], "{r}");

    // one audit row per list, with the records and alerts shown
    let rows = app.audit_rows("screening.batch").await;
    assert_eq!(rows.len(), 3, "{rows:?}");
}

#[tokio::test]
async fn a_malformed_list_is_refused_whole() {
    let app = TestApp::spawn().await;
    let t = team(&app).await;
    let path = "/api/v1/screening/batch";
    assert_eq!(
        app.post(path, "", json!({ "rows": [{ "name": "A" }] }))
            .await
            .status(),
        401
    );
    refused(
        app.post(path, &t.frontline, json!({ "rows": [] })).await,
        "rows",
        "length",
    )
    .await;
    let too_many: Vec<Value> = (0..1001)
        .map(|i| json!({ "name": format!("P{i}") }))
        .collect();
    refused(
        app.post(path, &t.frontline, json!({ "rows": too_many }))
            .await,
        "rows",
        "length",
    )
    .await;
    // every line checked: a wrong check digit, a line with nothing to match
    let res = app
        .post(
            path,
            &t.frontline,
            json!({ "rows": [
                { "name": "Claire Martin" },
                { "container": "CSQU3054384" },
                { "reference": "3" },
                { "name": "X", "date_of_birth": "1979-13" }
            ]}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let v: Value = res.json().await.unwrap();
    let fields: Vec<(&str, &str)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert!(
        fields.contains(&("rows[1].container", "check_digit")),
        "{v}"
    );
    assert!(fields.contains(&("rows[2]", "nothing_to_match")), "{v}");
    assert!(fields.contains(&("rows[3].date_of_birth", "format")), "{v}");
    assert_eq!(
        app.post(
            path,
            &t.frontline,
            json!({ "rows": [{ "name": "A", "seat": "1" }] })
        )
        .await
        .status(),
        400
    );
    // CSV: an unknown column, a short line, a NUL, another content type
    refused(
        batch_csv(&app, &t.frontline, "name,seat\nA,1\n").await,
        "columns",
        "csv",
    )
    .await;
    refused(
        batch_csv(&app, &t.frontline, "name,reference\nA\n").await,
        "rows[0]",
        "csv",
    )
    .await;
    refused(
        batch_csv(&app, &t.frontline, "name\nA\0B\n").await,
        "rows",
        "nul_character",
    )
    .await;
    refused(
        batch_csv(&app, &t.frontline, "name\n").await,
        "rows",
        "length",
    )
    .await;
    let res = app
        .client
        .post(app.url(path))
        .bearer_auth(&t.frontline)
        .header("Content-Type", "text/plain")
        .body("name\nA\n")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    assert!(app.audit_rows("screening.batch").await.is_empty());
}
