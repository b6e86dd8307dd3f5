//! The case report: a PDF (text checked by extracting it) and a print-friendly HTML page of
//! the investigation, for whoever reads it, audited; 404 for anyone else; bad parameters 422.

use super::{opened, unit};
use crate::alerts::created;
use crate::seizures::submitted;
use ncen_tests::{assert_problem, png, upload};
use serde_json::{json, Value};

/// Every page's text.
fn pdf_text(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    (pages.len(), doc.extract_text(&pages).unwrap())
}

#[tokio::test]
async fn the_case_report_names_the_persons_and_the_seizure_and_is_audited() {
    let app = ncen_tests::TestApp::spawn().await;
    let u = unit(&app).await;
    let case = submitted(
        &app,
        &u.chief,
        json!({ "kind": "seizure", "detected_at": "2026-06-01T08:30:00Z", "place": "CDG", "country": "FR",
                "goods": [{ "commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 4.2, "unit": "kg",
                            "description": "in the lining of two suitcases" }],
                "persons": [{ "role": "offender", "person": {
                    "family_name": "Bensaleh", "given_names": "Abdelkader",
                    "original_script_name": "عبد القادر بن صالح", "date_of_birth": "1979-11-07",
                    "documents": [{ "document_type": "passport", "number": "X1234567", "issuing_country": "DZ" }] } }] }),
    )
    .await;
    let case_id = case["id"].as_str().unwrap();
    let case_ref = case["reference"].as_str().unwrap();
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let res = upload(
        &app,
        &u.chief,
        case_id,
        "photo",
        "suitcase.png",
        png(64, 48),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let inv = opened(
        &app,
        &u,
        json!({ "links": [
            { "target_kind": "case", "target_id": case_id, "role": "origin" },
            { "target_kind": "person", "target_id": person_id, "role": "suspect" }
        ] }),
    )
    .await;
    let id = inv["id"].as_str().unwrap();
    let reference = inv["reference"].as_str().unwrap();
    let base = format!("/api/v1/investigations/{id}");
    created(
        app.post(
            &format!("{base}/journal"),
            &u.lead,
            json!({ "kind": "finding", "body": "Courier interviewed at the airport" }),
        )
        .await,
    )
    .await;

    // the lead prints it
    let res = app.get(&format!("{base}/report"), &u.lead).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("attachment") && disposition.contains(reference),
        "{disposition}"
    );
    let bytes = res.bytes().await.unwrap();
    let (pages, text) = pdf_text(&bytes);
    assert!(
        pages >= 3,
        "summary, seizures, chronology and journal: {pages} pages"
    );
    for wanted in [
        reference,
        "Cocaine couriers through CDG",
        "RESTRICTED",
        "Printed by lena",
        "BENSALEH, Abdelkader",
        "X1234567",
        case_ref,
        "cocaine",
        "in the lining of two suitcases",
        "Courier interviewed at the airport",
        "Chronology",
        &format!("Page 1 of {pages}"),
    ] {
        assert!(
            text.contains(wanted),
            "`{wanted}` not in the report:\n{text}"
        );
    }
    // the photo is in it, as an image
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let images = doc
        .objects
        .values()
        .filter(|o| {
            o.as_stream()
                .ok()
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Image".as_slice())
        })
        .count();
    assert_eq!(images, 1, "the case photo");

    // one audit row per print, naming what it holds
    let rows = app.audit_rows("investigation.report").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some(id));
    let page: Value = app
        .get(
            "/api/v1/audit?action=investigation.report&limit=10",
            &u.auditor,
        )
        .await
        .json()
        .await
        .unwrap();
    let details = &page["items"][0]["details"];
    assert_eq!(details["format"], "pdf", "{details}");
    assert_eq!(details["photos"], 1, "{details}");
    assert_eq!(details["cases"], json!([case_id]), "{details}");
    assert_eq!(details["persons"], json!([person_id]), "{details}");

    // in French
    let res = app.get(&format!("{base}/report?lang=fr"), &u.chief).await;
    assert_eq!(res.status(), 200);
    let (_, text) = pdf_text(&res.bytes().await.unwrap());
    assert!(
        text.contains("Imprimé par sara") && text.contains("Chronologie"),
        "{text}"
    );

    // the print-friendly page: self-contained, nothing to run
    let res = app
        .get(&format!("{base}/report?format=html"), &u.member)
        .await;
    assert_eq!(res.status(), 404, "not on the team yet");
    let res = app
        .get(&format!("{base}/report?format=html"), &u.lead)
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
    let page = res.text().await.unwrap();
    assert!(
        page.contains("BENSALEH, Abdelkader") && page.contains(case_ref),
        "{page}"
    );
    assert!(page.contains("src=\"data:image/png;base64,"));
    assert!(!page.contains("<script"));
    assert_eq!(app.audit_rows("investigation.report").await.len(), 3);

    // need-to-know: 404 for anyone not reading the investigation
    for token in [&u.colleague, &u.outsider, &u.outside_chief] {
        let res = app.get(&format!("{base}/report"), token).await;
        assert_problem(res, 404, "not_found").await;
    }
    // bad parameters
    for (query, field) in [("format=docx", "format"), ("lang=de", "lang")] {
        let res = app.get(&format!("{base}/report?{query}"), &u.lead).await;
        let p: Value = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(p["errors"][0]["field"], field, "{p}");
    }
    let res = app.get(&format!("{base}/report?pages=2"), &u.lead).await;
    assert_eq!(res.status(), 400);
}
