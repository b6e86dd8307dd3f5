//! Finding the record an officer means: a document number, phone or e-mail finds the person
//! carrying it; registering a record that looks like an existing one warns with a link to it;
//! junk names are refused.

use crate::seizures::crew;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn found(app: &TestApp, token: &str, q: &str) -> Vec<String> {
    let res = app
        .get(&format!("/api/v1/persons?q={}", urlencoding(q)), token)
        .await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["family_name"].as_str().unwrap().to_string())
        .collect()
}

fn urlencoding(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_document_phone_or_email_finds_the_person_and_look_alikes_are_flagged() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let res = app
        .post(
            "/api/v1/persons",
            &c.officer,
            json!({
                "family_name": "Restrepo Gómez", "given_names": "Juan Carlos",
                "date_of_birth": "1984-03-12", "nationalities": ["CO"],
                "documents": [{ "document_type": "passport", "number": "AB 123-456", "issuing_country": "CO" }],
                "phones": ["+57 310 555 0199"], "emails": ["JC.Restrepo@example.org"]
            }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let other = app
        .post(
            "/api/v1/persons",
            &c.officer,
            json!({ "family_name": "Other", "phones": ["+33 6 12 34 56 78"] }),
        )
        .await;
    assert_eq!(other.status(), 201);

    for q in [
        "ab123456",
        "AB-123 456",
        "+57 310 555 0199",
        "3105550199",
        "jc.restrepo@EXAMPLE.org",
    ] {
        assert_eq!(found(&app, &c.officer, q).await, ["Restrepo Gómez"], "{q}");
    }
    // A national form meets the international one by its last nine digits.
    assert_eq!(found(&app, &c.officer, "06 12 34 56 78").await, ["Other"]);
    assert!(found(&app, &c.officer, "AB123457").await.is_empty());
    assert!(found(&app, &c.officer, "nobody@example.org")
        .await
        .is_empty());

    // The same passport, or the same name and birth date: a warning naming the record.
    let check = |body: Value| {
        let app = &app;
        let token = c.officer.clone();
        async move {
            let res = app.post("/api/v1/persons/duplicates", &token, body).await;
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.unwrap()["items"].clone()
        }
    };
    let by_doc = check(json!({ "family_name": "Someone",
        "documents": [{ "document_type": "passport", "number": "ab123456" }] }))
    .await;
    assert_eq!(by_doc.as_array().unwrap().len(), 1);
    assert_eq!(by_doc[0]["reasons"], json!(["document"]));
    assert_eq!(
        by_doc[0]["label"],
        "RESTREPO GÓMEZ, Juan Carlos (1984-03-12)"
    );
    let by_name = check(
        json!({ "family_name": "RESTREPO GOMEZ", "given_names": "juan carlos",
        "date_of_birth": "1984-03-12" }),
    )
    .await;
    assert_eq!(by_name[0]["reasons"], json!(["name_and_birth_date"]));
    let both = check(
        json!({ "family_name": "Restrepo Gómez", "given_names": "Juan Carlos",
        "date_of_birth": "1984-03-12", "documents": [{ "document_type": "", "number": "AB123456" }] }),
    )
    .await;
    assert_eq!(
        both[0]["reasons"],
        json!(["document", "name_and_birth_date"])
    );
    // A birthday one digit off (a typo?), or none: offered, saying what is shared; a
    // birthday years apart: another person.
    let typo = check(json!({ "family_name": "Restrepo Gomez", "given_names": "Juan Carlos", "date_of_birth": "1984-03-13" })).await;
    assert_eq!(typo[0]["reasons"], json!(["same_name"]));
    assert!(typo[0]["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["feature"] == "date_of_birth"));
    let undated =
        check(json!({ "family_name": "Restrepo Gómez", "given_names": "Juan Carlos" })).await;
    assert_eq!(undated[0]["reasons"], json!(["same_name"]));
    let other = check(json!({ "family_name": "Restrepo Gómez", "given_names": "Juan Carlos", "date_of_birth": "1961-09-30" })).await;
    assert!(other.as_array().unwrap().is_empty(), "{other}");
    // another script and order
    let cyrillic = check(json!({ "family_name": "Рестрепо Гомес", "given_names": "Хуан Карлос", "date_of_birth": "1984" })).await;
    assert_eq!(
        cyrillic[0]["label"],
        "RESTREPO GÓMEZ, Juan Carlos (1984-03-12)"
    );
    assert_eq!(app.audit_rows("person.check_duplicates").await.len(), 7);

    // Companies: an identifier written differently, or the exact name.
    let res = app
        .post(
            "/api/v1/companies",
            &c.officer,
            json!({ "name": "Tulip Freight BV", "registration_number": "NL-123.456", "country": "NL" }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    for (body, reasons) in [
        (
            json!({ "name": "Else", "registration_number": "nl 123456" }),
            json!(["registration_number"]),
        ),
        (json!({ "name": "tulip freight bv" }), json!(["name"])),
    ] {
        let res = app
            .post("/api/v1/companies/duplicates", &c.officer, body)
            .await;
        assert_eq!(res.status(), 200);
        let items = res.json::<Value>().await.unwrap()["items"].clone();
        assert_eq!(items[0]["reasons"], reasons);
        assert_eq!(items[0]["label"], "Tulip Freight BV (NL)");
    }
    let res = app
        .post(
            "/api/v1/companies/duplicates",
            &c.officer,
            json!({ "name": "Tulip", "bogus": 1 }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;
    let res = app
        .post(
            "/api/v1/companies/duplicates",
            "not-a-token",
            json!({ "name": "Tulip" }),
        )
        .await;
    assert_eq!(res.status(), 401);

    // Junk names are refused.
    for (path, field, body) in [
        (
            "/api/v1/persons",
            "family_name",
            json!({ "family_name": "0" }),
        ),
        ("/api/v1/companies", "name", json!({ "name": "- -" })),
    ] {
        let res = app.post(path, &c.officer, body).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], field);
        assert_eq!(problem["errors"][0]["code"], "no_letters");
    }
}

/// The search box ranks by the matching engine: order, year of birth and script.
#[tokio::test]
async fn the_search_ranks_by_the_matching_engine() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let mut ids = Vec::new();
    for (family, given, born) in [
        ("Mwangi", "Abdirahman", "1990-05-01"),
        ("Mwangi", "Abdirahman", "1979-02-11"),
        ("Mwangi", "Joseph", "1979-07-07"),
        ("Bensaleh", "Abdelkader", "1979-11-07"),
    ] {
        let res = app
            .post(
                "/api/v1/persons",
                &c.officer,
                json!({
                    "family_name": family, "given_names": given, "date_of_birth": born
                }),
            )
            .await;
        let v: Value = res.json().await.unwrap();
        ids.push(v["id"].as_str().unwrap().to_string());
    }
    let page = |q: &str, extra: &str| {
        let path = format!("/api/v1/persons?q={}{extra}", urlencoding(q));
        let app = &app;
        let token = c.officer.clone();
        async move {
            let res = app.get(&path, &token).await;
            let status = res.status();
            let v: Value = res.json().await.unwrap();
            assert_eq!(status, 200, "{v}");
            v
        }
    };
    let v = page("mwangi abdirahman 1979", "").await;
    assert_eq!(
        v["items"][0]["id"],
        ids[1].as_str(),
        "born in 1979 first: {v}"
    );
    assert_eq!(
        v["items"][1]["id"],
        ids[0].as_str(),
        "then the namesake: {v}"
    );
    assert!(v["next_cursor"].is_null());
    // another script finds the Latin record
    let v = page("عبد القادر بن صالح", "").await;
    assert_eq!(v["items"][0]["id"], ids[3].as_str(), "{v}");
    // by name on request, paged as before; a relevance list has no second page
    let v = page("mwangi", "&sort=name&limit=1").await;
    assert!(v["next_cursor"].is_string(), "{v}");
    let res = app
        .get(
            &format!(
                "/api/v1/persons?q=mwangi&sort=relevance&cursor={}",
                v["next_cursor"].as_str().unwrap()
            ),
            &c.officer,
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "cursor", "{problem}");
    // companies too, across legal forms
    for name in ["Nova Logistics SARL", "Orion Freight Ltd"] {
        let res = app
            .post(
                "/api/v1/companies",
                &c.officer,
                json!({ "name": name, "country": "FR" }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let res = app
        .get("/api/v1/companies?q=nova%20logistics%20gmbh", &c.officer)
        .await;
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["items"][0]["name"], "Nova Logistics SARL", "{v}");
}
