//! The CEN export: batches of validated seizures in non-nominal form for the WCO's global
//! CEN database (format and code mapping: `docs/cen-export.md`).
//!
//! A batch takes every validated case not yet exported at its current version (new, or
//! changed since its last export), builds each one's CEN record from the case's non-nominal
//! view (`scope::view`, the allow-list — never from the nominal document), and keeps the
//! records with the batch (`cen_export_items`), its size, who made it and the SHA-256 of its
//! content, so what left can be shown to an auditor years later. Downloads replay the kept
//! records (JSON or CSV), page by page.

use crate::audit::{self, Actor, Event};
use crate::db::schema::{cen_export_batches, cen_export_items, seizure_cases, users};
use crate::error::{Error, Result};
use crate::seizures::dto::CaseStatus;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

mod sources;
use sources::records_of;
pub use sources::{records_from_documents, records_from_sources};

/// The paths of the case document a CEN record is built from. Each must be classified
/// non-nominal in `scope::CASE_FIELDS` (a test checks it), and the record reads them from the
/// non-nominal view, so nothing else could reach it.
pub const SOURCES: &[&str] = &[
    "reference",
    "version",
    "detected_at",
    "country",
    "location_type",
    "unlocode",
    "direction",
    "detection_methods",
    "concealment_method",
    "offender_nationality",
    "offender_gender",
    "offender_age_band",
    "route[].country",
    "route[].role",
    "conveyances[].conveyance.conveyance_type",
    "goods[].commodity_group",
    "goods[].commodity_type",
    "goods[].hs_code",
    "goods[].quantity",
    "goods[].unit",
    "goods[].mass_kg",
    "goods[].value",
    "goods[].currency",
];

/// One commodity of a CEN record.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct CenGoods {
    pub commodity_group: String,
    pub commodity_type: Option<String>,
    pub hs_code: Option<String>,
    pub quantity: f64,
    pub unit: String,
    /// Normalised to kilograms where the unit converts.
    pub mass_kg: Option<f64>,
    pub value: Option<f64>,
    pub currency: Option<String>,
}

/// One seizure as CEN receives it: nothing in it names anyone.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct CenRecord {
    /// The case's reference in this nCEN (identifies the case, not a person).
    pub case_reference: String,
    pub case_version: i32,
    /// Day of detection (UTC).
    pub seizure_date: String,
    pub country: Option<String>,
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub direction: Option<String>,
    pub detection_methods: Vec<String>,
    pub concealment_method: Option<String>,
    pub origin_countries: Vec<String>,
    pub departure_countries: Vec<String>,
    pub transit_countries: Vec<String>,
    pub destination_countries: Vec<String>,
    pub conveyance_types: Vec<String>,
    pub offender_nationality: Option<String>,
    pub offender_gender: Option<String>,
    pub offender_age_band: Option<String>,
    pub goods: Vec<CenGoods>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The CEN record of a case, from its non-nominal view.
pub fn record(view: &Value) -> CenRecord {
    let countries = |role: &str| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for leg in items(view, "route") {
            if leg.get("role").and_then(Value::as_str) == Some(role) {
                if let Some(c) = text(leg, "country") {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
        out
    };
    let mut conveyance_types: Vec<String> = Vec::new();
    for link in items(view, "conveyances") {
        if let Some(t) = link
            .get("conveyance")
            .and_then(|c| text(c, "conveyance_type"))
        {
            if !conveyance_types.contains(&t) {
                conveyance_types.push(t);
            }
        }
    }
    CenRecord {
        case_reference: text(view, "reference").unwrap_or_default(),
        case_version: view
            .get("version")
            .and_then(Value::as_i64)
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or_default(),
        seizure_date: text(view, "detected_at")
            .and_then(|t| t.get(..10).map(str::to_string))
            .unwrap_or_default(),
        country: text(view, "country"),
        location_type: text(view, "location_type"),
        unlocode: text(view, "unlocode"),
        direction: text(view, "direction"),
        detection_methods: texts(view, "detection_methods"),
        concealment_method: text(view, "concealment_method"),
        origin_countries: countries("origin"),
        departure_countries: countries("departure"),
        transit_countries: countries("transit"),
        destination_countries: countries("destination"),
        conveyance_types,
        offender_nationality: text(view, "offender_nationality"),
        offender_gender: text(view, "offender_gender"),
        offender_age_band: text(view, "offender_age_band"),
        goods: items(view, "goods")
            .map(|g| CenGoods {
                commodity_group: text(g, "commodity_group").unwrap_or_default(),
                commodity_type: text(g, "commodity_type"),
                hs_code: text(g, "hs_code"),
                quantity: g
                    .get("quantity")
                    .and_then(Value::as_f64)
                    .unwrap_or_default(),
                unit: text(g, "unit").unwrap_or_default(),
                mass_kg: g.get("mass_kg").and_then(Value::as_f64),
                value: g.get("value").and_then(Value::as_f64),
                currency: text(g, "currency"),
            })
            .collect(),
    }
}

/// The CSV columns: one row per commodity, the case's fields repeated.
pub const CSV_COLUMNS: [&str; 25] = [
    "case_reference",
    "case_version",
    "seizure_date",
    "country",
    "location_type",
    "unlocode",
    "direction",
    "detection_methods",
    "concealment_method",
    "origin_countries",
    "departure_countries",
    "transit_countries",
    "destination_countries",
    "conveyance_types",
    "offender_nationality",
    "offender_gender",
    "offender_age_band",
    "commodity_group",
    "commodity_type",
    "hs_code",
    "quantity",
    "unit",
    "mass_kg",
    "value",
    "currency",
];

/// The CSV rows of a record (lists joined with `;`).
pub fn csv_rows(r: &CenRecord) -> Vec<Vec<String>> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    let case = vec![
        r.case_reference.clone(),
        r.case_version.to_string(),
        r.seizure_date.clone(),
        opt(&r.country),
        opt(&r.location_type),
        opt(&r.unlocode),
        opt(&r.direction),
        r.detection_methods.join(";"),
        opt(&r.concealment_method),
        r.origin_countries.join(";"),
        r.departure_countries.join(";"),
        r.transit_countries.join(";"),
        r.destination_countries.join(";"),
        r.conveyance_types.join(";"),
        opt(&r.offender_nationality),
        opt(&r.offender_gender),
        opt(&r.offender_age_band),
    ];
    if r.goods.is_empty() {
        let mut row = case;
        row.extend(std::iter::repeat_n(String::new(), 8));
        return vec![row];
    }
    r.goods
        .iter()
        .map(|g| {
            let mut row = case.clone();
            row.extend([
                g.commodity_group.clone(),
                opt(&g.commodity_type),
                opt(&g.hs_code),
                g.quantity.to_string(),
                g.unit.clone(),
                num(g.mass_kg),
                num(g.value),
                opt(&g.currency),
            ]);
            row
        })
        .collect()
}

/// A kept batch.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenBatch {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    /// None when made by `ncen cen-export`.
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub cases: i32,
    /// SHA-256 (hex) of the batch's records as JSON Lines, in order: what the JSON download's
    /// `records` hold.
    pub content_sha256: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CenBatchList {
    /// The latest batches first (at most 100).
    pub items: Vec<CenBatch>,
}

/// What the next batch would hold.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenPending {
    /// Validated cases not yet exported at their current version.
    pub cases: i64,
    /// The first of them as they would be exported (at most 20).
    pub sample: Vec<CenRecord>,
}

/// Validated cases not exported at their current version, oldest detection first.
async fn pending_ids(conn: &mut AsyncPgConnection, limit: i64) -> QueryResult<Vec<Uuid>> {
    seizure_cases::table
        .filter(seizure_cases::status.eq(CaseStatus::Validated))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            cen_export_items::table
                .filter(cen_export_items::case_id.eq(seizure_cases::id))
                .filter(cen_export_items::case_version.eq(seizure_cases::version)),
        )))
        .order((seizure_cases::detected_at.asc(), seizure_cases::id.asc()))
        .select(seizure_cases::id)
        .limit(limit)
        .load(conn)
        .await
}

async fn pending_count(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    seizure_cases::table
        .filter(seizure_cases::status.eq(CaseStatus::Validated))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            cen_export_items::table
                .filter(cen_export_items::case_id.eq(seizure_cases::id))
                .filter(cen_export_items::case_version.eq(seizure_cases::version)),
        )))
        .count()
        .get_result(conn)
        .await
}

/// What the next batch would hold (audited like the read of those cases it shows).
pub async fn pending(conn: &mut AsyncPgConnection, actor: &Actor) -> Result<CenPending> {
    conn.transaction(async |conn| {
        let cases = pending_count(conn).await?;
        let ids = pending_ids(conn, 20).await?;
        let sample = records_of(conn, &ids).await?;
        let event = Event::new("cen.preview").details(json!({ "pending": cases, "case_ids": ids }));
        audit::record(conn, actor, event).await?;
        Ok(CenPending { cases, sample })
    })
    .await
}

#[derive(Insertable)]
#[diesel(table_name = cen_export_items)]
struct NewItem {
    batch_id: Uuid,
    position: i32,
    case_id: Uuid,
    case_version: i32,
    record: Value,
}

/// Makes a batch of the validated cases not yet exported at their current version (at most
/// `max`), in one transaction with its audit row (`cen.export`). None when there is nothing
/// to export.
pub async fn export(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    max: i64,
) -> Result<Option<CenBatch>> {
    let batch = conn
        .transaction(async |conn| {
            let ids = pending_ids(conn, max).await?;
            if ids.is_empty() {
                return Ok(None);
            }
            let id = Uuid::now_v7();
            diesel::insert_into(cen_export_batches::table)
                .values((
                    cen_export_batches::id.eq(id),
                    cen_export_batches::created_by.eq(actor.id),
                    cen_export_batches::cases.eq(0),
                    cen_export_batches::content_sha256.eq(""),
                ))
                .execute(conn)
                .await?;
            let mut hasher = Sha256::new();
            let mut position = 0i32;
            for chunk in ids.chunks(500) {
                let mut rows = Vec::with_capacity(chunk.len());
                for (case_id, rec) in chunk.iter().zip(records_of(conn, chunk).await?) {
                    let line = serde_json::to_vec(&rec).map_err(Error::internal)?;
                    hasher.update(&line);
                    hasher.update(b"\n");
                    position += 1;
                    rows.push(NewItem {
                        batch_id: id,
                        position,
                        case_id: *case_id,
                        case_version: rec.case_version,
                        record: serde_json::to_value(&rec).map_err(Error::internal)?,
                    });
                }
                diesel::insert_into(cen_export_items::table)
                    .values(rows)
                    .execute(conn)
                    .await?;
            }
            let sha = hex::encode(hasher.finalize());
            diesel::update(cen_export_batches::table.find(id))
                .set((
                    cen_export_batches::cases.eq(position),
                    cen_export_batches::content_sha256.eq(&sha),
                ))
                .execute(conn)
                .await?;
            let event = Event::new("cen.export")
                .object("cen_batch", id)
                .details(json!({ "cases": position, "content_sha256": sha }));
            audit::record(conn, actor, event).await?;
            Ok::<_, Error>(Some(id))
        })
        .await?;
    match batch {
        Some(id) => Ok(Some(get(conn, id).await?)),
        None => Ok(None),
    }
}

type BatchRow = (
    Uuid,
    DateTime<Utc>,
    Option<Uuid>,
    Option<String>,
    i32,
    String,
);

fn batch(r: BatchRow) -> CenBatch {
    CenBatch {
        id: r.0,
        created_at: r.1,
        created_by: r.2,
        created_by_name: r.3,
        cases: r.4,
        content_sha256: r.5,
    }
}

pub async fn list(conn: &mut AsyncPgConnection) -> Result<CenBatchList> {
    let rows: Vec<BatchRow> = cen_export_batches::table
        .left_join(users::table)
        .order((
            cen_export_batches::created_at.desc(),
            cen_export_batches::id.desc(),
        ))
        .select((
            cen_export_batches::id,
            cen_export_batches::created_at,
            cen_export_batches::created_by,
            users::display_name.nullable(),
            cen_export_batches::cases,
            cen_export_batches::content_sha256,
        ))
        .limit(100)
        .load(conn)
        .await?;
    Ok(CenBatchList {
        items: rows.into_iter().map(batch).collect(),
    })
}

pub async fn get(conn: &mut AsyncPgConnection, id: Uuid) -> Result<CenBatch> {
    let row: Option<BatchRow> = cen_export_batches::table
        .left_join(users::table)
        .filter(cen_export_batches::id.eq(id))
        .select((
            cen_export_batches::id,
            cen_export_batches::created_at,
            cen_export_batches::created_by,
            users::display_name.nullable(),
            cen_export_batches::cases,
            cen_export_batches::content_sha256,
        ))
        .first(conn)
        .await
        .optional()?;
    row.map(batch).ok_or(Error::NotFound)
}

/// A page of a batch's records after `position` (downloads stream page by page).
pub async fn records(
    conn: &mut AsyncPgConnection,
    batch: Uuid,
    after: i32,
    limit: i64,
) -> Result<Vec<(i32, CenRecord)>> {
    let rows: Vec<(i32, Value)> = cen_export_items::table
        .filter(cen_export_items::batch_id.eq(batch))
        .filter(cen_export_items::position.gt(after))
        .order(cen_export_items::position.asc())
        .select((cen_export_items::position, cen_export_items::record))
        .limit(limit)
        .load(conn)
        .await?;
    rows.into_iter()
        .map(|(p, v)| Ok((p, serde_json::from_value(v).map_err(Error::internal)?)))
        .collect()
}

/// Audits a download of a batch (`cen.download`).
pub async fn downloaded(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    batch: Uuid,
    format: &str,
) -> Result<()> {
    let event = Event::new("cen.download")
        .object("cen_batch", batch)
        .details(json!({ "format": format }));
    Ok(audit::record(conn, actor, event).await?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::exchange::scope::{Class, CASE_FIELDS};

    #[test]
    fn a_cen_record_reads_only_non_nominal_fields() {
        for source in SOURCES {
            let class = CASE_FIELDS
                .iter()
                .find(|(p, _)| p == source)
                .map(|(_, c)| *c);
            assert_eq!(class, Some(Class::NonNominal), "{source}");
        }
    }

    #[test]
    fn a_record_has_route_countries_by_role_and_one_csv_row_per_commodity() {
        let view = json!({
            "reference": "FR-2026-000001", "version": 3, "detected_at": "2026-06-01T08:30:00Z",
            "country": "FR", "detection_methods": ["xray_nii"],
            "route": [{"country": "BR", "role": "origin"}, {"country": "PT", "role": "transit"},
                      {"country": "ES", "role": "transit"}, {"country": "FR", "role": "destination"}],
            "conveyances": [{"conveyance": {"conveyance_type": "container"}}],
            "goods": [{"commodity_group": "drugs", "quantity": 2.5, "unit": "kg", "mass_kg": 2.5},
                      {"commodity_group": "tobacco", "quantity": 200.0, "unit": "sticks"}]
        });
        let r = record(&view);
        assert_eq!(r.seizure_date, "2026-06-01");
        assert_eq!(r.transit_countries, vec!["PT", "ES"]);
        assert_eq!(r.case_version, 3);
        let rows = csv_rows(&r);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|row| row.len() == CSV_COLUMNS.len()));
        assert_eq!(rows[1][17], "tobacco");
    }
}

crate::text_enum! {
    /// How a CEN batch is downloaded.
    pub enum CenFormat {
        Json = "json",
        Csv = "csv",
    }
}
