//! Icomm exchange: partners registered by their confirmed key, agreements, and the preview of
//! what would leave (scope by allow-list, refused without an agreement that covers it);
//! sending and receiving packages in `packages` (the two-node journey is in
//! `faults::exchange`).

mod files;
mod links;
mod packages;
mod sender;
mod throttle;

use crate::seizures::{company, crew, full_case, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

/// A partner's key and its fingerprint, as `ncen exchange key` prints them on the other node.
fn partner_key(seed: u8) -> (String, String) {
    let key = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]).verifying_key();
    (
        hex::encode(key.as_bytes()),
        ncen_core::exchange::keys::fingerprint(&key),
    )
}

async fn partner(app: &TestApp, token: &str, seed: u8, country: &str) -> Value {
    let endpoint = format!("https://ncen.{}.example/", country.to_lowercase());
    partner_at(app, token, seed, country, &endpoint).await
}

async fn partner_at(app: &TestApp, token: &str, seed: u8, country: &str, endpoint: &str) -> Value {
    let (key, fp) = partner_key(seed);
    let res = app
        .post(
            "/api/v1/exchange/partners",
            token,
            json!({ "country": country, "name": format!("Customs {country}"),
                    "endpoint": endpoint, "public_key": key, "fingerprint": fp.to_lowercase() }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

/// An agreement with `partner` in `scope`, in force since 2020, for `groups` (empty: all).
async fn agreement(app: &TestApp, token: &str, partner: &str, scope: &str, groups: &[&str]) {
    let res = app
        .post(
            "/api/v1/exchange/agreements",
            token,
            json!({ "partner_id": partner, "instrument": "bilateral_cmaa", "reference": "CMAA 2004",
                    "scope": scope, "commodity_groups": groups, "valid_from": "2020-01-01" }),
        )
        .await;
    assert_eq!(res.status(), 201);
}

/// A validated case with a person and a company; its id.
pub(crate) async fn validated_case(
    app: &TestApp,
    c: &crate::seizures::Crew,
    company_name: &str,
) -> String {
    let company_id = company(app, &c.officer, company_name).await;
    let case = submitted(app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{id}/validate")))
        .bearer_auth(&c.supervisor)
        .header("If-Match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    id
}

/// A validated case like [`validated_case`], with two photos uploaded before it was
/// validated: the first cleared for export, the second not. Its id, and each photo's SHA-256.
pub(crate) async fn validated_case_with_photos(
    app: &TestApp,
    c: &crate::seizures::Crew,
    company_name: &str,
) -> (String, [String; 2]) {
    let company_id = company(app, &c.officer, company_name).await;
    let case = crate::seizures::create(app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    let mut shas = Vec::new();
    for (n, cleared) in [(1u32, true), (2, false)] {
        let part = reqwest::multipart::Part::bytes(ncen_tests::png(40 + n, 30))
            .file_name(format!("suitcase-{n}.png"));
        let form = reqwest::multipart::Form::new()
            .text("kind", "photo")
            .text("caption", "Suitcase, false bottom")
            .text("cleared_for_export", cleared.to_string())
            .part("file", part);
        let res = app
            .client
            .post(app.url(&format!("/api/v1/seizures/{id}/attachments")))
            .bearer_auth(&c.officer)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let a: Value = res.json().await.unwrap();
        assert_eq!(a["cleared_for_export"], cleared);
        shas.push(a["sha256"].as_str().unwrap().to_string());
    }
    let etag = |res: reqwest::Response| res.headers()["etag"].to_str().unwrap().to_string();
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{id}/submit")))
        .bearer_auth(&c.officer)
        .header(
            "If-Match",
            etag(app.get(&format!("/api/v1/seizures/{id}"), &c.officer).await),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let etag = etag(res);
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{id}/validate")))
        .bearer_auth(&c.supervisor)
        .header("If-Match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    (id, [shas[0].clone(), shas[1].clone()])
}

#[tokio::test]
async fn a_partner_is_registered_only_with_its_confirmed_fingerprint_and_changes_are_audited() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let liaison = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;

    let node: Value = app
        .get("/api/v1/exchange/node", &liaison)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(node["public_key"].as_str().unwrap().len(), 64);
    assert_eq!(node["fingerprint"].as_str().unwrap().len(), 39);

    let (key, _) = partner_key(1);
    let (_, other_fp) = partner_key(2);
    let res = app
        .post(
            "/api/v1/exchange/partners",
            &liaison,
            json!({ "country": "BE", "name": "Belgian customs", "endpoint": "https://ncen.be.example",
                    "public_key": key, "fingerprint": other_fp }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "fingerprint");
    assert_eq!(body["errors"][0]["code"], "mismatch");

    let res = app
        .post(
            "/api/v1/exchange/partners",
            &liaison,
            json!({ "country": "QQ", "name": " ", "endpoint": "ftp://x", "public_key": "00", "fingerprint": "x" }),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in ["country", "name", "endpoint", "public_key"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }

    let be = partner(&app, &liaison, 1, "BE").await;
    assert_eq!(be["endpoint"], "https://ncen.be.example");
    assert_eq!(be["status"], "active");
    assert_eq!(be["confirmed_by_name"], "lia");
    // the same key twice is a conflict
    let (key, fp) = partner_key(1);
    let res = app
        .post(
            "/api/v1/exchange/partners",
            &liaison,
            json!({ "country": "NL", "name": "Dutch customs", "endpoint": "https://ncen.nl.example", "public_key": key, "fingerprint": fp }),
        )
        .await;
    assert_problem(res, 409, "conflict").await;

    let id = be["id"].as_str().unwrap();
    let res = app
        .patch(
            &format!("/api/v1/exchange/partners/{id}"),
            &liaison,
            1,
            json!({ "status": "suspended", "contact": "desk@be.example" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let list: Value = app
        .get("/api/v1/exchange/partners", &liaison)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"][0]["status"], "suspended");
    assert_eq!(app.audit_rows("exchange.partner_create").await.len(), 1);
    assert_eq!(app.audit_rows("exchange.partner_update").await.len(), 1);

    // only liaison officers run the exchange
    for token in [&c.officer, &c.supervisor, &c.analyst, &c.admin] {
        let res = app.get("/api/v1/exchange/partners", token).await;
        assert_problem(res, 403, "forbidden").await;
    }
}

#[tokio::test]
async fn the_preview_shows_exactly_what_leaves_and_needs_an_agreement_that_covers_it() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let liaison = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let company_id = company(&app, &c.officer, "Tulip Freight BV").await;
    let case = submitted(&app, &c.officer, full_case(&company_id)).await;
    let case_id = case["id"].as_str().unwrap().to_string();
    let be = partner(&app, &liaison, 1, "BE").await;
    let be_id = be["id"].as_str().unwrap().to_string();
    let preview = |scope: &'static str| {
        let (app, liaison, be_id, case_id) =
            (&app, liaison.clone(), be_id.clone(), case_id.clone());
        async move {
            app.post(
                "/api/v1/exchange/preview",
                &liaison,
                json!({ "partner_id": be_id, "scope": scope, "case_ids": [case_id] }),
            )
            .await
        }
    };

    // a submitted case does not leave
    let body = assert_problem(preview("non_nominal").await, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["code"], "not_validated");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{case_id}/validate")))
        .bearer_auth(&c.supervisor)
        .header("If-Match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // no agreement yet
    let body = assert_problem(preview("non_nominal").await, 409, "no_agreement").await;
    assert!(body["detail"].as_str().unwrap().contains("drugs"));

    // an agreement limited to tobacco does not cover a case with drugs
    let res = app
        .post(
            "/api/v1/exchange/agreements",
            &liaison,
            json!({ "partner_id": be_id, "instrument": "bilateral_cmaa", "reference": "FR-BE CMAA 2004",
                    "purposes": ["Prevention and investigation of customs offences"], "scope": "nominal",
                    "commodity_groups": ["tobacco"], "valid_from": "2020-01-01" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_problem(preview("nominal").await, 409, "no_agreement").await;

    // a non-nominal MoU for every commodity covers the non-nominal scope only
    let res = app
        .post(
            "/api/v1/exchange/agreements",
            &liaison,
            json!({ "partner_id": be_id, "instrument": "mou", "reference": "MoU 2024/7",
                    "scope": "non_nominal", "valid_from": "2024-01-01" }),
        )
        .await;
    assert_eq!(res.status(), 201);
    let mou: Value = res.json().await.unwrap();
    assert_eq!(mou["in_force"], true);
    assert_problem(preview("nominal").await, 409, "no_agreement").await;

    let res = preview("non_nominal").await;
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["agreement"]["reference"], "MoU 2024/7");
    let doc = &p["documents"][0];
    assert_eq!(doc["reference"], case["reference"]);
    assert_eq!(doc["goods"][0]["commodity_type"], "cocaine");
    assert_eq!(doc["route"][0]["country"], "BR");
    assert_eq!(
        doc["conveyances"][0]["conveyance"]["conveyance_type"],
        "container"
    );
    let text = doc.to_string();
    for nominal in [
        "Ivanoff",
        "Tulip",
        "csqu",
        "CSQU",
        "Double bottom",
        "Roissy",
        "São Paulo",
        "Marlboro",
        "White powder",
    ] {
        assert!(!text.contains(nominal), "{nominal} left in {text}");
    }
    assert!(doc.get("persons").is_none() && doc.get("companies").is_none());
    assert!(doc.get("created_by").is_none() && doc.get("narrative").is_none());
    let fields = p["fields"].as_array().unwrap();
    let narrative = fields.iter().find(|f| f["path"] == "narrative").unwrap();
    assert_eq!(narrative["class"], "nominal");
    assert_eq!(narrative["sent"], false);

    // ending the MoU yesterday leaves no agreement in force
    let res = app
        .patch(
            &format!(
                "/api/v1/exchange/agreements/{}",
                mou["id"].as_str().unwrap()
            ),
            &liaison,
            1,
            json!({ "valid_until": "2024-12-31" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["in_force"], false);
    assert_problem(preview("non_nominal").await, 409, "no_agreement").await;

    // a nominal agreement for every commodity covers both scopes, and nominal data appears
    app.post(
        "/api/v1/exchange/agreements",
        &liaison,
        json!({ "partner_id": be_id, "instrument": "regional_convention", "reference": "Naples II",
                "scope": "nominal", "valid_from": "2010-01-01" }),
    )
    .await;
    let p: Value = preview("nominal").await.json().await.unwrap();
    assert_eq!(p["agreement"]["reference"], "Naples II");
    let doc = &p["documents"][0];
    assert_eq!(doc["persons"][0]["person"]["family_name"], "Ivanoff");
    assert!(doc["persons"][0]["person"].get("created_by").is_none());
    assert_eq!(app.audit_rows("exchange.preview").await.len(), 2);
    assert_eq!(app.audit_rows("exchange.agreement_update").await.len(), 1);
}

#[tokio::test]
async fn a_cen_batch_carries_validated_cases_once_in_non_nominal_form_and_is_kept() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let liaison = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let company_id = company(&app, &c.officer, "Tulip Freight BV").await;
    let case = submitted(&app, &c.officer, full_case(&company_id)).await;
    let case_id = case["id"].as_str().unwrap().to_string();
    // a submitted case is not exported
    let res = app
        .post("/api/v1/exchange/cen-exports", &liaison, json!({}))
        .await;
    assert_problem(res, 409, "nothing_to_export").await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{case_id}/validate")))
        .bearer_auth(&c.supervisor)
        .header("If-Match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let pending: Value = app
        .get("/api/v1/exchange/cen-exports/pending", &liaison)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(pending["cases"], 1);
    let record = &pending["sample"][0];
    assert_eq!(record["case_reference"], case["reference"]);
    assert_eq!(record["origin_countries"], json!(["BR"]));
    assert_eq!(record["transit_countries"], json!(["PT"]));
    assert_eq!(record["conveyance_types"], json!(["container"]));
    assert_eq!(record["goods"][0]["mass_kg"], json!(2.5));

    let res = app
        .post("/api/v1/exchange/cen-exports", &liaison, json!({}))
        .await;
    assert_eq!(res.status(), 201);
    let batch: Value = res.json().await.unwrap();
    assert_eq!(batch["cases"], 1);
    assert_eq!(batch["created_by_name"], "lia");
    let res = app
        .post("/api/v1/exchange/cen-exports", &liaison, json!({}))
        .await;
    assert_problem(res, 409, "nothing_to_export").await;

    let id = batch["id"].as_str().unwrap();
    let res = app
        .get(
            &format!("/api/v1/exchange/cen-exports/{id}/content/json"),
            &liaison,
        )
        .await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    for nominal in [
        "Ivanoff",
        "Tulip",
        "CSQU",
        "Double bottom",
        "Roissy",
        "São Paulo",
        "Marlboro",
        "White powder",
    ] {
        assert!(!text.contains(nominal), "{nominal} left in {text}");
    }
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "ncen-cen-export/1");
    // the kept hash is the records' JSON Lines
    let mut lines = Vec::new();
    for r in doc["records"].as_array().unwrap() {
        let r: ncen_core::exchange::cen::CenRecord = serde_json::from_value(r.clone()).unwrap();
        lines.extend(serde_json::to_vec(&r).unwrap());
        lines.push(b'\n');
    }
    use sha2::Digest;
    assert_eq!(
        json!(hex::encode(sha2::Sha256::digest(&lines))),
        batch["content_sha256"]
    );

    let csv = app
        .get(
            &format!("/api/v1/exchange/cen-exports/{id}/content/csv"),
            &liaison,
        )
        .await
        .text()
        .await
        .unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[0]
        .trim_start_matches('\u{feff}')
        .starts_with("case_reference,"));
    assert!(rows[1].contains(",drugs,cocaine,"));
    assert!(rows[2].contains(",tobacco,cigarettes,"));

    let list: Value = app
        .get("/api/v1/exchange/cen-exports", &liaison)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(app.audit_rows("cen.export").await.len(), 1);
    assert_eq!(app.audit_rows("cen.download").await.len(), 2);
    assert_eq!(app.audit_rows("cen.preview").await.len(), 1);
    let res = app
        .get(
            &format!("/api/v1/exchange/cen-exports/{}", uuid::Uuid::new_v4()),
            &liaison,
        )
        .await;
    assert_problem(res, 404, "not_found").await;
}
