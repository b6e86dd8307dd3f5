//! Wire types of threads and messages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// The kind of a thread: a discussion, or one of the CENcomm templates.
    pub enum ThreadKind {
        General = "general",
        Warning = "warning",
        Feedback = "feedback",
        Seizure = "seizure",
    }
}

/// A participant: one user, or a whole unit (its members at each moment).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ParticipantRef {
    User(UserRef),
    Unit(UnitRef),
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserRef {
    pub user_id: Uuid,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitRef {
    pub unit_id: Uuid,
}

impl ParticipantRef {
    /// (user, unit): exactly one is set.
    pub fn ids(self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            ParticipantRef::User(u) => (Some(u.user_id), None),
            ParticipantRef::Unit(u) => (None, Some(u.unit_id)),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateThread {
    #[schema(min_length = 1, max_length = 300)]
    pub subject: String,
    pub kind: ThreadKind,
    /// The seizure case the thread is about.
    pub case_id: Option<Uuid>,
    #[serde(default)]
    pub urgent: bool,
    /// A handling marker, e.g. "no onward sharing".
    #[schema(max_length = 200)]
    pub handling: Option<String>,
    /// Users and units besides the sender (who always takes part).
    #[schema(min_items = 1, max_items = 200)]
    pub participants: Vec<ParticipantRef>,
    /// The first message.
    #[schema(min_length = 1, max_length = 65536)]
    pub body: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostMessage {
    #[schema(min_length = 1, max_length = 65536)]
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantDto {
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    /// The user's display name or the unit's name.
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageDto {
    pub id: Uuid,
    pub sender_id: Uuid,
    pub sender_name: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    /// Who has read it (read receipts), the sender excluded.
    pub read_by: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadSummary {
    pub id: Uuid,
    pub subject: String,
    pub kind: ThreadKind,
    pub case_id: Option<Uuid>,
    pub urgent: bool,
    pub handling: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_message_at: DateTime<Utc>,
    /// Messages of others the caller has not read.
    pub unread: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadDetail {
    #[serde(flatten)]
    pub thread: ThreadSummary,
    pub participants: Vec<ParticipantDto>,
    /// Oldest first.
    pub messages: Vec<MessageDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadPage {
    pub items: Vec<ThreadSummary>,
    pub next_cursor: Option<String>,
    /// Unread messages across all of the caller's threads.
    pub unread_total: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ThreadQuery {
    /// Only threads with unread messages.
    pub unread: Option<bool>,
    pub kind: Option<ThreadKind>,
    /// Only threads about this case.
    pub case_id: Option<Uuid>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
