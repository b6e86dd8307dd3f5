//! What messaging does on its own, every minute, on every instance (each step is safe to run
//! twice at once): tell the authors of overdue warnings, forget old live events, remove
//! uploads no message took, and apply the retention period — the only way a message is ever
//! deleted.

use super::{attachments, live};
use crate::audit::{record, Actor, Event};
use crate::db::schema::{message_attachments as a, messages as m};
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::Timestamptz;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Deletes the threads whose last message is older than `days` (0: keep everything), with
/// their messages, receipts, notifications and files. A warning goes only with its last
/// feedback. Audited as one `thread.purge` event. Returns how many threads went.
pub async fn purge(conn: &mut AsyncPgConnection, storage: &Storage, days: u32) -> Result<usize> {
    if days == 0 {
        return Ok(0);
    }
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(days));
    let (threads, keys) = conn
        .transaction(async |conn| {
            #[derive(QueryableByName)]
            struct Gone {
                #[diesel(sql_type = diesel::sql_types::Uuid)]
                id: Uuid,
            }
            let candidates = "SELECT t.id FROM message_threads t WHERE t.last_message_at < $1 \
                 AND NOT EXISTS (SELECT 1 FROM message_threads f \
                     WHERE f.replies_to = t.id AND f.last_message_at >= $1) \
                 ORDER BY t.last_message_at LIMIT 1000 FOR UPDATE SKIP LOCKED";
            let ids: Vec<Gone> = diesel::sql_query(candidates)
                .bind::<Timestamptz, _>(cutoff)
                .load(conn)
                .await?;
            let ids: Vec<Uuid> = ids.into_iter().map(|g| g.id).collect();
            if ids.is_empty() {
                return Ok::<_, Error>((0, Vec::new()));
            }
            let files: Vec<(String, Option<String>)> = a::table
                .inner_join(m::table.on(a::message_id.eq(m::id.nullable())))
                .filter(m::thread_id.eq_any(&ids))
                .select((a::storage_key, a::thumbnail_key))
                .load(conn)
                .await?;
            // Feedback replying to a purged warning goes with it (it is older too).
            diesel::sql_query(
                "DELETE FROM message_threads WHERE id = ANY($1) OR replies_to = ANY($1)",
            )
            .bind::<diesel::sql_types::Array<diesel::sql_types::Uuid>, _>(&ids)
            .execute(conn)
            .await?;
            let details = serde_json::json!({ "threads": ids.len(), "older_than_days": days });
            record(
                conn,
                &Actor::system(),
                Event::new("thread.purge").details(details),
            )
            .await?;
            let keys: Vec<String> = files
                .into_iter()
                .flat_map(|(k, t)| std::iter::once(k).chain(t))
                .collect();
            Ok((ids.len(), keys))
        })
        .await?;
    for key in keys {
        let _ = storage.delete(&key).await;
    }
    Ok(threads)
}

/// Runs every minute: overdue warnings, old live events, abandoned uploads (messages' and
/// partners' files no package claimed), old import files, retention.
pub fn spawn_housekeeping(pool: crate::db::Pool, storage: Storage, retention_days: u32) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Ok(mut conn) = pool.get().await else {
                continue;
            };
            if let Err(e) = live::overdue_pass(&mut conn).await {
                tracing::warn!(error = %e, "overdue warnings pass failed");
            }
            if let Err(e) = crate::events::repo::purge(&mut conn).await {
                tracing::warn!(error = %e, "purging live events failed");
            }
            if let Err(e) = attachments::purge_pending(&mut conn, &storage).await {
                tracing::warn!(error = %e, "purging abandoned uploads failed");
            }
            if let Err(e) = crate::exchange::files::purge_unclaimed(&mut conn, &storage).await {
                tracing::warn!(error = %e, "purging unclaimed exchange files failed");
            }
            if let Err(e) = crate::imports::service::purge_files(&mut conn, &storage).await {
                tracing::warn!(error = %e, "purging old import files failed");
            }
            if let Err(e) = purge(&mut conn, &storage, retention_days).await {
                tracing::warn!(error = %e, "applying the message retention failed");
            }
        }
    });
}
