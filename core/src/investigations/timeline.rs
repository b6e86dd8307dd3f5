//! The timeline: everything that happened to an investigation, in order — written by every
//! operation in its own transaction (`event`), read back filtered by kind and paged.

use super::{require, visible, workflow::Standing};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::names::{self, Named};
use crate::common::page;
use crate::db::schema::investigation_events as e;
use crate::error::Result;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What happened: the investigation `opened` or `updated`, a `transition` (from, to,
    /// reason, outcome), the team (`member_added`, `member_removed`), its links (`link_added`,
    /// `link_removed`), its tasks (`task_added`, `task_updated`: status, assignee, due date),
    /// a `journal` entry, a `message` in one of its threads, a `hit` of one of its alerts.
    pub enum EventKind {
        Opened = "opened",
        Updated = "updated",
        Transition = "transition",
        MemberAdded = "member_added",
        MemberRemoved = "member_removed",
        LinkAdded = "link_added",
        LinkRemoved = "link_removed",
        TaskAdded = "task_added",
        TaskUpdated = "task_updated",
        Journal = "journal",
        Message = "message",
        Hit = "hit",
    }
}

/// Records that `kind` happened to `investigation` (and marks the investigation changed, so
/// lists show recent activity first).
pub async fn event(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    actor: Option<Uuid>,
    kind: EventKind,
    object: Option<Uuid>,
    details: Value,
) -> Result<()> {
    diesel::insert_into(e::table)
        .values((
            e::investigation_id.eq(investigation),
            e::actor_id.eq(actor),
            e::kind.eq(kind.as_str()),
            e::object_id.eq(object),
            e::details.eq(details),
        ))
        .execute(conn)
        .await?;
    super::repo::touch(conn, investigation).await
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<Named>,
    pub kind: EventKind,
    /// The task, link, member or journal entry concerned.
    pub object_id: Option<Uuid>,
    /// What changed (a transition's `from`, `to`, `reason`, `outcome`; a task's title and
    /// status; a link's kind, role and label…).
    #[schema(value_type = Object)]
    pub details: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    pub items: Vec<TimelineEvent>,
    pub next_cursor: Option<String>,
}

/// The timeline, oldest first (`order=desc`: newest first), optionally of some kinds only.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// Only these kinds (comma-separated).
    #[param(value_type = Option<String>, max_length = 300)]
    pub kinds: Option<String>,
    /// `asc` (default) or `desc`.
    #[param(value_type = Option<String>, pattern = "^(asc|desc)$")]
    pub order: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    q: TimelineQuery,
) -> Result<Timeline> {
    let limit = page::limit(q.limit)?;
    let after: Option<i64> = page::decode_cursor(q.cursor.as_deref())?;
    let desc = match q.order.as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => {
            return Err(crate::error::Error::validation(
                "order",
                "unknown_code",
                "must be asc or desc",
            ))
        }
    };
    let mut kinds = Vec::new();
    for k in q.kinds.iter().flat_map(|k| k.split(',')).map(str::trim) {
        if k.is_empty() {
            continue;
        }
        match EventKind::parse(k) {
            Some(kind) => kinds.push(kind.as_str()),
            None => {
                return Err(crate::error::Error::validation(
                    "kinds",
                    "unknown_code",
                    &format!("{k} is not an event kind"),
                ))
            }
        }
    }
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let mut query = e::table
            .filter(e::investigation_id.eq(id))
            .select((e::id, e::at, e::actor_id, e::kind, e::object_id, e::details))
            .limit(limit + 1)
            .into_boxed();
        if !kinds.is_empty() {
            query = query.filter(e::kind.eq_any(kinds));
        }
        query = match (desc, after) {
            (false, Some(a)) => query.filter(e::id.gt(a)).order(e::id.asc()),
            (false, None) => query.order(e::id.asc()),
            (true, Some(a)) => query.filter(e::id.lt(a)).order(e::id.desc()),
            (true, None) => query.order(e::id.desc()),
        };
        type Row = (
            i64,
            DateTime<Utc>,
            Option<Uuid>,
            String,
            Option<Uuid>,
            Value,
        );
        let rows: Vec<Row> = query.load(conn).await?;
        let (rows, next_cursor) = page::cut(rows, limit, |r| r.0);
        let actors: Vec<Uuid> = rows.iter().filter_map(|r| r.2).collect();
        let users = names::user_names(conn, &actors).await?;
        record(
            conn,
            actor,
            Event::new("investigation.read")
                .object("investigation", id)
                .details(json!({ "part": "timeline" })),
        )
        .await?;
        let items = rows
            .into_iter()
            .filter_map(|(id, at, actor_id, kind, object_id, details)| {
                Some(TimelineEvent {
                    id,
                    at,
                    actor: actor_id.map(|a| names::named(&users, a)),
                    kind: EventKind::parse(&kind)?,
                    object_id,
                    details,
                })
            })
            .collect();
        Ok(Timeline { items, next_cursor })
    })
    .await
}
