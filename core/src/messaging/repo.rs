//! Queries of threads and messages. Visibility is one rule, `VISIBLE`: the caller is a
//! participant by name, or a member (now) of a participant unit.

use super::dto::{ParticipantDto, ThreadKind};
use super::model::{NewMessage, NewParticipant, NewThread, ThreadRow};
use crate::db::schema::{
    message_reads, message_threads, messages, thread_participants, units, users,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// `t` is visible to user `$1` of unit `$2`.
const VISIBLE: &str = "EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = t.id \
     AND (p.user_id = $1 OR p.unit_id = $2))";

/// Messages of others in `t` that user `$1` has not read.
const UNREAD: &str =
    "(SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND m.sender_id <> $1 \
     AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = $1))";

#[derive(QueryableByName)]
pub struct SummaryRow {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub subject: String,
    #[diesel(sql_type = Text)]
    pub kind: ThreadKind,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub case_id: Option<Uuid>,
    #[diesel(sql_type = Bool)]
    pub urgent: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub handling: Option<String>,
    #[diesel(sql_type = SqlUuid)]
    pub created_by: Uuid,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub last_message_at: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub unread: i64,
}

pub struct ListFilter {
    pub user_id: Uuid,
    pub unit_id: Uuid,
    pub unread_only: bool,
    pub kind: Option<ThreadKind>,
    pub case_id: Option<Uuid>,
    pub after: Option<(DateTime<Utc>, Uuid)>,
    /// Rows to read: the page size plus one.
    pub limit: i64,
}

/// The caller's threads, most recent message first.
pub async fn list(conn: &mut AsyncPgConnection, f: ListFilter) -> QueryResult<Vec<SummaryRow>> {
    let sql = format!(
        "SELECT * FROM (SELECT t.id, t.subject, t.kind, t.case_id, t.urgent, t.handling, \
         t.created_by, t.created_at, t.last_message_at, {UNREAD} AS unread \
         FROM message_threads t WHERE {VISIBLE} \
         AND ($3::text IS NULL OR t.kind = $3) AND ($4::uuid IS NULL OR t.case_id = $4) \
         AND ($5::timestamptz IS NULL OR (t.last_message_at, t.id) < ($5, $6))) s \
         WHERE (NOT $7 OR s.unread > 0) \
         ORDER BY s.last_message_at DESC, s.id DESC LIMIT $8"
    );
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(f.user_id)
        .bind::<SqlUuid, _>(f.unit_id)
        .bind::<Nullable<Text>, _>(f.kind.map(ThreadKind::as_str))
        .bind::<Nullable<SqlUuid>, _>(f.case_id)
        .bind::<Nullable<Timestamptz>, _>(f.after.map(|a| a.0))
        .bind::<Nullable<SqlUuid>, _>(f.after.map(|a| a.1))
        .bind::<Bool, _>(f.unread_only)
        .bind::<BigInt, _>(f.limit)
        .load(conn)
        .await
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Unread messages across all the caller's threads.
pub async fn unread_total(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<i64> {
    let sql = format!(
        "SELECT coalesce(sum({UNREAD}), 0)::bigint AS n FROM message_threads t WHERE {VISIBLE}"
    );
    let row: Count = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(unit_id)
        .get_result(conn)
        .await?;
    Ok(row.n)
}

/// One thread, when the caller may see it (else `None`: its existence is not told).
pub async fn visible(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<Option<SummaryRow>> {
    let sql = format!(
        "SELECT t.id, t.subject, t.kind, t.case_id, t.urgent, t.handling, t.created_by, \
         t.created_at, t.last_message_at, {UNREAD} AS unread \
         FROM message_threads t WHERE {VISIBLE} AND t.id = $3"
    );
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(unit_id)
        .bind::<SqlUuid, _>(id)
        .get_result(conn)
        .await
        .optional()
}

pub async fn insert_thread(
    conn: &mut AsyncPgConnection,
    thread: NewThread,
    participants: Vec<NewParticipant>,
) -> QueryResult<ThreadRow> {
    let row = diesel::insert_into(message_threads::table)
        .values(&thread)
        .returning(ThreadRow::as_returning())
        .get_result(conn)
        .await?;
    diesel::insert_into(thread_participants::table)
        .values(&participants)
        .execute(conn)
        .await?;
    Ok(row)
}

pub async fn insert_message(conn: &mut AsyncPgConnection, message: NewMessage) -> QueryResult<()> {
    let thread = message.thread_id;
    diesel::insert_into(messages::table)
        .values(&message)
        .execute(conn)
        .await?;
    diesel::update(message_threads::table.find(thread))
        .set(message_threads::last_message_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}

/// A thread's messages, oldest first: (id, sender, sender's name, body, sent at).
pub async fn messages_of(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
) -> QueryResult<Vec<(Uuid, Uuid, String, String, DateTime<Utc>)>> {
    messages::table
        .inner_join(users::table)
        .filter(messages::thread_id.eq(thread))
        .order((messages::sent_at.asc(), messages::id.asc()))
        .select((
            messages::id,
            messages::sender_id,
            users::display_name,
            messages::body,
            messages::sent_at,
        ))
        .load(conn)
        .await
}

/// Who read which message of a thread: (message, reader).
pub async fn reads_of(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    message_reads::table
        .inner_join(messages::table)
        .filter(messages::thread_id.eq(thread))
        .order(message_reads::read_at.asc())
        .select((message_reads::message_id, message_reads::user_id))
        .load(conn)
        .await
}

/// Marks every message of others in the thread read by the user; returns how many.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
    user_id: Uuid,
) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO message_reads (message_id, user_id) \
         SELECT m.id, $2 FROM messages m WHERE m.thread_id = $1 AND m.sender_id <> $2 \
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(thread)
    .bind::<SqlUuid, _>(user_id)
    .execute(conn)
    .await
}

pub async fn participants_of(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
) -> QueryResult<Vec<ParticipantDto>> {
    let people: Vec<(Uuid, String)> = thread_participants::table
        .inner_join(users::table.on(thread_participants::user_id.eq(users::id.nullable())))
        .filter(thread_participants::thread_id.eq(thread))
        .order(thread_participants::id.asc())
        .select((users::id, users::display_name))
        .load(conn)
        .await?;
    let teams: Vec<(Uuid, String)> = thread_participants::table
        .inner_join(units::table.on(thread_participants::unit_id.eq(units::id.nullable())))
        .filter(thread_participants::thread_id.eq(thread))
        .order(thread_participants::id.asc())
        .select((units::id, units::name))
        .load(conn)
        .await?;
    let people = people.into_iter().map(|(id, name)| ParticipantDto {
        user_id: Some(id),
        unit_id: None,
        name,
    });
    let teams = teams.into_iter().map(|(id, name)| ParticipantDto {
        user_id: None,
        unit_id: Some(id),
        name,
    });
    Ok(people.chain(teams).collect())
}

/// Of these users, the ones that exist and may sign in.
pub async fn active_users(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    users::table
        .filter(users::id.eq_any(ids))
        .filter(users::disabled_at.is_null())
        .select(users::id)
        .load(conn)
        .await
}

/// Of these units, the ones that exist.
pub async fn existing_units(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    units::table
        .filter(units::id.eq_any(ids))
        .select(units::id)
        .load(conn)
        .await
}
