//! The runs of an import, the same for every record type (`kinds::Kind`):
//! - a dry run (`check_pass`) checks every line and foresees what a commit would do;
//! - `all_or_nothing` checks the whole file first, writes nothing if a line is refused, and
//!   otherwise writes it in one transaction;
//! - `valid_rows` writes the good lines a batch at a time — each batch with its problems and
//!   the job's counts in one transaction, so a stopped run resumes after the last batch.
//!
//! The job's row carries the progress (lines, bytes, counts), and each step is announced to
//! the importer's live events (`import.progress`).

use super::dto::*;
use super::kinds::{Ctx, Kind, Tally};
use super::lines::{Line, MAX_LINE};
use super::rows::{self, Row};
use super::source::{Parser, Source};
use crate::audit::Actor;
use crate::db::schema::{import_jobs as j, import_problems as p};
use crate::db::Pool;
use crate::error::{Error, Result};
use crate::events::{repo as events, Outgoing};
use crate::files::storage::Storage;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Lines settled per transaction (and between two looks at a cancel request).
pub const BATCH: usize = 500;
/// A batch also ends once its lines hold this many bytes: a file of long lines (up to
/// `MAX_LINE` each) is not held 500 at a time.
pub const BATCH_BYTES: usize = 8 << 20;

/// The job as a run needs it.
pub struct Job {
    pub id: Uuid,
    pub record_type: RecordType,
    pub format: ImportFormat,
    pub size_bytes: u64,
    pub mode: ImportMode,
    pub dry_run: bool,
    pub source_system: String,
    pub storage_key: String,
    pub rows_done: i32,
    pub attempts: i32,
    pub cancel_requested: bool,
    pub actor: Actor,
    pub who: Uuid,
    pub unit_id: Uuid,
}

/// How a run ended, short of an error.
pub enum End {
    Done,
    Cancelled,
    /// `all_or_nothing` with refused lines: nothing written.
    Refused,
}

/// Where a run is in the file.
#[derive(Clone, Copy)]
struct At {
    line: i32,
    bytes: u64,
}

impl At {
    fn of(source: &Source) -> At {
        let (line, bytes) = source.at();
        At { line, bytes }
    }

    /// The job's columns saying where it is.
    #[allow(clippy::type_complexity)]
    fn columns(
        self,
    ) -> (
        diesel::dsl::Eq<j::rows_done, i32>,
        diesel::dsl::Eq<j::bytes_done, i64>,
    ) {
        (
            j::rows_done.eq(self.line),
            j::bytes_done.eq(i64::try_from(self.bytes).unwrap_or(i64::MAX)),
        )
    }
}

/// The live event announcing where `job` stands (to the one who started it).
pub fn announce(job: &Job, status: ImportStatus, rows_done: i32, counts: Tally) -> Outgoing {
    Outgoing {
        user_id: job.who,
        kind: "import.progress",
        data: json!({
            "id": job.id, "status": status, "rows_done": rows_done,
            "created": counts.created, "updated": counts.updated,
            "unchanged": counts.unchanged, "rejected": counts.rejected,
        }),
    }
}

async fn cancel_requested(pool: &Pool, id: Uuid) -> Result<bool> {
    let mut c = pool.get().await.map_err(|_| Error::Unavailable)?;
    Ok(j::table
        .find(id)
        .select(j::cancel_requested)
        .first(&mut c)
        .await?)
}

/// The lines each (source system, external id) of the file was first met on, by a 128-bit
/// digest of the pair: a file of millions of rows costs tens of megabytes, not its ids'
/// text (a collision, some 10^-26 for a million rows, would report a line as a duplicate).
type Seen = HashMap<u128, i32>;

fn seen_key(source: &str, external_id: &str) -> u128 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(source.as_bytes())
        .chain_update([0])
        .chain_update(external_id.as_bytes())
        .finalize();
    let mut first = [0u8; 16];
    first.copy_from_slice(digest.get(..16).unwrap_or(&[0; 16]));
    u128::from_le_bytes(first)
}

/// One line, read and checked: a row ready to write, or its problems.
enum Read<T> {
    Row(Box<Row>, T),
    Refused(Vec<ImportProblem>),
    Blank,
}

/// Reads and checks a line; `seen` catches an external id a line before already used.
async fn read<K: Kind>(
    kind: &K,
    conn: &mut AsyncPgConnection,
    file: &Parser,
    source: &str,
    seen: &mut Seen,
    n: i32,
    line: Line,
) -> Result<Read<K::Ready>> {
    let text = match line {
        Line::Text(t) if t.trim().is_empty() => return Ok(Read::Blank),
        Line::Text(t) => t,
        Line::TooLong(len) => {
            return Ok(Read::Refused(vec![rows::line_problem(
                n,
                "too_long",
                &format!("{len} bytes: a line has at most {MAX_LINE}"),
            )]))
        }
        Line::NotUtf8(at) => {
            return Ok(Read::Refused(vec![rows::line_problem(
                n,
                "encoding",
                &format!("not UTF-8 (byte {} of the line)", at + 1),
            )]))
        }
    };
    let row = match file.parse(n, &text, source) {
        Ok(r) => r,
        Err(p) => return Ok(Read::Refused(vec![p])),
    };
    let key = seen_key(&row.source_system, &row.external_id);
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
        return Ok(Read::Refused(vec![p]));
    }
    seen.insert(key, n);
    Ok(match kind.check(conn, &row).await? {
        Ok(ready) => Read::Row(Box::new(row), ready),
        Err(problems) => Read::Refused(problems),
    })
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

/// Defers, until `flush`, the refreshes the database runs per written case (the cases' filter
/// arrays, the registers' last case; migration 51): a batch pays them once.
async fn defer(conn: &mut AsyncPgConnection) -> Result<()> {
    diesel::sql_query("SELECT ncen_defer_refresh()")
        .execute(conn)
        .await?;
    Ok(())
}

/// Runs the refreshes deferred since `defer`, once for every record written.
async fn flush(conn: &mut AsyncPgConnection) -> Result<()> {
    diesel::sql_query("SELECT ncen_flush_refresh()")
        .execute(conn)
        .await?;
    Ok(())
}

/// Records where the job stands (and announces it).
async fn progress(conn: &mut AsyncPgConnection, job: &Job, at: At, c: Tally) -> Result<()> {
    diesel::update(j::table.find(job.id))
        .set((&c, at.columns()))
        .execute(conn)
        .await?;
    events::publish(conn, vec![announce(job, ImportStatus::Running, at.line, c)]).await
}

/// Starts the file over: its problems, proposals and counts forgotten.
async fn restart(conn: &mut AsyncPgConnection, job: &Job) -> Result<()> {
    use crate::db::schema::import_proposals as q;
    diesel::delete(p::table.filter(p::job_id.eq(job.id)))
        .execute(conn)
        .await?;
    diesel::delete(q::table.filter(q::job_id.eq(job.id)))
        .execute(conn)
        .await?;
    progress(conn, job, At { line: 0, bytes: 0 }, Tally::default()).await
}

async fn open(storage: &Storage, job: &Job) -> Result<Source> {
    Source::open(
        storage,
        &job.storage_key,
        job.format,
        job.record_type,
        job.size_bytes,
    )
    .await
}

/// A pass over the whole file checking every line (a dry run, or the first pass of an
/// `all_or_nothing` import): problems kept, counts foreseen, progress shown. `None` when
/// cancelled.
pub async fn check_pass<K: Kind>(
    kind: &K,
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
) -> Result<Option<Tally>> {
    restart(conn, job).await?;
    let mut lines = open(storage, job).await?;
    let parser = lines.parser();
    let mut seen = Seen::new();
    let mut counts = Tally::default();
    let mut problems = Vec::new();
    let mut in_batch = 0;
    while let Some((n, line)) = lines.next().await.map_err(Error::internal)? {
        let settled =
            match read(kind, conn, &parser, &job.source_system, &mut seen, n, line).await? {
                Read::Blank => Ok(Tally::default()),
                Read::Refused(found) => Err(found),
                Read::Row(row, ready) => kind.foresee(conn, &row, &ready).await?,
            };
        match settled {
            Ok(t) => counts.add(t),
            Err(mut found) => {
                counts.rejected += 1;
                problems.append(&mut found);
            }
        }
        in_batch += 1;
        if in_batch == BATCH {
            in_batch = 0;
            save_problems(conn, job.id, &problems).await?;
            problems.clear();
            progress(conn, job, At::of(&lines), counts).await?;
            if cancel_requested(pool, job.id).await? {
                return Ok(None);
            }
        }
    }
    save_problems(conn, job.id, &problems).await?;
    progress(conn, job, At::of(&lines), counts).await?;
    Ok(Some(counts))
}

/// A dry run: the check pass alone.
pub async fn dry_run<K: Kind>(
    kind: &K,
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
) -> Result<(End, Tally)> {
    Ok(match check_pass(kind, pool, conn, storage, job).await? {
        Some(c) => (End::Done, c),
        None => (End::Cancelled, Tally::default()),
    })
}

/// Shows how far the writing pass of an `all_or_nothing` import is, from outside its
/// transaction (lines and bytes only: its counts are true once it commits).
async fn written_so_far(pool: &Pool, job: &Job, at: At) -> Result<()> {
    let mut c = pool.get().await.map_err(|_| Error::Unavailable)?;
    diesel::update(j::table.find(job.id))
        .set(at.columns())
        .execute(&mut c)
        .await?;
    Ok(())
}

pub async fn all_or_nothing<K: Kind>(
    kind: &K,
    ctx: &Ctx<'_>,
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
) -> Result<(End, Tally)> {
    let Some(checked) = check_pass(kind, pool, conn, storage, job).await? else {
        return Ok((End::Cancelled, Tally::default()));
    };
    if checked.rejected > 0 {
        return Ok((End::Refused, checked));
    }
    let mut lines = open(storage, job).await?;
    let parser = lines.parser();
    let written = conn
        .transaction(async |conn| {
            let mut seen = Seen::new();
            let mut counts = Tally::default();
            defer(conn).await?;
            loop {
                let mut reads = Vec::with_capacity(BATCH);
                let (mut end, mut held) = (true, 0);
                while let Some((n, line)) = lines.next().await.map_err(Error::internal)? {
                    held += line.held();
                    let r = read(kind, conn, &parser, &job.source_system, &mut seen, n, line);
                    reads.push((n, r.await?));
                    if reads.len() == BATCH || held >= BATCH_BYTES {
                        end = false;
                        break;
                    }
                }
                let mut pending = K::Batch::default();
                let rows: Vec<(&Row, &K::Ready)> = reads
                    .iter()
                    .filter_map(|(_, r)| match r {
                        Read::Row(row, ready) => Some((&**row, ready)),
                        _ => None,
                    })
                    .collect();
                kind.prepare(conn, &rows, &mut pending).await?;
                for (n, r) in reads {
                    let settled = match r {
                        Read::Blank => Ok(Tally::default()),
                        Read::Refused(found) => Err(found),
                        Read::Row(row, ready) => {
                            kind.apply(conn, ctx, &row, ready, &mut pending).await?
                        }
                    };
                    match settled {
                        Ok(t) => counts.add(t),
                        // the file, or the records it updates, changed since it was checked whole
                        Err(_) => {
                            return Err(Error::State(
                                "changed",
                                format!("line {n} no longer reads as it did: nothing was written"),
                            ))
                        }
                    }
                }
                kind.finish(conn, ctx, pending).await?;
                flush(conn).await?;
                if end {
                    break;
                }
                defer(conn).await?;
                if cancel_requested(pool, job.id).await? {
                    return Err(Error::State("cancelled", String::new()));
                }
                written_so_far(pool, job, At::of(&lines)).await?;
            }
            progress(conn, job, At::of(&lines), counts).await?;
            Ok(counts)
        })
        .await;
    match written {
        Ok(c) => Ok((End::Done, c)),
        Err(Error::State("cancelled", _)) => Ok((End::Cancelled, Tally::default())),
        Err(e) => Err(e),
    }
}

pub async fn valid_rows<K: Kind>(
    kind: &K,
    ctx: &Ctx<'_>,
    pool: &Pool,
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    job: &Job,
) -> Result<(End, Tally)> {
    // resume after the lines settled before (their counts are in the job's row)
    let mut counts: Tally = j::table
        .find(job.id)
        .select(Tally::as_select())
        .first(conn)
        .await?;
    let done = job.rows_done;
    let mut lines = open(storage, job).await?;
    let parser = lines.parser();
    let mut seen = Seen::new();
    loop {
        if cancel_requested(pool, job.id).await? {
            return Ok((End::Cancelled, counts));
        }
        let (mut batch, mut held) = (Vec::with_capacity(BATCH), 0);
        while batch.len() < BATCH && held < BATCH_BYTES {
            match lines.next().await.map_err(Error::internal)? {
                Some(l) => {
                    held += l.1.held();
                    batch.push(l);
                }
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
                    if let Ok(row) = parser.parse(n, &t, &job.source_system) {
                        seen.entry(seen_key(&row.source_system, &row.external_id))
                            .or_insert(n);
                    }
                }
            }
            continue;
        }
        let mut ready = Vec::new();
        let mut refused = Vec::new();
        for (n, line) in batch {
            if n <= done {
                continue;
            }
            match read(kind, conn, &parser, &job.source_system, &mut seen, n, line).await? {
                Read::Blank => {}
                Read::Refused(found) => refused.push(found),
                Read::Row(row, r) => ready.push((row, r)),
            }
        }
        let at = At::of(&lines);
        counts = conn
            .transaction(async |conn| {
                let mut next = counts;
                let mut problems: Vec<ImportProblem> = Vec::new();
                let mut pending = K::Batch::default();
                defer(conn).await?;
                let rows: Vec<(&Row, &K::Ready)> =
                    ready.iter().map(|(row, r)| (&**row, r)).collect();
                kind.prepare(conn, &rows, &mut pending).await?;
                drop(rows);
                for (row, r) in ready.drain(..) {
                    // a row whose record refuses the change (a case validated since, say)
                    match kind.apply(conn, ctx, &row, r, &mut pending).await? {
                        Ok(t) => next.add(t),
                        Err(found) => refused.push(found),
                    }
                }
                kind.finish(conn, ctx, pending).await?;
                flush(conn).await?;
                next.rejected += i32::try_from(refused.len()).unwrap_or(i32::MAX);
                for found in refused.drain(..) {
                    problems.extend(found);
                }
                problems.sort_by_key(|q| q.line);
                save_problems(conn, job.id, &problems).await?;
                progress(conn, job, At { line: last, ..at }, next).await?;
                Ok::<_, Error>(next)
            })
            .await?;
    }
}
