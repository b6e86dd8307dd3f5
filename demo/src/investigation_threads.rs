//! The communications of the demo's first investigation (the cocaine couriers): a discussion
//! of the team, a request for information to the port of Le Havre answered by its officer, and
//! a second one past its due date without an answer (overdue). Through the services, as the
//! demo users.

use crate::alerts::user;
use anyhow::{anyhow, Context};
use chrono::{Duration, Utc};
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::investigations::communications;
use ncen_core::messaging::dto::PostMessage;
use ncen_core::messaging::service as messaging;
use serde_json::json;
use uuid::Uuid;

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Writes the threads; returns how many threads and messages.
pub async fn create(conn: &mut AsyncPgConnection, title: &str) -> anyhow::Result<(u64, u64)> {
    let rows: Vec<Id> = diesel::sql_query("SELECT id FROM investigations WHERE title = $1")
        .bind::<Text, _>(title)
        .load(conn)
        .await?;
    let Some(inv) = rows.into_iter().next().map(|r| r.id) else {
        return Ok((0, 0));
    };
    let (lead, lead_actor) = user(conn, "ncu.investigator").await?;
    let (port, port_actor) = user(conn, "leh-port.officer1").await?;
    let fail = |what: &'static str| {
        move |e: ncen_core::error::Error| anyhow!("demo investigation thread ({what}): {e}")
    };
    let input = |v: serde_json::Value| -> anyhow::Result<communications::ThreadInput> {
        serde_json::from_value(v).context("demo thread input")
    };
    communications::start(
        conn,
        &lead,
        &lead_actor,
        inv,
        input(json!({
            "subject": "Who is \"Tio\"?",
            "body": "The last courier names a recruiter called Tio. Anyone who met the name in earlier cases, write it here.",
        }))?,
    )
    .await
    .map_err(fail("discussion"))?;
    let answered = communications::start(
        conn,
        &lead,
        &lead_actor,
        inv,
        input(json!({
            "subject": "Containers consigned to the São Paulo forwarder",
            "body": "Please tell us which containers consigned by Transportes Paulista arrived at Le Havre since March, with their consignees.",
            "participants": [{ "unit_id": port.unit_id }],
            "request_due": Utc::now() + Duration::days(5),
        }))?,
    )
    .await
    .map_err(fail("request"))?;
    messaging::post(
        conn,
        &port,
        &port_actor,
        answered.thread.id,
        PostMessage {
            body: "Three containers (MSCU1234565, MSCU7654321, TGHU1111112), all to the same consignee in Aubervilliers; manifests attached to the case file.".into(),
            attachment_ids: Vec::new(),
            answer: true,
        },
    )
    .await
    .map_err(fail("answer"))?;
    let late = communications::start(
        conn,
        &lead,
        &lead_actor,
        inv,
        input(json!({
            "subject": "Subscriber of +55 11 98765 4321",
            "body": "The recruiter's phone appears in three cases: who is the subscriber, and which numbers called it?",
            "participants": [{ "unit_id": port.unit_id }],
            "request_due": Utc::now() + Duration::hours(1),
        }))?,
    )
    .await
    .map_err(fail("late request"))?;
    // due yesterday: overdue
    diesel::sql_query(
        "UPDATE message_threads SET feedback_due = now() - interval '1 day' WHERE id = $1",
    )
    .bind::<SqlUuid, _>(late.thread.id)
    .execute(conn)
    .await?;
    Ok((3, 4))
}
