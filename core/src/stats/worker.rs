//! The statistics worker: applies the cases queued in `stat_queue` (by the triggers on cases,
//! goods and routes, and when a currency's rate changes) to the rollups, a hundred at a time,
//! each batch in its own transaction claimed with `SKIP LOCKED` (instances share the queue).
//! Woken by `NOTIFY ncen_stats`, and every 10 s regardless: a case's save shows in the
//! statistics within about a second.

use crate::db::schema::stat_queue as q;
use crate::error::{Error, Result};
use diesel::prelude::*;
use diesel::sql_types::{Array, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Cases applied per transaction.
const BATCH: i64 = 100;

/// The channel `ncen_stat_enqueue` notifies.
pub const CHANNEL: &str = "ncen_stats";

/// Applies up to `BATCH` queued cases; returns how many.
pub async fn drain_once(conn: &mut AsyncPgConnection) -> Result<usize> {
    conn.transaction::<_, Error, _>(async |conn| {
        let ids: Vec<Uuid> = q::table
            .select(q::case_id)
            .order(q::queued_at.asc())
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        if !ids.is_empty() {
            diesel::sql_query("SELECT ncen_stat_apply($1)")
                .bind::<Array<SqlUuid>, _>(&ids)
                .execute(conn)
                .await?;
        }
        Ok(ids.len())
    })
    .await
}

/// Applies every queued case (tests and the demo call it to see their statistics at once).
pub async fn drain(conn: &mut AsyncPgConnection) -> Result<usize> {
    let mut done = 0;
    loop {
        let n = drain_once(conn).await?;
        if n == 0 {
            return Ok(done);
        }
        done += n;
    }
}

/// Rebuilds every statistic from the cases (`ncen_stat_rebuild`: after a bulk load, such as
/// the demo's); returns the cases counted.
pub async fn rebuild(conn: &mut AsyncPgConnection) -> Result<i64> {
    #[derive(diesel::QueryableByName)]
    struct Counted {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let c: Counted = diesel::sql_query("SELECT ncen_stat_rebuild() AS n")
        .get_result(conn)
        .await?;
    Ok(c.n)
}

pub fn spawn_worker(pool: crate::db::Pool, url: String) {
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        loop {
            if let Ok(mut conn) = pool.get().await {
                if let Err(e) = drain(&mut conn).await {
                    tracing::warn!(error = %e, "statistics: applying queued cases failed");
                }
            }
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), wake.notified()).await;
        }
    });
}
