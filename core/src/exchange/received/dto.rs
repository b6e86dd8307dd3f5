//! What the received-case routes take and answer.

use crate::exchange::dto::Scope;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

/// Where a received record comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Provenance {
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_country: String,
    /// The package that brought the current version.
    pub package_id: Uuid,
    pub received_at: DateTime<Utc>,
    /// The case's reference at the sender.
    pub original_reference: String,
}

/// What an import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct PackageImport {
    pub package_id: Uuid,
    /// Cases new to this node.
    pub created: i32,
    /// Cases received before, now at a higher version.
    pub updated: i32,
    /// Cases already here at this version or a later one.
    pub unchanged: i32,
    /// The received cases the package touched, in its order.
    pub received_case_ids: Vec<Uuid>,
    /// Persons and companies that may hit an active alert (the alerts' owners are notified).
    pub alert_hits: i32,
    /// References the sender withdrew at this version since it sent the package: not imported.
    pub withdrawn: Vec<String>,
}

/// The sender withdrew the case (at the version received or a later one).
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedWithdrawal {
    /// The withdrawal package.
    pub package_id: Uuid,
    pub reason: String,
    pub withdrawn_at: DateTime<Utc>,
}

/// Dismissing a received package (nothing imported), with a reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DismissRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// A person or company of a received case, with this node's register records that may be the
/// same and the active alerts it may hit (as when imported).
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedParty {
    /// Where it stands among the case's parties (persons first, then companies): names it in
    /// `/exchange/received/{id}/parties/{position}/link`.
    pub position: i32,
    /// `person` or `company`.
    pub kind: String,
    pub role: Option<String>,
    pub label: String,
    pub provenance: Provenance,
    /// Register records that may be the same, best first (`Candidate` of the screening):
    /// proposals for a liaison officer or analyst, never merged automatically.
    #[schema(value_type = Vec<crate::screening::dto::Candidate>)]
    pub candidates: Value,
    /// Active alerts it may hit (`ScreeningAlert`).
    #[schema(value_type = Vec<crate::alerts::dto::ScreeningAlert>)]
    pub alerts: Value,
    /// The register record a liaison officer said it is, if any.
    pub link: Option<PartyLink>,
}

/// A liaison officer's decision that a received party is a register record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyLink {
    /// The register record (a person for a person, a company for a company); when it was
    /// merged since, its survivor.
    pub record_id: Uuid,
    /// How lists show the record.
    pub record_label: String,
    pub linked_by: Uuid,
    pub linked_by_name: Option<String>,
    pub linked_at: DateTime<Utc>,
}

/// Links a received party to a register record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkParty {
    /// A person of the register for a person, a company for a company (a merged record's
    /// survivor is linked).
    pub record_id: Uuid,
}

/// Received cases about one register record: those with a party linked to it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReceivedQuery {
    /// Only cases with a person linked to this register person (or one merged into it).
    pub person_id: Option<Uuid>,
    /// Only cases with a company linked to this register company (or one merged into it).
    pub company_id: Option<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCaseSummary {
    pub id: Uuid,
    pub provenance: Provenance,
    pub version: i32,
    pub scope: Scope,
    pub detected_at: Option<DateTime<Utc>>,
    pub commodity_groups: Vec<String>,
    pub imported_by: Uuid,
    pub imported_by_name: Option<String>,
    pub imported_at: DateTime<Utc>,
    /// Set when the sender withdrew the case: it is kept for the record, not to be used.
    pub withdrawal: Option<ReceivedWithdrawal>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCaseList {
    /// Newest import first (at most 500).
    pub items: Vec<ReceivedCaseSummary>,
}

/// One version of a received case.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedVersion {
    pub version: i32,
    pub package_id: Uuid,
    pub received_at: DateTime<Utc>,
    pub imported_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCase {
    #[serde(flatten)]
    pub summary: ReceivedCaseSummary,
    /// The case document as the partner sent it (current version).
    #[schema(value_type = Object)]
    pub document: Value,
    pub parties: Vec<ReceivedParty>,
    /// Every version received, newest first.
    pub versions: Vec<ReceivedVersion>,
}
