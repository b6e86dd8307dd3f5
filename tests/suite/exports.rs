//! Lists as officers and auditors use them: the case list's goods, route and total; exports
//! of cases and of the audit trail as CSV and XLSX, bounded and audited; the audit trail's
//! readable rows and its list of actions.

use crate::seizures::{company, crew, full_case, offence, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn get(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_case_list_shows_goods_route_and_total_and_exports_what_it_shows() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme").await;
    let full = submitted(&app, &c.officer, full_case(&company_id)).await;
    let mut body = offence("2026-03-01T09:00:00Z");
    body["place"] = json!("=HYPERLINK(\"http://x\")");
    submitted(&app, &c.officer, body).await;

    let page: Value = app
        .get("/api/v1/seizures?limit=1", &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 2);
    assert_eq!(page["total_exact"], true);
    let first = &page["items"][0];
    assert_eq!(first["reference"], full["reference"]);
    assert_eq!(
        first["goods"][0]["commodity_group"],
        full["goods"][0]["commodity_group"]
    );
    assert_eq!(first["goods"][0]["unit"], full["goods"][0]["unit"]);
    assert!(first["route"].as_array().unwrap().len() >= 2, "{first}");
    let cursor = page["next_cursor"].as_str().unwrap();
    let next: Value = app
        .get(
            &format!("/api/v1/seizures?limit=1&cursor={cursor}"),
            &c.analyst,
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(next["total"].is_null());

    // CSV: a download, with a byte-order mark, a header, one row per case, formulas inert.
    let res = get(&app, "/api/v1/seizures/export/csv", &c.analyst).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment") && disposition.contains(".csv"),
        "{disposition}"
    );
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("reference,kind,status,detected_at"));
    assert!(text.contains("'=HYPERLINK"), "{text}");
    let exported = app.audit_rows("seizure.export").await;
    assert_eq!(exported.len(), 1);

    // XLSX: a zip (an Office Open XML workbook).
    let res = get(
        &app,
        "/api/v1/seizures/export/xlsx?kind=offence",
        &c.analyst,
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(&res.bytes().await.unwrap()[..2], b"PK");

    // The list's own refusals, an unknown format, and someone without the right.
    assert_problem(
        get(
            &app,
            "/api/v1/seizures/export/csv?commodity_group=nonsense",
            &c.analyst,
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        get(&app, "/api/v1/seizures/export/pdf", &c.analyst)
            .await
            .status(),
        404
    );
    let admin_only = user_in(&app, &c.admin, "adm2", &["admin"], &c.root).await;
    assert_problem(
        get(&app, "/api/v1/seizures/export/csv", &admin_only).await,
        403,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn an_export_larger_than_the_limit_is_refused_not_cut() {
    let app = TestApp::spawn_with(|s| s.export_max_rows = 1).await;
    let c = crew(&app).await;
    submitted(&app, &c.officer, offence("2026-03-01T09:00:00Z")).await;
    assert_eq!(
        get(&app, "/api/v1/seizures/export/csv", &c.analyst)
            .await
            .status(),
        200
    );
    submitted(&app, &c.officer, offence("2026-03-02T09:00:00Z")).await;
    let problem = assert_problem(
        get(&app, "/api/v1/seizures/export/csv", &c.analyst).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["code"], "too_many_rows");
}

#[tokio::test]
async fn the_audit_trail_reads_with_names_lists_its_actions_and_exports() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = submitted(&app, &c.officer, offence("2026-03-01T09:00:00Z")).await;
    let auditor = user_in(&app, &c.admin, "audrey", &["auditor"], &c.root).await;

    let page: Value = app
        .get("/api/v1/audit?action=seizure.create", &auditor)
        .await
        .json()
        .await
        .unwrap();
    let created = &page["items"][0];
    assert_eq!(created["object_label"], case["reference"]);
    assert!(created["actor_name"].is_string(), "{created}");

    let actions: Value = app
        .get("/api/v1/audit/actions", &auditor)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = actions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for a in [
        "seizure.return",
        "seizure.export",
        "audit.export",
        "alert.bulk_read",
    ] {
        assert!(actions.contains(&a), "{a}");
    }
    // Every action this scenario recorded is a known one.
    let mut conn = app.db.conn().await;
    let recorded = ncen_tests::strings(
        &mut conn,
        "SELECT DISTINCT action AS value FROM audit_events",
    )
    .await;
    for a in &recorded {
        assert!(
            actions.contains(&a.as_str()),
            "{a} is missing from audit::actions::ALL"
        );
    }

    let res = get(&app, "/api/v1/audit/export/csv?action=seizure.", &auditor).await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(text.contains(case["reference"].as_str().unwrap()), "{text}");
    assert_eq!(app.audit_rows("audit.export").await.len(), 1);
    assert_problem(
        get(&app, "/api/v1/audit/export/csv?outcome=maybe", &auditor).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        get(&app, "/api/v1/audit/export/csv", &c.officer).await,
        403,
        "forbidden",
    )
    .await;
}
