//! The register lists as officers and analysts use them: sorted by name or by last case
//! (kept right as cases link, unlink and move), filtered by date of birth and country, and
//! exported as CSV/XLSX (bounded and audited); unit names per language; the sent-back flag of
//! drafts in the case list.

use crate::seizures::{create, crew, offence, submitted};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn person(app: &TestApp, token: &str, body: Value) -> String {
    let res = app.post("/api/v1/persons", token, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let p: Value = res.json().await.unwrap();
    p["id"].as_str().unwrap().to_string()
}

async fn names(app: &TestApp, token: &str, query: &str) -> (Vec<String>, Value) {
    let res = app.get(&format!("/api/v1/persons?{query}"), token).await;
    let status = res.status();
    let page: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{page}");
    let names = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["family_name"].as_str().unwrap().to_string())
        .collect();
    (names, page)
}

/// A draft case on `at` naming `ids` as couriers.
fn naming(at: &str, ids: &[&str]) -> Value {
    let mut body = offence(at);
    body["persons"] = ids
        .iter()
        .map(|id| json!({ "role": "courier", "person_id": id }))
        .collect();
    body
}

#[tokio::test]
async fn persons_sort_by_last_case_which_follows_links_and_corrections() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let alpha = person(&app, &c.officer, json!({ "family_name": "Alpha" })).await;
    let bravo = person(&app, &c.officer, json!({ "family_name": "Bravo" })).await;
    let charlie = person(&app, &c.officer, json!({ "family_name": "Charlie" })).await;
    person(&app, &c.officer, json!({ "family_name": "Delta" })).await;

    create(&app, &c.officer, naming("2026-01-10T08:00:00Z", &[&alpha])).await;
    let later = create(
        &app,
        &c.officer,
        naming("2026-02-10T08:00:00Z", &[&bravo, &charlie]),
    )
    .await;
    create(
        &app,
        &c.officer,
        naming("2026-03-10T08:00:00Z", &[&charlie]),
    )
    .await;

    let (by_name, _) = names(&app, &c.officer, "").await;
    assert_eq!(by_name, ["Alpha", "Bravo", "Charlie", "Delta"]);
    let (by_case, page) = names(&app, &c.officer, "sort=last_case").await;
    assert_eq!(by_case, ["Charlie", "Bravo", "Alpha", "Delta"]);
    assert_eq!(page["items"][0]["last_case_at"], "2026-03-10T08:00:00Z");
    assert!(page["items"][3]["last_case_at"].is_null());

    // Paging in that order: two pages of two, records without a case last.
    let (first, page) = names(&app, &c.officer, "sort=last_case&limit=2").await;
    assert_eq!(first, ["Charlie", "Bravo"]);
    let cursor = page["next_cursor"].as_str().unwrap().to_string();
    let (second, page) = names(
        &app,
        &c.officer,
        &format!("sort=last_case&limit=2&cursor={cursor}"),
    )
    .await;
    assert_eq!(second, ["Alpha", "Delta"]);
    assert!(page["next_cursor"].is_null());
    // A cursor of the name order is not one of the last-case order.
    let (_, page) = names(&app, &c.officer, "limit=1").await;
    let name_cursor = page["next_cursor"].as_str().unwrap();
    assert_problem(
        app.get(
            &format!("/api/v1/persons?sort=last_case&cursor={name_cursor}"),
            &c.officer,
        )
        .await,
        422,
        "validation_failed",
    )
    .await;

    // Correcting the detection time moves the records the case names; unlinking drops them.
    let path = format!("/api/v1/seizures/{}", later["id"].as_str().unwrap());
    let res = app
        .patch(
            &path,
            &c.officer,
            1,
            json!({ "detected_at": "2026-01-01T08:00:00Z" }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let (by_case, _) = names(&app, &c.officer, "sort=last_case").await;
    assert_eq!(by_case, ["Charlie", "Alpha", "Bravo", "Delta"]);
    let res = app
        .patch(
            &path,
            &c.officer,
            2,
            json!({ "persons": [{ "role": "courier", "person_id": charlie }] }),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let (by_case, page) = names(&app, &c.officer, "sort=last_case").await;
    // Records in no case come last, the latest registered first.
    assert_eq!(by_case, ["Charlie", "Alpha", "Delta", "Bravo"]);
    assert!(page["items"][3]["last_case_at"].is_null());
}

#[tokio::test]
async fn persons_filter_by_date_of_birth_and_country() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    person(
        &app,
        &c.officer,
        json!({ "family_name": "Okafor", "date_of_birth": "1984-03-12", "nationalities": ["NG"] }),
    )
    .await;
    person(
        &app,
        &c.officer,
        json!({ "family_name": "Mensah", "date_of_birth": "1984-07",
                "documents": [{ "document_type": "passport", "number": "G1234567", "issuing_country": "GH" }] }),
    )
    .await;
    person(
        &app,
        &c.officer,
        json!({ "family_name": "Silva", "date_of_birth": "1990" }),
    )
    .await;

    for (query, expected) in [
        ("born=1984", vec!["Mensah", "Okafor"]),
        ("born=1984-03", vec!["Okafor"]),
        ("born=1984-03-12", vec!["Okafor"]),
        ("born=1984-03-13", vec![]),
        // the published shape, a day the month lacks: no one was born then
        ("born=1984-02-30", vec![]),
        ("country=GH", vec!["Mensah"]),
        ("country=NG", vec!["Okafor"]),
        ("country=NG&born=1990", vec![]),
        ("birth_year=1990", vec!["Silva"]),
    ] {
        let (found, _) = names(&app, &c.officer, query).await;
        assert_eq!(found, expected, "{query}");
    }
    for bad in [
        "born=1984-13",
        "born=84",
        "born=",
        "born=1984-1",
        "country=ZZ",
    ] {
        let problem = assert_problem(
            app.get(&format!("/api/v1/persons?{bad}"), &c.officer).await,
            422,
            "validation_failed",
        )
        .await;
        assert!(problem["errors"][0]["field"].is_string(), "{problem}");
    }
    // Every published bound holds, on the lists and on their exports.
    let long = "0".repeat(65);
    for path in [
        format!("/api/v1/companies?identifier={long}"),
        "/api/v1/persons/export/csv?limit=0".to_string(),
        "/api/v1/companies/export/csv?limit=201".to_string(),
        "/api/v1/conveyances/export/xlsx?limit=0".to_string(),
        format!("/api/v1/persons?q=%20{}", "a".repeat(200)),
    ] {
        let res = app.get(&path, &c.officer).await;
        assert_problem(res, 422, "validation_failed").await;
    }
    // Companies and conveyances sort by last case too.
    for path in ["/api/v1/companies", "/api/v1/conveyances"] {
        let res = app.get(&format!("{path}?sort=last_case"), &c.officer).await;
        assert_eq!(res.status(), 200, "{path}");
    }
    assert_eq!(
        app.get("/api/v1/persons?sort=newest", &c.officer)
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn register_lists_export_what_they_show_bounded_and_audited() {
    let app = TestApp::spawn_with(|s| s.export_max_rows = 2).await;
    let c = crew(&app).await;
    person(
        &app,
        &c.officer,
        json!({ "family_name": "Restrepo Gómez", "given_names": "Juan Carlos",
                "nationalities": ["CO"],
                "documents": [{ "document_type": "passport", "number": "AB123456", "issuing_country": "CO" }] }),
    )
    .await;
    person(&app, &c.officer, json!({ "family_name": "=cmd" })).await;

    let res = app.get("/api/v1/persons/export/csv", &c.analyst).await;
    assert_eq!(res.status(), 200);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.contains("persons-"), "{disposition}");
    let bytes = res.bytes().await.unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("family_name,given_names"), "{text}");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(text.contains("passport AB123456 (CO)"), "{text}");
    assert!(text.contains("'=cmd"), "{text}");
    let audited = app.audit_rows("person.export").await;
    assert_eq!(audited.len(), 1);

    let res = app
        .get("/api/v1/persons/export/xlsx?nationality=CO", &c.analyst)
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(&res.bytes().await.unwrap()[..2], b"PK");

    person(&app, &c.officer, json!({ "family_name": "Third" })).await;
    let problem = assert_problem(
        app.get("/api/v1/persons/export/csv", &c.analyst).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "too_many_rows");
    assert_eq!(
        app.get("/api/v1/persons/export/pdf", &c.analyst)
            .await
            .status(),
        404
    );
    for path in [
        "/api/v1/companies/export/csv",
        "/api/v1/conveyances/export/xlsx",
    ] {
        assert_eq!(app.get(path, &c.analyst).await.status(), 200, "{path}");
    }
    assert_eq!(app.audit_rows("company.export").await.len(), 1);
    assert_eq!(app.audit_rows("conveyance.export").await.len(), 1);
    let admin_only = crate::seizures::user_in(&app, &c.admin, "adm2", &["admin"], &c.root).await;
    assert_problem(
        app.get("/api/v1/persons/export/csv", &admin_only).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn units_carry_their_names_per_language() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let res = app
        .post(
            "/api/v1/units",
            &c.admin,
            json!({ "code": "CDG", "name": "Aéroport CDG",
                    "name_translations": { "en": " CDG Airport ", "ar": "مطار شارل ديغول", "fr": "" } }),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let unit: Value = res.json().await.unwrap();
    assert_eq!(
        unit["name_translations"],
        json!({ "en": "CDG Airport", "ar": "مطار شارل ديغول" })
    );
    let path = format!("/api/v1/units/{}", unit["id"].as_str().unwrap());
    let res = app
        .patch(
            &path,
            &c.admin,
            1,
            json!({ "name_translations": { "en": "Roissy", "ar": null } }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let unit: Value = res.json().await.unwrap();
    assert_eq!(unit["name_translations"], json!({ "en": "Roissy" }));
    let problem = assert_problem(
        app.patch(
            &path,
            &c.admin,
            2,
            json!({ "name_translations": { "ar": "x".repeat(201) } }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "name_translations.ar");
    let res = app
        .patch(
            &path,
            &c.admin,
            2,
            json!({ "name_translations": { "de": "Flughafen" } }),
        )
        .await;
    assert_eq!(res.status(), 400);
    // The bootstrap unit comes with its own translations, and `/me` gives them.
    let me: Value = app
        .get("/api/v1/me", &c.officer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["office"]["unit_name_translations"]["fr"], "Siège");
}

#[tokio::test]
async fn the_case_list_flags_drafts_sent_back() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = submitted(&app, &c.officer, offence("2026-03-01T09:00:00Z")).await;
    create(&app, &c.officer, offence("2026-03-02T09:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}/return", case["id"].as_str().unwrap());
    let res = app
        .client
        .post(app.url(&path))
        .bearer_auth(&c.supervisor)
        .header("If-Match", "\"2\"")
        .json(&json!({ "reason": "Quantity missing" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let page: Value = app
        .get("/api/v1/seizures?status=draft", &c.officer)
        .await
        .json()
        .await
        .unwrap();
    let flags: Vec<(String, Value)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["reference"].as_str().unwrap().to_string(),
                c["sent_back"].clone(),
            )
        })
        .collect();
    assert_eq!(flags.len(), 2, "{page}");
    for (reference, flag) in flags {
        if reference == case["reference"] {
            assert_eq!(flag, "return");
        } else {
            assert!(flag.is_null());
        }
    }
}
