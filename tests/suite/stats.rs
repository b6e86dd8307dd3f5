//! Seizure statistics: every figure the API gives is checked against SQL over the cases
//! themselves (not the rollups); drafts are never counted; a submission shows once the worker
//! has applied it; comparisons, the cells path (two dimensions, a person), the export and
//! bad requests.

use crate::alerts::ok;
use crate::seizures::{company, create, crew, full_case, submitted};
use diesel::sql_types::Text;
use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

#[derive(QueryableByName)]
struct Json {
    #[diesel(sql_type = Text)]
    v: String,
}

/// `sql` (one `jsonb` value) run on the test's database.
async fn sql(app: &TestApp, sql: &str) -> Value {
    let mut conn = app.db.conn().await;
    let row: Json = diesel::sql_query(format!("SELECT ({sql})::text AS v"))
        .get_result(&mut conn)
        .await
        .unwrap();
    serde_json::from_str(&row.v).unwrap()
}

/// Waits until every queued case is applied: drained here, or by the server's own worker
/// (whichever claims a case first; a claimed case stays queued until applied).
async fn applied(app: &TestApp) {
    let mut conn = app.db.conn().await;
    for _ in 0..100 {
        ncen_core::stats::worker::drain(&mut conn).await.unwrap();
        if ncen_core::stats::repo::pending(&mut conn).await.unwrap() == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("statistics still pending after 5 s");
}

/// The table's rows as `{keys joined by "|": [cases, lines, kg, value]}`.
fn rows(stats: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for r in stats["rows"].as_array().unwrap() {
        let keys: Vec<&str> = r["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        out.insert(
            keys.join("|"),
            json!([r["cases"], r["lines"], round(&r["kg"]), round(&r["value"])]),
        );
    }
    Value::Object(out)
}

fn round(v: &Value) -> Value {
    json!((v.as_f64().unwrap() * 1000.0).round() / 1000.0)
}

/// The same figures by SQL over the cases: `keys` are SQL expressions over `sc` (the case)
/// and `g` (a goods line), `lines` joins the goods; `extra` joins and filters more.
async fn expected(app: &TestApp, keys: &str, extra: &str) -> Value {
    sql(
        app,
        &format!(
            "SELECT coalesce(jsonb_object_agg(k, jsonb_build_array(cases, lines, round(kg::numeric, 3), round(value::numeric, 3))), '{{}}')
               FROM (SELECT {keys} AS k, count(DISTINCT sc.id) AS cases, count(g.id) AS lines,
                            coalesce(sum(g.mass_kg), 0) AS kg,
                            coalesce(sum(CASE WHEN coalesce(g.currency, 'EUR') = 'EUR' THEN g.value
                                              ELSE g.value * (e.attributes->>'eur_rate')::float8 END), 0) AS value
                       FROM seizure_cases sc
                       LEFT JOIN seizure_goods g ON g.case_id = sc.id
                       LEFT JOIN codelist_entries e ON e.list_name = 'currencies' AND e.code = g.currency
                       {extra}
                      WHERE sc.status <> 'draft' AND sc.detected_at >= '2026-06-01' AND sc.detected_at < '2026-08-01'
                      GROUP BY 1) t"
        ),
    )
    .await
}

/// Each table of `queries` over June–July: from the pairs rollup (whole months) and from the
/// cells (from 31 May), with the same rows.
async fn same_from_pairs_and_cells(app: &TestApp, token: &str, queries: &[&str]) {
    for query in queries {
        let pairs = ok(app
            .get(
                &format!("/api/v1/stats/seizures?{query}&from=2026-06-01&to=2026-07-31"),
                token,
            )
            .await)
        .await;
        let cells = ok(app
            .get(
                &format!("/api/v1/stats/seizures?{query}&from=2026-05-31&to=2026-07-31"),
                token,
            )
            .await)
        .await;
        assert!(
            !pairs["rows"].as_array().unwrap().is_empty(),
            "{query}: {pairs}"
        );
        assert_eq!(rows(&pairs), rows(&cells), "{query}");
        assert_eq!(pairs["total"], cells["total"], "{query}");
        let quantities = |s: &Value| -> Value {
            s["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["quantities"].clone())
                .collect()
        };
        assert_eq!(quantities(&pairs), quantities(&cells), "{query}");
    }
}

#[tokio::test]
async fn statistics_count_what_the_cases_hold() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let importer = company(&app, &c.officer, "Statistica Import BV").await;
    // June: the full case (2.5 kg of cocaine worth 150 000 EUR, 2 000 cigarettes), cannabis
    // worth 1 000 USD from Morocco; July: an offence without goods; a year before: tobacco
    submitted(&app, &c.officer, full_case(&importer)).await;
    let mut cannabis = full_case(&importer);
    cannabis["detected_at"] = json!("2026-06-15T22:10:00Z");
    cannabis["detection_methods"] = json!(["detector_dog"]);
    cannabis["location_type"] = json!("seaport");
    cannabis["latitude"] = json!(43.29651);
    cannabis["longitude"] = json!(5.36978);
    cannabis["goods"] = json!([{ "commodity_group": "drugs", "commodity_type": "cannabis_resin",
                                  "quantity": 10, "unit": "kg", "value": 1000, "currency": "USD" }]);
    cannabis["route"] = json!([{ "position": 1, "country": "MA", "role": "origin" },
                               { "position": 2, "country": "FR", "role": "destination" }]);
    cannabis["persons"] = json!([]);
    cannabis["conveyances"] = json!([]);
    submitted(&app, &c.officer, cannabis).await;
    submitted(
        &app,
        &c.officer,
        json!({ "kind": "offence", "detected_at": "2026-07-03T10:00:00Z", "place": "Border post",
                "detection_methods": ["document_check"] }),
    )
    .await;
    let mut last_year = full_case(&importer);
    last_year["detected_at"] = json!("2025-06-10T09:00:00Z");
    last_year["goods"] = json!([{ "commodity_group": "tobacco", "commodity_type": "cigarettes",
                                   "quantity": 4000, "unit": "sticks" }]);
    last_year["persons"] = json!([]);
    last_year["conveyances"] = json!([]);
    submitted(&app, &c.officer, last_year).await;
    // a draft: never counted
    let mut draft = full_case(&importer);
    draft["detected_at"] = json!("2026-06-20T12:00:00Z");
    draft["persons"] = json!([]);
    draft["conveyances"] = json!([]);
    let draft = create(&app, &c.officer, draft).await;
    applied(&app).await;

    let get = |query: &'static str| {
        let app = &app;
        let token = c.analyst.clone();
        async move {
            ok(app
                .get(&format!("/api/v1/stats/seizures?{query}"), &token)
                .await)
            .await
        }
    };
    let range = "from=2026-06-01&to=2026-07-31";

    // by month and commodity group (the monthly rollup)
    let stats = get("group=period,commodity_group&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(stats["total"]["cases"], 3, "{stats}");
    assert_eq!(stats["pending"], 0);
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "to_char(sc.detected_at, 'YYYY-MM') || '|' || coalesce(g.commodity_group, '')",
            ""
        )
        .await,
        "{stats}"
    );
    // the USD value converted with the code list's rate
    let value = stats["total"]["value"].as_f64().unwrap();
    assert!(
        (value - (150_000.0 + 1000.0 * 0.92)).abs() < 0.01,
        "{value}"
    );
    let drugs = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["keys"] == json!(["2026-06", "drugs"]))
        .unwrap();
    assert_eq!(drugs["kg"], 12.5, "2.5 kg of cocaine and 10 kg of cannabis");
    let tobacco = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["keys"] == json!(["2026-06", "tobacco"]))
        .unwrap();
    assert_eq!(
        tobacco["quantities"],
        json!([{ "unit": "sticks", "quantity": 2000.0 }])
    );

    // by detection method (several per case: a case counts under each), by day (the daily
    // rollup), by route
    let stats = get("group=detection_method&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "m",
            "CROSS JOIN LATERAL unnest(sc.detection_methods) m"
        )
        .await
    );
    assert_eq!(stats["total"]["cases"], 3);
    let stats = get("group=period&period=day&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(&app, "to_char(sc.detected_at, 'YYYY-MM-DD')", "").await
    );
    let stats = get("group=route&from=2026-06-01&to=2026-07-31").await;
    let routes: Vec<&str> = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["keys"][0].as_str().unwrap())
        .collect();
    assert_eq!(routes, vec![">", "BR>FR", "MA>FR"], "{stats}");
    // the routes map: each segment between consecutive legs, and the places of seizure
    let stats = get("group=route_segment&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "coalesce(s.seg, '')",
            "LEFT JOIN LATERAL (SELECT DISTINCT country || '>' || next AS seg
                                  FROM (SELECT country, lead(country) OVER (ORDER BY position) AS next
                                          FROM seizure_route_legs WHERE case_id = sc.id) l
                                 WHERE next <> country) s ON true"
        )
        .await,
        "{stats}"
    );
    let segments: Vec<&str> = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["keys"][0].as_str().unwrap())
        .collect();
    assert_eq!(segments, vec!["", "BR>PT", "MA>FR", "PT>FR"], "{stats}");
    let stats = get("group=place&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "coalesce(round(sc.latitude::numeric, 2)::text || ',' || round(sc.longitude::numeric, 2)::text, '')",
            ""
        )
        .await,
        "{stats}"
    );
    assert!(
        stats["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["keys"] == json!(["43.30,5.37"])),
        "{stats}"
    );

    // two dimensions (the cases' cells), a filter on a third
    let stats = get("group=location_type,direction&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "coalesce(sc.location_type, '') || '|' || coalesce(sc.direction, '')",
            ""
        )
        .await
    );
    // the same two dimensions over whole months read the pairs rollup, over days the cells:
    // the same rows (no case on 31 May); a goods dimension with a case dimension counts the
    // lines of that kind only
    let pairs = [
        "group=location_type,direction",
        "group=detection_method,concealment_method&commodity_group=drugs",
        "group=period,origin_country&detection_method=detector_dog",
        "group=route&location_type=seaport&commodity_group=drugs",
        "group=commodity_type,detection_method",
        "group=unit&direction=import",
    ];
    same_from_pairs_and_cells(&app, &c.analyst, &pairs).await;
    let stats = get("group=commodity_type,detection_method&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "coalesce(g.commodity_type, '') || '|' || m",
            "CROSS JOIN LATERAL unnest(coalesce(nullif(sc.detection_methods, '{}'), '{\"\"}')) m
             CROSS JOIN LATERAL (SELECT WHERE g.id IS NOT NULL) goods_only"
        )
        .await,
        "{stats}"
    );
    let stats = get(
        "group=commodity_type&detection_method=detector_dog&location_type=seaport&from=2026-06-01&to=2026-07-31",
    )
    .await;
    assert_eq!(stats["total"]["cases"], 1, "{stats}");
    assert_eq!(stats["rows"][0]["keys"], json!(["cannabis_resin"]));

    // a person's cases (the seizure list's filter)
    let ivanoff = sql(
        &app,
        "SELECT to_jsonb(person_id::text) FROM seizure_case_persons LIMIT 1",
    )
    .await;
    let path = format!(
        "/api/v1/stats/seizures?group=commodity_group&person_id={}&{range}",
        ivanoff.as_str().unwrap()
    );
    let stats = ok(app.get(&path, &c.analyst).await).await;
    assert_eq!(stats["total"]["cases"], 1, "{stats}");

    // comparisons: nothing in April–May, the tobacco case a year before
    let stats = get("group=commodity_group&compare=true&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(stats["previous"]["from"], "2026-04-01");
    assert_eq!(stats["previous"]["total"]["cases"], 0);
    assert_eq!(stats["last_year"]["from"], "2025-06-01");
    assert_eq!(stats["last_year"]["total"]["cases"], 1);
    let tobacco = stats["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["keys"] == json!(["tobacco"]))
        .unwrap();
    assert_eq!(tobacco["last_year"]["cases"], 1, "{stats}");
    assert_eq!(tobacco["previous"]["cases"], 0);

    // the draft submitted: counted once the worker applied it
    let path = format!("/api/v1/seizures/{}/submit", draft["id"].as_str().unwrap());
    let res = app
        .client
        .post(app.url(&path))
        .bearer_auth(&c.officer)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    applied(&app).await;
    let stats = get("group=period,commodity_group&from=2026-06-01&to=2026-07-31").await;
    assert_eq!(stats["total"]["cases"], 4);
    assert_eq!(
        rows(&stats),
        expected(
            &app,
            "to_char(sc.detected_at, 'YYYY-MM') || '|' || coalesce(g.commodity_group, '')",
            ""
        )
        .await
    );

    // the pairs rollup follows the worker as the others do
    same_from_pairs_and_cells(&app, &c.analyst, &pairs).await;

    // the same table as a file, audited
    let res = app
        .get(
            "/api/v1/stats/seizures/export/csv?group=commodity_group&from=2026-06-01&to=2026-07-31",
            &c.analyst,
        )
        .await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(
        text.contains("commodity_group,cases,goods_lines,kg,value_eur"),
        "{text}"
    );
    assert!(text.contains("\ntotal,4,"), "{text}");
    let audited = sql(
        &app,
        "SELECT to_jsonb(array_agg(DISTINCT action ORDER BY action)) FROM audit_events WHERE action LIKE 'stats.%'",
    )
    .await;
    assert_eq!(
        audited,
        json!(["stats.seizures_export", "stats.seizures_read"])
    );

    // bad requests, each named
    for (query, field, code) in [
        ("group=period,kind,direction", "group", "too_many"),
        ("group=kind,kind", "group", "duplicate"),
        ("from=2026-07-01&to=2026-06-01", "to", "before_start"),
        (
            "group=period&period=day&from=2024-01-01&to=2026-01-01",
            "period",
            "range_too_long",
        ),
        ("group=unit,commodity_type", "group", "goods_dimensions"),
        (
            format!("unit={}", "0".repeat(101)).as_str(),
            "unit",
            "length",
        ),
        ("origin_country=FRA", "origin_country", "length"),
    ] {
        let problem = assert_problem(
            app.get(&format!("/api/v1/stats/seizures?{query}"), &c.analyst)
                .await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{query}");
        assert_eq!(problem["errors"][0]["code"], code, "{query}");
    }
    let res = app
        .get("/api/v1/stats/seizures?colour=red", &c.analyst)
        .await;
    assert_eq!(res.status(), 400);
    assert_problem(
        app.get("/api/v1/stats/seizures?group=sparkle", &c.analyst)
            .await,
        422,
        "validation_failed",
    )
    .await;
}
