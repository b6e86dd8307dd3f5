use super::ids::TradeIdKind;
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::registers::order::RegisterSort;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub const CODE_LISTS: &[&str] = &["countries", "company_roles", "legal_forms"];
pub const STATUSES: &[&str] = &["active", "dormant", "dissolved", "deregistered", "unknown"];

/// A company's standing in its register. `unknown`: entered at a seizure, register not
/// consulted.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    Active,
    Dormant,
    Dissolved,
    Deregistered,
    Unknown,
}

/// A name the company went by, and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FormerName {
    #[schema(required = true, value_type = String, min_length = 1, max_length = 300)]
    pub name: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// An identifier of the company, with its issuing country (see `TradeIdKind` for each
/// kind's format and check digits). Stored normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyIdentifier {
    pub kind: TradeIdKind,
    #[schema(min_length = 1, max_length = 64)]
    pub value: String,
    /// ISO 3166-1 alpha-2; taken from the value's prefix for EORI, VAT, IBAN and AEO;
    /// required for registration and tax numbers.
    pub country: Option<String>,
}

/// Where an address serves the company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AddressKind {
    Registered,
    Operational,
    Warehouse,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyAddress {
    /// Unknown when not given (addresses recorded before addresses had a type).
    pub kind: Option<AddressKind>,
    #[schema(max_length = 300)]
    pub street: Option<String>,
    #[schema(max_length = 20)]
    pub postcode: Option<String>,
    #[schema(max_length = 100)]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
}

impl CompanyAddress {
    /// The address on one line, as printed and matched.
    pub fn line(&self) -> String {
        let place = [self.postcode.as_deref(), self.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        [
            self.street.as_deref(),
            Some(place.as_str()),
            self.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// A company as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyInput {
    /// The legal name.
    #[schema(required = true, value_type = String, max_length = 300)]
    pub name: Option<String>,
    /// Trading names and other spellings.
    #[serde(default)]
    #[schema(schema_with = aliases_schema)]
    pub aliases: Vec<String>,
    /// Names the company went by before, with their dates.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub former_names: Vec<FormerName>,
    /// A `legal_forms` code of the company's country (e.g. `fr_sas`, `de_gmbh`).
    pub legal_form: Option<String>,
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
    /// Further identifiers — VAT, LEI, IBAN of accounts used, AEO certificate, other
    /// registrations — validated with their check digits.
    #[serde(default)]
    #[schema(max_items = 30)]
    pub identifiers: Vec<CompanyIdentifier>,
    /// ISO 3166-1 alpha-2 code: where the company is established.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code, when incorporated elsewhere.
    pub incorporation_country: Option<String>,
    pub incorporated_on: Option<NaiveDate>,
    /// Codes from `company_roles` (importer, exporter, broker, carrier…).
    #[serde(default)]
    pub activities: Vec<String>,
    /// Default `active`.
    #[schema(value_type = Option<CompanyStatus>)]
    pub status: Option<String>,
    /// Since when the status holds (the dissolution date of a dissolved company).
    pub status_since: Option<NaiveDate>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub addresses: Vec<CompanyAddress>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<20, 40>)]
    pub phones: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::emails_schema)]
    pub emails: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = crate::common::check::texts_schema::<10, 200>)]
    pub websites: Vec<String>,
    /// HS chapters traded, two digits (`01`–`97`).
    #[serde(default)]
    #[schema(schema_with = hs_chapters_schema)]
    pub hs_chapters: Vec<String>,
    /// Usual route countries (ISO 3166-1 alpha-2).
    #[serde(default)]
    #[schema(max_items = 30)]
    pub trade_countries: Vec<String>,
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
        let country = ck.code(book, "countries", &f("country"), self.country);
        let incorporation_country = ck.code(
            book,
            "countries",
            &f("incorporation_country"),
            self.incorporation_country,
        );
        let legal_form = ck.code(book, "legal_forms", &f("legal_form"), self.legal_form);
        if let (Some(form), Some(cc)) = (
            &legal_form,
            incorporation_country.as_deref().or(country.as_deref()),
        ) {
            match book.attribute("legal_forms", form, "country") {
                Some(of) if of != cc => ck.push(
                    f("legal_form"),
                    "country_mismatch",
                    format!("is a legal form of {of}, not of {cc}"),
                ),
                _ => {}
            }
        }
        let today = chrono::Utc::now().date_naive();
        for (field, d) in [
            ("incorporated_on", self.incorporated_on),
            ("status_since", self.status_since),
        ] {
            if d.is_some_and(|d| d > today) {
                ck.push(f(field), "future", "must not be in the future");
            }
        }
        if let (Some(inc), Some(since)) = (self.incorporated_on, self.status_since) {
            if since < inc {
                ck.push(
                    f("status_since"),
                    "before_start",
                    "must not be before incorporation",
                );
            }
        }
        let former_names = clean_former_names(self.former_names, &f("former_names"), ck);
        let identifiers = clean_identifiers(self.identifiers, book, &f("identifiers"), ck);
        let addresses = clean_addresses(self.addresses, book, &f("addresses"), ck);
        let emails = ck.emails(&f("emails"), self.emails);
        // each chapter as sent (`hs_chapters_schema`), before trimming
        for (i, c) in self.hs_chapters.iter().enumerate() {
            let n: u32 = c.parse().unwrap_or(0);
            if c.len() != 2 || !(1..=97).contains(&n) || n == 77 {
                ck.push(
                    format!("{}[{i}]", f("hs_chapters")),
                    "format",
                    "an HS chapter: two digits from 01 to 97 (77 is reserved)",
                );
            }
        }
        let hs_chapters = ck.texts(&f("hs_chapters"), self.hs_chapters, 97, 2);
        if self.trade_countries.len() > 30 {
            ck.push(f("trade_countries"), "length", "at most 30 items");
        }
        CompanyInput {
            name: Some(ck.name(&f("name"), self.name, 300)),
            aliases: ck.texts(&f("aliases"), self.aliases, 50, 300),
            former_names,
            legal_form,
            registration_number,
            tax_id,
            eori,
            identifiers,
            country,
            incorporation_country,
            incorporated_on: self.incorporated_on,
            activities: ck.codes(book, "company_roles", &f("activities"), self.activities),
            status: Some(
                ck.one_of(&f("status"), self.status, STATUSES)
                    .unwrap_or_else(|| "active".into()),
            ),
            status_since: self.status_since,
            addresses,
            phones: ck.texts(&f("phones"), self.phones, 20, 40),
            emails,
            websites: ck.texts(&f("websites"), self.websites, 10, 200),
            hs_chapters,
            trade_countries: ck.codes(
                book,
                "countries",
                &f("trade_countries"),
                self.trade_countries,
            ),
            notes: ck.text(&f("notes"), self.notes, 10_000),
        }
    }

    /// Every identifier of the company, the three named fields among them, as stored in
    /// `company_keys` (kind, normalised value).
    pub fn identifier_keys(&self) -> Vec<(TradeIdKind, String)> {
        let mut out: Vec<(TradeIdKind, String)> = Vec::new();
        let named = [
            (TradeIdKind::Registration, &self.registration_number),
            (TradeIdKind::Tax, &self.tax_id),
            (TradeIdKind::Eori, &self.eori),
        ];
        for (kind, v) in named {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                out.push((kind, v.clone()));
            }
        }
        for i in &self.identifiers {
            out.push((i.kind, i.value.clone()));
        }
        out.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
        out.dedup();
        out
    }
}

fn clean_former_names(names: Vec<FormerName>, field: &str, ck: &mut Checker) -> Vec<FormerName> {
    if names.len() > 20 {
        ck.push(field, "length", "at most 20 items");
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let p = format!("{field}[{i}]");
            if let (Some(a), Some(b)) = (n.from, n.until) {
                if b < a {
                    ck.push(
                        format!("{p}.until"),
                        "before_start",
                        "must not be before `from`",
                    );
                }
            }
            FormerName {
                name: Some(ck.name(&format!("{p}.name"), n.name, 300)),
                from: n.from,
                until: n.until,
            }
        })
        .collect()
}

fn clean_identifiers(
    ids: Vec<CompanyIdentifier>,
    book: &CodeBook,
    field: &str,
    ck: &mut Checker,
) -> Vec<CompanyIdentifier> {
    if ids.len() > 30 {
        ck.push(field, "length", "at most 30 items");
    }
    let mut out: Vec<CompanyIdentifier> = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let p = format!("{field}[{i}]");
        let country = ck.code(book, "countries", &format!("{p}.country"), id.country);
        if id.value.chars().count() > 64 {
            ck.push(
                format!("{p}.value"),
                "length",
                "must be at most 64 characters long",
            );
            continue;
        }
        match super::ids::check(id.kind, &id.value, country.as_deref()) {
            Ok(c) => {
                if let Some(cc) = c
                    .country
                    .as_deref()
                    .filter(|cc| !book.knows("countries", cc))
                {
                    ck.push(
                        format!("{p}.value"),
                        "unknown_country",
                        format!("{cc} is not a country code"),
                    );
                }
                if out.iter().any(|o| o.kind == id.kind && o.value == c.value) {
                    ck.push(format!("{p}.value"), "duplicate", "given twice");
                }
                out.push(CompanyIdentifier {
                    kind: id.kind,
                    value: c.value,
                    country: c.country,
                });
            }
            Err(r) => {
                let at = if r.code == "country_required" || r.code == "country_mismatch" {
                    format!("{p}.country")
                } else {
                    format!("{p}.value")
                };
                ck.push(at, r.code, r.message);
            }
        }
    }
    out
}

fn clean_addresses(
    addresses: Vec<CompanyAddress>,
    book: &CodeBook,
    field: &str,
    ck: &mut Checker,
) -> Vec<CompanyAddress> {
    if addresses.len() > 20 {
        ck.push(field, "length", "at most 20 items");
    }
    addresses
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let p = format!("{field}[{i}]");
            let clean = CompanyAddress {
                kind: a.kind,
                street: ck.text(&format!("{p}.street"), a.street, 300),
                postcode: ck.text(&format!("{p}.postcode"), a.postcode, 20),
                city: ck.text(&format!("{p}.city"), a.city, 100),
                country: ck.code(book, "countries", &format!("{p}.country"), a.country),
            };
            if clean.street.is_none() && clean.city.is_none() && clean.postcode.is_none() {
                ck.push(
                    format!("{p}.street"),
                    "required",
                    "an address needs a street, postcode or city",
                );
            }
            clean
        })
        .collect()
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
    /// The computed risk (score and band); its explanation: `GET /companies/{id}/risk`.
    /// Not part of the company record (nor of the cases that embed it): it moves with the
    /// company's cases, alerts and links.
    pub risk: super::risk::RiskSummary,
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
    /// An identifier of any kind (EORI, VAT, registration, tax, LEI, IBAN, AEO), exact once
    /// normalised.
    #[param(max_length = 64)]
    pub identifier: Option<String>,
    #[param(value_type = Option<CompanyStatus>)]
    pub status: Option<String>,
    /// A `fraud_typologies` code recorded against the company.
    pub typology: Option<String>,
    /// The risk band under the configured thresholds.
    pub risk_band: Option<super::risk::RiskBand>,
    /// A person among the company's people.
    pub person_id: Option<Uuid>,
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

fn hs_chapters_schema() -> utoipa::openapi::Array {
    use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some("^(0[1-9]|[1-68][0-9]|7[0-689]|9[0-7])$")),
        )
        .max_items(Some(97))
        .description(Some("HS chapters traded, two digits (`01`–`97`)."))
        .build()
}
