//! The seizure database's operations: each checks what it takes, runs in one transaction,
//! writes the case's history and its audit row, and returns the case as clients see it.
//! Handlers (`ncen-api`) only extract, call one of these and respond.

use super::check;
use super::dto::{CaseDto, CaseInput, CasePage, CaseQuery, HistoryEntry, HistoryList};
use super::read;
use super::repo::{self, Change, NewCase};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::common::{check::search_text, page, patch};
use crate::error::{Error, FieldError, Result};
use chrono::{DateTime, Datelike, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

fn input_json(input: &CaseInput) -> Result<serde_json::Value> {
    serde_json::to_value(input).map_err(Error::internal)
}

/// Names of the fields a change touched (for the audit row, which copies no values).
fn field_names(changes: &serde_json::Value) -> Vec<String> {
    changes
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Records a case as a draft of the caller's unit, with a reference `<country>-<year>-<n>`.
pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    country: &str,
    input: CaseInput,
) -> Result<CaseDto> {
    who.require(Permission::SeizuresWrite)?;
    let plan = check::check(conn, input).await?;
    conn.transaction(async |conn| {
        let owner = Owner {
            country,
            unit_id: who.unit_id,
            user_id: who.id,
        };
        let loaded = insert_planned(conn, actor, owner, plan, json!({})).await?;
        read::to_dto(conn, loaded).await
    })
    .await
}

/// Whose a new case is: the unit and officer reporting it, and the country its reference
/// names.
pub struct Owner<'a> {
    pub country: &'a str,
    pub unit_id: Uuid,
    pub user_id: Uuid,
}

/// Writes a checked case as a draft of `owner`'s unit with a new reference, its history and
/// its audit row (`details` adds to it: an import names itself), in the caller's transaction.
pub async fn insert_planned(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    owner: Owner<'_>,
    plan: check::Plan,
    details: serde_json::Value,
) -> Result<read::Loaded> {
    let id = Uuid::now_v7();
    let reference = repo::next_reference(conn, owner.country, Utc::now().year()).await?;
    let new = NewCase {
        id,
        reference: &reference,
        unit_id: owner.unit_id,
        user_id: owner.user_id,
    };
    let loaded = repo::insert(conn, new, plan, actor).await?;
    let changes = patch::diff(&json!({}), &input_json(&loaded.input())?);
    let change = Change {
        case_id: id,
        version: 1,
        action: "create",
        reason: None,
        changes,
    };
    repo::add_history(conn, actor, change).await?;
    let mut details = details;
    if let Some(map) = details.as_object_mut() {
        map.insert("reference".into(), json!(reference));
    }
    let event = Event::new("seizure.create")
        .object("seizure", id)
        .details(details);
    record(conn, actor, event).await?;
    Ok(loaded)
}

/// As `insert_planned`, for a case written with others (`repo::Batch`): its new register
/// records are created now, the case with its reference, history and audit row (`details`
/// adds to it) when the batch is written. The case as it will be stored, reference aside.
pub async fn stage_planned(
    conn: &mut AsyncPgConnection,
    batch: &mut repo::Batch,
    owner: Owner<'_>,
    plan: check::Plan,
    details: serde_json::Value,
) -> Result<read::Loaded> {
    let new = NewCase {
        id: Uuid::now_v7(),
        reference: "",
        unit_id: owner.unit_id,
        user_id: owner.user_id,
    };
    let loaded = batch.stage(conn, new, plan).await?;
    let changes = patch::diff(&json!({}), &input_json(&loaded.input())?);
    batch.note(changes, details);
    Ok(loaded)
}

/// Applies a JSON merge patch of `CaseInput` to a case whose version is `expected`.
pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    body: &serde_json::Value,
) -> Result<CaseDto> {
    who.require(Permission::SeizuresWrite)?;
    if !body.is_object() {
        return Err(Error::BadRequest("the body must be a JSON object".into()));
    }
    conn.transaction(async |conn| {
        let loaded = read::load(conn, id).await?;
        super::require_editable(who, &loaded.case)?;
        if loaded.case.version != expected {
            return Err(Error::StaleVersion);
        }
        let mut merged = input_json(&loaded.input())?;
        patch::apply(&mut merged, body);
        let plan = check::check(conn, patch::from_json(merged)?).await?;
        let loaded = update_planned(conn, actor, &loaded, plan, who.id, json!({})).await?;
        read::to_dto(conn, loaded).await
    })
    .await
}

/// Saves a checked new state of the case `loaded` holds (at its version; 412 if it moved
/// since), with its history and audit row (`details` adds to it), in the caller's transaction.
pub async fn update_planned(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    loaded: &read::Loaded,
    plan: check::Plan,
    user_id: Uuid,
    details: serde_json::Value,
) -> Result<read::Loaded> {
    let id = loaded.case.id;
    let old = input_json(&loaded.input())?;
    let loaded = repo::update(conn, id, loaded.case.version, plan, user_id, actor).await?;
    let changes = patch::diff(&old, &input_json(&loaded.input())?);
    let fields = field_names(&changes);
    let change = Change {
        case_id: id,
        version: loaded.case.version,
        action: "update",
        reason: None,
        changes,
    };
    repo::add_history(conn, actor, change).await?;
    let mut details = details;
    if let Some(map) = details.as_object_mut() {
        map.insert("fields".into(), json!(fields));
    }
    let event = Event::new("seizure.update")
        .object("seizure", id)
        .details(details);
    record(conn, actor, event).await?;
    Ok(loaded)
}

/// The checked filters of a case query (unknown codes, an empty period, a bad search text:
/// field errors) and their description for the audit row.
pub(crate) async fn prepare(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    q: CaseQuery,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<(read::Filter, serde_json::Value)> {
    who.require(Permission::SeizuresRead)?;
    let mut errors: Vec<FieldError> = Vec::new();
    for (field, list, value) in [
        ("commodity_group", "commodity_groups", &q.commodity_group),
        ("commodity_type", "commodity_types", &q.commodity_type),
        ("detection_method", "detection_methods", &q.detection_method),
        (
            "concealment_method",
            "concealment_methods",
            &q.concealment_method,
        ),
        ("location_type", "location_types", &q.location_type),
        ("direction", "directions", &q.direction),
        ("route_country", "countries", &q.route_country),
        ("conveyance_type", "conveyance_types", &q.conveyance_type),
    ] {
        if let Some(code) = value {
            if !crate::codelists::repo::is_known(conn, list, code).await? {
                let message = format!("is not in the {list} code list");
                errors.push(FieldError::new(field, "unknown_code", message));
            }
        }
    }
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to <= from {
            errors.push(FieldError::new("to", "order", "must be after from"));
        }
    }
    let text = match search_text(q.q.clone()) {
        Ok(text) => text,
        Err(Error::Validation(mut e)) => {
            errors.append(&mut e);
            None
        }
        Err(other) => return Err(other),
    };
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let details = json!({
        "from": q.from, "to": q.to, "kind": q.kind, "status": q.status, "unit_id": q.unit_id,
        "commodity_group": q.commodity_group, "commodity_type": q.commodity_type,
        "detection_method": q.detection_method, "concealment_method": q.concealment_method,
        "location_type": q.location_type, "direction": q.direction, "route_country": q.route_country,
        "conveyance_type": q.conveyance_type, "person_id": q.person_id, "company_id": q.company_id,
        "conveyance_id": q.conveyance_id, "q": text,
    });
    let filter = filter_of(who, q, text, after, limit);
    Ok((filter, details))
}

/// The repository's filter of a case query already checked (`prepare`; a saved search's
/// rule, checked when it was saved), as `who` lists cases.
pub(crate) fn filter_of(
    who: &Principal,
    q: CaseQuery,
    text: Option<String>,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> read::Filter {
    read::Filter {
        from: q.from,
        to: q.to,
        kind: q.kind,
        status: q.status,
        unit_id: q.unit_id,
        commodity_group: q.commodity_group,
        commodity_type: q.commodity_type,
        detection_method: q.detection_method,
        concealment_method: q.concealment_method,
        location_type: q.location_type,
        direction: q.direction,
        route_country: q.route_country,
        conveyance_type: q.conveyance_type,
        person_id: q.person_id,
        company_id: q.company_id,
        conveyance_id: q.conveyance_id,
        q: text,
        among: None,
        viewer: read::Viewer {
            unit_id: who.unit_id,
            drafts: super::sees_drafts_of_own_unit(who),
        },
        order: q.order.unwrap_or_default(),
        after,
        limit,
    }
}

/// One page of cases, filtered; the search and the ids returned are audited.
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    q: CaseQuery,
) -> Result<CasePage> {
    let limit = page::limit(q.limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    let (filter, details) = prepare(conn, who, q, after, limit).await?;
    let first_page = after.is_none();
    let (rows, counted) = conn
        .transaction(async |conn| {
            let counted = if first_page {
                Some(read::count(conn, &filter).await?)
            } else {
                None
            };
            let rows = read::list(conn, filter).await?;
            let ids: Vec<Uuid> = rows.iter().take(limit as usize).map(|c| c.id).collect();
            let mut details = details;
            if let Some(map) = details.as_object_mut() {
                map.insert("returned".into(), json!(ids));
            }
            record(conn, actor, Event::new("seizure.list").details(details)).await?;
            Ok::<_, Error>((rows, counted))
        })
        .await?;
    let (items, next_cursor) = page::cut(rows, limit, |c| (c.detected_at, c.id));
    Ok(CasePage {
        items,
        next_cursor,
        total: counted.map(|n| n.min(read::COUNT_CAP)),
        total_exact: counted.is_some_and(|n| n <= read::COUNT_CAP),
    })
}

/// Every change to the case, oldest first; reading it is audited.
pub async fn history(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<HistoryList> {
    who.require(Permission::SeizuresRead)?;
    let rows = conn
        .transaction(async |conn| {
            let case = read::find_row(conn, id).await?;
            super::require_visible(who, &case)?;
            let rows = super::history::list(conn, id).await?;
            record(
                conn,
                actor,
                Event::new("seizure.history_read").object("seizure", id),
            )
            .await?;
            Ok::<_, Error>(rows)
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|r| HistoryEntry {
            id: r.id,
            version: r.version,
            action: r.action,
            actor_id: r.actor_id,
            actor_username: r.actor_username,
            at: r.at,
            reason: r.reason,
            changes: r.changes,
            record: r.record.and_then(|v| serde_json::from_value(v).ok()),
        })
        .collect();
    Ok(HistoryList { items })
}
