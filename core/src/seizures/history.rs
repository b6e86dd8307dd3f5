//! A case's history: every change in order, and who contributed to its content (four eyes).

use super::dto::{CaseStatus, ReopenNote};
use super::model::HistoryRow;
use crate::db::schema::seizure_history;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// The actions in a case's history that are not contributions to its content.
pub const REVIEW_ACTIONS: [&str; 3] = ["validate", "return", "reopen"];

/// The actions that move a case along its workflow.
pub const WORKFLOW_ACTIONS: [&str; 4] = ["submit", "validate", "return", "reopen"];

/// The users who created, edited or submitted the case (every history entry but a
/// validation, a sending back or a reopening), in the order they first did.
pub async fn contributors(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<Uuid>> {
    use seizure_history as h;
    let rows: Vec<(Option<Uuid>, i64)> = h::table
        .filter(h::case_id.eq(case_id))
        .filter(h::action.ne_all(REVIEW_ACTIONS))
        .group_by(h::actor_id)
        .select((h::actor_id, diesel::dsl::min(h::id).assume_not_null()))
        .load(conn)
        .await?;
    let mut rows: Vec<(Uuid, i64)> = rows
        .into_iter()
        .filter_map(|(a, i)| Some((a?, i)))
        .collect();
    rows.sort_by_key(|(_, first)| *first);
    Ok(rows.into_iter().map(|(actor, _)| actor).collect())
}

/// A workflow step: action, reason, the actor's name and username, when.
type LastStep = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    DateTime<Utc>,
);

/// Why a draft is a draft again: its last workflow step, when that was a `return` or a
/// `reopen` (`None` for a case that is not a draft, or was never sent back).
pub async fn reopened_note(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    status: CaseStatus,
) -> QueryResult<Option<ReopenNote>> {
    use crate::db::schema::users;
    use seizure_history as h;
    if status != CaseStatus::Draft {
        return Ok(None);
    }
    let last: Option<LastStep> = h::table
        .left_join(users::table.on(users::id.nullable().eq(h::actor_id)))
        .filter(h::case_id.eq(case_id))
        .filter(h::action.eq_any(WORKFLOW_ACTIONS))
        .order(h::id.desc())
        .select((
            h::action,
            h::reason,
            users::display_name.nullable(),
            h::actor_username,
            h::at,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(last.and_then(|(action, reason, name, username, at)| {
        note(action, reason, name.or(username), at)
    }))
}

/// A `ReopenNote` when `action` sent the case back to draft.
pub fn note(
    action: String,
    reason: Option<String>,
    by_name: Option<String>,
    at: DateTime<Utc>,
) -> Option<ReopenNote> {
    matches!(action.as_str(), "return" | "reopen").then_some(ReopenNote {
        action,
        reason,
        by_name,
        at,
    })
}

/// Every change to the case, oldest first.
pub async fn list(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<HistoryRow>> {
    seizure_history::table
        .filter(seizure_history::case_id.eq(id))
        .order(seizure_history::id)
        .select(HistoryRow::as_select())
        .load(conn)
        .await
}
