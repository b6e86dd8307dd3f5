//! `GET /seizures`: search, every filter, ordering and keyset pagination, and filters that
//! follow later changes of a case and of its records.

use super::{company, create, crew, full_case, new_unit, offence, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let res = app.get(&format!("/api/v1/seizures?{query}"), token).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{query}: {body}");
    body
}

async fn refs(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    page(app, token, query).await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn lists_filter_by_every_criterion_and_page_by_date() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme").await;
    // XX-2026-000001: the full cocaine case (airport, import, BR→PT→FR).
    let full = submitted(&app, &c.officer, full_case(&company_id)).await;
    // 000002: an offence at a land border.
    let mut body = offence("2026-03-01T09:00:00Z");
    body["location_type"] = json!("land_border");
    body["direction"] = json!("export");
    body["narrative"] = json!("Déclaration fausse au café de la frontière");
    submitted(&app, &c.officer, body).await;
    // 000003: wildlife by sea, via a new truck, with the same person as case 1.
    let person_id = full["persons"][0]["person"]["id"].as_str().unwrap();
    let body = json!({
        "kind": "seizure", "detected_at": "2026-07-15T16:00:00Z", "location_type": "seaport", "direction": "transit",
        "detection_methods": ["intelligence"], "concealment_method": "mixed_with_cargo",
        "goods": [{ "commodity_group": "wildlife", "commodity_type": "ivory", "quantity": 120, "unit": "kg",
                    "species": "Loxodonta africana", "cites_appendix": "I" }],
        "route": [{ "position": 1, "country": "KE", "role": "origin" }, { "position": 2, "country": "FR", "role": "destination" }],
        "persons": [{ "person_id": person_id, "role": "owner" }],
        "conveyances": [{ "role": "carrying", "conveyance": { "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "AB-123-CD", "country": "FR" } }]
    });
    let third = submitted(&app, &c.officer, body).await;
    let south = new_unit(&app, &c.admin, "SOUTH").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &south).await;
    submitted(&app, &other, offence("2026-01-10T09:00:00Z")).await;

    let t = &c.analyst;
    assert_eq!(
        refs(&app, t, "").await,
        [
            "XX-2026-000003",
            "XX-2026-000001",
            "XX-2026-000002",
            "XX-2026-000004"
        ]
    );
    assert_eq!(
        refs(&app, t, "order=asc").await,
        [
            "XX-2026-000004",
            "XX-2026-000002",
            "XX-2026-000001",
            "XX-2026-000003"
        ]
    );
    let conveyance_id = full["conveyances"][0]["conveyance"]["id"].as_str().unwrap();
    let truck = third["conveyances"][0]["conveyance"]["id"]
        .as_str()
        .unwrap();
    for (query, expected) in [
        ("kind=offence", vec!["XX-2026-000002", "XX-2026-000004"]),
        (
            "status=submitted&kind=seizure",
            vec!["XX-2026-000003", "XX-2026-000001"],
        ),
        // An analyst sees no draft (they stay with their unit).
        ("status=draft", vec![]),
        (
            "status=submitted&kind=seizure&unit_id=00000000-0000-0000-0000-000000000000",
            vec![],
        ),
        (&format!("unit_id={south}"), vec!["XX-2026-000004"]),
        ("commodity_group=drugs", vec!["XX-2026-000001"]),
        ("commodity_type=ivory", vec!["XX-2026-000003"]),
        ("detection_method=detector_dog", vec!["XX-2026-000001"]),
        (
            "concealment_method=mixed_with_cargo",
            vec!["XX-2026-000003"],
        ),
        ("location_type=land_border", vec!["XX-2026-000002"]),
        ("direction=transit", vec!["XX-2026-000003"]),
        ("route_country=FR", vec!["XX-2026-000003", "XX-2026-000001"]),
        ("route_country=PT", vec!["XX-2026-000001"]),
        ("conveyance_type=truck", vec!["XX-2026-000003"]),
        (
            &format!("person_id={person_id}"),
            vec!["XX-2026-000003", "XX-2026-000001"],
        ),
        (&format!("company_id={company_id}"), vec!["XX-2026-000001"]),
        (
            &format!("conveyance_id={conveyance_id}"),
            vec!["XX-2026-000001"],
        ),
        (
            &format!("conveyance_id={truck}&person_id={person_id}"),
            vec!["XX-2026-000003"],
        ),
        ("q=CAFE%20de%20la", vec!["XX-2026-000002"]),
        ("q=loxodonta", vec!["XX-2026-000003"]),
        ("q=xx-2026-000004", vec!["XX-2026-000004"]),
        (
            "from=2026-02-01T00:00:00Z&to=2026-07-01T00:00:00Z",
            vec!["XX-2026-000001", "XX-2026-000002"],
        ),
    ] {
        assert_eq!(refs(&app, t, query).await, expected, "{query}");
    }
    let first = page(&app, t, "limit=1").await;
    assert_eq!(first["items"][0]["commodity_groups"], json!(["wildlife"]));
    // Keyset pages cover everything once, in order.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("limit=1&cursor={c}"),
            None => "limit=1".into(),
        };
        let p = page(&app, t, &q).await;
        seen.push(p["items"][0]["reference"].as_str().unwrap().to_string());
        match p["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            "XX-2026-000003",
            "XX-2026-000001",
            "XX-2026-000002",
            "XX-2026-000004"
        ]
    );

    for (query, field) in [
        ("limit=500", "limit"),
        ("commodity_group=unicorns", "commodity_group"),
        ("route_country=ZZ", "route_country"),
        ("cursor=zz", "cursor"),
        ("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"),
    ] {
        let problem = assert_problem(
            app.get(&format!("/api/v1/seizures?{query}"), t).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{query}");
    }
    assert_problem(
        app.get("/api/v1/seizures?kind=crime", t).await,
        400,
        "bad_request",
    )
    .await;
    assert_problem(
        app.get("/api/v1/seizures?colour=red", t).await,
        400,
        "bad_request",
    )
    .await;
    let lists = app.audit_rows("seizure.list").await;
    assert!(lists.len() >= 20);
    assert!(lists.iter().all(|r| r.1.as_deref() == Some("ana")));
}

#[tokio::test]
async fn route_and_conveyance_filters_follow_updates_of_the_case_and_of_the_conveyance() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme").await;
    // XX-2026-000001: BR→PT→FR with a container.
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    // XX-2026-000002: an offence with neither route nor conveyance.
    create(&app, &c.officer, offence("2026-03-01T09:00:00Z")).await;
    // The supervisor of the unit: the case stays a draft while it is corrected.
    let t = &c.supervisor;
    for (query, expected) in [
        ("route_country=BR", vec!["XX-2026-000001"]),
        (
            "route_country=PT&conveyance_type=container",
            vec!["XX-2026-000001"],
        ),
        ("route_country=CO", vec![]),
        ("conveyance_type=truck", vec![]),
    ] {
        assert_eq!(refs(&app, t, query).await, expected, "before: {query}");
    }

    // The update replaces the route (CO→ES→ES→FR, a country twice) and the conveyances (the
    // container dropped, a new truck and a new trailer).
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    let patch = json!({
        "route": [
            { "position": 1, "country": "CO", "role": "origin" },
            { "position": 2, "country": "ES", "role": "transit" },
            { "position": 3, "country": "ES", "role": "transit" },
            { "position": 4, "country": "FR", "role": "destination" }
        ],
        "conveyances": [
            { "role": "carrying", "conveyance": { "conveyance_type": "truck", "identifier_kind": "plate", "identifier": "1234-BCD", "country": "ES" } },
            { "role": "trailer", "conveyance": { "conveyance_type": "private_car", "identifier_kind": "plate", "identifier": "GH-456-JK", "country": "FR" } }
        ]
    });
    let res = app.patch(&path, &c.officer, 1, patch).await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    for (query, expected) in [
        ("route_country=BR", vec![]),
        ("route_country=PT", vec![]),
        ("conveyance_type=container", vec![]),
        ("route_country=CO", vec!["XX-2026-000001"]),
        (
            "route_country=ES&conveyance_type=truck",
            vec!["XX-2026-000001"],
        ),
        (
            "route_country=FR&conveyance_type=private_car",
            vec!["XX-2026-000001"],
        ),
        ("route_country=CO&conveyance_type=container", vec![]),
        ("route_country=BR&conveyance_type=truck", vec![]),
    ] {
        assert_eq!(
            refs(&app, t, query).await,
            expected,
            "after update: {query}"
        );
    }

    // An update that leaves route and conveyances alone keeps the filters as they are.
    let res = app
        .patch(&path, &c.officer, 2, json!({ "narrative": "Corrected" }))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        refs(&app, t, "route_country=ES&conveyance_type=truck").await,
        ["XX-2026-000001"]
    );

    // Correcting a linked conveyance's type in the register moves the case with it.
    let car = updated["conveyances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["role"] == "trailer")
        .unwrap()["conveyance"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = app
        .patch(
            &format!("/api/v1/conveyances/{car}"),
            &c.officer,
            1,
            json!({ "conveyance_type": "truck" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        refs(&app, t, "conveyance_type=private_car").await,
        Vec::<String>::new()
    );
    assert_eq!(
        refs(&app, t, "conveyance_type=truck").await,
        ["XX-2026-000001"]
    );

    // Removing every leg and link empties both filters for the case (version 4: the
    // conveyance's correction gave the case a new version).
    let res = app
        .patch(
            &path,
            &c.officer,
            4,
            json!({ "route": [], "conveyances": [] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    for query in [
        "route_country=FR",
        "route_country=CO",
        "conveyance_type=truck",
    ] {
        assert_eq!(
            refs(&app, t, query).await,
            Vec::<String>::new(),
            "emptied: {query}"
        );
    }
}
