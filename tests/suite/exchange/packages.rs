//! Packages: the outbox (a liaison officer sends at once, an investigator's request waits for
//! another liaison officer), and the inbox of one node fed by packages this test signs as a
//! partner would (every refusal precise and audited, the acknowledgement signed).

use super::sender::{deliver, now, Sender};
use super::{agreement, partner_at, partner_key, validated_case};
use crate::seizures::{crew, user_in};
use chrono::Utc;
use ed25519_dalek::SigningKey;
use ncen_core::exchange::package::{
    self, Package, Withdrawal, WithdrawnCase, HEADER_KEY, HEADER_SENT_AT, HEADER_SIGNATURE,
};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn an_investigators_request_to_send_waits_for_another_liaison_officer() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let lia = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let lib = user_in(&app, &c.admin, "lib", &["liaison"], &c.root).await;
    let ivan = user_in(&app, &c.admin, "ivan", &["investigator"], &c.root).await;
    let iris = user_in(&app, &c.admin, "iris", &["investigator"], &c.root).await;
    let case_id = validated_case(&app, &c, "Tulip Freight BV").await;
    // nothing listens on port 9: every delivery attempt fails and is retried later
    let be = partner_at(&app, &lia, 1, "BE", "http://127.0.0.1:9").await;
    let be_id = be["id"].as_str().unwrap().to_string();
    let ma = partner_at(&app, &lia, 2, "MA", "http://127.0.0.1:9").await;
    agreement(&app, &lia, &be_id, "nominal", &[]).await;
    let send = |token: &str, partner: &str| {
        let body = json!({ "partner_id": partner, "scope": "nominal", "case_ids": [case_id, case_id],
                           "note": "Courier linked to the Antwerp investigation" });
        let (app, token) = (&app, token.to_string());
        async move { app.post("/api/v1/exchange/outbox", &token, body).await }
    };

    // without an agreement nothing is queued
    let res = send(&lia, ma["id"].as_str().unwrap()).await;
    assert_problem(res, 409, "no_agreement").await;
    let res = app
        .post(
            "/api/v1/exchange/outbox",
            &lia,
            json!({ "partner_id": be_id, "scope": "nominal", "case_ids": [] }),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    for token in [&c.officer, &c.analyst, &c.supervisor] {
        assert_problem(send(token, &be_id).await, 403, "forbidden").await;
    }

    // a liaison officer's package is signed and queued at once
    let res = send(&lia, &be_id).await;
    assert_eq!(res.status(), 201);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(sent["status"], "pending");
    assert_eq!(
        sent["case_ids"].as_array().unwrap().len(),
        1,
        "deduplicated"
    );
    assert_eq!(sent["approved_by_name"], "lia");
    assert_eq!(sent["body_sha256"].as_str().unwrap().len(), 64);
    assert!(sent["size"].as_i64().unwrap() > 500);
    assert_eq!(sent["agreement_reference"], "CMAA 2004");

    // an investigator's waits; only its requester and liaison officers see it
    let res = send(&ivan, &be_id).await;
    assert_eq!(res.status(), 201);
    let asked: Value = res.json().await.unwrap();
    assert_eq!(asked["status"], "awaiting_approval");
    assert!(asked["body_sha256"].is_null());
    let asked_id = asked["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/exchange/outbox/{asked_id}");
    assert_eq!(app.get(&path, &ivan).await.status(), 200);
    assert_problem(app.get(&path, &iris).await, 404, "not_found").await;
    let mine: Value = app
        .get("/api/v1/exchange/outbox", &iris)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"].as_array().unwrap().len(), 0);
    let all: Value = app
        .get("/api/v1/exchange/outbox", &lib)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let waiting: Value = app
        .get("/api/v1/exchange/outbox?status=awaiting_approval", &lib)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(waiting["items"][0]["id"], asked_id.as_str());

    // the investigator cannot approve; a liaison officer can, once
    let approve = |token: &str, version: i32| {
        app.client
            .post(app.url(&format!("{path}/approve")))
            .bearer_auth(token)
            .header("If-Match", format!("\"{version}\""))
            .send()
    };
    assert_problem(approve(&ivan, 1).await.unwrap(), 403, "forbidden").await;
    let res = approve(&lib, 1).await.unwrap();
    assert_eq!(res.status(), 200);
    let approved: Value = res.json().await.unwrap();
    assert_eq!(approved["status"], "pending");
    assert_eq!(approved["approved_by_name"], "lib");
    assert_eq!(approved["requested_by_name"], "ivan");
    assert!(approved["body_sha256"].is_string());
    assert_problem(
        approve(&lia, 2).await.unwrap(),
        409,
        "not_awaiting_approval",
    )
    .await;

    // a request declined, with its reason
    let res = send(&ivan, &be_id).await;
    let declined_id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .client
        .post(app.url(&format!("/api/v1/exchange/outbox/{declined_id}/decline")))
        .bearer_auth(&lia)
        .header("If-Match", "\"1\"")
        .json(&json!({ "reason": "Not covered by the purposes of the agreement" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let declined: Value = res.json().await.unwrap();
    assert_eq!(declined["status"], "declined");
    assert_eq!(
        declined["decline_reason"],
        "Not covered by the purposes of the agreement"
    );

    assert_eq!(app.audit_rows("exchange.send_request").await.len(), 3);
    assert_eq!(app.audit_rows("exchange.send_approve").await.len(), 1);
    assert_eq!(app.audit_rows("exchange.send_decline").await.len(), 1);

    // the partner does not answer: the delivery is tried, the reason kept, a retry scheduled
    let id = sent["id"].as_str().unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let tried = loop {
        let p: Value = app
            .get(&format!("/api/v1/exchange/outbox/{id}"), &lia)
            .await
            .json()
            .await
            .unwrap();
        if p["attempts"].as_i64().unwrap() >= 1 && p["status"] == "pending" {
            break p;
        }
        assert!(std::time::Instant::now() < deadline, "not tried: {p}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        tried["last_error"].as_str().unwrap().contains("no answer"),
        "{tried}"
    );
    assert!(tried["next_attempt_at"].is_string());
    assert!(!app.audit_rows("exchange.delivery").await.is_empty());
}

#[tokio::test]
async fn the_inbox_accepts_only_signed_fresh_unseen_packages_under_an_agreement() {
    let app = TestApp::spawn_with(|s| s.exchange_max_package_bytes = 100_000).await;
    let c = crew(&app).await;
    let lia = user_in(&app, &c.admin, "lia", &["liaison"], &c.root).await;
    let node: Value = app
        .get("/api/v1/exchange/node", &lia)
        .await
        .json()
        .await
        .unwrap();
    let me = node["fingerprint"].as_str().unwrap().to_string();
    let node_key =
        ncen_core::exchange::keys::parse_public_key(node["public_key"].as_str().unwrap()).unwrap();
    let fr = Sender {
        key: SigningKey::from_bytes(&[9u8; 32]),
    };
    assert_eq!(partner_key(9).1, fr.party().fingerprint);
    let fr_row = partner_at(&app, &lia, 9, "FR", "http://127.0.0.1:9").await;
    let fr_id = fr_row["id"].as_str().unwrap().to_string();
    agreement(&app, &lia, &fr_id, "nominal", &["drugs", "tobacco"]).await;
    let stranger = SigningKey::from_bytes(&[8u8; 32]);
    let body = package::canonical(&fr.package(&me, &["drugs"])).unwrap();

    // unsigned, unknown key, wrong key, tampered after signing, stale, oversize
    let res = app
        .client
        .post(app.url(package::INBOX_PATH))
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "unsigned").await;
    let res = deliver(&app, &stranger, &stranger, &body, &now()).await;
    assert_problem(res, 401, "unknown_key").await;
    let res = deliver(&app, &fr.key, &stranger, &body, &now()).await;
    assert_problem(res, 401, "bad_signature").await;
    let at = now();
    let sig = package::sign_attempt(&fr.key, &at, &body);
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace("Ivanoff", "Petroff");
    let res = app
        .client
        .post(app.url(package::INBOX_PATH))
        .header(HEADER_KEY, hex::encode(fr.key.verifying_key().as_bytes()))
        .header(HEADER_SENT_AT, &at)
        .header(HEADER_SIGNATURE, sig)
        .body(tampered)
        .send()
        .await
        .unwrap();
    assert_problem(res, 401, "bad_signature").await;
    let hour_ago = (Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let res = deliver(&app, &fr.key, &fr.key, &body, &hour_ago).await;
    assert_problem(res, 401, "stale").await;
    let mut big = fr.package(&me, &["drugs"]);
    big.cases[0].document["narrative"] = Value::from("x".repeat(150_000));
    let big = package::canonical(&big).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &big, &now()).await;
    assert_problem(res, 413, "too_large").await;

    // not for this node; not a package; goods no agreement covers
    let other = package::canonical(&fr.package("0000 1111 2222 3333", &["drugs"])).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &other, &now()).await;
    assert_problem(res, 422, "wrong_recipient").await;
    let res = deliver(&app, &fr.key, &fr.key, b"{\"cases\": 1}", &now()).await;
    assert_problem(res, 400, "malformed").await;
    let weapons = package::canonical(&fr.package(&me, &["weapons"])).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &weapons, &now()).await;
    let problem = assert_problem(res, 403, "no_agreement").await;
    assert!(problem["detail"].as_str().unwrap().contains("weapons"));
    assert!(app.audit_rows("exchange.inbox_accept").await.is_empty());

    // accepted: a signed acknowledgement, kept for review
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    assert_eq!(res.status(), 200);
    let signature = res
        .headers()
        .get(HEADER_SIGNATURE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let ack_bytes = res.bytes().await.unwrap();
    let id = serde_json::from_slice::<Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let sha = package::sha256_hex(&body);
    let ack = package::verify_ack(&node_key, &ack_bytes, &signature, id, &sha)
        .expect("the acknowledgement verifies with the node's key");
    assert_eq!(ack.status, "accepted");
    assert_eq!(ack.receiver.fingerprint, me);

    // the same package again (a lost answer, or a replay): refused, with the same ack
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    let problem = assert_problem(res, 409, "replayed").await;
    assert_eq!(
        problem["acknowledgement"].as_str().unwrap().as_bytes(),
        &ack_bytes[..]
    );
    assert_eq!(problem["acknowledgement_signature"], signature.as_str());
    // its id with another body: refused without one
    let mut changed: Package = serde_json::from_slice(&body).unwrap();
    changed.cases[0].version = 4;
    let changed = package::canonical(&changed).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &changed, &now()).await;
    let problem = assert_problem(res, 409, "replayed").await;
    assert!(problem.get("acknowledgement").is_none());

    // the review queue, and the package as it arrived (reading it is audited)
    let queue: Value = app
        .get("/api/v1/exchange/inbox", &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(queue["items"].as_array().unwrap().len(), 1);
    let item = &queue["items"][0];
    assert_eq!(item["partner_country"], "FR");
    assert_eq!(item["status"], "received");
    assert_eq!(item["case_references"], json!(["FR-2026-000042"]));
    assert_eq!(item["agreement_reference"], "FR-XX CMAA 2004");
    assert_eq!(item["body_sha256"], sha.as_str());
    let got: Value = app
        .get(&format!("/api/v1/exchange/inbox/{id}"), &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        got["documents"][0]["document"]["persons"][0]["person"]["family_name"],
        "Ivanoff"
    );
    assert_eq!(app.audit_rows("exchange.inbox_read").await.len(), 1);
    assert_problem(
        app.get("/api/v1/exchange/inbox", &c.officer).await,
        403,
        "forbidden",
    )
    .await;

    // a withdrawal carries no cases, and says why
    let mut both = fr.package(&me, &["tobacco"]);
    both.withdrawal = Some(Withdrawal {
        package_id: uuid::Uuid::now_v7(),
        reason: "annulled".into(),
        cases: vec![WithdrawnCase {
            reference: "FR-2026-000042".into(),
            version: 3,
        }],
    });
    let body = package::canonical(&both).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    assert_problem(res, 422, "malformed").await;
    let mut mute = both.clone();
    mute.cases.clear();
    if let Some(w) = mute.withdrawal.as_mut() {
        w.reason = "  ".into();
    }
    let body = package::canonical(&mute).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &body, &now()).await;
    assert_problem(res, 422, "malformed").await;

    // a suspended partner is refused
    let res = app
        .patch(
            &format!("/api/v1/exchange/partners/{fr_id}"),
            &lia,
            1,
            json!({ "status": "suspended" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let fresh = package::canonical(&fr.package(&me, &["tobacco"])).unwrap();
    let res = deliver(&app, &fr.key, &fr.key, &fresh, &now()).await;
    assert_problem(res, 403, "partner_suspended").await;

    // every attempt audited: one accepted, the refusals with their codes
    assert_eq!(app.audit_rows("exchange.inbox_accept").await.len(), 1);
    let mut conn = app.db.conn().await;
    let codes = ncen_tests::strings(
        &mut conn,
        "SELECT details->>'code' AS value FROM audit_events \
         WHERE action = 'exchange.inbox_refused' ORDER BY occurred_at, id",
    )
    .await;
    assert_eq!(
        codes,
        [
            "unsigned",
            "unknown_key",
            "bad_signature",
            "bad_signature",
            "stale",
            "too_large",
            "wrong_recipient",
            "malformed",
            "no_agreement",
            "replayed",
            "replayed",
            "malformed",
            "malformed",
            "partner_suspended"
        ]
    );
}

#[tokio::test]
async fn an_imported_package_carries_its_provenance_is_matched_checked_and_updated_by_version() {
    let app = TestApp::spawn().await;
    let t = crate::alerts::team(&app).await;
    let root = app.root_unit(&t.admin).await;
    let lia = user_in(&app, &t.admin, "lia", &["liaison"], &root).await;
    // a person of this node's registers, under an active alert
    let subject = app
        .post(
            "/api/v1/persons",
            &t.owner,
            json!({ "family_name": "Ivanoff", "given_names": "Ivan", "date_of_birth": "1984-03-12", "nationalities": ["RU"] }),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let subject_id = subject["id"].as_str().unwrap();
    crate::alerts::active_person_alert(&app, &t, subject_id).await;
    let node: Value = app
        .get("/api/v1/exchange/node", &lia)
        .await
        .json()
        .await
        .unwrap();
    let me = node["fingerprint"].as_str().unwrap().to_string();
    let fr = Sender {
        key: SigningKey::from_bytes(&[9u8; 32]),
    };
    let fr_row = partner_at(&app, &lia, 9, "FR", "http://127.0.0.1:9").await;
    agreement(&app, &lia, fr_row["id"].as_str().unwrap(), "nominal", &[]).await;
    let mut pkg = fr.package(&me, &["drugs"]);
    pkg.cases[0].document["persons"] = json!([{ "role": "courier", "person": {
        "family_name": "IVANOFF", "given_names": "Ivan", "date_of_birth": "1984-03",
        "nationalities": ["RU"] } }]);
    pkg.cases[0].document["detected_at"] = json!("2026-11-20T08:30:00Z");
    let body = package::canonical(&pkg).unwrap();
    assert_eq!(
        deliver(&app, &fr.key, &fr.key, &body, &now())
            .await
            .status(),
        200
    );
    let id = pkg.id;
    let import = |version: i32, id: uuid::Uuid| {
        app.client
            .post(app.url(&format!("/api/v1/exchange/inbox/{id}/import")))
            .bearer_auth(&lia)
            .header("If-Match", format!("\"{version}\""))
            .send()
    };
    assert_problem(import(2, id).await.unwrap(), 412, "precondition_failed").await;
    let res = import(1, id).await.unwrap();
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["created"], 1);
    assert_eq!(report["alert_hits"], 1, "{report}");
    assert_problem(import(2, id).await.unwrap(), 409, "not_received").await;

    // the received case and its person carry the provenance; the register record is proposed
    let received = report["received_case_ids"][0].as_str().unwrap().to_string();
    let case: Value = app
        .get(&format!("/api/v1/exchange/received/{received}"), &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case["provenance"]["partner_country"], "FR");
    assert_eq!(case["provenance"]["package_id"], id.to_string());
    assert_eq!(case["provenance"]["original_reference"], "FR-2026-000042");
    assert_eq!(case["version"], 3);
    assert_eq!(case["detected_at"], "2026-11-20T08:30:00Z");
    assert_eq!(case["commodity_groups"], json!(["drugs"]));
    let person = &case["parties"][0];
    assert_eq!(person["kind"], "person");
    assert_eq!(person["label"], "IVANOFF, Ivan (1984-03)");
    assert_eq!(person["provenance"]["package_id"], id.to_string());
    assert_eq!(person["candidates"][0]["id"], subject_id, "{person}");
    assert_eq!(person["alerts"].as_array().unwrap().len(), 1, "{person}");
    // nothing merged: the register person is as it was
    let still: Value = app
        .get(&format!("/api/v1/persons/{subject_id}"), &t.owner)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(still["version"], subject["version"]);
    // the alert's owner is told
    let mut conn = app.db.conn().await;
    let told = ncen_tests::strings(
        &mut conn,
        "SELECT n.title AS value FROM notifications n JOIN users u ON u.id = n.user_id \
         WHERE u.username = 'iris' AND n.kind = 'alert_hit'",
    )
    .await;
    assert!(
        told.iter().any(|t| t.contains("FR-2026-000042")),
        "{told:?}"
    );

    // a later version updates it; an older one changes nothing
    let mut newer = pkg.clone();
    newer.id = uuid::Uuid::now_v7();
    newer.cases[0].version = 4;
    newer.cases[0].document["goods"] = json!([{ "commodity_group": "tobacco" }]);
    let mut older = pkg.clone();
    older.id = uuid::Uuid::now_v7();
    older.cases[0].version = 2;
    for p in [&newer, &older] {
        let body = package::canonical(p).unwrap();
        assert_eq!(
            deliver(&app, &fr.key, &fr.key, &body, &now())
                .await
                .status(),
            200
        );
    }
    let report: Value = import(1, newer.id).await.unwrap().json().await.unwrap();
    assert_eq!(
        (report["created"].as_i64(), report["updated"].as_i64()),
        (Some(0), Some(1))
    );
    let report: Value = import(1, older.id).await.unwrap().json().await.unwrap();
    assert_eq!(report["unchanged"], 1);
    let case: Value = app
        .get(&format!("/api/v1/exchange/received/{received}"), &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case["version"], 4);
    assert_eq!(case["commodity_groups"], json!(["tobacco"]));
    assert_eq!(case["provenance"]["package_id"], newer.id.to_string());
    let versions: Vec<i64> = case["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, [4, 3]);

    // a package dismissed with a reason is not imported
    let mut other = pkg.clone();
    other.id = uuid::Uuid::now_v7();
    other.cases[0].reference = "FR-2026-000099".into();
    let body = package::canonical(&other).unwrap();
    assert_eq!(
        deliver(&app, &fr.key, &fr.key, &body, &now())
            .await
            .status(),
        200
    );
    let res = app
        .client
        .post(app.url(&format!("/api/v1/exchange/inbox/{}/dismiss", other.id)))
        .bearer_auth(&lia)
        .header("If-Match", "\"1\"")
        .json(&json!({ "reason": "Sent to the wrong administration" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let list: Value = app
        .get("/api/v1/exchange/received", &lia)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let queue: Value = app
        .get("/api/v1/exchange/inbox", &lia)
        .await
        .json()
        .await
        .unwrap();
    let statuses: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["dismissed", "imported", "imported", "imported"]);
    assert_eq!(app.audit_rows("exchange.import").await.len(), 3);
    assert_eq!(app.audit_rows("exchange.dismiss").await.len(), 1);
    assert_eq!(app.audit_rows("exchange.received_read").await.len(), 2);
}
