//! The event log: write (numbered per user, announced on commit), replay, purge.

use super::{Outgoing, CHANNEL, RETENTION_HOURS};
use crate::db::schema::user_events as e;
use crate::error::Result;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Jsonb, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Writes the events in the caller's transaction. Each user's counter row is locked in user
/// order (one statement, so two transactions cannot take them in opposite orders), which
/// also makes the ids of one user commit in increasing order. `NOTIFY` carries the whole
/// event when it is small, else only its address (the stream then reads it back).
pub async fn publish(conn: &mut AsyncPgConnection, events: Vec<Outgoing>) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let users: Vec<Uuid> = events.iter().map(|o| o.user_id).collect();
    let kinds: Vec<&str> = events.iter().map(|o| o.kind).collect();
    let data: Vec<serde_json::Value> = events.into_iter().map(|o| o.data).collect();
    diesel::sql_query(format!(
        "WITH batch AS (SELECT b.u, b.k, b.d, b.ord \
           FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS b(u, k, d, ord)), \
         counts AS (SELECT u, count(*) AS n FROM batch GROUP BY u), \
         seq AS (INSERT INTO event_sequences AS s (user_id, last_id) \
           SELECT u, n FROM counts ORDER BY u \
           ON CONFLICT (user_id) DO UPDATE SET last_id = s.last_id + excluded.last_id \
           RETURNING user_id, last_id), \
         numbered AS (SELECT b.u, b.k, b.d, \
           seq.last_id - count(*) OVER (PARTITION BY b.u) \
             + row_number() OVER (PARTITION BY b.u ORDER BY b.ord) AS id \
           FROM batch b JOIN seq ON seq.user_id = b.u), \
         ins AS (INSERT INTO user_events (user_id, id, kind, data) \
           SELECT u, id, k, d FROM numbered RETURNING user_id, id, kind, data) \
         SELECT pg_notify('{CHANNEL}', CASE WHEN octet_length(data::text) > 6000 \
           THEN json_build_object('u', user_id, 'i', id)::text \
           ELSE json_build_object('u', user_id, 'i', id, 'k', kind, 'd', data)::text END) \
         FROM (SELECT * FROM ins ORDER BY user_id, id) x"
    ))
    .bind::<Array<SqlUuid>, _>(users)
    .bind::<Array<Text>, _>(kinds)
    .bind::<Array<Jsonb>, _>(data)
    .execute(conn)
    .await?;
    Ok(())
}

/// A stored event.
#[derive(Debug, Clone, Queryable)]
pub struct Stored {
    pub id: i64,
    pub kind: String,
    pub data: serde_json::Value,
}

/// The user's events after `after`, oldest first, at most `limit`.
pub async fn since(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    after: i64,
    limit: i64,
) -> Result<Vec<Stored>> {
    Ok(e::table
        .filter(e::user_id.eq(user))
        .filter(e::id.gt(after))
        .order(e::id.asc())
        .limit(limit)
        .select((e::id, e::kind, e::data))
        .load(conn)
        .await?)
}

/// The user's oldest kept event and latest event ids, if any.
pub async fn bounds(conn: &mut AsyncPgConnection, user: Uuid) -> Result<Option<(i64, i64)>> {
    use diesel::dsl::{max, min};
    let (lo, hi): (Option<i64>, Option<i64>) = e::table
        .filter(e::user_id.eq(user))
        .select((min(e::id), max(e::id)))
        .get_result(conn)
        .await?;
    Ok(lo.zip(hi))
}

/// The last id ever given to the user (0 if none): where a fresh stream starts.
pub async fn last_id(conn: &mut AsyncPgConnection, user: Uuid) -> Result<i64> {
    use crate::db::schema::event_sequences as s;
    Ok(s::table
        .find(user)
        .select(s::last_id)
        .get_result::<i64>(conn)
        .await
        .optional()?
        .unwrap_or(0))
}

/// Deletes events older than the retention; returns how many.
pub async fn purge(conn: &mut AsyncPgConnection) -> Result<usize> {
    let cutoff: DateTime<Utc> = Utc::now() - chrono::Duration::hours(RETENTION_HOURS);
    Ok(diesel::delete(e::table.filter(e::created_at.lt(cutoff)))
        .execute(conn)
        .await?)
}
