//! The demo's company structures, as an analyst finds them: the phoenix chain's live company
//! named in the latest drug case, its director also director of the dissolved companies
//! before it (which have earlier cases), the group's shares, the formation agent's address as
//! a hub, and risk scores whose explanation adds up.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::Value;

async fn json(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get(path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

pub(super) async fn demo_companies(app: &TestApp) {
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let found = json(app, "/api/v1/companies?q=Orionis%20Distribution", &analyst).await;
    let live = found["items"][0]["id"].as_str().unwrap().to_string();
    let detail = json(app, &format!("/api/v1/companies/{live}"), &analyst).await;
    assert!(!detail["cases"].as_array().unwrap().is_empty(), "{detail}");
    // drained here or by the server's own worker (whichever claims a company first)
    let mut conn = app.db.conn().await;
    for _ in 0..100 {
        ncen_core::companies::risk::drain(&mut conn, 10_000)
            .await
            .unwrap();
        let risk = json(app, &format!("/api/v1/companies/{live}/risk"), &analyst).await;
        if risk["pending"] == false {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let profile = json(app, &format!("/api/v1/companies/{live}/profile"), &analyst).await;
    assert_eq!(profile["people"][0]["role"], "director", "{profile}");
    assert_eq!(profile["relations"][0]["kind"], "successor_of", "{profile}");
    let dissolved: Vec<&Value> = profile["computed_links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["shared"] == "director" && l["company"]["status"] == "dissolved")
        .collect();
    assert_eq!(dissolved.len(), 2, "{profile}");
    let earlier = dissolved[1]["company"]["id"].as_str().unwrap();
    let earlier_detail = json(app, &format!("/api/v1/companies/{earlier}"), &analyst).await;
    assert!(
        !earlier_detail["cases"].as_array().unwrap().is_empty(),
        "{earlier_detail}"
    );
    let sum: i64 = profile["risk"]["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_i64().unwrap())
        .sum();
    assert_eq!(profile["risk"]["score"].as_i64().unwrap(), sum, "{profile}");
    assert!(sum > 0, "{profile}");
    // its timeline: the cases it appears in, newest first
    let timeline = json(app, &format!("/api/v1/companies/{live}/timeline"), &analyst).await;
    let case_events = timeline["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "case")
        .count();
    let distinct: std::collections::HashSet<&str> = detail["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["case_id"].as_str().unwrap())
        .collect();
    assert_eq!(case_events, distinct.len(), "{timeline}");
    // the formation agent's address: a hub of 36 companies
    let shell = json(
        app,
        "/api/v1/companies?q=Falcon%2006%20General%20Trading",
        &analyst,
    )
    .await;
    let shell_id = shell["items"][0]["id"].as_str().unwrap();
    let p = json(
        app,
        &format!("/api/v1/companies/{shell_id}/profile"),
        &analyst,
    )
    .await;
    assert!(
        p["hubs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["shared"] == "address" && h["companies"] == 36),
        "{p}"
    );
    let net = json(
        app,
        &format!("/api/v1/companies/{shell_id}/network?depth=1"),
        &analyst,
    )
    .await;
    assert!(!net["nodes"].as_array().unwrap().is_empty(), "{net}");
    let group = json(app, "/api/v1/companies?q=Meridian%20Holding", &analyst).await;
    let holding = group["items"][0]["id"].as_str().unwrap();
    let p = json(
        app,
        &format!("/api/v1/companies/{holding}/profile"),
        &analyst,
    )
    .await;
    let subs = p["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "parent")
        .count();
    assert_eq!(subs, 3, "{p}");
}
