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
    #[schema(pattern = "^[A-Za-z0-9_.-]{1,64}$")]
    pub code: String,
    #[schema(schema_with = labels_schema)]
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
    #[schema(schema_with = label_changes_schema)]
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

/// A label: not blank, at most 200 characters.
pub const LABEL_PATTERN: &str = "^[^\u{0}]*[^\\s\u{0}][^\u{0}]*$";

fn label() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .min_length(Some(1))
        .max_length(Some(200))
        .pattern(Some(LABEL_PATTERN))
        .build()
}

fn any(
    schema: impl Into<utoipa::openapi::Schema>,
) -> utoipa::openapi::schema::AdditionalProperties<utoipa::openapi::Schema> {
    utoipa::openapi::schema::AdditionalProperties::RefOr(utoipa::openapi::RefOr::T(schema.into()))
}

fn language() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::String)
        .pattern(Some("^[a-z]{2,3}$"))
        .build()
}

/// Labels by ISO 639 language code (`en` required), as `codelists::service` checks them.
fn labels_schema() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::Type::Object)
        .property("en", label())
        .required("en")
        .additional_properties(Some(any(label())))
        .property_names(Some(language()))
        .build()
}

/// Label changes: a label per language, or `null` to remove one (not `en`).
fn label_changes_schema() -> utoipa::openapi::Object {
    let label_or_null = utoipa::openapi::schema::OneOfBuilder::new()
        .item(label())
        .item(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::Type::Null)
                .build(),
        )
        .build();
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::Type::Object,
            utoipa::openapi::Type::Null,
        ]))
        .property("en", label())
        .additional_properties(Some(any(label_or_null)))
        .property_names(Some(language()))
        .build()
}
