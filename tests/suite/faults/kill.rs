//! `kill -9` of the server while clients create and correct whole cases (goods, route,
//! parties): each case is stored with all of its parts or not at all, every acknowledged
//! creation and correction is kept, and the audit chain still verifies on the next start.

use super::{
    assert_chain_is_contiguous, assert_chain_verifies, http, number, soak, user, CHILD_ENTRY,
};
use ncen_tests::process::{ChildConfig, ChildServer};
use ncen_tests::{TestDb, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Parts every case has, from its creation on: goods items, route legs, linked persons and
/// companies.
const GOODS: i64 = 3;
const LEGS: i64 = 4;

/// Goods, each described with the revision of the case they belong to.
fn goods(revision: &str) -> Value {
    json!([
        { "commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 2500, "unit": "g",
          "value": 150000, "currency": "EUR", "description": revision },
        { "commodity_group": "tobacco", "commodity_type": "cigarettes", "quantity": 2000, "unit": "sticks",
          "description": revision },
        { "commodity_group": "drugs", "commodity_type": "cocaine", "quantity": 40, "unit": "g",
          "description": revision }
    ])
}

fn route() -> Value {
    json!([
        { "position": 1, "country": "BR", "role": "origin" },
        { "position": 2, "country": "PT", "role": "transit" },
        { "position": 3, "country": "ES", "role": "transit" },
        { "position": 4, "country": "FR", "role": "destination" }
    ])
}

fn case(marker: &str, company: &str) -> Value {
    json!({
        "kind": "seizure",
        "detected_at": "2026-06-01T08:30:00Z",
        "place": marker,
        "location_type": "airport",
        "country": "FR",
        "narrative": "rev1",
        "goods": goods("rev1"),
        "route": route(),
        "persons": [{ "role": "courier", "person": { "family_name": "Courier", "given_names": marker } }],
        "companies": [{ "role": "importer", "company_id": company }]
    })
}

#[derive(Default)]
struct Acks {
    created: Vec<String>,
    patched: Vec<String>,
    /// Answers other than success before the kill (there should be none).
    unexpected: Vec<String>,
}

/// Creates a case, then corrects it (new goods, the same route), until the server is gone.
async fn writer(
    base: String,
    token: String,
    company: String,
    client: usize,
    acks: Arc<Mutex<Acks>>,
) {
    let c = http(Duration::from_secs(10));
    for n in 1.. {
        let marker = format!("k{client}-{n}");
        let Ok(res) = c
            .post(format!("{base}/api/v1/seizures"))
            .bearer_auth(&token)
            .json(&case(&marker, &company))
            .send()
            .await
        else {
            return;
        };
        let status = res.status().as_u16();
        let Ok(body) = res.json::<Value>().await else {
            return;
        };
        if status != 201 {
            acks.lock()
                .unwrap()
                .unexpected
                .push(format!("create {status}: {body}"));
            continue;
        }
        let id = body["id"].as_str().unwrap().to_string();
        acks.lock().unwrap().created.push(id.clone());
        let Ok(res) = c
            .patch(format!("{base}/api/v1/seizures/{id}"))
            .bearer_auth(&token)
            .header("If-Match", "\"1\"")
            .json(&json!({ "narrative": "rev2", "goods": goods("rev2"), "route": route() }))
            .send()
            .await
        else {
            return;
        };
        let status = res.status().as_u16();
        let Ok(body) = res.json::<Value>().await else {
            return;
        };
        if status == 200 {
            acks.lock().unwrap().patched.push(id);
        } else {
            acks.lock()
                .unwrap()
                .unexpected
                .push(format!("patch {status}: {body}"));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_write_leaves_whole_cases_and_a_sound_audit_chain() {
    let clients = if soak() { 8 } else { 4 };
    let before_kill = if soak() { 400 } else { 16 };
    let db = TestDb::new().await;
    ncen_core::users::bootstrap::ensure_admin(&mut db.conn().await, Some(ADMIN_PASSWORD))
        .await
        .unwrap();
    let mut server = ChildServer::spawn(ChildConfig::new(CHILD_ENTRY, &db.runtime_url())).await;
    let officer = user(&server.base, "olga", &["officer"]).await;
    let auditor = user(&server.base, "audrey", &["auditor"]).await;
    let res = http(Duration::from_secs(10))
        .post(server.url("/api/v1/companies"))
        .bearer_auth(&officer)
        .json(&json!({ "name": "Acme Trading BV", "country": "NL", "activities": ["importer"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let company = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let acks: Arc<Mutex<Acks>> = Arc::default();
    let writers: Vec<_> = (0..clients)
        .map(|client| {
            tokio::spawn(writer(
                server.base.clone(),
                officer.clone(),
                company.clone(),
                client,
                acks.clone(),
            ))
        })
        .collect();
    // Kill it in the middle of the stream: once enough cases are in, with every client
    // between two requests or inside one.
    let deadline = Instant::now() + Duration::from_secs(60);
    while acks.lock().unwrap().created.len() < before_kill
        && Instant::now() < deadline
        && !writers.iter().all(|w| w.is_finished())
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let pid = server.pid;
    server.kill9();
    let killed_at = Instant::now();
    for w in writers {
        w.await.unwrap();
    }
    println!(
        "kill -9 of server {pid}; writers stopped {:?} later",
        killed_at.elapsed()
    );
    let acks = std::mem::take(&mut *acks.lock().unwrap());
    assert!(acks.unexpected.is_empty(), "{:?}", acks.unexpected);
    assert!(
        acks.created.len() >= before_kill,
        "the stream did not get going"
    );

    let mut conn = db.conn().await;
    let stored: HashSet<String> =
        ncen_tests::strings(&mut conn, "SELECT id::text AS value FROM seizure_cases")
            .await
            .into_iter()
            .collect();
    // No partial case: every part of the creation, and a correction in full or not at all.
    let partial = ncen_tests::strings(
        &mut conn,
        &format!(
            "SELECT c.place || ' goods ' || (SELECT count(*) FROM seizure_goods g WHERE g.case_id = c.id)
                    || ' legs ' || (SELECT count(*) FROM seizure_route_legs r WHERE r.case_id = c.id)
                    || ' persons ' || (SELECT count(*) FROM seizure_case_persons p WHERE p.case_id = c.id)
                    || ' companies ' || (SELECT count(*) FROM seizure_case_companies p WHERE p.case_id = c.id)
                    || ' version ' || c.version || ' ' || coalesce(c.narrative, '-') AS value
               FROM seizure_cases c
              WHERE (SELECT count(*) FROM seizure_goods g WHERE g.case_id = c.id) <> {GOODS}
                 OR (SELECT count(*) FROM seizure_route_legs r WHERE r.case_id = c.id) <> {LEGS}
                 OR (SELECT count(*) FROM seizure_case_persons p WHERE p.case_id = c.id) <> 1
                 OR (SELECT count(*) FROM seizure_case_companies p WHERE p.case_id = c.id) <> 1
                 OR EXISTS (SELECT 1 FROM seizure_goods g WHERE g.case_id = c.id
                                AND g.description IS DISTINCT FROM c.narrative)
                 OR (c.narrative = 'rev2') <> (c.version = 2)"
        ),
    )
    .await;
    assert!(partial.is_empty(), "partial cases: {partial:?}");
    let couriers = number(
        &mut conn,
        "SELECT count(*) FROM persons WHERE family_name = 'Courier'",
    )
    .await;
    assert_eq!(couriers as usize, stored.len(), "inline persons vs cases");
    let created_events = number(
        &mut conn,
        "SELECT count(*) FROM audit_events WHERE action = 'seizure.create'",
    )
    .await;
    assert_eq!(
        created_events as usize,
        stored.len(),
        "seizure.create events vs cases"
    );
    let corrected = number(
        &mut conn,
        "SELECT count(*) FROM seizure_cases WHERE version = 2",
    )
    .await;
    let update_events = number(
        &mut conn,
        "SELECT count(*) FROM audit_events WHERE action = 'seizure.update'",
    )
    .await;
    assert_eq!(
        update_events, corrected,
        "seizure.update events vs corrected cases"
    );

    // Every acknowledged creation and correction is there.
    let missing: Vec<&String> = acks
        .created
        .iter()
        .filter(|id| !stored.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged cases missing: {missing:?}"
    );
    let patched: HashSet<String> = ncen_tests::strings(
        &mut conn,
        "SELECT id::text AS value FROM seizure_cases WHERE version = 2 AND narrative = 'rev2'",
    )
    .await
    .into_iter()
    .collect();
    let lost: Vec<&String> = acks
        .patched
        .iter()
        .filter(|id| !patched.contains(*id))
        .collect();
    assert!(lost.is_empty(), "acknowledged corrections lost: {lost:?}");
    let acked: HashSet<&String> = acks.created.iter().collect();
    let unacknowledged = stored.iter().filter(|id| !acked.contains(id)).count();
    assert!(
        unacknowledged <= clients,
        "{unacknowledged} cases stored that no client was told of (at most one in flight each)"
    );

    // A new server on the same database: the chain verifies, and the cases are served.
    let server = ChildServer::spawn(ChildConfig::new(CHILD_ENTRY, &db.runtime_url())).await;
    let report = assert_chain_verifies(&server.base, &auditor).await;
    let chain = assert_chain_is_contiguous(&mut conn).await;
    let res = http(Duration::from_secs(10))
        .get(server.url(&format!("/api/v1/seizures/{}", acks.created[0])))
        .bearer_auth(&officer)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "an acknowledged case after the restart");
    let case: Value = res.json().await.unwrap();
    assert_eq!(case["goods"].as_array().unwrap().len() as i64, GOODS);
    assert_eq!(case["route"].as_array().unwrap().len() as i64, LEGS);
    println!(
        "kill -9 during case writes: creations acknowledged {}, found {}, stored unacknowledged {unacknowledged}; \
         corrections acknowledged {}, kept {}; cases {}, partial {}; audit chain {chain} positions, verified {}",
        acks.created.len(),
        acks.created.len() - missing.len(),
        acks.patched.len(),
        acks.patched.len() - lost.len(),
        stored.len(),
        partial.len(),
        report["checked"],
    );
}
