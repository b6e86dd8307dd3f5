//! Rows of the messaging tables.

use super::dto::{FeedbackOutcome, ThreadKind};
use crate::db::schema::{message_threads, messages, thread_participants};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Debug, Insertable)]
#[diesel(table_name = message_threads)]
pub struct NewThread {
    pub id: Uuid,
    pub subject: String,
    pub kind: ThreadKind,
    pub case_id: Option<Uuid>,
    pub urgent: bool,
    pub handling: Option<String>,
    pub created_by: Uuid,
    /// The template's structured fields (`{"warning": …}` or `{"seizure": …}`).
    pub fields: serde_json::Value,
    pub replies_to: Option<Uuid>,
    pub feedback_due: Option<DateTime<Utc>>,
    pub outcome: Option<FeedbackOutcome>,
    pub investigation_id: Option<Uuid>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = thread_participants)]
pub struct NewParticipant {
    pub thread_id: Uuid,
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = messages)]
pub struct NewMessage {
    pub id: Uuid,
    pub thread_id: Uuid,
    pub sender_id: Uuid,
    pub body: String,
}
