//! The hash chain over audit events.
//!
//! Requests only INSERT events (no lock, no read of the previous row), so they never queue
//! behind each other. A sealer — one at a time across every instance, elected with a
//! transaction-scoped advisory lock — appends committed events to `audit_chain` in order:
//! `hash = SHA-256(prev_hash ‖ canonical(seq, event))`. Changing, deleting or reordering an
//! event or a chain row breaks the recomputation that `verify` performs.
//!
//! Event ids come from a sequence, so a transaction can commit an event with a smaller id
//! after a larger one was sealed. The periodic sealer therefore keeps a watermark
//! (`audit_seal_state.sealed_through`): every id up to it is sealed or final (never to be
//! committed), and each pass looks only above it. The watermark moves to the sequence value
//! recorded by an earlier pass (`mark_id`, at `mark_at`) once no open transaction of the
//! database started before `mark_at`: the transactions that were handed those ids have all
//! ended, so what they committed is visible now and has been sealed. A long transaction holds
//! the watermark back (passes then look at more events) but never makes the sealer skip one.
//! `verify` looks at every event. Sessions are seen through `pg_stat_activity`, which shows
//! the sessions of nCEN's own database role: audit events are written by that role only.

use crate::db::schema::{audit_chain, audit_events, audit_seal_state};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const SEALER_LOCK_KEY: i64 = 0x6e63_656e_0001;
const BATCH: i64 = 1000;
const GENESIS: [u8; 32] = [0u8; 32];

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

/// How far back the sealer looks for unsealed events: the periodic sealer only above its
/// watermark, `verify` everywhere.
#[derive(Clone, Copy)]
pub enum Horizon {
    Recent,
    All,
}

/// Appends unsealed events to the chain. Returns how many were sealed (with
/// `Horizon::Recent`, 0 when another instance holds the sealer lock; with `Horizon::All`, it
/// waits for that instance).
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
    // The periodic sealer skips a pass when another instance is sealing; `verify` waits for
    // it, so that everything committed before the verification is chained when it looks
    // (a try here made `/audit/verify` report pending events at random).
    let lock = match horizon {
        Horizon::Recent => format!("SELECT pg_try_advisory_xact_lock({SEALER_LOCK_KEY}) AS locked"),
        Horizon::All => {
            format!("SELECT true AS locked FROM pg_advisory_xact_lock({SEALER_LOCK_KEY})")
        }
    };
    let lock: Locked = diesel::sql_query(lock).get_result(conn).await?;
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

    let state = match horizon {
        Horizon::Recent => Some(watermark(conn).await?),
        Horizon::All => None,
    };
    let above = state.as_ref().map_or(0, |s| s.sealed_through);
    let query = audit_events::table
        .left_join(audit_chain::table)
        .filter(audit_chain::seq.is_null())
        .filter(audit_events::id.gt(above))
        .select(EventRow::as_select())
        .order(audit_events::id.asc())
        .limit(BATCH);
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
    // Every visible event above the watermark is sealed now, up to the batch's last one when
    // the batch was full (the next batch goes on from there).
    if let Some(state) = state {
        let sealed_up_to = match pending.last() {
            Some(last) if rows.len() == BATCH as usize => last.id,
            _ => i64::MAX,
        };
        advance(conn, state, sealed_up_to).await?;
    }
    Ok(rows.len())
}

/// The sealer's state, with the start of the oldest open transaction of this database
/// (other than the sealer's own), read before the events are.
struct Watermark {
    sealed_through: i64,
    mark: Option<(i64, DateTime<Utc>)>,
    oldest_open: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct OldestOpen {
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct Mark {
    #[diesel(sql_type = Nullable<diesel::sql_types::BigInt>)]
    id: Option<i64>,
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
}

async fn watermark(conn: &mut AsyncPgConnection) -> QueryResult<Watermark> {
    let oldest: OldestOpen = diesel::sql_query(
        "SELECT coalesce(min(xact_start), clock_timestamp()) AS at FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL",
    )
    .get_result(conn)
    .await?;
    let (sealed_through, mark_id, mark_at): (i64, Option<i64>, Option<DateTime<Utc>>) =
        audit_seal_state::table
            .select((
                audit_seal_state::sealed_through,
                audit_seal_state::mark_id,
                audit_seal_state::mark_at,
            ))
            .first(conn)
            .await?;
    Ok(Watermark {
        sealed_through,
        mark: mark_id.zip(mark_at),
        oldest_open: oldest.at,
    })
}

/// Moves the watermark towards the recorded mark when every transaction that could hold an id
/// up to it has ended (as far as this pass sealed), then, once the mark is reached, records a
/// new one: the sequence's last value, and the time read after it.
async fn advance(
    conn: &mut AsyncPgConnection,
    state: Watermark,
    sealed_up_to: i64,
) -> QueryResult<()> {
    let mut sealed_through = state.sealed_through;
    let mut mark = state.mark;
    if let Some((id, at)) = mark {
        if at < state.oldest_open {
            sealed_through = sealed_through.max(id.min(sealed_up_to));
            if id <= sealed_up_to {
                mark = None;
            }
        }
    }
    if mark.is_none() {
        let now: Mark = diesel::sql_query(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence('audit_events', 'id')::regclass) AS id,
                    clock_timestamp() AS at",
        )
        .get_result(conn)
        .await?;
        mark = now.id.map(|id| (id, now.at));
    }
    diesel::update(audit_seal_state::table)
        .set((
            audit_seal_state::sealed_through.eq(sealed_through),
            audit_seal_state::mark_id.eq(mark.map(|m| m.0)),
            audit_seal_state::mark_at.eq(mark.map(|m| m.1)),
        ))
        .execute(conn)
        .await?;
    Ok(())
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
    /// Signed checkpoints the chain was checked against (`audit::anchor`); the first one it
    /// disagrees with, if any, is in `first_broken` when it comes before any broken link.
    pub checkpoints: i64,
    /// Checkpoints in the file that were signed for another database (not checked): a
    /// checkpoint file that outlived a recreated database, or this database restored
    /// elsewhere. Worth a look when not expected.
    pub other_databases: i64,
}

/// `verify`, and then the chain against the signed checkpoints in `file` (`audit::anchor`):
/// the report names the lowest position where either check fails.
pub async fn verify_anchored(
    conn: &mut AsyncPgConnection,
    file: &std::path::Path,
    key: &ed25519_dalek::VerifyingKey,
) -> anyhow::Result<VerifyReport> {
    let mut report = verify(conn).await?;
    let anchored = super::anchor::verify(conn, file, key).await?;
    report.checkpoints = anchored.checkpoints;
    report.other_databases = anchored.other_databases;
    if let Some(at_checkpoint) = anchored.first_broken {
        let earlier = report
            .first_broken
            .as_ref()
            .is_none_or(|b| at_checkpoint.seq < b.seq);
        if earlier {
            report.first_broken = Some(at_checkpoint);
        }
        report.ok = false;
    }
    Ok(report)
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
        checkpoints: 0,
        other_databases: 0,
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
