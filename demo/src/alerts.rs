//! The watch list: alerts of the national unit (owned by `ncu.investigator`, activated by
//! `ncu.supervisor`) — active ones on the Arabic-script person of `lookalikes`, on OKONKWO
//! Chinedu, on a company and on a container that appear in demo cases; a draft awaiting
//! activation; an expired and a withdrawn one. After the bulk load, the queue of checks is
//! emptied (loaded history is not data *entering* nCEN); then one new case recorded at
//! Paris-CDG names "BENSALEH Abdelkader, 1979", and the company and container cases are
//! checked, so the hit queue has hits with near-miss spellings and exact identifiers.
//!
//! Everything goes through the services (audited, notified) as the demo users.

use anyhow::{anyhow, Context};
use chrono::{Duration, Months, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use ncen_core::alerts::{check, service};
use ncen_core::audit::Actor;
use ncen_core::auth::{Principal, Role};
use serde_json::{json, Value};
use uuid::Uuid;

#[derive(Debug, Default, serde::Serialize)]
pub struct Counts {
    pub alerts: u64,
    pub hits: u64,
}

#[derive(QueryableByName)]
struct UserRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    unit_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Array<Text>)]
    roles: Vec<String>,
    #[diesel(sql_type = Text)]
    display_name: String,
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

pub(super) async fn user(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> anyhow::Result<(Principal, Actor)> {
    let row: UserRow =
        diesel::sql_query("SELECT id, unit_id, roles, display_name FROM users WHERE username = $1")
            .bind::<Text, _>(username)
            .get_result(conn)
            .await
            .with_context(|| format!("demo user {username}"))?;
    let principal = Principal {
        id: row.id,
        username: username.to_string(),
        display_name: row.display_name,
        unit_id: row.unit_id,
        roles: row.roles.iter().filter_map(|r| Role::parse(r)).collect(),
        session_id: Uuid::nil(),
    };
    let actor = Actor::user(row.id, username, None, Some("demo".into()));
    Ok((principal, actor))
}

async fn one_id(conn: &mut AsyncPgConnection, sql: &str) -> anyhow::Result<Option<Uuid>> {
    let rows: Vec<IdRow> = diesel::sql_query(sql).load(conn).await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}

fn date(d: NaiveDate) -> Value {
    json!(d.to_string())
}

/// Writes the alerts, activates most, and lets the matching worker record their hits.
pub async fn create(
    conn: &mut AsyncPgConnection,
    country: &str,
    thresholds: ncen_core::screening::Thresholds,
) -> anyhow::Result<Counts> {
    // the bulk load queued every record it wrote: that is history, not data entering nCEN
    conn.batch_execute("DELETE FROM match_queue").await?;
    let (owner, owner_actor) = user(conn, "ncu.investigator").await?;
    let (chief, chief_actor) = user(conn, "ncu.supervisor").await?;
    let today = Utc::now().date_naive();
    let months = |n: u32| today.checked_add_months(Months::new(n)).unwrap_or(today);
    let mut counts = Counts::default();

    // the fixed persons of `lookalikes` (ids by position)
    let lookalike = |i: u128| Uuid::from_u128(0x6e63_656e_0000_4000_8000_0000_0000_0000 | i);
    let company = one_id(
        conn,
        "SELECT company_id AS id FROM seizure_case_companies GROUP BY company_id \
         ORDER BY count(*) DESC, company_id LIMIT 1",
    )
    .await?;
    let container: Option<(String, Uuid)> = {
        #[derive(QueryableByName)]
        struct C {
            #[diesel(sql_type = Text)]
            identifier: String,
            #[diesel(sql_type = SqlUuid)]
            id: Uuid,
        }
        let rows: Vec<C> = diesel::sql_query(
            "SELECT v.identifier, v.id FROM conveyances v \
             JOIN seizure_case_conveyances l ON l.conveyance_id = v.id \
             WHERE v.identifier_kind = 'container' ORDER BY v.identifier LIMIT 1",
        )
        .load(conn)
        .await?;
        rows.into_iter().next().map(|c| (c.identifier, c.id))
    };

    let mut specs: Vec<(Value, &str)> = vec![
        (
            json!({
                "subject_kind": "person", "person_id": lookalike(0),
                "reason": "Courier for a cannabis-resin network between Oran and Marseille; \
                           travels on an Algerian passport. Source: joint operation MEDINA, report 14.",
                "risk_level": "high", "requested_action": "discreet_check",
                "handling_instructions": "Do not alert the subject. Note travel companions and luggage; call the owner at once.",
                "valid_from": date(today - Duration::days(20)), "valid_until": date(months(6)),
            }),
            "active",
        ),
        (
            json!({
                "subject_kind": "person", "person_id": lookalike(6),
                "reason": "Recruits couriers at Lagos airport; two couriers seized at CDG named him.",
                "risk_level": "medium", "requested_action": "control",
                "handling_instructions": "Full baggage control; X-ray of the luggage.",
                "valid_until": date(months(9)),
            }),
            "active",
        ),
        (
            json!({
                "subject_kind": "person", "person_id": lookalike(1),
                "reason": "Cigarette smuggling by truck from Belarus; suspected organiser.",
                "risk_level": "medium", "requested_action": "inform_owner",
                "valid_until": date(months(12)),
            }),
            "active",
        ),
        (
            json!({
                "subject_kind": "person", "person_id": lookalike(5),
                "reason": "Named by an informant; to be confirmed before activation.",
                "risk_level": "low", "requested_action": "inform_owner",
                "valid_until": date(months(3)),
            }),
            "draft",
        ),
        (
            json!({
                "subject_kind": "identifier", "identifier_kind": "phone", "identifier": "+33 6 98 76 54 32",
                "reason": "Phone used to arrange pick-ups of parcels with counterfeit watches.",
                "risk_level": "low", "requested_action": "inform_owner",
                "valid_until": date(months(2)),
            }),
            "withdrawn",
        ),
    ];
    if let Some(c) = company {
        specs.push((
            json!({
                "subject_kind": "company", "company_id": c,
                "reason": "Importer under investigation for undervaluation of textiles (cases with the same consignor).",
                "risk_level": "high", "requested_action": "control",
                "handling_instructions": "Check the declared values against the invoices.",
                "valid_until": date(months(8)),
            }),
            "active_checked",
        ));
    }
    if let Some((identifier, _)) = &container {
        specs.push((
            json!({
                "subject_kind": "identifier", "identifier_kind": "container", "identifier": identifier,
                "reason": "Container reused for concealment; a false floor was found once.",
                "risk_level": "critical", "requested_action": "detain",
                "handling_instructions": "Hold the container and call the owner before opening.",
                "valid_until": date(months(4)),
            }),
            "active_checked",
        ));
    }
    specs.push((
        json!({
            "subject_kind": "identifier", "identifier_kind": "plate", "identifier": "GH-482-KL",
            "reason": "Van used for cigarette runs from Andorra in 2025.",
            "risk_level": "low", "requested_action": "inform_owner",
            "valid_until": date(months(12)),
        }),
        "expired",
    ));

    for (body, fate) in specs {
        let input = serde_json::from_value(body)?;
        let alert = service::create(conn, &owner, &owner_actor, country, input)
            .await
            .map_err(|e| anyhow!("demo alert: {e}"))?;
        counts.alerts += 1;
        match fate {
            "draft" => continue,
            "withdrawn" => {
                let active = service::activate(conn, &chief, &chief_actor, alert.id, alert.version)
                    .await
                    .map_err(|e| anyhow!("demo alert activation: {e}"))?;
                let input = serde_json::from_value(
                    json!({ "reason": "The number was given up after the arrests in March." }),
                )?;
                service::withdraw(conn, &owner, &owner_actor, alert.id, active.version, input)
                    .await
                    .map_err(|e| anyhow!("demo alert withdrawal: {e}"))?;
            }
            "expired" => {
                service::activate(conn, &chief, &chief_actor, alert.id, alert.version)
                    .await
                    .map_err(|e| anyhow!("demo alert activation: {e}"))?;
                // valid for the 12 months that ended last month: the expiry job ends it
                diesel::sql_query(
                    "UPDATE alerts SET valid_from = $2::date - interval '13 months', \
                     valid_until = $2::date - interval '1 month' WHERE id = $1",
                )
                .bind::<SqlUuid, _>(alert.id)
                .bind::<diesel::sql_types::Date, _>(today)
                .execute(conn)
                .await?;
                service::expire(conn)
                    .await
                    .map_err(|e| anyhow!("demo expiry: {e}"))?;
            }
            _ => {
                service::activate(conn, &chief, &chief_actor, alert.id, alert.version)
                    .await
                    .map_err(|e| anyhow!("demo alert activation: {e}"))?;
            }
        }
    }

    // Data that enters now is checked: the company's and the container's cases again…
    if let Some(c) = company {
        diesel::sql_query(
            "INSERT INTO match_queue (record_kind, record_id, case_id) \
             SELECT 'company', company_id, case_id FROM seizure_case_companies \
             WHERE company_id = $1 ORDER BY case_id DESC LIMIT 3",
        )
        .bind::<SqlUuid, _>(c)
        .execute(conn)
        .await?;
    }
    if let Some((_, v)) = container {
        diesel::sql_query(
            "INSERT INTO match_queue (record_kind, record_id, case_id) \
             SELECT 'conveyance', conveyance_id, case_id FROM seizure_case_conveyances \
             WHERE conveyance_id = $1",
        )
        .bind::<SqlUuid, _>(v)
        .execute(conn)
        .await?;
    }
    // …OKONKWO's second entry (a typo in the name and the passport), corrected today…
    diesel::sql_query("INSERT INTO match_queue (record_kind, record_id) VALUES ('person', $1)")
        .bind::<SqlUuid, _>(lookalike(7))
        .execute(conn)
        .await?;
    // …and a passenger stopped at Paris-CDG, recorded in Latin letters, hits the alert
    // written from an Arabic passport.
    let (officer, officer_actor) = user(conn, "cdg-pax.officer1").await?;
    let case = json!({
        "kind": "seizure",
        "detected_at": (Utc::now() - Duration::hours(3)).to_rfc3339(),
        "place": "Paris-CDG Terminal 2E, green channel",
        "location_type": "airport",
        "unlocode": "FRCDG",
        "country": "FR",
        "direction": "import",
        "detection_methods": ["risk_profiling"],
        "summary_non_nominal": "Cannabis resin in the lining of a suitcase",
        "narrative": "Passenger from Algiers stopped in the green channel; 4 kg of resin sewn into the lining of his suitcase.",
        "goods": [{ "commodity_group": "drugs", "commodity_type": "cannabis_resin", "quantity": 4, "unit": "kg" }],
        "route": [
            { "position": 1, "country": "DZ", "role": "origin", "place": "Algiers" },
            { "position": 2, "country": "FR", "role": "destination" }
        ],
        "persons": [{ "role": "courier", "person": {
            "family_name": "Bensaleh", "given_names": "Abdelkader", "date_of_birth": "1979",
            "nationalities": ["DZ"], "gender": "male"
        }}]
    });
    let input = serde_json::from_value(case)?;
    ncen_core::seizures::service::create(conn, &officer, &officer_actor, country, input)
        .await
        .map_err(|e| anyhow!("demo case for the alert: {e}"))?;
    check::drain(conn, thresholds)
        .await
        .map_err(|e| anyhow!("demo alert checks: {e}"))?;
    let hits: Vec<IdRow> = diesel::sql_query("SELECT id FROM alert_hits")
        .load(conn)
        .await?;
    counts.hits = hits.len() as u64;
    Ok(counts)
}
