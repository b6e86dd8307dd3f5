//! The imports' operations: a job made when a file is uploaded (or a dry run committed), read,
//! cancelled on request; its problems, page by page.

use super::dto::*;
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::db::schema::{import_jobs as j, import_problems as p, users};
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use crate::registers::labels::labels;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

/// A file kept in the store, about to be imported.
pub struct Upload {
    pub id: Uuid,
    pub storage_key: String,
    pub size_bytes: i64,
    pub sha256: String,
}

type JobRow = (
    (
        Uuid,
        RecordType,
        ImportFormat,
        ImportMode,
        bool,
        String,
        ImportStatus,
    ),
    (Option<String>, i64, String, i32, i32, i32, i32, i32),
    (Option<String>, bool, Uuid, Option<String>),
    (
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    ),
    (i64, i32, i32),
);

macro_rules! job_columns {
    () => {
        (
            (
                j::id,
                j::record_type,
                j::format,
                j::mode,
                j::dry_run,
                j::source_system,
                j::status,
            ),
            (
                j::filename,
                j::size_bytes,
                j::sha256,
                j::rows_done,
                j::created,
                j::updated,
                j::unchanged,
                j::rejected,
            ),
            (
                j::failure,
                j::cancel_requested,
                j::created_by,
                users::display_name.nullable(),
            ),
            (
                j::created_at,
                j::started_at,
                j::finished_at,
                j::file_purged_at,
            ),
            (j::bytes_done, j::matched, j::proposals),
        )
    };
}

fn job(r: JobRow) -> ImportJob {
    let ((id, record_type, format, mode, dry_run, source_system, status), counts, who, times, more) =
        r;
    let (bytes_done, matched, proposals) = more;
    let (filename, size_bytes, sha256, rows_done, created, updated, unchanged, rejected) = counts;
    let (failure, cancel_requested, created_by, created_by_name) = who;
    let (created_at, started_at, finished_at, file_purged_at) = times;
    ImportJob {
        id,
        record_type,
        format,
        mode,
        dry_run,
        source_system,
        status,
        filename,
        size_bytes,
        sha256,
        rows_done,
        bytes_done,
        created,
        updated,
        unchanged,
        rejected,
        matched,
        proposals,
        failure,
        cancel_requested,
        created_by,
        created_by_name,
        created_at,
        started_at,
        finished_at,
        file_purged_at,
    }
}

/// Queues the import of an uploaded file; audited (`import.create`).
pub async fn create(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    req: &ImportRequest,
    upload: &Upload,
) -> Result<ImportJob> {
    let source = req.source_system.trim();
    if source.is_empty() || source.chars().count() > 100 || source.contains('\0') {
        return Err(Error::validation(
            "source_system",
            "length",
            "1 to 100 characters, no NUL",
        ));
    }
    let filename = req
        .filename
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty());
    if filename.is_some_and(|f| f.chars().count() > 255 || f.contains('\0')) {
        return Err(Error::validation(
            "filename",
            "length",
            "at most 255 characters, no NUL",
        ));
    }
    conn.transaction(async |conn| {
        diesel::insert_into(j::table)
            .values((
                j::id.eq(upload.id),
                j::record_type.eq(req.record_type.as_str()),
                j::format.eq(req.format.as_str()),
                j::mode.eq(req.mode.as_str()),
                j::dry_run.eq(req.dry_run),
                j::source_system.eq(source),
                j::filename.eq(filename),
                j::size_bytes.eq(upload.size_bytes),
                j::sha256.eq(&upload.sha256),
                j::storage_key.eq(&upload.storage_key),
                j::created_by.eq(who.id),
                j::unit_id.eq(who.unit_id),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("import.create")
            .object("import", upload.id)
            .details(json!({
                "record_type": req.record_type, "format": req.format, "mode": req.mode,
                "dry_run": req.dry_run, "source_system": source, "filename": filename,
                "size": upload.size_bytes, "sha256": upload.sha256,
            }));
        record(conn, actor, event).await?;
        diesel::sql_query("NOTIFY ncen_imports")
            .execute(conn)
            .await?;
        get(conn, who.unit_id, upload.id).await
    })
    .await
}

/// An import of `unit` (404 for another unit's: its report names lines and records).
pub async fn get(conn: &mut AsyncPgConnection, unit: Uuid, id: Uuid) -> Result<ImportJob> {
    let row: Option<JobRow> = j::table
        .left_join(users::table.on(users::id.eq(j::created_by)))
        .filter(j::id.eq(id))
        .filter(j::unit_id.eq(unit))
        .select(job_columns!())
        .first(conn)
        .await
        .optional()?;
    row.map(job).ok_or(Error::NotFound)
}

/// The latest imports of `unit`, newest first (at most 100).
pub async fn list(conn: &mut AsyncPgConnection, unit: Uuid) -> Result<ImportList> {
    let rows: Vec<JobRow> = j::table
        .left_join(users::table.on(users::id.eq(j::created_by)))
        .filter(j::unit_id.eq(unit))
        .order((j::created_at.desc(), j::id.desc()))
        .select(job_columns!())
        .limit(100)
        .load(conn)
        .await?;
    Ok(ImportList {
        items: rows.into_iter().map(job).collect(),
    })
}

/// The problems of an import, a page of at most 1 000 after line `after`.
pub async fn problems(
    conn: &mut AsyncPgConnection,
    unit: Uuid,
    id: Uuid,
    q: &ProblemsQuery,
) -> Result<ImportProblems> {
    let after = after(q.after)?;
    if q.code.as_ref().is_some_and(|c| c.chars().count() > 100) {
        return Err(Error::validation(
            "code",
            "length",
            "at most 100 characters",
        ));
    }
    get(conn, unit, id).await?;
    const PAGE: i64 = 1000;
    let mut query = p::table
        .filter(p::job_id.eq(id))
        .filter(p::line.gt(after))
        .into_boxed();
    if let Some(code) = &q.code {
        query = query.filter(p::code.eq(code));
    }
    let rows: Vec<(i32, Option<String>, String, String, String)> = query
        .order((p::line.asc(), p::seq.asc()))
        .select((p::line, p::external_id, p::field, p::code, p::message))
        .limit(PAGE + 1)
        .load(conn)
        .await?;
    let more = rows.len() as i64 > PAGE;
    let mut items: Vec<ImportProblem> = rows
        .into_iter()
        .take(PAGE as usize)
        .map(|(line, external_id, field, code, message)| ImportProblem {
            line,
            external_id,
            field,
            code,
            message,
        })
        .collect();
    let next_after = whole_lines(&mut items, more, |i| i.line);
    Ok(ImportProblems { items, next_after })
}

/// The line a page starts after (0: from the first).
fn after(after: Option<i32>) -> Result<i32> {
    match after {
        Some(n) if n < 0 => Err(Error::validation("after", "range", "must be 0 or more")),
        n => Ok(n.unwrap_or(0)),
    }
}

/// Ends a page on a whole line (a line's items never split over two pages): the `after` of
/// the next page, if there is one.
fn whole_lines<T>(items: &mut Vec<T>, more: bool, line: impl Fn(&T) -> i32) -> Option<i32> {
    if !more {
        return None;
    }
    let last = items.last().map(&line).unwrap_or_default();
    if items.iter().any(|i| line(i) != last) {
        items.retain(|i| line(i) != last);
        items.last().map(&line)
    } else {
        Some(last)
    }
}

/// The proposals of an import of cases: parties it created beside existing records they
/// may be, with how lists show both, in line order, a page at a time. Reading them reads
/// names: audited (`import.proposals_read`, the records shown).
pub async fn proposals(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    unit: Uuid,
    id: Uuid,
    q: &ProposalsQuery,
) -> Result<ImportProposals> {
    use crate::db::schema::import_proposals as r;
    let after = after(q.after)?;
    get(conn, unit, id).await?;
    const PAGE: i64 = 1000;
    let rows: Vec<(i32, String, String, Uuid, Uuid, Uuid, f64)> = r::table
        .filter(r::job_id.eq(id))
        .filter(r::line.gt(after))
        .order((r::line.asc(), r::field.asc(), r::score.desc()))
        .select((
            r::line,
            r::field,
            r::record_kind,
            r::case_id,
            r::record_id,
            r::candidate_id,
            r::score,
        ))
        .limit(PAGE + 1)
        .load(conn)
        .await?;
    let more = rows.len() as i64 > PAGE;
    let mut items: Vec<ImportProposal> = rows
        .into_iter()
        .take(PAGE as usize)
        .map(
            |(line, field, record_kind, case_id, record_id, candidate_id, score)| ImportProposal {
                line,
                field,
                record_kind,
                case_id,
                record_id,
                candidate_id,
                score,
                record_label: None,
                candidate_label: None,
            },
        )
        .collect();
    let next_after = whole_lines(&mut items, more, |i| i.line);
    let of = |kind: &str| -> Vec<Uuid> {
        items
            .iter()
            .filter(|i| i.record_kind == kind)
            .flat_map(|i| [i.record_id, i.candidate_id])
            .collect()
    };
    let (persons, companies) = (of("person"), of("company"));
    conn.transaction(async |conn| {
        let labels = labels(conn, &persons, &companies, &[]).await?;
        for i in &mut items {
            i.record_label = labels.get(&i.record_id).cloned();
            i.candidate_label = labels.get(&i.candidate_id).cloned();
        }
        if !items.is_empty() {
            let event = Event::new("import.proposals_read")
                .object("import", id)
                .details(json!({ "persons": persons, "companies": companies }));
            record(conn, actor, event).await?;
        }
        Ok::<_, Error>(())
    })
    .await?;
    Ok(ImportProposals { items, next_after })
}

/// Asks a queued or running import to stop: a queued one is cancelled at once, a running one
/// at its next batch (an `all_or_nothing` import then writes nothing). 409 `finished` for an
/// import that ended. Audited (`import.cancel`).
pub async fn cancel(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    unit: Uuid,
    id: Uuid,
) -> Result<ImportJob> {
    conn.transaction(async |conn| {
        let status: ImportStatus = j::table
            .find(id)
            .filter(j::unit_id.eq(unit))
            .select(j::status)
            .for_update()
            .first(conn)
            .await
            .optional()?
            .ok_or(Error::NotFound)?;
        if status.is_final() {
            return Err(Error::State(
                "finished",
                format!("this import is {} already", status.as_str()),
            ));
        }
        if status == ImportStatus::Queued {
            diesel::update(j::table.find(id))
                .set((
                    j::status.eq(ImportStatus::Cancelled),
                    j::cancel_requested.eq(true),
                    j::finished_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .await?;
        } else {
            diesel::update(j::table.find(id))
                .set(j::cancel_requested.eq(true))
                .execute(conn)
                .await?;
        }
        let event = Event::new("import.cancel")
            .object("import", id)
            .details(json!({ "status": status }));
        record(conn, actor, event).await?;
        get(conn, unit, id).await
    })
    .await
}

/// Queues the import, for real, of the file of a dry run that succeeded (its settings; `mode`
/// when given). Once per dry run. Audited (`import.create`).
pub async fn commit(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    dry: Uuid,
    mode: Option<ImportMode>,
) -> Result<ImportJob> {
    conn.transaction(async |conn| {
        let base = get(conn, who.unit_id, dry).await?;
        if !base.dry_run {
            return Err(Error::State(
                "not_a_dry_run",
                "this import was not a dry run".into(),
            ));
        }
        if base.status != ImportStatus::Succeeded {
            return Err(Error::State(
                "not_finished",
                format!(
                    "the dry run is {}: commit one that succeeded",
                    base.status.as_str()
                ),
            ));
        }
        if base.file_purged_at.is_some() {
            return Err(Error::State(
                "file_gone",
                "this dry run's file was removed since: upload it again".into(),
            ));
        }
        let taken: bool = diesel::select(diesel::dsl::exists(
            j::table.filter(j::from_dry_run.eq(dry)),
        ))
        .get_result(conn)
        .await?;
        if taken {
            return Err(Error::State(
                "committed",
                "this dry run was committed already".into(),
            ));
        }
        let key: String = j::table
            .find(dry)
            .select(j::storage_key)
            .first(conn)
            .await?;
        let id = Uuid::now_v7();
        let mode = mode.unwrap_or(base.mode);
        diesel::insert_into(j::table)
            .values((
                j::id.eq(id),
                j::record_type.eq(base.record_type.as_str()),
                j::format.eq(base.format.as_str()),
                j::mode.eq(mode.as_str()),
                j::dry_run.eq(false),
                j::source_system.eq(&base.source_system),
                j::filename.eq(&base.filename),
                j::size_bytes.eq(base.size_bytes),
                j::sha256.eq(&base.sha256),
                j::storage_key.eq(&key),
                j::created_by.eq(who.id),
                j::unit_id.eq(who.unit_id),
                j::from_dry_run.eq(dry),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("import.create")
            .object("import", id)
            .details(json!({
                "record_type": base.record_type, "format": base.format, "mode": mode,
                "dry_run": false, "source_system": base.source_system, "from_dry_run": dry,
                "size": base.size_bytes, "sha256": base.sha256,
            }));
        record(conn, actor, event).await?;
        diesel::sql_query("NOTIFY ncen_imports")
            .execute(conn)
            .await?;
        get(conn, who.unit_id, id).await
    })
    .await
}

/// A file is removed from the store this many days after the last import reading it ended.
pub const FILE_DAYS: i64 = 30;

/// Removes the files of imports that all ended more than `FILE_DAYS` ago (the jobs, their
/// reports and proposals stay), audited (`import.files_purged`); returns how many.
pub async fn purge_files(conn: &mut AsyncPgConnection, storage: &Storage) -> Result<usize> {
    #[derive(QueryableByName)]
    struct Gone {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: Uuid,
        #[diesel(sql_type = diesel::sql_types::Text)]
        storage_key: String,
    }
    let gone: Vec<Gone> = conn
        .transaction(async |conn| {
            // a dry run and its commit share one file: it goes when both have ended
            let gone: Vec<Gone> = diesel::sql_query(
                "UPDATE import_jobs SET file_purged_at = now() \
                 WHERE file_purged_at IS NULL AND storage_key IN ( \
                   SELECT storage_key FROM import_jobs GROUP BY storage_key \
                   HAVING bool_and(status IN ('succeeded', 'failed', 'cancelled')) \
                      AND max(finished_at) < now() - make_interval(days => $1)) \
                 RETURNING id, storage_key",
            )
            .bind::<diesel::sql_types::Integer, _>(FILE_DAYS as i32)
            .load(conn)
            .await?;
            if !gone.is_empty() {
                let ids: Vec<Uuid> = gone.iter().map(|g| g.id).collect();
                let event = Event::new("import.files_purged")
                    .details(json!({ "imports": ids, "file_days": FILE_DAYS }));
                record(conn, &Actor::system(), event).await?;
            }
            Ok::<_, Error>(gone)
        })
        .await?;
    let keys: std::collections::BTreeSet<&str> =
        gone.iter().map(|g| g.storage_key.as_str()).collect();
    for key in &keys {
        let _ = storage.delete(key).await;
    }
    Ok(keys.len())
}
