//! Rows of the investigation tables.

use super::workflow::{InvestigationStatus, Outcome};
use crate::db::schema::{investigation_members, investigations};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = investigations)]
pub struct InvestigationRow {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub summary: String,
    pub priority: String,
    pub legal_basis: String,
    pub offence_types: Vec<String>,
    pub status: InvestigationStatus,
    pub suspended_from: Option<InvestigationStatus>,
    pub outcome: Option<Outcome>,
    pub lead_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub opened_on: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields the team writes (create, and corrections).
#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = investigations, treat_none_as_null = true)]
pub struct InvestigationFields {
    pub title: String,
    pub summary: String,
    pub priority: String,
    pub legal_basis: String,
    pub offence_types: Vec<String>,
    pub due_date: Option<NaiveDate>,
    pub lead_id: Option<Uuid>,
}

#[derive(Insertable)]
#[diesel(table_name = investigations)]
pub struct NewInvestigation {
    pub id: Uuid,
    pub reference: String,
    pub unit_id: Uuid,
    pub opened_on: NaiveDate,
    pub created_by: Uuid,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = investigation_members)]
pub struct MemberRow {
    pub id: Uuid,
    pub investigation_id: Uuid,
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub added_by: Uuid,
    pub added_at: DateTime<Utc>,
}
