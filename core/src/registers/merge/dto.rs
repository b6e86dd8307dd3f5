use crate::common::names::Named;
use chrono::{DateTime, Utc};
use ncen_matching::Feature;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// The register a merge or a pair belongs to.
    pub enum MergeKind {
        Person = "person",
        Company = "company",
    }
}

/// Merges the record named in `merged_id` into the one in the path (the survivor, whose
/// version goes in `If-Match`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInput {
    pub merged_id: Uuid,
    /// The merged record's version as the caller saw it (412 when it moved on).
    pub merged_version: i32,
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// Why a merge is undone, or a pair declared distinct.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonInput {
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// A record named in a merge or a pair, as lists show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordLabel {
    pub id: Uuid,
    pub label: String,
    /// Set when the record is merged into another now.
    pub merged_into: Option<Uuid>,
}

/// What a merge moved.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MergeCounts {
    /// Case links moved to the survivor.
    pub links: usize,
    /// Case links the survivor already had (same case and role).
    pub duplicate_links: usize,
    /// Alerts on the merged record now on the survivor.
    pub alerts: usize,
    /// Fields of the survivor that took a value or items from the merged record.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MergeDto {
    pub id: Uuid,
    pub kind: MergeKind,
    pub survivor: RecordLabel,
    pub merged: RecordLabel,
    pub reason: String,
    pub merged_by: Named,
    pub merged_at: DateTime<Utc>,
    pub moved: MergeCounts,
    pub undone_by: Option<Named>,
    pub undone_at: Option<DateTime<Utc>>,
    pub undo_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MergeList {
    pub items: Vec<MergeDto>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MergeQuery {
    /// The merges a record took part in (as survivor or merged), newest first.
    #[param(required = true, value_type = Uuid)]
    pub record_id: Option<Uuid>,
}

crate::text_enum! {
    /// `open` (to review), `merged`, `distinct` (reviewed: not the same).
    pub enum PairStatus {
        Open = "open",
        Merged = "merged",
        Distinct = "distinct",
    }
}

/// Two records of a register the matching engine finds likely to be one.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DuplicatePair {
    pub id: Uuid,
    pub kind: MergeKind,
    pub first: RecordLabel,
    pub second: RecordLabel,
    /// From 0 to 1.
    pub score: f64,
    /// An identity document, registration number, tax id or EORI is the same.
    pub exact: bool,
    /// Why: each piece of evidence and its part of the score.
    pub features: Vec<Feature>,
    pub status: PairStatus,
    pub detected_at: DateTime<Utc>,
    pub reviewed_by: Option<Named>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_reason: Option<String>,
    pub merge_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DuplicatePage {
    pub items: Vec<DuplicatePair>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DuplicateQuery {
    pub kind: Option<MergeKind>,
    /// `open` unless asked otherwise.
    pub status: Option<PairStatus>,
    /// 1–100 (default 50).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
