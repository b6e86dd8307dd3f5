//! Acting on a match proposal: a liaison officer records that a person or company of a
//! received case is one of this node's register records (or takes that back). Nothing of the
//! received data is copied into the register and nothing is merged: the link says "the same",
//! is shown on the received case and lets the register's side list what partners sent about
//! the record. The party is named by its kind and label as received, so a later version that
//! still names it keeps the link; the record is kept as linked and resolved through merges when
//! read. Both changes are audited.

use super::dto::{LinkParty, PartyLink};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::names::user_names;
use crate::db::schema::{
    received_cases as r, received_parties as rp, received_party_links as l,
    received_withdrawals as w,
};
use crate::error::{Error, Result};
use crate::registers::labels::labels;
use crate::registers::merge::dto::MergeKind;
use crate::registers::merge::resolve;
use crate::FieldError;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Uuid as SqlUuid;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

fn merge_kind(kind: &str) -> Result<MergeKind> {
    match kind {
        "person" => Ok(MergeKind::Person),
        "company" => Ok(MergeKind::Company),
        other => Err(Error::internal(anyhow::anyhow!("party of kind {other}"))),
    }
}

/// The party at `position` of the received case (kind and label), 404 when there is none.
async fn party(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    position: i32,
) -> Result<(String, String)> {
    rp::table
        .find((case_id, position))
        .select((rp::kind, rp::label))
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// Refuses to link parties of a case the sender withdrew (kept for the record only).
async fn not_withdrawn(conn: &mut AsyncPgConnection, case_id: Uuid) -> Result<()> {
    let (partner, reference, version): (Uuid, String, i32) = r::table
        .find(case_id)
        .select((r::partner_id, r::reference, r::version))
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    let withdrawn: Option<i32> = w::table
        .filter(w::partner_id.eq(partner))
        .filter(w::reference.eq(reference))
        .filter(w::version.ge(version))
        .select(w::version)
        .first(conn)
        .await
        .optional()?;
    match withdrawn {
        Some(_) => Err(Error::State(
            "withdrawn",
            "the sender withdrew this case: it is kept for the record, not to be used".into(),
        )),
        None => Ok(()),
    }
}

/// Links the party at `position` of received case `case_id` to register record
/// `body.record_id` (a person for a person, a company for a company; a merged record's
/// survivor). Replaces an earlier link of the party. Audited (`exchange.party_linked`).
pub async fn link(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    case_id: Uuid,
    position: i32,
    body: &LinkParty,
) -> Result<PartyLink> {
    conn.transaction(async |conn| {
        not_withdrawn(conn, case_id).await?;
        let (kind, label) = party(conn, case_id, position).await?;
        let record_id = match resolve(conn, merge_kind(&kind)?, body.record_id).await {
            Ok(id) => id,
            Err(Error::NotFound) => {
                return Err(Error::Validation(vec![FieldError::new(
                    "record_id",
                    "not_found",
                    format!("no {kind} of the register has this id"),
                )]))
            }
            Err(e) => return Err(e),
        };
        let (person, company) = match kind.as_str() {
            "person" => (Some(record_id), None),
            _ => (None, Some(record_id)),
        };
        let now = Utc::now();
        let previous: Option<(Option<Uuid>, Option<Uuid>)> = l::table
            .find((case_id, &kind, &label))
            .select((l::person_id, l::company_id))
            .first(conn)
            .await
            .optional()?;
        diesel::insert_into(l::table)
            .values((
                l::received_case_id.eq(case_id),
                l::kind.eq(&kind),
                l::label.eq(&label),
                l::person_id.eq(person),
                l::company_id.eq(company),
                l::linked_by.eq(who.id),
                l::linked_at.eq(now),
            ))
            .on_conflict((l::received_case_id, l::kind, l::label))
            .do_update()
            .set((
                l::person_id.eq(person),
                l::company_id.eq(company),
                l::linked_by.eq(who.id),
                l::linked_at.eq(now),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.party_linked")
            .object("received_case", case_id)
            .details(json!({
                "position": position, "kind": kind, "label": label, "record_id": record_id,
                "previous": previous.and_then(|(p, c)| p.or(c)),
            }));
        record(conn, actor, event).await?;
        let mut found = links(conn, case_id).await?;
        found
            .remove(&(kind, label))
            .ok_or_else(|| Error::internal(anyhow::anyhow!("link vanished")))
    })
    .await
}

/// Takes back the link of the party at `position` (nothing to take back: nothing changes).
/// Audited (`exchange.party_unlinked`) when there was one.
pub async fn unlink(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    case_id: Uuid,
    position: i32,
) -> Result<()> {
    conn.transaction(async |conn| {
        let (kind, label) = party(conn, case_id, position).await?;
        let removed: Option<(Option<Uuid>, Option<Uuid>)> =
            diesel::delete(l::table.find((case_id, &kind, &label)))
                .returning((l::person_id, l::company_id))
                .get_result(conn)
                .await
                .optional()?;
        if let Some((p, c)) = removed {
            let event = Event::new("exchange.party_unlinked")
                .object("received_case", case_id)
                .details(json!({
                    "position": position, "kind": kind, "label": label, "record_id": p.or(c),
                }));
            record(conn, actor, event).await?;
        }
        Ok(())
    })
    .await
}

/// The links of a received case's parties by (kind, label), each naming the record as it is
/// now (a merged record's survivor) with its label.
pub(super) async fn links(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
) -> Result<HashMap<(String, String), PartyLink>> {
    type Row = (
        String,
        String,
        Option<Uuid>,
        Option<Uuid>,
        Uuid,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = l::table
        .filter(l::received_case_id.eq(case_id))
        .select((
            l::kind,
            l::label,
            l::person_id,
            l::company_id,
            l::linked_by,
            l::linked_at,
        ))
        .load(conn)
        .await?;
    let mut resolved = Vec::with_capacity(rows.len());
    for (kind, label, person, company, by, at) in rows {
        let id = person.or(company).unwrap_or_default();
        let now = resolve(conn, merge_kind(&kind)?, id).await?;
        resolved.push((kind, label, now, by, at));
    }
    let persons: Vec<Uuid> = resolved
        .iter()
        .filter(|x| x.0 == "person")
        .map(|x| x.2)
        .collect();
    let companies: Vec<Uuid> = resolved
        .iter()
        .filter(|x| x.0 == "company")
        .map(|x| x.2)
        .collect();
    let record_labels = labels(conn, &persons, &companies, &[]).await?;
    let users: Vec<Uuid> = resolved.iter().map(|x| x.3).collect();
    let names = user_names(conn, &users).await?;
    Ok(resolved
        .into_iter()
        .map(|(kind, label, record_id, by, at)| {
            let link = PartyLink {
                record_id,
                record_label: record_labels.get(&record_id).cloned().unwrap_or_default(),
                linked_by: by,
                linked_by_name: names.get(&by).map(|n| n.name.clone()),
                linked_at: at,
            };
            ((kind, label), link)
        })
        .collect())
}

/// The received cases with a party linked to register record `id` or to a record merged
/// into it.
pub(super) async fn cases_linked_to(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    id: Uuid,
) -> Result<Vec<Uuid>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = SqlUuid)]
        received_case_id: Uuid,
    }
    let (table, column) = match kind {
        MergeKind::Person => ("persons", "person_id"),
        MergeKind::Company => ("companies", "company_id"),
    };
    let sql = format!(
        "WITH RECURSIVE absorbed(id, depth) AS ( \
           SELECT $1::uuid, 0 \
           UNION ALL SELECT t.id, a.depth + 1 FROM {table} t JOIN absorbed a ON t.merged_into = a.id \
            WHERE a.depth < 20) \
         SELECT DISTINCT received_case_id FROM received_party_links \
          WHERE {column} IN (SELECT id FROM absorbed)"
    );
    let rows: Vec<Row> = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|r| r.received_case_id).collect())
}
