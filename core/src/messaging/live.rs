//! What a change to a thread tells, in the change's transaction: a live event to everyone
//! the thread reaches now (the author's other screens included), and a notification to
//! everyone but the author.

use super::dto::{MessageEvent, ReadEvent, ThreadKind};
use super::repo;
use crate::auth::Principal;
use crate::error::Result;
use crate::events::{self, Outgoing};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

/// The app's address of a thread (notification links).
pub fn link(thread: Uuid) -> String {
    format!("/messages/{thread}")
}

pub struct Sent<'a> {
    pub thread_id: Uuid,
    pub subject: &'a str,
    pub kind: ThreadKind,
    pub urgent: bool,
    pub message_id: Uuid,
    pub sent_at: DateTime<Utc>,
    /// The thread's first message (a warning or feedback is announced as such).
    pub first: bool,
}

pub async fn message_sent(
    conn: &mut AsyncPgConnection,
    sender: &Principal,
    sent: Sent<'_>,
) -> Result<()> {
    let members = repo::members(conn, sent.thread_id).await?;
    let data = serde_json::to_value(MessageEvent {
        thread_id: sent.thread_id,
        message_id: sent.message_id,
        sender_id: sender.id,
        sender_name: sender.display_name.clone(),
        subject: sent.subject.to_string(),
        kind: sent.kind,
        urgent: sent.urgent,
        sent_at: sent.sent_at,
    })?;
    events::repo::publish(conn, Outgoing::to_each(&members, "message", &data)).await?;
    let others: Vec<Uuid> = members.into_iter().filter(|u| *u != sender.id).collect();
    let kind = match (sent.first, sent.kind) {
        (true, ThreadKind::Warning) => NotificationKind::Warning,
        (true, ThreadKind::Feedback) => NotificationKind::Feedback,
        (true, ThreadKind::Request) => NotificationKind::Request,
        _ => NotificationKind::Message,
    };
    let notice = Notice {
        kind,
        title: sent.subject.to_string(),
        link: link(sent.thread_id),
        thread_id: Some(sent.thread_id),
    };
    notify(conn, &others, &notice).await
}

/// A request was answered: its author is told.
pub async fn request_answered(
    conn: &mut AsyncPgConnection,
    author: Uuid,
    thread: Uuid,
    subject: &str,
) -> Result<()> {
    let notice = Notice {
        kind: NotificationKind::RequestAnswered,
        title: subject.to_string(),
        link: link(thread),
        thread_id: Some(thread),
    };
    notify(conn, &[author], &notice).await
}

/// A participant read the thread: read receipts for everyone it reaches.
pub async fn thread_read(
    conn: &mut AsyncPgConnection,
    reader: &Principal,
    thread: Uuid,
) -> Result<()> {
    let members = repo::members(conn, thread).await?;
    let data = serde_json::to_value(ReadEvent {
        thread_id: thread,
        user_id: reader.id,
        user_name: reader.display_name.clone(),
        read_at: Utc::now(),
    })?;
    events::repo::publish(conn, Outgoing::to_each(&members, "read", &data)).await?;
    crate::notifications::service::thread_read(conn, reader.id, thread).await
}

/// Tells the authors of warnings past their deadline, once each. Run periodically on every
/// instance; returns how many were told.
pub async fn overdue_pass(conn: &mut AsyncPgConnection) -> Result<usize> {
    use diesel_async::AsyncConnection;
    conn.transaction(async |conn| {
        let due = repo::claim_overdue(conn, 500).await?;
        for o in &due {
            let notice = Notice {
                kind: if o.kind == ThreadKind::Request {
                    NotificationKind::RequestOverdue
                } else {
                    NotificationKind::FeedbackOverdue
                },
                title: o.subject.clone(),
                link: link(o.id),
                thread_id: Some(o.id),
            };
            notify(conn, &[o.created_by], &notice).await?;
        }
        Ok(due.len())
    })
    .await
}
