use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct CodeListSummary {
    pub name: String,
    pub description: String,
    /// The list whose codes this list's `parent_code` refers to.
    pub parent_list: Option<String>,
    /// Active entries.
    pub entry_count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CodeListIndex {
    pub items: Vec<CodeListSummary>,
}

#[derive(Debug, Serialize, ToSchema, Clone)]
pub struct CodeEntry {
    pub code: String,
    pub parent_code: Option<String>,
    /// Label by language (`en` always present).
    pub labels: BTreeMap<String, String>,
    /// List-specific attributes, e.g. `kg_factor` for units of measure.
    #[schema(value_type = Object)]
    pub attributes: serde_json::Value,
    pub sort_order: i32,
    pub retired: bool,
    pub retired_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CodeList {
    pub name: String,
    pub description: String,
    pub parent_list: Option<String>,
    pub entries: Vec<CodeEntry>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CodeListQuery {
    /// Include retired entries (default false).
    pub include_retired: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEntry {
    /// 1–64 characters: letters, digits, `_`, `-`, `.`.
    pub code: String,
    pub labels: BTreeMap<String, String>,
    pub parent_code: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<serde_json::Value>,
    pub sort_order: Option<i32>,
}

/// An entry's editable fields. `PATCH` takes a JSON merge patch of them (RFC 7396): only
/// what changes; within `labels`, `null` removes a language.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateEntry {
    pub labels: Option<BTreeMap<String, String>>,
    /// `true` retires the entry (no longer offered for new records), `false` reinstates it.
    pub retired: Option<bool>,
    pub sort_order: Option<i32>,
}

impl UpdateEntry {
    /// The current fields of an entry, the document a patch applies to.
    pub fn current(entry: &CodeEntry) -> Self {
        UpdateEntry {
            labels: Some(entry.labels.clone()),
            retired: Some(entry.retired),
            sort_order: Some(entry.sort_order),
        }
    }
}
