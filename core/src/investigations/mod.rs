//! Investigations: the suspect database's cases in progress — a workflow whose transitions only
//! certain people may make (`workflow`), a lead and a team, links to the records concerned
//! (`links`), tasks (`tasks`), an append-only journal (`journal`) and a timeline of everything
//! (`timeline`).
//!
//! Need-to-know: an investigation exists only for its team (users, and the users of member
//! units), its lead and the supervisors of its supervising unit; anyone else gets 404.
//! Auditors see it through the audit trail, not here. Every read and change is audited.

pub mod communications;
pub mod dto;
pub mod journal;
pub mod links;
pub mod model;
pub mod reminders;
pub mod repo;
pub mod report;
pub mod service;
pub mod tasks;
pub mod team;
pub mod timeline;
pub mod workflow;

use crate::auth::{Permission, Principal, Role};
use crate::db::schema::investigation_members as m;
use crate::error::{Error, Result};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use model::InvestigationRow;
use workflow::Standing;

/// What `who` is to `inv`; 404 when they are not entitled to know it exists.
pub async fn standing(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    inv: &InvestigationRow,
) -> Result<Standing> {
    who.require(Permission::InvestigationsWork)?;
    if who.roles.contains(&Role::Supervisor) && who.unit_id == inv.unit_id {
        return Ok(Standing::Supervisor);
    }
    if inv.lead_id == Some(who.id) {
        return Ok(Standing::Lead);
    }
    let member: bool = diesel::select(diesel::dsl::exists(
        m::table.filter(
            m::investigation_id
                .eq(inv.id)
                .and(m::user_id.eq(who.id).or(m::unit_id.eq(who.unit_id))),
        ),
    ))
    .get_result(conn)
    .await?;
    if member {
        Ok(Standing::Member)
    } else {
        Err(Error::NotFound)
    }
}

/// Which of `ids` `who` may know exist (as `standing`: supervisors of the supervising unit,
/// the lead, the team); none without the permission to work investigations.
pub async fn visible_among(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    ids: &[uuid::Uuid],
) -> Result<std::collections::HashSet<uuid::Uuid>> {
    use crate::db::schema::investigations as i;
    if ids.is_empty() || !who.can(Permission::InvestigationsWork) {
        return Ok(Default::default());
    }
    let supervisor = who.roles.contains(&Role::Supervisor);
    let on_team = m::table
        .filter(m::user_id.eq(who.id).or(m::unit_id.eq(who.unit_id)))
        .select(m::investigation_id);
    let rows: Vec<uuid::Uuid> = i::table
        .filter(i::id.eq_any(ids))
        .filter(
            i::unit_id
                .eq(who.unit_id)
                .and(diesel::dsl::sql::<diesel::sql_types::Bool>(if supervisor {
                    "true"
                } else {
                    "false"
                }))
                .or(i::lead_id.eq(who.id))
                .or(i::id.eq_any(on_team)),
        )
        .select(i::id)
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The investigation `id` and what `who` is to it (404 as `standing`).
pub async fn visible(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: uuid::Uuid,
) -> Result<(InvestigationRow, Standing)> {
    let inv = repo::find(conn, id).await?;
    let standing = standing(conn, who, &inv).await?;
    Ok((inv, standing))
}

/// As `visible`, for a change: a closed investigation is read-only (409) until reopened.
pub async fn writable(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: uuid::Uuid,
) -> Result<(InvestigationRow, Standing)> {
    let (inv, standing) = visible(conn, who, id).await?;
    if inv.status == workflow::InvestigationStatus::Closed {
        return Err(closed());
    }
    Ok((inv, standing))
}

/// Tells `users` (but the one who acted) about `inv`, linking to its page (`tab`: a part of it).
pub async fn tell(
    conn: &mut AsyncPgConnection,
    users: &[uuid::Uuid],
    by: uuid::Uuid,
    inv: &InvestigationRow,
    kind: crate::notifications::dto::NotificationKind,
    what: &str,
    tab: Option<&str>,
) -> Result<()> {
    let users: Vec<uuid::Uuid> = users.iter().copied().filter(|u| *u != by).collect();
    let link = match tab {
        Some(t) => format!("/investigations/{}?tab={t}", inv.id),
        None => format!("/investigations/{}", inv.id),
    };
    let notice = crate::notifications::service::Notice {
        kind,
        title: format!("{} — {}: {what}", inv.reference, inv.title),
        link,
        thread_id: None,
    };
    crate::notifications::service::notify(conn, &users, &notice).await
}

/// 409 `investigation_closed`: a closed investigation takes no work until reopened.
pub fn closed() -> Error {
    Error::State(
        "investigation_closed",
        "the investigation is closed; a supervisor reopens it first".into(),
    )
}

/// 403 `investigation_role` unless `standing` is at least `needed` (the caller already knows
/// it exists).
pub fn require(standing: Standing, needed: Standing) -> Result<()> {
    if standing >= needed {
        Ok(())
    } else {
        Err(Error::Refused(crate::error::Duty::InvestigationRole))
    }
}
