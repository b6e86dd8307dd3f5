use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::registers::order::RegisterSort;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const CODE_LISTS: &[&str] = &["countries", "document_types"];
pub const GENDERS: &[&str] = &["female", "male", "other", "unknown"];

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
    Unknown,
}

/// An identity document.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentInput {
    /// Code from `document_types`.
    #[schema(required = true, value_type = String)]
    pub document_type: Option<String>,
    #[schema(required = true, value_type = String, max_length = 64)]
    pub number: Option<String>,
    /// ISO 3166-1 alpha-2 code from `countries`.
    pub issuing_country: Option<String>,
    pub expires_on: Option<NaiveDate>,
}

/// A person as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    #[schema(required = true, value_type = String, max_length = 200)]
    pub family_name: Option<String>,
    #[schema(max_length = 200)]
    pub given_names: Option<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<50, 200>)]
    pub aliases: Vec<String>,
    /// The name in its original script (e.g. Cyrillic, Arabic).
    #[schema(max_length = 200)]
    pub original_script_name: Option<String>,
    /// Full or partial: `1980`, `1980-05` or `1980-05-17`; empty clears it.
    #[schema(
        max_length = 10,
        pattern = r"^((19|20)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
    )]
    pub date_of_birth: Option<String>,
    #[schema(max_length = 200)]
    pub place_of_birth: Option<String>,
    #[schema(value_type = Option<Gender>)]
    pub gender: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    #[serde(default)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub documents: Vec<DocumentInput>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 500>)]
    pub addresses: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 40>)]
    pub phones: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::emails_schema)]
    pub emails: Vec<String>,
    #[schema(max_length = 10000)]
    pub notes: Option<String>,
}

/// A full or partial date in the published shape (`PersonQuery::born`'s pattern: a month
/// 01–12, a day 01–31), as (year, month, day); whether the day exists in that month is the
/// calendar's rule (`parse_partial_date`).
pub fn partial_date_shape(s: &str) -> Option<(i16, Option<i16>, Option<i16>)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => Some((num(y, 4)?, None, None)),
        [y, m] => {
            let (y, m) = (num(y, 4)?, num(m, 2)?);
            (1..=12).contains(&m).then_some((y, Some(m), None))
        }
        [y, m, d] => {
            let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, Some(m), Some(d)))
        }
        _ => None,
    }
}

/// Whether a (year, month, day) the shape accepted is a day of the calendar.
fn on_calendar((y, m, d): (i16, Option<i16>, Option<i16>)) -> bool {
    match (m, d) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y.into(), m as u32, d as u32).is_some(),
        _ => true,
    }
}

/// Parses a full or partial date of birth into (year, month, day): the shape and a day that
/// exists.
pub fn parse_partial_date(s: &str) -> Option<(i16, Option<i16>, Option<i16>)> {
    partial_date_shape(s).filter(|&p| on_calendar(p))
}

pub fn format_partial_date(y: Option<i16>, m: Option<i16>, d: Option<i16>) -> Option<String> {
    let y = y?;
    Some(match (m, d) {
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    })
}

impl PersonInput {
    /// Trims and normalises the input, recording every problem under `prefix` (e.g.
    /// `persons[0].person.`).
    pub fn clean(self, book: &CodeBook, prefix: &str, ck: &mut Checker) -> PersonInput {
        let f = |name: &str| format!("{prefix}{name}");
        // Held to the published pattern as sent (not trimmed): empty clears it.
        let date_of_birth = self.date_of_birth.filter(|d| !d.is_empty());
        if let Some(dob) = &date_of_birth {
            match partial_date_shape(dob) {
                None => ck.push(
                    f("date_of_birth"),
                    "format",
                    "must be YYYY, YYYY-MM or YYYY-MM-DD",
                ),
                Some(date) if !on_calendar(date) => ck.push(
                    f("date_of_birth"),
                    "no_such_date",
                    "is not a day of the calendar",
                ),
                Some((y, m, d)) => {
                    let now = ck.now.date_naive();
                    let first = NaiveDate::from_ymd_opt(
                        y.into(),
                        m.unwrap_or(1) as u32,
                        d.unwrap_or(1) as u32,
                    );
                    if y < 1900 {
                        ck.push(f("date_of_birth"), "range", "must be 1900 or later");
                    } else if first.is_none_or(|date| date > now) || i32::from(y) > now.year() {
                        ck.push(f("date_of_birth"), "future", "must not be in the future");
                    }
                }
            }
        }
        let mut documents = Vec::new();
        for (i, doc) in self.documents.into_iter().enumerate() {
            let p = format!("{prefix}documents[{i}].");
            let document_type = ck.code(
                book,
                "document_types",
                &format!("{p}document_type"),
                doc.document_type,
            );
            if document_type.is_none() {
                ck.push(format!("{p}document_type"), "required", "is required");
            }
            let number = ck.required(&format!("{p}number"), doc.number, 64);
            if !number.is_empty() && crate::identifiers::normalise(&number).is_empty() {
                ck.push(
                    format!("{p}number"),
                    "format",
                    "must contain letters or digits",
                );
            }
            documents.push(DocumentInput {
                document_type,
                number: Some(number),
                issuing_country: ck.code(
                    book,
                    "countries",
                    &format!("{p}issuing_country"),
                    doc.issuing_country,
                ),
                expires_on: doc.expires_on,
            });
        }
        if documents.len() > 20 {
            ck.push(f("documents"), "length", "at most 20 items");
        }
        let emails = ck.emails(&f("emails"), self.emails);
        PersonInput {
            family_name: Some(ck.name(&f("family_name"), self.family_name, 200)),
            given_names: ck.text(&f("given_names"), self.given_names, 200),
            aliases: ck.texts(&f("aliases"), self.aliases, 50, 200),
            original_script_name: ck.text(
                &f("original_script_name"),
                self.original_script_name,
                200,
            ),
            date_of_birth,
            place_of_birth: ck.text(&f("place_of_birth"), self.place_of_birth, 200),
            gender: ck.one_of(&f("gender"), self.gender, GENDERS),
            nationalities: ck.codes(book, "countries", &f("nationalities"), self.nationalities),
            documents,
            addresses: ck.texts(&f("addresses"), self.addresses, 20, 500),
            phones: ck.texts(&f("phones"), self.phones, 20, 40),
            emails,
            notes: ck.text(&f("notes"), self.notes, 10_000),
        }
    }
}

/// A person record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonDto {
    pub id: Uuid,
    #[serde(flatten)]
    pub fields: PersonInput,
    /// Send back in `If-Match` when updating.
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

/// A person as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonListItem {
    #[serde(flatten)]
    pub person: PersonDto,
    /// When the latest case that names the person was detected (null: in no case).
    pub last_case_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonPage {
    pub items: Vec<PersonListItem>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PersonQuery {
    /// Name search across spellings, accents, word order and Cyrillic transliteration
    /// (names, aliases and original-script name); or the exact number of one of the person's
    /// identity documents (spaces, hyphens and case ignored), or one of their phone numbers
    /// (national or international form) or e-mail addresses.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Identity document number (exact, spaces and case ignored).
    pub document: Option<String>,
    /// ISO 3166-1 alpha-2 nationality.
    pub nationality: Option<String>,
    /// ISO 3166-1 alpha-2: a nationality of the person, or the issuing country of one of
    /// their identity documents.
    pub country: Option<String>,
    /// Date of birth: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (matches persons whose recorded date
    /// agrees on every part given).
    #[param(pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")]
    pub born: Option<String>,
    /// Year of birth (exact).
    #[param(minimum = -32768, maximum = 32767)]
    pub birth_year: Option<i16>,
    /// `name` (default) or `last_case` (latest case first).
    pub sort: Option<RegisterSort>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
