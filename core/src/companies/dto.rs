//! Wire types of the company database: people, relations, typologies, flags, the profile
//! that gathers them, the risk with its explanation.

use crate::common::names::Named;
use crate::registers::companies::keys::SharedIdentifier;
use crate::registers::companies::risk::{RiskBand, RiskBands};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

crate::text_enum! {
    /// A person's role in a company.
    pub enum PersonRole {
        Director = "director",
        Shareholder = "shareholder",
        BeneficialOwner = "beneficial_owner",
        Representative = "representative",
        Employee = "employee",
        CustomsBroker = "customs_broker",
    }
}

/// A person to link to the company.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyPersonInput {
    pub person_id: Uuid,
    pub role: PersonRole,
    /// Shareholders and beneficial owners: the share held, over 0 and at most 100; the shares
    /// held at any one time add up to at most 100 %.
    #[schema(exclusive_minimum = 0, maximum = 100)]
    pub share_percent: Option<f64>,
    pub from: Option<NaiveDate>,
    /// Not before `from`.
    pub until: Option<NaiveDate>,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

/// A person linked to the company.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyPerson {
    pub id: Uuid,
    pub person: Named,
    pub role: PersonRole,
    pub share_percent: Option<f64>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// How this company stands to the other, as entered: "this company is the `parent` of the
/// other", "… `subsidiary` of …", "… in the `same_group` as …", "… `successor_of` …" (a
/// phoenix taking over), "… `predecessor_of` …", "… `agent_of` …", "… `principal_of` …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Parent,
    Subsidiary,
    SameGroup,
    SuccessorOf,
    PredecessorOf,
    AgentOf,
    PrincipalOf,
}

/// A relation to record between this company and another.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationInput {
    pub kind: RelationKind,
    /// The other company (not this one).
    pub company_id: Uuid,
    /// Parent and subsidiary: the share the parent holds, over 0 and at most 100.
    #[schema(exclusive_minimum = 0, maximum = 100)]
    pub share_percent: Option<f64>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

/// A relation as seen from the company read: "this company is the `kind` of `company`".
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Relation {
    pub id: Uuid,
    pub kind: RelationKind,
    pub company: CompanyRef,
    pub share_percent: Option<f64>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Another company, as a link shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyRef {
    pub id: Uuid,
    pub name: String,
    pub status: String,
    pub country: Option<String>,
    pub risk_score: i32,
    pub risk_band: RiskBand,
}

/// Why two companies are linked without anyone having recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SharedKind {
    Address,
    Phone,
    Email,
    Website,
    BankAccount,
    Director,
    Owner,
}

/// A computed link: another company sharing something with this one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComputedLink {
    pub company: CompanyRef,
    pub shared: SharedKind,
    /// What is shared: the address, number or account as stored, or the person's name.
    pub value: String,
    /// The shared person, for `director` and `owner`.
    pub person_id: Option<Uuid>,
}

/// A fraud typology to record against the company's part in a case or an investigation
/// (exactly one of the two, naming the company).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TypologyInput {
    /// A `fraud_typologies` code.
    #[schema(min_length = 1, max_length = 64)]
    pub typology: String,
    pub case_id: Option<Uuid>,
    pub investigation_id: Option<Uuid>,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Typology {
    pub id: Uuid,
    pub typology: String,
    /// The case, by reference.
    pub case: Option<Named>,
    /// The investigation, by reference; null when the reader is not on its team (the
    /// typology still counts).
    pub investigation: Option<Named>,
    pub note: Option<String>,
    pub recorded_by: Named,
    pub recorded_at: DateTime<Utc>,
}

/// An analyst's manual flag: points added to (or taken from) the risk score, with why.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyFlagInput {
    /// −50 to 50, not 0.
    #[schema(minimum = -50, maximum = 50)]
    pub points: i32,
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyFlag {
    pub id: Uuid,
    pub points: i32,
    pub reason: String,
    pub set_by: Named,
    pub set_at: DateTime<Utc>,
}

/// What a contribution to the risk score counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    Cases,
    CaseValue,
    Alerts,
    Hits,
    Investigations,
    Typologies,
    LinkedCompanies,
    LinkedPersons,
    ManualFlags,
    /// The score is kept between 0 and 100: what was cut off (negative above 100).
    Bound,
}

/// A record a contribution counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FactorRef {
    /// `case`, `alert`, `hit`, `investigation`, `company`, `person`, `typology`, `flag`.
    pub kind: String,
    /// Null when the reader may not see the record (an investigation of another team).
    pub id: Option<Uuid>,
    pub label: String,
    pub points: i32,
}

/// One contribution to the score, with the records it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Contribution {
    pub factor: Factor,
    pub points: i32,
    /// The rule, in English (the browser app words it in the reader's language from
    /// `factor`).
    pub rule: String,
    pub refs: Vec<FactorRef>,
}

/// A company's risk: the score, its band, and every contribution (they add up to the
/// score).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskDto {
    pub score: i32,
    pub band: RiskBand,
    pub thresholds: RiskBands,
    /// Null until first computed.
    pub computed_at: Option<DateTime<Utc>>,
    /// Waiting for recomputation (an input changed a moment ago).
    pub pending: bool,
    pub explanation: Vec<Contribution>,
}

/// Everything the company database holds around a company, in one read.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyProfile {
    pub people: Vec<CompanyPerson>,
    pub relations: Vec<Relation>,
    /// Other companies sharing an address, phone, e-mail, website, bank account, director
    /// or owner (addresses shared by more than `hub_limit` companies are not listed company
    /// by company: see `hubs`).
    pub computed_links: Vec<ComputedLink>,
    /// Shared addresses and contact points too common to list (a formation agent's address):
    /// what is shared and by how many companies.
    pub hubs: Vec<SharedHub>,
    pub shared_identifiers: Vec<SharedIdentifier>,
    pub typologies: Vec<Typology>,
    pub flags: Vec<CompanyFlag>,
    pub risk: RiskDto,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SharedHub {
    pub shared: SharedKind,
    pub value: String,
    pub companies: i64,
}

crate::text_enum! {
    /// What a timeline event is: a case the company appears in (`detail`: its roles there),
    /// its link to an investigation (`detail`: its role), an alert on it (`detail`: the risk
    /// level), a hit of an alert on its record, a message thread about it — about one of its
    /// cases or investigations, or a warning watching it (`detail`: the thread's kind).
    pub enum TimelineKind {
        Case = "case",
        Investigation = "investigation",
        Alert = "alert",
        AlertHit = "alert_hit",
        Message = "message",
    }
}

/// One event of a company's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyTimelineEvent {
    pub kind: TimelineKind,
    /// Cases: detected; investigations: linked; alerts: activated (or written); hits:
    /// found; threads: started.
    pub at: DateTime<Utc>,
    /// The record to open: the case, investigation, alert (for a hit too) or thread.
    pub id: Uuid,
    /// The case's, investigation's or alert's reference.
    pub reference: Option<String>,
    /// The investigation's title, the thread's subject.
    pub title: Option<String>,
    pub detail: Option<String>,
    /// The case's, investigation's, alert's or hit's status.
    pub status: Option<String>,
}

/// What exists about the company that the reader may not see, as counts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RestrictedCounts {
    /// Investigations linked to the company the reader is not on.
    pub investigations: i64,
    /// Alerts on or hitting the company that are not the reader's unit's (all of them
    /// without the permission to work alerts).
    pub alerts: i64,
}

/// A page of a company's timeline, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyTimeline {
    pub items: Vec<CompanyTimelineEvent>,
    /// Pass as `cursor` for the next (older) page; null on the last.
    pub next_cursor: Option<String>,
    pub restricted: RestrictedCounts,
}
