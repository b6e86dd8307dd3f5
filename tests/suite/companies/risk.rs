//! The linked-companies factor: a company whose own score turns high raises the scores of
//! the companies linked to it (a director or an address shared with it) and falls back when
//! it is no longer high, but never through a hub: a nominee director holding more than 20
//! positions, or a formation agent's address of more than 20 companies.

use super::id;
use crate::alerts::created;
use crate::seizures::crew;
use ncen_tests::TestApp;
use serde_json::{json, Value};

/// The `linked_companies` contribution's company ids, if any.
fn linked(risk: &Value) -> Vec<String> {
    risk["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["factor"] == "linked_companies")
        .flat_map(|c| c["refs"].as_array().unwrap().iter())
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_high_risk_company_raises_its_links_but_not_through_hubs() {
    let app = TestApp::spawn().await;
    let c = crew(&app).await;
    let company = |name: String, street: &'static str| {
        let app = &app;
        let token = c.officer.clone();
        async move {
            let v: Value = created(
                app.post(
                    "/api/v1/companies",
                    &token,
                    json!({ "name": name, "country": "FR", "addresses": [
                        { "kind": "registered", "street": street, "postcode": "75008", "city": "Paris", "country": "FR" }
                    ] }),
                )
                .await,
            )
            .await;
            id(&v)
        }
    };
    let person = |family: &'static str| {
        let app = &app;
        let token = c.officer.clone();
        async move {
            let v: Value = created(
                app.post(
                    "/api/v1/persons",
                    &token,
                    json!({ "family_name": family, "given_names": "Jean" }),
                )
                .await,
            )
            .await;
            id(&v)
        }
    };
    let director = |company: String, person: String| {
        let app = &app;
        let token = c.officer.clone();
        async move {
            created(
                app.post(
                    &format!("/api/v1/companies/{company}/people"),
                    &token,
                    json!({ "person_id": person, "role": "director" }),
                )
                .await,
            )
            .await;
        }
    };
    let hub_street = "1 Avenue des Formalites";
    let a = company("Risky Holding".into(), hub_street).await;
    let by_director = company("Director Friend".into(), "9 Rue Basse").await;
    let by_address = company("Address Friend".into(), hub_street).await;
    let behind_nominee = company("Nominee Client".into(), "3 Rue Haute").await;
    let real = person("Reel").await;
    director(a.clone(), real.clone()).await;
    director(by_director.clone(), real).await;
    // the formation agent's address holds 21 companies: no link through it
    let mut at_hub = vec![by_address.clone()];
    for n in 0..19 {
        at_hub.push(company(format!("Shelf {n}"), hub_street).await);
    }
    // the nominee directs 21 companies: no link through him
    let nominee = person("Prete-Nom").await;
    director(a.clone(), nominee.clone()).await;
    director(behind_nominee.clone(), nominee.clone()).await;
    for n in 0..19 {
        let shell = company(format!("Nominee Shell {n}"), "5 Rue Large").await;
        director(shell, nominee.clone()).await;
    }
    // two flags make A's own score high (80): its links are queued and recomputed
    let flag = |points: i64| {
        let app = &app;
        let token = c.analyst.clone();
        let a = a.clone();
        async move {
            let v: Value = created(
                app.post(
                    &format!("/api/v1/companies/{a}/flags"),
                    &token,
                    json!({ "points": points, "reason": "intelligence" }),
                )
                .await,
            )
            .await;
            id(&v)
        }
    };
    flag(40).await;
    let second = flag(40).await;
    let risk_of = |company: String| {
        let app = &app;
        let token = c.analyst.clone();
        async move { super::settled_risk(app, &token, &company).await }
    };
    let risk = risk_of(a.clone()).await;
    assert_eq!(risk["score"], 80, "{risk}");
    let flags = risk["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["factor"] == "manual_flags")
        .unwrap();
    assert_eq!(flags["refs"].as_array().unwrap().len(), 2, "{risk}");
    let risk = risk_of(by_director.clone()).await;
    assert_eq!(linked(&risk), vec![a.clone()], "{risk}");
    assert_eq!(risk["score"], 10, "{risk}");
    for other in [&by_address, &behind_nominee] {
        let risk = risk_of(other.clone()).await;
        assert!(linked(&risk).is_empty(), "{risk}");
    }

    // one company leaves the address: 20 companies there, below the hub limit. A's next
    // crossings of the threshold (down, then up) queue the address friend too
    let shelf = at_hub.pop().unwrap();
    let res = app
        .patch(
            &format!("/api/v1/companies/{shelf}"),
            &c.officer,
            1,
            json!({ "addresses": [{ "kind": "registered", "street": "77 Quai Neuf", "postcode": "75008",
                                    "city": "Paris", "country": "FR" }] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .client
        .delete(app.url(&format!("/api/v1/companies/{a}/flags/{second}")))
        .bearer_auth(&c.analyst)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let risk = risk_of(by_director.clone()).await;
    assert!(linked(&risk).is_empty(), "A fell to 40: {risk}");
    assert_eq!(risk["score"], 0, "{risk}");
    flag(40).await;
    let risk = risk_of(by_address.clone()).await;
    assert_eq!(linked(&risk), vec![a.clone()], "20 at the address: {risk}");
    let risk = risk_of(behind_nominee).await;
    assert!(linked(&risk).is_empty(), "{risk}");
}
