//! The team: users, or whole units, added and removed by the lead or a supervisor.

use super::dto::{MemberDto, MemberInput};
use super::model::{InvestigationRow, MemberRow};
use super::timeline::{event, EventKind};
use super::{repo, require, workflow::Standing, writable};
use crate::audit::{record, Actor, Event};
use crate::auth::{permissions::roles_allow, Permission, Principal, Role};
use crate::common::check::Checker;
use crate::common::names;
use crate::db::schema::{units, users};
use crate::error::{Error, Result};
use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

/// Whether `user` is an active account that may work on investigations (a lead, a member, an
/// assignee).
pub async fn may_work(conn: &mut AsyncPgConnection, user: Uuid) -> Result<bool> {
    let row: Option<(Vec<String>, Option<chrono::DateTime<Utc>>)> = users::table
        .find(user)
        .select((users::roles, users::disabled_at))
        .first(conn)
        .await
        .optional()?;
    Ok(row.is_some_and(|(roles, disabled)| {
        let roles: Vec<Role> = roles.iter().filter_map(|r| Role::parse(r)).collect();
        disabled.is_none() && roles_allow(&roles, Permission::InvestigationsWork)
    }))
}

/// Checks a member at `field` (exactly one of a user who may work on investigations, or a
/// unit).
pub async fn check(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    field: &str,
    input: &MemberInput,
) -> Result<()> {
    match (input.user_id, input.unit_id) {
        (Some(user), None) => {
            if !may_work(conn, user).await? {
                ck.push(
                    format!("{field}.user_id"),
                    "not_eligible",
                    "no active user who may work on investigations",
                );
            }
        }
        (None, Some(unit)) => {
            let known: bool = diesel::select(diesel::dsl::exists(units::table.find(unit)))
                .get_result(conn)
                .await?;
            if !known {
                ck.push(format!("{field}.unit_id"), "not_found", "no such unit");
            }
        }
        _ => ck.push(field, "one_of", "give exactly one of user_id and unit_id"),
    }
    Ok(())
}

/// Writes a checked member (409 when already on the team) and its timeline event.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    inv: &InvestigationRow,
    by: Uuid,
    input: &MemberInput,
) -> Result<Uuid> {
    let row = MemberRow {
        id: Uuid::now_v7(),
        investigation_id: inv.id,
        user_id: input.user_id,
        unit_id: input.unit_id,
        added_by: by,
        added_at: Utc::now(),
    };
    match repo::insert_member(conn, &row).await {
        Err(Error::Conflict(_)) => {
            return Err(Error::State("already_member", "already on the team".into()));
        }
        other => other?,
    }
    let details = member_details(conn, input.user_id, input.unit_id).await?;
    event(
        conn,
        inv.id,
        Some(by),
        EventKind::MemberAdded,
        Some(row.id),
        details,
    )
    .await?;
    super::communications::join_threads(conn, inv.id, input.user_id, input.unit_id).await?;
    if let Some(user) = input.user_id {
        let kind = crate::notifications::dto::NotificationKind::InvestigationAssigned;
        super::tell(conn, &[user], by, inv, kind, "you are on the team", None).await?;
    }
    Ok(row.id)
}

/// A member as the timeline keeps it: ids and the names they had then.
async fn member_details(
    conn: &mut AsyncPgConnection,
    user: Option<Uuid>,
    unit: Option<Uuid>,
) -> Result<serde_json::Value> {
    let users = names::user_names(conn, &user.into_iter().collect::<Vec<_>>()).await?;
    let units = names::unit_names(conn, &unit.into_iter().collect::<Vec<_>>()).await?;
    Ok(json!({
        "user_id": user,
        "unit_id": unit,
        "name": user.map(|u| names::named(&users, u).name).or(unit.map(|u| names::named(&units, u).name)),
    }))
}

/// The team as shown: each member with the names of the user or unit.
pub async fn dtos(conn: &mut AsyncPgConnection, rows: Vec<MemberRow>) -> Result<Vec<MemberDto>> {
    let mut user_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.user_id).collect();
    user_ids.extend(rows.iter().map(|r| r.added_by));
    let unit_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.unit_id).collect();
    let users = names::user_names(conn, &user_ids).await?;
    let units = names::unit_names(conn, &unit_ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| MemberDto {
            id: r.id,
            user: r.user_id.map(|u| names::named(&users, u)),
            unit: r.unit_id.map(|u| names::named(&units, u)),
            added_by: names::named(&users, r.added_by),
            added_at: r.added_at,
        })
        .collect())
}

/// Adds a member (the lead or a supervisor).
pub async fn add(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: MemberInput,
) -> Result<Vec<MemberDto>> {
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Lead)?;
        let mut ck = Checker::new();
        check(conn, &mut ck, "member", &input).await?;
        ck.finish()?;
        let member = insert(conn, &inv, who.id, &input).await?;
        record(
            conn,
            actor,
            Event::new("investigation.member_add")
                .object("investigation", id)
                .details(
                    json!({ "member": member, "user_id": input.user_id, "unit_id": input.unit_id }),
                ),
        )
        .await?;
        let rows = repo::members(conn, id).await?;
        dtos(conn, rows).await
    })
    .await
}

/// Removes a member (the lead or a supervisor). A member with open tasks keeps them until
/// they are reassigned: the team list is what grants access, not the tasks. The member leaves
/// the investigation's threads too (unless they are its lead).
pub async fn remove(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    member: Uuid,
) -> Result<Vec<MemberDto>> {
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Lead)?;
        let rows = repo::members(conn, id).await?;
        let gone = rows
            .iter()
            .find(|r| r.id == member)
            .cloned()
            .ok_or(Error::NotFound)?;
        repo::delete_member(conn, id, member).await?;
        if gone.user_id.is_none() || gone.user_id != inv.lead_id {
            super::communications::leave_threads(conn, id, gone.user_id, gone.unit_id).await?;
        }
        let details = member_details(conn, gone.user_id, gone.unit_id).await?;
        event(
            conn,
            id,
            Some(who.id),
            EventKind::MemberRemoved,
            Some(member),
            details,
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("investigation.member_remove")
                .object("investigation", id)
                .details(json!({ "member": member })),
        )
        .await?;
        let rows = repo::members(conn, id).await?;
        dtos(conn, rows).await
    })
    .await
}
