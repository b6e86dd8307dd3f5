//! The demo's watch list, checked through the API as its owner sees it.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::Value;

/// The demo's watch list: active, draft, expired and withdrawn alerts of the national unit,
/// and hits — among them the Paris-CDG passenger recorded as "BENSALEH Abdelkader, 1979"
/// hitting the alert written from an Arabic passport, explained and notified.
pub(super) async fn demo_alerts(app: &TestApp, report: &ncen_demo::Report) {
    assert!(report.alerts >= 6, "{report:?}");
    let investigator = app.token("ncu.investigator", DEFAULT_PASSWORD).await;
    let mut statuses: Vec<String> = Vec::new();
    let list: Value = app
        .get("/api/v1/alerts?limit=200", &investigator)
        .await
        .json()
        .await
        .unwrap();
    for a in list["items"].as_array().unwrap() {
        statuses.push(a["status"].as_str().unwrap().to_string());
    }
    for s in ["active", "draft", "expired", "withdrawn"] {
        assert!(
            statuses.iter().any(|x| x == s),
            "no {s} alert: {statuses:?}"
        );
    }
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let hits: Value = app
            .get("/api/v1/alert-hits", &investigator)
            .await
            .json()
            .await
            .unwrap();
        let items = hits["items"].as_array().unwrap();
        if let Some(hit) = items.iter().find(|h| {
            h["record_label"]
                .as_str()
                .unwrap_or("")
                .starts_with("BENSALEH")
        }) {
            assert_eq!(
                hit["alert"]["subject_label"]
                    .as_str()
                    .unwrap()
                    .split(',')
                    .next(),
                Some("بن صالح"),
                "{hit}"
            );
            assert_eq!(hit["cases"].as_array().unwrap().len(), 1, "{hit}");
            assert!(items.len() >= 2, "{hits}");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no demo hit: {hits}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The demo's duplicates queue: OKONKWO Chinedu recorded twice (a typo in the name and the
/// passport), and the Paris-CDG passenger with the person recorded from an Arabic passport.
pub(super) async fn demo_duplicates(app: &TestApp) {
    let supervisor = app.token("ncu.supervisor", DEFAULT_PASSWORD).await;
    let queue: Value = app
        .get("/api/v1/duplicates?kind=person", &supervisor)
        .await
        .json()
        .await
        .unwrap();
    let labels: Vec<(String, String)> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["first"]["label"].as_str().unwrap_or("").to_string(),
                p["second"]["label"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let pair = |a: &str, b: &str| {
        labels.iter().any(|(x, y)| {
            (x.starts_with(a) && y.starts_with(b)) || (x.starts_with(b) && y.starts_with(a))
        })
    };
    assert!(pair("OKONKWO", "OKONKOW"), "{labels:?}");
    assert!(pair("BENSALEH", "بن صالح"), "{labels:?}");
}
