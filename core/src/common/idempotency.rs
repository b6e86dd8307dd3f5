//! Idempotency keys: the first response to a creating request, kept 24 hours per user and
//! key (`api::http::idempotency` decides what to keep and when to answer it again).

use crate::db::schema::idempotency_keys as k;
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// How long a key is remembered.
pub const RETENTION_HOURS: i64 = 24;

/// A request still holding its key after this long was cut off (its server stopped): the key
/// is released to the next retry.
pub const LEASE_SECS: i64 = 300;

/// The request a key was first used with.
pub struct Request<'a> {
    pub user_id: Uuid,
    pub key: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub fingerprint: &'a [u8],
}

/// A response kept for replay.
#[derive(Debug, Clone, Queryable)]
pub struct Stored {
    pub status: i16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub etag: Option<String>,
    pub body: Vec<u8>,
}

/// What a key is, when a request arrives with it.
pub enum Claim {
    /// Never used (or forgotten): this request now holds it.
    Fresh,
    /// Used by a request with another method, path or body.
    Reused,
    /// Its first request is still being handled.
    InFlight,
    /// The first request's response, to answer again.
    Done(Stored),
}

#[derive(Queryable)]
struct Row {
    method: String,
    path: String,
    fingerprint: Vec<u8>,
    status: Option<i16>,
    content_type: Option<String>,
    location: Option<String>,
    etag: Option<String>,
    body: Option<Vec<u8>>,
    created_at: DateTime<Utc>,
}

/// Takes the key for this request, or says why not. Keys past their retention are
/// forgotten first.
pub async fn claim(conn: &mut AsyncPgConnection, req: &Request<'_>) -> Result<Claim> {
    let cutoff = Utc::now() - Duration::hours(RETENTION_HOURS);
    for _ in 0..2 {
        let inserted = diesel::insert_into(k::table)
            .values((
                k::user_id.eq(req.user_id),
                k::key.eq(req.key),
                k::method.eq(req.method),
                k::path.eq(req.path),
                k::fingerprint.eq(req.fingerprint),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if inserted == 1 {
            return Ok(Claim::Fresh);
        }
        let row: Option<Row> = k::table
            .filter(k::user_id.eq(req.user_id).and(k::key.eq(req.key)))
            .select((
                k::method,
                k::path,
                k::fingerprint,
                k::status,
                k::content_type,
                k::location,
                k::etag,
                k::body,
                k::created_at,
            ))
            .first(conn)
            .await
            .optional()?;
        let Some(row) = row else { continue };
        let abandoned =
            row.status.is_none() && row.created_at < Utc::now() - Duration::seconds(LEASE_SECS);
        if row.created_at < cutoff || abandoned {
            forget(conn, req.user_id, req.key).await?;
            continue;
        }
        if row.method != req.method || row.path != req.path || row.fingerprint != req.fingerprint {
            return Ok(Claim::Reused);
        }
        return Ok(match row.status {
            None => Claim::InFlight,
            Some(status) => Claim::Done(Stored {
                status,
                content_type: row.content_type,
                location: row.location,
                etag: row.etag,
                body: row.body.unwrap_or_default(),
            }),
        });
    }
    Ok(Claim::InFlight)
}

/// Keeps the response of the request holding the key.
pub async fn complete(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    key: &str,
    response: &Stored,
) -> Result<()> {
    diesel::update(k::table.filter(k::user_id.eq(user_id).and(k::key.eq(key))))
        .set((
            k::status.eq(Some(response.status)),
            k::content_type.eq(&response.content_type),
            k::location.eq(&response.location),
            k::etag.eq(&response.etag),
            k::body.eq(Some(&response.body)),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Releases a key (its request failed, so a retry may try again), or forgets an old one.
pub async fn forget(conn: &mut AsyncPgConnection, user_id: Uuid, key: &str) -> Result<()> {
    diesel::delete(k::table.filter(k::user_id.eq(user_id).and(k::key.eq(key))))
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets every key past its retention; returns how many.
pub async fn purge(conn: &mut AsyncPgConnection) -> Result<usize> {
    let cutoff = Utc::now() - Duration::hours(RETENTION_HOURS);
    Ok(diesel::delete(k::table.filter(k::created_at.lt(cutoff)))
        .execute(conn)
        .await?)
}

/// Purges expired keys every `every`, on every instance (a purge is idempotent).
pub fn spawn_purger(pool: crate::db::Pool, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Ok(mut conn) = pool.get().await {
                if let Err(e) = purge(&mut conn).await {
                    tracing::warn!(error = %e, "purging idempotency keys failed");
                }
            }
        }
    });
}
