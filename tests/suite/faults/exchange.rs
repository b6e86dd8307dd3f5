//! Two nCEN nodes, each with its own database and key, registered as each other's partner:
//! "FR" (a server in this test's process) sends validated cases to "BE" (a server in a process
//! of its own, which the test kills and starts again on the same address). A nominal package
//! is accepted with a signed acknowledgement and waits in BE's review queue as sent; a
//! non-nominal one carries only non-nominal fields; a package sent while BE is down is
//! delivered once BE is back, exactly once; a package BE has no agreement for is rejected
//! with BE's reason; the case's photos travel with it (only the one cleared for export in the
//! non-nominal package, and never twice); FR withdraws a package BE imported: BE marks the case withdrawn on
//! arrival, and a package still in its queue with that case imports nothing.

use super::{http, user, CHILD_ENTRY};
use crate::exchange::validated_case_with_photos;
use crate::seizures::{crew, user_in};
use ncen_core::exchange::scope::{Class, CASE_FIELDS};
use ncen_tests::process::{ChildConfig, ChildServer};
use ncen_tests::{assert_problem, TestApp, TestDb, ADMIN_PASSWORD};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The bytes of a file served at `url`.
async fn file(url: &str, token: &str) -> Vec<u8> {
    let res = http(Duration::from_secs(30))
        .get(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{url}");
    res.bytes().await.unwrap().to_vec()
}

pub(super) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn call(method: reqwest::Method, url: String, token: &str, body: Option<Value>) -> Value {
    let mut req = http(Duration::from_secs(30))
        .request(method, &url)
        .bearer_auth(token);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{url}: {status} {body}");
    body
}

/// Registers `other` (its identity card and endpoint) as a partner of the node at `base`,
/// with a nominal agreement; the partner's id.
async fn register(base: &str, token: &str, other: &Value, endpoint: &str) -> String {
    let partner = call(
        reqwest::Method::POST,
        format!("{base}/api/v1/exchange/partners"),
        token,
        Some(json!({
            "country": other["country"], "name": format!("Customs {}", other["country"].as_str().unwrap()),
            "endpoint": endpoint, "public_key": other["public_key"], "fingerprint": other["fingerprint"],
        })),
    )
    .await;
    let id = partner["id"].as_str().unwrap().to_string();
    call(
        reqwest::Method::POST,
        format!("{base}/api/v1/exchange/agreements"),
        token,
        Some(json!({
            "partner_id": id, "instrument": "bilateral_cmaa", "reference": "Naples II",
            "scope": "nominal", "valid_from": "2020-01-01",
        })),
    )
    .await;
    id
}

/// FR withdraws the package `id` (at version 1: delivery leaves the version alone).
async fn withdraw(fr: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    fr.client
        .post(fr.url(&format!("/api/v1/exchange/outbox/{id}/withdraw")))
        .bearer_auth(token)
        .header("If-Match", "\"1\"")
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// Waits until the package `id` on FR is no longer on its way; returns it.
async fn settled(fr: &TestApp, token: &str, id: &str, within: Duration) -> Value {
    let deadline = Instant::now() + within;
    loop {
        let p: Value = fr
            .get(&format!("/api/v1/exchange/outbox/{id}"), token)
            .await
            .json()
            .await
            .unwrap();
        if !["pending", "sent"].contains(&p["status"].as_str().unwrap()) {
            return p;
        }
        assert!(Instant::now() < deadline, "still on its way: {p}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every leaf path of a case document as `scope::CASE_FIELDS` writes them.
fn leaf_paths(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaf_paths(v, &p, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for item in items {
                leaf_paths(item, &format!("{path}[]"), out);
            }
        }
        // an empty list or an absent object of a classified structure
        Value::Array(_) | Value::Null
            if CASE_FIELDS.iter().any(|(p, _)| {
                p.starts_with(&format!("{path}[]")) || p.starts_with(&format!("{path}."))
            }) => {}
        _ => out.push(path.to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_exchange_cases_signed_and_exactly_once_even_across_a_receiver_outage() {
    // BE: a database, a key folder and an address of its own, kept across its restart
    let be_db = TestDb::new().await;
    ncen_core::users::bootstrap::ensure_admin(&mut be_db.conn().await, Some(ADMIN_PASSWORD))
        .await
        .unwrap();
    let be_dir = std::env::temp_dir().join(format!("ncen-be-{}", uuid::Uuid::new_v4().simple()));
    let be_port = free_port();
    let be_config = || {
        let mut c = ChildConfig::new(CHILD_ENTRY, &be_db.runtime_url());
        c.country = Some("BE".into());
        c.port = Some(be_port);
        c.dir = Some(be_dir.clone());
        c
    };
    let mut be = ChildServer::spawn(be_config()).await;
    let fr = TestApp::spawn_with(|s| {
        s.country = "FR".into();
        s.exchange_retry_base_ms = 200;
    })
    .await;

    let c = crew(&fr).await;
    let fr_liaison = user_in(&fr, &c.admin, "lia", &["liaison"], &c.root).await;
    let be_liaison = user(&be.base, "lia-be", &["liaison"]).await;
    let fr_node: Value = fr
        .get("/api/v1/exchange/node", &fr_liaison)
        .await
        .json()
        .await
        .unwrap();
    let be_node = call(
        reqwest::Method::GET,
        be.url("/api/v1/exchange/node"),
        &be_liaison,
        None,
    )
    .await;
    assert_eq!(fr_node["country"], "FR");
    assert_eq!(be_node["country"], "BE");
    let be_at_fr = register(&fr.base, &fr_liaison, &be_node, &be.base).await;
    let fr_at_be = register(&be.base, &be_liaison, &fr_node, &fr.base).await;
    let (case_id, [cleared, kept_home]) =
        validated_case_with_photos(&fr, &c, "Tulip Freight BV").await;
    let send = |scope: &'static str| {
        let (fr, token, partner, case) =
            (&fr, fr_liaison.clone(), be_at_fr.clone(), case_id.clone());
        async move {
            let res = fr
                .post(
                    "/api/v1/exchange/outbox",
                    &token,
                    json!({ "partner_id": partner, "scope": scope, "case_ids": [case] }),
                )
                .await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let inbox = |be_base: String| {
        let token = be_liaison.clone();
        async move {
            call(
                reqwest::Method::GET,
                format!("{be_base}/api/v1/exchange/inbox"),
                &token,
                None,
            )
            .await["items"]
                .as_array()
                .unwrap()
                .clone()
        }
    };

    // nominal: acknowledged, signed by BE, waiting in BE's queue as sent
    let nominal = send("nominal").await;
    let p = settled(&fr, &fr_liaison, &nominal, Duration::from_secs(30)).await;
    assert_eq!(p["status"], "acknowledged", "{p}");
    assert_eq!(p["acknowledgement"]["receiver"]["country"], "BE");
    assert_eq!(p["acknowledgement"]["package_id"], nominal.as_str());
    assert_eq!(p["acknowledgement"]["body_sha256"], p["body_sha256"]);
    let queue = inbox(be.base.clone()).await;
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0]["id"], nominal.as_str());
    assert_eq!(queue[0]["partner_id"], fr_at_be.as_str());
    assert_eq!(queue[0]["body_sha256"], p["body_sha256"]);
    let got = call(
        reqwest::Method::GET,
        be.url(&format!("/api/v1/exchange/inbox/{nominal}")),
        &be_liaison,
        None,
    )
    .await;
    let doc = &got["documents"][0]["document"];
    assert_eq!(
        doc["persons"][0]["person"]["family_name"], "Ivanoff",
        "{doc}"
    );
    // both photos came with it (uploaded when BE asked for them), as FR keeps them
    let listed: Vec<&str> = doc["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["sha256"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [cleared.as_str(), kept_home.as_str()]);
    for sha in [&cleared, &kept_home] {
        let path = format!("/api/v1/exchange/inbox/{nominal}/files/{sha}");
        let bytes = file(&be.url(&path), &be_liaison).await;
        assert_eq!(&ncen_core::exchange::package::sha256_hex(&bytes), sha);
    }
    let mut be_conn = be_db.conn().await;
    let count = |action: &'static str| {
        format!("SELECT count(*) FROM audit_events WHERE action = '{action}'")
    };
    assert_eq!(
        super::number(&mut be_conn, &count("exchange.file_received")).await,
        2
    );
    assert_eq!(
        super::number(&mut be_conn, &count("exchange.inbox_awaiting_files")).await,
        1
    );
    // imported on BE: the received case carries its provenance
    let res = http(Duration::from_secs(30))
        .post(be.url(&format!("/api/v1/exchange/inbox/{nominal}/import")))
        .bearer_auth(&be_liaison)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["created"], 1, "{report}");
    let received = call(
        reqwest::Method::GET,
        be.url(&format!(
            "/api/v1/exchange/received/{}",
            report["received_case_ids"][0].as_str().unwrap()
        )),
        &be_liaison,
        None,
    )
    .await;
    assert_eq!(received["provenance"]["partner_country"], "FR");
    assert_eq!(received["provenance"]["package_id"], nominal.as_str());
    assert!(received["provenance"]["original_reference"]
        .as_str()
        .unwrap()
        .starts_with("FR-"));
    assert_eq!(
        received["parties"][0]["provenance"]["partner_country"],
        "FR"
    );
    let received_id = report["received_case_ids"][0].as_str().unwrap();
    let bytes = file(
        &be.url(&format!(
            "/api/v1/exchange/received/{received_id}/files/{cleared}"
        )),
        &be_liaison,
    )
    .await;
    assert_eq!(ncen_core::exchange::package::sha256_hex(&bytes), cleared);

    // non-nominal: nothing but non-nominal fields arrives
    let anonymous = send("non_nominal").await;
    let p = settled(&fr, &fr_liaison, &anonymous, Duration::from_secs(30)).await;
    assert_eq!(p["status"], "acknowledged", "{p}");
    let got = call(
        reqwest::Method::GET,
        be.url(&format!("/api/v1/exchange/inbox/{anonymous}")),
        &be_liaison,
        None,
    )
    .await;
    let doc = &got["documents"][0]["document"];
    let mut paths = Vec::new();
    leaf_paths(doc, "", &mut paths);
    assert!(paths.len() > 10, "{paths:?}");
    for path in &paths {
        let class = CASE_FIELDS.iter().find(|(p, _)| p == path).map(|(_, c)| *c);
        assert_eq!(
            class,
            Some(Class::NonNominal),
            "{path} arrived in a non-nominal package"
        );
    }
    assert!(
        doc.get("persons").is_none() && doc.get("narrative").is_none(),
        "{doc}"
    );
    // only the photo cleared for export left, and BE had it already: nothing uploaded again
    assert_eq!(doc["attachments"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(doc["attachments"][0]["sha256"], cleared.as_str());
    let res = http(Duration::from_secs(30))
        .get(be.url(&format!(
            "/api/v1/exchange/inbox/{anonymous}/files/{kept_home}"
        )))
        .bearer_auth(&be_liaison)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(
        super::number(&mut be_conn, &count("exchange.file_received")).await,
        2
    );

    // BE down: the package waits and is retried; BE back on its address: delivered once
    be.kill9();
    let during = send("nominal").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let p: Value = fr
            .get(&format!("/api/v1/exchange/outbox/{during}"), &fr_liaison)
            .await
            .json()
            .await
            .unwrap();
        if p["attempts"].as_i64().unwrap() >= 2 {
            assert_eq!(p["status"], "pending", "{p}");
            assert!(
                p["last_error"].as_str().unwrap().contains("no answer"),
                "{p}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "not retried: {p}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let be = ChildServer::spawn(be_config()).await;
    let p = settled(&fr, &fr_liaison, &during, Duration::from_secs(60)).await;
    assert_eq!(p["status"], "acknowledged", "{p}");
    let queue = inbox(be.base.clone()).await;
    let ids: Vec<&str> = queue.iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids.iter().filter(|id| **id == during).count(), 1);
    let accepted = super::number(
        &mut be_db.conn().await,
        "SELECT count(*) FROM audit_events WHERE action = 'exchange.inbox_accept'",
    )
    .await;
    assert_eq!(accepted, 3, "each package accepted once");

    // BE ends its agreement: FR's next package is rejected with BE's reason
    let agreements = call(
        reqwest::Method::GET,
        be.url("/api/v1/exchange/agreements"),
        &be_liaison,
        None,
    )
    .await;
    let agreement = agreements["items"][0]["id"].as_str().unwrap().to_string();
    let res = http(Duration::from_secs(30))
        .patch(be.url(&format!("/api/v1/exchange/agreements/{agreement}")))
        .bearer_auth(&be_liaison)
        .header("If-Match", "\"1\"")
        .json(&json!({ "valid_until": "2021-12-31" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let refused = send("nominal").await;
    let p = settled(&fr, &fr_liaison, &refused, Duration::from_secs(30)).await;
    assert_eq!(p["status"], "rejected", "{p}");
    assert!(
        p["last_error"]
            .as_str()
            .unwrap()
            .starts_with("403 no_agreement"),
        "{p}"
    );
    let refusals = super::number(
        &mut be_db.conn().await,
        "SELECT count(*) FROM audit_events WHERE action = 'exchange.inbox_refused' \
         AND details->>'code' = 'no_agreement'",
    )
    .await;
    assert_eq!(refusals, 1);

    // FR withdraws the nominal package (no agreement in force is needed to take data back):
    // BE marks the received case withdrawn on arrival, and the package still waiting for
    // review there with the same case imports nothing
    let received_id = report["received_case_ids"][0].as_str().unwrap().to_string();
    let not_yet = withdraw(&fr, &fr_liaison, &refused, json!({ "reason": "x" })).await;
    assert_problem(not_yet, 409, "not_acknowledged").await;
    let res = withdraw(
        &fr,
        &fr_liaison,
        &nominal,
        json!({ "reason": "The seizure was annulled by the court" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let withdrawal: Value = res.json().await.unwrap();
    assert_eq!(withdrawal["kind"], "withdrawal");
    assert_eq!(withdrawal["withdraws"], nominal.as_str());
    let w_id = withdrawal["id"].as_str().unwrap().to_string();
    let p = settled(&fr, &fr_liaison, &w_id, Duration::from_secs(30)).await;
    assert_eq!(p["status"], "acknowledged", "{p}");
    let original: Value = fr
        .get(&format!("/api/v1/exchange/outbox/{nominal}"), &fr_liaison)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(original["withdrawn_by"], w_id.as_str());
    let again = withdraw(&fr, &fr_liaison, &nominal, json!({ "reason": "twice" })).await;
    assert_problem(again, 409, "already_withdrawn").await;
    let received = call(
        reqwest::Method::GET,
        be.url(&format!("/api/v1/exchange/received/{received_id}")),
        &be_liaison,
        None,
    )
    .await;
    assert_eq!(
        received["withdrawal"]["package_id"],
        w_id.as_str(),
        "{received}"
    );
    assert_eq!(
        received["withdrawal"]["reason"],
        "The seizure was annulled by the court"
    );
    let arrived = call(
        reqwest::Method::GET,
        be.url(&format!("/api/v1/exchange/inbox/{w_id}")),
        &be_liaison,
        None,
    )
    .await;
    assert_eq!(arrived["kind"], "withdrawal");
    assert_eq!(arrived["status"], "imported", "applied on arrival");
    assert_eq!(arrived["withdraws"], nominal.as_str());
    let res = http(Duration::from_secs(30))
        .post(be.url(&format!("/api/v1/exchange/inbox/{during}/import")))
        .bearer_auth(&be_liaison)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let skipped: Value = res.json().await.unwrap();
    assert_eq!(skipped["created"], 0, "{skipped}");
    assert_eq!(
        skipped["withdrawn"].as_array().unwrap().len(),
        1,
        "{skipped}"
    );
    drop(be);
    let _ = std::fs::remove_dir_all(PathBuf::from(&be_dir));
}
