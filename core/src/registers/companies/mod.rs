//! The companies register: its types and queries.

pub mod dto;
pub mod ids;
pub mod keys;
pub mod repo;
pub mod risk;

use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::Result;
use crate::export::Cell;
use crate::registers::order::Listed;
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use dto::{CompanyDto, CompanyInput};
use uuid::Uuid;

/// The company register, for code that serves every register (`super::Register`).
pub struct Companies;

impl super::Register for Companies {
    type Input = CompanyInput;
    type Clean = CompanyInput;
    type Record = CompanyDto;
    type Filter = repo::Filter;
    type Query = dto::CompanyQuery;
    const KIND: &'static str = "company";
    const CODE_LISTS: &'static [&'static str] = dto::CODE_LISTS;

    fn id_version(record: &CompanyDto) -> (Uuid, i32) {
        (record.id, record.version)
    }
    fn fields(record: &CompanyDto) -> &CompanyInput {
        &record.fields
    }
    fn input(clean: &CompanyInput) -> &CompanyInput {
        clean
    }
    fn clean(input: CompanyInput, book: &CodeBook, prefix: &str, ck: &mut Checker) -> CompanyInput {
        input.clean(book, prefix, ck)
    }
    async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<CompanyDto> {
        repo::find(conn, id).await
    }
    async fn insert(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        c: &CompanyInput,
        by: Uuid,
        last_case: Option<DateTime<Utc>>,
    ) -> Result<()> {
        repo::insert(conn, id, c, by, last_case).await
    }
    async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        expected: i32,
        c: &CompanyInput,
        by: Uuid,
    ) -> Result<()> {
        repo::update(conn, id, expected, c, by).await
    }
    async fn search(
        conn: &mut AsyncPgConnection,
        filter: repo::Filter,
    ) -> Result<Vec<Listed<CompanyDto>>> {
        Ok(repo::list(conn, filter).await?)
    }
    async fn filter(
        conn: &mut AsyncPgConnection,
        q: dto::CompanyQuery,
        start: super::SearchStart,
        review: f64,
    ) -> Result<(repo::Filter, serde_json::Value)> {
        let mut checks = Checker::new();
        if let Some(id) = &q.identifier {
            checks.length("identifier", id, 0, 64);
        }
        if let Some(s) = q.status.as_deref() {
            if !dto::STATUSES.contains(&s) {
                checks.push(
                    "status",
                    "unknown_code",
                    format!("must be one of: {}", dto::STATUSES.join(", ")),
                );
            }
        }
        checks.finish()?;
        crate::codelists::repo::require_known(
            conn,
            &[
                ("country", "countries", q.country.as_deref()),
                ("activity", "company_roles", q.activity.as_deref()),
                ("typology", "fraud_typologies", q.typology.as_deref()),
            ],
        )
        .await?;
        let details = serde_json::json!({
            "q": start.text, "country": q.country, "activity": q.activity, "sort": start.sort,
            "identifier": q.identifier, "status": q.status, "typology": q.typology,
            "risk_band": q.risk_band, "person_id": q.person_id,
        });
        let filter = repo::Filter {
            q: start.text,
            country: q.country,
            activity: q.activity,
            identifier: q.identifier,
            status: q.status,
            typology: q.typology,
            risk: q.risk_band.map(|b| b.range()),
            person_id: q.person_id,
            sort: start.sort,
            after: start.after,
            limit: start.limit,
            ids: None,
            review,
        };
        Ok((filter, details))
    }
    fn among(filter: &mut repo::Filter, ids: Vec<Uuid>) {
        filter.ids = Some(ids);
    }
    const EXPORT_COLUMNS: &'static [&'static str] = &[
        "name",
        "aliases",
        "country",
        "registration_number",
        "tax_id",
        "eori",
        "activities",
        "legal_form",
        "identifiers",
        "status",
        "status_since",
        "addresses",
        "phones",
        "emails",
        "last_case_at",
        "id",
    ];
    fn export_row(row: Listed<CompanyDto>) -> Vec<Cell> {
        let c = row.record.fields;
        vec![
            c.name.into(),
            Cell::list(&c.aliases),
            c.country.into(),
            c.registration_number.into(),
            c.tax_id.into(),
            c.eori.into(),
            Cell::list(&c.activities),
            c.legal_form.into(),
            Cell::list(
                &c.identifiers
                    .iter()
                    .map(|i| format!("{}:{}", i.kind.as_str(), i.value))
                    .collect::<Vec<_>>(),
            ),
            c.status.into(),
            c.status_since
                .map_or(Cell::Empty, |d| Cell::Text(d.to_string())),
            Cell::list(&c.addresses.iter().map(|a| a.line()).collect::<Vec<_>>()),
            Cell::list(&c.phones),
            Cell::list(&c.emails),
            row.last_case_at.map_or(Cell::Empty, Cell::Time),
            Cell::Text(row.record.id.to_string()),
        ]
    }
    async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        Ok(repo::existing(conn, ids).await?)
    }
}
