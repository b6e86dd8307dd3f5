//! The inbox's per-address throttle: an address refused again and again is answered 429
//! `throttled` (with `Retry-After`) before its attempts are checked, and the refusals are
//! audited with the address.

use ncen_core::exchange::package;
use ncen_tests::{assert_problem, TestApp};

#[tokio::test]
async fn an_address_that_keeps_being_refused_is_throttled() {
    let app = TestApp::spawn_with(|s| s.exchange_max_refusals = 3).await;
    let unsigned = || {
        app.client
            .post(app.url(package::INBOX_PATH))
            .header("content-type", "application/json")
            .body("{}")
            .send()
    };
    for _ in 0..3 {
        assert_problem(unsigned().await.unwrap(), 401, "unsigned").await;
    }
    // the fourth is not checked at all: 429 with the wait, and audited as refused
    let res = unsigned().await.unwrap();
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&wait), "{wait}");
    assert_problem(res, 429, "throttled").await;
    let mut conn = app.db.conn().await;
    let codes = ncen_tests::strings(
        &mut conn,
        "SELECT details->>'code' AS value FROM audit_events \
         WHERE action = 'exchange.inbox_refused' ORDER BY occurred_at, id",
    )
    .await;
    assert_eq!(codes, ["unsigned", "unsigned", "unsigned", "throttled"]);
    let ips = ncen_tests::strings(
        &mut conn,
        "SELECT DISTINCT host(ip) AS value FROM audit_events WHERE action = 'exchange.inbox_refused'",
    )
    .await;
    assert_eq!(ips, ["127.0.0.1"]);
}
