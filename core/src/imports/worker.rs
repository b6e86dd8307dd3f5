//! Runs queued imports, on whichever instance claims one first (`FOR UPDATE SKIP LOCKED`).
//! An instance holds the job by a lease it extends while it works; a job whose instance
//! stopped is taken up again once the lease runs out:
//! - a dry run, or an `all_or_nothing` import, starts over (the latter writes in one
//!   transaction, so a stopped one left nothing);
//! - a `valid_rows` import resumes after the last batch it settled (each batch of lines is
//!   written with its problems and the job's counts in one transaction).
//!
//! A job stopped three times (a file that brings the server down, say) fails. The runs
//! themselves are in `runs`, the same for every record type (`kinds`).

use super::cases::Cases;
use super::dto::*;
use super::kinds::{Ctx, Kind, Registers, Tally};
use super::runs::{self, End, Job};
use crate::audit::{record, Actor, Event};
use crate::db::schema::{import_jobs as j, users};
use crate::db::Pool;
use crate::error::{Error, Result};
use crate::events::repo as events;
use crate::files::storage::Storage;
use crate::registers::companies::Companies;
use crate::registers::conveyances::Conveyances;
use crate::registers::persons::Persons;
use crate::screening::Thresholds;
use crate::seizures::links::Party;
use diesel::prelude::*;
use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::time::Duration;
use uuid::Uuid;

/// How long a claim holds a job without being extended.
const LEASE_SECS: i64 = 20;
/// A job taken up this many times without finishing fails.
const MAX_ATTEMPTS: i32 = 3;

/// What every import of this deployment shares.
#[derive(Clone)]
pub struct Settings {
    /// The country case references name.
    pub country: String,
    pub thresholds: Thresholds,
}

/// Claims the oldest job waiting (or left by a stopped instance); its id.
pub async fn claim(conn: &mut AsyncPgConnection) -> Result<Option<Uuid>> {
    #[derive(QueryableByName)]
    struct Claimed {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let found: Option<Claimed> = diesel::sql_query(format!(
        "UPDATE import_jobs SET status = 'running', attempts = attempts + 1, \
           lease_until = now() + interval '{LEASE_SECS} seconds', \
           started_at = coalesce(started_at, now()) \
         WHERE id = (SELECT id FROM import_jobs \
                      WHERE status = 'queued' OR (status = 'running' AND lease_until < now()) \
                      ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
         RETURNING id"
    ))
    .get_result(conn)
    .await
    .optional()?;
    Ok(found.map(|c| c.id))
}

async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Job> {
    type Row = (
        (RecordType, ImportMode, bool, String, String, i32, i32, bool),
        (Uuid, String, Uuid, ImportFormat, i64),
    );
    let (
        (record_type, mode, dry_run, source_system, storage_key, rows_done, attempts, cancel),
        (who, username, unit_id, format, size),
    ): Row = j::table
        .inner_join(users::table.on(users::id.eq(j::created_by)))
        .filter(j::id.eq(id))
        .select((
            (
                j::record_type,
                j::mode,
                j::dry_run,
                j::source_system,
                j::storage_key,
                j::rows_done,
                j::attempts,
                j::cancel_requested,
            ),
            (
                users::id,
                users::username,
                j::unit_id,
                j::format,
                j::size_bytes,
            ),
        ))
        .first(conn)
        .await?;
    Ok(Job {
        id,
        record_type,
        format,
        size_bytes: u64::try_from(size).unwrap_or_default(),
        mode,
        dry_run,
        source_system,
        storage_key,
        rows_done,
        attempts,
        cancel_requested: cancel,
        actor: Actor::user(who, &username, None, None),
        who,
        unit_id,
    })
}

/// Runs one claimed job to its end (see the module's comment), extending its lease meanwhile.
pub async fn run(pool: &Pool, storage: &Storage, settings: &Settings, id: Uuid) -> Result<()> {
    let mut conn = pool.get().await.map_err(|_| Error::Unavailable)?;
    let job = load(&mut conn, id).await?;
    let lease = {
        let pool = pool.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs((LEASE_SECS / 3) as u64));
            tick.tick().await;
            loop {
                tick.tick().await;
                if let Ok(mut c) = pool.get().await {
                    let _ = diesel::sql_query(format!(
                        "UPDATE import_jobs SET lease_until = now() + interval '{LEASE_SECS} seconds' \
                         WHERE id = $1 AND status = 'running'"
                    ))
                    .bind::<SqlUuid, _>(id)
                    .execute(&mut c)
                    .await;
                }
            }
        })
    };
    let outcome = if job.cancel_requested {
        Ok((End::Cancelled, Tally::default()))
    } else if job.attempts > MAX_ATTEMPTS {
        Err(Error::State(
            "stopped",
            format!("the import was interrupted {MAX_ATTEMPTS} times"),
        ))
    } else {
        let ctx = Ctx {
            actor: &job.actor,
            who: job.who,
            unit_id: job.unit_id,
            job: job.id,
            country: &settings.country,
            thresholds: settings.thresholds,
        };
        let c = &mut conn;
        match job.record_type {
            RecordType::Persons => {
                let kind = Registers::<Persons>::new(c, Party::Person).await?;
                by_mode(&kind, &ctx, pool, c, storage, &job).await
            }
            RecordType::Companies => {
                let kind = Registers::<Companies>::new(c, Party::Company).await?;
                by_mode(&kind, &ctx, pool, c, storage, &job).await
            }
            RecordType::Conveyances => {
                let kind = Registers::<Conveyances>::new(c, Party::Conveyance).await?;
                by_mode(&kind, &ctx, pool, c, storage, &job).await
            }
            RecordType::Cases => {
                let kind = Cases::new(c).await?;
                by_mode(&kind, &ctx, pool, c, storage, &job).await
            }
        }
    };
    lease.abort();
    finish(&mut conn, &job, outcome).await
}

async fn by_mode<K: Kind>(
    kind: &K,
    ctx: &Ctx<'_>,
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
) -> Result<(End, Tally)> {
    if job.dry_run {
        return runs::dry_run(kind, pool, conn, storage, job).await;
    }
    match job.mode {
        ImportMode::AllOrNothing => runs::all_or_nothing(kind, ctx, pool, conn, storage, job).await,
        ImportMode::ValidRows => runs::valid_rows(kind, ctx, pool, conn, storage, job).await,
    }
}

/// Records how the job ended, with the import's audit row (`import.finish`, with its counts)
/// and the importer's live event.
async fn finish(
    conn: &mut AsyncPgConnection,
    job: &Job,
    outcome: Result<(End, Tally)>,
) -> Result<()> {
    let (status, failure, counts) = match outcome {
        Ok((End::Done, c)) => (ImportStatus::Succeeded, None, Some(c)),
        Ok((End::Cancelled, c)) => (ImportStatus::Cancelled, None, Some(c)),
        Ok((End::Refused, c)) => (
            ImportStatus::Failed,
            Some(format!(
                "{} lines were refused: nothing was written (see the problems)",
                c.rejected
            )),
            Some(c),
        ),
        Err(Error::State(_, message)) => (ImportStatus::Failed, Some(message), None),
        Err(e) => {
            tracing::warn!(import = %job.id, error = %e, "import failed");
            (
                ImportStatus::Failed,
                Some(format!("the import stopped: {e}")),
                None,
            )
        }
    };
    conn.transaction(async |conn| {
        diesel::update(j::table.find(job.id))
            .set((
                j::status.eq(status),
                j::failure.eq(&failure),
                j::finished_at.eq(diesel::dsl::now),
                j::lease_until.eq(None::<chrono::DateTime<chrono::Utc>>),
            ))
            .execute(conn)
            .await?;
        if let Some(c) = counts {
            diesel::update(j::table.find(job.id))
                .set(&c)
                .execute(conn)
                .await?;
        }
        let (last, rows): (Tally, i32) = j::table
            .find(job.id)
            .select((Tally::as_select(), j::rows_done))
            .first(conn)
            .await?;
        let event = Event::new("import.finish")
            .object("import", job.id)
            .details(json!({
                "status": status, "failure": failure, "dry_run": job.dry_run, "mode": job.mode,
                "record_type": job.record_type, "rows": rows, "created": last.created,
                "updated": last.updated, "unchanged": last.unchanged, "rejected": last.rejected,
                "matched": last.matched, "proposals": last.proposals,
            }));
        record(conn, &job.actor, event).await?;
        events::publish(conn, vec![runs::announce(job, status, rows, last)]).await?;
        Ok::<_, Error>(())
    })
    .await
}

/// Runs imports as they come, on every instance (one at a time per instance).
pub fn spawn(pool: Pool, storage: Storage, settings: Settings) {
    tokio::spawn(async move {
        loop {
            let claimed = match pool.get().await {
                Ok(mut conn) => claim(&mut conn).await,
                Err(_) => Ok(None),
            };
            match claimed {
                Ok(Some(id)) => {
                    if let Err(e) = run(&pool, &storage, &settings, id).await {
                        tracing::warn!(import = %id, error = %e, "import run failed");
                    }
                }
                Ok(None) => tokio::time::sleep(Duration::from_secs(1)).await,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming an import failed");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        }
    });
}
