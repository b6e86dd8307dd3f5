//! The review queue: received packages as liaison officers list and read them.

use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::db::schema::exchange_inbox as i;
use crate::error::{Error, Result};
use crate::exchange::dto::{InboxDto, InboxList, InboxPackage};
use crate::exchange::model::InboxRow;
use crate::exchange::package::Package;
use crate::exchange::repo;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

fn columns() -> (
    diesel::helper_types::AsSelect<InboxRow, diesel::pg::Pg>,
    diesel::expression::SqlLiteral<diesel::sql_types::BigInt>,
) {
    (
        InboxRow::as_select(),
        diesel::dsl::sql::<diesel::sql_types::BigInt>("octet_length(exchange_inbox.body)::bigint"),
    )
}

async fn dtos(
    conn: &mut AsyncPgConnection,
    rows: Vec<(InboxRow, i64)>,
) -> Result<Vec<(InboxDto, String)>> {
    let partners = repo::partners(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(r, size)| {
            let partner = partners.iter().find(|p| p.id == r.partner_id);
            (
                InboxDto {
                    kind: r.kind,
                    withdraws: r.withdraws,
                    partner_name: partner.map(|p| p.name.clone()).unwrap_or_default(),
                    partner_country: partner.map(|p| p.country.clone()).unwrap_or_default(),
                    id: r.id,
                    partner_id: r.partner_id,
                    agreement_id: r.agreement_id,
                    agreement_reference: r.agreement_reference,
                    scope: r.scope,
                    cases: r.cases,
                    case_references: r.case_references,
                    created_at: r.created_at,
                    sent_at: r.sent_at,
                    received_at: r.received_at,
                    body_sha256: r.body_sha256,
                    size,
                    status: r.status,
                    reviewed_by: r.reviewed_by,
                    reviewed_at: r.reviewed_at,
                    review_note: r.review_note,
                    version: r.version,
                },
                r.signature,
            )
        })
        .collect())
}

/// The review queue: received packages, newest first (at most 500).
pub async fn list(conn: &mut AsyncPgConnection) -> Result<InboxList> {
    let rows = i::table
        .select(columns())
        .order((i::received_at.desc(), i::id.desc()))
        .limit(500)
        .load(conn)
        .await?;
    Ok(InboxList {
        items: dtos(conn, rows)
            .await?
            .into_iter()
            .map(|(d, _)| d)
            .collect(),
    })
}

/// A received package with its cases as they arrived; audited like a read of nominal data
/// (`exchange.inbox_read`).
pub async fn get(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    _who: &Principal,
    id: Uuid,
) -> Result<InboxPackage> {
    conn.transaction::<_, Error, _>(async |conn| {
        let row: (InboxRow, i64) = i::table
            .find(id)
            .select(columns())
            .first(conn)
            .await
            .optional()?
            .ok_or(Error::NotFound)?;
        let body: Vec<u8> = i::table.find(id).select(i::body).first(conn).await?;
        let pkg: Package = serde_json::from_slice(&body).map_err(Error::internal)?;
        let (summary, signature) = dtos(conn, vec![row])
            .await?
            .pop()
            .ok_or_else(|| Error::internal(anyhow::anyhow!("package vanished")))?;
        let event = Event::new("exchange.inbox_read")
            .object("package", id)
            .details(json!({ "partner_id": summary.partner_id, "case_references": summary.case_references }));
        record(conn, actor, event).await?;
        Ok(InboxPackage {
            summary,
            signature,
            documents: pkg
                .cases
                .into_iter()
                .map(|c| json!({ "reference": c.reference, "version": c.version, "document": c.document }))
                .collect(),
            withdrawal: pkg.withdrawal,
        })
    })
    .await
}
