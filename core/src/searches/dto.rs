//! Saved searches: a seizure search kept as a rule, and the cases that matched it.

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
    pub query: SeizureSearch,
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
    pub query: Option<SeizureSearch>,
    pub shared: Option<bool>,
    /// A paused rule matches nothing.
    pub active: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedSearchDto {
    pub id: Uuid,
    pub name: String,
    pub query: SeizureSearch,
    pub shared: bool,
    pub active: bool,
    pub owner_id: Uuid,
    pub owner_name: String,
    pub unit_id: Uuid,
    /// The caller owns it (and may change it).
    pub mine: bool,
    /// Cases that matched since it was saved.
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

/// A case that matched a rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    pub matched_at: DateTime<Utc>,
    pub case: CaseSummary,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHitList {
    /// The latest hits first.
    pub items: Vec<SearchHit>,
    pub total: i64,
}
