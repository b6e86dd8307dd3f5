use super::dto::{Instrument, PartnerStatus, Scope};
use crate::db::schema::{exchange_agreements, exchange_partners};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = exchange_partners)]
pub struct PartnerRow {
    pub id: Uuid,
    pub country: String,
    pub name: String,
    pub endpoint: String,
    pub public_key: String,
    pub fingerprint: String,
    pub contact: Option<String>,
    pub status: PartnerStatus,
    pub confirmed_by: Uuid,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(AsChangeset)]
#[diesel(table_name = exchange_partners)]
pub struct PartnerChanges {
    pub name: String,
    pub endpoint: String,
    pub contact: Option<String>,
    pub status: PartnerStatus,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone)]
#[diesel(table_name = exchange_agreements)]
pub struct AgreementRow {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub instrument: Instrument,
    pub reference: String,
    pub purposes: Vec<String>,
    pub scope: Scope,
    pub commodity_groups: Vec<String>,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub notes: Option<String>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(AsChangeset)]
#[diesel(table_name = exchange_agreements, treat_none_as_null = true)]
pub struct AgreementChanges {
    pub instrument: Instrument,
    pub reference: String,
    pub purposes: Vec<String>,
    pub scope: Scope,
    pub commodity_groups: Vec<String>,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub notes: Option<String>,
}
