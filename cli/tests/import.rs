//! `ncen import` against a real server: a dry run reports the bad line and exits 3, a commit
//! writes the good lines, an all_or_nothing commit of a clean file exits 0, a bad token 1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ncen_tests::TestApp;
use std::process::Command;

async fn persons(app: &TestApp) -> i64 {
    let mut conn = app.db.conn().await;
    ncen_tests::strings(&mut conn, "SELECT count(*)::text AS value FROM persons").await[0]
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_script_dry_runs_commits_and_reads_the_exit_codes() {
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "sam", &["supervisor"]).await;
    let sup = app.token("sam", &password).await;
    let dir = std::env::temp_dir().join(format!("ncen-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let mixed = dir.join("persons.ndjson");
    std::fs::write(
        &mixed,
        "{\"external_id\": \"1\", \"family_name\": \"Benali\"}\n\
         {\"external_id\": \"2\", \"family_name\": \"Okafor\"}\n\
         {\"external_id\": \"3\", \"given_names\": \"nobody\"}\n",
    )
    .unwrap();
    let file = mixed.to_str().unwrap();

    let run = |args: Vec<String>, token: String| {
        let app_base = app.base.clone();
        tokio::task::spawn_blocking(move || {
            let out = Command::new(env!("CARGO_BIN_EXE_ncen"))
                .arg("import")
                .args(&args)
                .env("NCEN_URL", &app_base)
                .env("NCEN_TOKEN", &token)
                .env("NCEN_SOURCE_SYSTEM", "legacy")
                .output()
                .unwrap();
            (
                out.status.code().unwrap_or(-1),
                format!(
                    "{}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ),
            )
        })
    };
    let args = |extra: &[&str]| {
        let mut v = vec![file.to_string(), "--type".into(), "persons".into()];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let (code, out) = run(args(&["--dry-run"]), sup.clone()).await.unwrap();
    assert_eq!(code, 3, "{out}");
    assert!(out.contains("would be created 2"), "{out}");
    assert!(out.contains("line 3: family_name required"), "{out}");
    assert_eq!(persons(&app).await, 0);

    let (code, out) = run(args(&["--commit"]), sup.clone()).await.unwrap();
    assert_eq!(code, 3, "{out}");
    assert_eq!(persons(&app).await, 2);

    let clean = dir.join("clean.ndjson");
    std::fs::write(
        &clean,
        "{\"external_id\": \"4\", \"family_name\": \"Nouveau\"}\n",
    )
    .unwrap();
    let clean_args = vec![
        clean.to_str().unwrap().to_string(),
        "--type".into(),
        "persons".into(),
        "--commit".into(),
        "--mode".into(),
        "all_or_nothing".into(),
    ];
    let (code, out) = run(clean_args.clone(), sup.clone()).await.unwrap();
    assert_eq!(code, 0, "{out}");
    assert_eq!(persons(&app).await, 3);

    let (code, out) = run(clean_args, "not-a-token".into()).await.unwrap();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("401"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
