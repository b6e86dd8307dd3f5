//! Live events for signed-in users (`GET /api/v1/events`): what happened that a screen should
//! show without a reload — a new message, a read receipt, a notification.
//!
//! An event is written in the transaction of the change it reports (`publish`), numbered per
//! user without gaps, kept `RETENTION_HOURS` for clients that reconnect with `Last-Event-ID`,
//! and announced with `NOTIFY` on `CHANNEL` when that transaction commits. Every instance
//! listens (`hub::listen`) and hands each event to the streams of its user on that instance
//! (`hub::Hub`), so a message posted on one instance reaches a client connected to another,
//! and nothing an instance needs lives only in another instance's memory.
//!
//! This module knows nothing of what events mean: each domain defines its events' data
//! (`messaging::dto::MessageEvent`, `notifications::dto::NotificationEvent`, …).

pub mod hub;
pub mod repo;

/// The `LISTEN`/`NOTIFY` channel.
pub const CHANNEL: &str = "ncen_events";

/// How long events are kept for replay after a reconnect.
pub const RETENTION_HOURS: i64 = 72;

/// An event to write: for whom, which kind, and its data (small: ids and names, never a body).
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub user_id: uuid::Uuid,
    pub kind: &'static str,
    pub data: serde_json::Value,
}

impl Outgoing {
    /// The same event for each of `users`.
    pub fn to_each(
        users: &[uuid::Uuid],
        kind: &'static str,
        data: &serde_json::Value,
    ) -> Vec<Self> {
        users
            .iter()
            .map(|u| Outgoing {
                user_id: *u,
                kind,
                data: data.clone(),
            })
            .collect()
    }
}
