//! Queries of investigations and their team.

use super::dto::{InvestigationCounts, InvestigationQuery};
use super::model::{InvestigationFields, InvestigationRow, MemberRow, NewInvestigation};
use super::workflow::{InvestigationStatus, Outcome};
use crate::common::check::escape_like;
use crate::db::functions::least;
use crate::db::schema::{
    investigation_journal as j, investigation_links as l, investigation_members as m,
    investigation_tasks as t, investigations as i, users,
};
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::dsl::{count_star, now};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// The next reference of `year`: `<country>-INV-<year>-<6-digit sequence>`, gap-free (the
/// counter row stays locked until the transaction ends).
pub async fn next_reference(
    conn: &mut AsyncPgConnection,
    country: &str,
    today: NaiveDate,
) -> Result<String> {
    let year = today.year();
    let n = crate::common::reference::next(
        conn,
        crate::common::reference::Counter::Investigations,
        year,
    )
    .await?;
    Ok(format!("{country}-INV-{year}-{n:06}"))
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: NewInvestigation,
    fields: &InvestigationFields,
) -> Result<()> {
    diesel::insert_into(i::table)
        .values((&new, fields))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<InvestigationRow> {
    i::table
        .find(id)
        .select(InvestigationRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// The row, locked for a change until the transaction ends.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> Result<InvestigationRow> {
    i::table
        .find(id)
        .select(InvestigationRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// Writes the fields, moves the version on.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &InvestigationFields,
) -> Result<()> {
    diesel::update(i::table.find(id))
        .set((fields, i::version.eq(i::version + 1), i::updated_at.eq(now)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Moves the status (and what goes with it), moves the version on.
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: InvestigationStatus,
    suspended_from: Option<InvestigationStatus>,
    outcome: Option<Outcome>,
    closed_at: Option<DateTime<Utc>>,
) -> Result<()> {
    diesel::update(i::table.find(id))
        .set((
            i::status.eq(status),
            i::suspended_from.eq(suspended_from),
            i::outcome.eq(outcome),
            i::closed_at.eq(closed_at),
            i::version.eq(i::version + 1),
            i::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks the investigation changed (a task, link or journal entry), without moving its
/// version: the `If-Match` of its own fields is not made stale by its team's work.
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> Result<()> {
    diesel::update(i::table.find(id))
        .set(i::updated_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn members(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<MemberRow>> {
    Ok(m::table
        .filter(m::investigation_id.eq(id))
        .order((m::added_at.asc(), m::id.asc()))
        .select(MemberRow::as_select())
        .load(conn)
        .await?)
}

pub async fn insert_member(conn: &mut AsyncPgConnection, row: &MemberRow) -> Result<()> {
    diesel::insert_into(m::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_member(conn: &mut AsyncPgConnection, id: Uuid, member: Uuid) -> Result<()> {
    let n = diesel::delete(m::table.filter(m::id.eq(member).and(m::investigation_id.eq(id))))
        .execute(conn)
        .await?;
    if n == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Whether `user` is on the team of `id`: the lead, a member, or a user of a member unit.
pub async fn on_team(
    conn: &mut AsyncPgConnection,
    inv: &InvestigationRow,
    user: Uuid,
) -> Result<bool> {
    if inv.lead_id == Some(user) {
        return Ok(true);
    }
    let unit: Option<Uuid> = users::table
        .find(user)
        .select(users::unit_id)
        .first(conn)
        .await
        .optional()?;
    let Some(unit) = unit else {
        return Ok(false);
    };
    Ok(diesel::select(diesel::dsl::exists(
        m::table.filter(
            m::investigation_id
                .eq(inv.id)
                .and(m::user_id.eq(user).or(m::unit_id.eq(unit))),
        ),
    ))
    .get_result(conn)
    .await?)
}

/// The active supervisors of `unit` (who steer its investigations).
pub async fn supervisors(conn: &mut AsyncPgConnection, unit: Uuid) -> Result<Vec<Uuid>> {
    Ok(users::table
        .filter(
            users::unit_id
                .eq(unit)
                .and(users::disabled_at.is_null())
                .and(users::roles.contains(vec!["supervisor".to_string()])),
        )
        .select(users::id)
        .load(conn)
        .await?)
}

pub async fn counts(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    today: NaiveDate,
) -> Result<InvestigationCounts> {
    let links: i64 = l::table
        .filter(l::investigation_id.eq(id))
        .select(count_star())
        .get_result(conn)
        .await?;
    let open = t::status.eq_any(["open", "in_progress"]);
    let open_tasks: i64 = t::table
        .filter(t::investigation_id.eq(id).and(open))
        .select(count_star())
        .get_result(conn)
        .await?;
    let overdue_tasks: i64 = t::table
        .filter(
            t::investigation_id
                .eq(id)
                .and(t::status.eq_any(["open", "in_progress"]))
                .and(t::due_date.lt(today)),
        )
        .select(count_star())
        .get_result(conn)
        .await?;
    let journal_entries: i64 = j::table
        .filter(j::investigation_id.eq(id))
        .select(count_star())
        .get_result(conn)
        .await?;
    Ok(InvestigationCounts {
        links,
        open_tasks,
        overdue_tasks,
        journal_entries,
    })
}

/// Open tasks per investigation.
pub async fn open_tasks(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<HashMap<Uuid, i64>> {
    let rows: Vec<(Uuid, i64)> = t::table
        .filter(
            t::investigation_id
                .eq_any(ids)
                .and(t::status.eq_any(["open", "in_progress"])),
        )
        .group_by(t::investigation_id)
        .select((t::investigation_id, count_star()))
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The investigations `user` of `unit` may see without being a supervisor of their
/// supervising unit: those they lead, and those whose team they or their unit are on.
async fn team_ids(conn: &mut AsyncPgConnection, user: Uuid, unit: Uuid) -> Result<Vec<Uuid>> {
    let mut ids: Vec<Uuid> = m::table
        .filter(m::user_id.eq(user).or(m::unit_id.eq(unit)))
        .select(m::investigation_id)
        .load(conn)
        .await?;
    let led: Vec<Uuid> = i::table
        .filter(i::lead_id.eq(user))
        .select(i::id)
        .load(conn)
        .await?;
    ids.extend(led);
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// A page of the investigations the caller may see, most recently changed first.
#[allow(clippy::too_many_arguments)]
pub async fn list(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    unit: Uuid,
    supervisor: bool,
    q: &InvestigationQuery,
    today: NaiveDate,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<InvestigationRow>> {
    let team = team_ids(conn, user, unit).await?;
    let mut query = i::table
        .select(InvestigationRow::as_select())
        .order((i::updated_at.desc(), i::id.desc()))
        .limit(limit + 1)
        .into_boxed();
    query = if supervisor {
        query.filter(i::unit_id.eq(unit).or(i::id.eq_any(team)))
    } else {
        query.filter(i::id.eq_any(team))
    };
    if let Some(s) = q.status {
        query = query.filter(i::status.eq(s));
    }
    if let Some(p) = &q.priority {
        query = query.filter(i::priority.eq(p.clone()));
    }
    if let Some(lead) = q.lead_id {
        query = query.filter(i::lead_id.eq(lead));
    }
    if let Some(member) = q.member_id {
        let of: Vec<Uuid> = m::table
            .filter(m::user_id.eq(member))
            .select(m::investigation_id)
            .load(conn)
            .await?;
        query = query.filter(i::id.eq_any(of));
    }
    if let Some(u) = q.unit_id {
        query = query.filter(i::unit_id.eq(u));
    }
    if q.overdue == Some(true) {
        // `task_due`: the earliest due date of an open task, kept by a trigger (migration
        // 2026-12-03-000027); the expression matches the index `investigations_deadline`.
        query = query.filter(
            i::status
                .ne("closed")
                .and(least(i::due_date, i::task_due).lt(today)),
        );
    }
    let linked = |col: Option<Uuid>, kind: &str| col.map(|id| (id, kind.to_string()));
    for (target, kind) in [
        linked(q.case_id, "case"),
        linked(q.person_id, "person"),
        linked(q.company_id, "company"),
    ]
    .into_iter()
    .flatten()
    {
        let target_col = l::case_id
            .eq(target)
            .or(l::person_id.eq(target))
            .or(l::company_id.eq(target));
        let of: Vec<Uuid> = l::table
            .filter(l::target_kind.eq(kind).and(target_col))
            .select(l::investigation_id)
            .load(conn)
            .await?;
        query = query.filter(i::id.eq_any(of));
    }
    if let Some(words) = q.q.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        let pattern = format!("%{}%", escape_like(words));
        query = query.filter(i::reference.concat(" ").concat(i::title).ilike(pattern));
    }
    if let Some((at, id)) = after {
        query = query.filter(
            i::updated_at
                .lt(at)
                .or(i::updated_at.eq(at).and(i::id.lt(id))),
        );
    }
    Ok(query.load(conn).await?)
}
