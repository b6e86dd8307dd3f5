//! Wire types of the seizure database: what a client sends (`CaseInput`, also the shape a
//! `PATCH` merge-patches) and what it reads back (`CaseDto`, `CaseSummary`, history).

use crate::registers::companies::dto::{CompanyDto, CompanyInput};
use crate::registers::conveyances::dto::{ConveyanceDto, ConveyanceInput};
use crate::registers::persons::dto::{Gender, PersonDto, PersonInput};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// A seizure (goods seized) or an offence without seizure.
    pub enum CaseKind {
        Seizure = "seizure",
        Offence = "offence",
    }
}

crate::text_enum! {
    /// Where a case is in its workflow: `draft → submitted → validated` (reopen → draft).
    pub enum CaseStatus {
        Draft = "draft",
        Submitted = "submitted",
        Validated = "validated",
    }
}

/// Offender age band (non-nominal, accepted by CEN).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub enum AgeBand {
    #[serde(rename = "under_18")]
    Under18,
    #[serde(rename = "18_24")]
    From18To24,
    #[serde(rename = "25_34")]
    From25To34,
    #[serde(rename = "35_44")]
    From35To44,
    #[serde(rename = "45_54")]
    From45To54,
    #[serde(rename = "55_64")]
    From55To64,
    #[serde(rename = "65_plus")]
    From65,
    #[serde(rename = "unknown")]
    Unknown,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub enum CitesAppendix {
    I,
    II,
    III,
}

/// The role of a conveyance in a case.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConveyanceRole {
    Carrying,
    Container,
    Trailer,
    Parcel,
    Other,
}

pub const KINDS: &[&str] = &[CaseKind::Seizure.as_str(), CaseKind::Offence.as_str()];
pub const AGE_BANDS: &[&str] = &[
    "under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "unknown",
];
pub const CITES: &[&str] = &["I", "II", "III"];
pub const CONVEYANCE_ROLES: &[&str] = &["carrying", "container", "trailer", "parcel", "other"];

/// One goods item.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoodsInput {
    /// Code from `commodity_groups`.
    #[schema(required = true, value_type = String)]
    pub commodity_group: Option<String>,
    /// Code from `commodity_types`, belonging to the group.
    pub commodity_type: Option<String>,
    /// Harmonized System code, 6–10 digits (spaces and dots ignored; blank is none).
    #[schema(max_length = 20, pattern = r"^( *|[ .]*([0-9][ .]*){6,10})$")]
    pub hs_code: Option<String>,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// Greater than 0; at most 10 000 tonnes once converted to kg.
    #[schema(required = true, value_type = f64, exclusive_minimum = 0, maximum = 1000000000)]
    pub quantity: Option<f64>,
    /// Code from `units_of_measure`; mass in kg is derived when the unit converts.
    #[schema(required = true, value_type = String)]
    pub unit: Option<String>,
    /// Estimated value (needs `currency`).
    #[schema(minimum = 0, maximum = 10000000000000_u64)]
    pub value: Option<f64>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    #[schema(max_length = 200)]
    pub packaging: Option<String>,
    /// Brand or right holder (IPR).
    #[schema(max_length = 200)]
    pub brand: Option<String>,
    /// Species (wildlife).
    #[schema(max_length = 200)]
    pub species: Option<String>,
    #[schema(value_type = Option<CitesAppendix>)]
    pub cites_appendix: Option<String>,
    /// Purity in percent where tested.
    #[schema(minimum = 0, maximum = 100)]
    pub purity_percent: Option<f64>,
}

/// One leg of the route.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteLegInput {
    /// 1 to n without gaps.
    #[schema(required = true, value_type = i32, minimum = 1, maximum = 50)]
    pub position: Option<i32>,
    /// ISO 3166-1 alpha-2 code.
    #[schema(required = true, value_type = String)]
    pub country: Option<String>,
    /// UN/LOCODE (`FRPAR`); one space after the country part is allowed, and lower case.
    #[schema(max_length = 6, pattern = "^\\s*([A-Za-z]{2} ?[A-Za-z2-9]{3})?\\s*$")]
    pub unlocode: Option<String>,
    #[schema(max_length = 200)]
    pub place: Option<String>,
    /// Code from `route_leg_roles` (origin, departure, transit, destination).
    #[schema(required = true, value_type = String)]
    pub role: Option<String>,
    pub departure_date: Option<NaiveDate>,
    pub arrival_date: Option<NaiveDate>,
}

/// A person linked to the case: an existing record (`person_id`) or a new one (`person`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonLinkInput {
    pub person_id: Option<Uuid>,
    pub person: Option<PersonInput>,
    /// Code from `person_roles`.
    #[schema(required = true, value_type = String)]
    pub role: Option<String>,
}

/// A company linked to the case: an existing record (`company_id`) or a new one (`company`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyLinkInput {
    pub company_id: Option<Uuid>,
    pub company: Option<CompanyInput>,
    /// Code from `company_roles`.
    #[schema(required = true, value_type = String)]
    pub role: Option<String>,
}

/// A conveyance linked to the case: an existing record or a new one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConveyanceLinkInput {
    pub conveyance_id: Option<Uuid>,
    pub conveyance: Option<ConveyanceInput>,
    #[schema(required = true, value_type = ConveyanceRole)]
    pub role: Option<String>,
}

/// A case as entered (create), or — as a JSON merge patch — the fields to change.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    #[schema(required = true, value_type = CaseKind)]
    pub kind: Option<String>,
    /// Date and time of detection; not in the future.
    #[schema(required = true, value_type = DateTime<Utc>)]
    pub detected_at: Option<DateTime<Utc>>,
    /// Customs office or place.
    #[schema(max_length = 200)]
    pub place: Option<String>,
    /// Code from `location_types`.
    pub location_type: Option<String>,
    /// UN/LOCODE (`FRPAR`); one space after the country part is allowed, and lower case.
    #[schema(max_length = 6, pattern = "^\\s*([A-Za-z]{2} ?[A-Za-z2-9]{3})?\\s*$")]
    pub unlocode: Option<String>,
    /// ISO 3166-1 alpha-2 code of where it happened.
    pub country: Option<String>,
    #[schema(minimum = -90, maximum = 90)]
    pub latitude: Option<f64>,
    #[schema(minimum = -180, maximum = 180)]
    pub longitude: Option<f64>,
    /// Code from `directions`.
    pub direction: Option<String>,
    #[schema(max_length = 100)]
    pub customs_procedure: Option<String>,
    /// Nominal when it identifies a trader.
    #[schema(max_length = 100)]
    pub declaration_reference: Option<String>,
    /// Codes from `detection_methods`.
    #[serde(default)]
    pub detection_methods: Vec<String>,
    /// Code from `concealment_methods`.
    pub concealment_method: Option<String>,
    #[schema(max_length = 5000)]
    pub concealment_description: Option<String>,
    /// Free text; nominal (it may name people).
    #[schema(max_length = 50000)]
    pub narrative: Option<String>,
    /// Written for CEN; must not name anyone.
    #[schema(max_length = 10000)]
    pub summary_non_nominal: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub offender_nationality: Option<String>,
    #[schema(value_type = Option<Gender>)]
    pub offender_gender: Option<String>,
    #[schema(value_type = Option<AgeBand>)]
    pub offender_age_band: Option<String>,
    /// One or more for a seizure; none for an offence.
    #[serde(default)]
    #[schema(max_items = 100)]
    pub goods: Vec<GoodsInput>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub route: Vec<RouteLegInput>,
    #[serde(default)]
    pub persons: Vec<PersonLinkInput>,
    #[serde(default)]
    pub companies: Vec<CompanyLinkInput>,
    #[serde(default)]
    pub conveyances: Vec<ConveyanceLinkInput>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GoodsDto {
    pub id: Uuid,
    pub position: i32,
    #[serde(flatten)]
    pub fields: GoodsInput,
    /// Derived from quantity and unit when the unit converts to kg.
    pub mass_kg: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedPerson {
    #[schema(value_type = String)]
    pub role: String,
    pub person: PersonDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedCompany {
    pub role: String,
    pub company: CompanyDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedConveyance {
    #[schema(value_type = ConveyanceRole)]
    pub role: String,
    pub conveyance: ConveyanceDto,
}

/// A whole case: goods, route, concealment and linked records in one document.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDto {
    pub id: Uuid,
    /// `<country>-<year>-<sequence>`, unique.
    pub reference: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub reporting_unit_id: Uuid,
    pub reporting_unit_name: Option<String>,
    pub reporting_officer_id: Uuid,
    pub reporting_officer_name: Option<String>,
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
    #[schema(value_type = Option<Gender>)]
    pub offender_gender: Option<String>,
    #[schema(value_type = Option<AgeBand>)]
    pub offender_age_band: Option<String>,
    pub goods: Vec<GoodsDto>,
    pub route: Vec<RouteLegInput>,
    pub persons: Vec<LinkedPerson>,
    pub companies: Vec<LinkedCompany>,
    pub conveyances: Vec<LinkedConveyance>,
    /// Photos, X-ray images and documents (metadata; download each by its `content_url`).
    pub attachments: Vec<crate::seizures::attachments::dto::AttachmentDto>,
    /// The users who created, edited or submitted the case. None of them may validate it
    /// (four eyes): another supervisor must.
    pub contributors: Vec<Uuid>,
    /// While the case is a draft because a supervisor sent it back for correction (`return`)
    /// or reopened it (`reopen`): who, when and why. Shown at the top of the case.
    pub reopened: Option<ReopenNote>,
    /// Send back in `If-Match` when updating or changing status.
    pub version: i32,
    /// How many times the document was changed (`seizure_case_documents.generation`): with
    /// `version`, the `ETag`, so that it moves whenever what the case shows changes, even
    /// when the case itself did not (an attachment, a renamed unit or officer).
    #[serde(skip)]
    pub generation: i64,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_by: Uuid,
    pub updated_at: DateTime<Utc>,
}

/// A case in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: Uuid,
    pub reference: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub detected_at: DateTime<Utc>,
    pub reporting_unit_id: Uuid,
    pub place: Option<String>,
    pub location_type: Option<String>,
    pub country: Option<String>,
    pub direction: Option<String>,
    pub detection_methods: Vec<String>,
    pub concealment_method: Option<String>,
    /// Distinct commodity groups of the goods.
    pub commodity_groups: Vec<String>,
    /// The goods in order: commodity, quantity and unit.
    pub goods: Vec<GoodsBrief>,
    /// The countries of the route in order (origin first).
    pub route: Vec<String>,
    /// A draft that a supervisor sent back for correction (`return`) or reopened (`reopen`)
    /// and that was not submitted since; null otherwise (the reason is on the case).
    pub sent_back: Option<String>,
    pub version: i32,
}

/// One goods item as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoodsBrief {
    pub commodity_group: String,
    pub commodity_type: Option<String>,
    pub quantity: f64,
    /// Code from `units_of_measure`.
    pub unit: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CasePage {
    pub items: Vec<CaseSummary>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// How many cases match the filters (all pages), on the first page only (null on the
    /// next ones: the filters are the same). Counted up to 10 000: when `total_exact` is
    /// false there are more than `total`.
    pub total: Option<i64>,
    pub total_exact: bool,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

/// List filters; all combine with AND.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Detected at or after (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Detected before (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    pub kind: Option<CaseKind>,
    pub status: Option<CaseStatus>,
    /// Reporting unit.
    pub unit_id: Option<Uuid>,
    pub commodity_group: Option<String>,
    pub commodity_type: Option<String>,
    pub detection_method: Option<String>,
    pub concealment_method: Option<String>,
    pub location_type: Option<String>,
    pub direction: Option<String>,
    /// Any country on the route (ISO 3166-1 alpha-2).
    pub route_country: Option<String>,
    /// Type of any linked conveyance.
    pub conveyance_type: Option<String>,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    /// Free text over place, concealment, narrative, summary and goods descriptions
    /// (accent- and case-insensitive), or an exact reference.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// By detection time: `desc` (default, newest first) or `asc`.
    #[param(inline)]
    pub order: Option<SortOrder>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// A reason for sending a case back or reopening it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReopenInput {
    /// Why the case goes back to draft (1–1000 characters); kept in the history, shown at the
    /// top of the case and sent to its officer.
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: String,
}

/// An optional comment on a submission or a validation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowComment {
    /// Kept in the case's history (at most 1000 characters).
    #[schema(max_length = 1000)]
    pub comment: Option<String>,
}

/// Why a case is back to draft: the last `return` or `reopen` of its history.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReopenNote {
    /// `return` (a submitted case sent back for correction) or `reopen` (a validated case
    /// reopened).
    pub action: String,
    pub reason: Option<String>,
    /// The supervisor's name.
    pub by_name: Option<String>,
    pub at: DateTime<Utc>,
}

/// One change to a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    /// The version the change produced.
    pub version: i32,
    /// `create`, `update`, `submit`, `validate`, `return` (sent back for correction), `reopen`,
    /// or `record_update` (a person,
    /// company or conveyance the case links was corrected: `record` names it).
    pub action: String,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub at: DateTime<Utc>,
    pub reason: Option<String>,
    /// `{field: {old, new}}` for every field that changed (for `record_update`, the record's
    /// fields).
    pub changes: serde_json::Value,
    /// The linked record a `record_update` changed; `null` for the case's own changes.
    pub record: Option<RecordRef>,
}

/// A register record, as named in a case's history.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema)]
pub struct RecordRef {
    /// `person`, `company` or `conveyance`.
    pub kind: String,
    pub id: Uuid,
    /// The record's version after the change.
    pub version: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryList {
    pub items: Vec<HistoryEntry>,
}

#[cfg(test)]
mod tests {
    use super::{CaseKind, CaseStatus};

    #[test]
    fn case_kinds_and_statuses_are_sent_as_their_codes() {
        crate::db::assert_codes(CaseKind::ALL, |k| k.as_str());
        crate::db::assert_codes(CaseStatus::ALL, |s| s.as_str());
        assert_eq!(CaseStatus::parse("submitted"), Some(CaseStatus::Submitted));
        assert_eq!(CaseStatus::parse("Submitted"), None);
    }
}
