//! Queries of alerts and hits.

use super::dto::{AlertQuery, AlertStatus, HitCounts, HitStatus, RecordKind, SubjectKind};
use super::model::{AlertFields, AlertRow, HitRow, NewAlert};
use crate::common::check::escape_like;
use crate::db::schema::{alert_hits as h, alerts as a, seizure_cases};
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// The next reference of `year`: `<country>-ALR-<year>-<6-digit sequence>`, gap-free (the
/// counter row stays locked until the transaction ends).
pub async fn next_reference(
    conn: &mut AsyncPgConnection,
    country: &str,
    today: NaiveDate,
) -> Result<String> {
    let year = today.year();
    let n = crate::common::reference::next(conn, crate::common::reference::Counter::Alerts, year)
        .await?;
    Ok(format!("{country}-ALR-{year}-{n:06}"))
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: NewAlert,
    fields: &AlertFields,
) -> Result<()> {
    diesel::insert_into(a::table)
        .values((&new, fields))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<AlertRow> {
    a::table
        .find(id)
        .select(AlertRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// The row, locked for a change.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> Result<AlertRow> {
    a::table
        .find(id)
        .select(AlertRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

pub async fn update_fields(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &AlertFields,
) -> Result<()> {
    diesel::update(a::table.find(id))
        .set((
            fields,
            a::version.eq(a::version + 1),
            a::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A workflow step: the new status, and who did it (activation or closing).
pub struct Step<'a> {
    pub status: AlertStatus,
    pub activated_by: Option<Uuid>,
    pub closed_by: Option<Uuid>,
    pub closing_reason: Option<&'a str>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

pub async fn step(conn: &mut AsyncPgConnection, id: Uuid, s: Step<'_>) -> Result<()> {
    let now = Utc::now();
    let target = a::table.find(id);
    diesel::update(target)
        .set((
            a::status.eq(s.status),
            a::version.eq(a::version + 1),
            a::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
    if let Some(by) = s.activated_by {
        diesel::update(target)
            .set((a::activated_by.eq(by), a::activated_at.eq(now)))
            .execute(conn)
            .await?;
    }
    if let Some(by) = s.closed_by {
        diesel::update(target)
            .set((
                a::closed_by.eq(by),
                a::closed_at.eq(now),
                a::closing_reason.eq(s.closing_reason),
            ))
            .execute(conn)
            .await?;
    }
    if let (Some(from), Some(until)) = (s.valid_from, s.valid_until) {
        diesel::update(target)
            .set((a::valid_from.eq(from), a::valid_until.eq(until)))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Active alerts past their last day become `expired`; returns their ids.
pub async fn expire_due(conn: &mut AsyncPgConnection, today: NaiveDate) -> Result<Vec<Uuid>> {
    Ok(diesel::update(
        a::table
            .filter(a::status.eq(AlertStatus::Active))
            .filter(a::valid_until.lt(today)),
    )
    .set((
        a::status.eq(AlertStatus::Expired),
        a::version.eq(a::version + 1),
        a::updated_at.eq(diesel::dsl::now),
    ))
    .returning(a::id)
    .get_results(conn)
    .await?)
}

/// A page of the unit's alerts, most recently changed first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    unit: Uuid,
    me: Uuid,
    q: &AlertQuery,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<AlertRow>> {
    let mut query = a::table
        .filter(a::unit_id.eq(unit))
        .select(AlertRow::as_select())
        .order((a::updated_at.desc(), a::id.desc()))
        .limit(limit + 1)
        .into_boxed();
    if let Some(s) = q.status {
        query = query.filter(a::status.eq(s));
    }
    if let Some(k) = q.subject_kind {
        query = query.filter(a::subject_kind.eq(k));
    }
    if q.mine == Some(true) {
        query = query.filter(a::owner_id.eq(me));
    }
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        let like = format!("%{}%", escape_like(&words.to_lowercase()));
        query = query.filter(
            a::reference
                .ilike(like.clone())
                .or(a::match_latin.like(like.clone()))
                .or(a::identifier_norm.ilike(like)),
        );
    }
    if let Some((at, id)) = after {
        query = query.filter(
            a::updated_at
                .lt(at)
                .or(a::updated_at.eq(at).and(a::id.lt(id))),
        );
    }
    Ok(query.load(conn).await?)
}

pub use crate::common::names::{named, unit_names, user_names};

/// How a list shows a register record (`registers::labels`).
pub async fn record_labels(
    conn: &mut AsyncPgConnection,
    records: &[(RecordKind, Uuid)],
) -> Result<HashMap<Uuid, String>> {
    let ids = |k: RecordKind| -> Vec<Uuid> {
        records
            .iter()
            .filter(|(kind, _)| *kind == k)
            .map(|(_, id)| *id)
            .collect()
    };
    crate::registers::labels::labels(
        conn,
        &ids(RecordKind::Person),
        &ids(RecordKind::Company),
        &ids(RecordKind::Conveyance),
    )
    .await
}

/// The subject label of each alert.
pub async fn subject_labels(
    conn: &mut AsyncPgConnection,
    rows: &[&AlertRow],
) -> Result<HashMap<Uuid, String>> {
    let records: Vec<(RecordKind, Uuid)> = rows.iter().filter_map(|r| subject_record(r)).collect();
    let labels = record_labels(conn, &records).await?;
    Ok(rows
        .iter()
        .map(|r| {
            let label = match subject_record(r) {
                Some((_, id)) => labels.get(&id).cloned().unwrap_or_default(),
                None => format!(
                    "{} ({})",
                    r.identifier.clone().unwrap_or_default(),
                    r.identifier_kind.clone().unwrap_or_default()
                ),
            };
            (r.id, label)
        })
        .collect())
}

/// The register record an alert watches, if it watches one.
pub fn subject_record(r: &AlertRow) -> Option<(RecordKind, Uuid)> {
    match r.subject_kind {
        SubjectKind::Person => r.person_id.map(|id| (RecordKind::Person, id)),
        SubjectKind::Company => r.company_id.map(|id| (RecordKind::Company, id)),
        SubjectKind::Conveyance => r.conveyance_id.map(|id| (RecordKind::Conveyance, id)),
        SubjectKind::Identifier => None,
    }
}

/// Hits per status for each alert.
pub async fn hit_counts(
    conn: &mut AsyncPgConnection,
    alerts: &[Uuid],
) -> Result<HashMap<Uuid, HitCounts>> {
    let rows: Vec<(Uuid, HitStatus, i64)> = h::table
        .filter(h::alert_id.eq_any(alerts))
        .group_by((h::alert_id, h::status))
        .select((h::alert_id, h::status, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    let mut out: HashMap<Uuid, HitCounts> = HashMap::new();
    for (alert, status, n) in rows {
        let c = out.entry(alert).or_default();
        match status {
            HitStatus::New => c.new = n,
            HitStatus::Confirmed => c.confirmed = n,
            HitStatus::Dismissed => c.dismissed = n,
        }
    }
    Ok(out)
}

pub async fn find_hit(conn: &mut AsyncPgConnection, id: Uuid) -> Result<HitRow> {
    h::table
        .find(id)
        .select(HitRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// Case references by id.
pub async fn case_references(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, String>> {
    let rows: Vec<(Uuid, String)> = seizure_cases::table
        .filter(seizure_cases::id.eq_any(ids))
        .select((seizure_cases::id, seizure_cases::reference))
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
}
