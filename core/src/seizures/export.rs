//! `GET /seizures/export/{format}`: the cases a list shows with the same filters, as CSV or
//! XLSX, for an analyst's spreadsheet. Bounded: more matching cases than the administration's
//! limit is refused (narrow the filters) rather than cut silently. Audited like the list it
//! contains (`seizure.export`, with the filters and every id written).

use super::dto::{CaseQuery, CaseSummary};
use super::{read, service};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::error::{Error, Result};
use crate::export::{Cell, Table};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

const COLUMNS: [&str; 15] = [
    "reference",
    "kind",
    "status",
    "detected_at",
    "reporting_unit_id",
    "place",
    "location_type",
    "country",
    "direction",
    "detection_methods",
    "concealment_method",
    "commodity_groups",
    "commodity_types",
    "quantities",
    "route",
];

fn row(c: CaseSummary) -> Vec<Cell> {
    let types: Vec<String> = c
        .goods
        .iter()
        .map(|g| {
            g.commodity_type
                .clone()
                .unwrap_or_else(|| g.commodity_group.clone())
        })
        .collect();
    let quantities: Vec<String> = c
        .goods
        .iter()
        .map(|g| format!("{} {}", g.quantity, g.unit))
        .collect();
    vec![
        Cell::Text(c.reference),
        Cell::Text(c.kind.as_str().into()),
        Cell::Text(c.status.as_str().into()),
        Cell::Time(c.detected_at),
        Cell::Text(c.reporting_unit_id.to_string()),
        c.place.into(),
        c.location_type.into(),
        c.country.into(),
        c.direction.into(),
        Cell::Text(c.detection_methods.join("; ")),
        c.concealment_method.into(),
        Cell::Text(c.commodity_groups.join("; ")),
        Cell::Text(types.join("; ")),
        Cell::Text(quantities.join("; ")),
        Cell::Text(c.route.join(" > ")),
    ]
}

/// The matching cases, newest first, as a table; refused (`too_many_rows` on `limit`) beyond
/// `max_rows`.
pub async fn export(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    mut q: CaseQuery,
    max_rows: i64,
) -> Result<Table> {
    // the page size is the list's, not the export's: still held to its published range
    crate::common::page::limit(q.limit)?;
    q.cursor = None;
    let (filter, details) = service::prepare(conn, who, q, None, max_rows).await?;
    conn.transaction(async |conn| {
        let rows = read::list(conn, filter).await?;
        if i64::try_from(rows.len()).unwrap_or(i64::MAX) > max_rows {
            return Err(Error::validation(
                "limit",
                "too_many_rows",
                &format!("more than {max_rows} cases match: narrow the filters"),
            ));
        }
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        let mut details = details;
        if let Some(map) = details.as_object_mut() {
            map.insert("returned".into(), json!(ids));
        }
        record(conn, actor, Event::new("seizure.export").details(details)).await?;
        Ok(Table {
            name: "Seizures",
            columns: COLUMNS.to_vec(),
            rows: rows.into_iter().map(row).collect(),
        })
    })
    .await
}
