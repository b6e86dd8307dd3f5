//! Persons named twice in one file, within one batch of lines: the first line creates the
//! record, the next ones find it — by its passport or its name and date of birth — exactly
//! as a record of the registers would be found; a namesake born years apart is created and
//! proposed against it. Both commit modes (each reads a batch ahead before writing it).

use crate::imports::{count, finished, ndjson, queued, upload};
use crate::seizures::crew;
use ncen_tests::TestApp;
use serde_json::{json, Value};

fn line(external_id: &str, person: Value) -> Value {
    json!({
        "external_id": external_id, "kind": "offence", "detected_at": "2025-10-01T10:00:00Z",
        "place": "Lyon Saint-Exupéry",
        "persons": [{ "role": "courier", "person": person }]
    })
}

/// The person of the case an external id became.
async fn person_of(app: &TestApp, source: &str, external_id: &str) -> String {
    let mut conn = app.db.conn().await;
    ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT l.person_id::text AS value FROM import_keys k \
               JOIN seizure_case_persons l ON l.case_id = k.record_id \
             WHERE k.record_type = 'seizure' AND k.source_system = '{source}' \
               AND k.external_id = '{external_id}'"
        ),
    )
    .await
    .remove(0)
}

#[tokio::test]
async fn persons_a_batch_names_twice_are_found_in_it_or_proposed() {
    let oksana = json!({
        "family_name": "Petrenko", "given_names": "Oksana", "date_of_birth": "1979-05-14",
        "documents": [{ "document_type": "passport", "number": "FP 998877", "issuing_country": "UA" }]
    });
    let file = ndjson(&[
        line("L1", oksana.clone()),
        // the same passport, the name spelt otherwise
        line(
            "L2",
            json!({
                "family_name": "Petrenkova", "given_names": "Oksana", "date_of_birth": "1979-05-14",
                "documents": [{ "document_type": "passport", "number": "FP998877", "issuing_country": "UA" }]
            }),
        ),
        // a namesake born four years later, no document: not her, maybe her
        line(
            "L3",
            json!({
                "family_name": "Petrenko", "given_names": "Oksana", "date_of_birth": "1983-05-14"
            }),
        ),
        // a one-token name (looked for by spelling too: screened on its own), then its passport
        line(
            "L4",
            json!({
                "family_name": "Kowalczyk",
                "documents": [{ "document_type": "passport", "number": "EK 445566", "issuing_country": "PL" }]
            }),
        ),
        line(
            "L5",
            json!({
                "family_name": "Kowalczyk",
                "documents": [{ "document_type": "passport", "number": "EK445566", "issuing_country": "PL" }]
            }),
        ),
    ]);
    for mode in ["valid_rows", "all_or_nothing"] {
        // a database of its own each: the registers start empty
        let app = TestApp::spawn().await;
        let c = crew(&app).await;
        let source = format!("twice-{mode}");
        let query = format!("record_type=cases&source_system={source}&dry_run=false&mode={mode}");
        let id = queued(upload(&app, &c.supervisor, &query, file.clone(), None).await).await;
        let job = finished(&app, &c.supervisor, &id).await;
        assert_eq!(job["status"], "succeeded", "{job}");
        assert_eq!(
            (
                job["created"].as_i64(),
                job["matched"].as_i64(),
                job["proposals"].as_i64()
            ),
            (Some(5), Some(2), Some(1)),
            "{mode}: {job}"
        );
        let first = person_of(&app, &source, "L1").await;
        assert_eq!(person_of(&app, &source, "L2").await, first, "{mode}");
        let namesake = person_of(&app, &source, "L3").await;
        assert_ne!(namesake, first, "{mode}");
        assert_eq!(
            person_of(&app, &source, "L5").await,
            person_of(&app, &source, "L4").await,
            "{mode}"
        );
        let proposals: Value = app
            .get(&format!("/api/v1/imports/{id}/proposals"), &c.supervisor)
            .await
            .json()
            .await
            .unwrap();
        let items = proposals["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{mode}: {proposals}");
        assert_eq!(
            (
                items[0]["line"].as_i64(),
                items[0]["record_id"].as_str(),
                items[0]["candidate_id"].as_str()
            ),
            (Some(3), Some(namesake.as_str()), Some(first.as_str())),
            "{mode}: {proposals}"
        );
        // three persons created, none merged
        let persons = "SELECT count(*)::text AS value FROM persons WHERE merged_into IS NULL";
        assert_eq!(count(&app, persons).await, 3, "{mode}");
    }
}

/// The persons and conveyances a batch creates are written at its end; a line updating a case
/// already imported may name one of them (found in memory), and its links are written at
/// once: what the batch staged is written first. A conveyance the batch created is found
/// again by its plate.
#[tokio::test]
async fn an_edited_case_may_name_a_person_its_batch_created() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let query = "record_type=cases&source_system=edit-batch&dry_run=false&mode=valid_rows";
    let before = line(
        "E1",
        json!({ "family_name": "Lindqvist", "given_names": "Erik" }),
    );
    let id = queued(upload(&app, &c.supervisor, query, ndjson(&[before]), None).await).await;
    assert_eq!(
        finished(&app, &c.supervisor, &id).await["status"],
        "succeeded"
    );

    let jan = json!({
        "family_name": "Nowak", "given_names": "Jan", "date_of_birth": "1988-02-03",
        "documents": [{ "document_type": "passport", "number": "ZS 1234567", "issuing_country": "PL" }]
    });
    let truck = json!([{ "role": "carrying", "conveyance": {
        "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "WX 4521K", "country": "PL"
    } }]);
    let mut new = line("N1", jan.clone());
    new["conveyances"] = truck.clone();
    let mut edited = line("E1", jan);
    edited["conveyances"] = truck;
    let id = queued(upload(&app, &c.supervisor, query, ndjson(&[new, edited]), None).await).await;
    let job = finished(&app, &c.supervisor, &id).await;
    assert_eq!(job["status"], "succeeded", "{job}");
    assert_eq!(
        (
            job["created"].as_i64(),
            job["updated"].as_i64(),
            job["matched"].as_i64()
        ),
        (Some(1), Some(1), Some(2)),
        "{job}"
    );
    assert_eq!(
        person_of(&app, "edit-batch", "E1").await,
        person_of(&app, "edit-batch", "N1").await
    );
    let conveyances = "SELECT count(*)::text AS value FROM conveyances";
    assert_eq!(count(&app, conveyances).await, 1);
    let links = "SELECT count(DISTINCT conveyance_id)::text AS value FROM seizure_case_conveyances";
    assert_eq!(count(&app, links).await, 1);
}
