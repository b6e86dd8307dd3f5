use super::model::{NewUnit, UnitChanges, UnitRow};
use crate::db::schema::{codelist_entries, units};
use crate::error::Error;
use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<UnitRow>> {
    units::table
        .select(UnitRow::as_select())
        .order((units::name.asc(), units::id.asc()))
        .load(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<UnitRow>> {
    units::table
        .filter(units::id.eq(id))
        .select(UnitRow::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert(conn: &mut AsyncPgConnection, new: NewUnit) -> QueryResult<UnitRow> {
    diesel::insert_into(units::table)
        .values(new)
        .returning(UnitRow::as_returning())
        .get_result(conn)
        .await
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    changes: UnitChanges,
) -> Result<UnitRow, Error> {
    let updated = diesel::update(
        units::table
            .filter(units::id.eq(id))
            .filter(units::version.eq(expected)),
    )
    .set((
        changes,
        units::version.eq(units::version + 1),
        units::updated_at.eq(Utc::now()),
    ))
    .returning(UnitRow::as_returning())
    .get_result(conn)
    .await
    .optional()?;
    match updated {
        Some(row) => Ok(row),
        None if find(conn, id).await?.is_some() => Err(Error::StaleVersion),
        None => Err(Error::NotFound),
    }
}

#[derive(QueryableByName)]
struct Flag {
    #[diesel(sql_type = Bool)]
    flag: bool,
}

/// Whether `candidate` is `unit` itself or one of its descendants (moving there would
/// make a cycle).
pub async fn is_self_or_descendant(
    conn: &mut AsyncPgConnection,
    unit: Uuid,
    candidate: Uuid,
) -> QueryResult<bool> {
    let row: Flag = diesel::sql_query(
        "WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = $1 \
         UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) \
         SELECT EXISTS (SELECT 1 FROM sub WHERE id = $2) AS flag",
    )
    .bind::<SqlUuid, _>(unit)
    .bind::<SqlUuid, _>(candidate)
    .get_result(conn)
    .await?;
    Ok(row.flag)
}

pub async fn location_type_exists(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<bool> {
    let n: i64 = codelist_entries::table
        .filter(codelist_entries::list_name.eq("location_types"))
        .filter(codelist_entries::code.eq(code))
        .count()
        .get_result(conn)
        .await?;
    Ok(n > 0)
}
