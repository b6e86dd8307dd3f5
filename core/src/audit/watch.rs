//! Watching the volume of reads, from the audit trail itself (so every instance sees the
//! same counts): a user who pages through the registers' personal data faster than anyone
//! at work would raises an `alert.bulk_read` event, and list pages per user and minute can
//! be capped (429).

use super::Actor;
use crate::error::{Error, Result};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Inet, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// The limits (`NCEN_BULK_READ_*`, `NCEN_LIST_PAGES_PER_MINUTE`).
#[derive(Debug, Clone, Copy)]
pub struct ReadWatch {
    /// Records of personal data one user may receive within `window_secs` before an alert
    /// is raised (0: never).
    pub alert_records: i64,
    pub window_secs: i64,
    /// List and search pages one user may ask for per minute (0: no limit); more is 429.
    pub pages_per_minute: i64,
}

/// Searches whose audit row lists the records returned (`details.returned`).
const NOMINAL_SEARCHES: [&str; 6] = [
    "person.search",
    "company.search",
    "conveyance.search",
    "screening.person",
    "screening.company",
    "screening.batch",
];
/// Reads of one nominal record each.
const NOMINAL_READS: [&str; 6] = [
    "person.read",
    "company.read",
    "conveyance.read",
    "seizure.read",
    "alert.read",
    "alert_hit.read",
];
/// Pages of lists and searches.
const PAGES: [&str; 7] = [
    "person.search",
    "company.search",
    "conveyance.search",
    "seizure.list",
    "screening.person",
    "screening.company",
    "screening.batch",
];

#[derive(QueryableByName)]
struct Recent {
    #[diesel(sql_type = BigInt)]
    pages: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    oldest: Option<chrono::DateTime<chrono::Utc>>,
}

/// Before serving a list or search page: `Error::Throttled` when the user already had
/// `pages_per_minute` pages in the last minute.
pub async fn throttle_pages(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    watch: &ReadWatch,
) -> Result<()> {
    if watch.pages_per_minute <= 0 {
        return Ok(());
    }
    let recent: Recent = diesel::sql_query(
        "SELECT count(*) AS pages, min(occurred_at) AS oldest FROM audit_events
          WHERE actor_id = $1 AND action = ANY($2) AND occurred_at > now() - interval '60 seconds'",
    )
    .bind::<SqlUuid, _>(user_id)
    .bind::<Array<Text>, _>(&PAGES[..])
    .get_result(conn)
    .await?;
    if recent.pages < watch.pages_per_minute {
        return Ok(());
    }
    let until = recent.oldest.unwrap_or_else(chrono::Utc::now) + chrono::Duration::seconds(60);
    Err(Error::Throttled {
        retry_after_secs: (until - chrono::Utc::now()).num_seconds().max(1) as u64,
    })
}

/// After personal data was served, in the transaction that audited it: when the user's
/// records within the window reach the threshold, an `alert.bulk_read` event (once per
/// window) that auditors see in the trail. Returns whether an alert was raised.
pub async fn note_reads(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    watch: &ReadWatch,
) -> QueryResult<bool> {
    let Some(user_id) = actor.id.filter(|_| watch.alert_records > 0) else {
        return Ok(false);
    };
    let raised = diesel::sql_query(
        "INSERT INTO audit_events (actor_id, actor_username, action, outcome, ip, request_id, details)
         SELECT $1, $2, 'alert.bulk_read', 'success', $3, $4,
                jsonb_build_object('records', r.n, 'window_secs', $5::bigint, 'threshold', $6::bigint)
           FROM (SELECT coalesce(sum(CASE WHEN action = ANY($7)
                                          THEN jsonb_array_length(coalesce(details->'returned', '[]'))
                                          ELSE 1 END), 0) AS n
                   FROM audit_events
                  WHERE actor_id = $1 AND occurred_at > now() - make_interval(secs => $5)
                    AND action = ANY($8)) r
          WHERE r.n >= $6
            AND NOT EXISTS (SELECT 1 FROM audit_events
                             WHERE actor_id = $1 AND action = 'alert.bulk_read'
                               AND occurred_at > now() - make_interval(secs => $5))",
    )
    .bind::<SqlUuid, _>(user_id)
    .bind::<Nullable<Text>, _>(actor.username.as_deref())
    .bind::<Nullable<Inet>, _>(actor.ip)
    .bind::<Nullable<Text>, _>(actor.request_id.as_deref())
    .bind::<BigInt, _>(watch.window_secs)
    .bind::<BigInt, _>(watch.alert_records)
    .bind::<Array<Text>, _>(&NOMINAL_SEARCHES[..])
    .bind::<Array<Text>, _>(
        NOMINAL_SEARCHES
            .iter()
            .chain(NOMINAL_READS.iter())
            .copied()
            .collect::<Vec<_>>(),
    )
    .execute(conn)
    .await?;
    if raised > 0 {
        tracing::warn!(user = %user_id, "bulk read of personal data: alert raised in the audit trail");
    }
    Ok(raised > 0)
}
