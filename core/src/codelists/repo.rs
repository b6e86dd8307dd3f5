use super::dto::{CodeEntry, CodeListSummary};
use crate::db::schema::{codelist_entries, codelists};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::BTreeMap;

#[derive(Queryable, Selectable)]
#[diesel(table_name = codelists)]
pub struct ListRow {
    pub name: String,
    pub description: String,
    pub parent_list: Option<String>,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = codelist_entries)]
pub struct EntryRow {
    pub list_name: String,
    pub code: String,
    pub parent_code: Option<String>,
    pub labels: serde_json::Value,
    pub attributes: serde_json::Value,
    pub sort_order: i32,
    pub retired_at: Option<DateTime<Utc>>,
}

impl From<EntryRow> for CodeEntry {
    fn from(r: EntryRow) -> Self {
        let labels: BTreeMap<String, String> = serde_json::from_value(r.labels).unwrap_or_default();
        CodeEntry {
            code: r.code,
            parent_code: r.parent_code,
            labels,
            attributes: r.attributes,
            sort_order: r.sort_order,
            retired: r.retired_at.is_some(),
            retired_at: r.retired_at,
        }
    }
}

pub async fn summaries(conn: &mut AsyncPgConnection) -> QueryResult<Vec<CodeListSummary>> {
    let lists: Vec<ListRow> = codelists::table
        .select(ListRow::as_select())
        .order(codelists::name)
        .load(conn)
        .await?;
    let counts: Vec<(String, i64)> = codelist_entries::table
        .filter(codelist_entries::retired_at.is_null())
        .group_by(codelist_entries::list_name)
        .select((codelist_entries::list_name, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    let counts: BTreeMap<String, i64> = counts.into_iter().collect();
    Ok(lists
        .into_iter()
        .map(|l| CodeListSummary {
            entry_count: counts.get(&l.name).copied().unwrap_or(0),
            name: l.name,
            description: l.description,
            parent_list: l.parent_list,
        })
        .collect())
}

pub async fn find_list(conn: &mut AsyncPgConnection, name: &str) -> QueryResult<Option<ListRow>> {
    codelists::table
        .filter(codelists::name.eq(name))
        .select(ListRow::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn entries(
    conn: &mut AsyncPgConnection,
    list: &str,
    include_retired: bool,
) -> QueryResult<Vec<EntryRow>> {
    let mut q = codelist_entries::table
        .filter(codelist_entries::list_name.eq(list))
        .select(EntryRow::as_select())
        .into_boxed();
    if !include_retired {
        q = q.filter(codelist_entries::retired_at.is_null());
    }
    q.order((
        codelist_entries::sort_order.asc(),
        codelist_entries::code.asc(),
    ))
    .load(conn)
    .await
}

pub async fn find_entry(
    conn: &mut AsyncPgConnection,
    list: &str,
    code: &str,
) -> QueryResult<Option<EntryRow>> {
    codelist_entries::table
        .filter(codelist_entries::list_name.eq(list))
        .filter(codelist_entries::code.eq(code))
        .select(EntryRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// Whether `code` is a known entry of `list` — retired entries included, since they stay
/// valid on existing records. Domain modules use this to validate code-list fields.
pub async fn is_known(conn: &mut AsyncPgConnection, list: &str, code: &str) -> QueryResult<bool> {
    Ok(find_entry(conn, list, code).await?.is_some())
}

pub async fn insert(conn: &mut AsyncPgConnection, row: EntryRow) -> QueryResult<EntryRow> {
    diesel::insert_into(codelist_entries::table)
        .values(row)
        .returning(EntryRow::as_returning())
        .get_result(conn)
        .await
}

pub async fn next_sort_order(conn: &mut AsyncPgConnection, list: &str) -> QueryResult<i32> {
    let max: Option<i32> = codelist_entries::table
        .filter(codelist_entries::list_name.eq(list))
        .select(diesel::dsl::max(codelist_entries::sort_order))
        .first(conn)
        .await?;
    Ok(max.unwrap_or(0) + 10)
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    list: &str,
    code: &str,
    labels: Option<serde_json::Value>,
    retired_at: Option<Option<DateTime<Utc>>>,
    sort_order: Option<i32>,
) -> QueryResult<EntryRow> {
    #[derive(AsChangeset)]
    #[diesel(table_name = codelist_entries)]
    struct Changes {
        labels: Option<serde_json::Value>,
        retired_at: Option<Option<DateTime<Utc>>>,
        sort_order: Option<i32>,
    }
    let target = codelist_entries::table
        .filter(codelist_entries::list_name.eq(list))
        .filter(codelist_entries::code.eq(code));
    let changes = Changes {
        labels,
        retired_at,
        sort_order,
    };
    if changes.labels.is_none() && changes.retired_at.is_none() && changes.sort_order.is_none() {
        return target.select(EntryRow::as_select()).first(conn).await;
    }
    diesel::update(target)
        .set(changes)
        .returning(EntryRow::as_returning())
        .get_result(conn)
        .await
}

/// Checks list filters against their code lists: `(field, list, value)`; the first value not
/// in its list is `Error::Validation` at its field.
pub async fn require_known(
    conn: &mut AsyncPgConnection,
    filters: &[(&str, &str, Option<&str>)],
) -> crate::error::Result<()> {
    for (field, list, value) in filters {
        if let Some(code) = value {
            if !is_known(conn, list, code).await? {
                return Err(crate::error::Error::validation(
                    field,
                    "unknown_code",
                    &format!("is not in the {list} code list"),
                ));
            }
        }
    }
    Ok(())
}
