use super::chain::EventRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventDto {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    /// The actor's display name now.
    pub actor_name: Option<String>,
    /// e.g. `auth.login`, `user.create`, `codelist.entry_update`.
    pub action: String,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// What the object is called: a case's reference, a person's, company's, user's or unit's
    /// name, a conveyance's identifier, a thread's subject (when it still exists).
    pub object_label: Option<String>,
    /// `success`, `failure`, `denied` or `throttled`.
    pub outcome: String,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

impl From<EventRow> for AuditEventDto {
    fn from(e: EventRow) -> Self {
        AuditEventDto {
            id: e.id,
            occurred_at: e.occurred_at,
            actor_id: e.actor_id,
            actor_username: e.actor_username,
            actor_name: None,
            action: e.action,
            object_type: e.object_type,
            object_id: e.object_id,
            object_label: None,
            outcome: e.outcome,
            ip: e.ip.map(|ip| ip.ip().to_string()),
            request_id: e.request_id,
            details: e.details,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEventDto>,
    /// Pass as `cursor` to get the next (older) page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Actor user id or username.
    pub actor: Option<String>,
    /// Exact action, or a prefix ending in `.` (e.g. `auth.`).
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// `success`, `failure`, `denied` or `throttled`.
    pub outcome: Option<String>,
    /// Events at or after this instant (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
