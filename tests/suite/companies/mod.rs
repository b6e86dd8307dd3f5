//! The company database: identifiers validated with their check digits, structured addresses
//! and legal forms; people with shares, relations without cycles, computed links through a
//! shared address, bank account and director; typologies and flags moving the risk score,
//! whose explanation adds up to it.

mod risk;
mod timeline;

use crate::alerts::{created, ok};
use crate::seizures::{crew, full_case, submitted};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn sum(risk: &Value) -> i64 {
    risk["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_i64().unwrap())
        .sum()
}

/// The company's risk once no recomputation is pending: the queue is drained here or by the
/// server's own worker, whichever claims a company first.
async fn settled_risk(app: &TestApp, token: &str, company: &str) -> Value {
    let mut conn = app.db.conn().await;
    let mut risk = Value::Null;
    for _ in 0..100 {
        ncen_core::companies::risk::drain(&mut conn, 100)
            .await
            .unwrap();
        risk = ok(app
            .get(&format!("/api/v1/companies/{company}/risk"), token)
            .await)
        .await;
        if risk["pending"] == false {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    risk
}

#[tokio::test]
async fn a_company_its_people_links_typologies_and_explained_risk() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let address = json!({ "kind": "registered", "street": "12, Rue de la Paix", "postcode": "75002",
                           "city": "Paris", "country": "FR" });
    let a: Value = created(
        app.post(
            "/api/v1/companies",
            &c.officer,
            json!({
                "name": "Atlas Trading", "country": "FR", "legal_form": "fr_sas",
                "incorporated_on": "2015-03-01", "status": "active",
                "identifiers": [
                    { "kind": "vat", "value": "FR 40 303 265 045" },
                    { "kind": "lei", "value": "2594007XIACKNMUAW223" },
                    { "kind": "iban", "value": "FR14 2004 1010 0505 0001 3M02 606" },
                    { "kind": "registration", "value": "356 000 000", "country": "FR" }
                ],
                "addresses": [address],
                "former_names": [{ "name": "Atlas Import", "until": "2019-12-31" }],
                "hs_chapters": ["24", "61"], "trade_countries": ["CN", "AE"]
            }),
        )
        .await,
    )
    .await;
    assert_eq!(a["identifiers"][0]["value"], "FR40303265045");
    assert_eq!(a["identifiers"][0]["country"], "FR");
    let a_id = id(&a);

    // bad input, each field named
    let bad = |body: Value| {
        let app = &app;
        let token = c.officer.clone();
        async move { app.post("/api/v1/companies", &token, body).await }
    };
    for (body, field, code) in [
        (
            json!({ "name": "X", "identifiers": [{ "kind": "vat", "value": "FR41303265045" }] }),
            "identifiers[0].value",
            "check_digit",
        ),
        (
            json!({ "name": "X", "identifiers": [{ "kind": "lei", "value": "2594007XIACKNMUAW222" }] }),
            "identifiers[0].value",
            "check_digit",
        ),
        (
            json!({ "name": "X", "identifiers": [{ "kind": "iban", "value": "DE88370400440532013000" }] }),
            "identifiers[0].value",
            "check_digit",
        ),
        (
            json!({ "name": "X", "identifiers": [{ "kind": "registration", "value": "356000001", "country": "FR" }] }),
            "identifiers[0].value",
            "check_digit",
        ),
        (
            json!({ "name": "X", "identifiers": [{ "kind": "tax", "value": "123" }] }),
            "identifiers[0].country",
            "country_required",
        ),
        (
            json!({ "name": "X", "country": "FR", "legal_form": "de_gmbh" }),
            "legal_form",
            "country_mismatch",
        ),
        (
            json!({ "name": "X", "legal_form": "fr_nothing" }),
            "legal_form",
            "unknown_code",
        ),
        (
            json!({ "name": "X", "incorporated_on": "2020-01-01", "status_since": "2019-01-01" }),
            "status_since",
            "before_start",
        ),
        (
            json!({ "name": "X", "addresses": [{ "kind": "warehouse" }] }),
            "addresses[0].street",
            "required",
        ),
        (
            json!({ "name": "X", "hs_chapters": ["77"] }),
            "hs_chapters[0]",
            "format",
        ),
    ] {
        let res = bad(body.clone()).await;
        let status = res.status();
        let problem: Value = res.json().await.unwrap();
        assert_eq!(status, 422, "{body} → {problem}");
        let errors = problem["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{body} → {problem}"
        );
    }

    // a dissolved company at the same address with the same bank account
    let b: Value = created(
        app.post(
            "/api/v1/companies",
            &c.officer,
            json!({ "name": "Borealis Import", "country": "FR", "status": "dissolved", "status_since": "2021-06-30",
                    "addresses": [{ "street": "12 rue de la paix", "postcode": "75 002", "country": "FR" }],
                    "identifiers": [{ "kind": "iban", "value": "FR1420041010050500013M02606" }] }),
        )
        .await,
    )
    .await;
    let b_id = id(&b);
    let person: Value = created(
        app.post(
            "/api/v1/persons",
            &c.officer,
            json!({ "family_name": "Marchetti", "given_names": "Paolo", "nationalities": ["IT"] }),
        )
        .await,
    )
    .await;
    let p_id = id(&person);
    for company in [&a_id, &b_id] {
        created(
            app.post(
                &format!("/api/v1/companies/{company}/people"),
                &c.officer,
                json!({ "person_id": p_id, "role": "director", "from": "2016-01-01" }),
            )
            .await,
        )
        .await;
    }
    // shares: 60 % held, another 50 % at the same time is refused
    created(
        app.post(
            &format!("/api/v1/companies/{a_id}/people"),
            &c.officer,
            json!({ "person_id": p_id, "role": "shareholder", "share_percent": 60 }),
        )
        .await,
    )
    .await;
    assert_problem(
        app.post(
            &format!("/api/v1/companies/{a_id}/people"),
            &c.officer,
            json!({ "person_id": p_id, "role": "shareholder", "share_percent": 50, "from": "2020-01-01" }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    // relations: B succeeded by A (phoenix); the reverse would be a cycle; not oneself
    let rel: Value = created(
        app.post(
            &format!("/api/v1/companies/{a_id}/relations"),
            &c.officer,
            json!({ "kind": "successor_of", "company_id": b_id, "from": "2021-07-01" }),
        )
        .await,
    )
    .await;
    assert_eq!(rel["company"]["id"], b_id.as_str());
    assert_problem(
        app.post(
            &format!("/api/v1/companies/{a_id}/relations"),
            &c.officer,
            json!({ "kind": "predecessor_of", "company_id": b_id }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.post(
            &format!("/api/v1/companies/{a_id}/relations"),
            &c.officer,
            json!({ "kind": "parent", "company_id": a_id }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;

    // B's profile: A seen as its successor, and linked through the address, the account and
    // the director; the shared IBAN flagged as a duplicate identifier
    let profile = ok(app
        .get(&format!("/api/v1/companies/{b_id}/profile"), &c.analyst)
        .await)
    .await;
    assert_eq!(
        profile["relations"][0]["kind"], "predecessor_of",
        "{profile}"
    );
    let shared: Vec<&str> = profile["computed_links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["company"]["id"] == a_id.as_str())
        .map(|l| l["shared"].as_str().unwrap())
        .collect();
    for kind in ["address", "bank_account", "director"] {
        assert!(shared.contains(&kind), "{kind}: {profile}");
    }
    assert_eq!(
        profile["shared_identifiers"][0]["kind"], "iban",
        "{profile}"
    );
    let listed = ok(app
        .get(
            &format!("/api/v1/companies?person_id={p_id}&status=dissolved"),
            &c.analyst,
        )
        .await)
    .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "{listed}");

    // B's network: A through the relation, the address, the bank account and the director
    let net = ok(app
        .get(
            &format!("/api/v1/companies/{b_id}/network?depth=2"),
            &c.analyst,
        )
        .await)
    .await;
    let node_ids: Vec<&str> = net["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for expected in [
        format!("company:{a_id}"),
        format!("person:{p_id}"),
        "address:FR|75002|12 rue de la paix".to_string(),
        "iban:FR1420041010050500013M02606".to_string(),
    ] {
        assert!(node_ids.contains(&expected.as_str()), "{expected}: {net}");
    }
    // A's VAT number is carried by no other company: not a node
    assert!(!node_ids.iter().any(|n| n.starts_with("vat:")), "{net}");
    let kinds: Vec<&str> = net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in ["successor_of", "director", "address", "iban"] {
        assert!(kinds.contains(&kind), "{kind}: {net}");
    }
    let page = ok(app
        .get(
            &format!("/api/v1/companies/{b_id}/network/neighbours?node=person:{p_id}"),
            &c.analyst,
        )
        .await)
    .await;
    assert_eq!(page["edges"].as_array().unwrap().len(), 3, "{page}");
    let res = app
        .get(
            &format!("/api/v1/companies/{b_id}/network?depth=4"),
            &c.analyst,
        )
        .await;
    assert!(
        res.status() == 400 || res.status() == 422,
        "{}",
        res.status()
    );

    // a case naming A: the worker scores it (drugs, within a year, 150 000 EUR)
    let case = submitted(&app, &c.officer, full_case(&a_id)).await;
    let risk = settled_risk(&app, &c.analyst, &a_id).await;
    assert_eq!(risk["score"], 18, "{risk}");
    assert_eq!(sum(&risk), 18);

    // the analyst records a typology against that case and flags the company
    created(
        app.post(
            &format!("/api/v1/companies/{a_id}/typologies"),
            &c.analyst,
            json!({ "typology": "undervaluation", "case_id": id(&case) }),
        )
        .await,
    )
    .await;
    assert_problem(
        app.post(
            &format!("/api/v1/companies/{b_id}/typologies"),
            &c.analyst,
            json!({ "typology": "phoenix", "case_id": id(&case) }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    let flag: Value = created(
        app.post(
            &format!("/api/v1/companies/{a_id}/flags"),
            &c.analyst,
            json!({ "points": 40, "reason": "Front company per intelligence report 2026/114" }),
        )
        .await,
    )
    .await;
    let risk = ok(app
        .get(&format!("/api/v1/companies/{a_id}/risk"), &c.analyst)
        .await)
    .await;
    assert_eq!(risk["score"], 66, "{risk}");
    assert_eq!(risk["band"], "high");
    assert_eq!(sum(&risk), 66);
    let high = ok(app
        .get("/api/v1/companies?risk_band=high", &c.analyst)
        .await)
    .await;
    assert!(
        high["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == a_id.as_str()),
        "{high}"
    );
    let high = ok(app
        .get("/api/v1/companies?risk_band=high", &c.analyst)
        .await)
    .await;
    assert!(
        high["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == a_id.as_str()),
        "{high}"
    );
    // an officer may not assess; the flag withdrawn, the score falls back
    assert_problem(
        app.post(
            &format!("/api/v1/companies/{a_id}/flags"),
            &c.officer,
            json!({ "points": 5, "reason": "x" }),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    let res = app
        .client
        .delete(app.url(&format!("/api/v1/companies/{a_id}/flags/{}", id(&flag))))
        .bearer_auth(&c.analyst)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let risk = ok(app
        .get(&format!("/api/v1/companies/{a_id}/risk"), &c.analyst)
        .await)
    .await;
    assert_eq!(risk["score"], 26, "{risk}");
    let high = ok(app
        .get("/api/v1/companies?risk_band=high", &c.analyst)
        .await)
    .await;
    assert!(!high["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == a_id.as_str()));
    assert_problem(
        app.get(
            "/api/v1/companies/00000000-0000-0000-0000-000000000000/profile",
            &c.analyst,
        )
        .await,
        404,
        "not_found",
    )
    .await;

    // a register extract: a known VAT number, a new company, a bad LEI; dry run first
    let csv = "name,country,legal_form,vat,lei,street,postcode,city\n\
               Atlas Trading Company,FR,fr_sas,FR40303265045,,,,\n\
               Nordlicht Spedition GmbH,DE,de_gmbh,DE136695976,,Hafenstrasse 4,20457,Hamburg\n\
               Broken Lei Ltd,GB,gb_ltd,,2594007XIACKNMUAW222,,,\n";
    let send = |dry: bool| {
        let app = &app;
        let token = c.officer.clone();
        async move {
            app.client
                .post(app.url(&format!("/api/v1/companies/import?dry_run={dry}")))
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body(csv)
                .send()
                .await
                .unwrap()
        }
    };
    let dry = ok(send(true).await).await;
    assert_eq!(
        (
            dry["rows"].as_i64(),
            dry["matched"].as_i64(),
            dry["created"].as_i64(),
            dry["rejected"].as_i64()
        ),
        (Some(3), Some(1), Some(1), Some(1)),
        "{dry}"
    );
    assert_eq!(dry["items"][0]["outcome"], "matched_identifier");
    assert_eq!(dry["items"][0]["company_id"], a_id.as_str());
    assert_eq!(dry["items"][2]["errors"][0]["field"], "lei", "{dry}");
    assert_eq!(dry["items"][2]["errors"][0]["code"], "check_digit", "{dry}");
    assert!(dry["items"][1]["company_id"].is_null());
    let none = ok(app.get("/api/v1/companies?q=Nordlicht", &c.analyst).await).await;
    assert_eq!(
        none["items"].as_array().unwrap().len(),
        0,
        "the dry run wrote nothing"
    );
    let done = ok(send(false).await).await;
    let created = done["items"][1]["company_id"].as_str().unwrap();
    let read = ok(app
        .get(&format!("/api/v1/companies/{created}"), &c.analyst)
        .await)
    .await;
    assert_eq!(read["identifiers"][0]["value"], "DE136695976", "{read}");
    // the same extract again: the new company is now matched by its VAT number
    let again = ok(send(true).await).await;
    assert_eq!(
        again["items"][1]["outcome"], "matched_identifier",
        "{again}"
    );
    let res = app
        .post(
            "/api/v1/companies/import",
            &c.officer,
            json!({ "rows": [] }),
        )
        .await;
    assert_eq!(res.status(), 415);
}
