//! The duplicates queue: pairs of records of one register the matching engine finds likely to
//! be one, kept once per pair (the higher score wins), reviewed by supervisors.

use super::dto::{
    DuplicatePage, DuplicatePair, DuplicateQuery, MergeKind, PairStatus, RecordLabel,
};
use crate::audit::{record, Actor, Event};
use crate::common::check::Checker;
use crate::common::names::{named, user_names};
use crate::common::page;
use crate::db::schema::{companies, duplicate_pairs as d, persons};
use crate::error::{Error, Result};
use crate::registers::candidates;
use crate::registers::match_keys::{company_facts, person_facts};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_matching::company::Company;
use ncen_matching::person::Person;
use ncen_matching::Outcome;
use ncen_matching::Thresholds;
use serde_json::{json, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// Candidates scored per record when looking for its duplicates.
const PER_RECORD: usize = 10;

fn ordered(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Looks for the record's likely duplicates and records each pair (open), or refreshes an
/// open pair's score. Reviewed pairs stay as they were reviewed.
pub async fn detect(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    kind: MergeKind,
    id: Uuid,
) -> Result<usize> {
    let scored = match kind {
        MergeKind::Person => person_candidates(conn, id).await?,
        MergeKind::Company => company_candidates(conn, id).await?,
    };
    let mut found = 0;
    let mut likely: Vec<(Uuid, Outcome)> = scored
        .into_iter()
        .filter(|(other, o)| *other != id && (o.score >= t.review || o.exact_identifier()))
        .collect();
    likely.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    likely.truncate(PER_RECORD);
    // upserted in pair order: two checks meeting on the same pairs take them in one order
    likely.sort_by_key(|(other, _)| ordered(id, *other));
    for (other, o) in likely {
        let (first, second) = ordered(id, other);
        let exact = o.exact_identifier();
        let score = o.score;
        let features = serde_json::to_value(&o.features).map_err(Error::internal)?;
        found += diesel::sql_query(
            "INSERT INTO duplicate_pairs (id, kind, first_id, second_id, score, exact, features) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (kind, first_id, second_id) DO UPDATE \
                SET score = EXCLUDED.score, exact = EXCLUDED.exact, features = EXCLUDED.features \
              WHERE duplicate_pairs.status = 'open'",
        )
        .bind::<diesel::sql_types::Uuid, _>(Uuid::now_v7())
        .bind::<diesel::sql_types::Text, _>(kind.as_str())
        .bind::<diesel::sql_types::Uuid, _>(first)
        .bind::<diesel::sql_types::Uuid, _>(second)
        .bind::<diesel::sql_types::Float, _>(score as f32)
        .bind::<diesel::sql_types::Bool, _>(exact)
        .bind::<diesel::sql_types::Jsonb, _>(&features)
        .execute(conn)
        .await?;
    }
    Ok(found)
}

/// The persons the matching engine proposes for the person `id`, scored against it.
async fn person_candidates(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<(Uuid, Outcome)>> {
    use crate::registers::persons::repo::load_many;
    let Some(r) = load_many(conn, &[id]).await?.pop() else {
        return Ok(Vec::new());
    };
    let facts = person_facts(&r.fields);
    let query = Person::prepare(&facts);
    let ids = candidates::persons_for(conn, &facts, &query).await?;
    Ok(load_many(conn, &ids)
        .await?
        .into_iter()
        .map(|c| {
            let o =
                ncen_matching::person::compare(&query, &Person::prepare(&person_facts(&c.fields)));
            (c.id, o)
        })
        .collect())
}

/// The companies the matching engine proposes for the company `id`, scored against it.
async fn company_candidates(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Vec<(Uuid, Outcome)>> {
    use crate::registers::companies::repo::load_many;
    let Some(r) = load_many(conn, &[id]).await?.pop() else {
        return Ok(Vec::new());
    };
    let facts = company_facts(&r.fields);
    let query = Company::prepare(&facts);
    let ids = candidates::companies_for(conn, &facts, &query).await?;
    Ok(load_many(conn, &ids)
        .await?
        .into_iter()
        .map(|c| {
            let o = ncen_matching::company::compare(
                &query,
                &Company::prepare(&company_facts(&c.fields)),
            );
            (c.id, o)
        })
        .collect())
}

/// Whether the records of `ids` are merged now: `id → survivor`.
async fn merged_into(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Option<Uuid>>> {
    let rows: Vec<(Uuid, Option<Uuid>)> = match kind {
        MergeKind::Person => {
            persons::table
                .filter(persons::id.eq_any(ids))
                .select((persons::id, persons::merged_into))
                .load(conn)
                .await?
        }
        MergeKind::Company => {
            companies::table
                .filter(companies::id.eq_any(ids))
                .select((companies::id, companies::merged_into))
                .load(conn)
                .await?
        }
    };
    Ok(rows.into_iter().collect())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = d)]
struct PairRow {
    id: Uuid,
    kind: String,
    first_id: Uuid,
    second_id: Uuid,
    score: f32,
    exact: bool,
    features: Value,
    status: String,
    detected_at: DateTime<Utc>,
    reviewed_by: Option<Uuid>,
    reviewed_at: Option<DateTime<Utc>>,
    review_reason: Option<String>,
    merge_id: Option<Uuid>,
}

async fn to_dtos(conn: &mut AsyncPgConnection, rows: Vec<PairRow>) -> Result<Vec<DuplicatePair>> {
    let mut out = Vec::with_capacity(rows.len());
    let ids = |kind: &str| -> Vec<Uuid> {
        rows.iter()
            .filter(|r| r.kind == kind)
            .flat_map(|r| [r.first_id, r.second_id])
            .collect()
    };
    let labels =
        crate::registers::labels::labels(conn, &ids("person"), &ids("company"), &[]).await?;
    let mut merged = HashMap::new();
    for kind in [MergeKind::Person, MergeKind::Company] {
        let ids: Vec<Uuid> = rows
            .iter()
            .filter(|r| r.kind == kind.as_str())
            .flat_map(|r| [r.first_id, r.second_id])
            .collect();
        if !ids.is_empty() {
            merged.extend(merged_into(conn, kind, &ids).await?);
        }
    }
    let reviewers: Vec<Uuid> = rows.iter().filter_map(|r| r.reviewed_by).collect();
    let names = user_names(conn, &reviewers).await?;
    let label = |id: Uuid| RecordLabel {
        id,
        label: labels.get(&id).cloned().unwrap_or_default(),
        merged_into: merged.get(&id).copied().flatten(),
    };
    for r in rows {
        out.push(DuplicatePair {
            id: r.id,
            kind: MergeKind::parse(&r.kind).unwrap_or(MergeKind::Person),
            first: label(r.first_id),
            second: label(r.second_id),
            score: f64::from(r.score),
            exact: r.exact,
            features: serde_json::from_value(r.features).unwrap_or_default(),
            status: PairStatus::parse(&r.status).unwrap_or(PairStatus::Open),
            detected_at: r.detected_at,
            reviewed_by: r.reviewed_by.map(|u| named(&names, u)),
            reviewed_at: r.reviewed_at,
            review_reason: r.review_reason,
            merge_id: r.merge_id,
        });
    }
    Ok(out)
}

/// The queue, best score first: open pairs unless asked otherwise; an open pair one of whose
/// records has been merged since is left out (there is nothing left to decide).
pub async fn list(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    q: DuplicateQuery,
) -> Result<DuplicatePage> {
    let limit = q.limit.unwrap_or(50);
    if !(1..=100).contains(&limit) {
        return Err(Error::validation(
            "limit",
            "range",
            "must be between 1 and 100",
        ));
    }
    let after: Option<(f32, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    let status = q.status.unwrap_or(PairStatus::Open);
    let mut query = d::table
        .filter(d::status.eq(status.as_str()))
        .select(PairRow::as_select())
        .order((d::score.desc(), d::id.asc()))
        .limit(limit + 1)
        .into_boxed();
    if let Some(kind) = q.kind {
        query = query.filter(d::kind.eq(kind.as_str()));
    }
    if status == PairStatus::Open {
        query = query.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "NOT EXISTS (SELECT 1 FROM persons p WHERE p.id IN (duplicate_pairs.first_id, duplicate_pairs.second_id) AND p.merged_into IS NOT NULL) \
             AND NOT EXISTS (SELECT 1 FROM companies c WHERE c.id IN (duplicate_pairs.first_id, duplicate_pairs.second_id) AND c.merged_into IS NOT NULL)",
        ));
    }
    if let Some((score, id)) = after {
        query = query.filter(d::score.lt(score).or(d::score.eq(score).and(d::id.gt(id))));
    }
    let rows = query.load(conn).await?;
    let (rows, next_cursor) = page::cut(rows, limit, |r: &PairRow| (r.score, r.id));
    let items = to_dtos(conn, rows).await?;
    let shown: Vec<Uuid> = items
        .iter()
        .flat_map(|p| [p.first.id, p.second.id])
        .collect();
    record(
        conn,
        actor,
        Event::new("duplicate.list").details(json!({ "returned": shown })),
    )
    .await?;
    Ok(DuplicatePage { items, next_cursor })
}

/// One pair (audited `duplicate.read`: it names two records).
pub async fn get(conn: &mut AsyncPgConnection, actor: &Actor, id: Uuid) -> Result<DuplicatePair> {
    let rows = d::table
        .find(id)
        .select(PairRow::as_select())
        .load(conn)
        .await?;
    let pair = to_dtos(conn, rows).await?.pop().ok_or(Error::NotFound)?;
    record(
        conn,
        actor,
        Event::new("duplicate.read").object("duplicate_pair", id),
    )
    .await?;
    Ok(pair)
}

/// Declares an open pair two different records (a reason is required).
pub async fn distinct(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: Uuid,
    reason: &str,
) -> Result<DuplicatePair> {
    let mut ck = Checker::new();
    let reason = ck.required("reason", Some(reason.to_string()), 2000);
    ck.finish()?;
    let by = actor.id.ok_or(Error::Unauthenticated)?;
    let status: String = d::table
        .find(id)
        .for_update()
        .select(d::status)
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    if status != "open" {
        return Err(Error::Conflict(format!("this pair is already {status}")));
    }
    diesel::update(d::table.find(id))
        .set((
            d::status.eq("distinct"),
            d::reviewed_by.eq(by),
            d::reviewed_at.eq(Utc::now()),
            d::review_reason.eq(&reason),
        ))
        .execute(conn)
        .await?;
    record(
        conn,
        actor,
        Event::new("duplicate.distinct").object("duplicate_pair", id),
    )
    .await?;
    let row = d::table
        .find(id)
        .select(PairRow::as_select())
        .load(conn)
        .await?;
    to_dtos(conn, row).await?.pop().ok_or(Error::NotFound)
}

/// The pair of a merge, closed as merged (recorded as such when the queue had not found it).
pub async fn close_pair(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    a: Uuid,
    b: Uuid,
    by: Uuid,
    reason: &str,
    merge_id: Uuid,
) -> Result<()> {
    let (first, second) = ordered(a, b);
    diesel::insert_into(d::table)
        .values((
            d::id.eq(Uuid::now_v7()),
            d::kind.eq(kind.as_str()),
            d::first_id.eq(first),
            d::second_id.eq(second),
            d::score.eq(0.0_f32),
            d::exact.eq(false),
            d::features.eq(json!([])),
            d::status.eq("merged"),
            d::reviewed_by.eq(by),
            d::reviewed_at.eq(Utc::now()),
            d::review_reason.eq(reason),
            d::merge_id.eq(merge_id),
        ))
        .on_conflict((d::kind, d::first_id, d::second_id))
        .do_update()
        .set((
            d::status.eq("merged"),
            d::reviewed_by.eq(by),
            d::reviewed_at.eq(Utc::now()),
            d::review_reason.eq(reason),
            d::merge_id.eq(merge_id),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// After an undo, the merge's pair is recorded as two different records.
pub async fn reopen_as_distinct(
    conn: &mut AsyncPgConnection,
    merge_id: Uuid,
    by: Uuid,
    reason: &str,
) -> Result<()> {
    diesel::update(d::table.filter(d::merge_id.eq(merge_id)))
        .set((
            d::status.eq("distinct"),
            d::reviewed_by.eq(by),
            d::reviewed_at.eq(Utc::now()),
            d::review_reason.eq(reason),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
