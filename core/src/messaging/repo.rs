//! Queries of threads and messages. Visibility is one rule, `MEMBER`: the caller takes part in
//! the thread by name, or through the unit they belong to now.

use super::dto::{FeedbackOutcome, ParticipantDto, ThreadKind};
use super::model::{NewMessage, NewParticipant, NewThread};
use crate::db::schema::{
    message_reads, message_threads, messages, thread_participants, units, users,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Whether user `$1` of unit `$2` takes part in thread `t`, by name or through their unit now
/// (probes of the thread's two unique participant indexes).
pub(super) const MEMBER: &str =
    "EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = t.id \
     AND (p.user_id = $1 OR p.unit_id = $2))";

/// Messages of others in `t` after user `$1`'s read mark: one range scan of the thread's
/// messages (migration 2026-12-02-000013).
pub(super) const UNREAD: &str =
    "(SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND m.sender_id <> $1 \
     AND m.sent_at > coalesce((SELECT r.read_up_to FROM thread_reads r \
         WHERE r.user_id = $1 AND r.thread_id = t.id), '-infinity'))";

/// The columns of a `SummaryRow`, over `t` (threads) and `c` (their creators).
pub(super) const SUMMARY: &str =
    "t.id, t.subject, t.kind, t.case_id, t.urgent, t.handling, t.created_by, \
     c.display_name AS created_by_name, t.created_at, t.last_message_at, t.replies_to, \
     t.feedback_due, t.outcome, t.investigation_id, t.answer_id, t.answered_by, t.answered_at, \
     ((t.kind = 'warning' AND t.feedback_due < now() \
       AND NOT EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = t.id)) \
      OR (t.kind = 'request' AND t.feedback_due < now() AND t.answer_id IS NULL)) AS overdue";

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
    #[diesel(sql_type = Text)]
    pub created_by_name: String,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub last_message_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub replies_to: Option<Uuid>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub feedback_due: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub outcome: Option<FeedbackOutcome>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub investigation_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub answer_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub answered_by: Option<Uuid>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub answered_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Bool)]
    pub overdue: bool,
    #[diesel(sql_type = BigInt)]
    pub unread: i64,
}

pub struct ListFilter {
    pub user_id: Uuid,
    pub unit_id: Uuid,
    pub unread_only: bool,
    pub kind: Option<ThreadKind>,
    pub case_id: Option<Uuid>,
    pub participant: Option<Uuid>,
    pub overdue_only: bool,
    /// A `to_tsquery` expression over folded words (`search_query`).
    pub search: Option<String>,
    pub after: Option<(DateTime<Utc>, Uuid)>,
    /// Rows to read: the page size plus one.
    pub limit: i64,
}

/// Words of a search as a prefix `tsquery` (all words, any order): letters and digits only,
/// so no operator of the query language gets through.
pub fn search_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("{w}:*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" & "))
}

/// One half of the inbox: the threads user `$1` takes part in by name (`p.user_id = $1`), or
/// through their unit and not also by name. In the participant index's order (newest message
/// first), filtered, cut at the page size: the planner walks the index and stops.
fn inbox_branch(who: &str) -> String {
    format!(
        "(SELECT t.id, t.created_by, p.last_message_at AS at \
         FROM thread_participants p JOIN message_threads t ON t.id = p.thread_id \
         LEFT JOIN thread_reads r ON r.user_id = $1 AND r.thread_id = p.thread_id \
         WHERE {who} \
         AND (p.last_message_at, p.thread_id) < (coalesce($5, 'infinity'), \
              coalesce($6, 'ffffffff-ffff-ffff-ffff-ffffffffffff')) \
         AND ($3::text IS NULL OR t.kind = $3) AND ($4::uuid IS NULL OR t.case_id = $4) \
         AND (NOT $7 OR (p.last_message_at > coalesce(r.read_up_to, '-infinity') \
              AND EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = p.thread_id \
                  AND m.sender_id <> $1 AND m.sent_at > coalesce(r.read_up_to, '-infinity')))) \
         AND ($9::uuid IS NULL OR EXISTS (SELECT 1 FROM thread_participants x \
              WHERE x.thread_id = t.id AND (x.user_id = $9 OR x.unit_id = $9))) \
         AND (NOT $10 OR (t.kind = 'warning' AND t.feedback_due < now() \
              AND NOT EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = t.id)) \
              OR (t.kind = 'request' AND t.feedback_due < now() AND t.answer_id IS NULL)) \
         AND ($11::text IS NULL \
              OR to_tsvector('simple', ncen_fold(t.subject)) @@ to_tsquery('simple', ncen_fold($11)) \
              OR EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = t.id \
                 AND to_tsvector('simple', ncen_fold(m.body)) @@ to_tsquery('simple', ncen_fold($11)))) \
         ORDER BY p.last_message_at DESC, p.thread_id DESC LIMIT $8)"
    )
}

/// The caller's threads, most recent message first. The page is the two halves merged
/// (`inbox_branch`); unread counts and the overdue flag are computed for its rows only.
/// Measured in bench/MESSAGING.md ("Inbox").
pub async fn list(conn: &mut AsyncPgConnection, f: ListFilter) -> QueryResult<Vec<SummaryRow>> {
    let named = inbox_branch("p.user_id = $1");
    let unit = inbox_branch(
        "p.unit_id = $2 AND NOT EXISTS (SELECT 1 FROM thread_participants q \
         WHERE q.thread_id = p.thread_id AND q.user_id = $1)",
    );
    let sql = format!(
        "WITH page AS ({named} UNION ALL {unit} ORDER BY at DESC, id DESC LIMIT $8) \
         SELECT {SUMMARY}, {UNREAD} AS unread \
         FROM page JOIN message_threads t ON t.id = page.id JOIN users c ON c.id = t.created_by \
         ORDER BY page.at DESC, page.id DESC"
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
        .bind::<Nullable<SqlUuid>, _>(f.participant)
        .bind::<Bool, _>(f.overdue_only)
        .bind::<Nullable<Text>, _>(f.search)
        .load(conn)
        .await
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Unread messages across all the caller's threads: only threads whose last message is after
/// the caller's read mark are looked into.
pub async fn unread_total(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<i64> {
    let row: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM ( \
           SELECT thread_id, last_message_at FROM thread_participants WHERE user_id = $1 \
           UNION SELECT thread_id, last_message_at FROM thread_participants WHERE unit_id = $2) x \
         LEFT JOIN thread_reads r ON r.user_id = $1 AND r.thread_id = x.thread_id \
         JOIN messages m ON m.thread_id = x.thread_id \
           AND m.sent_at > coalesce(r.read_up_to, '-infinity') AND m.sender_id <> $1 \
         WHERE x.last_message_at > coalesce(r.read_up_to, '-infinity')",
    )
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
        "SELECT {SUMMARY}, {UNREAD} AS unread \
         FROM message_threads t JOIN users c ON c.id = t.created_by \
         WHERE t.id = $3 AND {MEMBER}"
    );
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(unit_id)
        .bind::<SqlUuid, _>(id)
        .get_result(conn)
        .await
        .optional()
}

/// The feedback threads of a warning that the caller takes part in, oldest first.
pub async fn feedbacks_of(
    conn: &mut AsyncPgConnection,
    warning: Uuid,
    user_id: Uuid,
    unit_id: Uuid,
) -> QueryResult<Vec<SummaryRow>> {
    let sql = format!(
        "SELECT {SUMMARY}, {UNREAD} AS unread \
         FROM message_threads t JOIN users c ON c.id = t.created_by \
         WHERE t.replies_to = $3 AND {MEMBER} ORDER BY t.created_at, t.id"
    );
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(unit_id)
        .bind::<SqlUuid, _>(warning)
        .load(conn)
        .await
}

/// A thread's template fields.
pub async fn fields_of(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<serde_json::Value> {
    message_threads::table
        .find(id)
        .select(message_threads::fields)
        .get_result(conn)
        .await
}

/// The enabled users a thread reaches now: participants by name, and members of participant
/// units.
pub async fn members(conn: &mut AsyncPgConnection, thread: Uuid) -> QueryResult<Vec<Uuid>> {
    let named = thread_participants::table
        .filter(thread_participants::thread_id.eq(thread))
        .filter(thread_participants::user_id.is_not_null())
        .select(thread_participants::user_id.assume_not_null());
    let teams = thread_participants::table
        .filter(thread_participants::thread_id.eq(thread))
        .filter(thread_participants::unit_id.is_not_null())
        .select(thread_participants::unit_id.assume_not_null());
    users::table
        .filter(users::disabled_at.is_null())
        .filter(users::id.eq_any(named).or(users::unit_id.eq_any(teams)))
        .select(users::id)
        .order(users::id)
        .load(conn)
        .await
}

/// Whether a register record of this table exists (`persons`, `companies`, `conveyances`).
pub async fn register_exists(
    conn: &mut AsyncPgConnection,
    table: &'static str,
    id: Uuid,
) -> QueryResult<bool> {
    use crate::db::schema::{companies, conveyances, persons};
    let q = match table {
        "persons" => diesel::select(diesel::dsl::exists(persons::table.find(id))).get_result(conn),
        "companies" => {
            diesel::select(diesel::dsl::exists(companies::table.find(id))).get_result(conn)
        }
        _ => diesel::select(diesel::dsl::exists(conveyances::table.find(id))).get_result(conn),
    };
    q.await
}

/// Warnings past their deadline with no feedback whose authors were not told yet: marks them
/// told and returns (thread, author, subject). Row locks make each told once, whichever
/// instance runs first.
pub async fn claim_overdue(conn: &mut AsyncPgConnection, batch: i64) -> QueryResult<Vec<Overdue>> {
    diesel::sql_query(
        "UPDATE message_threads SET overdue_notified_at = now() WHERE id IN ( \
           SELECT t.id FROM message_threads t WHERE t.kind = 'warning' \
           AND t.overdue_notified_at IS NULL AND t.feedback_due < now() \
           AND NOT EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = t.id) \
           ORDER BY t.feedback_due LIMIT $1 FOR UPDATE SKIP LOCKED) \
         OR id IN ( \
           SELECT t.id FROM message_threads t WHERE t.kind = 'request' AND t.answer_id IS NULL \
           AND t.overdue_notified_at IS NULL AND t.feedback_due < now() \
           ORDER BY t.feedback_due LIMIT $1 FOR UPDATE SKIP LOCKED) \
         RETURNING id, created_by, subject, kind",
    )
    .bind::<BigInt, _>(batch)
    .load(conn)
    .await
}

/// A warning or request past its due date, claimed for telling its author.
#[derive(QueryableByName)]
pub struct Overdue {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub created_by: Uuid,
    #[diesel(sql_type = Text)]
    pub subject: String,
    #[diesel(sql_type = Text)]
    pub kind: ThreadKind,
}

#[derive(QueryableByName)]
pub struct RecipientRow {
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub user_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub unit_id: Option<Uuid>,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub detail: Option<String>,
}

/// Units and enabled users whose name, code or username contains `text` (escaped for LIKE;
/// folded like every search), units first, then by name.
pub async fn recipients(
    conn: &mut AsyncPgConnection,
    text: &str,
    limit: i64,
) -> QueryResult<Vec<RecipientRow>> {
    diesel::sql_query(
        "WITH p AS (SELECT '%' || ncen_fold($1) || '%' AS v) \
         (SELECT NULL::uuid AS user_id, n.id AS unit_id, n.name, n.code AS detail, 0 AS o \
           FROM units n, p WHERE ncen_fold(n.name) LIKE p.v OR ncen_fold(n.code) LIKE p.v \
           ORDER BY n.name LIMIT $2) \
         UNION ALL \
         (SELECT u.id, NULL::uuid, u.display_name, n.name, 1 FROM users u \
           JOIN units n ON n.id = u.unit_id, p WHERE u.disabled_at IS NULL \
           AND (ncen_fold(u.display_name) LIKE p.v OR ncen_fold(u.username) LIKE p.v) \
           ORDER BY u.display_name LIMIT $2) \
         ORDER BY o, name LIMIT $2",
    )
    .bind::<Text, _>(text)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await
}

pub async fn insert_thread(
    conn: &mut AsyncPgConnection,
    thread: NewThread,
    participants: Vec<NewParticipant>,
) -> QueryResult<()> {
    diesel::insert_into(message_threads::table)
        .values(&thread)
        .execute(conn)
        .await?;
    diesel::insert_into(thread_participants::table)
        .values(&participants)
        .execute(conn)
        .await?;
    Ok(())
}

/// Stores a message and moves its thread up, in the thread row and in every participant row;
/// returns when it was sent. The thread row is locked first, so the messages of one thread get
/// strictly increasing times in commit order (read marks rely on it).
pub async fn insert_message(
    conn: &mut AsyncPgConnection,
    message: NewMessage,
) -> QueryResult<DateTime<Utc>> {
    let thread = message.thread_id;
    let sent_at: DateTime<Utc> = diesel::update(message_threads::table.find(thread))
        .set(
            message_threads::last_message_at.eq(diesel::dsl::sql::<Timestamptz>(
                "greatest(clock_timestamp(), last_message_at + interval '1 microsecond')",
            )),
        )
        .returning(message_threads::last_message_at)
        .get_result(conn)
        .await?;
    diesel::insert_into(messages::table)
        .values((&message, messages::sent_at.eq(sent_at)))
        .execute(conn)
        .await?;
    // Participant rows are indexed by thread only in two partial indexes (by name, by unit):
    // each update names its kind so that the planner may use them (a bare `thread_id = $1`
    // would scan the whole table).
    diesel::update(
        thread_participants::table
            .filter(thread_participants::thread_id.eq(thread))
            .filter(thread_participants::user_id.is_not_null()),
    )
    .set(thread_participants::last_message_at.eq(sent_at))
    .execute(conn)
    .await?;
    diesel::update(
        thread_participants::table
            .filter(thread_participants::thread_id.eq(thread))
            .filter(thread_participants::unit_id.is_not_null()),
    )
    .set(thread_participants::last_message_at.eq(sent_at))
    .execute(conn)
    .await?;
    Ok(sent_at)
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

/// Marks every message of others in the thread read by the user, and moves the user's read
/// mark to the thread's last message; returns how many messages it marked. One statement, so
/// the receipts and the mark see the same messages.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    thread: Uuid,
    user_id: Uuid,
) -> QueryResult<usize> {
    let row: Count = diesel::sql_query(
        "WITH before AS (SELECT coalesce((SELECT read_up_to FROM thread_reads \
                WHERE user_id = $2 AND thread_id = $1), '-infinity') AS up_to), \
         marked AS (INSERT INTO message_reads (message_id, user_id) \
           SELECT m.id, $2 FROM messages m, before WHERE m.thread_id = $1 AND m.sender_id <> $2 \
           AND m.sent_at > before.up_to ON CONFLICT DO NOTHING RETURNING 1), \
         mark AS (INSERT INTO thread_reads (user_id, thread_id, read_up_to) \
           SELECT $2, t.id, t.last_message_at FROM message_threads t WHERE t.id = $1 \
           ON CONFLICT (user_id, thread_id) DO UPDATE \
           SET read_up_to = greatest(thread_reads.read_up_to, EXCLUDED.read_up_to)) \
         SELECT count(*) AS n FROM marked",
    )
    .bind::<SqlUuid, _>(thread)
    .bind::<SqlUuid, _>(user_id)
    .get_result(conn)
    .await?;
    Ok(usize::try_from(row.n).unwrap_or(0))
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
