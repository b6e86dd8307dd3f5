//! Partners and agreements (liaison officers), and the preview of what would leave. Every
//! change is audited in its transaction with each changed field's old and new value; a
//! preview is audited like a read of the cases it shows.

use super::dto::{
    AgreementDto, AgreementFields, AgreementList, CreateAgreement, CreatePartner, FieldRule,
    NodeIdentity, PartnerDto, PartnerList, PartnerStatus, Preview, PreviewRequest, Scope,
    UpdatePartner,
};
use super::keys;
use super::model::{AgreementChanges, AgreementRow, PartnerChanges, PartnerRow};
use super::repo;
use super::scope::{self, CASE_FIELDS};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::common::names::user_names;
use crate::common::patch;
use crate::error::{Error, Result};
use crate::seizures::dto::CaseStatus;
use crate::seizures::{self, read};
use chrono::{NaiveDate, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ed25519_dalek::VerifyingKey;
use serde_json::json;
use std::collections::BTreeSet;
use uuid::Uuid;

pub fn identity(country: &str, key: &VerifyingKey) -> NodeIdentity {
    NodeIdentity {
        country: country.to_string(),
        public_key: hex::encode(key.as_bytes()),
        fingerprint: keys::fingerprint(key),
    }
}

async fn partner_dtos(
    conn: &mut AsyncPgConnection,
    rows: Vec<PartnerRow>,
) -> Result<Vec<PartnerDto>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.confirmed_by).collect();
    let names = user_names(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| PartnerDto {
            confirmed_by_name: names.get(&r.confirmed_by).map(|n| n.name.clone()),
            id: r.id,
            country: r.country,
            name: r.name,
            endpoint: r.endpoint,
            public_key: r.public_key,
            fingerprint: r.fingerprint,
            contact: r.contact,
            status: r.status,
            confirmed_by: r.confirmed_by,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

async fn partner_dto(conn: &mut AsyncPgConnection, row: PartnerRow) -> Result<PartnerDto> {
    partner_dtos(conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| Error::internal(anyhow::anyhow!("partner vanished")))
}

pub async fn list_partners(conn: &mut AsyncPgConnection) -> Result<PartnerList> {
    let rows = repo::partners(conn).await?;
    Ok(PartnerList {
        items: partner_dtos(conn, rows).await?,
    })
}

pub async fn get_partner(conn: &mut AsyncPgConnection, id: Uuid) -> Result<PartnerDto> {
    let row = repo::partner(conn, id).await?.ok_or(Error::NotFound)?;
    partner_dto(conn, row).await
}

/// An endpoint: `http(s)://` and no whitespace.
fn check_endpoint(ck: &mut Checker, endpoint: &str) {
    let scheme = endpoint.starts_with("http://") || endpoint.starts_with("https://");
    if !scheme || endpoint.chars().any(char::is_whitespace) || endpoint.ends_with("://") {
        ck.push("endpoint", "format", "must be an http:// or https:// URL");
    }
}

/// Registers a partner. The key must be a valid Ed25519 public key and the fingerprint the
/// liaison officer confirmed with the partner must be the key's own.
pub async fn create_partner(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    body: CreatePartner,
) -> Result<PartnerDto> {
    let book = CodeBook::load(conn, &["countries"]).await?;
    let mut ck = Checker::new();
    let country = ck
        .code(&book, "countries", "country", Some(body.country))
        .unwrap_or_default();
    if country.is_empty() {
        ck.push("country", "required", "is required");
    }
    let name = ck.name("name", Some(body.name), 200);
    let endpoint = ck.required("endpoint", Some(body.endpoint), 500);
    if !endpoint.is_empty() {
        check_endpoint(&mut ck, &endpoint);
    }
    let contact = ck.text("contact", body.contact, 500);
    let key = keys::parse_public_key(&body.public_key);
    let fingerprint = key.as_ref().map(keys::fingerprint);
    match &fingerprint {
        None => ck.push(
            "public_key",
            "format",
            "must be an Ed25519 public key, 64 hex digits",
        ),
        Some(fp) => {
            if keys::normalise_fingerprint(&body.fingerprint) != keys::normalise_fingerprint(fp) {
                ck.push(
                    "fingerprint",
                    "mismatch",
                    "is not this key's fingerprint: check the key and the fingerprint with the partner",
                );
            }
        }
    }
    ck.finish()?;
    let (Some(key), Some(fingerprint)) = (key, fingerprint) else {
        return Err(Error::internal(anyhow::anyhow!("checked key missing")));
    };
    let now = Utc::now();
    let row = PartnerRow {
        id: Uuid::now_v7(),
        country,
        name,
        endpoint: endpoint.trim_end_matches('/').to_string(),
        public_key: hex::encode(key.as_bytes()),
        fingerprint,
        contact,
        status: PartnerStatus::Active,
        confirmed_by: who.id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    conn.transaction(async |conn| {
        repo::insert_partner(conn, &row)
            .await
            .map_err(|e| match Error::from(e) {
                Error::Conflict(_) => {
                    Error::Conflict("a partner with this key is already registered".into())
                }
                other => other,
            })?;
        let event = Event::new("exchange.partner_create")
            .object("partner", row.id)
            .details(json!({
                "country": row.country, "name": row.name, "endpoint": row.endpoint,
                "fingerprint": row.fingerprint,
            }));
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await?;
    partner_dto(conn, row).await
}

/// Renames a partner, moves its endpoint, suspends or reactivates it (JSON merge patch).
pub async fn update_partner(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    body: &serde_json::Value,
) -> Result<PartnerDto> {
    let row = conn
        .transaction(async |conn| {
            let current = repo::partner(conn, id).await?.ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            let editable = UpdatePartner {
                name: Some(current.name.clone()),
                endpoint: Some(current.endpoint.clone()),
                contact: current.contact.clone(),
                status: Some(current.status),
            };
            let (old, patched) = patch::merge(&editable, body)?;
            let mut ck = Checker::new();
            let name = ck.name("name", patched.name, 200);
            let endpoint = ck.required("endpoint", patched.endpoint, 500);
            if !endpoint.is_empty() {
                check_endpoint(&mut ck, &endpoint);
            }
            let contact = ck.text("contact", patched.contact, 500);
            if patched.status.is_none() {
                ck.push("status", "required", "is required");
            }
            ck.finish()?;
            let changes = PartnerChanges {
                name,
                endpoint: endpoint.trim_end_matches('/').to_string(),
                contact,
                status: patched.status.unwrap_or(current.status),
            };
            let row = repo::update_partner(conn, id, expected, changes).await?;
            let new = serde_json::to_value(UpdatePartner {
                name: Some(row.name.clone()),
                endpoint: Some(row.endpoint.clone()),
                contact: row.contact.clone(),
                status: Some(row.status),
            })
            .map_err(Error::internal)?;
            let event = Event::new("exchange.partner_update")
                .object("partner", id)
                .details(json!({ "changes": patch::diff(&old, &new) }));
            record(conn, actor, event).await?;
            Ok(row)
        })
        .await?;
    partner_dto(conn, row).await
}

fn in_force(row: &AgreementRow, partner: &PartnerRow, today: NaiveDate) -> bool {
    partner.status == PartnerStatus::Active
        && row.valid_from <= today
        && row.valid_until.is_none_or(|until| until >= today)
}

async fn agreement_dtos(
    conn: &mut AsyncPgConnection,
    rows: Vec<AgreementRow>,
) -> Result<Vec<AgreementDto>> {
    let partners = repo::partners(conn).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut documents = super::agreement_document::of(conn, &ids).await?;
    let today = Utc::now().date_naive();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let partner = partners
            .iter()
            .find(|p| p.id == r.partner_id)
            .ok_or_else(|| Error::internal(anyhow::anyhow!("agreement without partner")))?;
        out.push(AgreementDto {
            in_force: in_force(&r, partner, today),
            document: documents.remove(&r.id),
            partner_name: partner.name.clone(),
            partner_country: partner.country.clone(),
            id: r.id,
            partner_id: r.partner_id,
            instrument: r.instrument,
            reference: r.reference,
            purposes: r.purposes,
            scope: r.scope,
            commodity_groups: r.commodity_groups,
            valid_from: r.valid_from,
            valid_until: r.valid_until,
            notes: r.notes,
            version: r.version,
            created_by: r.created_by,
            created_at: r.created_at,
            updated_at: r.updated_at,
        });
    }
    Ok(out)
}

async fn agreement_dto(conn: &mut AsyncPgConnection, row: AgreementRow) -> Result<AgreementDto> {
    agreement_dtos(conn, vec![row])
        .await?
        .pop()
        .ok_or_else(|| Error::internal(anyhow::anyhow!("agreement vanished")))
}

pub async fn list_agreements(
    conn: &mut AsyncPgConnection,
    partner: Option<Uuid>,
) -> Result<AgreementList> {
    let rows = repo::agreements(conn, partner).await?;
    Ok(AgreementList {
        items: agreement_dtos(conn, rows).await?,
    })
}

pub async fn get_agreement(conn: &mut AsyncPgConnection, id: Uuid) -> Result<AgreementDto> {
    let row = repo::agreement(conn, id).await?.ok_or(Error::NotFound)?;
    agreement_dto(conn, row).await
}

/// Checks an agreement's fields; field errors at their JSON paths.
async fn check_agreement(
    conn: &mut AsyncPgConnection,
    f: AgreementFields,
) -> Result<AgreementChanges> {
    let book = CodeBook::load(conn, &["commodity_groups"]).await?;
    let mut ck = Checker::new();
    if f.instrument.is_none() {
        ck.push("instrument", "required", "is required");
    }
    let reference = ck.required("reference", f.reference, 200);
    let purposes = ck.texts("purposes", f.purposes, 20, 200);
    if f.scope.is_none() {
        ck.push("scope", "required", "is required");
    }
    if f.commodity_groups.len() > 20 {
        ck.push("commodity_groups", "length", "at most 20 items");
    }
    let commodity_groups = ck.codes(
        &book,
        "commodity_groups",
        "commodity_groups",
        f.commodity_groups,
    );
    if f.valid_from.is_none() {
        ck.push("valid_from", "required", "is required");
    }
    if let (Some(from), Some(until)) = (f.valid_from, f.valid_until) {
        if until < from {
            ck.push(
                "valid_until",
                "before_start",
                "must not be before valid_from",
            );
        }
    }
    let notes = ck.text("notes", f.notes, 4000);
    ck.finish()?;
    match (f.instrument, f.scope, f.valid_from) {
        (Some(instrument), Some(scope), Some(valid_from)) => Ok(AgreementChanges {
            instrument,
            reference,
            purposes,
            scope,
            commodity_groups,
            valid_from,
            valid_until: f.valid_until,
            notes,
        }),
        _ => Err(Error::internal(anyhow::anyhow!(
            "checked agreement incomplete"
        ))),
    }
}

fn fields_of(row: &AgreementRow) -> AgreementFields {
    AgreementFields {
        instrument: Some(row.instrument),
        reference: Some(row.reference.clone()),
        purposes: row.purposes.clone(),
        scope: Some(row.scope),
        commodity_groups: row.commodity_groups.clone(),
        valid_from: Some(row.valid_from),
        valid_until: row.valid_until,
        notes: row.notes.clone(),
    }
}

pub async fn create_agreement(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    body: CreateAgreement,
) -> Result<AgreementDto> {
    let (partner_id, fields) = body.fields();
    let partner = repo::partner(conn, partner_id).await?;
    let checked = check_agreement(conn, fields).await;
    let c = match (partner, checked) {
        (None, Err(Error::Validation(mut errors))) => {
            errors.insert(
                0,
                crate::FieldError::new("partner_id", "not_found", "no such partner"),
            );
            return Err(Error::Validation(errors));
        }
        (None, _) => {
            return Err(Error::Validation(vec![crate::FieldError::new(
                "partner_id",
                "not_found",
                "no such partner",
            )]))
        }
        (Some(_), checked) => checked?,
    };
    let now = Utc::now();
    let row = AgreementRow {
        id: Uuid::now_v7(),
        partner_id,
        instrument: c.instrument,
        reference: c.reference,
        purposes: c.purposes,
        scope: c.scope,
        commodity_groups: c.commodity_groups,
        valid_from: c.valid_from,
        valid_until: c.valid_until,
        notes: c.notes,
        version: 1,
        created_by: who.id,
        created_at: now,
        updated_at: now,
    };
    conn.transaction(async |conn| {
        repo::insert_agreement(conn, &row).await?;
        let details = serde_json::to_value(fields_of(&row)).map_err(Error::internal)?;
        let event = Event::new("exchange.agreement_create")
            .object("agreement", row.id)
            .details(json!({ "partner_id": row.partner_id, "fields": details }));
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await?;
    agreement_dto(conn, row).await
}

pub async fn update_agreement(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    body: &serde_json::Value,
) -> Result<AgreementDto> {
    let row = conn
        .transaction(async |conn| {
            let current = repo::agreement(conn, id).await?.ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            let (old, patched) = patch::merge(&fields_of(&current), body)?;
            let changes = check_agreement(conn, patched).await?;
            let row = repo::update_agreement(conn, id, expected, changes).await?;
            let new = serde_json::to_value(fields_of(&row)).map_err(Error::internal)?;
            let event = Event::new("exchange.agreement_update")
                .object("agreement", id)
                .details(json!({ "changes": patch::diff(&old, &new) }));
            record(conn, actor, event).await?;
            Ok(row)
        })
        .await?;
    agreement_dto(conn, row).await
}

/// The agreement an exchange with `partner` in `scope` of cases of `groups` rests on: in
/// force today, of an active partner, whose scope covers `scope` (a nominal agreement covers
/// a non-nominal exchange) and whose commodity groups (if it names any) include every one
/// of `groups`. Of several, the one in the same scope, then the most recent.
pub async fn covering(
    conn: &mut AsyncPgConnection,
    partner: &PartnerRow,
    scope: Scope,
    groups: &BTreeSet<String>,
) -> Result<Option<AgreementRow>> {
    let today = Utc::now().date_naive();
    let mut candidates: Vec<AgreementRow> = repo::agreements(conn, Some(partner.id))
        .await?
        .into_iter()
        .filter(|a| in_force(a, partner, today))
        .filter(|a| a.scope == scope || a.scope == Scope::Nominal)
        .filter(|a| {
            a.commodity_groups.is_empty() || groups.iter().all(|g| a.commodity_groups.contains(g))
        })
        .collect();
    candidates.sort_by_key(|a| (a.scope != scope, std::cmp::Reverse(a.valid_from)));
    Ok(candidates.into_iter().next())
}

/// Each case as it would leave for `partner` in `scope` (JSON of the case document through the
/// allow-list), with the agreement that covers it. Only validated cases leave.
pub async fn documents(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    partner: &PartnerRow,
    scope: Scope,
    case_ids: &[Uuid],
) -> Result<(AgreementRow, Vec<serde_json::Value>)> {
    let mut docs = Vec::with_capacity(case_ids.len());
    let mut groups = BTreeSet::new();
    let mut not_validated = Vec::new();
    for (i, id) in case_ids.iter().enumerate() {
        let loaded = match read::load(conn, *id).await {
            Ok(l) => l,
            Err(Error::NotFound) => {
                return Err(Error::Validation(vec![crate::FieldError::new(
                    format!("case_ids[{i}]"),
                    "not_found",
                    "no such case",
                )]))
            }
            Err(e) => return Err(e),
        };
        if !seizures::visible(who, loaded.case.status, loaded.case.reporting_unit_id) {
            return Err(Error::Validation(vec![crate::FieldError::new(
                format!("case_ids[{i}]"),
                "not_found",
                "no such case",
            )]));
        }
        if loaded.case.status != CaseStatus::Validated {
            not_validated.push(crate::FieldError::new(
                format!("case_ids[{i}]"),
                "not_validated",
                "only validated cases are exchanged",
            ));
        }
        groups.extend(loaded.goods.iter().map(|g| g.commodity_group.clone()));
        let dto = read::to_dto(conn, loaded).await?;
        docs.push(scope::view(
            &serde_json::to_value(&dto).map_err(Error::internal)?,
            scope,
        ));
    }
    if !not_validated.is_empty() {
        return Err(Error::Validation(not_validated));
    }
    let agreement = covering(conn, partner, scope, &groups).await?.ok_or_else(|| {
        Error::State(
            "no_agreement",
            format!(
                "no agreement in force with {} covers this exchange (scope {}, commodity groups {})",
                partner.name,
                scope.as_str(),
                groups.into_iter().collect::<Vec<_>>().join(", ")
            ),
        )
    })?;
    Ok((agreement, docs))
}

/// What would leave: audited like a read of the cases (`exchange.preview`).
pub async fn preview(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    body: PreviewRequest,
) -> Result<Preview> {
    let mut ids = body.case_ids.clone();
    ids.dedup();
    if ids.is_empty() || ids.len() > 100 {
        return Err(Error::Validation(vec![crate::FieldError::new(
            "case_ids",
            "length",
            "between 1 and 100 cases",
        )]));
    }
    let (agreement, documents) = conn
        .transaction(async |conn| {
            let partner = repo::partner(conn, body.partner_id).await?.ok_or_else(|| {
                Error::Validation(vec![crate::FieldError::new(
                    "partner_id",
                    "not_found",
                    "no such partner",
                )])
            })?;
            let (agreement, documents) = documents(conn, who, &partner, body.scope, &ids).await?;
            let event = Event::new("exchange.preview")
                .object("partner", partner.id)
                .details(json!({
                    "scope": body.scope, "agreement_id": agreement.id, "case_ids": ids,
                }));
            record(conn, actor, event).await?;
            Ok::<_, Error>((agreement, documents))
        })
        .await?;
    let fields = CASE_FIELDS
        .iter()
        .map(|(path, class)| FieldRule {
            path,
            class: *class,
            sent: scope::sent(*class, body.scope),
        })
        .collect();
    Ok(Preview {
        scope: body.scope,
        agreement: agreement_dto(conn, agreement).await?,
        documents,
        fields,
    })
}
