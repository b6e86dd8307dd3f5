//! Walks the whole role × route matrix: each route answers 403 exactly to the roles the
//! matrix denies, and 401 to anonymous callers unless it is public.

use ncen_api::routes::{Access, RouteRule};
use ncen_core::auth::permissions::{role_allows, Role};

fn routes() -> Vec<&'static RouteRule> {
    ncen_api::routes::rules().collect()
}
use ncen_tests::{client, TestApp};
use serde_json::{json, Value};

mod bodies;
use bodies::body_for;

#[tokio::test]
async fn every_route_enforces_its_rule_for_every_role() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let unit = app.root_unit(&admin).await;
    let (target_user, _) = app.create_user(&admin, "target", &["officer"]).await;
    let mut tokens = Vec::new();
    for role in Role::ALL {
        let (_, pw) = app
            .create_user(&admin, &format!("r-{}", role.as_str()), &[role.as_str()])
            .await;
        tokens.push((role, app.token(&format!("r-{}", role.as_str()), &pw).await));
    }
    // One record of each kind, owned by the root unit, for the routes that take an id.
    let officer = &tokens[0].1;
    let mut fixtures = Vec::new();
    for (prefix, body) in [
        ("/api/v1/seizures", body_for("POST", "/api/v1/seizures", 0)),
        ("/api/v1/persons", body_for("POST", "/api/v1/persons", 0)),
        (
            "/api/v1/companies",
            body_for("POST", "/api/v1/companies", 0),
        ),
        (
            "/api/v1/conveyances",
            body_for("POST", "/api/v1/conveyances", 0),
        ),
    ] {
        let res = app.post(prefix, officer, body.unwrap()).await;
        assert_eq!(res.status(), 201, "fixture {prefix}");
        let id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        fixtures.push((prefix, id));
    }
    // a pair of the duplicates queue (the person fixture and a namesake)
    let twin = app
        .post(
            "/api/v1/persons",
            officer,
            body_for("POST", "/api/v1/persons", 0).unwrap(),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (first, second) = if fixtures[1].1 < twin {
        (fixtures[1].1.clone(), twin)
    } else {
        (twin, fixtures[1].1.clone())
    };
    let mut conn = app.db.conn().await;
    // (the check worker may have queued the pair already, or be queuing it now: a statement
    // that waited for the worker's insert does not see it, so ask again)
    let mut pair = None;
    for _ in 0..10 {
        pair = ncen_tests::strings(
            &mut conn,
            &format!(
                "WITH new AS (INSERT INTO duplicate_pairs (id, kind, first_id, second_id, score, exact, features) \
                 VALUES ('{}', 'person', '{first}', '{second}', 0.9, false, '[]') ON CONFLICT DO NOTHING RETURNING id) \
                 SELECT id::text AS value FROM new UNION ALL SELECT id::text FROM duplicate_pairs \
                  WHERE first_id = '{first}' AND second_id = '{second}' LIMIT 1",
                uuid::Uuid::new_v4()
            ),
        )
        .await
        .into_iter()
        .next();
        if pair.is_some() {
            break;
        }
    }
    let pair = pair.expect("the duplicate pair");
    fixtures.push(("/api/v1/duplicates", pair));
    let case_id = fixtures[0].1.clone();
    let res = ncen_tests::upload(
        &app,
        officer,
        &case_id,
        "photo",
        "p.png",
        ncen_tests::png(8, 8),
    )
    .await;
    assert_eq!(res.status(), 201, "fixture attachment");
    let attachment = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    fixtures.push(("/api/v1/attachments", attachment));
    // A thread of the root unit, which every role's user belongs to.
    let mut thread = body_for("POST", "/api/v1/threads", 0).unwrap();
    thread["participants"] = json!([{ "unit_id": unit }]);
    let res = app.post("/api/v1/threads", officer, thread).await;
    assert_eq!(res.status(), 201, "fixture thread");
    let thread = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    fixtures.push(("/api/v1/threads", thread));
    // An alert of the root unit, and a hit on another one (activated by the supervisor,
    // hit by a conveyance carrying its plate, found by the worker).
    let res = app
        .post(
            "/api/v1/alerts",
            officer,
            body_for("POST", "/api/v1/alerts", 0).unwrap(),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture alert");
    let alert = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    fixtures.push(("/api/v1/alerts", alert));
    let supervisor = &tokens[3].1;
    let mut watched = body_for("POST", "/api/v1/alerts", 0).unwrap();
    watched["identifier"] = json!("MATRIXHIT1");
    let res = app.post("/api/v1/alerts", officer, watched).await;
    assert_eq!(res.status(), 201, "fixture hit alert");
    let watched = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = client()
        .post(app.url(&format!("/api/v1/alerts/{watched}/activate")))
        .bearer_auth(supervisor)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "fixture alert activated");
    let res = app
        .post("/api/v1/conveyances", officer, json!({ "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "MATRIXHIT1" }))
        .await;
    assert_eq!(res.status(), 201, "fixture watched conveyance");
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    let hit = loop {
        let list: Value = app
            .get("/api/v1/alert-hits", officer)
            .await
            .json()
            .await
            .unwrap();
        if let Some(id) = list["items"][0]["id"].as_str() {
            break id.to_string();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "fixture hit never recorded"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    fixtures.push(("/api/v1/alert-hits", hit));
    let (investigation, parts) =
        investigation_fixture(&app, supervisor, &unit, &target_user, &fixtures[1].1).await;
    fixtures.push(("/api/v1/investigations", investigation));
    // Submitted, so that every role that reads cases may know it exists (a draft stays
    // with its unit's officers and supervisors, `seizures::access::drafts_stay_in_their_unit`).
    let res = client()
        .post(app.url(&format!("/api/v1/seizures/{case_id}/submit")))
        .bearer_auth(officer)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "fixture case submitted");
    // A partner, its agreement and a CEN batch (exchange routes, liaison officers).
    let liaison = &tokens[4].1;
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]).verifying_key();
    let res = app
        .post(
            "/api/v1/exchange/partners",
            liaison,
            json!({ "country": "BE", "name": "Matrix partner", "endpoint": "https://be.example",
                    "public_key": hex::encode(key.as_bytes()),
                    "fingerprint": ncen_core::exchange::keys::fingerprint(&key) }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture partner");
    let partner = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .post(
            "/api/v1/exchange/agreements",
            liaison,
            json!({ "partner_id": partner, "instrument": "mou", "reference": "Matrix MoU",
                    "scope": "non_nominal", "valid_from": "2024-01-01" }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture agreement");
    let agreement = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // An investigator's request to send (awaiting a liaison officer) and a received package.
    let outbox = ncen_tests::strings(
        &mut conn,
        &format!(
            "INSERT INTO exchange_outbox (id, partner_id, agreement_id, scope, case_ids, status, requested_by) \
             SELECT gen_random_uuid(), '{partner}', '{agreement}', 'nominal', ARRAY[gen_random_uuid()], \
                    'awaiting_approval', id FROM users WHERE username = 'r-investigator' \
             RETURNING id::text AS value"
        ),
    )
    .await
    .remove(0);
    let package = json!({
        "format": "ncen-exchange/1", "id": "00000000-0000-4000-8000-0000000000aa",
        "sender": { "country": "BE", "fingerprint": "X" }, "recipient": { "country": "XX", "fingerprint": "Y" },
        "agreement": { "instrument": "mou", "reference": "Matrix MoU" }, "scope": "non_nominal",
        "created_at": "2026-12-01T00:00:00Z",
        "cases": [{ "reference": "BE-2026-000001", "version": 1, "document": {} }]
    })
    .to_string();
    let inbox = ncen_tests::strings(
        &mut conn,
        &format!(
            "INSERT INTO exchange_inbox (id, partner_id, agreement_id, agreement_reference, scope, cases, \
               case_references, created_at, sent_at, body, body_sha256, signature, ack, ack_signature) \
             VALUES ('00000000-0000-4000-8000-0000000000aa', '{partner}', '{agreement}', 'Matrix MoU', \
               'non_nominal', 1, ARRAY['BE-2026-000001'], now(), now(), convert_to('{package}', 'UTF8'), \
               '', '', '', '') RETURNING id::text AS value"
        ),
    )
    .await
    .remove(0);
    let received = ncen_tests::strings(
        &mut conn,
        &format!(
            "INSERT INTO received_cases (id, partner_id, reference, version, scope, package_id, \
               received_at, imported_by, document) \
             SELECT gen_random_uuid(), '{partner}', 'BE-2026-000001', 1, 'non_nominal', \
               '00000000-0000-4000-8000-0000000000aa', now(), id, '{{}}' FROM users \
             WHERE username = 'r-liaison' RETURNING id::text AS value"
        ),
    )
    .await
    .remove(0);
    ncen_tests::strings(
        &mut conn,
        &format!(
            "INSERT INTO received_parties (received_case_id, position, kind, label) \
             VALUES ('{received}', 0, 'person', 'MATRIX, Party') RETURNING label AS value"
        ),
    )
    .await;
    fixtures.push(("/api/v1/exchange/received", received));
    fixtures.push(("/api/v1/exchange/partners", partner));
    fixtures.push(("/api/v1/exchange/agreements", agreement));
    fixtures.push(("/api/v1/exchange/outbox", outbox));
    fixtures.push(("/api/v1/exchange/inbox", inbox));
    let batch = ncen_tests::strings(
        &mut conn,
        "INSERT INTO cen_export_batches (id, cases, content_sha256) \
         VALUES (gen_random_uuid(), 0, '') RETURNING id::text AS value",
    )
    .await
    .remove(0);
    fixtures.push(("/api/v1/exchange/cen-exports", batch));
    let import = ncen_tests::strings(
        &mut conn,
        "INSERT INTO import_jobs (id, record_type, format, mode, dry_run, source_system, status, \
           size_bytes, sha256, storage_key, created_by, unit_id) \
         SELECT gen_random_uuid(), 'persons', 'ndjson', 'valid_rows', true, 'matrix', 'succeeded', \
           2, repeat('0', 64), 'imports/matrix', id, unit_id FROM users WHERE username = 'r-liaison' \
         RETURNING id::text AS value",
    )
    .await
    .remove(0);
    fixtures.push(("/api/v1/imports", import));
    let mut n = 0;
    let mut checked = 0;
    for rule in routes() {
        let concrete_base = rule
            .path
            .replace("{name}", "directions")
            .replace("{code}", "import")
            .replace("{format}", "csv")
            .replace("{position}", "0")
            .replace("{member_id}", &parts[0])
            .replace("{link_id}", &parts[1])
            .replace("{task_id}", &parts[2])
            .replace("{file_id}", &parts[3])
            .replace("{relation_id}", "00000000-0000-4000-8000-000000000002")
            .replace("{typology_id}", "00000000-0000-4000-8000-000000000002")
            .replace("{flag_id}", "00000000-0000-4000-8000-000000000002");
        let fixture = fixtures
            .iter()
            .find(|(prefix, _)| rule.path.starts_with(&format!("{prefix}/")));
        let concrete = if rule.path.starts_with("/api/v1/units") {
            concrete_base.replace("{id}", &unit)
        } else if let Some((_, id)) = fixture {
            concrete_base.replace("{id}", id)
        } else {
            concrete_base.replace("{id}", &target_user)
        };
        // a route with a required query parameter
        let concrete = if rule.path.ends_with("/network/neighbours") {
            format!("{concrete}?node=address:FR|75002|matrix")
        } else if rule.path == "/api/v1/imports" && rule.method == "POST" {
            format!("{concrete}?record_type=persons&source_system=matrix")
        } else if rule.path.ends_with("/analysis/graph") {
            format!("{concrete}?node=person:{}", fixtures[1].1)
        } else if rule.path.ends_with("/analysis/path") {
            format!(
                "{concrete}?source=person:{}&target=company:{}",
                fixtures[1].1, fixtures[2].1
            )
        } else {
            concrete
        };
        let method = reqwest::Method::from_bytes(rule.method.as_bytes()).unwrap();
        let send = |token: Option<&str>, n: usize| {
            let mut req = client()
                .request(method.clone(), app.url(&concrete))
                .header("if-match", "\"1\"");
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if let Some(mut body) = body_for(rule.method, rule.path, n) {
                if body.get("unit_id").is_some() {
                    body["unit_id"] = json!(unit);
                }
                if body.get("merged_id") == Some(&json!("SELF")) {
                    body["merged_id"] = json!(concrete.split('/').nth(4).unwrap_or_default());
                }
                if body.get("participants").is_some() {
                    body["participants"] = json!([{ "unit_id": unit }]);
                }
                req = req.json(&body);
            }
            req.send()
        };
        if rule.access != Access::Public {
            let status = send(None, 0).await.unwrap().status().as_u16();
            assert_eq!(status, 401, "{} {} without a token", rule.method, rule.path);
        }
        for (role, token) in &tokens {
            n += 1;
            let res = send(Some(token), n).await.unwrap();
            let mut status = res.status().as_u16();
            if status == 403 && rule.path.starts_with("/api/v1/investigations/{id}") {
                // past the route's rule, a step the caller's standing in this investigation
                // does not allow (a member adding a task): not the matrix's refusal
                let body: Value = res.json().await.unwrap_or_default();
                if body["code"] == "investigation_role" {
                    status = 200;
                }
            }
            let allowed = match rule.access {
                Access::Public | Access::Authenticated => true,
                Access::Requires(p) => role_allows(*role, p),
            };
            if rule.access == Access::Public {
                // Public routes judge the request itself (e.g. a refresh without a cookie is 401).
                assert!(
                    status != 403 && status != 404 && status != 405,
                    "{} {} as {:?}: {status}",
                    rule.method,
                    rule.path,
                    role
                );
            } else if allowed
                && (rule.path.starts_with("/api/v1/notifications/{id}")
                    || rule.path.starts_with("/api/v1/message-attachments/{id}")
                    || rule.path.starts_with("/api/v1/saved-searches/{id}")
                    || rule.path == "/api/v1/exchange/outbox/{id}"
                    || rule.path.ends_with("/files/{sha256}")
                    || rule.path == "/api/v1/exchange/agreements/{id}/document"
                    || (rule.method == "DELETE"
                        && rule.path.starts_with("/api/v1/companies/{id}/")))
            {
                // One user's own notification, upload not yet sent or saved search: everyone
                // else is told it does not exist. A received file the fixture case does not list, an
                // agreement's document not uploaded. A company's person link, relation, typology or flag: the
                // matrix names one that does not exist (the rule is checked before).
                assert!(
                    status != 403 && status != 401 && status != 405,
                    "{} {} as {:?}: expected access, got {status}",
                    rule.method,
                    rule.path,
                    role
                );
            } else if allowed {
                assert!(
                    status != 403 && status != 401 && status != 404 && status != 405,
                    "{} {} as {:?}: expected access, got {status}",
                    rule.method,
                    rule.path,
                    role
                );
            } else {
                assert_eq!(
                    status, 403,
                    "{} {} as {:?} must be forbidden",
                    rule.method, rule.path, role
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, routes().len() * Role::ALL.len());
}

/// An investigation of the root unit whose team is the whole unit (every role may know it),
/// plus a member, a link and a task the routes taking their ids can act on. Returns its id
/// and [member, link, task].
async fn investigation_fixture(
    app: &TestApp,
    supervisor: &str,
    unit: &str,
    member: &str,
    person: &str,
) -> (String, [String; 4]) {
    let res = app
        .post(
            "/api/v1/investigations",
            supervisor,
            json!({
                "title": "Matrix", "priority": "low", "legal_basis": "matrix",
                "members": [{ "unit_id": unit }, { "user_id": member }],
                "links": [{ "target_kind": "person", "target_id": person, "role": "suspect" }]
            }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture investigation");
    let inv: Value = res.json().await.unwrap();
    let id = inv["id"].as_str().unwrap().to_string();
    let member_id = inv["members"][1]["id"].as_str().unwrap().to_string();
    let links: Value = app
        .get(&format!("/api/v1/investigations/{id}/links"), supervisor)
        .await
        .json()
        .await
        .unwrap();
    let link = links["items"][0]["id"].as_str().unwrap().to_string();
    let res = app
        .post(
            &format!("/api/v1/investigations/{id}/tasks"),
            supervisor,
            json!({ "title": "Matrix task" }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture task");
    let task = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // a journal entry with a file
    let part = reqwest::multipart::Part::bytes(ncen_tests::png(8, 8)).file_name("matrix.png");
    let res = app
        .client
        .post(app.url("/api/v1/message-attachments"))
        .bearer_auth(supervisor)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "fixture upload");
    let file = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .post(
            &format!("/api/v1/investigations/{id}/journal"),
            supervisor,
            json!({ "kind": "note", "body": "Matrix", "attachment_ids": [file] }),
        )
        .await;
    assert_eq!(res.status(), 201, "fixture journal entry");
    (id, [member_id, link, task, file])
}

#[test]
fn admins_see_no_case_data_and_only_supervisors_validate() {
    use ncen_core::auth::Permission as P;
    for p in [
        P::SeizuresRead,
        P::SeizuresWrite,
        P::SeizuresValidate,
        P::RegistersRead,
        P::RegistersWrite,
    ] {
        assert!(
            !role_allows(Role::Admin, p),
            "admin must not hold {}",
            p.as_str()
        );
    }
    for role in Role::ALL {
        assert_eq!(
            role_allows(role, P::SeizuresValidate),
            role == Role::Supervisor
        );
        if role != Role::Admin {
            assert!(role_allows(role, P::SeizuresRead) && role_allows(role, P::RegistersRead));
        }
    }
    for role in [
        Role::Analyst,
        Role::Liaison,
        Role::Auditor,
        Role::Investigator,
    ] {
        assert!(!role_allows(role, P::SeizuresWrite));
    }
}

#[test]
fn admins_see_no_audit_and_auditors_change_nothing() {
    use ncen_core::auth::Permission as P;
    assert!(!role_allows(Role::Admin, P::AuditRead));
    for p in [P::UsersManage, P::UnitsManage, P::CodelistsManage] {
        assert!(!role_allows(Role::Auditor, p));
    }
    // Every role can read the code lists and units it needs to fill in forms.
    for role in Role::ALL {
        assert!(role_allows(role, P::CodelistsRead) && role_allows(role, P::UnitsRead));
    }
}
