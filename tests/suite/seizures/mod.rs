//! The seizure database: recording whole cases, bad input, versions, workflow, object-level
//! permissions, lists and filters, history and the audit rows.

use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

/// A user with `roles` in `unit` (a unit id); returns a token.
pub async fn user_in(
    app: &TestApp,
    admin: &str,
    username: &str,
    roles: &[&str],
    unit: &str,
) -> String {
    let password = "a-strong-passphrase-1";
    let res = app
        .post(
            "/api/v1/users",
            admin,
            json!({ "username": username, "display_name": username, "unit_id": unit, "roles": roles, "password": password }),
        )
        .await;
    assert_eq!(res.status(), 201);
    app.token(username, password).await
}

pub async fn new_unit(app: &TestApp, admin: &str, code: &str) -> String {
    let res = app
        .post(
            "/api/v1/units",
            admin,
            json!({ "code": code, "name": format!("{code} office") }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Officer and supervisor of the root unit, an analyst, and the admin token.
pub struct Crew {
    pub admin: String,
    pub officer: String,
    pub supervisor: String,
    pub analyst: String,
    pub root: String,
}

pub async fn crew(app: &TestApp) -> Crew {
    let admin = app.admin_token().await;
    let root = app.root_unit(&admin).await;
    Crew {
        officer: user_in(app, &admin, "olga", &["officer"], &root).await,
        supervisor: user_in(app, &admin, "sam", &["supervisor"], &root).await,
        analyst: user_in(app, &admin, "ana", &["analyst"], &root).await,
        admin,
        root,
    }
}

pub fn full_case(company_id: &str) -> Value {
    json!({
        "kind": "seizure",
        "detected_at": "2026-06-01T08:30:00Z",
        "place": "Roissy-CDG cargo terminal",
        "location_type": "airport",
        "unlocode": "frcdg",
        "country": "FR",
        "direction": "import",
        "customs_procedure": "40 00",
        "detection_methods": ["xray_nii", "detector_dog"],
        "risk_profiling": true,
        "concealment_method": "false_compartment",
        "concealment_description": "Double bottom in two suitcases",
        "narrative": "Passenger Ivan Ivanoff carried cocaine from São Paulo",
        "summary_non_nominal": "Cocaine in the false bottom of suitcases",
        "offender_nationality": "RU",
        "offender_gender": "male",
        "offender_age_band": "35_44",
        "goods": [
            { "commodity_group": "drugs", "commodity_type": "cocaine", "hs_code": "2939.71", "quantity": 2500, "unit": "g",
              "description": "White powder in 5 packages", "value": 150000, "currency": "EUR", "purity_percent": 78.5 },
            { "commodity_group": "tobacco", "commodity_type": "cigarettes", "quantity": 2000, "unit": "sticks", "brand": "Marlboro" }
        ],
        "route": [
            { "position": 3, "country": "FR", "role": "destination", "arrival_date": "2026-06-01" },
            { "position": 1, "country": "BR", "role": "origin", "place": "São Paulo" },
            { "position": 2, "country": "PT", "unlocode": "PTLIS", "role": "transit" }
        ],
        "persons": [{ "role": "courier", "person": {
            "family_name": "Ivanoff", "given_names": "Ivan", "date_of_birth": "1984-03", "nationalities": ["RU"],
            "documents": [{ "document_type": "passport", "number": "72 1234567", "issuing_country": "RU" }]
        }}],
        "companies": [{ "role": "importer", "company_id": company_id }],
        "conveyances": [{ "role": "container", "conveyance": {
            "conveyance_type": "container", "identifier_kind": "container", "identifier": "csqu 305438-3"
        }}]
    })
}

pub async fn company(app: &TestApp, token: &str, name: &str) -> String {
    let res = app
        .post(
            "/api/v1/companies",
            token,
            json!({ "name": name, "country": "NL", "activities": ["importer"] }),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/seizures", token, body).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{body}");
    body
}

pub fn offence(at: &str) -> Value {
    json!({ "kind": "offence", "detected_at": at, "place": "Border post" })
}

async fn post_if(
    app: &TestApp,
    path: &str,
    token: &str,
    version: i64,
    body: Option<Value>,
) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .header("If-Match", format!("\"{version}\""));
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let mut conn = app.db.conn().await;
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<Count>(&mut conn)
        .await
        .unwrap()
        .n
}

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_officer_records_a_whole_case_that_anyone_with_access_reads_in_one_response() {
    let app = TestApp::spawn_with(|s| s.country = "MV".into()).await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let res = app
        .post("/api/v1/seizures", &c.officer, full_case(&company_id))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let case: Value = res.json().await.unwrap();
    assert_eq!(case["reference"], "MV-2026-000001");
    assert_eq!(case["status"], "draft");
    assert_eq!(case["version"], 1);
    assert_eq!(case["reporting_unit_id"], json!(c.root));
    assert_eq!(case["reporting_officer_name"], "olga");
    assert_eq!(case["unlocode"], "FRCDG");
    assert_eq!(case["goods"][0]["hs_code"], "293971");
    assert_eq!(case["goods"][0]["mass_kg"], 2.5);
    assert_eq!(case["goods"][1]["mass_kg"], Value::Null);
    let route: Vec<&str> = case["route"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["country"].as_str().unwrap())
        .collect();
    assert_eq!(route, ["BR", "PT", "FR"]);
    assert_eq!(case["persons"][0]["role"], "courier");
    assert_eq!(case["persons"][0]["person"]["family_name"], "Ivanoff");
    assert_eq!(
        case["persons"][0]["person"]["documents"][0]["number"],
        "72 1234567"
    );
    assert_eq!(case["companies"][0]["company"]["id"], json!(company_id));
    assert_eq!(
        case["conveyances"][0]["conveyance"]["identifier_norm"],
        "CSQU3054383"
    );
    let id = case["id"].as_str().unwrap();

    // The next reference follows; an analyst reads the same document.
    let second = create(&app, &c.officer, offence("2026-05-01T10:00:00+02:00")).await;
    assert_eq!(second["reference"], "MV-2026-000002");
    let res = app.get(&format!("/api/v1/seizures/{id}"), &c.analyst).await;
    assert_eq!(res.status(), 200);
    let read: Value = res.json().await.unwrap();
    assert_eq!(read, case);

    // The inline person now exists in the register with the case and role.
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let person: Value = app
        .get(&format!("/api/v1/persons/{person_id}"), &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(person["cases"][0]["reference"], "MV-2026-000001");
    assert_eq!(person["cases"][0]["role"], "courier");
    let firm: Value = app
        .get(&format!("/api/v1/companies/{company_id}"), &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(firm["cases"][0]["role"], "importer");

    // Audited: the creation (and the inline records), each read, with who read it.
    assert_eq!(app.audit_rows("seizure.create").await.len(), 2);
    assert_eq!(app.audit_rows("person.create").await.len(), 1);
    assert_eq!(app.audit_rows("conveyance.create").await.len(), 1);
    let reads = app.audit_rows("seizure.read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].1.as_deref(), Some("ana"));
    assert_eq!(reads[0].2.as_deref(), Some(id));
    assert_eq!(app.audit_rows("person.read").await.len(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_every_field_named_and_nothing_written() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let mut body = full_case(&uuid::Uuid::new_v4().to_string());
    body["detected_at"] = json!("2099-01-01T00:00:00Z");
    body["location_type"] = json!("volcano");
    body["detection_methods"] = json!(["xray_nii", "telepathy"]);
    body["goods"][0]["quantity"] = json!(-3);
    body["goods"][0]["commodity_type"] = json!("cigarettes");
    body["goods"][1]["quantity"] = json!(5e12);
    body["goods"][1]["commodity_group"] = json!("unicorns");
    body["goods"][1]["value"] = json!(10);
    body["route"][0]["position"] = json!(4);
    body["conveyances"][0]["conveyance"]["identifier"] = json!("CSQU3054384");
    body["persons"][0]["person"]["date_of_birth"] = json!("2090-01-01");
    let res = app.post("/api/v1/seizures", &c.officer, body).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let got = fields(&problem);
    for expected in [
        ("detected_at", "future"),
        ("location_type", "unknown_code"),
        ("detection_methods[1]", "unknown_code"),
        ("goods[0].quantity", "range"),
        ("goods[0].commodity_type", "mismatch"),
        ("goods[1].quantity", "range"),
        ("goods[1].commodity_group", "unknown_code"),
        ("goods[1].currency", "required"),
        ("route[0].position", "sequence"),
        ("conveyances[0].conveyance.identifier", "check_digit"),
        ("persons[0].person.date_of_birth", "future"),
        ("companies[0].company_id", "not_found"),
    ] {
        assert!(
            got.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} missing in {got:?}"
        );
    }
    for table in [
        "seizure_cases",
        "seizure_goods",
        "persons",
        "conveyances",
        "seizure_reference_counters",
    ] {
        assert_eq!(count(&app, table).await, 0, "{table} was written");
    }

    // Other classes: a seizure without goods, goods on an offence, a malformed body, a
    // link that names neither a record nor a new one, and an inline conveyance that is
    // already registered (409, and the case is not half-written).
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "detected_at": "2026-01-01T00:00:00Z" }),
        )
        .await;
    assert_eq!(
        fields(&assert_problem(res, 422, "validation_failed").await),
        [("goods".to_string(), "required".to_string())]
    );
    let mut body = offence("2026-01-01T00:00:00Z");
    body["goods"] = json!([{ "commodity_group": "drugs", "quantity": 1, "unit": "kg" }]);
    body["persons"] = json!([{ "role": "suspect" }]);
    let problem = assert_problem(
        app.post("/api/v1/seizures", &c.officer, body).await,
        422,
        "validation_failed",
    )
    .await;
    let got = fields(&problem);
    assert!(got.contains(&("goods".into(), "not_allowed".into())));
    assert!(got.contains(&("persons[0].person_id".into(), "one_of".into())));
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "goods": "lots" }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;
    let res = app
        .post(
            "/api/v1/seizures",
            &c.officer,
            json!({ "kind": "seizure", "colour": "red" }),
        )
        .await;
    assert_problem(res, 400, "bad_request").await;

    let company_id = company(&app, &c.officer, "Acme").await;
    create(&app, &c.officer, full_case(&company_id)).await;
    let cases_before = count(&app, "seizure_cases").await;
    let persons_before = count(&app, "persons").await;
    let res = app
        .post("/api/v1/seizures", &c.officer, full_case(&company_id))
        .await;
    assert_problem(res, 409, "conflict").await;
    assert_eq!(count(&app, "seizure_cases").await, cases_before);
    assert_eq!(count(&app, "persons").await, persons_before);
}

#[tokio::test]
async fn updates_need_the_current_version_and_every_change_is_in_the_history() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());

    let res = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&c.officer)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_problem(res, 428, "precondition_required").await;
    let res = app
        .patch(&path, &c.officer, 7, json!({ "narrative": "x" }))
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    let res = app
        .patch(
            &path,
            &c.officer,
            1,
            json!({ "goods": [{ "commodity_group": "drugs", "quantity": 0, "unit": "kg" }] }),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        fields(&problem),
        [("goods[0].quantity".to_string(), "range".to_string())]
    );

    let patch = json!({
        "narrative": "Corrected narrative",
        "customs_procedure": null,
        "route": [{ "position": 1, "country": "CO", "role": "origin" }, { "position": 2, "country": "FR", "role": "destination" }],
    });
    let res = app.patch(&path, &c.officer, 1, patch).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated["version"], 2);
    assert_eq!(updated["narrative"], "Corrected narrative");
    assert_eq!(updated["customs_procedure"], Value::Null);
    assert_eq!(updated["route"].as_array().unwrap().len(), 2);
    // Untouched parts stay as they were (goods rows are rewritten, so ids are new).
    let strip = |goods: &Value| {
        let mut goods = goods.clone();
        for g in goods.as_array_mut().unwrap() {
            g.as_object_mut().unwrap().remove("id");
        }
        goods
    };
    assert_eq!(strip(&updated["goods"]), strip(&case["goods"]));
    assert_eq!(
        updated["persons"][0]["person"]["id"],
        case["persons"][0]["person"]["id"]
    );

    let history: Value = app
        .get(&format!("{path}/history"), &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["action"], "create");
    assert_eq!(items[1]["action"], "update");
    assert_eq!(items[1]["version"], 2);
    assert_eq!(items[1]["actor_username"], "olga");
    let changes = &items[1]["changes"];
    assert_eq!(
        changes["narrative"]["old"],
        "Passenger Ivan Ivanoff carried cocaine from São Paulo"
    );
    assert_eq!(changes["narrative"]["new"], "Corrected narrative");
    assert_eq!(changes["customs_procedure"]["new"], Value::Null);
    assert!(changes.get("route").is_some());
    assert!(
        changes.get("goods").is_none(),
        "unchanged goods are not a change: {changes}"
    );
    assert_eq!(app.audit_rows("seizure.update").await.len(), 1);
    assert_eq!(app.audit_rows("seizure.history_read").await.len(), 1);
}

#[tokio::test]
async fn submitted_and_validated_cases_are_locked_until_a_supervisor_reopens_them() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = create(&app, &c.officer, offence("2026-02-01T12:00:00Z")).await;
    let id = case["id"].as_str().unwrap();
    let path = format!("/api/v1/seizures/{id}");

    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 1, None).await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        post_if(
            &app,
            &format!("{path}/reopen"),
            &c.supervisor,
            1,
            Some(json!({ "reason": "x" })),
        )
        .await,
        409,
        "conflict",
    )
    .await;
    let res = post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "submitted");
    assert_problem(
        app.patch(&path, &c.officer, 2, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.officer, 2, None).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &c.supervisor, 1, None).await,
        412,
        "precondition_failed",
    )
    .await;
    let res = post_if(&app, &format!("{path}/validate"), &c.supervisor, 2, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "validated");
    assert_problem(
        app.patch(&path, &c.officer, 3, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        app.patch(&path, &c.supervisor, 3, json!({ "place": "x" }))
            .await,
        409,
        "conflict",
    )
    .await;
    let res = post_if(
        &app,
        &format!("{path}/reopen"),
        &c.supervisor,
        3,
        Some(json!({ "reason": " " })),
    )
    .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = post_if(
        &app,
        &format!("{path}/reopen"),
        &c.supervisor,
        3,
        Some(json!({ "reason": "Wrong quantity" })),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "draft");
    let res = app
        .patch(&path, &c.officer, 4, json!({ "place": "Corrected" }))
        .await;
    assert_eq!(res.status(), 200);

    let history: Value = app
        .get(&format!("{path}/history"), &c.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["create", "submit", "validate", "reopen", "update"]
    );
    assert_eq!(history["items"][3]["reason"], "Wrong quantity");
    assert_eq!(
        history["items"][2]["changes"]["status"],
        json!({ "old": "submitted", "new": "validated" })
    );
    assert_eq!(app.audit_rows("seizure.validate").await.len(), 1);
    let reopen = app.audit_rows("seizure.reopen").await;
    assert_eq!(reopen[0].1.as_deref(), Some("sam"));
}

#[tokio::test]
async fn another_units_officers_read_but_cannot_change_and_admins_see_nothing() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let south = new_unit(&app, &c.admin, "SOUTH").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &south).await;
    let other_sup = user_in(&app, &c.admin, "suzy", &["supervisor"], &south).await;
    let case = create(&app, &c.officer, offence("2026-02-01T12:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());

    assert_eq!(app.get(&path, &other).await.status(), 200);
    assert_problem(
        app.patch(&path, &other, 1, json!({ "place": "x" })).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        post_if(&app, &format!("{path}/submit"), &other, 1, None).await,
        403,
        "forbidden",
    )
    .await;
    post_if(&app, &format!("{path}/submit"), &c.officer, 1, None).await;
    assert_problem(
        post_if(&app, &format!("{path}/validate"), &other_sup, 2, None).await,
        403,
        "forbidden",
    )
    .await;
    // Their own case is theirs.
    let own = create(&app, &other, offence("2026-02-02T12:00:00Z")).await;
    assert_eq!(own["reporting_unit_id"], json!(south));

    assert_problem(app.get(&path, &c.admin).await, 403, "forbidden").await;
    assert_problem(
        app.get("/api/v1/seizures", &c.admin).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(app.get("/api/v1/persons", &c.admin).await, 403, "forbidden").await;
    assert_problem(
        app.post(
            "/api/v1/seizures",
            &c.analyst,
            offence("2026-02-01T12:00:00Z"),
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    let missing = format!("/api/v1/seizures/{}", uuid::Uuid::new_v4());
    assert_problem(app.get(&missing, &c.analyst).await, 404, "not_found").await;
    assert_problem(
        app.patch(&missing, &c.officer, 1, json!({})).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(
        app.get("/api/v1/seizures/not-a-uuid", &c.analyst).await,
        404,
        "not_found",
    )
    .await;
}

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
    let full = create(&app, &c.officer, full_case(&company_id)).await;
    // 000002: an offence at a land border.
    let mut body = offence("2026-03-01T09:00:00Z");
    body["location_type"] = json!("land_border");
    body["direction"] = json!("export");
    body["narrative"] = json!("Déclaration fausse au café de la frontière");
    create(&app, &c.officer, body).await;
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
    let third = create(&app, &c.officer, body).await;
    let south = new_unit(&app, &c.admin, "SOUTH").await;
    let other = user_in(&app, &c.admin, "otto", &["officer"], &south).await;
    create(&app, &other, offence("2026-01-10T09:00:00Z")).await;

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
            "status=draft&kind=seizure",
            vec!["XX-2026-000003", "XX-2026-000001"],
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
    let t = &c.analyst;
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

    // Removing every leg and link empties both filters for the case.
    let res = app
        .patch(
            &path,
            &c.officer,
            3,
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

#[derive(QueryableByName)]
struct ReadRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    actor_username: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    object_type: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    ip: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    request_id: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    outcome: String,
}

/// `GET /seizures/{id}` is built by one SQL statement; create and update build the same
/// document with diesel queries. Both must agree on every field, for every kind of child.
#[tokio::test]
async fn the_single_statement_read_gives_exactly_the_document_that_create_and_update_give() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    let person_id = case["persons"][0]["person"]["id"].as_str().unwrap();
    let read: Value = app
        .get(&format!("/api/v1/seizures/{id}"), &c.analyst)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read, case);

    // Attachments, one person under two roles, a second person with two documents, a second
    // company and conveyance: then the update's response against the read.
    for (kind, name) in [("photo", "bag.png"), ("xray", "scan.png")] {
        let res =
            ncen_tests::upload(&app, &c.officer, &id, kind, name, ncen_tests::png(64, 48)).await;
        assert_eq!(res.status(), 201);
    }
    let other_company = company(&app, &c.officer, "Zeta Logistics SARL").await;
    let patch = json!({
        "narrative": "Two couriers, one of them also the organiser",
        "persons": [
            { "role": "courier", "person_id": person_id },
            { "role": "owner", "person_id": person_id },
            { "role": "driver", "person": {
                "family_name": "Łukasiewicz", "given_names": "Zoë Ana", "date_of_birth": "1990-12-24",
                "nationalities": ["PL", "FR"], "aliases": ["Zoe L."],
                "documents": [
                    { "document_type": "passport", "number": "EK 1234567", "issuing_country": "PL", "expires_on": "2031-01-31" },
                    { "document_type": "national_id_card", "number": "ABC123456", "issuing_country": "PL" }
                ]
            }}
        ],
        "companies": [
            { "role": "importer", "company_id": company_id },
            { "role": "exporter", "company_id": other_company }
        ],
        "conveyances": [
            { "role": "container", "conveyance_id": case["conveyances"][0]["conveyance"]["id"] },
            { "role": "carrying", "conveyance": {
                "conveyance_type": "container_vessel", "identifier_kind": "imo", "identifier": "IMO 9074729", "name": "Ever Given"
            }}
        ]
    });
    let res = app
        .patch(&format!("/api/v1/seizures/{id}"), &c.officer, 1, patch)
        .await;
    let status = res.status();
    let updated: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["persons"].as_array().unwrap().len(), 3);
    assert_eq!(updated["persons"][1]["person"]["id"], json!(person_id));
    assert_eq!(
        updated["persons"][2]["person"]["documents"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(updated["attachments"].as_array().unwrap().len(), 2);
    let res = app
        .client
        .get(app.url(&format!("/api/v1/seizures/{id}")))
        .bearer_auth(&c.analyst)
        .header("x-request-id", "read-check-42")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let read: Value = res.json().await.unwrap();
    assert_eq!(read, updated);

    // A case with no children at all.
    let bare = create(&app, &c.officer, offence("2026-05-01T10:00:00Z")).await;
    let read: Value = app
        .get(
            &format!("/api/v1/seizures/{}", bare["id"].as_str().unwrap()),
            &c.analyst,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read, bare);

    // The read's audit row, written by the same statement, says who, from where and which
    // request; an unknown case is 404 and writes nothing.
    let mut conn = app.db.conn().await;
    let rows: Vec<ReadRow> = diesel::sql_query(
        "SELECT actor_username, object_type, host(ip) AS ip, request_id, outcome FROM audit_events
          WHERE action = 'seizure.read' AND object_id = $1 ORDER BY id",
    )
    .bind::<diesel::sql_types::Text, _>(&id)
    .load(&mut conn)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2);
    let last = &rows[1];
    assert_eq!(last.actor_username.as_deref(), Some("ana"));
    assert_eq!(last.object_type.as_deref(), Some("seizure"));
    assert_eq!(last.ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(last.request_id.as_deref(), Some("read-check-42"));
    assert_eq!(last.outcome, "success");
    let before = count(&app, "audit_events").await;
    let res = app
        .get(
            "/api/v1/seizures/0190a5b0-0000-7000-8000-000000000000",
            &c.analyst,
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    assert_eq!(count(&app, "audit_events").await, before);
}

#[derive(QueryableByName)]
struct StoredDocument {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    document: Option<String>,
}

async fn stored_document(app: &TestApp, id: &str) -> Option<String> {
    let mut conn = app.db.conn().await;
    diesel::sql_query("SELECT document FROM seizure_case_documents WHERE case_id = $1::uuid")
        .bind::<diesel::sql_types::Text, _>(id)
        .get_result::<StoredDocument>(&mut conn)
        .await
        .unwrap()
        .document
}

async fn sql(app: &TestApp, statement: &str, id: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(statement)
        .bind::<diesel::sql_types::Text, _>(id)
        .execute(&mut conn)
        .await
        .unwrap();
}

async fn read_case(app: &TestApp, token: &str, id: &str) -> Value {
    let res = app.get(&format!("/api/v1/seizures/{id}"), token).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn version_of(app: &TestApp, token: &str, path: &str) -> i64 {
    let v: Value = app.get(path, token).await.json().await.unwrap();
    v["version"].as_i64().unwrap()
}

/// Reads are served from the stored document; every change that shows in a case clears it,
/// including changes to the records, unit and officer it shows; a document of another
/// rendering is never served.
#[tokio::test]
async fn stored_case_documents_are_served_and_cleared_by_every_change_they_show() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company_id = company(&app, &c.officer, "Acme Trading BV").await;
    let case = create(&app, &c.officer, full_case(&company_id)).await;
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(stored_document(&app, &id).await, None);
    assert_eq!(read_case(&app, &c.analyst, &id).await, case);
    let stored = stored_document(&app, &id)
        .await
        .expect("stored by the first read");
    assert_eq!(serde_json::from_str::<Value>(&stored).unwrap(), case);

    // Served as stored (the reads are audited all the same).
    sql(&app, r#"UPDATE seizure_case_documents SET document = '{"served":"from the store"}' WHERE case_id = $1::uuid"#, &id).await;
    assert_eq!(
        read_case(&app, &c.analyst, &id).await,
        json!({ "served": "from the store" })
    );
    // ...but only if this server rendered it.
    sql(
        &app,
        "UPDATE seizure_case_documents SET format = 'another build' WHERE case_id = $1::uuid",
        &id,
    )
    .await;
    assert_eq!(read_case(&app, &c.analyst, &id).await, case);
    assert_eq!(app.audit_rows("seizure.read").await.len(), 3);

    // Each change below shows in the next read.
    let person_id = case["persons"][0]["person"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/api/v1/persons/{person_id}");
    let v = version_of(&app, &c.officer, &path).await;
    let res = app
        .patch(
            &path,
            &c.officer,
            v,
            json!({ "given_names": "Ivan Petrovich" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["persons"][0]["person"]["given_names"],
        "Ivan Petrovich"
    );
    let res = app
        .patch(
            &path,
            &c.officer,
            v + 1,
            json!({ "documents": [
            { "document_type": "passport", "number": "72 7654321", "issuing_country": "RU" }
        ] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["persons"][0]["person"]["documents"][0]["number"],
        "72 7654321"
    );

    let path = format!("/api/v1/companies/{company_id}");
    let v = version_of(&app, &c.officer, &path).await;
    assert_eq!(
        app.patch(&path, &c.officer, v, json!({ "name": "Acme Holding BV" }))
            .await
            .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["companies"][0]["company"]["name"],
        "Acme Holding BV"
    );

    let conveyance_id = case["conveyances"][0]["conveyance"]["id"].as_str().unwrap();
    let path = format!("/api/v1/conveyances/{conveyance_id}");
    let v = version_of(&app, &c.officer, &path).await;
    assert_eq!(
        app.patch(
            &path,
            &c.officer,
            v,
            json!({ "notes": "Seen in Rotterdam" })
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["conveyances"][0]["conveyance"]["notes"],
        "Seen in Rotterdam"
    );

    let res = ncen_tests::upload(
        &app,
        &c.officer,
        &id,
        "xray",
        "scan.png",
        ncen_tests::png(32, 32),
    )
    .await;
    assert_eq!(res.status(), 201);
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["attachments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let path = format!("/api/v1/units/{}", c.root);
    let v = version_of(&app, &c.admin, &path).await;
    assert_eq!(
        app.patch(&path, &c.admin, v, json!({ "name": "National Customs HQ" }))
            .await
            .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["reporting_unit_name"],
        "National Customs HQ"
    );

    let officer_id = case["reporting_officer_id"].as_str().unwrap();
    let path = format!("/api/v1/users/{officer_id}");
    let v = version_of(&app, &c.admin, &path).await;
    assert_eq!(
        app.patch(
            &path,
            &c.admin,
            v,
            json!({ "display_name": "Olga Petrova" })
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        read_case(&app, &c.analyst, &id).await["reporting_officer_name"],
        "Olga Petrova"
    );

    let res = app
        .patch(
            &format!("/api/v1/seizures/{id}"),
            &c.officer,
            1,
            json!({ "place": "Terminal 2E" }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    let read = read_case(&app, &c.analyst, &id).await;
    assert_eq!(read["place"], "Terminal 2E");
    assert_eq!(read, updated);
}

/// `GET /seizures/{id}` checks the session and role in its own statement: the same rules as
/// every other route (sign-out, disabling, role changes and expiry act at once), and nothing
/// is audited for a refused read.
#[tokio::test]
async fn the_case_read_checks_the_session_and_role_like_every_route() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let case = create(&app, &c.officer, offence("2026-05-01T10:00:00Z")).await;
    let path = format!("/api/v1/seizures/{}", case["id"].as_str().unwrap());
    let (reader_id, password) = app.create_user(&c.admin, "rita", &["investigator"]).await;
    let rita = app.token("rita", &password).await;
    assert_eq!(app.get(&path, &rita).await.status(), 200);
    let reads = app.audit_rows("seizure.read").await.len();

    // No token, a bad one, one signed with another key.
    let res = app.client.get(app.url(&path)).send().await.unwrap();
    assert_problem(res, 401, "unauthenticated").await;
    assert_problem(app.get(&path, "not-a-jwt").await, 401, "unauthenticated").await;
    // A role without case access: 403, whether or not the case exists.
    let user = format!("/api/v1/users/{reader_id}");
    assert_eq!(
        app.patch(&user, &c.admin, 1, json!({ "roles": ["admin"] }))
            .await
            .status(),
        200
    );
    assert_problem(app.get(&path, &rita).await, 403, "forbidden").await;
    assert_problem(
        app.get(
            "/api/v1/seizures/0190a5b0-0000-7000-8000-000000000000",
            &rita,
        )
        .await,
        403,
        "forbidden",
    )
    .await;
    assert_eq!(
        app.patch(&user, &c.admin, 2, json!({ "roles": ["analyst"] }))
            .await
            .status(),
        200
    );
    assert_eq!(app.get(&path, &rita).await.status(), 200);
    // Disabled: the same token stops working at once.
    assert_eq!(
        app.patch(&user, &c.admin, 3, json!({ "disabled": true }))
            .await
            .status(),
        200
    );
    assert_problem(app.get(&path, &rita).await, 401, "unauthenticated").await;
    assert_eq!(app.audit_rows("seizure.read").await.len(), reads + 1);

    // Signed out: the session is revoked and its token refused.
    let c2 = ncen_tests::client();
    let login: Value = app
        .login_with(&c2, "ana", "a-strong-passphrase-1")
        .await
        .json()
        .await
        .unwrap();
    let access = login["access_token"].as_str().unwrap().to_string();
    assert_eq!(app.get(&path, &access).await.status(), 200);
    assert_eq!(
        c2.post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_problem(app.get(&path, &access).await, 401, "unauthenticated").await;
}
