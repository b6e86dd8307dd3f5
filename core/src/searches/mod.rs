//! Saved searches that alert: an analyst keeps a seizure search (the list's filters and
//! text) as a rule; every case saved from then on that the search would show its owner is a
//! hit, and the owner is notified (`search_hit`) with the cases. Rules are checked by a
//! worker ([`worker`]) after the save, so a save costs one queue row whatever the number of
//! rules. A rule is its owner's; shared, the members of the owner's unit read it and its
//! hits. Everyone else is told it does not exist (404).

pub mod dto;
pub mod facets;
pub mod worker;

use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::db::schema::{saved_search_hits as h, saved_searches as s, users};
use crate::error::{Error, FieldError, Result};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use dto::{
    SavedSearchDto, SavedSearchInput, SavedSearchList, SavedSearchPatch, SearchHit, SearchHitList,
    SearchHitQuery, SeizureSearch,
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
    )
}

fn dto(who: &Principal, r: Row) -> SavedSearchDto {
    SavedSearchDto {
        id: r.0,
        owner_id: r.1,
        unit_id: r.2,
        name: r.3,
        query: serde_json::from_value(r.4).unwrap_or_default(),
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

/// Checks a rule's name and search as the seizure list checks its filters (field errors
/// under `query.`); returns the name trimmed.
async fn checked(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    name: Option<&str>,
    query: Option<&SeizureSearch>,
) -> Result<Option<String>> {
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
    if let Some(q) = query {
        match crate::seizures::service::prepare(conn, who, q.to_case_query(), None, 1).await {
            Ok(_) => {}
            Err(Error::Validation(e)) => errors.extend(e.into_iter().map(|mut f| {
                f.field = format!("query.{}", f.field);
                f
            })),
            Err(other) => return Err(other),
        }
    }
    if errors.is_empty() {
        Ok(name)
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
    let name = checked(conn, who, Some(&input.name), Some(&input.query))
        .await?
        .unwrap_or_default();
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
                s::query.eq(serde_json::to_value(&input.query)?),
                s::shared.eq(input.shared),
            ))
            .execute(c)
            .await?;
        record(
            c,
            actor,
            Event::new("saved_search.create")
                .object("saved_search", id)
                .details(json!({ "name": name, "query": input.query, "shared": input.shared })),
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
    let name = checked(conn, who, patch.name.as_deref(), patch.query.as_ref()).await?;
    conn.transaction::<_, Error, _>(async |c| {
        let query = match &patch.query {
            Some(q) => Some(serde_json::to_value(q)?),
            None => None,
        };
        let n = diesel::update(
            s::table
                .filter(s::id.eq(id))
                .filter(s::version.eq(expected)),
        )
        .set((
            name.as_ref().map(|n| s::name.eq(n.clone())),
            query.map(|q| s::query.eq(q)),
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
            Event::new("saved_search.update").object("saved_search", id).details(json!({
                "name": name, "query": patch.query, "shared": patch.shared, "active": patch.active,
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
    readable(conn, who, id).await?;
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
                    case: cases.swap_remove(i),
                });
            }
        }
        let shown: Vec<Uuid> = items.iter().map(|i| i.case.id).collect();
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
