//! Wire types of alerts and hits.

use chrono::{DateTime, NaiveDate, Utc};
use ncen_matching::Feature;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// `draft` (being written; matches nothing) → `active` (a supervisor of the owning unit
    /// activated it; data entering nCEN is checked against it) → `expired` (past its
    /// `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
    pub enum AlertStatus {
        Draft = "draft",
        Active = "active",
        Expired = "expired",
        Withdrawn = "withdrawn",
    }
}

crate::text_enum! {
    /// What the alert watches: a register record, or a bare identifier.
    pub enum SubjectKind {
        Person = "person",
        Company = "company",
        Conveyance = "conveyance",
        Identifier = "identifier",
    }
}

crate::text_enum! {
    pub enum RiskLevel {
        Low = "low",
        Medium = "medium",
        High = "high",
        Critical = "critical",
    }
}

crate::text_enum! {
    /// What an officer who meets the subject is asked to do: `inform_owner` (let it go, and
    /// tell the alert's owner), `discreet_check` (check without the subject noticing),
    /// `control` (control the subject and goods), `detain` (hold the subject or goods and call
    /// the owner).
    pub enum RequestedAction {
        InformOwner = "inform_owner",
        DiscreetCheck = "discreet_check",
        Control = "control",
        Detain = "detain",
    }
}

crate::text_enum! {
    /// The kind of a bare identifier: an identity document number, a phone, an e-mail, or one
    /// of the conveyance and shipment identifiers of the registers.
    pub enum AlertIdentifierKind {
        Document = "document",
        Phone = "phone",
        Email = "email",
        Plate = "plate",
        Vin = "vin",
        Container = "container",
        Imo = "imo",
        Mmsi = "mmsi",
        AirWaybill = "air_waybill",
        FlightNumber = "flight_number",
        AircraftRegistration = "aircraft_registration",
        BillOfLading = "bill_of_lading",
        TrackingNumber = "tracking_number",
    }
}

crate::text_enum! {
    /// `new` (awaiting review by the alert's unit), `confirmed` (it is the subject: the cases
    /// that brought it are linked to the alert), `dismissed` (it is not; the same data will
    /// not hit this alert again).
    pub enum HitStatus {
        New = "new",
        Confirmed = "confirmed",
        Dismissed = "dismissed",
    }
}

crate::text_enum! {
    /// The kind of register record a hit is about.
    pub enum RecordKind {
        Person = "person",
        Company = "company",
        Conveyance = "conveyance",
    }
}

/// An alert as written: the subject (one of `person_id`, `company_id`, `conveyance_id`, or
/// `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
/// long (at most 12 months; renewed after).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertInput {
    #[schema(required = true, value_type = SubjectKind)]
    pub subject_kind: Option<String>,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    #[schema(value_type = Option<AlertIdentifierKind>)]
    pub identifier_kind: Option<String>,
    /// The bare identifier as written (spaces and hyphens do not matter).
    #[schema(max_length = 64)]
    pub identifier: Option<String>,
    /// The intelligence behind the alert: seen only by the owning unit.
    #[schema(required = true, value_type = String, min_length = 1, max_length = 4000)]
    pub reason: Option<String>,
    #[schema(required = true, value_type = RiskLevel)]
    pub risk_level: Option<String>,
    #[schema(required = true, value_type = RequestedAction)]
    pub requested_action: Option<String>,
    /// What the officer who meets the subject must know (e.g. "do not alert the subject"):
    /// shown to them with the requested action.
    #[schema(max_length = 1000)]
    pub handling_instructions: Option<String>,
    /// Default: today.
    pub valid_from: Option<NaiveDate>,
    /// At most 12 months after `valid_from`.
    #[schema(required = true, value_type = NaiveDate)]
    pub valid_until: Option<NaiveDate>,
}

pub use crate::common::names::Named;

#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct HitCounts {
    pub new: i64,
    pub confirmed: i64,
    pub dismissed: i64,
}

/// An alert in full, as its unit sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertDto {
    pub id: Uuid,
    /// `<country>-ALR-<year>-<sequence>`.
    pub reference: String,
    pub status: AlertStatus,
    pub subject_kind: SubjectKind,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    pub identifier_kind: Option<String>,
    pub identifier: Option<String>,
    /// The subject as a list shows it (a name with the date of birth, a company with its
    /// country, a conveyance or identifier with its kind).
    pub subject_label: String,
    pub reason: String,
    pub risk_level: RiskLevel,
    pub requested_action: RequestedAction,
    pub handling_instructions: Option<String>,
    pub owner: Named,
    pub unit: Named,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub activated_by: Option<Named>,
    pub activated_at: Option<DateTime<Utc>>,
    /// Who withdrew it, when and why.
    pub closed_by: Option<Named>,
    pub closed_at: Option<DateTime<Utc>>,
    pub closing_reason: Option<String>,
    pub hits: HitCounts,
    pub created_by: Named,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// An alert in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertSummary {
    pub id: Uuid,
    pub reference: String,
    pub status: AlertStatus,
    pub subject_kind: SubjectKind,
    pub subject_label: String,
    pub risk_level: RiskLevel,
    pub requested_action: RequestedAction,
    pub owner: Named,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// Hits awaiting review.
    pub new_hits: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertList {
    pub items: Vec<AlertSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AlertQuery {
    pub status: Option<AlertStatus>,
    pub subject_kind: Option<SubjectKind>,
    /// Only the caller's own alerts.
    pub mine: Option<bool>,
    /// Words of the reference or the subject.
    #[param(max_length = 200)]
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Why an alert is withdrawn.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawInput {
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: String,
}

/// A renewal: the new end of validity, at most 12 months from today.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewInput {
    pub valid_until: NaiveDate,
}

/// The alert a hit is about, as its unit sees it in the queue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HitAlert {
    pub id: Uuid,
    pub reference: String,
    pub subject_kind: SubjectKind,
    pub subject_label: String,
    pub risk_level: RiskLevel,
    pub requested_action: RequestedAction,
}

/// A case that brought a hit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HitCase {
    pub id: Uuid,
    pub reference: String,
}

/// A hit: a record the engine found to be an alert's subject.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HitDto {
    pub id: Uuid,
    pub alert: HitAlert,
    pub record_kind: RecordKind,
    pub record_id: Uuid,
    pub record_label: String,
    /// The cases in which the record appeared while the hit awaited review.
    pub cases: Vec<HitCase>,
    /// From 0 to 1.
    pub score: f64,
    /// An identity document, registration number, tax id, EORI or conveyance identifier is
    /// the same.
    pub exact: bool,
    pub status: HitStatus,
    pub reviewed_by: Option<Named>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One fact of a record, for the side-by-side comparison.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Fact {
    /// `name`, `date_of_birth`, `nationalities`, `documents`, `registration_number`,
    /// `identifier`… (the browser app names them in the user's language).
    pub field: String,
    pub value: String,
}

/// A hit with what the review needs: the alert's subject and the record side by side, and
/// the engine's explanation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HitDetail {
    #[serde(flatten)]
    pub hit: HitDto,
    pub subject: Vec<Fact>,
    pub record: Vec<Fact>,
    /// Why: each piece of evidence and its part of the score.
    pub features: Vec<Feature>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HitList {
    pub items: Vec<HitDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HitQuery {
    /// Default `new`.
    pub status: Option<HitStatus>,
    /// The hits of one alert.
    pub alert_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// A confirmation, with an optional note.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    #[schema(max_length = 1000)]
    pub reason: Option<String>,
}

/// A dismissal: why the record is not the alert's subject.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DismissInput {
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: String,
}

/// What an officer whose data hit an alert is told (graded disclosure): what to do and whom
/// to contact — never the reason or the intelligence behind the alert.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertNotice {
    pub hit_id: Uuid,
    pub alert_reference: String,
    pub requested_action: RequestedAction,
    pub handling_instructions: Option<String>,
    /// The officer to contact, and their unit.
    pub contact: Named,
    pub contact_unit: Named,
    pub record_kind: RecordKind,
    pub record_id: Uuid,
    pub record_label: String,
    pub status: HitStatus,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertNotices {
    pub items: Vec<AlertNotice>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NoticeQuery {
    /// The alerts hit by the records of this case.
    pub case_id: Option<Uuid>,
    /// The alerts hit by this register record.
    pub record_id: Option<Uuid>,
}

/// An active alert a screening query hits, as the screening officer may know it (graded
/// disclosure): what to do and whom to contact, never the reason or the subject.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScreeningAlert {
    pub alert_reference: String,
    pub requested_action: RequestedAction,
    pub handling_instructions: Option<String>,
    pub contact: Named,
    pub contact_unit: Named,
    /// From 0 to 1 (1: an identifier is the same).
    pub score: f64,
}
