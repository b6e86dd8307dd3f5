//! Saved searches that alert: an analyst keeps a seizure search, or a person, company or
//! conveyance search (the list's filters and text), as a rule; every case saved (or record
//! registered or corrected) from then on that the search would show its owner is a hit, and
//! the owner is notified (`search_hit`) with the cases or records. Rules are checked by a
//! worker ([`worker`]) after the save, so a save costs one queue row whatever the number of
//! rules. A rule is its owner's; shared, the members of the owner's unit read it and its
//! hits. Everyone else is told it does not exist (404).

pub mod dto;
pub mod facets;
pub mod worker;

use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::db::schema::{
    saved_search_hits as h, saved_search_record_hits as rh, saved_searches as s, users,
};
use crate::error::{Error, FieldError, Result};
use crate::registers::{order::RegisterSort, Register, SearchStart};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use dto::{
    CompanySearch, ConveyanceSearch, HitRecord, PersonSearch, SavedSearchDto, SavedSearchInput,
    SavedSearchList, SavedSearchPatch, SearchHit, SearchHitList, SearchHitQuery, SearchTarget,
    SeizureSearch,
};
use serde_json::json;
use uuid::Uuid;

/// Rules a user may own.
pub const MAX_PER_USER: i64 = 200;

type Row = (
    Uuid,
    Uuid,
    Uuid,
    String,
    serde_json::Value,
    bool,
    bool,
    i32,
    Option<DateTime<Utc>>,
    i32,
    DateTime<Utc>,
    DateTime<Utc>,
    String,
    String,
);

/// The columns of a rule and its owner's name, as [`Row`] reads them.
type Columns = (
    s::id,
    s::owner_id,
    s::unit_id,
    s::name,
    s::query,
    s::shared,
    s::active,
    s::hits,
    s::last_hit_at,
    s::version,
    s::created_at,
    s::updated_at,
    users::display_name,
    s::target,
);

fn columns() -> Columns {
    (
        s::id,
        s::owner_id,
        s::unit_id,
        s::name,
        s::query,
        s::shared,
        s::active,
        s::hits,
        s::last_hit_at,
        s::version,
        s::created_at,
        s::updated_at,
        users::display_name,
        s::target,
    )
}

fn dto(who: &Principal, r: Row) -> SavedSearchDto {
    SavedSearchDto {
        id: r.0,
        owner_id: r.1,
        unit_id: r.2,
        name: r.3,
        query: r.4,
        target: SearchTarget::parse(&r.13).unwrap_or_default(),
        shared: r.5,
        active: r.6,
        hits: r.7,
        last_hit_at: r.8,
        version: r.9,
        created_at: r.10,
        updated_at: r.11,
        owner_name: r.12,
        mine: r.1 == who.id,
    }
}

/// The rule if the caller may read it (owner, or a member of its unit when shared).
async fn readable(conn: &mut AsyncPgConnection, who: &Principal, id: Uuid) -> Result<Row> {
    let row: Option<Row> = s::table
        .inner_join(users::table.on(users::id.eq(s::owner_id)))
        .filter(s::id.eq(id))
        .select(columns())
        .first(conn)
        .await
        .optional()?;
    match row {
        Some(r) if r.1 == who.id || (r.5 && r.2 == who.unit_id) => Ok(r),
        _ => Err(Error::NotFound),
    }
}

/// The permission a rule over `target` needs: the list's own.
fn permission(target: SearchTarget) -> Permission {
    match target {
        SearchTarget::Seizures => Permission::SeizuresRead,
        _ => Permission::RegistersRead,
    }
}

/// A rule's filters read as its target's (`not_for_target` when they are another list's).
fn parsed<T: serde::de::DeserializeOwned>(query: &serde_json::Value) -> Result<T> {
    serde_json::from_value(query.clone())
        .map_err(|e| Error::validation("query", "not_for_target", &e.to_string()))
}

/// The start of a register search a rule runs: its text, by relevance when there is text
/// (as the list orders it by default), else by name.
fn start(q: Option<String>, limit: i64) -> Result<SearchStart> {
    let text = crate::common::check::search_text(q)?;
    let sort = if text.is_some() {
        RegisterSort::Relevance
    } else {
        RegisterSort::Name
    };
    Ok(SearchStart {
        text,
        sort,
        after: None,
        limit,
    })
}

/// A register rule's filters read as its register's and checked as its list checks them;
/// returns them as stored.
async fn register_filters<S: dto::RegisterSearch>(
    conn: &mut AsyncPgConnection,
    query: &serde_json::Value,
) -> Result<serde_json::Value> {
    let search: S = parsed(query)?;
    S::Register::filter(conn, search.to_list_query(), start(search.text(), 1)?, 1.0).await?;
    Ok(serde_json::to_value(search)?)
}

/// Checks a rule's name and search as the target's list checks its filters (field errors
/// under `query.`); returns the name trimmed and the filters as stored (read as the target's).
async fn checked(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    name: Option<&str>,
    target: SearchTarget,
    query: Option<&serde_json::Value>,
) -> Result<(Option<String>, Option<serde_json::Value>)> {
    who.require(permission(target))?;
    let mut errors: Vec<FieldError> = Vec::new();
    let name = name.map(str::trim).map(str::to_string);
    if let Some(n) = &name {
        if n.is_empty() || n.chars().count() > 200 {
            errors.push(FieldError::new(
                "name",
                "length",
                "from 1 to 200 characters",
            ));
        }
    }
    let mut stored = None;
    if let Some(q) = query {
        let outcome: Result<serde_json::Value> = async {
            Ok(match target {
                SearchTarget::Seizures => {
                    let q: SeizureSearch = parsed(q)?;
                    crate::seizures::service::prepare(conn, who, q.to_case_query(), None, 1)
                        .await?;
                    serde_json::to_value(q)?
                }
                SearchTarget::Persons => register_filters::<PersonSearch>(conn, q).await?,
                SearchTarget::Companies => register_filters::<CompanySearch>(conn, q).await?,
                SearchTarget::Conveyances => register_filters::<ConveyanceSearch>(conn, q).await?,
            })
        }
        .await;
        match outcome {
            Ok(v) => stored = Some(v),
            Err(Error::Validation(e)) => errors.extend(e.into_iter().map(|mut f| {
                f.field = if f.field == "query" {
                    f.field
                } else {
                    format!("query.{}", f.field)
                };
                f
            })),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() {
        Ok((name, stored))
    } else {
        Err(Error::Validation(errors))
    }
}

pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    input: SavedSearchInput,
) -> Result<SavedSearchDto> {
    who.require(Permission::SeizuresRead)?;
    let (name, query) = checked(
        conn,
        who,
        Some(&input.name),
        input.target,
        Some(&input.query),
    )
    .await?;
    let name = name.unwrap_or_default();
    let query = query.unwrap_or_else(|| serde_json::json!({}));
    let id = Uuid::now_v7();
    conn.transaction::<_, Error, _>(async |c| {
        let owned: i64 = s::table
            .filter(s::owner_id.eq(who.id))
            .count()
            .get_result(c)
            .await?;
        if owned >= MAX_PER_USER {
            return Err(Error::Conflict(format!(
                "at most {MAX_PER_USER} saved searches each: delete one first"
            )));
        }
        diesel::insert_into(s::table)
            .values((
                s::id.eq(id),
                s::owner_id.eq(who.id),
                s::unit_id.eq(who.unit_id),
                s::name.eq(&name),
                s::target.eq(input.target.as_str()),
                s::query.eq(&query),
                s::shared.eq(input.shared),
            ))
            .execute(c)
            .await?;
        record(
            c,
            actor,
            Event::new("saved_search.create")
                .object("saved_search", id)
                .details(json!({
                    "name": name, "target": input.target, "query": query, "shared": input.shared,
                })),
        )
        .await?;
        Ok(dto(who, readable(c, who, id).await?))
    })
    .await
}

pub async fn list(conn: &mut AsyncPgConnection, who: &Principal) -> Result<SavedSearchList> {
    let rows: Vec<Row> = s::table
        .inner_join(users::table.on(users::id.eq(s::owner_id)))
        .filter(
            s::owner_id
                .eq(who.id)
                .or(s::shared.eq(true).and(s::unit_id.eq(who.unit_id))),
        )
        .order((s::name.asc(), s::id.asc()))
        .select(columns())
        .load(conn)
        .await?;
    let mut items: Vec<SavedSearchDto> = rows.into_iter().map(|r| dto(who, r)).collect();
    items.sort_by_key(|d| !d.mine);
    Ok(SavedSearchList { items })
}

pub async fn get(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
) -> Result<SavedSearchDto> {
    Ok(dto(who, readable(conn, who, id).await?))
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    patch: SavedSearchPatch,
) -> Result<SavedSearchDto> {
    let current = readable(conn, who, id).await?;
    if current.1 != who.id {
        return Err(Error::Forbidden);
    }
    let target = SearchTarget::parse(&current.13).unwrap_or_default();
    let (name, query) = checked(
        conn,
        who,
        patch.name.as_deref(),
        target,
        patch.query.as_ref(),
    )
    .await?;
    conn.transaction::<_, Error, _>(async |c| {
        let n = diesel::update(
            s::table
                .filter(s::id.eq(id))
                .filter(s::version.eq(expected)),
        )
        .set((
            name.as_ref().map(|n| s::name.eq(n.clone())),
            query.clone().map(|q| s::query.eq(q)),
            patch.shared.map(|v| s::shared.eq(v)),
            patch.active.map(|v| s::active.eq(v)),
            s::version.eq(s::version + 1),
            s::updated_at.eq(diesel::dsl::now),
        ))
        .execute(c)
        .await?;
        if n == 0 {
            return Err(Error::StaleVersion);
        }
        record(
            c,
            actor,
            Event::new("saved_search.update")
                .object("saved_search", id)
                .details(json!({
                    "name": name, "query": query, "shared": patch.shared, "active": patch.active,
                })),
        )
        .await?;
        Ok(dto(who, readable(c, who, id).await?))
    })
    .await
}

pub async fn delete(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<()> {
    let current = readable(conn, who, id).await?;
    if current.1 != who.id {
        return Err(Error::Forbidden);
    }
    conn.transaction::<_, Error, _>(async |c| {
        diesel::delete(s::table.filter(s::id.eq(id)))
            .execute(c)
            .await?;
        record(
            c,
            actor,
            Event::new("saved_search.delete")
                .object("saved_search", id)
                .details(json!({ "name": current.3 })),
        )
        .await?;
        Ok(())
    })
    .await
}

/// The cases that matched the rule, latest first, as the caller may see them now (a case
/// that became a draft of another unit meanwhile is left out). Audited with the ids shown.
pub async fn hits(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    q: SearchHitQuery,
) -> Result<SearchHitList> {
    let limit = crate::common::page::limit(q.limit)?;
    let rule = readable(conn, who, id).await?;
    let target = SearchTarget::parse(&rule.13).unwrap_or_default();
    if target != SearchTarget::Seizures {
        return record_hits(conn, who, actor, id, target, limit).await;
    }
    conn.transaction::<_, Error, _>(async |c| {
        let total: i64 = h::table
            .filter(h::search_id.eq(id))
            .count()
            .get_result(c)
            .await?;
        let rows: Vec<(Uuid, DateTime<Utc>)> = h::table
            .filter(h::search_id.eq(id))
            .order((h::matched_at.desc(), h::case_id.asc()))
            .limit(limit)
            .select((h::case_id, h::matched_at))
            .load(c)
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
        let filter = crate::seizures::read::Filter {
            among: Some(ids.clone()),
            viewer: crate::seizures::read::Viewer {
                unit_id: who.unit_id,
                drafts: crate::seizures::sees_drafts_of_own_unit(who),
            },
            limit: limit + 1,
            ..Default::default()
        };
        let mut cases = crate::seizures::read::list(c, filter).await?;
        let mut items = Vec::with_capacity(rows.len());
        for (case_id, matched_at) in rows {
            if let Some(i) = cases.iter().position(|s| s.id == case_id) {
                items.push(SearchHit {
                    matched_at,
                    case: Some(cases.swap_remove(i)),
                    record: None,
                });
            }
        }
        let shown: Vec<Uuid> = items
            .iter()
            .filter_map(|i| i.case.as_ref().map(|c| c.id))
            .collect();
        record(
            c,
            actor,
            Event::new("saved_search.hits_read")
                .object("saved_search", id)
                .details(json!({ "returned": shown })),
        )
        .await?;
        Ok(SearchHitList { items, total })
    })
    .await
}

/// The register records that matched a rule, latest first, each with its label (the
/// registers are read by every holder of the register permission: no need-to-know beyond
/// it). Audited with the ids shown.
async fn record_hits(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    target: SearchTarget,
    limit: i64,
) -> Result<SearchHitList> {
    who.require(permission(target))?;
    conn.transaction::<_, Error, _>(async |c| {
        let total: i64 = rh::table
            .filter(rh::search_id.eq(id))
            .count()
            .get_result(c)
            .await?;
        let rows: Vec<(Uuid, DateTime<Utc>)> = rh::table
            .filter(rh::search_id.eq(id))
            .order((rh::matched_at.desc(), rh::record_id.asc()))
            .limit(limit)
            .select((rh::record_id, rh::matched_at))
            .load(c)
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
        let labels = record_labels(c, target, &ids).await?;
        let items: Vec<SearchHit> = rows
            .into_iter()
            .filter_map(|(record_id, matched_at)| {
                labels.get(&record_id).map(|label| SearchHit {
                    matched_at,
                    case: None,
                    record: Some(HitRecord {
                        target,
                        id: record_id,
                        label: label.clone(),
                    }),
                })
            })
            .collect();
        let shown: Vec<Uuid> = items
            .iter()
            .filter_map(|i| i.record.as_ref().map(|r| r.id))
            .collect();
        record(
            c,
            actor,
            Event::new("saved_search.hits_read")
                .object("saved_search", id)
                .details(json!({ "target": target, "returned": shown })),
        )
        .await?;
        Ok(SearchHitList { items, total })
    })
    .await
}

/// How lists show these records of `target` (`registers::labels`).
pub(crate) async fn record_labels(
    conn: &mut AsyncPgConnection,
    target: SearchTarget,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>> {
    let none: &[Uuid] = &[];
    let (p, c, v) = match target {
        SearchTarget::Persons => (ids, none, none),
        SearchTarget::Companies => (none, ids, none),
        SearchTarget::Conveyances => (none, none, ids),
        SearchTarget::Seizures => (none, none, none),
    };
    crate::registers::labels::labels(conn, p, c, v).await
}
