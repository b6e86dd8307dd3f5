//! Runs queued imports, on whichever instance claims one first (`FOR UPDATE SKIP LOCKED`).
//! An instance holds the job by a lease it extends while it works; a job whose instance
//! stopped is taken up again once the lease runs out:
//! - a dry run, or an `all_or_nothing` import, starts over (the latter writes in one
//!   transaction, so a stopped one left nothing);
//! - a `valid_rows` import resumes after the last batch it settled (each batch of lines is
//!   written with its problems and the job's counts in one transaction).
//!
//! A job stopped three times (a file that brings the server down, say) fails.

use super::dto::*;
use super::lines::{Line, Lines, MAX_LINE};
use super::rows::{self, Checked, Outcome, Row};
use crate::audit::{record, Actor, Event};
use crate::codelists::book::CodeBook;
use crate::db::schema::{import_jobs as j, import_problems as p, users};
use crate::db::Pool;
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use crate::registers::companies::Companies;
use crate::registers::conveyances::Conveyances;
use crate::registers::persons::Persons;
use crate::registers::Register;
use crate::seizures::links::Party;
use diesel::prelude::*;
use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use std::time::Duration;
use uuid::Uuid;

/// Lines settled per transaction (and between two looks at a cancel request).
pub const BATCH: usize = 500;
/// How long a claim holds a job without being extended.
const LEASE_SECS: i64 = 20;
/// A job taken up this many times without finishing fails.
const MAX_ATTEMPTS: i32 = 3;

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

/// The job as the worker needs it.
struct Job {
    id: Uuid,
    record_type: RecordType,
    mode: ImportMode,
    dry_run: bool,
    source_system: String,
    storage_key: String,
    rows_done: i32,
    attempts: i32,
    cancel_requested: bool,
    actor: Actor,
    who: Uuid,
}

async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Job> {
    type Row = (
        (RecordType, ImportMode, bool, String, String, i32, i32, bool),
        (Uuid, String),
    );
    let (
        (record_type, mode, dry_run, source_system, storage_key, rows_done, attempts, cancel),
        (who, username),
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
            (users::id, users::username),
        ))
        .first(conn)
        .await?;
    Ok(Job {
        id,
        record_type,
        mode,
        dry_run,
        source_system,
        storage_key,
        rows_done,
        attempts,
        cancel_requested: cancel,
        actor: Actor::user(who, &username, None, None),
        who,
    })
}

/// The counts of a run.
#[derive(Default, Clone, Copy)]
struct Counts {
    created: i32,
    updated: i32,
    unchanged: i32,
    rejected: i32,
}

impl Counts {
    fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

/// How a run ended, short of an error.
enum End {
    Done,
    Cancelled,
    /// `all_or_nothing` with refused lines: nothing written.
    Refused,
}

/// Runs one claimed job to its end (see the module's comment), extending its lease meanwhile.
pub async fn run(pool: &Pool, storage: &Storage, id: Uuid) -> Result<()> {
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
        Ok((End::Cancelled, Counts::default()))
    } else if job.attempts > MAX_ATTEMPTS {
        Err(Error::State(
            "stopped",
            format!("the import was interrupted {MAX_ATTEMPTS} times"),
        ))
    } else {
        match job.record_type {
            RecordType::Persons => {
                typed::<Persons>(pool, &mut conn, storage, &job, Party::Person).await
            }
            RecordType::Companies => {
                typed::<Companies>(pool, &mut conn, storage, &job, Party::Company).await
            }
            RecordType::Conveyances => {
                typed::<Conveyances>(pool, &mut conn, storage, &job, Party::Conveyance).await
            }
        }
    };
    lease.abort();
    finish(&mut conn, &job, outcome).await
}

/// Records how the job ended, with the import's audit row (`import.finish`, with its counts).
async fn finish(
    conn: &mut AsyncPgConnection,
    job: &Job,
    outcome: Result<(End, Counts)>,
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
        let mut update = diesel::update(j::table.find(job.id))
            .set((
                j::status.eq(status),
                j::failure.eq(&failure),
                j::finished_at.eq(diesel::dsl::now),
                j::lease_until.eq(None::<chrono::DateTime<chrono::Utc>>),
            ))
            .execute(conn)
            .await?;
        if let Some(c) = counts {
            update += diesel::update(j::table.find(job.id))
                .set((
                    j::created.eq(c.created),
                    j::updated.eq(c.updated),
                    j::unchanged.eq(c.unchanged),
                    j::rejected.eq(c.rejected),
                ))
                .execute(conn)
                .await?;
        }
        let _ = update;
        let (created, updated, unchanged, rejected, rows): (i32, i32, i32, i32, i32) = j::table
            .find(job.id)
            .select((
                j::created,
                j::updated,
                j::unchanged,
                j::rejected,
                j::rows_done,
            ))
            .first(conn)
            .await?;
        let event = Event::new("import.finish")
            .object("import", job.id)
            .details(json!({
                "status": status, "failure": failure, "dry_run": job.dry_run, "mode": job.mode,
                "record_type": job.record_type, "rows": rows, "created": created,
                "updated": updated, "unchanged": unchanged, "rejected": rejected,
            }));
        record(conn, &job.actor, event).await?;
        Ok::<_, Error>(())
    })
    .await
}

async fn cancel_requested(pool: &Pool, id: Uuid) -> Result<bool> {
    let mut c = pool.get().await.map_err(|_| Error::Unavailable)?;
    Ok(j::table
        .find(id)
        .select(j::cancel_requested)
        .first(&mut c)
        .await?)
}

/// One line, read and checked: a row ready to write, or its problems.
enum Read<C> {
    Row(Box<Row>, Checked<C>),
    Refused(Vec<ImportProblem>),
    Blank,
}

/// Reads and checks a line; `seen` catches an external id a line before already used.
fn read<R: Register>(
    book: &CodeBook,
    source: &str,
    seen: &mut HashMap<(String, String), i32>,
    n: i32,
    line: Line,
) -> Read<R::Clean> {
    let text = match line {
        Line::Text(t) if t.trim().is_empty() => return Read::Blank,
        Line::Text(t) => t,
        Line::TooLong(len) => {
            return Read::Refused(vec![rows::line_problem(
                n,
                "too_long",
                &format!("{len} bytes: a line has at most {MAX_LINE}"),
            )])
        }
        Line::NotUtf8(at) => {
            return Read::Refused(vec![rows::line_problem(
                n,
                "encoding",
                &format!("not UTF-8 (byte {} of the line)", at + 1),
            )])
        }
    };
    let row = match rows::parse(n, &text, source) {
        Ok(r) => r,
        Err(p) => return Read::Refused(vec![p]),
    };
    let key = (row.source_system.clone(), row.external_id.clone());
    if let Some(first) = seen.get(&key) {
        let mut p = rows::line_problem(
            n,
            "duplicate",
            &format!(
                "external_id {} was used on line {first} already",
                row.external_id
            ),
        );
        p.field = "external_id".into();
        p.external_id = Some(row.external_id.clone());
        return Read::Refused(vec![p]);
    }
    seen.insert(key, n);
    match rows::check::<R>(book, &row) {
        Ok(c) => Read::Row(Box::new(row), c),
        Err(problems) => Read::Refused(problems),
    }
}

async fn save_problems(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    problems: &[ImportProblem],
) -> Result<()> {
    let rows: Vec<_> = problems
        .iter()
        .enumerate()
        .map(|(seq, q)| {
            (
                p::job_id.eq(id),
                p::line.eq(q.line),
                p::seq.eq(i32::try_from(seq).unwrap_or(i32::MAX)),
                p::external_id.eq(q.external_id.clone()),
                p::field.eq(q.field.clone()),
                p::code.eq(q.code.clone()),
                p::message.eq(q.message.clone()),
            )
        })
        .collect();
    for chunk in rows.chunks(1000) {
        diesel::insert_into(p::table)
            .values(chunk)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

async fn progress(conn: &mut AsyncPgConnection, id: Uuid, rows_done: i32, c: Counts) -> Result<()> {
    diesel::update(j::table.find(id))
        .set((
            j::rows_done.eq(rows_done),
            j::created.eq(c.created),
            j::updated.eq(c.updated),
            j::unchanged.eq(c.unchanged),
            j::rejected.eq(c.rejected),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Starts the file over: its problems and counts forgotten.
async fn restart(conn: &mut AsyncPgConnection, id: Uuid) -> Result<()> {
    diesel::delete(p::table.filter(p::job_id.eq(id)))
        .execute(conn)
        .await?;
    progress(conn, id, 0, Counts::default()).await
}

async fn open(storage: &Storage, key: &str) -> Result<Lines<object_store::buffered::BufReader>> {
    let reader = storage.reader(key).await.map_err(Error::internal)?;
    Ok(Lines::new(reader))
}

/// A pass over the whole file checking every line (a dry run, or the first pass of an
/// `all_or_nothing` import): problems kept, counts foreseen, progress shown.
async fn check_pass<R: Register>(
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
    book: &CodeBook,
) -> Result<Option<Counts>> {
    restart(conn, job.id).await?;
    let mut lines = open(storage, &job.storage_key).await?;
    let mut seen = HashMap::new();
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let mut in_batch = 0;
    while let Some((n, line)) = lines.next().await.map_err(Error::internal)? {
        match read::<R>(book, &job.source_system, &mut seen, n, line) {
            Read::Blank => {}
            Read::Refused(mut found) => {
                counts.rejected += 1;
                problems.append(&mut found);
            }
            Read::Row(row, checked) => {
                counts.add(rows::foresee(conn, R::KIND, &row, &checked.sha256).await?);
            }
        }
        in_batch += 1;
        if in_batch == BATCH {
            in_batch = 0;
            save_problems(conn, job.id, &problems).await?;
            problems.clear();
            progress(conn, job.id, n, counts).await?;
            if cancel_requested(pool, job.id).await? {
                return Ok(None);
            }
        }
    }
    save_problems(conn, job.id, &problems).await?;
    progress(conn, job.id, lines.number(), counts).await?;
    Ok(Some(counts))
}

async fn typed<R: Register>(
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
    party: Party,
) -> Result<(End, Counts)> {
    let book = CodeBook::load(conn, R::CODE_LISTS).await?;
    if job.dry_run {
        return Ok(
            match check_pass::<R>(pool, conn, storage, job, &book).await? {
                Some(c) => (End::Done, c),
                None => (End::Cancelled, Counts::default()),
            },
        );
    }
    match job.mode {
        ImportMode::AllOrNothing => {
            all_or_nothing::<R>(pool, conn, storage, job, &book, party).await
        }
        ImportMode::ValidRows => valid_rows::<R>(pool, conn, storage, job, &book, party).await,
    }
}

async fn all_or_nothing<R: Register>(
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
    book: &CodeBook,
    party: Party,
) -> Result<(End, Counts)> {
    let Some(checked) = check_pass::<R>(pool, conn, storage, job, book).await? else {
        return Ok((End::Cancelled, Counts::default()));
    };
    if checked.rejected > 0 {
        return Ok((End::Refused, checked));
    }
    let mut lines = open(storage, &job.storage_key).await?;
    let written = conn
        .transaction(async |conn| {
            let mut seen = HashMap::new();
            let mut counts = Counts::default();
            let mut in_batch = 0;
            while let Some((n, line)) = lines.next().await.map_err(Error::internal)? {
                match read::<R>(book, &job.source_system, &mut seen, n, line) {
                    Read::Blank => {}
                    Read::Refused(_) => {
                        // the file changed under us: it was checked whole a moment ago
                        return Err(Error::State(
                            "changed",
                            format!("line {n} no longer reads as it did: nothing was written"),
                        ));
                    }
                    Read::Row(row, checked) => {
                        let o = rows::apply::<R>(
                            conn, &job.actor, job.who, job.id, party, &row, &checked,
                        )
                        .await?;
                        counts.add(o);
                    }
                }
                in_batch += 1;
                if in_batch == BATCH {
                    in_batch = 0;
                    if cancel_requested(pool, job.id).await? {
                        return Err(Error::State("cancelled", String::new()));
                    }
                }
            }
            progress(conn, job.id, lines.number(), counts).await?;
            Ok(counts)
        })
        .await;
    match written {
        Ok(c) => Ok((End::Done, c)),
        Err(Error::State("cancelled", _)) => Ok((End::Cancelled, Counts::default())),
        Err(e) => Err(e),
    }
}

async fn valid_rows<R: Register>(
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
    book: &CodeBook,
    party: Party,
) -> Result<(End, Counts)> {
    // resume after the lines settled before (their counts are in the job's row)
    let (created, updated, unchanged, rejected): (i32, i32, i32, i32) = j::table
        .find(job.id)
        .select((j::created, j::updated, j::unchanged, j::rejected))
        .first(conn)
        .await?;
    let mut counts = Counts {
        created,
        updated,
        unchanged,
        rejected,
    };
    let done = job.rows_done;
    let mut lines = open(storage, &job.storage_key).await?;
    let mut seen = HashMap::new();
    loop {
        if cancel_requested(pool, job.id).await? {
            return Ok((End::Cancelled, counts));
        }
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match lines.next().await.map_err(Error::internal)? {
                Some(l) => batch.push(l),
                None => break,
            }
        }
        if batch.is_empty() {
            return Ok((End::Done, counts));
        }
        let last = batch.last().map(|(n, _)| *n).unwrap_or(done);
        if last <= done {
            // settled before the restart: only their ids are remembered (duplicates)
            for (n, line) in batch {
                if let Line::Text(t) = line {
                    if let Ok(row) = rows::parse(n, &t, &job.source_system) {
                        seen.entry((row.source_system, row.external_id))
                            .or_insert(n);
                    }
                }
            }
            continue;
        }
        let mut next = counts;
        let mut problems = Vec::new();
        let mut ready = Vec::new();
        for (n, line) in batch {
            if n <= done {
                continue;
            }
            match read::<R>(book, &job.source_system, &mut seen, n, line) {
                Read::Blank => {}
                Read::Refused(mut found) => {
                    next.rejected += 1;
                    problems.append(&mut found);
                }
                Read::Row(row, checked) => ready.push((row, checked)),
            }
        }
        counts = conn
            .transaction(async |conn| {
                for (row, checked) in &ready {
                    let o =
                        rows::apply::<R>(conn, &job.actor, job.who, job.id, party, row, checked)
                            .await?;
                    next.add(o);
                }
                save_problems(conn, job.id, &problems).await?;
                progress(conn, job.id, last, next).await?;
                Ok::<_, Error>(next)
            })
            .await?;
    }
}

/// Runs imports as they come, on every instance (one at a time per instance).
pub fn spawn(pool: Pool, storage: Storage) {
    tokio::spawn(async move {
        loop {
            let claimed = match pool.get().await {
                Ok(mut conn) => claim(&mut conn).await,
                Err(_) => Ok(None),
            };
            match claimed {
                Ok(Some(id)) => {
                    if let Err(e) = run(&pool, &storage, id).await {
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
