//! Importing a received package (a liaison officer's review): each of its cases becomes a
//! received case, kept apart from this node's own, with its provenance (partner, package,
//! received at, reference at the sender) on the case and on each of its persons and companies.
//! A later package with the same reference and a higher version updates it (every version is
//! kept); an older or equal version changes nothing. Each person and company is matched
//! against this node's registers (candidates to review, never merged) and checked against the
//! active alerts: the owners of the alerts it may hit are notified. Imports, dismissals and
//! reads are audited.

mod dto;
pub mod links;
mod parties;

use super::dto::{InboxStatus, Scope};
use super::package::Package;
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::names::user_names;
use crate::db::schema::{
    exchange_inbox as i, received_case_versions as v, received_cases as r, received_parties as rp,
    received_withdrawals as w,
};
use crate::error::{Error, Result};
use crate::registers::merge::dto::MergeKind;
use crate::FieldError;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ncen_matching::Thresholds;
use parties::{detected_at, groups, parties};
use serde_json::{json, Value};
use uuid::Uuid;

pub use dto::*;

/// The received package `id`, still waiting for review at version `expected`.
async fn waiting(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
) -> Result<(Uuid, DateTime<Utc>, Vec<u8>)> {
    let (status, version, partner, received_at, body): (
        InboxStatus,
        i32,
        Uuid,
        DateTime<Utc>,
        Vec<u8>,
    ) = i::table
        .find(id)
        .select((
            i::status,
            i::version,
            i::partner_id,
            i::received_at,
            i::body,
        ))
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    if version != expected {
        return Err(Error::StaleVersion);
    }
    if status != InboxStatus::Received {
        return Err(Error::State(
            "not_received",
            format!("this package was {} already", status.as_str()),
        ));
    }
    Ok((partner, received_at, body))
}

/// Imports every case of a received package (see the module's comment).
pub async fn import(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    t: Thresholds,
    id: Uuid,
    expected: i32,
) -> Result<PackageImport> {
    conn.transaction(async |conn| {
        let (partner_id, received_at, body) = waiting(conn, id, expected).await?;
        let pkg: Package = serde_json::from_slice(&body).map_err(Error::internal)?;
        let partner = repo::partner(conn, partner_id)
            .await?
            .ok_or_else(|| Error::internal(anyhow::anyhow!("package without partner")))?;
        let now = Utc::now();
        let mut report = PackageImport {
            package_id: id,
            created: 0,
            updated: 0,
            unchanged: 0,
            received_case_ids: Vec::new(),
            alert_hits: 0,
            withdrawn: Vec::new(),
        };
        for case in &pkg.cases {
            let withdrawn: Option<i32> = w::table
                .filter(w::partner_id.eq(partner_id))
                .filter(w::reference.eq(&case.reference))
                .select(w::version)
                .first(conn)
                .await
                .optional()?;
            if withdrawn.is_some_and(|v| v >= case.version) {
                report.withdrawn.push(case.reference.clone());
                continue;
            }
            let existing: Option<(Uuid, i32)> = r::table
                .filter(r::partner_id.eq(partner_id))
                .filter(r::reference.eq(&case.reference))
                .select((r::id, r::version))
                .for_update()
                .first(conn)
                .await
                .optional()?;
            let case_id = match existing {
                Some((case_id, version)) if version >= case.version => {
                    report.unchanged += 1;
                    report.received_case_ids.push(case_id);
                    continue;
                }
                Some((case_id, _)) => {
                    diesel::update(r::table.find(case_id))
                        .set((
                            r::version.eq(case.version),
                            r::scope.eq(pkg.scope),
                            r::package_id.eq(id),
                            r::received_at.eq(received_at),
                            r::imported_by.eq(who.id),
                            r::imported_at.eq(now),
                            r::document.eq(&case.document),
                            r::detected_at.eq(detected_at(&case.document)),
                            r::commodity_groups.eq(groups(&case.document)),
                        ))
                        .execute(conn)
                        .await?;
                    report.updated += 1;
                    case_id
                }
                None => {
                    let case_id = Uuid::now_v7();
                    diesel::insert_into(r::table)
                        .values((
                            r::id.eq(case_id),
                            r::partner_id.eq(partner_id),
                            r::reference.eq(&case.reference),
                            r::version.eq(case.version),
                            r::scope.eq(pkg.scope),
                            r::package_id.eq(id),
                            r::received_at.eq(received_at),
                            r::imported_by.eq(who.id),
                            r::imported_at.eq(now),
                            r::document.eq(&case.document),
                            r::detected_at.eq(detected_at(&case.document)),
                            r::commodity_groups.eq(groups(&case.document)),
                        ))
                        .execute(conn)
                        .await?;
                    report.created += 1;
                    case_id
                }
            };
            diesel::insert_into(v::table)
                .values((
                    v::received_case_id.eq(case_id),
                    v::version.eq(case.version),
                    v::package_id.eq(id),
                    v::received_at.eq(received_at),
                    v::imported_by.eq(who.id),
                    v::imported_at.eq(now),
                    v::document.eq(&case.document),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            let title = format!(
                "Received from {} ({}): case {} may concern one of your alerts",
                partner.name, partner.country, case.reference
            );
            report.alert_hits += parties(conn, t, case_id, &case.document, &title).await?;
            report.received_case_ids.push(case_id);
        }
        diesel::update(i::table.find(id))
            .set((
                i::status.eq(InboxStatus::Imported),
                i::reviewed_by.eq(who.id),
                i::reviewed_at.eq(now),
                i::version.eq(i::version + 1),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.import")
            .object("package", id)
            .details(json!({
                "partner_id": partner_id, "created": report.created, "updated": report.updated,
                "unchanged": report.unchanged, "received_case_ids": report.received_case_ids,
                "alert_hits": report.alert_hits, "withdrawn": report.withdrawn,
            }));
        record(conn, actor, event).await?;
        Ok(report)
    })
    .await
}

/// Dismisses a received package: nothing of it is imported; the reason is kept.
pub async fn dismiss(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    id: Uuid,
    expected: i32,
    reason: &str,
) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 || reason.contains('\0') {
        return Err(Error::Validation(vec![FieldError::new(
            "reason",
            "length",
            "1 to 2000 characters, no NUL",
        )]));
    }
    conn.transaction(async |conn| {
        waiting(conn, id, expected).await?;
        diesel::update(i::table.find(id))
            .set((
                i::status.eq(InboxStatus::Dismissed),
                i::reviewed_by.eq(who.id),
                i::reviewed_at.eq(Utc::now()),
                i::review_note.eq(reason),
                i::version.eq(i::version + 1),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.dismiss")
            .object("package", id)
            .details(json!({ "reason": reason }));
        record(conn, actor, event).await?;
        Ok(())
    })
    .await
}

type SummaryRow = (
    Uuid,
    Uuid,
    String,
    i32,
    Scope,
    Uuid,
    DateTime<Utc>,
    Uuid,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Vec<String>,
);

async fn summaries(
    conn: &mut AsyncPgConnection,
    rows: Vec<SummaryRow>,
) -> Result<Vec<ReceivedCaseSummary>> {
    let partners = repo::partners(conn).await?;
    let users: Vec<Uuid> = rows.iter().map(|row| row.7).collect();
    let names = user_names(conn, &users).await?;
    let partner_ids: Vec<Uuid> = rows.iter().map(|row| row.1).collect();
    let references: Vec<String> = rows.iter().map(|row| row.2.clone()).collect();
    let withdrawals: Vec<(Uuid, String, i32, Uuid, String, DateTime<Utc>)> = w::table
        .filter(w::partner_id.eq_any(&partner_ids))
        .filter(w::reference.eq_any(&references))
        .select((
            w::partner_id,
            w::reference,
            w::version,
            w::package_id,
            w::reason,
            w::withdrawn_at,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                partner_id,
                reference,
                version,
                scope,
                package_id,
                received_at,
                by,
                at,
                detected,
                groups,
            )| {
                let partner = partners.iter().find(|p| p.id == partner_id);
                let withdrawal = withdrawals
                    .iter()
                    .find(|x| x.0 == partner_id && x.1 == reference && x.2 >= version)
                    .map(|x| ReceivedWithdrawal {
                        package_id: x.3,
                        reason: x.4.clone(),
                        withdrawn_at: x.5,
                    });
                ReceivedCaseSummary {
                    withdrawal,
                    id,
                    provenance: Provenance {
                        partner_id,
                        partner_name: partner.map(|p| p.name.clone()).unwrap_or_default(),
                        partner_country: partner.map(|p| p.country.clone()).unwrap_or_default(),
                        package_id,
                        received_at,
                        original_reference: reference,
                    },
                    version,
                    scope,
                    detected_at: detected,
                    commodity_groups: groups,
                    imported_by: by,
                    imported_by_name: names.get(&by).map(|n| n.name.clone()),
                    imported_at: at,
                }
            },
        )
        .collect())
}

type PartyRow = (i32, String, Option<String>, String, Value, Value);

macro_rules! summary_columns {
    () => {
        (
            r::id,
            r::partner_id,
            r::reference,
            r::version,
            r::scope,
            r::package_id,
            r::received_at,
            r::imported_by,
            r::imported_at,
            r::detected_at,
            r::commodity_groups,
        )
    };
}

/// Received cases, newest import first (at most 500); only those about a register person or
/// company when the query names one.
pub async fn list(conn: &mut AsyncPgConnection, q: &ReceivedQuery) -> Result<ReceivedCaseList> {
    let mut query = r::table.select(summary_columns!()).into_boxed();
    if let Some(id) = q.person_id {
        let ids = links::cases_linked_to(conn, MergeKind::Person, id).await?;
        query = query.filter(r::id.eq_any(ids));
    }
    if let Some(id) = q.company_id {
        let ids = links::cases_linked_to(conn, MergeKind::Company, id).await?;
        query = query.filter(r::id.eq_any(ids));
    }
    let rows: Vec<SummaryRow> = query
        .order((r::imported_at.desc(), r::id.desc()))
        .limit(500)
        .load(conn)
        .await?;
    Ok(ReceivedCaseList {
        items: summaries(conn, rows).await?,
    })
}

/// A received case with its document, parties and versions; audited as a read of nominal
/// data (`exchange.received_read`).
pub async fn get(conn: &mut AsyncPgConnection, actor: &Actor, id: Uuid) -> Result<ReceivedCase> {
    conn.transaction(async |conn| {
        let row: SummaryRow = r::table
            .find(id)
            .select(summary_columns!())
            .first(conn)
            .await
            .optional()?
            .ok_or(Error::NotFound)?;
        let document: Value = r::table.find(id).select(r::document).first(conn).await?;
        let summary = summaries(conn, vec![row])
            .await?
            .pop()
            .ok_or_else(|| Error::internal(anyhow::anyhow!("received case vanished")))?;
        let party_rows: Vec<PartyRow> = rp::table
            .filter(rp::received_case_id.eq(id))
            .order(rp::position.asc())
            .select((
                rp::position,
                rp::kind,
                rp::role,
                rp::label,
                rp::candidates,
                rp::alerts,
            ))
            .load(conn)
            .await?;
        let versions: Vec<(i32, Uuid, DateTime<Utc>, DateTime<Utc>)> = v::table
            .filter(v::received_case_id.eq(id))
            .order(v::version.desc())
            .select((v::version, v::package_id, v::received_at, v::imported_at))
            .load(conn)
            .await?;
        let linked = links::links(conn, id).await?;
        let event = Event::new("exchange.received_read")
            .object("received_case", id)
            .details(json!({
                "partner_id": summary.provenance.partner_id,
                "original_reference": summary.provenance.original_reference,
            }));
        record(conn, actor, event).await?;
        Ok(ReceivedCase {
            parties: party_rows
                .into_iter()
                .map(
                    |(position, kind, role, label, candidates, alerts)| ReceivedParty {
                        position,
                        link: linked.get(&(kind.clone(), label.clone())).cloned(),
                        kind,
                        role,
                        label,
                        provenance: summary.provenance.clone(),
                        candidates,
                        alerts,
                    },
                )
                .collect(),
            versions: versions
                .into_iter()
                .map(
                    |(version, package_id, received_at, imported_at)| ReceivedVersion {
                        version,
                        package_id,
                        received_at,
                        imported_at,
                    },
                )
                .collect(),
            document,
            summary,
        })
    })
    .await
}
