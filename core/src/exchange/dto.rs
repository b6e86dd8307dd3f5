use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

crate::text_enum! {
    /// Whether packages are sent to and accepted from a partner.
    pub enum PartnerStatus {
        Active = "active",
        Suspended = "suspended",
    }
}

crate::text_enum! {
    /// The kind of legal instrument an agreement rests on.
    pub enum Instrument {
        BilateralCmaa = "bilateral_cmaa",
        Mou = "mou",
        RegionalConvention = "regional_convention",
        NairobiConvention = "nairobi_convention",
        JohannesburgConvention = "johannesburg_convention",
        Other = "other",
    }
}

crate::text_enum! {
    /// What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
    /// of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
    /// agreement in the nominal scope covers non-nominal exchanges as well.
    pub enum Scope {
        Nominal = "nominal",
        NonNominal = "non_nominal",
    }
}

/// This node's exchange identity: give the public key and its fingerprint to a partner out of
/// band (`ncen exchange key` prints the same).
#[derive(Debug, Serialize, ToSchema)]
pub struct NodeIdentity {
    /// ISO 3166-1 alpha-2 code of this administration.
    pub country: String,
    /// Ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// First 16 bytes of the key's SHA-256, upper-case hex in groups of four.
    pub fingerprint: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerDto {
    pub id: Uuid,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub name: String,
    /// Base URL of the partner's nCEN (its inbox is `<endpoint>/api/v1/exchange/inbox`).
    pub endpoint: String,
    /// Ed25519 public key, 64 hex digits.
    pub public_key: String,
    pub fingerprint: String,
    pub contact: Option<String>,
    pub status: PartnerStatus,
    /// The liaison officer who confirmed the key's fingerprint.
    pub confirmed_by: Uuid,
    pub confirmed_by_name: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerList {
    /// Every partner, by name.
    pub items: Vec<PartnerDto>,
}

/// A partner administration, registered with the public key it gave out of band. The
/// fingerprint the liaison officer confirmed with the partner (by telephone, in person) must
/// be the key's own.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePartner {
    /// ISO 3166-1 alpha-2 (code list `countries`).
    #[schema(pattern = "^[A-Z]{2}$")]
    pub country: String,
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// `http://` or `https://` base URL, at most 500 characters.
    #[schema(min_length = 1, max_length = 500, pattern = "^https?://[^\\s\\x00]+$")]
    pub endpoint: String,
    /// Ed25519 public key, 64 hex digits.
    #[schema(pattern = "^[0-9a-fA-F]{64}$")]
    pub public_key: String,
    /// The fingerprint as the partner read it out (case, spaces and colons ignored).
    #[schema(min_length = 1, max_length = 100)]
    pub fingerprint: String,
    #[schema(max_length = 500)]
    pub contact: Option<String>,
}

/// A partner's editable fields (`PATCH /exchange/partners/{id}`, JSON merge patch). A new
/// key is a new partner: register it, then suspend this one.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePartner {
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^https?://[^\\s\\x00]+$",
        nullable = false
    )]
    pub endpoint: Option<String>,
    #[schema(max_length = 500)]
    pub contact: Option<String>,
    #[schema(nullable = false)]
    pub status: Option<PartnerStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementDto {
    pub id: Uuid,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_country: String,
    pub instrument: Instrument,
    pub reference: String,
    pub purposes: Vec<String>,
    pub scope: Scope,
    /// Empty: every commodity group.
    pub commodity_groups: Vec<String>,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub notes: Option<String>,
    /// Valid today and its partner active.
    pub in_force: bool,
    /// The signed instrument, when uploaded (`POST /exchange/agreements/{id}/document`).
    pub document: Option<AgreementDocument>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The document of an agreement: the signed instrument as uploaded (cleaned of metadata).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgreementDocument {
    /// The name it was uploaded under.
    pub filename: Option<String>,
    /// Decided from the content: `application/pdf` or an image type.
    pub media_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the stored content, hex.
    pub sha256: String,
    /// Download URL (bearer token required).
    pub content_url: String,
    pub uploaded_by: Uuid,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementList {
    /// Every agreement (of one partner when asked), newest validity first.
    pub items: Vec<AgreementDto>,
}

#[derive(Debug, Deserialize, ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AgreementQuery {
    pub partner_id: Option<Uuid>,
}

/// A legal basis for exchanging cases with a partner.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateAgreement {
    pub partner_id: Uuid,
    pub instrument: Instrument,
    /// The instrument's reference (title, number, date of signature).
    #[schema(min_length = 1, max_length = 200)]
    pub reference: String,
    /// What exchanged data may be used for; at most 20, each 1–200 characters.
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 200>)]
    pub purposes: Vec<String>,
    pub scope: Scope,
    /// Codes of the `commodity_groups` list; empty: every group.
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 100>)]
    pub commodity_groups: Vec<String>,
    pub valid_from: NaiveDate,
    /// Last day in force; none: until ended.
    pub valid_until: Option<NaiveDate>,
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
}

impl CreateAgreement {
    /// Its fields, as a patch's whole is checked.
    pub fn fields(self) -> (Uuid, AgreementFields) {
        (
            self.partner_id,
            AgreementFields {
                instrument: Some(self.instrument),
                reference: Some(self.reference),
                purposes: self.purposes,
                scope: Some(self.scope),
                commodity_groups: self.commodity_groups,
                valid_from: Some(self.valid_from),
                valid_until: self.valid_until,
                notes: self.notes,
            },
        )
    }
}

/// An agreement's fields (`PATCH /exchange/agreements/{id}` takes a JSON merge patch of them).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementFields {
    #[schema(nullable = false)]
    pub instrument: Option<Instrument>,
    /// The instrument's reference (title, number, date of signature).
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub reference: Option<String>,
    /// What exchanged data may be used for; at most 20, each 1–200 characters.
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 200>)]
    pub purposes: Vec<String>,
    #[schema(nullable = false)]
    pub scope: Option<Scope>,
    /// Codes of the `commodity_groups` list; empty: every group.
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 100>)]
    pub commodity_groups: Vec<String>,
    #[schema(nullable = false)]
    pub valid_from: Option<NaiveDate>,
    /// Last day in force; none: until ended.
    pub valid_until: Option<NaiveDate>,
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
}

/// What would leave for a partner: the agreement that covers it and each case as it would be
/// sent, built from the allow-list of the scope.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    pub partner_id: Uuid,
    pub scope: Scope,
    /// Validated cases, 1–100.
    #[schema(min_items = 1, max_items = 100)]
    pub case_ids: Vec<Uuid>,
}

/// Whether a field of the case document leaves in a scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldRule {
    /// JSON path in the case document (`goods[].commodity_group`).
    pub path: &'static str,
    pub class: super::scope::Class,
    /// Sent in the requested scope.
    pub sent: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Preview {
    pub scope: Scope,
    /// The agreement the exchange would rest on (the most specific in force).
    pub agreement: AgreementDto,
    /// Each case exactly as it would leave.
    #[schema(value_type = Vec<Object>)]
    pub documents: Vec<serde_json::Value>,
    /// Every classified field and whether it leaves in this scope.
    pub fields: Vec<FieldRule>,
}

crate::text_enum! {
    /// Where a package for a partner stands: `awaiting_approval` (asked for by an
    /// investigator; a liaison officer must approve it), `pending` (signed, waiting for an
    /// attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
    /// acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
    /// (every attempt failed), `declined` (the request was declined).
    pub enum PackageStatus {
        AwaitingApproval = "awaiting_approval",
        Pending = "pending",
        Sent = "sent",
        Acknowledged = "acknowledged",
        Rejected = "rejected",
        Failed = "failed",
        Declined = "declined",
    }
}

crate::text_enum! {
    /// What a package carries: `cases` (cases in the agreed scope) or `withdrawal` (the
    /// sender withdraws the cases of a package it sent; applied by the receiver on arrival).
    pub enum PackageKind {
        Cases = "cases",
        Withdrawal = "withdrawal",
    }
}

crate::text_enum! {
    /// Where a received package stands: `received` (waiting for review), `imported` (a
    /// withdrawal: applied on arrival), `dismissed`.
    pub enum InboxStatus {
        Received = "received",
        Imported = "imported",
        Dismissed = "dismissed",
    }
}

/// Validated cases to send to a partner. A liaison officer's package is signed and queued at
/// once; an investigator's waits for a liaison officer's approval (four eyes).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    pub partner_id: Uuid,
    pub scope: Scope,
    /// Validated cases, 1–100.
    #[schema(min_items = 1, max_items = 100)]
    pub case_ids: Vec<Uuid>,
    /// Why these cases go to this partner (shown to the approving liaison officer).
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Declining an investigator's request to send.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// Withdrawing the cases of a package the partner acknowledged, with the reason the partner
/// is given.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// A package for a partner and its delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxDto {
    /// The package id (the partner refuses a second package with it).
    pub id: Uuid,
    pub kind: PackageKind,
    /// For a withdrawal: the package whose cases it withdraws.
    pub withdraws: Option<Uuid>,
    /// For a package of cases: the withdrawal sent for it (not refused or failed), if any.
    pub withdrawn_by: Option<Uuid>,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_country: String,
    pub agreement_id: Uuid,
    pub agreement_reference: String,
    pub scope: Scope,
    pub case_ids: Vec<Uuid>,
    /// The cases' references, in the order of `case_ids`.
    pub case_references: Vec<String>,
    pub status: PackageStatus,
    pub note: Option<String>,
    pub requested_by: Uuid,
    pub requested_by_name: Option<String>,
    pub approved_by: Option<Uuid>,
    pub approved_by_name: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decline_reason: Option<String>,
    /// SHA-256 of the signed package (canonical JSON), once approved.
    pub body_sha256: Option<String>,
    /// Size of the package in bytes, once approved.
    pub size: Option<i64>,
    pub attempts: i32,
    /// When the next attempt is due (pending), or when the one under way times out (sent).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Why the last attempt did not succeed, or the partner's reason for refusing.
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The partner's acknowledgement as it signed it.
    #[schema(value_type = Option<Object>)]
    pub acknowledgement: Option<serde_json::Value>,
    /// The partner's signature of the acknowledgement (hex).
    pub acknowledgement_signature: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxList {
    /// Newest first: every package for a liaison officer, one's own requests otherwise.
    pub items: Vec<OutboxDto>,
}

#[derive(Debug, Deserialize, ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    pub status: Option<PackageStatus>,
}

/// A package received from a partner.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxDto {
    /// The sender's package id.
    pub id: Uuid,
    pub kind: PackageKind,
    /// For a withdrawal: the sender's package whose cases it withdraws.
    pub withdraws: Option<Uuid>,
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_country: String,
    /// This node's agreement with the partner that covered the package.
    pub agreement_id: Uuid,
    /// The agreement as the sender named it.
    pub agreement_reference: String,
    pub scope: Scope,
    /// How many cases, and their references at the sender.
    pub cases: i32,
    pub case_references: Vec<String>,
    /// When the sender made the package, sent it (this attempt) and when it arrived.
    pub created_at: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    pub body_sha256: String,
    pub size: i64,
    pub status: InboxStatus,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Why it was dismissed.
    pub review_note: Option<String>,
    pub version: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InboxList {
    /// Newest first.
    pub items: Vec<InboxDto>,
}

/// A received package with its cases as they arrived.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxPackage {
    #[serde(flatten)]
    pub summary: InboxDto,
    /// The sender's signature of the attempt that delivered it (verified on arrival).
    pub signature: String,
    /// Each case as the sender sent it (`reference`, `version`, `document`).
    #[schema(value_type = Vec<Object>)]
    pub documents: Vec<serde_json::Value>,
    /// A withdrawal's cases and reason.
    pub withdrawal: Option<super::package::Withdrawal>,
}
