//! The demo's bulk imports, as their units' supervisors see them: Paris-CDG's weekly
//! spreadsheet (a dry run with one bad row, then its valid rows committed, one courier linked
//! to the register by his passport and a namesake proposed), and the national unit's
//! companies from the old registry — each unit seeing only its own.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::Value;

async fn json(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get(path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

pub(super) async fn demo_imports(app: &TestApp, report: &ncen_demo::Report) {
    assert_eq!(report.imports, 3, "{report:?}");
    let cdg = app.token("cdg-pax.supervisor", DEFAULT_PASSWORD).await;
    let list = json(app, "/api/v1/imports", &cdg).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{list}");
    let (commit, dry) = (&items[0], &items[1]);
    assert_eq!(
        (
            dry["dry_run"].as_bool(),
            dry["status"].as_str(),
            dry["rejected"].as_i64()
        ),
        (Some(true), Some("succeeded"), Some(1)),
        "{dry}"
    );
    assert_eq!(
        (
            commit["status"].as_str(),
            commit["created"].as_i64(),
            commit["rejected"].as_i64()
        ),
        (Some("succeeded"), Some(7), Some(1)),
        "{commit}"
    );
    assert!(commit["matched"].as_i64() >= Some(1), "{commit}");
    assert!(commit["proposals"].as_i64() >= Some(1), "{commit}");
    let id = dry["id"].as_str().unwrap();
    let problems = json(app, &format!("/api/v1/imports/{id}/problems"), &cdg).await;
    assert_eq!(problems["items"][0]["line"], 8, "{problems}");
    assert_eq!(problems["items"][0]["field"], "goods[0].commodity_group");
    let id = commit["id"].as_str().unwrap();
    let proposals = json(app, &format!("/api/v1/imports/{id}/proposals"), &cdg).await;
    assert!(
        !proposals["items"].as_array().unwrap().is_empty(),
        "{proposals}"
    );

    let ncu = app.token("ncu.supervisor", DEFAULT_PASSWORD).await;
    let list = json(app, "/api/v1/imports", &ncu).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{list}");
    assert_eq!(
        (
            items[0]["record_type"].as_str(),
            items[0]["created"].as_i64()
        ),
        (Some("companies"), Some(8)),
        "{list}"
    );
}
