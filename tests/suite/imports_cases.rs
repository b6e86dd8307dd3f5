//! Bulk imports of seizure cases: each line the body of `POST /seizures` plus its external
//! id. The parties inside go through the matching engine — a person carrying a register
//! person's passport is that person, a company named as one is it, a conveyance with a known
//! identifier is it; a namesake below the threshold is created and listed as a proposal, never
//! merged. Re-imported unchanged, an edited line updates its draft, a case validated since is
//! `locked`; every case created is audited naming the import.

use crate::imports::{count, finished, ndjson, queued, upload};
use crate::seizures::{crew, full_case};
use ncen_tests::TestApp;
use serde_json::{json, Value};

async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> String {
    let res = app.post(path, token, body).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let v: Value = res.json().await.unwrap();
    v["id"].as_str().unwrap().to_string()
}

async fn case_of(app: &TestApp, external_id: &str) -> String {
    let mut conn = app.db.conn().await;
    ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT record_id::text AS value FROM import_keys \
             WHERE record_type = 'seizure' AND external_id = '{external_id}'"
        ),
    )
    .await
    .remove(0)
}

async fn read(app: &TestApp, token: &str, path: &str) -> Value {
    app.get(path, token).await.json().await.unwrap()
}

async fn run(app: &TestApp, token: &str, query: &str, file: Vec<u8>) -> Value {
    let id = queued(upload(app, token, query, file, None).await).await;
    finished(app, token, &id).await
}

#[tokio::test]
async fn cases_are_imported_with_their_parties_matched_proposed_and_kept_idempotent() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    // the registers before the import
    let ivan = created(&app, &c.officer, "/api/v1/persons", json!({
        "family_name": "Ivanoff", "given_names": "Ivan", "date_of_birth": "1984-03", "nationalities": ["RU"],
        "documents": [{ "document_type": "passport", "number": "72 1234567", "issuing_country": "RU" }]
    }))
    .await;
    let namesake = created(&app, &c.officer, "/api/v1/persons", json!({
        "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": "1948-02-01", "gender": "male"
    }))
    .await;
    let acme = created(
        &app,
        &c.officer,
        "/api/v1/companies",
        json!({ "name": "Acme Logistics", "country": "NL", "activities": ["importer"] }),
    )
    .await;
    // the engine's own verdict on the namesake (born four years apart): close, not a hit
    let screened: Value = app
        .post(
            "/api/v1/screening",
            &c.officer,
            json!({ "person": { "name": "Abdelkader Bensaleh", "date_of_birth": "1952-02-01" } }),
        )
        .await
        .json()
        .await
        .unwrap();
    let verdict = screened["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == namesake.as_str())
        .unwrap_or_else(|| panic!("{screened}"));
    assert_eq!(verdict["band"], "review", "{screened}");

    let mut first = full_case(&acme);
    first["external_id"] = json!("OLD-1");
    // Ivan by his passport (a different spelling of the name), the company named again
    first["persons"][0]["person"]["family_name"] = json!("Ivanov");
    first["companies"] =
        json!([{ "role": "importer", "company": { "name": "ACME LOGISTICS", "country": "NL" } }]);
    let second = json!({
        "external_id": "OLD-2", "kind": "offence", "detected_at": "2025-11-02T10:00:00Z",
        "place": "Port of Marseille",
        "persons": [{ "role": "courier", "person": {
            "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": "1952-02-01"
        }}],
        "conveyances": [{ "role": "container", "conveyance": {
            "conveyance_type": "container", "identifier_kind": "container", "identifier": "CSQU3054383"
        }}]
    });
    let mut bad = full_case(&acme);
    bad["external_id"] = json!("OLD-3");
    bad["goods"][0]["commodity_group"] = json!("no-such-group");
    let file = ndjson(&[first.clone(), second.clone(), bad]);
    let query = "record_type=cases&source_system=legacy&filename=cases.ndjson";

    // the dry run: the bad line reported under its field, nothing written
    let job = run(&app, sup, query, file.clone()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (job["created"].as_i64(), job["rejected"].as_i64()),
        (Some(2), Some(1)),
        "{job}"
    );
    assert_eq!(job["bytes_done"].as_i64(), job["size_bytes"].as_i64());
    // its progress was announced live to its importer, the last event saying it ended
    let mut conn = app.db.conn().await;
    let said = ncen_tests::strings(
        &mut conn,
        "SELECT data->>'status' AS value FROM user_events WHERE kind = 'import.progress' ORDER BY id",
    )
    .await;
    assert_eq!(
        said.last().map(String::as_str),
        Some("succeeded"),
        "{said:?}"
    );
    assert!(said.len() >= 2, "{said:?}");
    drop(conn);
    let dry = job["id"].as_str().unwrap();
    let problems: Value = read(&app, sup, &format!("/api/v1/imports/{dry}/problems")).await;
    let p = &problems["items"][0];
    assert_eq!(
        (p["line"].as_i64(), p["field"].as_str(), p["code"].as_str()),
        (
            Some(3),
            Some("goods[0].commodity_group"),
            Some("unknown_code")
        ),
        "{problems}"
    );
    assert_eq!(
        count(&app, "SELECT count(*)::text AS value FROM seizure_cases").await,
        0
    );

    // the commit: the good lines written, their parties matched or proposed
    let res = app
        .post(&format!("/api/v1/imports/{dry}/commit"), sup, json!({}))
        .await;
    let job = finished(&app, sup, &queued(res).await).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (
            job["created"].as_i64(),
            job["rejected"].as_i64(),
            job["matched"].as_i64(),
            job["proposals"].as_i64()
        ),
        // Ivan (passport), Acme (name), the container (identifier); the namesake proposed
        (Some(2), Some(1), Some(3), Some(1)),
        "{job}"
    );
    let one = case_of(&app, "OLD-1").await;
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{one}")).await;
    assert_eq!(case["status"], "draft");
    assert_eq!(case["persons"][0]["person"]["id"], ivan.as_str(), "{case}");
    assert_eq!(case["persons"][0]["person"]["family_name"], "Ivanoff");
    assert_eq!(
        case["companies"][0]["company"]["id"],
        acme.as_str(),
        "{case}"
    );
    let two = case_of(&app, "OLD-2").await;
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{two}")).await;
    let created_person = case["persons"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(created_person, namesake);
    let conveyance_one: Value = read(&app, sup, &format!("/api/v1/seizures/{one}")).await;
    assert_eq!(
        case["conveyances"][0]["conveyance"]["id"],
        conveyance_one["conveyances"][0]["conveyance"]["id"],
        "the container of the first case is the second's"
    );
    let commit = job["id"].as_str().unwrap();
    let proposals: Value = read(&app, sup, &format!("/api/v1/imports/{commit}/proposals")).await;
    let items = proposals["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{proposals}");
    assert_eq!(
        (
            items[0]["line"].as_i64(),
            items[0]["field"].as_str(),
            items[0]["record_kind"].as_str(),
            items[0]["case_id"].as_str(),
            items[0]["record_id"].as_str(),
            items[0]["candidate_id"].as_str(),
        ),
        (
            Some(2),
            Some("persons[0]"),
            Some("person"),
            Some(two.as_str()),
            Some(created_person.as_str()),
            Some(namesake.as_str())
        )
    );
    // both as lists show them; reading names is audited, naming the records shown
    assert_eq!(
        (
            items[0]["record_label"].as_str(),
            items[0]["candidate_label"].as_str()
        ),
        (
            Some("BENSALEH, Abdelkader (1952-02-01)"),
            Some("BENSALEH, Abdelkader (1948-02-01)")
        ),
        "{proposals}"
    );
    let read_rows = app.audit_rows("import.proposals_read").await;
    assert_eq!(read_rows.len(), 1);
    // the refreshes a batch defers to its end ran: the cases' filter copies of their route
    // countries and conveyance types, and each linked record's last case
    let mut conn = app.db.conn().await;
    let filters = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT array_to_string(route_countries, ',') || '|' || array_to_string(conveyance_types, ',') \
             AS value FROM seizure_cases WHERE id = '{two}'"
        ),
    )
    .await;
    assert_eq!(filters, vec!["|container".to_string()], "{case}");
    let filters = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT array_to_string(route_countries, ',') AS value FROM seizure_cases WHERE id = '{one}'"
        ),
    )
    .await;
    assert!(!filters[0].is_empty(), "{filters:?}");
    let without = ncen_tests::strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM persons p WHERE last_case_at IS NULL \
           AND EXISTS (SELECT 1 FROM seizure_case_persons l WHERE l.person_id = p.id)",
    )
    .await;
    assert_eq!(without, vec!["0".to_string()]);
    let deferred = ncen_tests::strings(
        &mut conn,
        "SELECT coalesce(current_setting('ncen.defer_refresh', true), '') AS value",
    )
    .await;
    assert_ne!(deferred, vec!["on".to_string()]);
    drop(conn);
    // nothing merged: both persons stand
    assert_eq!(
        count(
            &app,
            "SELECT count(*)::text AS value FROM persons WHERE merged_into IS NULL"
        )
        .await,
        3
    );
    // audited: each case naming the import
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT count(*)::text AS value FROM audit_events WHERE action = 'seizure.create' \
                 AND details->>'import' = '{commit}'"
            )
        )
        .await,
        2
    );

    // written together at the batch's end: numbered in the order of their lines, each with
    // its history, the person it created audited as created for it
    let mut conn = app.db.conn().await;
    let refs = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT (id = '{one}')::text || ' ' || (SELECT count(*) FROM seizure_history h \
               WHERE h.case_id = c.id AND h.action = 'create' AND h.version = 1)::text AS value \
             FROM seizure_cases c ORDER BY reference"
        ),
    )
    .await;
    assert_eq!(refs, vec!["true 1".to_string(), "false 1".to_string()]);
    let for_case = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT details->>'case_id' AS value FROM audit_events \
             WHERE action = 'person.create' AND object_id = '{created_person}'"
        ),
    )
    .await;
    assert_eq!(for_case, vec![two.clone()]);
    drop(conn);
    // the same file again: nothing changes
    let job = run(&app, sup, &format!("{query}&dry_run=false"), file.clone()).await;
    assert_eq!(
        (
            job["created"].as_i64(),
            job["unchanged"].as_i64(),
            job["rejected"].as_i64()
        ),
        (Some(0), Some(2), Some(1)),
        "{job}"
    );

    // an edited line updates its draft (a new version, in its history)
    let mut edited = second.clone();
    edited["place"] = json!("Port of Marseille-Fos, quay 4");
    let job = run(
        &app,
        sup,
        &format!("{query}&dry_run=false"),
        ndjson(&[first.clone(), edited]),
    )
    .await;
    assert_eq!(
        (job["updated"].as_i64(), job["unchanged"].as_i64()),
        (Some(1), Some(1)),
        "{job}"
    );
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{two}")).await;
    assert_eq!(
        (case["version"].as_i64(), case["place"].as_str()),
        (Some(2), Some("Port of Marseille-Fos, quay 4"))
    );
    assert_eq!(case["persons"][0]["person"]["id"], created_person.as_str());

    // a case submitted since is locked: the line refused, the case untouched
    let res = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{one}/submit")))
        .bearer_auth(sup)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let mut changed = first.clone();
    changed["place"] = json!("Elsewhere");
    let job = run(
        &app,
        sup,
        &format!("{query}&dry_run=false"),
        ndjson(&[changed.clone()]),
    )
    .await;
    assert_eq!(job["rejected"].as_i64(), Some(1), "{job}");
    let id = job["id"].as_str().unwrap();
    let problems: Value = read(&app, sup, &format!("/api/v1/imports/{id}/problems")).await;
    assert_eq!(problems["items"][0]["code"], "locked", "{problems}");
    // all_or_nothing: the locked line fails the whole import at its check
    let job = run(
        &app,
        sup,
        &format!("{query}&dry_run=false&mode=all_or_nothing"),
        ndjson(&[changed]),
    )
    .await;
    assert_eq!(job["status"], "failed", "{job}");
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{one}")).await;
    assert_eq!(case["place"], "Roissy-CDG cargo terminal");
}

#[tokio::test]
async fn a_csv_file_is_read_by_its_header_and_each_bad_row_reported() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    let file = "external_id,kind,detected_at,place,detection_methods[0],goods[0].commodity_group,goods[0].quantity,goods[0].unit,persons[0].role,persons[0].person.family_name,persons[0].person.given_names\r\n\
        CSV-1,seizure,2026-03-01T09:00:00Z,\"Le Havre, quay 2\",xray_nii,drugs,12.5,kg,courier,Durand,Paul\r\n\
        CSV-2,offence,2026-03-02T09:00:00Z,\"A narrative\nover two lines\",,,,,,,\r\n\
        CSV-3,seizure,2026-03-03T09:00:00Z,Lille,,drugs,a lot,kg,,,\r\n\
        CSV-4,seizure\r\n\
        CSV-5,seizure,2026-03-05T09:00:00Z,\"never closed,,,,,,,,\r\n";
    let query = "record_type=cases&format=csv&source_system=legacy&dry_run=false";
    let job = run(&app, sup, query, file.as_bytes().to_vec()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (job["created"].as_i64(), job["rejected"].as_i64()),
        (Some(2), Some(3)),
        "{job}"
    );
    let id = job["id"].as_str().unwrap();
    let problems: Value = read(&app, sup, &format!("/api/v1/imports/{id}/problems")).await;
    let found: Vec<(i64, &str)> = problems["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_i64().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    // the quoted cell of CSV-2 spans lines 3 and 4: CSV-3 starts on line 5
    assert_eq!(
        found,
        vec![(5, "invalid"), (6, "columns"), (7, "quote")],
        "{problems}"
    );
    let one = case_of(&app, "CSV-1").await;
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{one}")).await;
    assert_eq!(
        (
            case["place"].as_str(),
            case["goods"][0]["quantity"].as_f64(),
            case["persons"][0]["person"]["family_name"].as_str(),
            case["detection_methods"][0].as_str()
        ),
        (
            Some("Le Havre, quay 2"),
            Some(12.5),
            Some("Durand"),
            Some("xray_nii")
        )
    );
    let two = case_of(&app, "CSV-2").await;
    let case: Value = read(&app, sup, &format!("/api/v1/seizures/{two}")).await;
    assert_eq!(case["place"], "A narrative\nover two lines");

    // a header that is no field path fails the import with the reason, writing nothing
    let job = run(
        &app,
        sup,
        "record_type=persons&format=csv&source_system=legacy&dry_run=false",
        b"external_id,Family Name\nP-1,Durand\n".to_vec(),
    )
    .await;
    assert_eq!(job["status"], "failed", "{job}");
    assert!(
        job["failure"].as_str().unwrap().contains("`Family Name`"),
        "{job}"
    );
}

/// A workbook of one worksheet: `rows` of cells, a cell parsed as a number when it is one
/// (as a spreadsheet stores it), else an inline string.
fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    use std::io::Write;
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if cell.is_empty() {
                continue;
            } else if cell.parse::<f64>().is_ok() {
                sheet.push_str(&format!(r#"<c r="{at}"><v>{cell}</v></c>"#));
            } else {
                sheet.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t>{cell}</t></is></c>"#
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Persons" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[tokio::test]
async fn an_xlsx_workbook_is_read_as_csv_and_a_zip_bomb_refused() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let sup = &c.supervisor;
    let book = workbook(&[
        &[
            "external_id",
            "family_name",
            "given_names",
            "nationalities[0]",
            "documents[0].document_type",
            "documents[0].number",
            "documents[0].issuing_country",
        ],
        &["X-1", "Durand", "Paul", "FR", "passport", "19AB12345", "FR"],
        &["X-2", "", "No family name", "FR", "", "", ""],
        &["X-3", "Okafor", "Chidi", "XX", "", "", ""],
    ]);
    let query = "record_type=persons&format=xlsx&source_system=sheet&dry_run=false";
    let job = run(&app, sup, query, book.clone()).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (job["created"].as_i64(), job["rejected"].as_i64()),
        (Some(1), Some(2)),
        "{job}"
    );
    assert_eq!(job["bytes_done"].as_i64(), job["size_bytes"].as_i64());
    let id = job["id"].as_str().unwrap();
    let problems = read(&app, sup, &format!("/api/v1/imports/{id}/problems")).await;
    let found: Vec<(i64, &str, &str)> = problems["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["line"].as_i64().unwrap(),
                p["field"].as_str().unwrap(),
                p["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "family_name", "required"),
            (4, "nationalities[0]", "unknown_code")
        ],
        "{problems}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*)::text AS value FROM person_documents WHERE number = '19AB12345'"
        )
        .await,
        1
    );
    // the same workbook again: unchanged
    let job = run(&app, sup, query, book.clone()).await;
    assert_eq!(job["unchanged"].as_i64(), Some(1), "{job}");

    // a workbook sent as CSV, and a CSV sent as a workbook: refused at the upload
    let res = upload(
        &app,
        sup,
        "record_type=persons&format=csv&source_system=s",
        book,
        None,
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = upload(
        &app,
        sup,
        query,
        b"external_id,family_name\n".to_vec(),
        None,
    )
    .await;
    assert_eq!(res.status(), 422);
    // too short to be a ZIP at all
    let res = upload(&app, sup, query, b"PK".to_vec(), None).await;
    let p = ncen_tests::assert_problem(res, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["code"], "wrong_type");

    // a zip bomb: a worksheet of 20 MB of one byte, packed a thousand times smaller
    let bomb = {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..20 {
            zip.write_all(&block).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    let job = run(&app, sup, query, bomb).await;
    assert_eq!(job["status"], "failed", "{job}");
    assert!(
        job["failure"].as_str().unwrap().contains("zip bomb"),
        "{job}"
    );
}
