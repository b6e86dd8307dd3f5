use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::registers::order::RegisterSort;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const CODE_LISTS: &[&str] = &["countries", "company_roles"];
pub const STATUSES: &[&str] = &["active", "inactive", "dissolved", "unknown"];

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    Active,
    Inactive,
    Dissolved,
    Unknown,
}

/// A company as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyInput {
    #[schema(required = true, value_type = String, max_length = 300)]
    pub name: Option<String>,
    /// Trading names and other spellings.
    #[serde(default)]
    #[schema(schema_with = aliases_schema)]
    pub aliases: Vec<String>,
    /// Stored normalised (upper case, no spaces or hyphens).
    #[schema(max_length = 64)]
    pub registration_number: Option<String>,
    /// Stored normalised.
    #[schema(max_length = 64)]
    pub tax_id: Option<String>,
    /// EORI number: country code and up to 15 letters or digits, e.g. `FR12345678901234`
    /// (spaces, `-`, `.` and `/` are ignored; case too).
    #[schema(
        max_length = 17,
        pattern = "^\\s*$|^[\\s./-]*([A-Za-z][\\s./-]*){2}([A-Za-z0-9][\\s./-]*){1,15}$"
    )]
    pub eori: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Codes from `company_roles` (importer, exporter, broker, carrier…).
    #[serde(default)]
    pub activities: Vec<String>,
    /// Default `active`.
    #[schema(value_type = Option<CompanyStatus>)]
    pub status: Option<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 500>)]
    pub addresses: Vec<String>,
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
}

impl CompanyInput {
    pub fn clean(self, book: &CodeBook, prefix: &str, ck: &mut Checker) -> CompanyInput {
        let f = |name: &str| format!("{prefix}{name}");
        let norm = |v: Option<String>| v.map(|v| crate::identifiers::normalise(&v));
        let registration_number =
            norm(ck.text(&f("registration_number"), self.registration_number, 64));
        let tax_id = norm(ck.text(&f("tax_id"), self.tax_id, 64));
        let eori = norm(ck.text(&f("eori"), self.eori, 17));
        if let Some(e) = &eori {
            if !crate::identifiers::eori(e) {
                ck.push(
                    f("eori"),
                    "format",
                    "must be a country code followed by up to 15 letters or digits",
                );
            }
        }
        CompanyInput {
            name: Some(ck.name(&f("name"), self.name, 300)),
            aliases: ck.texts(&f("aliases"), self.aliases, 50, 300),
            registration_number,
            tax_id,
            eori,
            country: ck.code(book, "countries", &f("country"), self.country),
            activities: ck.codes(book, "company_roles", &f("activities"), self.activities),
            status: Some(
                ck.one_of(&f("status"), self.status, STATUSES)
                    .unwrap_or_else(|| "active".into()),
            ),
            addresses: ck.texts(&f("addresses"), self.addresses, 20, 500),
            notes: ck.text(&f("notes"), self.notes, 10_000),
        }
    }
}

/// A company record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CompanyDto {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: CompanyInput,
    /// Send back in `If-Match` when updating.
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

/// A company as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyListItem {
    #[serde(flatten)]
    pub company: CompanyDto,
    /// When the latest case that names the company was detected (null: in no case).
    pub last_case_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyPage {
    pub items: Vec<CompanyListItem>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CompanyQuery {
    /// Name or alias (accent-, case- and order-insensitive, similar spellings), or an exact
    /// registration number, tax id or EORI.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// A `company_roles` code.
    pub activity: Option<String>,
    /// `name` (default) or `last_case` (latest case first).
    pub sort: Option<RegisterSort>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn aliases_schema() -> utoipa::openapi::Array {
    let mut schema = crate::common::check::texts_schema::<50, 300>();
    schema.description = Some("Trading names and other spellings.".into());
    schema
}
