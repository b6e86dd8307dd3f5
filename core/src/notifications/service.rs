//! Operations on notifications: `notify` (what other modules call), the user's list, marking
//! read, and the live-ping preferences.

use super::dto::{
    NotificationDto, NotificationEvent, NotificationKind, NotificationPage, NotificationQuery,
    NotificationsReadEvent, Preferences,
};
use super::repo::{self, ListFilter};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::page;
use crate::error::{Error, Result};
use crate::events::{self, Outgoing};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

/// What to tell: a kind, a one-line title, where it leads in the browser app, and the thread
/// it is about (new messages of one thread collapse into one unread notification).
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NotificationKind,
    pub title: String,
    pub link: String,
    pub thread_id: Option<Uuid>,
}

/// Notifies `users` in the caller's transaction, and queues the live event of each
/// (`ping` for the users who want this kind live). The one entry point for every module.
pub async fn notify(conn: &mut AsyncPgConnection, users: &[Uuid], notice: &Notice) -> Result<()> {
    if users.is_empty() {
        return Ok(());
    }
    let title: String = notice.title.chars().take(400).collect();
    let rows = repo::upsert(
        conn,
        users,
        notice.kind,
        &title,
        &notice.link,
        notice.thread_id,
    )
    .await?;
    let prefs = repo::live_kinds(conn, users).await?;
    let mut out = Vec::with_capacity(rows.len());
    for (user, notification) in rows {
        let ping = prefs
            .iter()
            .find(|(u, _)| *u == user)
            .is_none_or(|(_, live)| live.iter().any(|k| k == notice.kind.as_str()));
        let data = serde_json::to_value(NotificationEvent { notification, ping })?;
        out.push(Outgoing {
            user_id: user,
            kind: "notification",
            data,
        });
    }
    events::repo::publish(conn, out).await
}

/// Marks the user's notifications of a thread read (they read the thread), in the caller's
/// transaction, telling the user's other screens.
pub async fn thread_read(conn: &mut AsyncPgConnection, user: Uuid, thread: Uuid) -> Result<()> {
    if repo::mark_read(conn, user, None, Some(thread)).await? > 0 {
        let data = serde_json::to_value(NotificationsReadEvent {
            id: None,
            thread_id: Some(thread),
        })?;
        events::repo::publish(
            conn,
            vec![Outgoing {
                user_id: user,
                kind: "notifications_read",
                data,
            }],
        )
        .await?;
    }
    Ok(())
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    q: NotificationQuery,
) -> Result<NotificationPage> {
    let limit = page::limit(q.limit)?;
    let cursor = q.cursor.as_deref().filter(|c| !c.is_empty());
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(cursor)?;
    let rows = repo::list(
        conn,
        ListFilter {
            user_id: who.id,
            unread_only: q.unread.unwrap_or(false),
            after,
            limit: limit + 1,
        },
    )
    .await?;
    let (items, next_cursor) = page::cut(rows, limit, |r: &NotificationDto| (r.created_at, r.id));
    let unread_total = repo::unread_total(conn, who.id).await?;
    Ok(NotificationPage {
        items,
        next_cursor,
        unread_total,
    })
}

/// Marks one notification (`Some`) or all of the caller's (`None`) read; audited, and told
/// to the caller's other screens. Someone else's notification is `NotFound`.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Option<Uuid>,
) -> Result<()> {
    if let Some(id) = id {
        if !repo::owns(conn, who.id, id).await? {
            return Err(Error::NotFound);
        }
    }
    conn.transaction(async |conn| {
        let marked = repo::mark_read(conn, who.id, id, None).await?;
        let mut event = Event::new(if id.is_some() {
            "notification.read"
        } else {
            "notification.read_all"
        })
        .details(serde_json::json!({ "marked": marked }));
        if let Some(id) = id {
            event = event.object("notification", id);
        }
        record(conn, actor, event).await?;
        if marked > 0 {
            let data = serde_json::to_value(NotificationsReadEvent {
                id,
                thread_id: None,
            })?;
            events::repo::publish(
                conn,
                vec![Outgoing {
                    user_id: who.id,
                    kind: "notifications_read",
                    data,
                }],
            )
            .await?;
        }
        Ok(())
    })
    .await
}

pub async fn preferences(conn: &mut AsyncPgConnection, who: &Principal) -> Result<Preferences> {
    let rows = repo::live_kinds(conn, &[who.id]).await?;
    let live = match rows.into_iter().next() {
        None => NotificationKind::ALL.to_vec(),
        Some((_, kinds)) => kinds
            .iter()
            .filter_map(|k| NotificationKind::parse(k))
            .collect(),
    };
    Ok(Preferences { live })
}

/// Saves which kinds ping the caller live (audited: a change of the caller's settings).
pub async fn save_preferences(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    body: Preferences,
) -> Result<Preferences> {
    if body.live.len() > NotificationKind::ALL.len() {
        return Err(Error::validation(
            "live",
            "length",
            "at most one entry per kind of notification",
        ));
    }
    let mut live: Vec<String> = body.live.iter().map(|k| k.as_str().to_string()).collect();
    live.sort();
    live.dedup();
    conn.transaction(async |conn| {
        repo::save_live_kinds(conn, who.id, &live).await?;
        let event = Event::new("notification.preferences")
            .object("user", who.id)
            .details(serde_json::json!({ "live": live }));
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await?;
    preferences(conn, who).await
}
