//! The workflow over HTTP: every status × every target status × every standing (a team
//! member, the lead, a supervisor of the unit) answers as `workflow::rule` says — the move, 403
//! `investigation_role` when it is someone else's, 409 when the workflow has no such move —
//! and a refused move changes nothing.

use super::{opened, step, unit, Unit};
use crate::alerts::ok;
use ncen_core::investigations::workflow::{may, rule, InvestigationStatus as S, Standing};
use ncen_tests::TestApp;
use serde_json::{json, Value};

async fn move_to(app: &TestApp, token: &str, inv: &Value, to: S) -> reqwest::Response {
    if to == S::Closed {
        let path = format!(
            "/api/v1/investigations/{}/transitions",
            inv["id"].as_str().unwrap()
        );
        let version = inv["version"].as_i64().unwrap();
        crate::alerts::post_if(
            app,
            &path,
            token,
            version,
            json!({ "to": "closed", "reason": "matrix", "outcome": "no_offence" }),
        )
        .await
    } else {
        step(app, token, inv, to.as_str()).await
    }
}

/// A fresh investigation (lead and member named) in `status`, the way the workflow gets there.
async fn reach(app: &TestApp, u: &Unit, status: S) -> Value {
    let inv = opened(app, u, json!({ "members": [{ "user_id": u.member_id }] })).await;
    let path: &[(S, bool)] = match status {
        S::Opened => &[],
        S::Assigned => &[(S::Assigned, true)],
        S::InProgress => &[(S::Assigned, true), (S::InProgress, false)],
        S::UnderReview => &[
            (S::Assigned, true),
            (S::InProgress, false),
            (S::UnderReview, false),
        ],
        S::Suspended => &[
            (S::Assigned, true),
            (S::InProgress, false),
            (S::Suspended, true),
        ],
        S::Closed => &[(S::Closed, true)],
        S::Reopened => &[(S::Closed, true), (S::Reopened, true)],
    };
    let mut inv = inv;
    for (to, by_chief) in path {
        let token = if *by_chief { &u.chief } else { &u.lead };
        inv = ok(move_to(app, token, &inv, *to).await).await;
    }
    assert_eq!(inv["status"], status.as_str());
    inv
}

#[tokio::test]
async fn every_move_for_every_standing() {
    let app = TestApp::spawn().await;
    let u = unit(&app).await;
    let standings = [
        (Standing::Member, u.member.clone()),
        (Standing::Lead, u.lead.clone()),
        (Standing::Supervisor, u.chief.clone()),
    ];
    let mut allowed = Vec::new();
    for from in S::ALL.iter().copied() {
        let inv = reach(&app, &u, from).await;
        let suspended_from = (from == S::Suspended).then_some(S::InProgress);
        for to in S::ALL.iter().copied() {
            let who = rule(from, to, suspended_from);
            for (standing, token) in &standings {
                if who.is_some_and(|w| may(*standing, w)) {
                    allowed.push((from, to, token.clone()));
                    continue;
                }
                let res = move_to(&app, token, &inv, to).await;
                let status = res.status().as_u16();
                let body: Value = res.json().await.unwrap();
                let want = if who.is_some() {
                    (403, "investigation_role")
                } else {
                    (409, "no_such_move")
                };
                assert_eq!(
                    (status, body["code"].as_str().unwrap()),
                    want,
                    "{from} → {to} by {standing:?}: {body}"
                );
            }
        }
        // nothing moved
        let now = ok(app
            .get(
                &format!("/api/v1/investigations/{}", inv["id"].as_str().unwrap()),
                &u.chief,
            )
            .await)
        .await;
        assert_eq!(now["status"], from.as_str());
        assert_eq!(now["version"], inv["version"]);
    }
    assert!(allowed.len() >= 20, "{}", allowed.len());
    for (from, to, token) in allowed {
        let inv = reach(&app, &u, from).await;
        let moved = ok(move_to(&app, &token, &inv, to).await).await;
        assert_eq!(moved["status"], to.as_str(), "{from} → {to}");
        if to == S::Suspended {
            assert_eq!(moved["suspended_from"], from.as_str());
        }
    }
}
