//! A case's history: every change in order, and who contributed to its content (four eyes).

use super::model::HistoryRow;
use crate::db::schema::seizure_history;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// The actions in a case's history that are not contributions to its content.
pub const REVIEW_ACTIONS: [&str; 2] = ["validate", "reopen"];

/// The users who created, edited or submitted the case (every history entry but a
/// validation or a reopening), in the order they first did.
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

/// Every change to the case, oldest first.
pub async fn list(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<HistoryRow>> {
    seizure_history::table
        .filter(seizure_history::case_id.eq(id))
        .order(seizure_history::id)
        .select(HistoryRow::as_select())
        .load(conn)
        .await
}
