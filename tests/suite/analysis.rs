//! Link analysis: a node's neighbours (checked against SQL over the links themselves), the
//! keys two persons or a person and a company share, the shortest chain between two cases,
//! need-to-know (another unit's drafts never appear), the audit rows, and bad requests.

use crate::alerts::ok;
use crate::seizures::{company, create, crew, full_case, new_unit, submitted, user_in};
use ncen_tests::{assert_problem, strings, TestApp};
use serde_json::{json, Value};

async fn person(app: &TestApp, token: &str, body: Value) -> String {
    let res = app.post("/api/v1/persons", token, body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_string()
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

fn case_of(body: Value, person_id: &str, company_id: Option<&str>) -> Value {
    let mut c = body;
    c["persons"] = json!([{ "role": "courier", "person_id": person_id }]);
    c["companies"] = match company_id {
        Some(id) => json!([{ "role": "importer", "company_id": id }]),
        None => json!([]),
    };
    c["conveyances"] = json!([]);
    c
}

#[tokio::test]
async fn link_graph_neighbours_paths_and_need_to_know() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let importer = company(&app, &c.officer, "Graphica Trading BV").await;
    // a courier in case A; a second courier (same phone, another spelling) in case B with the
    // same importer; a third person alone in case C, whose passport the first also holds
    let courier = person(
        &app,
        &c.officer,
        json!({ "family_name": "Ivanoff", "given_names": "Ivan", "phones": ["+33 6 12 34 56 78"],
                "documents": [{ "document_type": "passport", "number": "72 1234567", "issuing_country": "RU" }] }),
    )
    .await;
    let second = person(
        &app,
        &c.officer,
        json!({ "family_name": "Petrov", "given_names": "Oleg", "phones": ["06.12.34.56.78"] }),
    )
    .await;
    let third = person(
        &app,
        &c.officer,
        json!({ "family_name": "Sidorova", "given_names": "Anna",
                "documents": [{ "document_type": "passport", "number": "721234567" }] }),
    )
    .await;
    let a = submitted(
        &app,
        &c.officer,
        case_of(full_case(&importer), &courier, Some(&importer)),
    )
    .await;
    let mut b_body = case_of(full_case(&importer), &second, Some(&importer));
    b_body["detected_at"] = json!("2026-07-10T08:00:00Z");
    let b = submitted(&app, &c.officer, b_body).await;
    let mut c_body = case_of(full_case(&importer), &third, Some(&importer));
    c_body["detected_at"] = json!("2025-01-10T08:00:00Z");
    let case_c = submitted(&app, &c.officer, c_body).await;
    // another unit's draft naming the courier: never shown
    let other_unit = new_unit(&app, &c.admin, "OTH").await;
    let other = user_in(&app, &c.admin, "odile", &["officer"], &other_unit).await;
    create(&app, &other, case_of(full_case(&importer), &courier, None)).await;
    let (a, b, case_c) = (
        a["id"].as_str().unwrap().to_string(),
        b["id"].as_str().unwrap().to_string(),
        case_c["id"].as_str().unwrap().to_string(),
    );

    let get = |path: String| {
        let app = &app;
        let token = c.analyst.clone();
        async move { app.get(&path, &token).await }
    };

    // the courier: its one visible case, the phone it shares, the passport it shares
    let g = ok(get(format!("/api/v1/analysis/graph?node=person:{courier}")).await).await;
    assert_eq!(g["node"], format!("person:{courier}"));
    assert_eq!(g["nodes"][0]["label"], "Ivanoff, Ivan");
    let mut expected = vec![
        format!("person:{courier}"),
        format!("case:{a}"),
        "phone:612345678".to_string(),
        "document:721234567".to_string(),
    ];
    expected.sort();
    assert_eq!(ids(&g, "nodes"), expected, "{g}");
    // against SQL: the courier's cases that are not drafts
    let mut conn = app.db.conn().await;
    let sql_cases = strings(
        &mut conn,
        &format!(
            "SELECT 'case:' || x.case_id AS value FROM seizure_case_persons x JOIN seizure_cases sc ON sc.id = x.case_id
              WHERE x.person_id = '{courier}' AND sc.status <> 'draft'"
        ),
    )
    .await;
    let shown_cases: Vec<String> = ids(&g, "nodes")
        .into_iter()
        .filter(|n| n.starts_with("case:"))
        .collect();
    assert_eq!(shown_cases, sql_cases);
    assert!(g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["source"] == format!("case:{a}")
            && e["kind"] == "in_case"
            && e["role"] == "courier"));

    // the shared phone leads to the second courier; the passport to the third person
    let g = ok(get("/api/v1/analysis/graph?node=phone:612345678".into()).await).await;
    assert!(
        ids(&g, "nodes").contains(&format!("person:{second}")),
        "{g}"
    );
    let g = ok(get("/api/v1/analysis/graph?node=document:72-1234567".into()).await).await;
    assert!(ids(&g, "nodes").contains(&format!("person:{third}")), "{g}");

    // the importer: its three cases, latest first, a page at a time; kinds and period
    let g = ok(get(format!(
        "/api/v1/analysis/graph?node=company:{importer}&kinds=case&limit=2"
    ))
    .await)
    .await;
    assert_eq!(g["nodes"].as_array().unwrap().len(), 3, "{g}");
    assert_eq!(g["nodes"][1]["id"], format!("case:{b}"), "latest first");
    assert_eq!(
        g["truncated"],
        json!({ "node": format!("company:{importer}"), "shown": 2, "total": 3 })
    );
    let g = ok(get(format!(
        "/api/v1/analysis/graph?node=company:{importer}&kinds=case&from=2026-01-01"
    ))
    .await)
    .await;
    let mut in_2026 = vec![
        format!("case:{a}"),
        format!("case:{b}"),
        format!("company:{importer}"),
    ];
    in_2026.sort();
    assert_eq!(ids(&g, "nodes"), in_2026);
    assert!(g["truncated"].is_null());

    // the shortest chain from case C to the second courier: through the importer and case B
    // (3 links); without companies, through the passport and the phone (5 links)
    let p = ok(get(format!(
        "/api/v1/analysis/path?source=case:{case_c}&target=person:{second}"
    ))
    .await)
    .await;
    assert_eq!(p["found"], true, "{p}");
    assert_eq!(p["hops"], 3, "{p}");
    let chain: Vec<&str> = p["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        chain,
        vec![
            format!("case:{case_c}"),
            format!("company:{importer}"),
            format!("case:{b}"),
            format!("person:{second}")
        ]
    );
    assert_eq!(p["edges"].as_array().unwrap().len(), 3);
    assert_eq!(p["complete"], true);
    let p = ok(get(format!(
        "/api/v1/analysis/path?source=case:{case_c}&target=person:{second}&kinds=person,identifier,phone&max_hops=5"
    ))
    .await)
    .await;
    assert_eq!(
        p["hops"], 5,
        "C–Sidorova–passport–Ivanoff–phone–Petrov: {p}"
    );
    assert_eq!(p["nodes"][2]["id"], "document:721234567");
    assert_eq!(p["nodes"][4]["id"], "phone:612345678");
    let p = ok(get(format!(
        "/api/v1/analysis/path?source=case:{case_c}&target=person:{second}&kinds=person,identifier,phone&max_hops=4"
    ))
    .await)
    .await;
    assert_eq!(p["found"], false, "{p}");
    assert!(p["nodes"].as_array().unwrap().is_empty());

    // audited with what was shown
    let audited = strings(
        &mut conn,
        "SELECT action || ' ' || jsonb_array_length(details->'cases') AS value FROM audit_events
          WHERE action LIKE 'analysis.%' ORDER BY id",
    )
    .await;
    assert!(audited.len() >= 8, "{audited:?}");
    assert_eq!(audited[0], "analysis.graph_read 1");

    // bad requests and unknown nodes
    for (query, field) in [
        ("graph?node=planet:mars".to_string(), "node"),
        ("graph?node=person:abc".to_string(), "node"),
        (format!("graph?node=person:{courier}&kinds=planet"), "kinds"),
        (format!("graph?node=person:{courier}&limit=0"), "limit"),
        (
            format!("graph?node=person:{courier}&from=2026-02-01&to=2026-01-01"),
            "to",
        ),
        (
            format!("path?source=person:{courier}&target=person:{second}&max_hops=9"),
            "max_hops",
        ),
        (
            format!("path?source=person:{courier}&target=galaxy:x"),
            "target",
        ),
    ] {
        let problem = assert_problem(
            get(format!("/api/v1/analysis/{query}")).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{query}");
    }
    assert_eq!(
        get("/api/v1/analysis/graph?colour=red&node=x:y".into())
            .await
            .status(),
        400
    );
    let res = get(format!(
        "/api/v1/analysis/graph?node=person:{}",
        uuid::Uuid::new_v4()
    ))
    .await;
    assert_eq!(res.status(), 404);
    let res = get("/api/v1/analysis/graph?node=phone:000000000".into()).await;
    assert_eq!(res.status(), 404);
    // the other unit's draft: 404 to the analyst
    let draft = strings(
        &mut conn,
        "SELECT id::text AS value FROM seizure_cases WHERE status = 'draft'",
    )
    .await;
    let res = get(format!("/api/v1/analysis/graph?node=case:{}", draft[0])).await;
    assert_eq!(res.status(), 404);
    let res = app
        .get(&format!("/api/v1/analysis/graph?node=person:{courier}"), "")
        .await;
    assert_eq!(res.status(), 401);
}
