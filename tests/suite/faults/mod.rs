//! Surviving faults (issue 10): what the service does when its database restarts, when it is
//! killed in the middle of writes, when two instances share a database, and when clients
//! hang up mid-request.
//!
//! | module      | covers                                                                   |
//! |-------------|--------------------------------------------------------------------------|
//! | `restart`   | the database stops and starts under write load: 503 meanwhile, back within 5 s, every acknowledged write kept once |
//! | `kill`      | `kill -9` of the server during case writes: no partial case, every acknowledged case kept, the audit chain verifies |
//! | `instances` | two servers on one database: tokens and refresh rotation across both, one sealer at a time |
//! | `aborted`   | 2 000 connections dropped mid-request leave no session idle in a transaction |
//! | `imports`   | `kill -9` mid-import: a `valid_rows` import resumes where its last batch ended, an `all_or_nothing` one left nothing, both finish once restarted |
//! | `live`      | live events across two servers: posted on one, delivered on the other, resumed on either; the database restarting under open streams |
//!
//! The servers that are killed, or that run two at a time, are this test binary again
//! (`serve_child`, ignored in ordinary runs), started by `ncen_tests::process::ChildServer`.
//! `NCEN_SOAK=1` makes the streams longer and the restarts more numerous (`make soak`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod aborted;
mod exchange;
mod imports;
mod instances;
mod kill;
mod live;
mod restart;

use ncen_tests::ADMIN_PASSWORD;
use serde_json::{json, Value};
use std::time::Duration;

/// The test the child servers run.
const CHILD_ENTRY: &str = "faults::serve_child";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a server in a process of its own, started by the fault tests"]
async fn serve_child() {
    ncen_tests::process::serve_from_env().await;
}

/// Whether the long versions run (`NCEN_SOAK=1`).
fn soak() -> bool {
    std::env::var("NCEN_SOAK").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// A client that gives up on a request after `timeout` (a hang is a failure, not a wait).
fn http(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Signs in on the server at `base`; returns the access token and the refresh cookie
/// (`ncen_refresh=…`).
async fn login(base: &str, username: &str, password: &str) -> (String, String) {
    let res = http(Duration::from_secs(30))
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "login of {username} on {base}");
    let cookie = refresh_cookie(&res);
    let body: Value = res.json().await.unwrap();
    (body["access_token"].as_str().unwrap().to_string(), cookie)
}

/// The `ncen_refresh=…` pair a response sets.
fn refresh_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("ncen_refresh="))
        .and_then(|v| v.split(';').next())
        .expect("refresh cookie set")
        .to_string()
}

/// Creates a user of the root unit with `roles` through the server at `base` (as the
/// bootstrap admin) and returns a token of theirs.
async fn user(base: &str, username: &str, roles: &[&str]) -> String {
    let c = http(Duration::from_secs(30));
    let (admin, _) = login(base, "admin", ADMIN_PASSWORD).await;
    let units: Value = c
        .get(format!("{base}/api/v1/units"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let unit = units["items"][0]["id"].as_str().unwrap();
    let password = "a-strong-passphrase-1";
    let res = c
        .post(format!("{base}/api/v1/users"))
        .bearer_auth(&admin)
        .json(&json!({ "username": username, "display_name": username, "unit_id": unit, "roles": roles, "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "create user {username}");
    login(base, username, password).await.0
}

/// One number from a query (`SELECT … AS value`, any integer type).
async fn number(conn: &mut diesel_async::AsyncPgConnection, sql: &str) -> i64 {
    let wrapped = format!("SELECT (({sql}))::text AS value");
    ncen_tests::strings(conn, &wrapped).await[0]
        .parse()
        .unwrap()
}

/// Asks the server at `base` to verify the audit chain (as an auditor) and asserts a clean
/// report; returns it.
async fn assert_chain_verifies(base: &str, auditor: &str) -> Value {
    let res = http(Duration::from_secs(60))
        .get(format!("{base}/api/v1/audit/verify"))
        .bearer_auth(auditor)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "audit verification");
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["ok"], true, "the audit chain is broken: {report}");
    assert!(report["first_broken"].is_null(), "{report}");
    assert_eq!(report["pending"], 0, "{report}");
    report
}

/// The audit chain as stored: positions 1…n without a gap, each event sealed once.
async fn assert_chain_is_contiguous(conn: &mut diesel_async::AsyncPgConnection) -> i64 {
    // one statement, one snapshot: the sealers keep running while this reads (a row sealed
    // between two separate counts once looked like an event sealed twice)
    let counts: Vec<i64> = ncen_tests::strings(
        conn,
        "SELECT concat_ws(',', count(*), coalesce(max(seq), 0), coalesce(min(seq), 1), \
           count(DISTINCT event_id)) AS value FROM audit_chain",
    )
    .await[0]
        .split(',')
        .map(|n| n.parse().unwrap())
        .collect();
    let (rows, last, first, events) = (counts[0], counts[1], counts[2], counts[3]);
    assert_eq!(first, 1, "the chain does not start at 1");
    assert_eq!(rows, last, "the chain has gaps or repeated positions");
    assert_eq!(events, rows, "an event is sealed twice");
    rows
}
