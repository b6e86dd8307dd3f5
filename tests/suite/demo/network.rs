//! The demo's link network: from the courier of the latest drug case to the company behind
//! three cases, through the phone he shares with the company's logistics manager.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::{strings, TestApp};
use serde_json::Value;

pub async fn demo_link_network(app: &TestApp) {
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let mut conn = app.db.conn().await;
    let courier = strings(
        &mut conn,
        "SELECT id::text AS value FROM persons WHERE family_name = 'Kowalczyk'",
    )
    .await;
    let company = strings(
        &mut conn,
        "SELECT id::text AS value FROM companies WHERE name = 'Veltrano Import Export SARL'",
    )
    .await;
    let (courier, company) = (&courier[0], &company[0]);
    let path: Value = app
        .get(
            &format!("/api/v1/analysis/path?source=person:{courier}&target=company:{company}"),
            &analyst,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(path["hops"], 3, "{path}");
    let kinds: Vec<&str> = path["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["person", "phone", "person", "company"], "{path}");
    // the company's cases: three, as SQL counts them
    let graph: Value = app
        .get(
            &format!("/api/v1/analysis/graph?node=company:{company}&kinds=case"),
            &analyst,
        )
        .await
        .json()
        .await
        .unwrap();
    let expected = strings(
        &mut conn,
        &format!(
            "SELECT count(*)::text AS value FROM seizure_case_companies x JOIN seizure_cases c ON c.id = x.case_id
              WHERE x.company_id = '{company}' AND c.status <> 'draft'"
        ),
    )
    .await;
    assert_eq!(expected[0], "3");
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 1 + 3, "{graph}");
}

/// The analyst's saved search on the emerging route: its hits are the matching cases
/// recorded since it was saved (as SQL finds them), and she was notified.
pub async fn demo_saved_search(app: &TestApp) {
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let list: Value = app
        .get("/api/v1/saved-searches", &analyst)
        .await
        .json()
        .await
        .unwrap();
    let rule = &list["items"][0];
    assert_eq!(rule["name"], "Cocaine from Ecuador", "{list}");
    let mut conn = app.db.conn().await;
    let expected = strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM seizure_cases c
          WHERE c.status <> 'draft' AND c.created_at >= (SELECT created_at FROM saved_searches)
            AND EXISTS (SELECT 1 FROM seizure_goods g WHERE g.case_id = c.id AND g.commodity_type = 'cocaine')
            AND EXISTS (SELECT 1 FROM seizure_route_legs l WHERE l.case_id = c.id AND l.country = 'EC')",
    )
    .await;
    assert_eq!(rule["hits"].to_string(), expected[0], "{rule}");
    if expected[0] != "0" {
        let notices = strings(
            &mut conn,
            "SELECT title AS value FROM notifications WHERE kind = 'search_hit'",
        )
        .await;
        assert_eq!(notices.len(), 1, "{notices:?}");
    }
}
