//! Deadlines: reminders, and the open tasks of a person or a unit across investigations.
//!
//! A task's assignee (else the investigation's lead) and an investigation's lead (else the
//! supervisors of its unit) are told once when the due date is two days away or less
//! (`deadline_soon`), and once when it has passed (`deadline_overdue`); a new due date is
//! reminded again (the date reminded is kept, migration 2026-12-03-000024). Nothing is
//! reminded for a closed or suspended investigation, nor for a task done or cancelled. Every
//! instance runs the pass each minute (`spawn`); rows taken with `SKIP LOCKED` are told once.

use super::tasks::TaskStatus;
use crate::common::names::{self, Named};
use crate::common::page;
use crate::error::Result;
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::sql_types::{BigInt, Bool, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Days before a due date when the reminder is sent.
pub const SOON_DAYS: i32 = 2;
/// Reminders sent per kind and pass at most (the next pass takes the rest).
const BATCH: i64 = 500;

#[derive(QueryableByName)]
struct Due {
    #[diesel(sql_type = SqlUuid)]
    investigation_id: Uuid,
    #[diesel(sql_type = Text)]
    reference: String,
    #[diesel(sql_type = Text)]
    investigation_title: String,
    /// The task's title; `None` for the investigation's own due date.
    #[diesel(sql_type = Nullable<Text>)]
    task_title: Option<String>,
    #[diesel(sql_type = Date)]
    due_date: NaiveDate,
    /// Who is told: the assignee or lead; `None`: the unit's supervisors.
    #[diesel(sql_type = Nullable<SqlUuid>)]
    user_id: Option<Uuid>,
    #[diesel(sql_type = SqlUuid)]
    unit_id: Uuid,
}

fn condition(overdue: bool) -> String {
    if overdue {
        "{d} < current_date".to_string()
    } else {
        format!("{{d}} BETWEEN current_date AND current_date + {SOON_DAYS}")
    }
}

async fn claim(conn: &mut AsyncPgConnection, overdue: bool) -> Result<Vec<Due>> {
    let col = if overdue {
        "overdue_reminded_for"
    } else {
        "soon_reminded_for"
    };
    let tasks = format!(
        "UPDATE investigation_tasks t SET {col} = t.due_date FROM investigations i \
          WHERE i.id = t.investigation_id AND t.id IN ( \
            SELECT x.id FROM investigation_tasks x JOIN investigations y ON y.id = x.investigation_id \
             WHERE x.status IN ('open', 'in_progress') AND y.status NOT IN ('closed', 'suspended') \
               AND {cond} AND x.{col} IS DISTINCT FROM x.due_date \
             ORDER BY x.due_date LIMIT $1 FOR UPDATE OF x SKIP LOCKED) \
         RETURNING i.id AS investigation_id, i.reference, i.title AS investigation_title, \
                   t.title AS task_title, t.due_date, coalesce(t.assignee_id, i.lead_id) AS user_id, \
                   i.unit_id",
        cond = condition(overdue).replace("{d}", "x.due_date"),
    );
    let investigations = format!(
        "UPDATE investigations i SET {col} = i.due_date WHERE i.id IN ( \
            SELECT y.id FROM investigations y \
             WHERE y.status NOT IN ('closed', 'suspended') AND y.due_date IS NOT NULL \
               AND {cond} AND y.{col} IS DISTINCT FROM y.due_date \
             ORDER BY y.due_date LIMIT $1 FOR UPDATE SKIP LOCKED) \
         RETURNING i.id AS investigation_id, i.reference, i.title AS investigation_title, \
                   NULL::text AS task_title, i.due_date, i.lead_id AS user_id, i.unit_id",
        cond = condition(overdue).replace("{d}", "y.due_date"),
    );
    let mut due: Vec<Due> = diesel::sql_query(tasks)
        .bind::<BigInt, _>(BATCH)
        .load(conn)
        .await?;
    due.extend(
        diesel::sql_query(investigations)
            .bind::<BigInt, _>(BATCH)
            .load::<Due>(conn)
            .await?,
    );
    Ok(due)
}

/// Sends the reminders due now; returns how many were sent.
pub async fn pass(conn: &mut AsyncPgConnection) -> Result<usize> {
    conn.transaction(async |conn| {
        let mut sent = 0;
        for overdue in [false, true] {
            let kind = if overdue {
                NotificationKind::DeadlineOverdue
            } else {
                NotificationKind::DeadlineSoon
            };
            for d in claim(conn, overdue).await? {
                let users = match d.user_id {
                    Some(u) => vec![u],
                    None => super::repo::supervisors(conn, d.unit_id).await?,
                };
                let what = match &d.task_title {
                    Some(t) => format!("{t} (due {})", d.due_date),
                    None => format!("due {}", d.due_date),
                };
                let title: String = format!("{} — {}: {what}", d.reference, d.investigation_title)
                    .chars()
                    .take(400)
                    .collect();
                let tab = if d.task_title.is_some() {
                    "?tab=tasks"
                } else {
                    ""
                };
                let notice = Notice {
                    kind,
                    title,
                    link: format!("/investigations/{}{tab}", d.investigation_id),
                    thread_id: None,
                };
                notify(conn, &users, &notice).await?;
                sent += users.len();
            }
        }
        Ok(sent)
    })
    .await
}

/// This instance's reminder pass, every minute.
pub fn spawn(pool: crate::db::Pool) {
    tokio::spawn(async move {
        loop {
            if let Ok(mut conn) = pool.get().await {
                if let Err(e) = pass(&mut conn).await {
                    tracing::warn!(error = %e, "investigation reminders: pass failed");
                }
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}

crate::text_enum! {
    /// Whose open tasks: `mine` (assigned to the caller) or `unit` (of every investigation the
    /// caller's unit supervises: supervisors).
    pub enum WorkScope {
        Mine = "mine",
        Unit = "unit",
    }
}

/// Open tasks across investigations, soonest due first (no due date last).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WorkQuery {
    /// `mine` (default) or `unit` (supervisors).
    #[param(value_type = Option<String>, pattern = "^(mine|unit)$")]
    pub scope: Option<String>,
    /// Only the tasks past their due date.
    pub overdue: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// An open task with the investigation it belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkItem {
    pub id: Uuid,
    pub title: String,
    pub status: TaskStatus,
    pub due_date: Option<NaiveDate>,
    pub overdue: bool,
    pub assignee: Option<Named>,
    pub investigation_id: Uuid,
    pub reference: String,
    pub investigation_title: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkPage {
    pub items: Vec<WorkItem>,
    pub next_cursor: Option<String>,
}

#[derive(QueryableByName)]
struct WorkRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Nullable<Date>)]
    due_date: Option<NaiveDate>,
    #[diesel(sql_type = Bool)]
    overdue: bool,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    assignee_id: Option<Uuid>,
    #[diesel(sql_type = SqlUuid)]
    investigation_id: Uuid,
    #[diesel(sql_type = Text)]
    reference: String,
    #[diesel(sql_type = Text)]
    investigation_title: String,
    #[diesel(sql_type = Timestamptz)]
    updated_at: DateTime<Utc>,
}

/// The caller's open tasks (on investigations they still work on), or their unit's
/// (supervisors; 403 `investigation_role` otherwise), keyset-paged by (due date, id).
pub async fn work(
    conn: &mut AsyncPgConnection,
    who: &crate::auth::Principal,
    q: WorkQuery,
) -> Result<WorkPage> {
    use crate::auth::{Permission, Role};
    who.require(Permission::InvestigationsWork)?;
    let limit = page::limit(q.limit)?;
    let scope = match q.scope.as_deref() {
        None => WorkScope::Mine,
        Some(s) => WorkScope::parse(s).ok_or_else(|| {
            crate::error::Error::validation("scope", "unknown_code", "must be mine or unit")
        })?,
    };
    if scope == WorkScope::Unit && !who.roles.contains(&Role::Supervisor) {
        return Err(crate::error::Error::Refused(
            crate::error::Duty::InvestigationRole,
        ));
    }
    // (due date, or 9999-12-31 for none; id) after the cursor
    let after: Option<(NaiveDate, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    let whose = match scope {
        WorkScope::Mine => {
            "t.assignee_id = $1 AND (i.lead_id = $1 OR (i.unit_id = $2 AND $3) \
             OR EXISTS (SELECT 1 FROM investigation_members m WHERE m.investigation_id = i.id \
                        AND (m.user_id = $1 OR m.unit_id = $2)))"
        }
        WorkScope::Unit => "i.unit_id = $2",
    };
    let sql = format!(
        "SELECT t.id, t.title, t.status, t.due_date, coalesce(t.due_date < current_date, false) AS overdue, \
                t.assignee_id, i.id AS investigation_id, i.reference, i.title AS investigation_title, \
                t.updated_at \
           FROM investigation_tasks t JOIN investigations i ON i.id = t.investigation_id \
          WHERE t.status IN ('open', 'in_progress') AND i.status <> 'closed' AND {whose} \
            AND (NOT $4 OR t.due_date < current_date) \
            AND ($5::date IS NULL OR (coalesce(t.due_date, '9999-12-31'::date), t.id) > ($5, $6)) \
          ORDER BY coalesce(t.due_date, '9999-12-31'::date), t.id LIMIT $7"
    );
    let (after_date, after_id) = match after {
        Some((d, id)) => (Some(d), id),
        None => (None, Uuid::nil()),
    };
    let rows: Vec<WorkRow> = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(who.id)
        .bind::<SqlUuid, _>(who.unit_id)
        .bind::<Bool, _>(who.roles.contains(&Role::Supervisor))
        .bind::<Bool, _>(q.overdue == Some(true))
        .bind::<Nullable<Date>, _>(after_date)
        .bind::<SqlUuid, _>(after_id)
        .bind::<BigInt, _>(limit + 1)
        .load(conn)
        .await?;
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
    let (rows, next_cursor) = page::cut(rows, limit, |r| (r.due_date.unwrap_or(far), r.id));
    let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.assignee_id).collect();
    let users = names::user_names(conn, &ids).await?;
    let items = rows
        .into_iter()
        .filter_map(|r| {
            Some(WorkItem {
                status: TaskStatus::parse(&r.status)?,
                assignee: r.assignee_id.map(|a| names::named(&users, a)),
                id: r.id,
                title: r.title,
                due_date: r.due_date,
                overdue: r.overdue,
                investigation_id: r.investigation_id,
                reference: r.reference,
                investigation_title: r.investigation_title,
                updated_at: r.updated_at,
            })
        })
        .collect();
    Ok(WorkPage { items, next_cursor })
}
