//! Hits: the unit's queue, one hit side by side with the alert's subject, review, and what an
//! officer whose data hit an alert is told.

use super::dto::{
    AlertNotice, AlertNotices, Fact, HitAlert, HitCase, HitDetail, HitDto, HitList, HitQuery,
    HitStatus, NoticeQuery, RecordKind, ReviewInput,
};
use super::model::{AlertRow, HitRow};
use super::{repo, require_unit};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::common::check::Checker;
use crate::common::page;
use crate::db::schema::{alert_cases, alert_hits as h, alerts as a, conveyances};
use crate::error::{Error, Result};
use crate::registers::{companies, persons};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ncen_matching::Feature;
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Builds the wire form of hits (labels, case references, reviewers) in a few statements.
async fn to_dtos(
    conn: &mut AsyncPgConnection,
    rows: Vec<(HitRow, AlertRow)>,
) -> Result<Vec<HitDto>> {
    let alerts: Vec<&AlertRow> = rows.iter().map(|(_, a)| a).collect();
    let subjects = repo::subject_labels(conn, &alerts).await?;
    let records: Vec<(RecordKind, Uuid)> = rows
        .iter()
        .map(|(h, _)| (h.record_kind, h.record_id))
        .collect();
    let labels = repo::record_labels(conn, &records).await?;
    let cases: Vec<Uuid> = rows
        .iter()
        .flat_map(|(h, _)| h.case_ids.iter().copied())
        .collect();
    let references = repo::case_references(conn, &cases).await?;
    let reviewers: Vec<Uuid> = rows.iter().filter_map(|(h, _)| h.reviewed_by).collect();
    let names = repo::user_names(conn, &reviewers).await?;
    Ok(rows
        .into_iter()
        .map(|(hit, alert)| HitDto {
            id: hit.id,
            alert: HitAlert {
                id: alert.id,
                subject_label: subjects.get(&alert.id).cloned().unwrap_or_default(),
                reference: alert.reference,
                subject_kind: alert.subject_kind,
                risk_level: alert.risk_level,
                requested_action: alert.requested_action,
            },
            record_kind: hit.record_kind,
            record_id: hit.record_id,
            record_label: labels.get(&hit.record_id).cloned().unwrap_or_default(),
            cases: hit
                .case_ids
                .iter()
                .map(|c| HitCase {
                    id: *c,
                    reference: references.get(c).cloned().unwrap_or_default(),
                })
                .collect(),
            score: f64::from(hit.score),
            exact: hit.exact,
            status: hit.status,
            reviewed_by: hit.reviewed_by.map(|u| repo::named(&names, u)),
            reviewed_at: hit.reviewed_at,
            review_reason: hit.review_reason,
            created_at: hit.created_at,
        })
        .collect())
}

/// The hits of the caller's unit's alerts, newest first (`new` unless asked otherwise).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    q: HitQuery,
) -> Result<HitList> {
    who.require(Permission::AlertsWrite)?;
    let limit = page::limit(q.limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    let status = q.status.unwrap_or(HitStatus::New);
    conn.transaction(async |conn| {
        let mut query = h::table
            .inner_join(a::table)
            .filter(a::unit_id.eq(who.unit_id))
            .filter(h::status.eq(status))
            .select((HitRow::as_select(), AlertRow::as_select()))
            .order((h::created_at.desc(), h::id.desc()))
            .limit(limit + 1)
            .into_boxed();
        if let Some(alert) = q.alert_id {
            query = query.filter(h::alert_id.eq(alert));
        }
        if let Some((at, id)) = after {
            query = query.filter(
                h::created_at
                    .lt(at)
                    .or(h::created_at.eq(at).and(h::id.lt(id))),
            );
        }
        let rows: Vec<(HitRow, AlertRow)> = query.load(conn).await?;
        let (rows, next_cursor) = page::cut(rows, limit, |(h, _)| (h.created_at, h.id));
        if !rows.is_empty() {
            let ids: Vec<Uuid> = rows.iter().map(|(h, _)| h.id).collect();
            record(
                conn,
                actor,
                Event::new("alert_hit.list").details(json!({ "returned": ids })),
            )
            .await?;
        }
        let items = to_dtos(conn, rows).await?;
        Ok(HitList { items, next_cursor })
    })
    .await
}

/// A hit of the caller's unit with both sides and the explanation (audited).
pub async fn get(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<HitDetail> {
    who.require(Permission::AlertsWrite)?;
    conn.transaction(async |conn| {
        let hit = repo::find_hit(conn, id).await?;
        let alert = repo::find(conn, hit.alert_id).await?;
        require_unit(who, &alert)?;
        record(
            conn,
            actor,
            Event::new("alert_hit.read")
                .object("alert_hit", id)
                .details(json!({ "alert": alert.id, "record": hit.record_id })),
        )
        .await?;
        detail(conn, hit, alert).await
    })
    .await
}

async fn detail(conn: &mut AsyncPgConnection, hit: HitRow, alert: AlertRow) -> Result<HitDetail> {
    let subject = match repo::subject_record(&alert) {
        Some((kind, id)) => facts(conn, kind, id).await?,
        None => vec![Fact {
            field: alert.identifier_kind.clone().unwrap_or_default(),
            value: alert.identifier.clone().unwrap_or_default(),
        }],
    };
    let record = facts(conn, hit.record_kind, hit.record_id).await?;
    let features: Vec<Feature> = serde_json::from_value(hit.features.clone()).unwrap_or_default();
    let mut dtos = to_dtos(conn, vec![(hit, alert)]).await?;
    let hit = dtos.pop().ok_or(Error::NotFound)?;
    Ok(HitDetail {
        hit,
        subject,
        record,
        features,
    })
}

/// A record's facts, field by field, for the comparison.
async fn facts(conn: &mut AsyncPgConnection, kind: RecordKind, id: Uuid) -> Result<Vec<Fact>> {
    let mut out = Vec::new();
    let mut push = |field: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push(Fact {
                field: field.to_string(),
                value: v,
            });
        }
    };
    let list = |v: &[String]| Some(v.join(", "));
    match kind {
        RecordKind::Person => {
            if let Some(p) = persons::repo::load_many(conn, &[id]).await?.pop() {
                let f = p.fields;
                push("family_name", f.family_name);
                push("given_names", f.given_names);
                push("original_script_name", f.original_script_name);
                push("aliases", list(&f.aliases));
                push("date_of_birth", f.date_of_birth);
                push("place_of_birth", f.place_of_birth);
                push("gender", f.gender);
                push("nationalities", list(&f.nationalities));
                let docs: Vec<String> = f
                    .documents
                    .iter()
                    .map(|d| {
                        format!(
                            "{} {}{}",
                            d.document_type.clone().unwrap_or_default(),
                            d.number.clone().unwrap_or_default(),
                            d.issuing_country
                                .as_deref()
                                .map(|c| format!(" ({c})"))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                push("documents", list(&docs));
                push("phones", list(&f.phones));
                push("emails", list(&f.emails));
                push("addresses", Some(f.addresses.join(" | ")));
            }
        }
        RecordKind::Company => {
            if let Some(c) = companies::repo::load_many(conn, &[id]).await?.pop() {
                let f = c.fields;
                push("name", f.name);
                push("aliases", list(&f.aliases));
                push("country", f.country);
                push("registration_number", f.registration_number);
                push("tax_id", f.tax_id);
                push("eori", f.eori);
                let ids: Vec<String> = f
                    .identifiers
                    .iter()
                    .map(|i| format!("{} {}", i.kind.as_str().to_uppercase(), i.value))
                    .collect();
                push("identifiers", list(&ids));
                let lines: Vec<String> = f.addresses.iter().map(|a| a.line()).collect();
                push("addresses", Some(lines.join(" | ")));
            }
        }
        RecordKind::Conveyance => {
            type Row = (String, String, String, Option<String>, Option<String>);
            let row: Option<Row> = conveyances::table
                .find(id)
                .select((
                    conveyances::conveyance_type,
                    conveyances::identifier_kind,
                    conveyances::identifier,
                    conveyances::name,
                    conveyances::country,
                ))
                .first(conn)
                .await
                .optional()?;
            if let Some((ctype, kind, identifier, name, country)) = row {
                push("conveyance_type", Some(ctype));
                push("identifier_kind", Some(kind));
                push("identifier", Some(identifier));
                push("name", name);
                push("country", country);
            }
        }
    }
    Ok(out)
}

/// Confirms or dismisses a `new` hit of the caller's unit. Confirming links the cases that
/// brought it to the alert; dismissing needs a reason, and the same data will not hit this
/// alert again.
pub async fn review(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    to: HitStatus,
    input: ReviewInput,
) -> Result<HitDetail> {
    who.require(Permission::AlertsWrite)?;
    let mut ck = Checker::new();
    let reason = ck.text("reason", input.reason, 1000);
    if to == HitStatus::Dismissed && reason.is_none() {
        ck.push(
            "reason",
            "required",
            "say why the record is not the alert's subject",
        );
    }
    ck.finish()?;
    conn.transaction(async |conn| {
        let hit: HitRow = h::table
            .find(id)
            .select(HitRow::as_select())
            .for_update()
            .first(conn)
            .await
            .optional()?
            .ok_or(Error::NotFound)?;
        let alert = repo::find(conn, hit.alert_id).await?;
        require_unit(who, &alert)?;
        if hit.status != HitStatus::New {
            return Err(Error::Conflict(format!(
                "this hit was already reviewed ({})",
                hit.status
            )));
        }
        diesel::update(h::table.find(id))
            .set((
                h::status.eq(to),
                h::reviewed_by.eq(who.id),
                h::reviewed_at.eq(diesel::dsl::now),
                h::review_reason.eq(&reason),
                h::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        if to == HitStatus::Confirmed && !hit.case_ids.is_empty() {
            let links: Vec<_> = hit
                .case_ids
                .iter()
                .map(|c| {
                    (
                        alert_cases::alert_id.eq(alert.id),
                        alert_cases::case_id.eq(*c),
                        alert_cases::hit_id.eq(id),
                    )
                })
                .collect();
            diesel::insert_into(alert_cases::table)
                .values(links)
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
        let action = if to == HitStatus::Confirmed {
            "alert_hit.confirm"
        } else {
            "alert_hit.dismiss"
        };
        record(
            conn,
            actor,
            Event::new(action).object("alert_hit", id).details(json!({
                "alert": alert.id,
                "record": hit.record_id,
                "cases": hit.case_ids,
                "reason": reason,
            })),
        )
        .await?;
        let hit = repo::find_hit(conn, id).await?;
        detail(conn, hit, alert).await
    })
    .await
}

/// What the caller may know of the alerts a case's records (or one record) hit: the requested
/// action and whom to contact, for hits awaiting review or confirmed — never the alert's
/// reason. A case the caller may not see is 404.
pub async fn notices(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    q: &NoticeQuery,
) -> Result<AlertNotices> {
    if q.case_id.is_some() == q.record_id.is_some() {
        return Err(Error::validation(
            "case_id",
            "case_or_record",
            "give either case_id or record_id",
        ));
    }
    if let Some(case) = q.case_id {
        who.require(Permission::SeizuresRead)?;
        let row = crate::seizures::read::find_row(conn, case).await?;
        crate::seizures::require_visible(who, &row)?;
    } else {
        who.require(Permission::RegistersRead)?;
    }
    let mut query = h::table
        .inner_join(a::table)
        .filter(h::status.ne(HitStatus::Dismissed))
        .select((HitRow::as_select(), AlertRow::as_select()))
        .order(h::created_at.desc())
        .limit(100)
        .into_boxed();
    match (q.case_id, q.record_id) {
        (Some(case), None) => {
            query = query.filter(h::case_ids.contains(vec![case]));
        }
        (None, Some(record)) => query = query.filter(h::record_id.eq(record)),
        _ => {}
    }
    let rows: Vec<(HitRow, AlertRow)> = query.load(conn).await?;
    let records: Vec<(RecordKind, Uuid)> = rows
        .iter()
        .map(|(h, _)| (h.record_kind, h.record_id))
        .collect();
    let labels = repo::record_labels(conn, &records).await?;
    let owners: Vec<Uuid> = rows.iter().map(|(_, a)| a.owner_id).collect();
    let names = repo::user_names(conn, &owners).await?;
    let unit_ids: Vec<Uuid> = rows.iter().map(|(_, a)| a.unit_id).collect();
    let units: HashMap<Uuid, super::dto::Named> = repo::unit_names(conn, &unit_ids).await?;
    let items = rows
        .into_iter()
        .map(|(hit, alert)| AlertNotice {
            hit_id: hit.id,
            alert_reference: alert.reference,
            requested_action: alert.requested_action,
            handling_instructions: alert.handling_instructions,
            contact: repo::named(&names, alert.owner_id),
            contact_unit: repo::named(&units, alert.unit_id),
            record_kind: hit.record_kind,
            record_id: hit.record_id,
            record_label: labels.get(&hit.record_id).cloned().unwrap_or_default(),
            status: hit.status,
            created_at: hit.created_at,
        })
        .collect();
    Ok(AlertNotices { items })
}

/// What a screening officer is told of the alerts their query hit, best first.
pub async fn screening_alerts(
    conn: &mut AsyncPgConnection,
    found: Vec<super::candidates::Found>,
) -> Result<Vec<super::dto::ScreeningAlert>> {
    Ok(screening_alerts_grouped(conn, vec![found])
        .await?
        .pop()
        .unwrap_or_default())
}

/// As `screening_alerts`, for several queries at once (the lines of a list): the owners' and
/// units' names are read once.
pub async fn screening_alerts_grouped(
    conn: &mut AsyncPgConnection,
    groups: Vec<Vec<super::candidates::Found>>,
) -> Result<Vec<Vec<super::dto::ScreeningAlert>>> {
    let owners: Vec<Uuid> = groups.iter().flatten().map(|f| f.alert.owner_id).collect();
    let names = repo::user_names(conn, &owners).await?;
    let unit_ids: Vec<Uuid> = groups.iter().flatten().map(|f| f.alert.unit_id).collect();
    let units = repo::unit_names(conn, &unit_ids).await?;
    Ok(groups
        .into_iter()
        .map(|found| {
            let mut out: Vec<super::dto::ScreeningAlert> = found
                .into_iter()
                .map(|f| super::dto::ScreeningAlert {
                    contact: repo::named(&names, f.alert.owner_id),
                    contact_unit: repo::named(&units, f.alert.unit_id),
                    alert_reference: f.alert.reference,
                    requested_action: f.alert.requested_action,
                    handling_instructions: f.alert.handling_instructions,
                    score: f.outcome.score,
                })
                .collect();
            out.sort_by(|a, b| b.score.total_cmp(&a.score));
            out
        })
        .collect())
}
