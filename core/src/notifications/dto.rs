//! Wire types of notifications.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What a notification is about: `message` (new messages in a thread, collapsed into one
    /// unread notification per thread), `warning` (a CENcomm warning addressed to the user or
    /// their unit), `feedback` (on a warning the user sent), `feedback_overdue` (a warning the
    /// user sent is past its deadline with no feedback), `case_returned` (a seizure case of
    /// the user sent back for correction), `case_reopened` (a validated case of the user
    /// reopened), `alert_hit` (data entering nCEN hit an alert the user owns), `alert_match`
    /// (data the user entered matches an alert: its requested action is on the case),
    /// `alert_activation` (an alert the user owns was activated), `investigation_assigned` (the
    /// user was named lead of an investigation or added to its team), `investigation_review`
    /// (an investigation of the user's unit asks for review, or the user's was sent back),
    /// `investigation_task` (a task of an investigation was given to the user), `request` (a
    /// request for information addressed to the user or their unit), `request_answered` (a
    /// request the user sent was answered), `request_overdue` (a request the user sent is past
    /// its due date unanswered), `deadline_soon` (a task of the user, or an investigation they
    /// lead, is due within two days), `deadline_overdue` (the same, past its due date; the
    /// supervisors of the unit are told too), `search_hit` (cases saved since match a saved
    /// search the user owns).
    pub enum NotificationKind {
        Message = "message",
        Warning = "warning",
        Feedback = "feedback",
        FeedbackOverdue = "feedback_overdue",
        CaseReturned = "case_returned",
        CaseReopened = "case_reopened",
        AlertHit = "alert_hit",
        AlertMatch = "alert_match",
        AlertActivation = "alert_activation",
        InvestigationAssigned = "investigation_assigned",
        InvestigationReview = "investigation_review",
        InvestigationTask = "investigation_task",
        Request = "request",
        RequestAnswered = "request_answered",
        RequestOverdue = "request_overdue",
        DeadlineSoon = "deadline_soon",
        DeadlineOverdue = "deadline_overdue",
        SearchHit = "search_hit",
    }
}

#[derive(Debug, Clone, Serialize, ToSchema, diesel::Queryable, diesel::Selectable)]
#[diesel(table_name = crate::db::schema::notifications)]
pub struct NotificationDto {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub title: String,
    /// Where it leads in the browser app (a path, e.g. `/messages/{thread id}`).
    pub link: String,
    pub thread_id: Option<Uuid>,
    /// How many events it stands for (new messages of one thread collapse into one).
    pub count: i32,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    pub items: Vec<NotificationDto>,
    pub next_cursor: Option<String>,
    /// All of the caller's unread notifications.
    pub unread_total: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread notifications.
    pub unread: Option<bool>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Which kinds also ping the user live (the others only count on the bell).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// At most one of each kind (a repeated kind counts once).
    #[schema(max_items = 18)]
    pub live: Vec<NotificationKind>,
}

/// `event: notification` — a new (or grown) notification; `ping` when the user chose to be
/// told of this kind live.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotificationEvent {
    pub notification: NotificationDto,
    pub ping: bool,
}

/// `event: notifications_read` — one notification (`id`), a thread's (`thread_id`), or all
/// (both null) were marked read.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotificationsReadEvent {
    pub id: Option<Uuid>,
    pub thread_id: Option<Uuid>,
}

#[cfg(test)]
mod tests {
    /// `Preferences.live` publishes `maxItems` as a literal: it must follow the kinds.
    #[test]
    fn the_published_bound_of_live_kinds_is_the_number_of_kinds() {
        assert_eq!(
            super::NotificationKind::ALL.len(),
            18,
            "update max_items on Preferences.live"
        );
    }
}
