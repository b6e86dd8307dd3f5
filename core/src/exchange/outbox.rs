//! Sending cases to a partner. A liaison officer's request is signed and queued at once; an
//! investigator's waits for another liaison officer's approval (four eyes), and the package
//! is built from the cases as they are when approved. The package (canonical JSON, see
//! `package`) is kept with its hash; `delivery` sends it. Every request, approval and
//! decline is audited in its transaction with the cases it carries.

use super::dto::{
    OutboxDto, OutboxList, PackageKind, PackageStatus, Scope, SendRequest, WithdrawRequest,
};
use super::keys;
use super::model::{NewOutbox, PartnerRow};
use super::package::{self, AgreementRef, Package, PackageCase, Party, Withdrawal, WithdrawnCase};
use super::repo::Outbox;
use super::{repo, service};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::common::names::user_names;
use crate::error::{Duty, Error, Result};
use crate::FieldError;
use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ed25519_dalek::SigningKey;
use serde_json::json;
use uuid::Uuid;

/// This node, as it signs and names itself in packages.
pub struct Node<'a> {
    pub key: &'a SigningKey,
    pub country: &'a str,
}

impl Node<'_> {
    pub fn party(&self) -> Party {
        Party {
            country: self.country.to_string(),
            fingerprint: keys::fingerprint(&self.key.verifying_key()),
        }
    }
}

/// The package of `ids` for `partner` in `scope`, as it leaves: the agreement it rests on and
/// its canonical bytes.
async fn build(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    node: &Node<'_>,
    partner: &PartnerRow,
    scope: Scope,
    ids: &[Uuid],
    id: Uuid,
) -> Result<(super::model::AgreementRow, Vec<u8>)> {
    let (agreement, documents) = service::documents(conn, who, partner, scope, ids).await?;
    let cases = documents
        .into_iter()
        .map(|document| PackageCase {
            reference: document
                .get("reference")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_string(),
            version: document
                .get("version")
                .and_then(serde_json::Value::as_i64)
                .and_then(|v| i32::try_from(v).ok())
                .unwrap_or(1),
            document,
        })
        .collect();
    let package = Package {
        format: package::FORMAT.into(),
        id,
        sender: node.party(),
        recipient: Party {
            country: partner.country.clone(),
            fingerprint: partner.fingerprint.clone(),
        },
        agreement: AgreementRef {
            instrument: agreement.instrument,
            reference: agreement.reference.clone(),
        },
        scope,
        created_at: Utc::now(),
        cases,
        withdrawal: None,
    };
    let body = package::canonical(&package).map_err(Error::internal)?;
    Ok((agreement, body))
}

fn case_ids(body: &SendRequest) -> Result<Vec<Uuid>> {
    let mut ids = Vec::with_capacity(body.case_ids.len());
    for id in &body.case_ids {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    if ids.is_empty() || ids.len() > 100 {
        return Err(Error::Validation(vec![FieldError::new(
            "case_ids",
            "length",
            "between 1 and 100 cases",
        )]));
    }
    Ok(ids)
}

/// Asks for validated cases to go to a partner. A liaison officer's package is signed and
/// queued at once (`pending`); anyone else's waits for a liaison officer (`awaiting_approval`).
/// Refused (409 `no_agreement`) without an agreement in force that covers it.
pub async fn request(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    node: &Node<'_>,
    body: SendRequest,
) -> Result<OutboxDto> {
    let ids = case_ids(&body)?;
    let note = match body.note.map(|n| n.trim().to_string()) {
        Some(n) if n.chars().count() > 2000 => {
            return Err(Error::Validation(vec![FieldError::new(
                "note",
                "length",
                "at most 2000 characters",
            )]))
        }
        Some(n) if n.contains('\0') => {
            return Err(Error::Validation(vec![FieldError::new(
                "note",
                "format",
                "must not contain NUL",
            )]))
        }
        Some(n) if !n.is_empty() => Some(n),
        _ => None,
    };
    let liaison = who.can(Permission::ExchangeManage);
    let id = Uuid::now_v7();
    let row = conn
        .transaction(async |conn| {
            let partner = repo::partner(conn, body.partner_id).await?.ok_or_else(|| {
                Error::Validation(vec![FieldError::new(
                    "partner_id",
                    "not_found",
                    "no such partner",
                )])
            })?;
            let (agreement, bytes) = build(conn, who, node, &partner, body.scope, &ids, id).await?;
            let now = Utc::now();
            let (status, bytes) = if liaison {
                (PackageStatus::Pending, Some(bytes))
            } else {
                (PackageStatus::AwaitingApproval, None)
            };
            let row = NewOutbox {
                id,
                kind: PackageKind::Cases,
                withdraws: None,
                partner_id: partner.id,
                agreement_id: agreement.id,
                scope: body.scope,
                case_ids: ids.clone(),
                status,
                note,
                requested_by: who.id,
                approved_by: liaison.then_some(who.id),
                decided_at: liaison.then_some(now),
                body_sha256: bytes.as_deref().map(package::sha256_hex),
                body: bytes,
                next_attempt_at: liaison.then_some(now),
            };
            let inserted = repo::insert_outbox(conn, &row).await?;
            let event = Event::new("exchange.send_request")
                .object("package", id)
                .details(json!({
                    "partner_id": partner.id, "agreement_id": agreement.id,
                    "scope": body.scope, "case_ids": ids, "status": status,
                    "body_sha256": row.body_sha256,
                }));
            record(conn, actor, event).await?;
            Ok::<_, Error>(inserted)
        })
        .await?;
    dto(conn, row).await
}

/// A request visible to `who`: a liaison officer sees every one, anyone else their own
/// (404 otherwise).
async fn visible(conn: &mut AsyncPgConnection, who: &Principal, id: Uuid) -> Result<Outbox> {
    let row = repo::outbox(conn, id).await?.ok_or(Error::NotFound)?;
    if who.can(Permission::ExchangeManage) || row.0.requested_by == who.id {
        Ok(row)
    } else {
        Err(Error::NotFound)
    }
}

/// A liaison officer approves an investigator's request: the package is built from the cases
/// as they are now, signed and queued. Not one's own request (four eyes).
pub async fn approve(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    node: &Node<'_>,
    id: Uuid,
    expected: i32,
) -> Result<OutboxDto> {
    let row = conn
        .transaction(async |conn| {
            let (current, _) = repo::outbox(conn, id).await?.ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            if current.status != PackageStatus::AwaitingApproval {
                return Err(Error::State(
                    "not_awaiting_approval",
                    format!("this package is {}", current.status.as_str()),
                ));
            }
            if current.requested_by == who.id {
                return Err(Error::Refused(Duty::OwnExchangeRequest));
            }
            let partner = repo::partner(conn, current.partner_id)
                .await?
                .ok_or(Error::NotFound)?;
            let (agreement, bytes) = build(
                conn,
                who,
                node,
                &partner,
                current.scope,
                &current.case_ids,
                id,
            )
            .await?;
            let sha = package::sha256_hex(&bytes);
            let row =
                repo::approve_outbox(conn, id, expected, who.id, agreement.id, bytes, &sha).await?;
            let event = Event::new("exchange.send_approve")
                .object("package", id)
                .details(json!({
                    "partner_id": partner.id, "agreement_id": agreement.id,
                    "requested_by": current.requested_by, "case_ids": current.case_ids,
                    "body_sha256": sha,
                }));
            record(conn, actor, event).await?;
            Ok(row)
        })
        .await?;
    dto(conn, row).await
}

/// A liaison officer declines an investigator's request, with a reason.
pub async fn decline(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    id: Uuid,
    expected: i32,
    reason: &str,
) -> Result<OutboxDto> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 || reason.contains('\0') {
        return Err(Error::Validation(vec![FieldError::new(
            "reason",
            "length",
            "1 to 2000 characters, no NUL",
        )]));
    }
    let row = conn
        .transaction(async |conn| {
            let (current, _) = repo::outbox(conn, id).await?.ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            if current.status != PackageStatus::AwaitingApproval {
                return Err(Error::State(
                    "not_awaiting_approval",
                    format!("this package is {}", current.status.as_str()),
                ));
            }
            let row = repo::decline_outbox(conn, id, expected, who.id, reason).await?;
            let event = Event::new("exchange.send_decline")
                .object("package", id)
                .details(json!({ "requested_by": current.requested_by, "reason": reason }));
            record(conn, actor, event).await?;
            Ok(row)
        })
        .await?;
    dto(conn, row).await
}

/// A liaison officer withdraws the cases of a package the partner acknowledged: a withdrawal
/// package (the cases' references and versions as sent, and the reason) is signed and queued
/// for the same partner under the same agreement, whether or not it is still in force (taking
/// data back needs no basis). 409 `not_acknowledged` for a package the partner does not hold,
/// `already_withdrawn` when a withdrawal for it is queued or delivered.
pub async fn withdraw(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    node: &Node<'_>,
    id: Uuid,
    expected: i32,
    body: WithdrawRequest,
) -> Result<OutboxDto> {
    let reason = body.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 2000 || reason.contains('\0') {
        return Err(Error::Validation(vec![FieldError::new(
            "reason",
            "length",
            "1 to 2000 characters, no NUL",
        )]));
    }
    let row = conn
        .transaction(async |conn| {
            let (current, _) = repo::outbox_for_update(conn, id)
                .await?
                .ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            if current.kind != PackageKind::Cases || current.status != PackageStatus::Acknowledged {
                return Err(Error::State(
                    "not_acknowledged",
                    "only a package of cases the partner acknowledged can be withdrawn".into(),
                ));
            }
            if repo::withdrawn_by(conn, &[id]).await?.contains_key(&id) {
                return Err(Error::State(
                    "already_withdrawn",
                    "a withdrawal of this package is queued or delivered".into(),
                ));
            }
            let partner = repo::partner(conn, current.partner_id)
                .await?
                .ok_or(Error::NotFound)?;
            let agreement = repo::agreement(conn, current.agreement_id)
                .await?
                .ok_or(Error::NotFound)?;
            let sent = repo::outbox_body(conn, id).await?.ok_or(Error::NotFound)?;
            let sent: Package = serde_json::from_slice(&sent).map_err(Error::internal)?;
            let withdrawal_id = Uuid::now_v7();
            let package = Package {
                format: package::FORMAT.into(),
                id: withdrawal_id,
                sender: node.party(),
                recipient: Party {
                    country: partner.country.clone(),
                    fingerprint: partner.fingerprint.clone(),
                },
                agreement: AgreementRef {
                    instrument: agreement.instrument,
                    reference: agreement.reference.clone(),
                },
                scope: current.scope,
                created_at: Utc::now(),
                cases: Vec::new(),
                withdrawal: Some(Withdrawal {
                    package_id: id,
                    reason: reason.clone(),
                    cases: sent
                        .cases
                        .iter()
                        .map(|c| WithdrawnCase {
                            reference: c.reference.clone(),
                            version: c.version,
                        })
                        .collect(),
                }),
            };
            let bytes = package::canonical(&package).map_err(Error::internal)?;
            let now = Utc::now();
            let row = NewOutbox {
                id: withdrawal_id,
                kind: PackageKind::Withdrawal,
                withdraws: Some(id),
                partner_id: partner.id,
                agreement_id: agreement.id,
                scope: current.scope,
                case_ids: current.case_ids.clone(),
                status: PackageStatus::Pending,
                note: Some(reason.clone()),
                requested_by: who.id,
                approved_by: Some(who.id),
                decided_at: Some(now),
                body_sha256: Some(package::sha256_hex(&bytes)),
                body: Some(bytes),
                next_attempt_at: Some(now),
            };
            let inserted = repo::insert_outbox(conn, &row).await?;
            let event = Event::new("exchange.withdraw")
                .object("package", withdrawal_id)
                .details(json!({
                    "withdraws": id, "partner_id": partner.id, "reason": reason,
                    "case_ids": current.case_ids, "body_sha256": row.body_sha256,
                }));
            record(conn, actor, event).await?;
            Ok::<_, Error>(inserted)
        })
        .await?;
    dto(conn, row).await
}

pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    status: Option<PackageStatus>,
) -> Result<OutboxList> {
    let mine = (!who.can(Permission::ExchangeManage)).then_some(who.id);
    let rows = repo::outbox_list(conn, mine, status).await?;
    Ok(OutboxList {
        items: dtos(conn, rows).await?,
    })
}

pub async fn get(conn: &mut AsyncPgConnection, who: &Principal, id: Uuid) -> Result<OutboxDto> {
    let row = visible(conn, who, id).await?;
    dto(conn, row).await
}

async fn dto(conn: &mut AsyncPgConnection, row: Outbox) -> Result<OutboxDto> {
    dtos(conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| Error::internal(anyhow::anyhow!("package vanished")))
}

async fn dtos(conn: &mut AsyncPgConnection, rows: Vec<Outbox>) -> Result<Vec<OutboxDto>> {
    let partners = repo::partners(conn).await?;
    let agreements = repo::agreements(conn, None).await?;
    let mut users: Vec<Uuid> = rows.iter().map(|(r, _)| r.requested_by).collect();
    users.extend(rows.iter().filter_map(|(r, _)| r.approved_by));
    let names = user_names(conn, &users).await?;
    let cases: Vec<Uuid> = rows.iter().flat_map(|(r, _)| r.case_ids.clone()).collect();
    let references = repo::case_references(conn, &cases).await?;
    let ids: Vec<Uuid> = rows.iter().map(|(r, _)| r.id).collect();
    let withdrawn = repo::withdrawn_by(conn, &ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, size) in rows {
        let partner = partners.iter().find(|p| p.id == r.partner_id);
        let agreement = agreements.iter().find(|a| a.id == r.agreement_id);
        out.push(OutboxDto {
            partner_name: partner.map(|p| p.name.clone()).unwrap_or_default(),
            partner_country: partner.map(|p| p.country.clone()).unwrap_or_default(),
            agreement_reference: agreement.map(|a| a.reference.clone()).unwrap_or_default(),
            case_references: r
                .case_ids
                .iter()
                .map(|id| references.get(id).cloned().unwrap_or_default())
                .collect(),
            requested_by_name: names.get(&r.requested_by).map(|n| n.name.clone()),
            approved_by_name: r
                .approved_by
                .and_then(|id| names.get(&id))
                .map(|n| n.name.clone()),
            acknowledgement: r
                .ack
                .as_deref()
                .and_then(|b| serde_json::from_slice(b).ok()),
            acknowledgement_signature: r.ack_signature,
            size,
            withdrawn_by: withdrawn.get(&r.id).copied(),
            kind: r.kind,
            withdraws: r.withdraws,
            id: r.id,
            partner_id: r.partner_id,
            agreement_id: r.agreement_id,
            scope: r.scope,
            case_ids: r.case_ids,
            status: r.status,
            note: r.note,
            requested_by: r.requested_by,
            approved_by: r.approved_by,
            decided_at: r.decided_at,
            decline_reason: r.decline_reason,
            body_sha256: r.body_sha256,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
            sent_at: r.sent_at,
            acknowledged_at: r.acknowledged_at,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        });
    }
    Ok(out)
}
