//! Saved searches: a seizure or register search kept as a rule, and the cases or records
//! that matched it.

use crate::seizures::dto::{CaseKind, CaseQuery, CaseStatus, CaseSummary};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The filters of the seizure list (`GET /seizures`) a rule keeps: every case saved from
/// then on that the list with these filters would show its owner is a hit.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeizureSearch {
    /// Detected at or after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    /// Detected before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CaseKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CaseStatus>,
    /// Reporting unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub commodity_group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub commodity_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub detection_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub concealment_method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub location_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub direction: Option<String>,
    /// Any country on the route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub route_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub conveyance_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conveyance_id: Option<Uuid>,
    /// Free text, as the list searches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub q: Option<String>,
}

impl SeizureSearch {
    pub fn to_case_query(&self) -> CaseQuery {
        let s = self.clone();
        CaseQuery {
            from: s.from,
            to: s.to,
            kind: s.kind,
            status: s.status,
            unit_id: s.unit_id,
            commodity_group: s.commodity_group,
            commodity_type: s.commodity_type,
            detection_method: s.detection_method,
            concealment_method: s.concealment_method,
            location_type: s.location_type,
            direction: s.direction,
            route_country: s.route_country,
            conveyance_type: s.conveyance_type,
            person_id: s.person_id,
            company_id: s.company_id,
            conveyance_id: s.conveyance_id,
            q: s.q,
            order: None,
            limit: None,
            cursor: None,
        }
    }
}

/// What a rule searches: seizure cases (the default) or one of the registers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchTarget {
    #[default]
    Seizures,
    Persons,
    Companies,
    Conveyances,
}

impl SearchTarget {
    pub const ALL: [SearchTarget; 4] = [
        SearchTarget::Seizures,
        SearchTarget::Persons,
        SearchTarget::Companies,
        SearchTarget::Conveyances,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SearchTarget::Seizures => "seizures",
            SearchTarget::Persons => "persons",
            SearchTarget::Companies => "companies",
            SearchTarget::Conveyances => "conveyances",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The filters of the person list (`GET /persons`) a rule keeps: every person registered or
/// corrected from then on that the list would show is a hit.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonSearch {
    /// As the list's `q`: a name (similar spellings), a document number, a phone or e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 64)]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2)]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2)]
    pub country: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")]
    pub born: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i16>,
}

impl PersonSearch {
    pub fn to_query(&self) -> crate::registers::persons::dto::PersonQuery {
        let s = self.clone();
        crate::registers::persons::dto::PersonQuery {
            q: s.q,
            document: s.document,
            nationality: s.nationality,
            country: s.country,
            born: s.born,
            birth_year: s.birth_year,
            sort: None,
            limit: None,
            cursor: None,
        }
    }
}

/// The filters of the company list (`GET /companies`) a rule keeps.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanySearch {
    /// As the list's `q`: a name or alias (similar spellings), or an exact identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2)]
    pub country: Option<String>,
    /// A `company_roles` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub activity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 64)]
    pub identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::registers::companies::dto::CompanyStatus>)]
    pub status: Option<String>,
    /// A `fraud_typologies` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub typology: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_band: Option<crate::registers::companies::risk::RiskBand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
}

impl CompanySearch {
    pub fn to_query(&self) -> crate::registers::companies::dto::CompanyQuery {
        let s = self.clone();
        crate::registers::companies::dto::CompanyQuery {
            q: s.q,
            country: s.country,
            activity: s.activity,
            identifier: s.identifier,
            status: s.status,
            typology: s.typology,
            risk_band: s.risk_band,
            person_id: s.person_id,
            sort: None,
            limit: None,
            cursor: None,
        }
    }
}

/// The filters of the conveyance list (`GET /conveyances`) a rule keeps.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConveyanceSearch {
    /// As the list's `q`: an identifier's beginning or part of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub q: Option<String>,
    /// A `conveyance_types` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 100)]
    pub conveyance_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_kind: Option<crate::identifiers::IdentifierKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 2)]
    pub country: Option<String>,
}

impl ConveyanceSearch {
    pub fn to_query(&self) -> crate::registers::conveyances::dto::ConveyanceQuery {
        let s = self.clone();
        crate::registers::conveyances::dto::ConveyanceQuery {
            q: s.q,
            conveyance_type: s.conveyance_type,
            identifier_kind: s.identifier_kind,
            country: s.country,
            sort: None,
            limit: None,
            cursor: None,
        }
    }
}

/// A register search a rule keeps: the register it searches, and its filters as that list
/// reads them.
pub trait RegisterSearch: serde::de::DeserializeOwned + Serialize + Send {
    type Register: crate::registers::Register;
    /// The list's free text.
    fn text(&self) -> Option<String>;
    fn to_list_query(&self) -> <Self::Register as crate::registers::Register>::Query;
}

impl RegisterSearch for PersonSearch {
    type Register = crate::registers::persons::Persons;
    fn text(&self) -> Option<String> {
        self.q.clone()
    }
    fn to_list_query(&self) -> crate::registers::persons::dto::PersonQuery {
        self.to_query()
    }
}

impl RegisterSearch for CompanySearch {
    type Register = crate::registers::companies::Companies;
    fn text(&self) -> Option<String> {
        self.q.clone()
    }
    fn to_list_query(&self) -> crate::registers::companies::dto::CompanyQuery {
        self.to_query()
    }
}

impl RegisterSearch for ConveyanceSearch {
    type Register = crate::registers::conveyances::Conveyances;
    fn text(&self) -> Option<String> {
        self.q.clone()
    }
    fn to_list_query(&self) -> crate::registers::conveyances::dto::ConveyanceQuery {
        self.to_query()
    }
}

/// The published schema of a rule's `query`: the filters of the list its `target` names.
pub fn query_schema() -> utoipa::openapi::Schema {
    query_any_of().build().into()
}

/// A change's `query`: the same, or `null` (unchanged).
pub fn query_patch_schema() -> utoipa::openapi::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    query_any_of()
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .build()
        .into()
}

fn query_any_of() -> utoipa::openapi::schema::AnyOfBuilder {
    use utoipa::openapi::schema::{AnyOfBuilder, Ref};
    AnyOfBuilder::new()
        .item(Ref::from_schema_name("SeizureSearch"))
        .item(Ref::from_schema_name("PersonSearch"))
        .item(Ref::from_schema_name("CompanySearch"))
        .item(Ref::from_schema_name("ConveyanceSearch"))
        .description(Some(
            "The filters of the list `target` names: `SeizureSearch` (seizures), `PersonSearch`, \
             `CompanySearch` or `ConveyanceSearch`; another list's filters are refused \
             (`query`: `not_for_target`).",
        ))
}

/// A new rule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SavedSearchInput {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\u{0}]*[^\\s\u{0}][^\u{0}]*$"
    )]
    pub name: String,
    /// Default `seizures`.
    #[serde(default)]
    pub target: SearchTarget,
    #[schema(schema_with = query_schema)]
    pub query: serde_json::Value,
    /// The members of the owner's unit see the rule and its hits (default false).
    #[serde(default)]
    pub shared: bool,
}

/// A change to a rule (its owner's): only the fields given change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SavedSearchPatch {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\u{0}]*[^\\s\u{0}][^\u{0}]*$"
    )]
    pub name: Option<String>,
    /// The filters of the rule's `target` list.
    #[schema(schema_with = query_patch_schema)]
    pub query: Option<serde_json::Value>,
    pub shared: Option<bool>,
    /// A paused rule matches nothing.
    pub active: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedSearchDto {
    pub id: Uuid,
    pub name: String,
    pub target: SearchTarget,
    #[schema(schema_with = query_schema)]
    pub query: serde_json::Value,
    pub shared: bool,
    pub active: bool,
    pub owner_id: Uuid,
    pub owner_name: String,
    pub unit_id: Uuid,
    /// The caller owns it (and may change it).
    pub mine: bool,
    /// Cases (or records) that matched since it was saved.
    pub hits: i32,
    pub last_hit_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedSearchList {
    /// The caller's rules, then those shared with the caller's unit; by name.
    pub items: Vec<SavedSearchDto>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchHitQuery {
    /// 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// A case, or a register record, that matched a rule (as the rule's `target` says).
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    pub matched_at: DateTime<Utc>,
    /// The case (a rule over seizures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseSummary>,
    /// The person, company or conveyance (a rule over a register).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<HitRecord>,
}

/// A register record as a hit shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HitRecord {
    pub target: SearchTarget,
    pub id: Uuid,
    /// The name (with the date of birth), the company with its country, the conveyance's
    /// identifier.
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHitList {
    /// The latest hits first.
    pub items: Vec<SearchHit>,
    pub total: i64,
}
