//! Queries of threads started from an investigation (the investigations module checks who may
//! see them) and of requests for information and their answers.

use super::repo::{SummaryRow, MEMBER, SUMMARY, UNREAD};
use crate::db::schema::message_threads;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Marks `message` as the answer of request `thread` unless it has one; whether it did.
pub async fn claim_answer(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
    message: Uuid,
    by: Uuid,
) -> QueryResult<bool> {
    let n = diesel::update(
        message_threads::table
            .find(thread)
            .filter(message_threads::answer_id.is_null()),
    )
    .set((
        message_threads::answer_id.eq(message),
        message_threads::answered_by.eq(by),
        message_threads::answered_at.eq(diesel::dsl::now),
    ))
    .execute(conn)
    .await?;
    Ok(n == 1)
}

/// The threads about an investigation, most recent message first, with the caller's unread
/// count (`$1` user) — whether or not the caller takes part (`member`).
pub async fn of_investigation(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<Vec<(SummaryRow, bool)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(embed)]
        summary: SummaryRow,
        #[diesel(sql_type = Bool)]
        member: bool,
    }
    let sql = format!(
        "SELECT {SUMMARY}, {UNREAD} AS unread, {MEMBER} AS member \
         FROM message_threads t JOIN users c ON c.id = t.created_by \
         WHERE t.investigation_id = $3 ORDER BY t.last_message_at DESC, t.id LIMIT 500"
    );
    let rows: Vec<Row> = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(unit_id)
        .bind::<SqlUuid, _>(investigation)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.summary, r.member)).collect())
}

/// Adds a participant (a user or a unit) to a thread unless already there.
pub async fn add_participant(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> QueryResult<()> {
    diesel::sql_query(
        "INSERT INTO thread_participants (thread_id, user_id, unit_id, last_message_at) \
         SELECT t.id, $2, $3, t.last_message_at FROM message_threads t WHERE t.id = $1 \
           AND NOT EXISTS (SELECT 1 FROM thread_participants p \
             WHERE p.thread_id = $1 AND p.user_id IS NOT DISTINCT FROM $2 \
               AND p.unit_id IS NOT DISTINCT FROM $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(thread)
    .bind::<Nullable<SqlUuid>, _>(user_id)
    .bind::<Nullable<SqlUuid>, _>(unit_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes a participant (a user or a unit) from every thread of an investigation; the
/// number of threads it left.
pub async fn remove_from_investigation(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> QueryResult<usize> {
    diesel::sql_query(
        "DELETE FROM thread_participants p USING message_threads t \
          WHERE t.id = p.thread_id AND t.investigation_id = $1 \
            AND p.user_id IS NOT DISTINCT FROM $2 AND p.unit_id IS NOT DISTINCT FROM $3",
    )
    .bind::<SqlUuid, _>(investigation)
    .bind::<Nullable<SqlUuid>, _>(user_id)
    .bind::<Nullable<SqlUuid>, _>(unit_id)
    .execute(conn)
    .await
}

/// The ids of an investigation's threads.
pub async fn thread_ids_of_investigation(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
) -> QueryResult<Vec<Uuid>> {
    message_threads::table
        .filter(message_threads::investigation_id.eq(investigation))
        .select(message_threads::id)
        .load(conn)
        .await
}
