//! The demo's exchange partners, as the national liaison officer sees them: a preview of a
//! validated drugs case for each partner, and a case outside Morocco's agreement refused.

use ncen_demo::DEFAULT_PASSWORD;
use ncen_tests::TestApp;
use serde_json::{json, Value};

pub(super) async fn demo_exchange(app: &TestApp, report: &ncen_demo::Report) {
    // BE, MA and FR (a node of another country, XX, registers all three)
    assert_eq!(report.partners, 3, "{report:?}");
    let liaison = app.token("ncu.liaison", DEFAULT_PASSWORD).await;
    let partners: Value = app
        .get("/api/v1/exchange/partners", &liaison)
        .await
        .json()
        .await
        .unwrap();
    let id_of = |country: &str| {
        partners["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["country"] == country)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (be, ma) = (id_of("BE"), id_of("MA"));
    // each agreement has its signed instrument, a scan the liaison officer can open
    let agreements: Value = app
        .get("/api/v1/exchange/agreements", &liaison)
        .await
        .json()
        .await
        .unwrap();
    let items = agreements["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for a in items {
        assert_eq!(a["document"]["media_type"], "image/png", "{a}");
    }
    let res = app
        .get(
            items[0]["document"]["content_url"].as_str().unwrap(),
            &liaison,
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.unwrap().starts_with(b"\x89PNG"));
    let token = liaison.as_str();
    let case_of = |group: &'static str| async move {
        let page: Value = app
            .get(
                &format!("/api/v1/seizures?status=validated&commodity_group={group}&limit=50"),
                token,
            )
            .await
            .json()
            .await
            .unwrap();
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["commodity_groups"] == json!([group]))
            .unwrap_or_else(|| panic!("a validated case of {group} only: {page}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let drugs = case_of("drugs").await;
    let ipr = case_of("ipr").await;
    let preview = |partner: &str, scope: &str, case: &str| {
        app.post(
            "/api/v1/exchange/preview",
            &liaison,
            json!({ "partner_id": partner, "scope": scope, "case_ids": [case] }),
        )
    };
    for (partner, scope) in [(&be, "nominal"), (&be, "non_nominal"), (&ma, "non_nominal")] {
        let res = preview(partner, scope, &drugs).await;
        assert_eq!(res.status(), 200, "{partner} {scope}");
    }
    let res = preview(&ma, "nominal", &drugs).await;
    assert_eq!(res.status(), 409);
    let res = preview(&ma, "non_nominal", &ipr).await;
    assert_eq!(res.status(), 409);

    // the investigator's request to send a case to Belgium waits for the liaison officer
    let waiting: Value = app
        .get("/api/v1/exchange/outbox?status=awaiting_approval", &liaison)
        .await
        .json()
        .await
        .unwrap();
    let items = waiting["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{waiting}");
    assert_eq!(items[0]["partner_country"], "BE");
    assert!(items[0]["requested_by_name"].is_string(), "{waiting}");
    assert!(items[0]["note"].as_str().unwrap().contains("Antwerp"));

    // the CEN export reads only its fields, and builds exactly the records the whole case
    // documents would give, on every validated demo case (routes, conveyances, goods of every
    // kind)
    let mut conn = app.db.conn().await;
    let ids: Vec<uuid::Uuid> = ncen_tests::strings(
        &mut conn,
        "SELECT id::text AS value FROM seizure_cases WHERE status = 'validated' ORDER BY id",
    )
    .await
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    assert!(ids.len() > 40, "{}", ids.len());
    let fast = ncen_core::exchange::cen::records_from_sources(&mut conn, &ids)
        .await
        .unwrap();
    let whole = ncen_core::exchange::cen::records_from_documents(&mut conn, &ids)
        .await
        .unwrap();
    assert!(fast.iter().any(|r| !r.transit_countries.is_empty()
        && !r.conveyance_types.is_empty()
        && r.goods.len() > 1));
    assert_eq!(fast, whole);
}
