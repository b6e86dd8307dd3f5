//! Reading the audit trail: filters, newest first, keyset-paginated. Reading it is itself an
//! access to personal data (who did what), so the read is audited in the same transaction.

use super::chain::EventRow;
use super::dto::{AuditEventDto, AuditPage, AuditQuery};
use super::{record, Actor, Event, Outcome};
use crate::common::{check::escape_like, page};
use crate::db::schema::audit_events;
use crate::error::{Error, Result};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

const OUTCOMES: [Outcome; 4] = [
    Outcome::Success,
    Outcome::Failure,
    Outcome::Denied,
    Outcome::Throttled,
];

pub async fn list(conn: &mut AsyncPgConnection, actor: &Actor, q: AuditQuery) -> Result<AuditPage> {
    let limit = page::limit(q.limit)?;
    let before: Option<i64> = page::decode_cursor(q.cursor.as_deref())?;
    check(&q)?;
    let rows = conn
        .transaction(async |conn| {
            let mut query = filtered(
                audit_events::table
                    .select(EventRow::as_select())
                    .into_boxed(),
                &q,
            );
            if let Some(before) = before {
                query = query.filter(audit_events::id.lt(before));
            }
            let rows: Vec<EventRow> = query
                .order(audit_events::id.desc())
                .limit(limit + 1)
                .load(conn)
                .await?;
            let details = serde_json::json!({ "returned": rows.len().min(limit as usize) });
            record(conn, actor, Event::new("audit.read").details(details)).await?;
            let (rows, next_cursor) = page::cut(rows, limit, |e| e.id);
            let mut items: Vec<AuditEventDto> = rows.into_iter().map(AuditEventDto::from).collect();
            super::labels::fill(conn, &mut items).await?;
            Ok::<_, Error>(AuditPage { items, next_cursor })
        })
        .await?;
    Ok(rows)
}

/// The filters of `q` on a query of the audit table.
fn filtered<'a, ST: 'a>(
    mut query: audit_events::BoxedQuery<'a, Pg, ST>,
    q: &AuditQuery,
) -> audit_events::BoxedQuery<'a, Pg, ST> {
    if let Some(actor) = &q.actor {
        match uuid::Uuid::parse_str(actor) {
            Ok(id) => query = query.filter(audit_events::actor_id.eq(id)),
            Err(_) => query = query.filter(audit_events::actor_username.eq(actor.clone())),
        }
    }
    if let Some(action) = &q.action {
        if action.ends_with('.') {
            query = query.filter(audit_events::action.like(format!("{}%", escape_like(action))));
        } else {
            query = query.filter(audit_events::action.eq(action.clone()));
        }
    }
    if let Some(v) = &q.object_type {
        query = query.filter(audit_events::object_type.eq(v.clone()));
    }
    if let Some(v) = &q.object_id {
        query = query.filter(audit_events::object_id.eq(v.clone()));
    }
    if let Some(v) = &q.outcome {
        query = query.filter(audit_events::outcome.eq(v.clone()));
    }
    if let Some(from) = q.from {
        query = query.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(to) = q.to {
        query = query.filter(audit_events::occurred_at.lt(to));
    }
    query
}

/// Checks the filters that are not in the schema (a known outcome).
fn check(q: &AuditQuery) -> Result<()> {
    if let Some(outcome) = &q.outcome {
        if !OUTCOMES.iter().any(|o| o.as_str() == outcome) {
            return Err(Error::validation(
                "outcome",
                "unknown_code",
                "is not a known outcome",
            ));
        }
    }
    Ok(())
}

/// The filtered trail as a table (newest first), for an auditor's spreadsheet; refused
/// (`too_many_rows` on `limit`) beyond `max_rows`. Exporting is itself audited
/// (`audit.export`, with the filters and how many rows).
pub async fn export(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    q: AuditQuery,
    max_rows: i64,
) -> Result<crate::export::Table> {
    use crate::export::{Cell, Table};
    check(&q)?;
    conn.transaction(async |conn| {
        let rows: Vec<EventRow> = filtered(
            audit_events::table
                .select(EventRow::as_select())
                .into_boxed(),
            &q,
        )
        .order(audit_events::id.desc())
        .limit(max_rows + 1)
        .load(conn)
        .await?;
        if i64::try_from(rows.len()).unwrap_or(i64::MAX) > max_rows {
            return Err(Error::validation(
                "limit",
                "too_many_rows",
                &format!("more than {max_rows} events match: narrow the filters"),
            ));
        }
        let details = serde_json::json!({
            "actor": q.actor, "action": q.action, "object_type": q.object_type,
            "object_id": q.object_id, "outcome": q.outcome, "from": q.from, "to": q.to,
            "returned": rows.len(),
        });
        record(conn, actor, Event::new("audit.export").details(details)).await?;
        let mut items: Vec<AuditEventDto> = rows.into_iter().map(AuditEventDto::from).collect();
        super::labels::fill(conn, &mut items).await?;
        Ok(Table {
            name: "Audit",
            columns: vec![
                "id",
                "occurred_at",
                "actor_username",
                "actor_name",
                "action",
                "outcome",
                "object_type",
                "object_id",
                "object_label",
                "ip",
                "request_id",
                "details",
            ],
            rows: items
                .into_iter()
                .map(|e| {
                    vec![
                        Cell::Number(e.id as f64),
                        Cell::Time(e.occurred_at),
                        e.actor_username.into(),
                        e.actor_name.into(),
                        Cell::Text(e.action),
                        Cell::Text(e.outcome),
                        e.object_type.into(),
                        e.object_id.into(),
                        e.object_label.into(),
                        e.ip.into(),
                        e.request_id.into(),
                        Cell::Text(e.details.to_string()),
                    ]
                })
                .collect(),
        })
    })
    .await
}

/// Verifies the chain (sealing what is pending first) and records that it was checked.
/// Verifies the chain, and against the signed checkpoints in `anchor` (their file and
/// public key) when there are any; the verification itself is audited.
pub async fn verify(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    anchor: Option<(&std::path::Path, &ed25519_dalek::VerifyingKey)>,
) -> Result<super::chain::VerifyReport> {
    let report = match anchor {
        Some((file, key)) => super::chain::verify_anchored(conn, file, key)
            .await
            .map_err(crate::error::Error::internal)?,
        None => super::chain::verify(conn).await?,
    };
    let details = serde_json::json!({
        "ok": report.ok, "checked": report.checked, "checkpoints": report.checkpoints,
    });
    record(conn, actor, Event::new("audit.verify").details(details)).await?;
    Ok(report)
}
