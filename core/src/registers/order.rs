//! How a register list is ordered and paged: by name (the register's sort key, A → Z) or by
//! last case (the detection time of the latest case that links the record, newest first,
//! records without a case last; `last_case_at`, kept by triggers, migration
//! 2026-12-02-000016). Both page on a keyset `(key, id)`; a cursor carries the key as text.

use crate::error::{Error, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use diesel::dsl::sql;
use diesel::expression::{BoxableExpression, SqlLiteral};
use diesel::pg::Pg;
use diesel::sql_types::{Bool, Nullable, Text, Timestamptz};
use uuid::Uuid;

crate::text_enum! {
    /// How a register list is ordered: `name` (A → Z; the identifier for conveyances),
    /// `last_case` (latest case first; records in no case last) or `relevance` (persons and
    /// companies with `q`: best match first by the matching engine, one page without a
    /// cursor; the default when `q` is given; conveyances read it as `name`).
    pub enum RegisterSort {
        Name = "name",
        LastCase = "last_case",
        Relevance = "relevance",
    }
}

/// A record as a list reads it: with the detection time of its latest case, and its keyset
/// position in the list's order.
pub struct Listed<D> {
    pub record: D,
    pub last_case_at: Option<DateTime<Utc>>,
    pub key: String,
}

/// Where the next page starts.
pub enum After {
    Name(String, Uuid),
    LastCase(Option<DateTime<Utc>>, Uuid),
}

/// The key text of a record without a case (sorts last).
const NO_CASE: &str = "-";

/// A row's keyset position as a cursor carries it.
pub fn key(sort: RegisterSort, name_key: &str, last_case_at: Option<DateTime<Utc>>) -> String {
    match sort {
        RegisterSort::Name | RegisterSort::Relevance => name_key.to_string(),
        RegisterSort::LastCase => last_case_at.map_or_else(
            || NO_CASE.to_string(),
            |t| t.to_rfc3339_opts(SecondsFormat::Micros, true),
        ),
    }
}

/// The position a decoded cursor names, read for `sort` (a cursor of another order is
/// refused as `cursor: invalid`).
pub fn after(sort: RegisterSort, cursor: Option<(String, Uuid)>) -> Result<Option<After>> {
    let Some((key, id)) = cursor else {
        return Ok(None);
    };
    Ok(Some(match sort {
        RegisterSort::Relevance => {
            return Err(Error::validation(
                "cursor",
                "invalid",
                "a list by relevance has one page",
            ))
        }
        RegisterSort::Name => After::Name(key, id),
        RegisterSort::LastCase if key == NO_CASE => After::LastCase(None, id),
        RegisterSort::LastCase => {
            let at = DateTime::parse_from_rfc3339(&key).map_err(|_| {
                Error::validation("cursor", "invalid", "is not a cursor returned by this list")
            })?;
            After::LastCase(Some(at.with_timezone(&Utc)), id)
        }
    }))
}

/// `ORDER BY` for the last-case order of `table` (served by its `*_last_case_idx`).
pub fn last_case_order(table: &str) -> SqlLiteral<Timestamptz> {
    sql(&format!(
        "coalesce({table}.last_case_at, '-infinity') DESC, {table}.id DESC"
    ))
}

/// A filter of a boxed query on a register table.
pub type Condition<QS> = Box<dyn BoxableExpression<QS, Pg, SqlType = Bool>>;

/// The rows after a last-case position, in `table`.
pub fn after_last_case<QS>(table: &str, at: Option<DateTime<Utc>>, id: Uuid) -> Condition<QS> {
    Box::new(
        sql::<Bool>(&format!(
            "(coalesce({table}.last_case_at, '-infinity'), {table}.id) < (coalesce("
        ))
        .bind::<Nullable<Timestamptz>, _>(at)
        .sql(", '-infinity'::timestamptz), ")
        .bind::<diesel::sql_types::Uuid, _>(id)
        .sql(")"),
    )
}

/// The rows after a name position, for a sort key column given as SQL (`persons.search_key`).
pub fn after_name<QS>(column: &str, table: &str, key: String, id: Uuid) -> Condition<QS> {
    Box::new(
        sql::<Bool>(&format!("({column}, {table}.id) > ("))
            .bind::<Text, _>(key)
            .sql(", ")
            .bind::<diesel::sql_types::Uuid, _>(id)
            .sql(")"),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn last_case_keys_round_trip_and_other_cursors_are_refused() {
        let t = DateTime::parse_from_rfc3339("2026-03-04T05:06:07.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        let id = Uuid::now_v7();
        let k = key(RegisterSort::LastCase, "ignored", Some(t));
        match after(RegisterSort::LastCase, Some((k, id))).unwrap() {
            Some(After::LastCase(Some(at), i)) => assert_eq!((at, i), (t, id)),
            _ => panic!("not a last-case position"),
        }
        let none = key(RegisterSort::LastCase, "x", None);
        assert!(matches!(
            after(RegisterSort::LastCase, Some((none, id))).unwrap(),
            Some(After::LastCase(None, _))
        ));
        assert!(after(RegisterSort::LastCase, Some(("DUPONT".into(), id))).is_err());
        assert_eq!(key(RegisterSort::Name, "DUPONT", Some(t)), "DUPONT");
    }
}
