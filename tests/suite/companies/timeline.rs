//! A company's timeline: its case, the investigations and alert on it and a warning watching
//! it, newest first and paged; need-to-know — an investigation of another unit and another
//! unit's alert only counted, threads only for their participants, another unit's draft case
//! left out.

use crate::alerts::{created, ok};
use crate::investigations::{opened, unit};
use crate::seizures::{full_case, submitted, user_in};
use ncen_tests::{assert_problem, TestApp};
use serde_json::{json, Value};

fn kinds(t: &Value) -> Vec<String> {
    let mut k: Vec<String> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    k.sort();
    k
}

#[tokio::test]
async fn a_company_s_timeline_as_each_reader_may_see_it() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let company = created(
        app.post(
            "/api/v1/companies",
            &u.member,
            json!({ "name": "Orion Textiles", "country": "FR" }),
        )
        .await,
    )
    .await;
    let cid = company["id"].as_str().unwrap();
    let case = submitted(&app, &u.member, full_case(cid)).await;
    // a draft of an officer of the other unit: shown to them, not to this unit
    let me: Value = ok(app.get("/api/v1/me", &u.outsider).await).await;
    let oleg = user_in(
        &app,
        &u.admin,
        "oleg",
        &["officer"],
        me["unit_id"].as_str().unwrap(),
    )
    .await;
    created(
        app.post(
            "/api/v1/seizures",
            &oleg,
            json!({ "kind": "offence", "detected_at": "2026-06-02T08:30:00Z", "place": "Lille",
                    "companies": [{ "role": "importer", "company_id": cid }] }),
        )
        .await,
    )
    .await;
    let inv = opened(
        &app,
        &u,
        json!({ "links": [{ "target_kind": "company", "target_id": cid, "role": "front" }] }),
    )
    .await;
    let theirs = created(
        app.post(
            "/api/v1/investigations",
            &u.outside_chief,
            json!({ "title": "Textile undervaluation", "priority": "medium",
                    "legal_basis": "Code des douanes, art. 426", "offence_types": ["drug_trafficking"],
                    "lead_id": me["id"],
                    "links": [{ "target_kind": "company", "target_id": cid, "role": "suspect" }] }),
        )
        .await,
    )
    .await;
    let alert = created(
        app.post(
            "/api/v1/alerts",
            &u.lead,
            json!({ "subject_kind": "company", "company_id": cid,
                    "reason": "Front of the Orion network", "risk_level": "high",
                    "requested_action": "discreet_check",
                    "valid_until": (chrono::Utc::now() + chrono::Duration::days(90)).date_naive() }),
        )
        .await,
    )
    .await;
    let due = chrono::Utc::now() + chrono::Duration::days(7);
    let thread = created(
        app.post(
            "/api/v1/threads",
            &u.lead,
            json!({ "subject": "Orion Textiles consignments", "participants": [{ "user_id": u.member_id }],
                    "body": "Please control their next consignment.",
                    "template": { "kind": "warning",
                        "watch": { "type": "company", "register_id": cid, "description": "Orion Textiles" },
                        "action_requested": "Examine on arrival.", "feedback_due": due.to_rfc3339() } }),
        )
        .await,
    )
    .await;

    let path = format!("/api/v1/companies/{cid}/timeline");
    // the lead: the case, their investigation, their unit's alert, the warning they wrote
    let t = ok(app.get(&path, &u.lead).await).await;
    assert_eq!(
        kinds(&t),
        ["alert", "case", "investigation", "message"],
        "{t}"
    );
    assert_eq!(t["restricted"], json!({ "investigations": 1, "alerts": 0 }));
    let find = |t: &Value, kind: &str| -> Value {
        t["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == kind)
            .cloned()
            .unwrap()
    };
    let c = find(&t, "case");
    assert_eq!(c["id"], case["id"]);
    assert_eq!(c["reference"], case["reference"]);
    assert_eq!(c["detail"], "importer");
    let i = find(&t, "investigation");
    assert_eq!(i["id"], inv["id"]);
    assert_eq!(i["title"], "Cocaine couriers through CDG");
    assert_eq!(i["detail"], "front");
    assert_eq!(find(&t, "alert")["reference"], alert["reference"]);
    let m = find(&t, "message");
    assert_eq!(m["id"], thread["id"]);
    assert_eq!(m["detail"], "warning");
    // newest first
    let times: Vec<&str> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["at"].as_str().unwrap())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);

    // the member (an officer of the unit): not on either team, both investigations counted;
    // the unit's alert, and the warning sent to them
    let t = ok(app.get(&path, &u.member).await).await;
    assert_eq!(kinds(&t), ["alert", "case", "message"], "{t}");
    assert_eq!(t["restricted"], json!({ "investigations": 2, "alerts": 0 }));

    // the other unit's investigator: the case and their investigation; the rest counted
    let t = ok(app.get(&path, &u.outsider).await).await;
    assert_eq!(kinds(&t), ["case", "investigation"], "{t}");
    assert_eq!(find(&t, "investigation")["id"], theirs["id"]);
    assert_eq!(t["restricted"], json!({ "investigations": 1, "alerts": 1 }));
    // the other unit's officer: their own draft too
    let t = ok(app.get(&path, &oleg).await).await;
    assert_eq!(kinds(&t), ["case", "case"], "{t}");
    assert_eq!(t["restricted"], json!({ "investigations": 2, "alerts": 1 }));

    // pages of one: the same events, once each
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let p = match &cursor {
            Some(c) => format!("{path}?limit=1&cursor={c}"),
            None => format!("{path}?limit=1"),
        };
        let page = ok(app.get(&p, &u.lead).await).await;
        for e in page["items"].as_array().unwrap() {
            seen.push(e["id"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 4);

    // bad input
    assert_problem(
        app.get(&format!("{path}?limit=0"), &u.lead).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get(&format!("{path}?cursor=zz"), &u.lead).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        app.get(&format!("{path}?order=asc"), &u.lead).await,
        400,
        "bad_request",
    )
    .await;
    let unknown = format!("/api/v1/companies/{}/timeline", uuid::Uuid::new_v4());
    assert_problem(app.get(&unknown, &u.lead).await, 404, "not_found").await;
}

/// A risk recomputation is no change to check against alerts: writing the risk columns queues
/// no alert check (and no duplicate probe) of the company, a change of its data does. Both in
/// one uncommitted transaction, so the server's worker cannot take the rows first.
#[tokio::test]
async fn a_risk_recomputation_queues_no_alert_check() {
    use diesel::sql_types::BigInt;
    use diesel_async::{AsyncConnection, RunQueryDsl};
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let company = created(
        app.post(
            "/api/v1/companies",
            &u.member,
            json!({ "name": "Meridian Holding", "country": "NL" }),
        )
        .await,
    )
    .await;
    let id = company["id"].as_str().unwrap().to_string();
    let mut conn = app.db.conn().await;
    conn.begin_test_transaction().await.unwrap();
    let count = format!(
        "SELECT count(*) AS n FROM match_queue WHERE record_id = '{id}' AND enqueued_at = now()"
    );
    diesel::sql_query(format!(
        "UPDATE companies SET risk_score = 70, risk_own = 70, risk_explanation = '[]', risk_at = now() WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let n: N = diesel::sql_query(count.clone())
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(n.n, 0, "a risk update queued a check");
    diesel::sql_query(format!(
        "UPDATE companies SET notes = 'Front company' WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let n: N = diesel::sql_query(count)
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(n.n, 1, "a data change queues one");
}
