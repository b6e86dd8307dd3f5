//! The demo's statistics: every demo case counted when the demo ends.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::Value;

/// The demo's cases are counted in the statistics as soon as the demo ends: the table by
/// commodity group adds up to the cases SQL counts (drafts left out).
pub async fn demo_statistics(app: &TestApp) {
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let from = chrono::Utc::now().date_naive() - chrono::Duration::days(4 * 366);
    let path = format!("/api/v1/stats/seizures?group=commodity_group&from={from}");
    // cases the other checks recorded through the API are counted by the server's worker
    let mut stats = Value::Null;
    for _ in 0..100 {
        stats = app.get(&path, &analyst).await.json().await.unwrap();
        if stats["pending"] == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mut conn = app.db.conn().await;
    let expected = ncen_tests::strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM seizure_cases WHERE status <> 'draft'",
    )
    .await[0]
        .parse::<i64>()
        .unwrap();
    assert_eq!(stats["total"]["cases"], expected, "{stats}");
    assert!(stats["rows"].as_array().unwrap().len() >= 5, "{stats}");
}
