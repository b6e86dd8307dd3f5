use super::dto::{InboxStatus, Instrument, PackageKind, PackageStatus, PartnerStatus, Scope};
use crate::db::schema::{exchange_agreements, exchange_inbox, exchange_outbox, exchange_partners};
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

/// A package for a partner, without its body (`repo::outbox_body` reads that).
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = exchange_outbox)]
pub struct OutboxRow {
    pub id: Uuid,
    pub kind: PackageKind,
    pub withdraws: Option<Uuid>,
    pub partner_id: Uuid,
    pub agreement_id: Uuid,
    pub scope: Scope,
    pub case_ids: Vec<Uuid>,
    pub status: PackageStatus,
    pub note: Option<String>,
    pub requested_by: Uuid,
    pub approved_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decline_reason: Option<String>,
    pub body_sha256: Option<String>,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub ack: Option<Vec<u8>>,
    pub ack_signature: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = exchange_outbox)]
pub struct NewOutbox {
    pub id: Uuid,
    pub kind: PackageKind,
    pub withdraws: Option<Uuid>,
    pub partner_id: Uuid,
    pub agreement_id: Uuid,
    pub scope: Scope,
    pub case_ids: Vec<Uuid>,
    pub status: PackageStatus,
    pub note: Option<String>,
    pub requested_by: Uuid,
    pub approved_by: Option<Uuid>,
    pub decided_at: Option<DateTime<Utc>>,
    pub body: Option<Vec<u8>>,
    pub body_sha256: Option<String>,
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// A received package, without its body.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = exchange_inbox)]
pub struct InboxRow {
    pub id: Uuid,
    pub kind: PackageKind,
    pub withdraws: Option<Uuid>,
    pub partner_id: Uuid,
    pub agreement_id: Uuid,
    pub agreement_reference: String,
    pub scope: Scope,
    pub cases: i32,
    pub case_references: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub body_sha256: String,
    pub signature: String,
    pub status: InboxStatus,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_note: Option<String>,
    pub version: i32,
}

#[derive(Insertable)]
#[diesel(table_name = exchange_inbox)]
pub struct NewInbox {
    pub id: Uuid,
    pub kind: PackageKind,
    pub withdraws: Option<Uuid>,
    pub status: InboxStatus,
    pub partner_id: Uuid,
    pub agreement_id: Uuid,
    pub agreement_reference: String,
    pub scope: Scope,
    pub cases: i32,
    pub case_references: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub body: Vec<u8>,
    pub body_sha256: String,
    pub signature: String,
    pub ack: Vec<u8>,
    pub ack_signature: String,
}
