//! The browser app and the user guide as files: any app path gets `index.html` (history
//! routing), the guide's folders redirect to their slashed address, and a guide page that
//! does not exist is a 404, not the app.

use ncen_tests::TestApp;

#[tokio::test]
async fn the_app_falls_back_to_index_but_the_guide_is_files_only() {
    let dir = std::env::temp_dir().join(format!("ncen-web-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("help/en")).unwrap();
    std::fs::write(dir.join("index.html"), "<html>app</html>").unwrap();
    std::fs::write(dir.join("help/en/index.html"), "<html>guide</html>").unwrap();
    let web_dir = dir.to_string_lossy().to_string();
    let app = TestApp::spawn_with(move |s| s.web_dir = web_dir).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| client.get(app.url(path)).send();

    let res = get("/seizures/123").await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "<html>app</html>");
    let res = get("/help/en").await.unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()["location"], "/help/en/");
    let res = get("/help/en/").await.unwrap();
    assert_eq!(res.text().await.unwrap(), "<html>guide</html>");
    let res = get("/help/en/missing.html").await.unwrap();
    assert_eq!(res.status(), 404);
    std::fs::remove_dir_all(dir).ok();
}
