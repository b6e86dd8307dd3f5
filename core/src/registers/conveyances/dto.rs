use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::identifiers::{self, IdentifierKind};
use crate::registers::order::RegisterSort;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const CODE_LISTS: &[&str] = &["countries", "conveyance_types"];

/// A conveyance as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConveyanceInput {
    /// Code from `conveyance_types`.
    #[schema(required = true, value_type = String)]
    pub conveyance_type: Option<String>,
    #[schema(required = true, value_type = IdentifierKind)]
    pub identifier_kind: Option<String>,
    /// Validated for its kind (ISO 6346, IMO, MMSI, VIN, air waybill check digits…);
    /// stored trimmed, and normalised (no spaces or hyphens, upper case) for matching.
    #[schema(required = true, value_type = String, max_length = 64)]
    pub identifier: Option<String>,
    /// Flag or registration country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Vessel name, airline, carrier…
    #[schema(max_length = 200)]
    pub name: Option<String>,
    #[schema(max_length = 100)]
    pub make: Option<String>,
    #[schema(max_length = 100)]
    pub model: Option<String>,
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
}

impl ConveyanceInput {
    /// Cleans the input; returns it with the normalised identifier.
    pub fn clean(
        self,
        book: &CodeBook,
        prefix: &str,
        ck: &mut Checker,
    ) -> (ConveyanceInput, String) {
        let f = |name: &str| format!("{prefix}{name}");
        let conveyance_type = ck.code(
            book,
            "conveyance_types",
            &f("conveyance_type"),
            self.conveyance_type,
        );
        if conveyance_type.is_none() {
            ck.push(f("conveyance_type"), "required", "is required");
        }
        let kinds: Vec<&str> = IdentifierKind::ALL.iter().map(|k| k.as_str()).collect();
        let identifier_kind = ck.one_of(&f("identifier_kind"), self.identifier_kind, &kinds);
        let identifier = ck.required(&f("identifier"), self.identifier, 64);
        let mut norm = identifiers::normalise(&identifier);
        match identifier_kind.as_deref().and_then(IdentifierKind::parse) {
            Some(kind) if !identifier.is_empty() => {
                match identifiers::validate(kind, &identifier) {
                    Ok(n) => norm = n,
                    Err(e) => ck.push(f("identifier"), e.code(), e.message()),
                }
            }
            _ if identifier_kind.is_none() => {
                ck.push(f("identifier_kind"), "required", "is required")
            }
            _ => {}
        }
        let clean = ConveyanceInput {
            conveyance_type,
            identifier_kind,
            identifier: Some(identifier),
            country: ck.code(book, "countries", &f("country"), self.country),
            name: ck.text(&f("name"), self.name, 200),
            make: ck.text(&f("make"), self.make, 100),
            model: ck.text(&f("model"), self.model, 100),
            notes: ck.text(&f("notes"), self.notes, 10_000),
        };
        (clean, norm)
    }
}

/// A conveyance record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConveyanceDto {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: ConveyanceInput,
    /// The identifier as matched: no spaces or hyphens, upper case.
    pub identifier_norm: String,
    /// Send back in `If-Match` when updating.
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

/// A conveyance as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConveyanceListItem {
    #[serde(flatten)]
    pub conveyance: ConveyanceDto,
    /// When the latest case that names the conveyance was detected (null: in no case).
    pub last_case_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConveyancePage {
    pub items: Vec<ConveyanceListItem>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConveyanceQuery {
    /// Identifier prefix (spaces, hyphens and case ignored) or part of the name.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// A `conveyance_types` code.
    pub conveyance_type: Option<String>,
    pub identifier_kind: Option<IdentifierKind>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// `name` (default: by identifier) or `last_case` (latest case first).
    pub sort: Option<RegisterSort>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
