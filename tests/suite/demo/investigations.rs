//! The demo's investigations, checked through the API as their supervisor and team see them.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::Value;

async fn json(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get(path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

/// One investigation in every status of the workflow, with teams, links, tasks (some done, some
/// overdue), journals and timelines; the team sees them, an outsider does not.
pub(super) async fn demo_investigations(app: &TestApp, report: &ncen_demo::Report) {
    assert_eq!(report.investigations, 7, "{report:?}");
    let chief = app.token("ncu.supervisor", DEFAULT_PASSWORD).await;
    let list = json(app, "/api/v1/investigations?limit=50", &chief).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 7, "{list}");
    let mut statuses: Vec<&str> = items
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [
            "assigned",
            "closed",
            "in_progress",
            "opened",
            "reopened",
            "suspended",
            "under_review"
        ]
    );
    let overdue = json(app, "/api/v1/investigations?overdue=true", &chief).await;
    assert!(
        !overdue["items"].as_array().unwrap().is_empty(),
        "no overdue work"
    );
    // the analyst is on every team and sees them all; the couriers' investigation is worked
    let analyst = app.token("ncu.analyst", DEFAULT_PASSWORD).await;
    let mine = json(app, "/api/v1/investigations?status=in_progress", &analyst).await;
    let id = mine["items"][0]["id"].as_str().unwrap().to_string();
    let base = format!("/api/v1/investigations/{id}");
    let inv = json(app, &base, &analyst).await;
    assert!(inv["counts"]["links"].as_i64().unwrap() >= 1, "{inv}");
    let tasks = json(app, &format!("{base}/tasks"), &analyst).await;
    let tasks = tasks["items"].as_array().unwrap();
    assert!(tasks.iter().any(|t| t["status"] == "done"), "{tasks:?}");
    assert!(tasks.iter().any(|t| t["overdue"] == true), "{tasks:?}");
    let journal = json(app, &format!("{base}/journal"), &analyst).await;
    assert!(journal["items"].as_array().unwrap().len() >= 2);
    // its first entry comes with a photo, which the team downloads
    let photo = journal["items"][0]["attachments"][0]["content_url"]
        .as_str()
        .unwrap_or_else(|| panic!("{journal}"))
        .to_string();
    let res = app.get(&photo, &analyst).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let timeline = json(app, &format!("{base}/timeline"), &analyst).await;
    let events = timeline["items"].as_array().unwrap();
    assert_eq!(events[0]["kind"], "opened");
    let times: Vec<chrono::DateTime<chrono::Utc>> = events
        .iter()
        .map(|e| e["at"].as_str().unwrap().parse().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_unstable();
    assert_eq!(times, sorted, "the timeline is in order");
    // its report prints, with the reference and the journal's first entry
    let res = app.get(&format!("{base}/report"), &analyst).await;
    assert_eq!(res.status(), 200);
    let pdf = lopdf::Document::load_mem(&res.bytes().await.unwrap()).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    let reference = inv["reference"].as_str().unwrap();
    assert!(
        text.contains(reference) && text.contains("Printed by"),
        "{text}"
    );
    // its communications: a discussion of the team, a request answered by the port of Le
    // Havre, another past its date; the port's officer reads the requests, not the investigation
    let threads = json(app, &format!("{base}/threads"), &analyst).await;
    let threads = threads["items"].as_array().unwrap();
    assert_eq!(threads.len(), 3, "{threads:?}");
    assert!(threads.iter().all(|t| t["member"] == true));
    let requests: Vec<&Value> = threads.iter().filter(|t| t["kind"] == "request").collect();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().any(|t| t["answer_id"].is_string()));
    assert!(requests.iter().any(|t| t["overdue"] == true));
    assert!(events
        .iter()
        .any(|e| e["kind"] == "message" && e["details"]["answer"] == true));
    let port = app.token("leh-port.officer1", DEFAULT_PASSWORD).await;
    let request = requests[0]["id"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/threads/{request}"), &port)
            .await
            .status(),
        200
    );
    assert_eq!(app.get(&base, &port).await.status(), 404);
    // another directorate's investigator does not know it exists
    let outsider = app.token("dr-nord.investigator", DEFAULT_PASSWORD).await;
    assert_eq!(app.get(&base, &outsider).await.status(), 404);
}
