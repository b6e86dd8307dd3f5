//! The hash chain over audit events.
//!
//! Requests only INSERT events (no lock, no read of the previous row), so they never queue
//! behind each other. A sealer — one at a time across every instance, elected with a
//! transaction-scoped advisory lock — appends committed events to `audit_chain` in order:
//! `hash = SHA-256(prev_hash ‖ canonical(seq, event))`. Changing, deleting or reordering an
//! event or a chain row breaks the recomputation that `verify` performs.

use crate::db::schema::{audit_chain, audit_events};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

const SEALER_LOCK_KEY: i64 = 0x6e63_656e_0001;
const BATCH: i64 = 1000;
const GENESIS: [u8; 32] = [0u8; 32];
/// Longest a request transaction is expected to stay open; later commits are sealed by
/// `verify`, which looks at every event.
const LATE_COMMIT_MINUTES: i64 = 5;

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_events)]
pub struct EventRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub action: String,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub outcome: String,
    pub ip: Option<IpNetwork>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = audit_chain)]
pub struct ChainRow {
    pub seq: i64,
    pub event_id: i64,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

#[derive(Insertable)]
#[diesel(table_name = audit_chain)]
struct NewChainRow {
    seq: i64,
    event_id: i64,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

/// The canonical form that is hashed: fixed field order, timestamps in microseconds.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    id: i64,
    occurred_at_us: i64,
    actor_id: Option<Uuid>,
    actor_username: Option<&'a str>,
    action: &'a str,
    object_type: Option<&'a str>,
    object_id: Option<&'a str>,
    outcome: &'a str,
    ip: Option<String>,
    request_id: Option<&'a str>,
    details: &'a serde_json::Value,
}

pub fn compute_hash(prev_hash: &[u8], seq: i64, e: &EventRow) -> Vec<u8> {
    let canonical = Canonical {
        seq,
        id: e.id,
        occurred_at_us: e.occurred_at.timestamp_micros(),
        actor_id: e.actor_id,
        actor_username: e.actor_username.as_deref(),
        action: &e.action,
        object_type: e.object_type.as_deref(),
        object_id: e.object_id.as_deref(),
        outcome: &e.outcome,
        ip: e.ip.map(|ip| ip.ip().to_string()),
        request_id: e.request_id.as_deref(),
        details: &e.details,
    };
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(serde_json::to_vec(&canonical).unwrap_or_default());
    hasher.finalize().to_vec()
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// How far back the sealer looks for unsealed events: the periodic sealer only near the
/// newest sealed one, `verify` everywhere.
#[derive(Clone, Copy)]
pub enum Horizon {
    Recent,
    All,
}

/// Appends unsealed events to the chain. Returns how many were sealed (0 when another
/// instance holds the sealer lock).
pub async fn seal(conn: &mut AsyncPgConnection, horizon: Horizon) -> QueryResult<usize> {
    let mut total = 0;
    loop {
        let sealed = conn
            .transaction(async |conn| seal_batch(conn, horizon).await)
            .await?;
        total += sealed;
        if sealed < BATCH as usize {
            return Ok(total);
        }
    }
}

async fn seal_batch(conn: &mut AsyncPgConnection, horizon: Horizon) -> QueryResult<usize> {
    let lock: Locked = diesel::sql_query(format!(
        "SELECT pg_try_advisory_xact_lock({SEALER_LOCK_KEY}) AS locked"
    ))
    .get_result(conn)
    .await?;
    if !lock.locked {
        return Ok(0);
    }
    let last: Option<(i64, Vec<u8>)> = audit_chain::table
        .order(audit_chain::seq.desc())
        .select((audit_chain::seq, audit_chain::hash))
        .first(conn)
        .await
        .optional()?;
    let (mut seq, mut prev) = last.unwrap_or((0, GENESIS.to_vec()));

    let mut query = audit_events::table
        .left_join(audit_chain::table)
        .filter(audit_chain::seq.is_null())
        .select(EventRow::as_select())
        .order(audit_events::id.asc())
        .limit(BATCH)
        .into_boxed();
    if let Horizon::Recent = horizon {
        // Look only a little before the newest sealed event: an event is stamped when it is
        // inserted, so one committing late is older than that by at most its transaction's
        // length. This keeps each pass proportional to the new events, not to an hour of them.
        let newest_sealed: Option<DateTime<Utc>> = audit_chain::table
            .inner_join(audit_events::table)
            .order(audit_chain::seq.desc())
            .select(audit_events::occurred_at)
            .first(conn)
            .await
            .optional()?;
        if let Some(newest) = newest_sealed {
            query = query.filter(
                audit_events::occurred_at
                    .gt(newest - chrono::Duration::minutes(LATE_COMMIT_MINUTES)),
            );
        }
    }
    let pending: Vec<EventRow> = query.load(conn).await?;
    let mut rows = Vec::with_capacity(pending.len());
    for event in &pending {
        seq += 1;
        let hash = compute_hash(&prev, seq, event);
        rows.push(NewChainRow {
            seq,
            event_id: event.id,
            prev_hash: prev.clone(),
            hash: hash.clone(),
        });
        prev = hash;
    }
    if !rows.is_empty() {
        diesel::insert_into(audit_chain::table)
            .values(&rows)
            .execute(conn)
            .await?;
    }
    Ok(rows.len())
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BrokenLink {
    /// Position in the chain where verification failed.
    pub seq: i64,
    /// The audit event that position names (if any).
    pub audit_id: Option<i64>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VerifyReport {
    pub ok: bool,
    /// Chain positions checked.
    pub checked: i64,
    /// Events not yet sealed into the chain.
    pub pending: i64,
    pub first_broken: Option<BrokenLink>,
}

/// Seals what is pending, then walks the whole chain and names the first broken row.
pub async fn verify(conn: &mut AsyncPgConnection) -> QueryResult<VerifyReport> {
    seal(conn, Horizon::All).await?;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_vec();
    let mut checked = 0i64;
    let mut after = 0i64;
    let broken = 'walk: loop {
        let page: Vec<(ChainRow, Option<EventRow>)> = audit_chain::table
            .left_join(audit_events::table)
            .filter(audit_chain::seq.gt(after))
            .order(audit_chain::seq.asc())
            .limit(BATCH)
            .select((ChainRow::as_select(), Option::<EventRow>::as_select()))
            .load(conn)
            .await?;
        if page.is_empty() {
            break None;
        }
        for (link, event) in page {
            after = link.seq;
            let fail = |reason: &str| BrokenLink {
                seq: link.seq,
                audit_id: Some(link.event_id),
                reason: reason.to_string(),
            };
            if link.seq != expected_seq {
                break 'walk Some(BrokenLink {
                    seq: expected_seq,
                    audit_id: None,
                    reason: format!("chain position {expected_seq} is missing"),
                });
            }
            if link.prev_hash != prev {
                break 'walk Some(fail("previous-hash link does not match the preceding row"));
            }
            let Some(event) = event else {
                break 'walk Some(fail("the audit event of this position has been deleted"));
            };
            if compute_hash(&prev, link.seq, &event) != link.hash {
                break 'walk Some(fail("the audit event was altered or moved"));
            }
            prev = link.hash;
            expected_seq += 1;
            checked += 1;
        }
    };
    let pending: i64 = audit_events::table
        .left_join(audit_chain::table)
        .filter(audit_chain::seq.is_null())
        .count()
        .get_result(conn)
        .await?;
    Ok(VerifyReport {
        ok: broken.is_none(),
        checked,
        pending,
        first_broken: broken,
    })
}

/// Runs the sealer periodically until the process ends.
pub fn spawn_sealer(pool: crate::db::Pool, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let Ok(mut conn) = pool.get().await else {
                continue;
            };
            if let Err(err) = seal(&mut conn, Horizon::Recent).await {
                tracing::warn!(error = %err, "audit sealer failed; will retry");
            }
        }
    });
}
