use super::dto::{AlertStatus, HitStatus, RecordKind, RequestedAction, RiskLevel, SubjectKind};
use crate::db::schema::{alert_hits, alerts};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = alerts)]
pub struct AlertRow {
    pub id: Uuid,
    pub reference: String,
    pub status: AlertStatus,
    pub subject_kind: SubjectKind,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    pub identifier_kind: Option<String>,
    pub identifier: Option<String>,
    pub identifier_norm: Option<String>,
    pub reason: String,
    pub risk_level: RiskLevel,
    pub requested_action: RequestedAction,
    pub handling_instructions: Option<String>,
    pub owner_id: Uuid,
    pub unit_id: Uuid,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub activated_by: Option<Uuid>,
    pub activated_at: Option<DateTime<Utc>>,
    pub closed_by: Option<Uuid>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closing_reason: Option<String>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields an alert's author writes (create, and update of a draft).
#[derive(Insertable, AsChangeset, Debug, Clone)]
#[diesel(table_name = alerts, treat_none_as_null = true)]
pub struct AlertFields {
    pub subject_kind: SubjectKind,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    pub identifier_kind: Option<String>,
    pub identifier: Option<String>,
    pub identifier_norm: Option<String>,
    pub reason: String,
    pub risk_level: RiskLevel,
    pub requested_action: RequestedAction,
    pub handling_instructions: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

#[derive(Insertable)]
#[diesel(table_name = alerts)]
pub struct NewAlert {
    pub id: Uuid,
    pub reference: String,
    pub owner_id: Uuid,
    pub unit_id: Uuid,
    pub created_by: Uuid,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = alert_hits)]
pub struct HitRow {
    pub id: Uuid,
    pub alert_id: Uuid,
    pub record_kind: RecordKind,
    pub record_id: Uuid,
    pub case_ids: Vec<Uuid>,
    pub score: f32,
    pub exact: bool,
    pub features: serde_json::Value,
    pub fingerprint: String,
    pub status: HitStatus,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
