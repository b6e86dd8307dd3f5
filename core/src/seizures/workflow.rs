//! The case workflow: `draft → submitted → validated`; a supervisor sends a submitted case
//! back for correction (`return`) or reopens a validated one (`reopen`), both back to draft
//! with a reason, and the case's officer is told through notifications.

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
pub const RETURN: Transition = Transition {
    action: "return",
    permission: Permission::SeizuresValidate,
    from: &[CaseStatus::Submitted],
    to: CaseStatus::Draft,
    refusal: "only a submitted case can be sent back for correction (a validated one is reopened)",
};
pub const REOPEN: Transition = Transition {
    action: "reopen",
    permission: Permission::SeizuresValidate,
    from: &[CaseStatus::Validated],
    to: CaseStatus::Draft,
    refusal: "only a validated case can be reopened (a submitted one is sent back for correction)",
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
            "return" => "seizure.return",
            _ => "seizure.reopen",
        });
        record(conn, actor, event.object("seizure", id).details(details)).await?;
        if t.to == CaseStatus::Draft {
            tell_officers(conn, who, id, &row.reference, t.action, reason.as_deref()).await?;
        }
        let loaded = read::load(conn, id).await?;
        read::to_dto(conn, loaded).await
    })
    .await
}

/// Tells the case's officers — who created it and who submitted it, but not the supervisor
/// acting — that it is back to draft, and why.
async fn tell_officers(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
    reference: &str,
    action: &str,
    reason: Option<&str>,
) -> Result<()> {
    use crate::db::schema::seizure_history as h;
    use crate::notifications::dto::NotificationKind;
    use crate::notifications::service::{notify, Notice};
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let mut users: Vec<Uuid> = h::table
        .filter(h::case_id.eq(id))
        .filter(h::action.eq_any(["create", "submit"]))
        .filter(h::actor_id.is_not_null())
        .select(h::actor_id.assume_not_null())
        .distinct()
        .load(conn)
        .await?;
    users.retain(|u| *u != who.id);
    users.sort();
    // The title names the case and the reason; the kind says what happened (the browser app
    // words it in the reader's language).
    let kind = if action == "return" {
        NotificationKind::CaseReturned
    } else {
        NotificationKind::CaseReopened
    };
    let notice = Notice {
        kind,
        title: format!("{reference} — {}", reason.unwrap_or_default()),
        link: format!("/seizures/{id}"),
        thread_id: None,
    };
    notify(conn, &users, &notice).await
}

/// A comment on a submission or validation: trimmed, at most 1000 characters; blank is none.
pub fn comment(comment: Option<String>) -> Result<Option<String>> {
    let comment = comment
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    if comment.as_ref().is_some_and(|c| c.chars().count() > 1000) {
        return Err(Error::validation(
            "comment",
            "length",
            "must be at most 1000 characters long",
        ));
    }
    Ok(comment)
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
