//! Readiness follows the database: 503 while it is unreachable, back to 200 by itself.

use ncen_tests::proxy::Proxy;
use ncen_tests::{TestApp, TestDb};
use std::time::{Duration, Instant};

async fn wait_for(app: &TestApp, status: u16, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Ok(res) = app.client.get(app.url("/health/ready")).send().await {
            if res.status().as_u16() == status {
                return true;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

#[tokio::test]
async fn readiness_reports_a_database_outage_and_recovers() {
    let db = TestDb::new().await;
    let server = ncen_tests::server_url();
    let host_port = server.rsplit('@').next().unwrap().to_string();
    let proxy = Proxy::start(host_port).await;
    let url = format!(
        "postgres://{}@127.0.0.1:{}/{}",
        ncen_tests::RUNTIME_ROLE,
        proxy.port,
        db.name
    );
    let mut settings = ncen_api::config::Settings::for_database(&url);
    settings.workers = 1;
    settings.web_dir = "/nonexistent".into();
    let app = TestApp::start(db, settings).await;

    assert_eq!(
        app.client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert!(wait_for(&app, 200, Duration::from_secs(5)).await);

    proxy.cut();
    assert!(
        wait_for(&app, 503, Duration::from_secs(15)).await,
        "not-ready while the database is down"
    );
    let res = app
        .client
        .get(app.url("/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    // Liveness does not depend on the database, and API calls fail cleanly.
    assert_eq!(
        app.client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({"username": "a", "password": "b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 503);

    proxy.restore();
    assert!(
        wait_for(&app, 200, Duration::from_secs(20)).await,
        "ready again once the database is back"
    );
    assert!(!app
        .token("admin", ncen_tests::ADMIN_PASSWORD)
        .await
        .is_empty());
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status() {
    let app = TestApp::spawn().await;
    app.client
        .get(app.url("/health/live"))
        .send()
        .await
        .unwrap();
    app.client.get(app.url("/api/v1/me")).send().await.unwrap();
    let text = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            r#"ncen_http_requests_total{method="GET",route="/health/live",status="200"} 1"#
        ),
        "{text}"
    );
    assert!(text.contains(r#"route="/api/v1/me",status="401""#));
    assert!(text.contains("ncen_http_request_duration_seconds_bucket"));
    assert!(text.contains("ncen_db_pool_max_connections 4"));
}

#[tokio::test]
async fn metrics_can_require_a_token() {
    let app =
        TestApp::spawn_with(|s| s.metrics_token = Some("scrape-secret".to_string().into())).await;
    assert_eq!(
        app.client
            .get(app.url("/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let ok = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("scrape-secret")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
}
