//! Queries of notifications and preferences.

use super::dto::{NotificationDto, NotificationKind};
use crate::db::schema::{notification_preferences as p, notifications as n};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

#[derive(Insertable)]
#[diesel(table_name = n)]
struct NewNotification<'a> {
    id: Uuid,
    user_id: Uuid,
    kind: NotificationKind,
    title: &'a str,
    link: &'a str,
    thread_id: Option<Uuid>,
}

/// Inserts one notification per user; a `message` one joins the user's unread notification
/// of the same thread instead (its count grows, it moves to the top). Returns (user, row).
pub async fn upsert(
    conn: &mut AsyncPgConnection,
    users: &[Uuid],
    kind: NotificationKind,
    title: &str,
    link: &str,
    thread_id: Option<Uuid>,
) -> QueryResult<Vec<(Uuid, NotificationDto)>> {
    let mut users = users.to_vec();
    users.sort();
    users.dedup();
    let rows: Vec<NewNotification> = users
        .iter()
        .map(|u| NewNotification {
            id: Uuid::now_v7(),
            user_id: *u,
            kind,
            title,
            link,
            thread_id,
        })
        .collect();
    diesel::insert_into(n::table)
        .values(&rows)
        .on_conflict((n::user_id, n::thread_id, n::kind))
        .filter_target(n::read_at.is_null().and(n::kind.eq("message")))
        .do_update()
        .set((
            n::count.eq(n::count + 1),
            n::created_at.eq(diesel::dsl::now),
            n::title.eq(excluded(n::title)),
        ))
        .returning((n::user_id, NotificationDto::as_returning()))
        .get_results(conn)
        .await
}

pub struct ListFilter {
    pub user_id: Uuid,
    pub unread_only: bool,
    pub after: Option<(DateTime<Utc>, Uuid)>,
    pub limit: i64,
}

/// The user's notifications, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    f: ListFilter,
) -> QueryResult<Vec<NotificationDto>> {
    let mut q = n::table
        .filter(n::user_id.eq(f.user_id))
        .select(NotificationDto::as_select())
        .order((n::created_at.desc(), n::id.desc()))
        .limit(f.limit)
        .into_boxed();
    if f.unread_only {
        q = q.filter(n::read_at.is_null());
    }
    if let Some((at, id)) = f.after {
        q = q.filter(
            n::created_at
                .lt(at)
                .or(n::created_at.eq(at).and(n::id.lt(id))),
        );
    }
    q.load(conn).await
}

pub async fn unread_total(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<i64> {
    n::table
        .filter(n::user_id.eq(user))
        .filter(n::read_at.is_null())
        .count()
        .get_result(conn)
        .await
}

/// Whether the user has this notification.
pub async fn owns(conn: &mut AsyncPgConnection, user: Uuid, id: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        n::table.filter(n::id.eq(id)).filter(n::user_id.eq(user)),
    ))
    .get_result(conn)
    .await
}

/// Marks read: one notification, a thread's, or all of the user's. Returns how many.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    id: Option<Uuid>,
    thread: Option<Uuid>,
) -> QueryResult<usize> {
    let mut q = diesel::update(n::table)
        .filter(n::user_id.eq(user))
        .filter(n::read_at.is_null())
        .into_boxed();
    if let Some(id) = id {
        q = q.filter(n::id.eq(id));
    }
    if let Some(thread) = thread {
        q = q.filter(n::thread_id.eq(thread));
    }
    q.set(n::read_at.eq(diesel::dsl::now)).execute(conn).await
}

/// The kinds each of these users wants pinged live (users without a row: every kind).
pub async fn live_kinds(
    conn: &mut AsyncPgConnection,
    users: &[Uuid],
) -> QueryResult<Vec<(Uuid, Vec<String>)>> {
    p::table
        .filter(p::user_id.eq_any(users))
        .select((p::user_id, p::live))
        .load(conn)
        .await
}

pub async fn save_live_kinds(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    live: &[String],
) -> QueryResult<()> {
    diesel::insert_into(p::table)
        .values((p::user_id.eq(user), p::live.eq(live)))
        .on_conflict(p::user_id)
        .do_update()
        .set((p::live.eq(live), p::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await
        .map(|_| ())
}
