//! The alert's life: create and correct a draft, activate, withdraw, renew, expire. Each
//! operation checks, runs one transaction, writes its audit row, and returns the alert.

use super::dto::{
    AlertDto, AlertInput, AlertList, AlertQuery, AlertStatus, AlertSummary, RenewInput,
    WithdrawInput,
};
use super::input::{checked, input_of, last_allowed, today, MAX_MONTHS};
use super::model::{AlertRow, NewAlert};
use super::{repo, require_unit};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::common::check::Checker;
use crate::common::{page, patch};
use crate::error::{Duty, Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

/// Records a draft alert of the caller's unit, the caller as its owner.
pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    country: &str,
    input: AlertInput,
) -> Result<AlertDto> {
    who.require(Permission::AlertsWrite)?;
    let day = today();
    conn.transaction(async |conn| {
        let fields = checked(conn, input, day).await?;
        let id = Uuid::now_v7();
        let reference = repo::next_reference(conn, country, day).await?;
        let new = NewAlert {
            id,
            reference: reference.clone(),
            owner_id: who.id,
            unit_id: who.unit_id,
            created_by: who.id,
        };
        repo::insert(conn, new, &fields).await?;
        let details = json!({ "reference": reference, "subject_kind": fields.subject_kind });
        record(
            conn,
            actor,
            Event::new("alert.create")
                .object("alert", id)
                .details(details),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        to_dto(conn, row).await
    })
    .await
}

/// An alert of the caller's unit, in full (audited: its reason and subject are nominal).
pub async fn get(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<AlertDto> {
    who.require(Permission::AlertsWrite)?;
    conn.transaction(async |conn| {
        let row = repo::find(conn, id).await?;
        require_unit(who, &row)?;
        record(conn, actor, Event::new("alert.read").object("alert", id)).await?;
        to_dto(conn, row).await
    })
    .await
}

/// The caller's unit's alerts, most recently changed first (audited with the ids shown).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    q: AlertQuery,
) -> Result<AlertList> {
    who.require(Permission::AlertsWrite)?;
    let limit = page::limit(q.limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    if q.q.as_ref().is_some_and(|w| w.chars().count() > 200) {
        return Err(Error::validation(
            "q",
            "length",
            "must be at most 200 characters long",
        ));
    }
    conn.transaction(async |conn| {
        let rows = repo::list(conn, who.unit_id, who.id, &q, after, limit).await?;
        let (rows, next_cursor) = page::cut(rows, limit, |r| (r.updated_at, r.id));
        let refs: Vec<&AlertRow> = rows.iter().collect();
        let labels = repo::subject_labels(conn, &refs).await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let counts = repo::hit_counts(conn, &ids).await?;
        let owners: Vec<Uuid> = rows.iter().map(|r| r.owner_id).collect();
        let names = repo::user_names(conn, &owners).await?;
        if !ids.is_empty() {
            record(
                conn,
                actor,
                Event::new("alert.list").details(json!({ "returned": ids })),
            )
            .await?;
        }
        let items = rows
            .into_iter()
            .map(|r| AlertSummary {
                id: r.id,
                reference: r.reference,
                status: r.status,
                subject_kind: r.subject_kind,
                subject_label: labels.get(&r.id).cloned().unwrap_or_default(),
                risk_level: r.risk_level,
                requested_action: r.requested_action,
                owner: repo::named(&names, r.owner_id),
                valid_from: r.valid_from,
                valid_until: r.valid_until,
                new_hits: counts.get(&r.id).map_or(0, |c| c.new),
                updated_at: r.updated_at,
            })
            .collect();
        Ok(AlertList { items, next_cursor })
    })
    .await
}

/// Corrects a draft (JSON merge patch over the alert as written), if its version is
/// `expected`. An active alert is not edited: it is withdrawn and written again, so what a
/// supervisor activated is what runs.
pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    body: serde_json::Value,
) -> Result<AlertDto> {
    who.require(Permission::AlertsWrite)?;
    let day = today();
    conn.transaction(async |conn| {
        let row = repo::lock(conn, id).await?;
        require_unit(who, &row)?;
        if row.version != expected {
            return Err(Error::StaleVersion);
        }
        if row.status != AlertStatus::Draft {
            return Err(Error::Conflict(format!(
                "only a draft is corrected (the alert is {}): withdraw it and write a new one",
                row.status
            )));
        }
        let current = input_of(&row);
        let (old, merged) = patch::merge(&current, &body)?;
        let fields = checked(conn, merged.clone(), day).await?;
        repo::update_fields(conn, id, &fields).await?;
        let new = serde_json::to_value(&merged)?;
        let changed: Vec<String> = old
            .as_object()
            .map(|o| {
                o.keys()
                    .filter(|k| o.get(*k) != new.get(*k))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        record(
            conn,
            actor,
            Event::new("alert.update")
                .object("alert", id)
                .details(json!({ "fields": changed })),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        to_dto(conn, row).await
    })
    .await
}

/// Locks the alert for a workflow step: the caller's unit's, at `expected`.
async fn for_step(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
    expected: i32,
) -> Result<AlertRow> {
    let row = repo::lock(conn, id).await?;
    require_unit(who, &row)?;
    if row.version != expected {
        return Err(Error::StaleVersion);
    }
    Ok(row)
}

/// Activates a draft: a supervisor of the owning unit who did not write it. From then on,
/// data entering nCEN is checked against it.
pub async fn activate(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
) -> Result<AlertDto> {
    who.require(Permission::AlertsActivate)?;
    let day = today();
    conn.transaction(async |conn| {
        let row = for_step(conn, who, id, expected).await?;
        if row.status != AlertStatus::Draft {
            return Err(Error::Conflict(format!(
                "only a draft is activated (the alert is {})",
                row.status
            )));
        }
        if row.created_by == who.id || row.owner_id == who.id {
            return Err(Error::Refused(Duty::OwnAlert));
        }
        if row.valid_until < day {
            return Err(Error::validation(
                "valid_until",
                "in_past",
                "the alert's validity has ended: correct valid_until first",
            ));
        }
        repo::step(
            conn,
            id,
            repo::Step {
                status: AlertStatus::Active,
                activated_by: Some(who.id),
                closed_by: None,
                closing_reason: None,
                valid_from: None,
                valid_until: None,
            },
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("alert.activate")
                .object("alert", id)
                .details(json!({ "valid_until": row.valid_until })),
        )
        .await?;
        let notice = Notice {
            kind: NotificationKind::AlertActivation,
            title: row.reference.clone(),
            link: format!("/alerts/{id}"),
            thread_id: None,
        };
        notify(conn, &[row.owner_id], &notice).await?;
        let row = repo::find(conn, id).await?;
        to_dto(conn, row).await
    })
    .await
}

/// Withdraws a draft, active or expired alert, with a reason (its unit).
pub async fn withdraw(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    input: WithdrawInput,
) -> Result<AlertDto> {
    who.require(Permission::AlertsWrite)?;
    let mut ck = Checker::new();
    let reason = ck.required("reason", Some(input.reason), 1000);
    ck.finish()?;
    conn.transaction(async |conn| {
        let row = for_step(conn, who, id, expected).await?;
        if row.status == AlertStatus::Withdrawn {
            return Err(Error::Conflict("the alert is already withdrawn".into()));
        }
        repo::step(
            conn,
            id,
            repo::Step {
                status: AlertStatus::Withdrawn,
                activated_by: None,
                closed_by: Some(who.id),
                closing_reason: Some(&reason),
                valid_from: None,
                valid_until: None,
            },
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("alert.withdraw")
                .object("alert", id)
                .details(json!({ "from": row.status, "reason": reason })),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        to_dto(conn, row).await
    })
    .await
}

/// Renews an active or expired alert from today until `valid_until` (at most 12 months): a
/// supervisor of its unit who did not write it.
pub async fn renew(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    input: RenewInput,
) -> Result<AlertDto> {
    who.require(Permission::AlertsActivate)?;
    let day = today();
    if input.valid_until < day {
        return Err(Error::validation(
            "valid_until",
            "in_past",
            "must not be in the past",
        ));
    }
    if input.valid_until > last_allowed(day) {
        return Err(Error::validation(
            "valid_until",
            "too_long",
            &format!("an alert is valid for at most {MAX_MONTHS} months, then renewed"),
        ));
    }
    conn.transaction(async |conn| {
        let row = for_step(conn, who, id, expected).await?;
        if !matches!(row.status, AlertStatus::Active | AlertStatus::Expired) {
            return Err(Error::Conflict(format!(
                "only an active or expired alert is renewed (the alert is {})",
                row.status
            )));
        }
        if row.created_by == who.id || row.owner_id == who.id {
            return Err(Error::Refused(Duty::OwnAlert));
        }
        repo::step(
            conn,
            id,
            repo::Step {
                status: AlertStatus::Active,
                activated_by: Some(who.id),
                closed_by: None,
                closing_reason: None,
                valid_from: Some(day),
                valid_until: Some(input.valid_until),
            },
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("alert.renew")
                .object("alert", id)
                .details(json!({
                    "from": row.status,
                    "valid_until": { "old": row.valid_until, "new": input.valid_until },
                })),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        to_dto(conn, row).await
    })
    .await
}

/// Active alerts past their last day become `expired` (audited as one system event).
pub async fn expire(conn: &mut AsyncPgConnection) -> Result<usize> {
    let day = today();
    conn.transaction(async |conn| {
        let ids = repo::expire_due(conn, day).await?;
        if !ids.is_empty() {
            record(
                conn,
                &Actor::system(),
                Event::new("alert.expire").details(json!({ "alerts": ids })),
            )
            .await?;
        }
        Ok(ids.len())
    })
    .await
}

pub async fn to_dto(conn: &mut AsyncPgConnection, row: AlertRow) -> Result<AlertDto> {
    let labels = repo::subject_labels(conn, &[&row]).await?;
    let counts = repo::hit_counts(conn, &[row.id]).await?;
    let people: Vec<Uuid> = [
        Some(row.owner_id),
        Some(row.created_by),
        row.activated_by,
        row.closed_by,
    ]
    .into_iter()
    .flatten()
    .collect();
    let names = repo::user_names(conn, &people).await?;
    let units = repo::unit_names(conn, &[row.unit_id]).await?;
    Ok(AlertDto {
        id: row.id,
        subject_label: labels.get(&row.id).cloned().unwrap_or_default(),
        hits: counts.get(&row.id).cloned().unwrap_or_default(),
        owner: repo::named(&names, row.owner_id),
        unit: repo::named(&units, row.unit_id),
        created_by: repo::named(&names, row.created_by),
        activated_by: row.activated_by.map(|u| repo::named(&names, u)),
        closed_by: row.closed_by.map(|u| repo::named(&names, u)),
        reference: row.reference,
        status: row.status,
        subject_kind: row.subject_kind,
        person_id: row.person_id,
        company_id: row.company_id,
        conveyance_id: row.conveyance_id,
        identifier_kind: row.identifier_kind,
        identifier: row.identifier,
        reason: row.reason,
        risk_level: row.risk_level,
        requested_action: row.requested_action,
        handling_instructions: row.handling_instructions,
        valid_from: row.valid_from,
        valid_until: row.valid_until,
        activated_at: row.activated_at,
        closed_at: row.closed_at,
        closing_reason: row.closing_reason,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
    })
}
