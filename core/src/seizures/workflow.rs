//! The case workflow: `draft → submitted → validated`, and reopen back to draft.

use super::dto::{CaseDto, CaseStatus};
use super::repo::Change;
use super::{read, repo};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::error::{Duty, Error, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

pub struct Transition {
    action: &'static str,
    permission: Permission,
    from: &'static [CaseStatus],
    to: CaseStatus,
    refusal: &'static str,
}

pub const SUBMIT: Transition = Transition {
    action: "submit",
    permission: Permission::SeizuresWrite,
    from: &[CaseStatus::Draft],
    to: CaseStatus::Submitted,
    refusal: "only a draft can be submitted",
};
pub const VALIDATE: Transition = Transition {
    action: "validate",
    permission: Permission::SeizuresValidate,
    from: &[CaseStatus::Submitted],
    to: CaseStatus::Validated,
    refusal: "only a submitted case can be validated",
};
pub const REOPEN: Transition = Transition {
    action: "reopen",
    permission: Permission::SeizuresValidate,
    from: &[CaseStatus::Submitted, CaseStatus::Validated],
    to: CaseStatus::Draft,
    refusal: "only a submitted or validated case can be reopened",
};

/// Moves a case of the caller's unit from one of `t.from` to `t.to`, if its version is
/// `expected`; the change goes into the case's history and the audit log.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    t: &Transition,
    reason: Option<String>,
) -> Result<CaseDto> {
    who.require(t.permission)?;
    conn.transaction(async |conn| {
        let row = read::find_row(conn, id).await?;
        super::require_unit(who, &row)?;
        if row.version != expected {
            return Err(Error::StaleVersion);
        }
        if !t.from.contains(&row.status) {
            return Err(Error::Conflict(format!(
                "{} (the case is {})",
                t.refusal, row.status
            )));
        }
        // Four eyes: whoever created, edited or submitted the case does not validate it.
        if t.to == CaseStatus::Validated
            && super::history::contributors(conn, id)
                .await?
                .contains(&who.id)
        {
            return Err(Error::Refused(Duty::FourEyes));
        }
        let version = repo::set_status(conn, id, expected, t.to, who.id).await?;
        let changes = json!({ "status": { "old": row.status, "new": t.to } });
        let change = Change {
            case_id: id,
            version,
            action: t.action,
            reason: reason.as_deref(),
            changes,
        };
        repo::add_history(conn, actor, change).await?;
        let details = json!({ "from": row.status, "to": t.to, "reason": reason });
        let event = Event::new(match t.action {
            "submit" => "seizure.submit",
            "validate" => "seizure.validate",
            _ => "seizure.reopen",
        });
        record(conn, actor, event.object("seizure", id).details(details)).await?;
        let loaded = read::load(conn, id).await?;
        read::to_dto(conn, loaded).await
    })
    .await
}

/// A reopening's reason: trimmed, 1–1000 characters.
pub fn reopen_reason(reason: &str) -> Result<String> {
    let reason = reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(Error::validation(
            "reason",
            "length",
            "must be 1–1000 characters long",
        ));
    }
    Ok(reason)
}
