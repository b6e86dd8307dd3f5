//! The event log: write (numbered per user, announced on commit), replay, purge.

use super::{Outgoing, RETENTION_HOURS};
use crate::db::schema::user_events as e;
use crate::error::Result;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Jsonb, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Queues the events in the caller's transaction; they are numbered per user and announced
/// when it commits (`pending_user_events` and its deferred trigger, migration
/// 2026-12-03-000022, on channel [`super::CHANNEL`], spelt out in the trigger): every transaction locks the users' counters
/// at its very end, in user order, so two writers never deadlock on them, and one user's ids
/// commit in increasing order.
pub async fn publish(conn: &mut AsyncPgConnection, events: Vec<Outgoing>) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let users: Vec<Uuid> = events.iter().map(|o| o.user_id).collect();
    let kinds: Vec<&str> = events.iter().map(|o| o.kind).collect();
    let data: Vec<serde_json::Value> = events.into_iter().map(|o| o.data).collect();
    diesel::sql_query(
        "INSERT INTO pending_user_events (user_id, kind, data) \
         SELECT u, k, d FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) \
           WITH ORDINALITY AS b(u, k, d, ord) ORDER BY ord",
    )
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
