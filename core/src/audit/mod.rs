//! The audit log: every sign-in, every change and every read of nominal data writes one
//! event, in the same transaction as the action. Events are append-only (triggers refuse
//! UPDATE, DELETE and TRUNCATE) and hash-chained by the sealer in `chain`.

pub mod actions;
pub mod anchor;
pub mod chain;
pub mod dto;
pub mod labels;
pub mod query;
pub mod watch;

use crate::db::schema::audit_events;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    Denied,
    Throttled,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
            Outcome::Throttled => "throttled",
        }
    }
}

/// Who acted and from where; built once per request.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<Uuid>,
    pub username: Option<String>,
    pub ip: Option<IpNetwork>,
    pub request_id: Option<String>,
}

impl Actor {
    /// A signed-in user, from the request's address and id.
    pub fn user(
        id: Uuid,
        username: &str,
        ip: Option<IpNetwork>,
        request_id: Option<String>,
    ) -> Self {
        Actor {
            id: Some(id),
            username: Some(username.to_string()),
            ip,
            request_id,
        }
    }

    /// Someone not signed in (a sign-in attempt names the username it tried).
    pub fn anonymous(
        username: Option<&str>,
        ip: Option<IpNetwork>,
        request_id: Option<String>,
    ) -> Self {
        Actor {
            id: None,
            username: username.map(str::to_string),
            ip,
            request_id,
        }
    }

    pub fn system() -> Self {
        Actor {
            id: None,
            username: Some("system".into()),
            ip: None,
            request_id: None,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = audit_events)]
struct NewEvent<'a> {
    actor_id: Option<Uuid>,
    actor_username: Option<&'a str>,
    action: &'a str,
    object_type: Option<&'a str>,
    object_id: Option<&'a str>,
    outcome: &'a str,
    ip: Option<IpNetwork>,
    request_id: Option<&'a str>,
    details: serde_json::Value,
}

/// One audit event to write.
pub struct Event<'a> {
    pub action: &'a str,
    pub object: Option<(&'a str, String)>,
    pub outcome: Outcome,
    pub details: serde_json::Value,
}

impl<'a> Event<'a> {
    pub fn new(action: &'a str) -> Self {
        Event {
            action,
            object: None,
            outcome: Outcome::Success,
            details: serde_json::json!({}),
        }
    }
    pub fn object(mut self, kind: &'a str, id: impl ToString) -> Self {
        self.object = Some((kind, id.to_string()));
        self
    }
    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

/// Writes the event on `conn` — call it inside the action's transaction.
pub async fn record(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    event: Event<'_>,
) -> QueryResult<()> {
    record_many(conn, actor, std::slice::from_ref(&event)).await
}

/// Records several events of one actor with one statement per thousand (a batch of imported
/// records): the same rows `record` would write, in order.
pub async fn record_many(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    events: &[Event<'_>],
) -> QueryResult<()> {
    for chunk in events.chunks(1000) {
        let rows: Vec<NewEvent> = chunk
            .iter()
            .map(|event| {
                let (object_type, object_id) = match &event.object {
                    Some((kind, id)) => (Some(*kind), Some(id.as_str())),
                    None => (None, None),
                };
                NewEvent {
                    actor_id: actor.id,
                    actor_username: actor.username.as_deref(),
                    action: event.action,
                    object_type,
                    object_id,
                    outcome: event.outcome.as_str(),
                    ip: actor.ip,
                    request_id: actor.request_id.as_deref(),
                    details: event.details.clone(),
                }
            })
            .collect();
        diesel::insert_into(audit_events::table)
            .values(rows)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// How often one user's refusals on one route are recorded: probing shows up in the trail
/// without a flood of identical rows.
pub const DENIAL_WINDOW_SECS: i64 = 60;

/// Records that `actor` was refused (403, with the problem's `code`) on `method route`, at
/// most once per user, route and `DENIAL_WINDOW_SECS`: the first refusal of a window shows
/// the probing and when it happened. Returns whether a row was written.
pub async fn record_denial(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    method: &str,
    route: &str,
    code: &str,
) -> QueryResult<bool> {
    use diesel::sql_types::{BigInt, Inet, Nullable, Text, Uuid as SqlUuid};
    let written = diesel::sql_query(
        "INSERT INTO audit_events (actor_id, actor_username, action, outcome, ip, request_id, details)
         SELECT $1, $2, 'access.denied', 'denied', $3, $4,
                jsonb_build_object('method', $5::text, 'route', $6::text, 'code', $7::text)
          WHERE NOT EXISTS (
                SELECT 1 FROM audit_events
                 WHERE action = 'access.denied' AND actor_id = $1
                   AND details->>'route' = $6 AND details->>'method' = $5
                   AND occurred_at > now() - make_interval(secs => $8))",
    )
    .bind::<Nullable<SqlUuid>, _>(actor.id)
    .bind::<Nullable<Text>, _>(actor.username.as_deref())
    .bind::<Nullable<Inet>, _>(actor.ip)
    .bind::<Nullable<Text>, _>(actor.request_id.as_deref())
    .bind::<Text, _>(method)
    .bind::<Text, _>(route)
    .bind::<Text, _>(code)
    .bind::<BigInt, _>(DENIAL_WINDOW_SECS)
    .execute(conn)
    .await?;
    Ok(written > 0)
}
