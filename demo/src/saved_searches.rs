//! The saved searches' demo: the national analyst's rule "Cocaine from Ecuador" (the demo's
//! emerging route), shared with her unit, saved two months ago — so the cases recorded since
//! are its hits and she was notified of them, as the worker does for a running server.
//! The cases the demo wrote before the rule was saved are taken off the queue: a rule
//! alerts on what enters nCEN after it. A second rule watches the company register
//! ("Companies in Ecuador"): it fires when a company of Ecuador is registered or corrected.

use crate::alerts::user;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::searches::dto::{CompanySearch, SavedSearchInput, SearchTarget, SeizureSearch};

pub const RULE: &str = "Cocaine from Ecuador";
/// The analyst's register rule: companies of Ecuador (the emerging route's exporters).
pub const COMPANY_RULE: &str = "Companies in Ecuador";

/// Saves the rule and checks the cases recorded since; returns its hits.
pub async fn create(conn: &mut AsyncPgConnection) -> anyhow::Result<i32> {
    let (analyst, actor) = user(conn, "ncu.analyst").await?;
    let rule = ncen_core::searches::create(
        conn,
        &analyst,
        &actor,
        SavedSearchInput {
            name: RULE.into(),
            target: SearchTarget::Seizures,
            query: serde_json::to_value(SeizureSearch {
                commodity_type: Some("cocaine".into()),
                route_country: Some("EC".into()),
                ..Default::default()
            })?,
            shared: true,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    diesel::sql_query(
        "UPDATE saved_searches SET created_at = now() - interval '60 days', \
         updated_at = now() - interval '60 days' WHERE id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(rule.id)
    .execute(conn)
    .await?;
    diesel::sql_query(
        "DELETE FROM saved_search_queue q USING seizure_cases c \
          WHERE c.id = q.case_id AND c.created_at < now() - interval '60 days'",
    )
    .execute(conn)
    .await?;
    // the records the demo registered are not news either
    diesel::sql_query("DELETE FROM saved_search_record_queue")
        .execute(conn)
        .await?;
    ncen_core::searches::worker::drain(conn, ncen_core::screening::Thresholds::default())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let hits = ncen_core::searches::get(conn, &analyst, rule.id)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .hits;
    // a register rule: any company registered (or corrected) in Ecuador from now on
    ncen_core::searches::create(
        conn,
        &analyst,
        &actor,
        SavedSearchInput {
            name: COMPANY_RULE.into(),
            target: SearchTarget::Companies,
            query: serde_json::to_value(CompanySearch {
                country: Some("EC".into()),
                ..Default::default()
            })?,
            shared: true,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(hits)
}
