//! Merge and undo, each in one transaction with its history entries and audit row.

use super::dto::{MergeCounts, MergeDto, MergeInput, MergeKind, RecordLabel};
use super::fields::{combine, subtract};
use super::links::{insert_link, links_of, move_links, tables, Link};
use crate::audit::{record, Actor, Event};
use crate::common::check::Checker;
use crate::common::names::{named, user_names};
use crate::db::schema::register_merges as m;
use crate::error::{Error, Result};
use crate::registers::{checked, history, Register};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Int4, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use uuid::Uuid;

pub fn kind_of<R: Register>() -> Result<MergeKind> {
    MergeKind::parse(R::KIND).ok_or_else(|| Error::internal(anyhow::anyhow!("not mergeable")))
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Int4)]
    version: i32,
    #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
    merged_into: Option<Uuid>,
}

/// Locks the records (in id order: two merges never wait on each other crosswise).
async fn lock(conn: &mut AsyncPgConnection, kind: MergeKind, ids: &[Uuid]) -> Result<Vec<Locked>> {
    let sql = format!(
        "SELECT id, version, merged_into FROM {} WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        tables(kind).records
    );
    Ok(diesel::sql_query(sql)
        .bind::<diesel::sql_types::Array<SqlUuid>, _>(ids)
        .load(conn)
        .await?)
}

/// The record a (possibly merged) id stands for now: itself, or the survivor it was merged
/// into (following merges of merges).
pub async fn resolve(conn: &mut AsyncPgConnection, kind: MergeKind, id: Uuid) -> Result<Uuid> {
    #[derive(QueryableByName)]
    struct Target {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let t = tables(kind);
    let sql = format!(
        "WITH RECURSIVE chain(id, next, depth) AS ( \
           SELECT id, merged_into, 0 FROM {0} WHERE id = $1 \
           UNION ALL SELECT r.id, r.merged_into, c.depth + 1 FROM {0} r JOIN chain c ON r.id = c.next \
            WHERE c.depth < 20) \
         SELECT id FROM chain ORDER BY depth DESC LIMIT 1",
        t.records
    );
    let found: Option<Target> = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(id)
        .get_result(conn)
        .await
        .optional()?;
    found.map(|t| t.id).ok_or(Error::NotFound)
}

/// Whether `id` is merged into another record now.
pub async fn is_merged(conn: &mut AsyncPgConnection, kind: MergeKind, id: Uuid) -> Result<bool> {
    Ok(lock_free(conn, kind, id)
        .await?
        .is_some_and(|r| r.merged_into.is_some()))
}

async fn lock_free(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    id: Uuid,
) -> Result<Option<Locked>> {
    let sql = format!(
        "SELECT id, version, merged_into FROM {} WHERE id = $1",
        tables(kind).records
    );
    Ok(diesel::sql_query(sql)
        .bind::<SqlUuid, _>(id)
        .get_result(conn)
        .await
        .optional()?)
}

/// What a merge changed, kept with it for the undo.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Moved {
    /// Per field of the survivor: the items added to a list, or the value a blank took.
    added: Map<String, Value>,
    links: Vec<Link>,
    dropped_links: Vec<Link>,
    alerts: Vec<Uuid>,
}

/// Writes `fields` over the record (its version must be `version`), keys and documents
/// included, through the register's own checks and update.
async fn rewrite<R: Register>(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    version: i32,
    fields: Value,
    by: Uuid,
) -> Result<()> {
    let input: R::Input = serde_json::from_value(fields)
        .map_err(|e| Error::internal(anyhow::anyhow!("register fields: {e}")))?;
    let clean = checked::<R>(conn, input).await?;
    R::update(conn, id, version, &clean, by).await
}

async fn set_merged(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    id: Uuid,
    into: Option<Uuid>,
    by: Uuid,
) -> Result<()> {
    diesel::sql_query(format!(
        "UPDATE {} SET merged_into = $2, version = version + 1, updated_by = $3, updated_at = now() \
          WHERE id = $1",
        tables(kind).records
    ))
    .bind::<SqlUuid, _>(id)
    .bind::<diesel::sql_types::Nullable<SqlUuid>, _>(into)
    .bind::<SqlUuid, _>(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// A merge or undo reason: required, at most 2 000 characters.
pub fn reason(raw: &str) -> Result<String> {
    let mut ck = Checker::new();
    let r = ck.required("reason", Some(raw.to_string()), 2000);
    ck.finish()?;
    Ok(r)
}

fn actor_id(actor: &Actor) -> Result<Uuid> {
    actor.id.ok_or(Error::Unauthenticated)
}

/// Merges `input.merged_id` into `survivor` (whose version must be `expected`). The caller
/// runs it in a transaction.
pub async fn merge<R: Register>(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    survivor: Uuid,
    expected: i32,
    input: MergeInput,
) -> Result<MergeDto> {
    let kind = kind_of::<R>()?;
    let by = actor_id(actor)?;
    let why = reason(&input.reason)?;
    let merged = input.merged_id;
    if merged == survivor {
        return Err(Error::validation(
            "merged_id",
            "same_record",
            "a record cannot be merged into itself",
        ));
    }
    let locked = lock(conn, kind, &[survivor, merged]).await?;
    let row = |id: Uuid| locked.iter().find(|r| r.id == id);
    let (Some(s), Some(g)) = (row(survivor), row(merged)) else {
        return Err(Error::NotFound);
    };
    if s.merged_into.is_some() {
        return Err(Error::Conflict(
            "the survivor is itself merged into another record".into(),
        ));
    }
    if g.merged_into.is_some() {
        return Err(Error::Conflict(
            "that record is already merged into another".into(),
        ));
    }
    if s.version != expected || g.version != input.merged_version {
        return Err(Error::StaleVersion);
    }
    let survivor_record = R::find(conn, survivor).await?;
    let merged_record = R::find(conn, merged).await?;
    let survivor_before =
        serde_json::to_value(R::fields(&survivor_record)).map_err(Error::internal)?;
    let merged_before = serde_json::to_value(R::fields(&merged_record)).map_err(Error::internal)?;
    let (fields, added) = combine(kind, &survivor_before, &merged_before);

    // the merged record's links and alerts to the survivor
    let theirs = links_of(conn, kind, merged).await?;
    let ours = links_of(conn, kind, survivor).await?;
    let (dropped_links, links): (Vec<Link>, Vec<Link>) = theirs.into_iter().partition(|l| {
        ours.iter()
            .any(|o| o.case_id == l.case_id && o.role == l.role)
    });
    move_links(conn, kind, merged, survivor, &links).await?;
    let t = tables(kind);
    diesel::sql_query(format!("DELETE FROM {} WHERE {} = $1", t.links, t.column))
        .bind::<SqlUuid, _>(merged)
        .execute(conn)
        .await?;
    #[derive(QueryableByName)]
    struct Moved1 {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let alerts: Vec<Moved1> = diesel::sql_query(format!(
        "UPDATE alerts SET {0} = $2 WHERE {0} = $1 RETURNING id",
        t.column
    ))
    .bind::<SqlUuid, _>(merged)
    .bind::<SqlUuid, _>(survivor)
    .load(conn)
    .await?;

    // the documents leave the merged record before the survivor takes them
    if kind == MergeKind::Person {
        diesel::sql_query("DELETE FROM person_documents WHERE person_id = $1")
            .bind::<SqlUuid, _>(merged)
            .execute(conn)
            .await?;
    }
    rewrite::<R>(conn, survivor, expected, fields, by).await?;
    set_merged(conn, kind, merged, Some(survivor), by).await?;

    let moved = Moved {
        added: added.clone(),
        links: links.clone(),
        dropped_links: dropped_links.clone(),
        alerts: alerts.iter().map(|a| a.id).collect(),
    };
    let id = Uuid::now_v7();
    diesel::insert_into(m::table)
        .values((
            m::id.eq(id),
            m::kind.eq(kind.as_str()),
            m::survivor_id.eq(survivor),
            m::merged_id.eq(merged),
            m::reason.eq(&why),
            m::merged_by.eq(by),
            m::survivor_before.eq(json!({ "version": expected, "fields": survivor_before })),
            m::merged_before
                .eq(json!({ "version": input.merged_version, "fields": merged_before })),
            m::survivor_version.eq(expected + 1),
            m::moved.eq(serde_json::to_value(&moved).map_err(Error::internal)?),
        ))
        .execute(conn)
        .await?;
    let mut changes = Map::new();
    for (field, value) in &added {
        changes.insert(
            field.clone(),
            json!({ "old": survivor_before.get(field), "new": value }),
        );
    }
    changes.insert(
        "merged_record".into(),
        json!({ "old": null, "new": merged }),
    );
    history::add(
        conn,
        actor,
        R::KIND,
        survivor,
        expected + 1,
        "merge",
        Value::Object(changes),
    )
    .await?;
    history::add(
        conn,
        actor,
        R::KIND,
        merged,
        input.merged_version + 1,
        "merged",
        json!({ "merged_into": { "old": null, "new": survivor } }),
    )
    .await?;
    super::queue::close_pair(conn, kind, survivor, merged, by, &why, id).await?;
    let action = format!("{}.merge", R::KIND);
    record(
        conn,
        actor,
        Event::new(&action)
            .object(R::KIND, survivor)
            .details(json!({
                "merge_id": id,
                "merged_id": merged,
                "links": links.len(),
                "duplicate_links": dropped_links.len(),
                "alerts": moved.alerts.len(),
            })),
    )
    .await?;
    get(conn, id).await
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = m)]
struct MergeRow {
    id: Uuid,
    kind: String,
    survivor_id: Uuid,
    merged_id: Uuid,
    reason: String,
    merged_by: Uuid,
    merged_at: DateTime<Utc>,
    moved: Value,
    undone_by: Option<Uuid>,
    undone_at: Option<DateTime<Utc>>,
    undo_reason: Option<String>,
}

/// Undoes a merge (the caller runs it in a transaction; `R` is the merge's register).
pub async fn undo<R: Register>(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    merge_id: Uuid,
    raw_reason: &str,
) -> Result<MergeDto> {
    let kind = kind_of::<R>()?;
    let by = actor_id(actor)?;
    let why = reason(raw_reason)?;
    let row: MergeRow = m::table
        .find(merge_id)
        .filter(m::kind.eq(kind.as_str()))
        .for_update()
        .select(MergeRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    if row.undone_at.is_some() {
        return Err(Error::Conflict("this merge is already undone".into()));
    }
    let (survivor_before, merged_before, survivor_version): (Value, Value, i32) = m::table
        .find(merge_id)
        .select((m::survivor_before, m::merged_before, m::survivor_version))
        .first(conn)
        .await?;
    let (survivor, merged) = (row.survivor_id, row.merged_id);
    let locked = lock(conn, kind, &[survivor, merged]).await?;
    let find = |id: Uuid| locked.iter().find(|r| r.id == id);
    let (Some(s), Some(g)) = (find(survivor), find(merged)) else {
        return Err(Error::NotFound);
    };
    if s.merged_into.is_some() {
        return Err(Error::Conflict(
            "the survivor was merged into another record since: undo that merge first".into(),
        ));
    }
    let moved: Moved = serde_json::from_value(row.moved.clone()).map_err(Error::internal)?;
    let before = |v: &Value| v.get("fields").cloned().unwrap_or(Value::Null);

    // the merged record back, as it was
    set_merged(conn, kind, merged, None, by).await?;
    let merged_version = g.version + 1;
    rewrite::<R>(conn, merged, merged_version, before(&merged_before), by).await?;
    // the survivor: whole when untouched since, else without what the merge added
    let current = R::find(conn, survivor).await?;
    let fields = if s.version == survivor_version {
        before(&survivor_before)
    } else {
        let now = serde_json::to_value(R::fields(&current)).map_err(Error::internal)?;
        subtract(&now, &moved.added)
    };
    rewrite::<R>(conn, survivor, s.version, fields, by).await?;

    // links: those the merge moved, those it found doubled, those made since naming the
    // merged record
    move_links(conn, kind, survivor, merged, &moved.links).await?;
    for l in &moved.dropped_links {
        insert_link(conn, kind, merged, l).await?;
    }
    let t = tables(kind);
    let redirected: Vec<Link> = diesel::sql_query(format!(
        "SELECT l.case_id, l.role, l.position FROM register_merge_redirects r \
           JOIN {} l ON l.case_id = r.case_id AND l.role = r.role AND l.{} = $2 \
          WHERE r.merge_id = $1",
        t.links, t.column
    ))
    .bind::<SqlUuid, _>(merge_id)
    .bind::<SqlUuid, _>(survivor)
    .load(conn)
    .await?;
    move_links(conn, kind, survivor, merged, &redirected).await?;
    diesel::sql_query(format!(
        "UPDATE alerts SET {0} = $2 WHERE {0} = $1 AND id = ANY($3)",
        t.column
    ))
    .bind::<SqlUuid, _>(survivor)
    .bind::<SqlUuid, _>(merged)
    .bind::<diesel::sql_types::Array<SqlUuid>, _>(&moved.alerts)
    .execute(conn)
    .await?;

    diesel::update(m::table.find(merge_id))
        .set((
            m::undone_by.eq(by),
            m::undone_at.eq(Utc::now()),
            m::undo_reason.eq(&why),
        ))
        .execute(conn)
        .await?;
    let note = json!({ "merge": { "old": merge_id, "new": null } });
    history::add(
        conn,
        actor,
        R::KIND,
        survivor,
        s.version + 1,
        "unmerge",
        note.clone(),
    )
    .await?;
    history::add(
        conn,
        actor,
        R::KIND,
        merged,
        merged_version + 1,
        "unmerge",
        note,
    )
    .await?;
    super::queue::reopen_as_distinct(conn, merge_id, by, &why).await?;
    let action = format!("{}.unmerge", R::KIND);
    record(
        conn,
        actor,
        Event::new(&action)
            .object(R::KIND, survivor)
            .details(json!({
                "merge_id": merge_id,
                "merged_id": merged,
                "links": moved.links.len() + moved.dropped_links.len() + redirected.len(),
            })),
    )
    .await?;
    get(conn, merge_id).await
}

/// The register of a merge (404 when there is none).
pub async fn kind_of_merge(conn: &mut AsyncPgConnection, id: Uuid) -> Result<MergeKind> {
    let kind: Option<String> = m::table
        .find(id)
        .select(m::kind)
        .first(conn)
        .await
        .optional()?;
    kind.as_deref()
        .and_then(MergeKind::parse)
        .ok_or(Error::NotFound)
}

/// One merge as the API shows it.
pub async fn get(conn: &mut AsyncPgConnection, id: Uuid) -> Result<MergeDto> {
    let rows: Vec<MergeRow> = m::table
        .filter(m::id.eq(id))
        .select(MergeRow::as_select())
        .load(conn)
        .await?;
    to_dtos(conn, rows).await?.pop().ok_or(Error::NotFound)
}

/// The merges a record took part in, newest first.
pub async fn for_record(conn: &mut AsyncPgConnection, record: Uuid) -> Result<Vec<MergeDto>> {
    let rows: Vec<MergeRow> = m::table
        .filter(m::survivor_id.eq(record).or(m::merged_id.eq(record)))
        .order(m::merged_at.desc())
        .limit(100)
        .select(MergeRow::as_select())
        .load(conn)
        .await?;
    to_dtos(conn, rows).await
}

async fn to_dtos(conn: &mut AsyncPgConnection, rows: Vec<MergeRow>) -> Result<Vec<MergeDto>> {
    let ids = |kind: &str| -> Vec<Uuid> {
        rows.iter()
            .filter(|r| r.kind == kind)
            .flat_map(|r| [r.survivor_id, r.merged_id])
            .collect()
    };
    let labels =
        crate::registers::labels::labels(conn, &ids("person"), &ids("company"), &[]).await?;
    let users: Vec<Uuid> = rows
        .iter()
        .flat_map(|r| [Some(r.merged_by), r.undone_by])
        .flatten()
        .collect();
    let names = user_names(conn, &users).await?;
    let mut out = Vec::new();
    for r in rows {
        let kind = MergeKind::parse(&r.kind).unwrap_or(MergeKind::Person);
        let moved: Moved = serde_json::from_value(r.moved).unwrap_or_default();
        let survivor_now = lock_free(conn, kind, r.survivor_id)
            .await?
            .and_then(|l| l.merged_into);
        let merged_now = lock_free(conn, kind, r.merged_id)
            .await?
            .and_then(|l| l.merged_into);
        out.push(MergeDto {
            id: r.id,
            kind,
            survivor: RecordLabel {
                id: r.survivor_id,
                label: labels.get(&r.survivor_id).cloned().unwrap_or_default(),
                merged_into: survivor_now,
            },
            merged: RecordLabel {
                id: r.merged_id,
                label: labels.get(&r.merged_id).cloned().unwrap_or_default(),
                merged_into: merged_now,
            },
            reason: r.reason,
            merged_by: named(&names, r.merged_by),
            merged_at: r.merged_at,
            moved: MergeCounts {
                links: moved.links.len(),
                duplicate_links: moved.dropped_links.len(),
                alerts: moved.alerts.len(),
                fields: moved.added.keys().cloned().collect(),
            },
            undone_by: r.undone_by.map(|u| named(&names, u)),
            undone_at: r.undone_at,
            undo_reason: r.undo_reason,
        });
    }
    Ok(out)
}
