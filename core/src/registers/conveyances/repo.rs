use super::dto::{ConveyanceDto, ConveyanceInput};
use crate::common::check::escape_like;
use crate::db::schema::conveyances;
use crate::error::Error;
use crate::registers::order::{self, After, Listed, RegisterSort};
use crate::registers::NewRecord;
use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = conveyances)]
pub struct ConveyanceRow {
    pub id: Uuid,
    pub conveyance_type: String,
    pub identifier_kind: String,
    pub identifier: String,
    pub identifier_norm: String,
    pub country: Option<String>,
    pub name: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub notes: Option<String>,
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = conveyances, treat_none_as_null = true)]
struct ConveyanceValues {
    conveyance_type: String,
    identifier_kind: String,
    identifier: String,
    identifier_norm: String,
    country: Option<String>,
    name: Option<String>,
    make: Option<String>,
    model: Option<String>,
    notes: Option<String>,
}

impl ConveyanceValues {
    fn from(c: &ConveyanceInput, norm: &str) -> Self {
        ConveyanceValues {
            conveyance_type: c.conveyance_type.clone().unwrap_or_default(),
            identifier_kind: c.identifier_kind.clone().unwrap_or_default(),
            identifier: c.identifier.clone().unwrap_or_default(),
            identifier_norm: norm.to_string(),
            country: c.country.clone(),
            name: c.name.clone(),
            make: c.make.clone(),
            model: c.model.clone(),
            notes: c.notes.clone(),
        }
    }
}

pub fn to_dto(r: ConveyanceRow) -> ConveyanceDto {
    ConveyanceDto {
        id: r.id,
        fields: ConveyanceInput {
            conveyance_type: Some(r.conveyance_type),
            identifier_kind: Some(r.identifier_kind),
            identifier: Some(r.identifier),
            country: r.country,
            name: r.name,
            make: r.make,
            model: r.model,
            notes: r.notes,
        },
        identifier_norm: r.identifier_norm,
        version: r.version,
        created_by: r.created_by,
        created_at: r.created_at,
        updated_by: r.updated_by,
        updated_at: r.updated_at,
    }
}

fn duplicate(e: diesel::result::Error) -> Error {
    match Error::from(e) {
        Error::Conflict(_) => Error::Conflict(
            "a conveyance with this identifier (and country) is already registered; link that record instead".into(),
        ),
        other => other,
    }
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    c: &ConveyanceInput,
    norm: &str,
    actor: Uuid,
    last_case: Option<DateTime<Utc>>,
) -> Result<(), Error> {
    diesel::insert_into(conveyances::table)
        .values((
            conveyances::id.eq(id),
            ConveyanceValues::from(c, norm),
            conveyances::created_by.eq(actor),
            conveyances::updated_by.eq(actor),
            conveyances::last_case_at.eq(last_case),
        ))
        .execute(conn)
        .await
        .map_err(duplicate)?;
    Ok(())
}

/// Creates records with one statement (per 1 000).
pub async fn insert_many(
    conn: &mut AsyncPgConnection,
    rows: &[NewRecord<(ConveyanceInput, String)>],
) -> Result<(), Error> {
    for chunk in rows.chunks(1000) {
        let values: Vec<_> = chunk
            .iter()
            .map(|r| {
                let (c, norm) = &r.clean;
                (
                    conveyances::id.eq(r.id),
                    ConveyanceValues::from(c, norm),
                    conveyances::created_by.eq(r.by),
                    conveyances::updated_by.eq(r.by),
                    conveyances::last_case_at.eq(r.last_case),
                )
            })
            .collect();
        diesel::insert_into(conveyances::table)
            .values(values)
            .execute(conn)
            .await
            .map_err(duplicate)?;
    }
    Ok(())
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    c: &ConveyanceInput,
    norm: &str,
    actor: Uuid,
) -> Result<(), Error> {
    let n = diesel::update(
        conveyances::table
            .filter(conveyances::id.eq(id))
            .filter(conveyances::version.eq(expected)),
    )
    .set((
        ConveyanceValues::from(c, norm),
        conveyances::version.eq(conveyances::version + 1),
        conveyances::updated_at.eq(Utc::now()),
        conveyances::updated_by.eq(actor),
    ))
    .execute(conn)
    .await
    .map_err(duplicate)?;
    if n == 0 {
        return Err(Error::StaleVersion);
    }
    // A changed type changes the `conveyance_types` filter copy of every linked case: the
    // trigger `conveyance_type_changed` (migration 2026-12-02-000001) rewrites it.
    Ok(())
}

/// Conveyances in the order of `ids` (one query).
pub async fn load_many(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<ConveyanceDto>> {
    let rows: Vec<ConveyanceRow> = conveyances::table
        .filter(conveyances::id.eq_any(ids))
        .select(ConveyanceRow::as_select())
        .load(conn)
        .await?;
    let mut by_id: HashMap<Uuid, ConveyanceRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(to_dto)
        .collect())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<ConveyanceDto, Error> {
    load_many(conn, &[id]).await?.pop().ok_or(Error::NotFound)
}

pub async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    conveyances::table
        .filter(conveyances::id.eq_any(ids))
        .select(conveyances::id)
        .load(conn)
        .await
}

pub struct Filter {
    pub q: Option<String>,
    pub conveyance_type: Option<String>,
    pub identifier_kind: Option<String>,
    pub country: Option<String>,
    pub sort: RegisterSort,
    pub after: Option<After>,
    pub limit: i64,
    /// Only these records (the saved-search worker's batch).
    pub ids: Option<Vec<Uuid>>,
}

/// One page in the chosen order; each conveyance with its last case and keyset position.
pub async fn list(
    conn: &mut AsyncPgConnection,
    f: Filter,
) -> QueryResult<Vec<Listed<ConveyanceDto>>> {
    let mut query = conveyances::table
        .select((ConveyanceRow::as_select(), conveyances::last_case_at))
        .into_boxed();
    if let Some(ids) = f.ids {
        query = query.filter(conveyances::id.eq_any(ids));
    }
    if let Some(q) = f.q {
        let prefix = format!("{}%", escape_like(&crate::identifiers::normalise(&q)));
        query = query.filter(
            conveyances::identifier_norm.like(prefix).or(sql::<Bool>(
                "ncen_fold(coalesce(conveyances.name, '')) LIKE '%' || ncen_fold(",
            )
            .bind::<Text, _>(escape_like(q.trim()))
            .sql(") || '%'")),
        );
    }
    if let Some(t) = f.conveyance_type {
        query = query.filter(conveyances::conveyance_type.eq(t));
    }
    if let Some(k) = f.identifier_kind {
        query = query.filter(conveyances::identifier_kind.eq(k));
    }
    if let Some(c) = f.country {
        query = query.filter(conveyances::country.eq(c));
    }
    query = match f.after {
        Some(After::Name(key, id)) => query.filter(order::after_name(
            "conveyances.identifier_norm",
            "conveyances",
            key,
            id,
        )),
        Some(After::LastCase(at, id)) => {
            query.filter(order::after_last_case("conveyances", at, id))
        }
        None => query,
    };
    query = match f.sort {
        RegisterSort::Name | RegisterSort::Relevance => {
            query.order((conveyances::identifier_norm.asc(), conveyances::id.asc()))
        }
        RegisterSort::LastCase => query.order(order::last_case_order("conveyances")),
    };
    let rows: Vec<(ConveyanceRow, Option<DateTime<Utc>>)> =
        query.limit(f.limit + 1).load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(r, at)| Listed {
            key: order::key(f.sort, &r.identifier_norm, at),
            last_case_at: at,
            record: to_dto(r),
        })
        .collect())
}
