//! An investigation's communications: its message threads — the lead and the team take part
//! in each, and whoever joins the team later joins them — and requests for information to
//! other units, each with a due date and one answer (the messaging module keeps them; the
//! timeline hears of every message through a trigger, migration 2026-12-03-000024).

use super::{require, visible, workflow::Standing, writable};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::Checker;
use crate::error::Result;
use crate::messaging::dto::{
    CreateThread, ParticipantRef, ThreadDetail, ThreadSummary, ThreadTemplate,
};
use crate::messaging::service::{self as messaging, Origin};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// A thread started from an investigation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreadInput {
    #[schema(min_length = 1, max_length = 300)]
    pub subject: String,
    /// Users and units besides the team (the lead and the members take part in every thread
    /// of the investigation). A request names at least one.
    #[serde(default)]
    #[schema(max_items = 200)]
    pub participants: Vec<ParticipantRef>,
    /// The first message.
    #[schema(min_length = 1, max_length = 65536)]
    pub body: String,
    #[serde(default)]
    pub urgent: bool,
    #[schema(max_length = 200)]
    pub handling: Option<String>,
    /// Makes the thread a request for information, to be answered by then (in the future).
    pub request_due: Option<DateTime<Utc>>,
    /// Files uploaded for the first message (`POST /message-attachments`).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<Uuid>,
}

/// One of the investigation's threads.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvestigationThread {
    #[serde(flatten)]
    pub thread: ThreadSummary,
    /// Whether the caller takes part (and may open it): a supervisor of the unit may not.
    pub member: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvestigationThreads {
    /// Most recent message first (at most 500).
    pub items: Vec<InvestigationThread>,
}

/// The investigation's threads (audited as a read of the investigation).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<InvestigationThreads> {
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let items = messaging::of_investigation(conn, who, id)
            .await?
            .into_iter()
            .map(|(thread, member)| InvestigationThread { thread, member })
            .collect();
        record(
            conn,
            actor,
            Event::new("investigation.read")
                .object("investigation", id)
                .details(json!({ "part": "threads" })),
        )
        .await?;
        Ok(InvestigationThreads { items })
    })
    .await
}

/// Starts a thread (or a request for information) of the investigation, the team taking part.
pub async fn start(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: ThreadInput,
) -> Result<ThreadDetail> {
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let mut ck = Checker::new();
        if let Some(due) = input.request_due {
            if due <= Utc::now() {
                ck.push("request_due", "past", "must be in the future");
            }
            if input.participants.is_empty() {
                ck.push(
                    "participants",
                    "required",
                    "name the units or users the request is for",
                );
            }
        }
        ck.finish()?;
        let team = team_of(conn, &inv).await?;
        let body = CreateThread {
            subject: input.subject,
            participants: input.participants,
            body: input.body,
            urgent: input.urgent,
            handling: input.handling,
            template: ThreadTemplate::General { case_id: None },
            attachment_ids: input.attachment_ids,
        };
        let origin = Origin {
            investigation_id: Some(id),
            request_due: input.request_due,
            team,
        };
        messaging::create_from(conn, who, actor, body, origin).await
    })
    .await
}

/// The lead and the members, as thread participants.
async fn team_of(
    conn: &mut AsyncPgConnection,
    inv: &super::model::InvestigationRow,
) -> Result<Vec<(Option<Uuid>, Option<Uuid>)>> {
    let mut team: Vec<(Option<Uuid>, Option<Uuid>)> =
        inv.lead_id.map(|l| (Some(l), None)).into_iter().collect();
    for m in super::repo::members(conn, inv.id).await? {
        let p = (m.user_id, m.unit_id);
        if !team.contains(&p) {
            team.push(p);
        }
    }
    Ok(team)
}

/// Someone joined the team (or became the lead): they take part in its threads from now on.
pub async fn join_threads(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> Result<()> {
    messaging::join_investigation_threads(conn, investigation, user_id, unit_id).await
}

/// Someone left the team: they no longer take part in its threads (the lead stays).
pub async fn leave_threads(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> Result<()> {
    messaging::leave_investigation_threads(conn, investigation, user_id, unit_id).await
}
