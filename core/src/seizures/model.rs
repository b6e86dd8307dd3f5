//! Diesel rows of the seizure tables.

use super::dto::{CaseKind, CaseStatus};
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_persons, seizure_cases,
    seizure_goods, seizure_history, seizure_route_legs,
};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_cases)]
pub struct CaseRow {
    pub id: Uuid,
    pub reference: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub reporting_unit_id: Uuid,
    pub reporting_officer_id: Uuid,
    pub detected_at: DateTime<Utc>,
    pub place: Option<String>,
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub direction: Option<String>,
    pub customs_procedure: Option<String>,
    pub declaration_reference: Option<String>,
    pub detection_methods: Vec<String>,
    pub concealment_method: Option<String>,
    pub concealment_description: Option<String>,
    pub narrative: Option<String>,
    pub summary_non_nominal: Option<String>,
    pub offender_nationality: Option<String>,
    pub offender_gender: Option<String>,
    pub offender_age_band: Option<String>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_by: Uuid,
    pub updated_at: DateTime<Utc>,
}

/// The editable scalar columns of a case; `None` writes NULL.
#[derive(Insertable, AsChangeset, Clone)]
#[diesel(table_name = seizure_cases, treat_none_as_null = true)]
pub struct CaseValues {
    pub kind: CaseKind,
    pub detected_at: DateTime<Utc>,
    pub place: Option<String>,
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub direction: Option<String>,
    pub customs_procedure: Option<String>,
    pub declaration_reference: Option<String>,
    pub detection_methods: Vec<String>,
    pub concealment_method: Option<String>,
    pub concealment_description: Option<String>,
    pub narrative: Option<String>,
    pub summary_non_nominal: Option<String>,
    pub offender_nationality: Option<String>,
    pub offender_gender: Option<String>,
    pub offender_age_band: Option<String>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_goods)]
pub struct GoodsRow {
    pub id: Uuid,
    pub case_id: Uuid,
    pub position: i32,
    pub commodity_group: String,
    pub commodity_type: Option<String>,
    pub hs_code: Option<String>,
    pub description: Option<String>,
    pub quantity: f64,
    pub unit: String,
    pub mass_kg: Option<f64>,
    pub value: Option<f64>,
    pub currency: Option<String>,
    pub packaging: Option<String>,
    pub brand: Option<String>,
    pub species: Option<String>,
    pub cites_appendix: Option<String>,
    pub purity_percent: Option<f64>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_route_legs)]
pub struct LegRow {
    pub case_id: Uuid,
    pub position: i32,
    pub country: String,
    pub unlocode: Option<String>,
    pub place: Option<String>,
    pub role: String,
    pub departure_date: Option<NaiveDate>,
    pub arrival_date: Option<NaiveDate>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_case_persons)]
pub struct PersonLinkRow {
    pub case_id: Uuid,
    pub person_id: Uuid,
    pub role: String,
    pub position: i32,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_case_companies)]
pub struct CompanyLinkRow {
    pub case_id: Uuid,
    pub company_id: Uuid,
    pub role: String,
    pub position: i32,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_case_conveyances)]
pub struct ConveyanceLinkRow {
    pub case_id: Uuid,
    pub conveyance_id: Uuid,
    pub role: String,
    pub position: i32,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = seizure_history)]
pub struct HistoryRow {
    pub id: i64,
    pub version: i32,
    pub action: String,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub at: DateTime<Utc>,
    pub reason: Option<String>,
    pub changes: serde_json::Value,
    pub record: Option<serde_json::Value>,
}
