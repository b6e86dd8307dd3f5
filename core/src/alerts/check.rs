//! Checking data against active alerts: the durable queue and its worker.
//!
//! Triggers (migration `000018_alerts`) add a `match_queue` row in the writer's own
//! transaction whenever a person, company or conveyance is created or its facts change, and
//! whenever one is linked to a case — so a check is never lost to a crash, whatever path wrote
//! the data (the API, a case saved with inline parties, an import, SQL by hand). Every instance
//! runs `spawn_worker`: woken by `NOTIFY ncen_match` (and every few seconds regardless), it
//! takes queued rows with `FOR UPDATE SKIP LOCKED`, so two instances never check the same row
//! twice, scores each record against the active alerts the indexes propose, records hits
//! (with the score and its explanation) and notifies in the same transaction that removes the
//! rows. A row whose check fails goes back with a growing delay.

use super::candidates::{self, Found};
use super::dto::{HitStatus, RecordKind};
use super::model::{AlertRow, HitRow};
use super::repo;
use crate::db::schema::{alert_hits as h, seizure_cases};
use crate::error::{Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use crate::registers::merge::{self, dto::MergeKind};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ncen_matching::{Outcome, Thresholds};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use uuid::Uuid;

/// The `NOTIFY` channel the queue's triggers announce on.
pub const CHANNEL: &str = "ncen_match";
/// Rows taken per transaction.
const BATCH: i64 = 100;

#[derive(QueryableByName)]
struct Queued {
    #[diesel(sql_type = Text)]
    record_kind: String,
    #[diesel(sql_type = SqlUuid)]
    record_id: Uuid,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    case_id: Option<Uuid>,
    #[diesel(sql_type = Int4)]
    attempts: i32,
}

/// One record to check, with the cases that brought it in this batch.
struct Item {
    kind: RecordKind,
    id: Uuid,
    cases: BTreeSet<Uuid>,
    /// The record itself was created or changed (not only linked to a case).
    changed: bool,
    attempts: i32,
}

/// Takes up to `BATCH` due rows and checks them, in one transaction; returns how many rows
/// were taken (0: the queue is empty for now).
pub async fn drain_once(conn: &mut AsyncPgConnection, t: Thresholds) -> Result<usize> {
    conn.transaction(async |conn| {
        let rows: Vec<Queued> = diesel::sql_query(
            "DELETE FROM match_queue WHERE id IN ( \
               SELECT id FROM match_queue WHERE not_before <= now() \
               ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) \
             RETURNING record_kind, record_id, case_id, attempts",
        )
        .bind::<BigInt, _>(BATCH)
        .load(conn)
        .await?;
        let taken = rows.len();
        let mut items: BTreeMap<(String, Uuid), Item> = BTreeMap::new();
        for r in rows {
            let Some(kind) = RecordKind::parse(&r.record_kind) else {
                continue;
            };
            let item = items
                .entry((r.record_kind.clone(), r.record_id))
                .or_insert_with(|| Item {
                    kind,
                    id: r.record_id,
                    cases: BTreeSet::new(),
                    changed: false,
                    attempts: 0,
                });
            item.changed |= r.case_id.is_none();
            item.cases.extend(r.case_id);
            item.attempts = item.attempts.max(r.attempts);
        }
        for item in items.into_values() {
            // each record in its own savepoint: one failing check does not undo the others
            let outcome = conn
                .transaction(async |conn| check_record(conn, t, &item).await)
                .await;
            if let Err(e) = outcome {
                tracing::warn!(error = %e, record = %item.id, "alert check failed; queued again");
                requeue(conn, &item, &e).await?;
            }
        }
        Ok(taken)
    })
    .await
}

async fn requeue(conn: &mut AsyncPgConnection, item: &Item, e: &Error) -> Result<()> {
    let attempts = item.attempts + 1;
    let delay = 2_i64.saturating_pow(u32::try_from(attempts.min(12)).unwrap_or(12));
    let mut cases: Vec<Option<Uuid>> = item.cases.iter().copied().map(Some).collect();
    if item.changed || cases.is_empty() {
        cases.push(None);
    }
    for case in cases {
        diesel::sql_query(
            "INSERT INTO match_queue (record_kind, record_id, case_id, attempts, not_before, last_error) \
             VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6)",
        )
        .bind::<Text, _>(item.kind.as_str())
        .bind::<SqlUuid, _>(item.id)
        .bind::<Nullable<SqlUuid>, _>(case)
        .bind::<Int4, _>(attempts)
        .bind::<diesel::sql_types::Double, _>(delay as f64)
        .bind::<Text, _>(e.to_string().chars().take(500).collect::<String>())
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// What the record looked like when compared: the evidence as the engine read it.
fn fingerprint(outcome: &Outcome) -> String {
    let text = serde_json::to_string(&outcome.features).unwrap_or_default();
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Records (or refreshes) the hit of `found` on `item`, and tells the alert's owner and the
/// officers whose data hit it.
/// Scores one record against the alerts its probes propose and records the hits.
async fn check_record(conn: &mut AsyncPgConnection, t: Thresholds, item: &Item) -> Result<()> {
    let in_case = !item.cases.is_empty();
    let found = candidates::for_record(conn, t, item.kind, item.id, in_case).await?;
    for f in found {
        record_hit(conn, item, f).await?;
    }
    // a new or changed person or company may be one already registered
    let mergeable = match item.kind {
        RecordKind::Person => Some(MergeKind::Person),
        RecordKind::Company => Some(MergeKind::Company),
        RecordKind::Conveyance => None,
    };
    if let Some(kind) = mergeable.filter(|_| item.changed) {
        if !merge::service::is_merged(conn, kind, item.id).await? {
            merge::queue::detect(conn, t, kind, item.id).await?;
        }
    }
    Ok(())
}

async fn record_hit(conn: &mut AsyncPgConnection, item: &Item, found: Found) -> Result<()> {
    let alert = &found.alert;
    let print = fingerprint(&found.outcome);
    let past: Vec<HitRow> = h::table
        .filter(h::alert_id.eq(alert.id))
        .filter(h::record_kind.eq(item.kind))
        .filter(h::record_id.eq(item.id))
        .select(HitRow::as_select())
        .load(conn)
        .await?;
    // a dismissed pair does not hit again for the same data
    if past
        .iter()
        .any(|p| p.status == HitStatus::Dismissed && p.fingerprint == print)
    {
        return Ok(());
    }
    let confirmed_cases: BTreeSet<Uuid> = past
        .iter()
        .filter(|p| p.status == HitStatus::Confirmed)
        .flat_map(|p| p.case_ids.iter().copied())
        .collect();
    let was_confirmed = past.iter().any(|p| p.status == HitStatus::Confirmed);
    let new_cases: Vec<Uuid> = item
        .cases
        .iter()
        .filter(|c| !confirmed_cases.contains(c))
        .copied()
        .collect();
    if was_confirmed && new_cases.is_empty() {
        return Ok(());
    }
    let features = serde_json::to_value(&found.outcome.features)?;
    let score = found.outcome.score as f32;
    let is_exact = found.outcome.exact_identifier()
        || found.outcome.features.iter().any(|f| f.contribution >= 1.0);
    let open = past.iter().find(|p| p.status == HitStatus::New);
    let (hit_id, fresh_cases, created) = match open {
        Some(open) => {
            let fresh: Vec<Uuid> = new_cases
                .iter()
                .filter(|c| !open.case_ids.contains(c))
                .copied()
                .collect();
            let mut cases = open.case_ids.clone();
            cases.extend(fresh.iter().copied());
            diesel::update(h::table.find(open.id))
                .set((
                    h::case_ids.eq(cases),
                    h::score.eq(score),
                    h::exact.eq(is_exact),
                    h::features.eq(&features),
                    h::fingerprint.eq(&print),
                    h::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .await?;
            (open.id, fresh, false)
        }
        None => {
            let id = Uuid::now_v7();
            diesel::insert_into(h::table)
                .values((
                    h::id.eq(id),
                    h::alert_id.eq(alert.id),
                    h::record_kind.eq(item.kind),
                    h::record_id.eq(item.id),
                    h::case_ids.eq(&new_cases),
                    h::score.eq(score),
                    h::exact.eq(is_exact),
                    h::features.eq(&features),
                    h::fingerprint.eq(&print),
                ))
                .execute(conn)
                .await?;
            (id, new_cases.clone(), true)
        }
    };
    if created {
        let notice = Notice {
            kind: NotificationKind::AlertHit,
            title: alert.reference.clone(),
            link: format!("/alerts/hits/{hit_id}"),
            thread_id: None,
        };
        notify(conn, &[alert.owner_id], &notice).await?;
    }
    if created || !fresh_cases.is_empty() {
        tell_frontline(conn, item, alert, &fresh_cases).await?;
    }
    Ok(())
}

/// Tells the officers whose data hit the alert — who recorded or last changed the cases that
/// brought it, or the record itself — that it matches an alert (they see the requested
/// action and whom to contact on the case, never the alert's reason).
async fn tell_frontline(
    conn: &mut AsyncPgConnection,
    item: &Item,
    alert: &AlertRow,
    cases: &[Uuid],
) -> Result<()> {
    let labels = repo::record_labels(conn, &[(item.kind, item.id)]).await?;
    let label = labels.get(&item.id).cloned().unwrap_or_default();
    if cases.is_empty() {
        let who = record_editor(conn, item).await?;
        let users: Vec<Uuid> = who.into_iter().filter(|u| *u != alert.owner_id).collect();
        let path = match item.kind {
            RecordKind::Person => "persons",
            RecordKind::Company => "companies",
            RecordKind::Conveyance => "conveyances",
        };
        let notice = Notice {
            kind: NotificationKind::AlertMatch,
            title: label,
            link: format!("/registers/{path}/{}", item.id),
            thread_id: None,
        };
        return notify(conn, &users, &notice).await;
    }
    for case in cases {
        let officers: Vec<(Uuid, Uuid)> = seizure_cases::table
            .filter(seizure_cases::id.eq(case))
            .select((
                seizure_cases::reporting_officer_id,
                seizure_cases::updated_by,
            ))
            .load(conn)
            .await?;
        let mut users: Vec<Uuid> = officers
            .into_iter()
            .flat_map(|(a, b)| [a, b])
            .filter(|u| *u != alert.owner_id)
            .collect();
        users.sort();
        users.dedup();
        let notice = Notice {
            kind: NotificationKind::AlertMatch,
            title: label.clone(),
            link: format!("/seizures/{case}"),
            thread_id: None,
        };
        notify(conn, &users, &notice).await?;
    }
    Ok(())
}

async fn record_editor(conn: &mut AsyncPgConnection, item: &Item) -> Result<Option<Uuid>> {
    use crate::db::schema::{companies as c, conveyances as v, persons as p};
    let who: Option<Option<Uuid>> = match item.kind {
        RecordKind::Person => p::table
            .find(item.id)
            .select(p::updated_by)
            .first(conn)
            .await
            .optional()?,
        RecordKind::Company => c::table
            .find(item.id)
            .select(c::updated_by)
            .first(conn)
            .await
            .optional()?,
        RecordKind::Conveyance => v::table
            .find(item.id)
            .select(v::updated_by)
            .first(conn)
            .await
            .optional()?,
    };
    Ok(who.flatten())
}

/// Checks the queue until it is empty (tests, the demo, `ncen` commands).
pub async fn drain(conn: &mut AsyncPgConnection, t: Thresholds) -> Result<usize> {
    let mut total = 0;
    loop {
        let n = drain_once(conn, t).await?;
        total += n;
        if n == 0 {
            return Ok(total);
        }
    }
}

/// This instance's worker: drains the queue when `NOTIFY ncen_match` says there is work, and
/// every few seconds regardless (a lost notification, a delayed retry); expires alerts past
/// their last day every minute.
pub fn spawn_worker(pool: crate::db::Pool, url: String, t: Thresholds) {
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        let mut last_expiry = tokio::time::Instant::now() - Duration::from_secs(3600);
        loop {
            if let Ok(mut conn) = pool.get().await {
                loop {
                    match drain_once(&mut conn, t).await {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!(error = %e, "alert checks: draining failed");
                            break;
                        }
                    }
                }
                if last_expiry.elapsed() >= Duration::from_secs(60) {
                    last_expiry = tokio::time::Instant::now();
                    if let Err(e) = super::service::expire(&mut conn).await {
                        tracing::warn!(error = %e, "alerts: expiry failed");
                    }
                }
            }
            let _ = tokio::time::timeout(Duration::from_secs(5), wake.notified()).await;
        }
    });
}
