//! User accounts: listing, creating, changing and resetting passwords, each change audited in
//! its transaction. Disabling an account or resetting its password ends its sessions.

use super::dto::{CreateUser, ResetPassword, UpdateUser, UserDto, UserPage, UserQuery};
use super::model::{NewUser, UserChanges, UserRow};
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::{password, sessions, Principal, Role};
use crate::common::check::Checker;
use crate::common::{page, patch};
use crate::error::{Duty, Error, FieldError, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

fn role_names(roles: &[Role]) -> Vec<String> {
    let mut names: Vec<String> = roles.iter().map(|r| r.as_str().to_string()).collect();
    names.sort();
    names.dedup();
    names
}

/// Users by username; disabled accounts only on request.
pub async fn list(conn: &mut AsyncPgConnection, q: UserQuery) -> Result<UserPage> {
    let limit = page::limit(q.limit)?;
    let after: Option<String> = page::decode_cursor(q.cursor.as_deref())?;
    let filter = repo::Filter {
        q: crate::common::check::search_text(q.q)?,
        role: q.role.map(|r| r.as_str().to_string()),
        unit_id: q.unit_id,
        include_disabled: q.include_disabled.unwrap_or(false),
        after_username: after,
        limit,
    };
    let rows = repo::list(conn, filter).await?;
    let (rows, next_cursor) = page::cut(rows, limit, |(row, _)| row.username.clone());
    let items = rows
        .into_iter()
        .map(|(row, unit)| UserDto::from_row(row, Some(unit)))
        .collect();
    Ok(UserPage { items, next_cursor })
}

pub async fn create(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    body: CreateUser,
) -> Result<UserDto> {
    let username = body.username.trim().to_lowercase();
    let mut ck = Checker::new();
    body.check(&mut ck);
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    let mut errors = ck.errors;
    if !repo::valid_username(&username) {
        errors.push(FieldError::new(
            "username",
            "format",
            "use 2–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
        ));
    }
    if let Some((code, message)) = password::policy_violation(&body.password, Some(&username)) {
        errors.push(FieldError::new("password", code, message));
    }
    let unit_name = repo::unit_name(conn, body.unit_id).await?;
    if unit_name.is_none() {
        errors.push(FieldError::new("unit_id", "not_found", "no such unit"));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let hash = password::hash_blocking(body.password.clone())
        .await
        .map_err(Error::internal)?;
    let new = NewUser {
        id: Uuid::now_v7(),
        username,
        display_name: body.display_name.trim().to_string(),
        email: body.email.map(|e| e.trim().to_string()),
        unit_id: body.unit_id,
        roles: role_names(&body.roles),
        password_hash: hash,
    };
    let row = conn
        .transaction(async |conn| {
            let row = repo::insert(conn, new)
                .await
                .map_err(|e| match Error::from(e) {
                    Error::Conflict(_) => Error::Conflict("this username is already taken".into()),
                    other => other,
                })?;
            let details =
                json!({ "username": row.username, "roles": row.roles, "unit_id": row.unit_id });
            let event = Event::new("user.create")
                .object("user", row.id)
                .details(details);
            record(conn, actor, event).await?;
            Ok::<_, Error>(row)
        })
        .await?;
    Ok(UserDto::from_row(row, unit_name))
}

pub async fn get(conn: &mut AsyncPgConnection, id: Uuid) -> Result<UserDto> {
    let (row, unit) = repo::find_with_unit(conn, id).await?;
    Ok(UserDto::from_row(row, unit))
}

/// Applies a JSON merge patch (`UpdateUser`'s fields) to a user whose version is
/// `expected`. An administrator cannot disable their own account or drop their own admin
/// role. The audit row carries each changed field's old and new value.
pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    patch: &serde_json::Value,
) -> Result<UserDto> {
    let row = conn
        .transaction(async |conn| {
            let (current, _) = repo::find_with_unit(conn, id).await?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            let (old, body) = patch::merge(&UpdateUser::current(&current), patch)?;
            check_update(conn, who, id, &body).await?;
            require_not_own_escalation(who, id, &current, &body)?;
            let disabled = body.disabled == Some(true);
            let changes = UserChanges {
                display_name: body.display_name.map(|s| s.trim().to_string()),
                email: Some(body.email.map(|s| s.trim().to_string())),
                unit_id: body.unit_id,
                roles: body.roles.as_deref().map(role_names),
                disabled_at: Some(
                    disabled.then(|| current.disabled_at.unwrap_or_else(chrono::Utc::now)),
                ),
                ..Default::default()
            };
            let row = repo::update(conn, id, expected, changes).await?;
            let new = serde_json::to_value(UpdateUser::current(&row)).map_err(Error::internal)?;
            if disabled && current.disabled_at.is_none() {
                sessions::revoke_all(conn, id, None, "account_disabled").await?;
            }
            let event = Event::new("user.update")
                .object("user", id)
                .details(json!({ "changes": patch::diff(&old, &new) }));
            record(conn, actor, event).await?;
            Ok::<_, Error>(row)
        })
        .await?;
    let unit = repo::unit_name(conn, row.unit_id).await?;
    Ok(UserDto::from_row(row, unit))
}

/// The rules a patched account must meet: the field limits, an existing unit, and no
/// administrator locking themselves out.
async fn check_update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
    body: &UpdateUser,
) -> Result<()> {
    let mut ck = Checker::new();
    body.check(&mut ck);
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    let mut errors = ck.errors;
    if let Some(unit) = body.unit_id {
        if repo::unit_name(conn, unit).await?.is_none() {
            errors.push(FieldError::new("unit_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    if id == who.id && body.disabled == Some(true) {
        return Err(Error::Conflict(
            "you cannot disable your own account".into(),
        ));
    }
    Ok(())
}

/// Separation of duties: an administrator's own roles and unit are changed by another
/// administrator only (an admin granting themselves `auditor` or `supervisor` would see
/// what the admin role keeps from them).
fn require_not_own_escalation(
    who: &Principal,
    id: Uuid,
    current: &UserRow,
    body: &UpdateUser,
) -> Result<()> {
    let mut current_roles = current.roles.clone();
    current_roles.sort();
    current_roles.dedup();
    let roles_change = body
        .roles
        .as_deref()
        .is_some_and(|r| role_names(r) != current_roles);
    let unit_change = body.unit_id.is_some_and(|u| u != current.unit_id);
    if id == who.id && (roles_change || unit_change) {
        return Err(Error::Refused(Duty::OwnAccount));
    }
    Ok(())
}

/// An administrator sets a new password for another user; the user's sessions end. Their
/// own password they change at `/me/password`, with the current one.
pub async fn reset_password(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    body: ResetPassword,
) -> Result<()> {
    if id == who.id {
        return Err(Error::Refused(Duty::OwnPassword));
    }
    let (row, _) = repo::find_with_unit(conn, id).await?;
    if let Some((code, message)) =
        password::policy_violation(&body.new_password, Some(&row.username))
    {
        return Err(Error::validation("new_password", code, &message));
    }
    let hash = password::hash_blocking(body.new_password)
        .await
        .map_err(Error::internal)?;
    conn.transaction(async |conn| {
        repo::set_password(conn, id, hash).await?;
        sessions::revoke_all(conn, id, None, "password_reset").await?;
        let event = Event::new("user.password_reset").object("user", id);
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await
}

/// `ncen create-user`: a user created by the system (no signed-in actor), in the unit with
/// code `unit_code`, with an already hashed password. `Error::NotFound` for an unknown unit.
pub async fn create_by_system(
    conn: &mut AsyncPgConnection,
    unit_code: &str,
    username: String,
    display_name: String,
    roles: Vec<String>,
    password_hash: String,
) -> Result<(Uuid, String)> {
    let unit_id = repo::unit_id_by_code(conn, &unit_code.to_uppercase())
        .await?
        .ok_or(Error::NotFound)?;
    conn.transaction(async |conn| {
        let new = NewUser {
            id: Uuid::now_v7(),
            username,
            display_name,
            email: None,
            unit_id,
            roles,
            password_hash,
        };
        let user = repo::insert(conn, new).await?;
        let event = Event::new("user.create")
            .object("user", user.id)
            .details(json!({"username": user.username, "via": "cli"}));
        record(conn, &Actor::system(), event).await?;
        Ok::<_, Error>((user.id, user.username))
    })
    .await
}
