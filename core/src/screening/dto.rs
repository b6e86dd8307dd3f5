use ncen_matching::{Feature, Thresholds};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// An identity document number to screen (spaces, hyphens and the letter O read as zero do
/// not matter).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentQuery {
    #[schema(max_length = 64)]
    pub number: String,
    /// ISO 3166-1 alpha-2 issuing country, when known.
    #[schema(max_length = 2)]
    pub country: Option<String>,
}

/// A person as the officer knows them: a full name in one field (any order, any script) or
/// family and given names apart, and whatever else is at hand.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonQuery {
    /// A full name, in any order and script (`Abdelkader Bensaleh`, `王小明`).
    #[schema(max_length = 200)]
    pub name: Option<String>,
    #[schema(max_length = 200)]
    pub family_name: Option<String>,
    #[schema(max_length = 200)]
    pub given_names: Option<String>,
    /// Full or partial: `1979`, `1979-11` or `1979-11-07`.
    #[schema(
        max_length = 10,
        pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    )]
    pub date_of_birth: Option<String>,
    #[schema(value_type = Option<crate::registers::persons::dto::Gender>)]
    pub gender: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<10, 2>)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub documents: Vec<DocumentQuery>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 40>)]
    pub phones: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 254>)]
    pub emails: Vec<String>,
}

/// A company as the officer knows it.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyQuery {
    #[schema(max_length = 200)]
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[schema(max_length = 2)]
    pub country: Option<String>,
    #[schema(max_length = 64)]
    pub registration_number: Option<String>,
    #[schema(max_length = 64)]
    pub tax_id: Option<String>,
    /// As written (spaces and hyphens allowed).
    #[schema(max_length = 32)]
    pub eori: Option<String>,
}

/// What to screen: `{"person": {…}}` or `{"company": {…}}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ScreeningRequest {
    Person(PersonQuery),
    Company(CompanyQuery),
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ScreeningParams {
    /// How many candidates to return at most, 1–50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<i64>,
}

/// Where a candidate's score falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// At or above the hit threshold, or an exact identity document, registration number,
    /// tax id or EORI shared: very likely the same, or to check at once.
    Hit,
    /// Between the review and hit thresholds: worth a look.
    Review,
}

/// A register record that may be the one screened.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Candidate {
    /// `person` or `company`.
    pub kind: String,
    pub id: Uuid,
    /// The record's name as a list shows it (with the date of birth or the country).
    pub label: String,
    /// From 0 to 1.
    pub score: f64,
    pub band: Band,
    /// Why: each piece of evidence and its part of the score.
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScreeningResult {
    /// Best first; hits, then candidates to review.
    pub candidates: Vec<Candidate>,
    /// The thresholds in force (configuration: `NCEN_MATCH_HIT`, `NCEN_MATCH_REVIEW`).
    pub thresholds: Thresholds,
    /// How many records the indexes proposed and the engine scored.
    pub scored: usize,
    /// Active alerts the query hits (at or above the hit threshold, or an identifier they
    /// watch): what to do and whom to contact — never why (graded disclosure).
    pub alerts: Vec<crate::alerts::dto::ScreeningAlert>,
}

/// One line of a passenger list or cargo manifest. A JSON row and a CSV line have the same
/// fields (the CSV header names the columns, in any order). A row needs a name, a document
/// number, a phone, an e-mail or a conveyance identifier.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRow {
    /// The list's own reference for the line (seat, booking, manifest line), returned as is.
    #[schema(max_length = 40)]
    pub reference: Option<String>,
    /// A full name in any order and script; or `family_name` and `given_names`.
    #[schema(max_length = 200)]
    pub name: Option<String>,
    #[schema(max_length = 200)]
    pub family_name: Option<String>,
    #[schema(max_length = 200)]
    pub given_names: Option<String>,
    /// Full or partial: `1979`, `1979-11` or `1979-11-07`.
    #[schema(
        max_length = 10,
        pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
    )]
    pub date_of_birth: Option<String>,
    #[schema(value_type = Option<crate::registers::persons::dto::Gender>)]
    pub gender: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[schema(max_length = 2)]
    pub nationality: Option<String>,
    #[schema(max_length = 64)]
    pub document_number: Option<String>,
    /// ISO 3166-1 alpha-2 code of the document's issuer.
    #[schema(max_length = 2)]
    pub document_country: Option<String>,
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    #[schema(max_length = 254)]
    pub email: Option<String>,
    /// ISO 6346 container number (check digit verified).
    #[schema(max_length = 20)]
    pub container: Option<String>,
    /// IATA air waybill number (check digit verified).
    #[schema(max_length = 20)]
    pub air_waybill: Option<String>,
    #[schema(max_length = 40)]
    pub bill_of_lading: Option<String>,
    #[schema(max_length = 20)]
    pub flight_number: Option<String>,
    #[schema(max_length = 20)]
    pub plate: Option<String>,
}

/// A list to screen as JSON (`text/csv` with the same columns is accepted too).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// 1 to 1 000 lines.
    #[schema(min_items = 1, max_items = 1000)]
    pub rows: Vec<BatchRow>,
}

/// How a line came out: `hit` (an active alert, or a register record at or above the hit
/// threshold or sharing an identifier), `review` (only candidates to look at), `clear`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BatchOutcome {
    Hit,
    Review,
    Clear,
}

/// One screened line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchLine {
    /// The line's position in the list, from 1.
    pub line: usize,
    pub reference: Option<String>,
    /// The line as read (name, date of birth, identifiers).
    pub label: String,
    pub outcome: BatchOutcome,
    /// Active alerts the line hits: what to do and whom to contact (graded disclosure).
    pub alerts: Vec<crate::alerts::dto::ScreeningAlert>,
    /// The best register records (at most 3), hits first.
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchCounts {
    pub lines: usize,
    pub hit: usize,
    pub review: usize,
    pub clear: usize,
}

/// A screened list: hits first, then lines to review, then clear lines, each group in list
/// order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BatchResult {
    pub lines: Vec<BatchLine>,
    pub counts: BatchCounts,
    pub thresholds: Thresholds,
}
