//! Import of a company register extract (CSV): each row is checked as a company would be
//! when typed, then matched — an identifier already known (registration number, VAT, EORI,
//! LEI, tax id) names the existing company; otherwise the matching engine compares the name
//! and country: from the hit threshold the row matches that company, between the review and
//! the hit thresholds it is a *proposal* (a new company is created and the likely duplicate
//! listed for review — never merged silently). A dry run reports without writing. A commit
//! creates the new companies (history and audit as typed ones) in one transaction and never
//! changes a matched company: an extract does not overwrite what officers recorded.
//!
//! Columns (header row required, order free, unknown columns refused): `name` (required),
//! `legal_form`, `country`, `status`, `status_since`, `incorporated_on`,
//! `registration_number`, `tax_id`, `eori`, `vat`, `lei`, `iban`, `aeo`, `street`,
//! `postcode`, `city`, `address_country` (default: `country`), `phone`, `email`, `website`,
//! `activities` and `former_names` (both `;`-separated).

use crate::audit::{record, Actor, Event};
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::{Error, FieldError, Result};
use crate::registers::companies::dto::{
    CompanyAddress, CompanyIdentifier, CompanyInput, FormerName,
};
use crate::registers::companies::ids::TradeIdKind;
use crate::registers::companies::Companies;
use crate::registers::{history, Register};
use crate::screening::dto::Band;
use crate::screening::Thresholds;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// Rows per file.
pub const MAX_ROWS: usize = 10_000;

pub const COLUMNS: &[&str] = &[
    "name",
    "legal_form",
    "country",
    "status",
    "status_since",
    "incorporated_on",
    "registration_number",
    "tax_id",
    "eori",
    "vat",
    "lei",
    "iban",
    "aeo",
    "street",
    "postcode",
    "city",
    "address_country",
    "phone",
    "email",
    "website",
    "activities",
    "former_names",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new company (created on commit).
    Created,
    /// An existing company with one of the row's identifiers.
    MatchedIdentifier,
    /// An existing company the matching engine scores from the hit threshold.
    MatchedName,
    /// A new company, with a likely duplicate to review (between the review and hit
    /// thresholds).
    Proposal,
    /// Refused: see `errors`.
    Rejected,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRow {
    /// The file's line (the header is line 1).
    pub line: usize,
    pub name: String,
    pub outcome: ImportOutcome,
    /// The company matched, or created on commit.
    pub company_id: Option<Uuid>,
    /// Matched by name or proposed: the existing company, its label and the score.
    pub existing_label: Option<String>,
    pub score: Option<f64>,
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    pub rows: usize,
    pub created: usize,
    pub matched: usize,
    pub proposals: usize,
    pub rejected: usize,
    pub items: Vec<ImportRow>,
}

fn cell(record: &csv::StringRecord, header: &[String], name: &str) -> Option<String> {
    header
        .iter()
        .position(|h| h == name)
        .and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn list(v: Option<String>) -> Vec<String> {
    v.map(|s| {
        s.split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// A row as the company it describes; unparseable dates are field errors.
fn input(
    record: &csv::StringRecord,
    header: &[String],
    errors: &mut Vec<FieldError>,
) -> CompanyInput {
    let get = |n: &str| cell(record, header, n);
    let mut date = |n: &str| {
        get(n).and_then(|v| match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(n, "date", "a date as YYYY-MM-DD"));
                None
            }
        })
    };
    let status_since = date("status_since");
    let incorporated_on = date("incorporated_on");
    let country = get("country");
    let mut identifiers = Vec::new();
    for (col, kind) in [
        ("vat", TradeIdKind::Vat),
        ("lei", TradeIdKind::Lei),
        ("iban", TradeIdKind::Iban),
        ("aeo", TradeIdKind::Aeo),
    ] {
        if let Some(v) = get(col) {
            identifiers.push(CompanyIdentifier {
                kind,
                value: v,
                country: None,
            });
        }
    }
    let street = get("street");
    let postcode = get("postcode");
    let city = get("city");
    let addresses = if street.is_some() || postcode.is_some() || city.is_some() {
        vec![CompanyAddress {
            kind: serde_json::from_value(json!("registered")).ok(),
            street,
            postcode,
            city,
            country: get("address_country").or(country.clone()),
        }]
    } else {
        Vec::new()
    };
    CompanyInput {
        name: get("name"),
        legal_form: get("legal_form"),
        country,
        status: get("status"),
        status_since,
        incorporated_on,
        registration_number: get("registration_number"),
        tax_id: get("tax_id"),
        eori: get("eori"),
        identifiers,
        addresses,
        phones: get("phone").into_iter().collect(),
        emails: get("email").into_iter().collect(),
        websites: get("website").into_iter().collect(),
        activities: list(get("activities")),
        former_names: list(get("former_names"))
            .into_iter()
            .map(|n| FormerName {
                name: Some(n),
                from: None,
                until: None,
            })
            .collect(),
        ..Default::default()
    }
}

/// Field errors at the row's columns (`identifiers[0].value` → the column it came from).
fn column_of(field: &str, c: &CompanyInput) -> String {
    if let Some(rest) = field.strip_prefix("identifiers[") {
        let i: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        if let Some(id) = c.identifiers.get(i) {
            return id.kind.as_str().to_string();
        }
    }
    if let Some(rest) = field.strip_prefix("addresses[0].") {
        return if rest == "country" {
            "address_country".into()
        } else {
            rest.to_string()
        };
    }
    for (prefix, col) in [
        ("phones", "phone"),
        ("emails", "email"),
        ("websites", "website"),
        ("activities", "activities"),
        ("former_names", "former_names"),
    ] {
        if field.starts_with(prefix) {
            return col.to_string();
        }
    }
    field.to_string()
}

/// An existing (unmerged) company carrying one of the row's identifiers.
async fn by_identifier(
    conn: &mut AsyncPgConnection,
    c: &CompanyInput,
) -> Result<Option<(Uuid, String)>> {
    use crate::db::schema::{companies, company_keys as k};
    for (kind, value) in c.identifier_keys() {
        if matches!(kind, TradeIdKind::Iban) {
            continue; // an account may be shared; it identifies no company
        }
        let found: Option<(Uuid, String)> = k::table
            .inner_join(companies::table.on(companies::id.eq(k::company_id)))
            .filter(k::kind.eq(kind.as_str()).and(k::key.eq(&value)))
            .filter(companies::merged_into.is_null())
            .select((companies::id, companies::name))
            .order(companies::id)
            .first(conn)
            .await
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

/// Checks, matches and (unless `dry_run`) creates the companies of a CSV extract, in the
/// caller's transaction.
pub async fn run(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    by: Uuid,
    t: Thresholds,
    csv_bytes: &[u8],
    dry_run: bool,
) -> Result<ImportReport> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(csv_bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Error::validation("file", "csv", &format!("not a CSV file: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if !header.iter().any(|h| h == "name") {
        return Err(Error::validation(
            "file",
            "columns",
            "the header must name a `name` column",
        ));
    }
    if let Some(unknown) = header.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
        return Err(Error::validation(
            "file",
            "columns",
            &format!(
                "unknown column `{unknown}`; columns: {}",
                COLUMNS.join(", ")
            ),
        ));
    }
    let book = CodeBook::load(conn, Companies::CODE_LISTS).await?;
    let mut report = ImportReport {
        dry_run,
        rows: 0,
        created: 0,
        matched: 0,
        proposals: 0,
        rejected: 0,
        items: Vec::new(),
    };
    for (i, read) in reader.records().enumerate() {
        let line = i + 2;
        report.rows += 1;
        if report.rows > MAX_ROWS {
            return Err(Error::validation(
                "file",
                "too_many_rows",
                &format!("at most {MAX_ROWS} rows a file"),
            ));
        }
        let row = match read {
            Ok(r) => r,
            Err(e) => {
                report.rejected += 1;
                report.items.push(ImportRow {
                    line,
                    name: String::new(),
                    outcome: ImportOutcome::Rejected,
                    company_id: None,
                    existing_label: None,
                    score: None,
                    errors: vec![FieldError::new("row", "csv", format!("{e}"))],
                });
                continue;
            }
        };
        let mut errors = Vec::new();
        let raw = input(&row, &header, &mut errors);
        let name = raw.name.clone().unwrap_or_default();
        let mut ck = Checker::new();
        let clean = Companies::clean(raw.clone(), &book, "", &mut ck);
        errors.extend(ck.errors.into_iter().map(|mut e| {
            e.field = column_of(&e.field, &raw);
            e
        }));
        if !errors.is_empty() {
            report.rejected += 1;
            report.items.push(ImportRow {
                line,
                name,
                outcome: ImportOutcome::Rejected,
                company_id: None,
                existing_label: None,
                score: None,
                errors,
            });
            continue;
        }
        if let Some((id, label)) = by_identifier(conn, &clean).await? {
            report.matched += 1;
            report.items.push(ImportRow {
                line,
                name,
                outcome: ImportOutcome::MatchedIdentifier,
                company_id: Some(id),
                existing_label: Some(label),
                score: Some(1.0),
                errors,
            });
            continue;
        }
        let facts = crate::registers::match_keys::company_facts(&clean);
        let found = crate::screening::service::screen_company(conn, t, &facts, 1).await?;
        let best = found.candidates.into_iter().next();
        let (outcome, existing) = match best {
            Some(c) if c.band == Band::Hit => (ImportOutcome::MatchedName, Some(c)),
            Some(c) => (ImportOutcome::Proposal, Some(c)),
            None => (ImportOutcome::Created, None),
        };
        let mut company_id = existing
            .as_ref()
            .filter(|_| outcome == ImportOutcome::MatchedName)
            .map(|c| c.id);
        if outcome != ImportOutcome::MatchedName {
            if !dry_run {
                let id = Uuid::new_v4();
                Companies::insert(conn, id, &clean, by, None).await?;
                let changes = history::changes(&serde_json::Value::Null, &clean)?;
                history::add(conn, actor, "company", id, 1, "create", changes).await?;
                record(
                    conn,
                    actor,
                    Event::new("company.create")
                        .object("company", id)
                        .details(json!({ "import_line": line })),
                )
                .await?;
                company_id = Some(id);
            }
            if outcome == ImportOutcome::Proposal {
                report.proposals += 1;
            }
            report.created += 1;
        } else {
            report.matched += 1;
        }
        report.items.push(ImportRow {
            line,
            name,
            outcome,
            company_id,
            score: existing.as_ref().map(|c| c.score),
            existing_label: existing.map(|c| c.label),
            errors,
        });
    }
    record(
        conn,
        actor,
        Event::new(if dry_run {
            "company.import_check"
        } else {
            "company.import"
        })
        .details(json!({
            "rows": report.rows, "created": report.created, "matched": report.matched,
            "proposals": report.proposals, "rejected": report.rejected,
            "companies": report.items.iter().filter_map(|r| r.company_id).collect::<Vec<_>>(),
        })),
    )
    .await?;
    Ok(report)
}
