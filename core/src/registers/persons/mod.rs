//! The persons register: its types and queries.

pub mod dto;
pub mod repo;

use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::Result;
use crate::export::Cell;
use crate::registers::order::Listed;
use crate::registers::NewRecord;
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use dto::{PersonDto, PersonInput};
use uuid::Uuid;

/// The person register, for code that serves every register (`super::Register`).
pub struct Persons;

impl super::Register for Persons {
    type Input = PersonInput;
    type Clean = PersonInput;
    type Record = PersonDto;
    type Filter = repo::Filter;
    type Query = dto::PersonQuery;
    const KIND: &'static str = "person";
    const CODE_LISTS: &'static [&'static str] = dto::CODE_LISTS;

    fn id_version(record: &PersonDto) -> (Uuid, i32) {
        (record.id, record.version)
    }
    fn fields(record: &PersonDto) -> &PersonInput {
        &record.fields
    }
    fn input(clean: &PersonInput) -> &PersonInput {
        clean
    }
    fn clean(input: PersonInput, book: &CodeBook, prefix: &str, ck: &mut Checker) -> PersonInput {
        input.clean(book, prefix, ck)
    }
    async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<PersonDto> {
        repo::find(conn, id).await
    }
    async fn insert(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        p: &PersonInput,
        by: Uuid,
        last_case: Option<DateTime<Utc>>,
    ) -> Result<()> {
        Ok(repo::insert(conn, id, p, by, last_case).await?)
    }
    async fn insert_many(
        conn: &mut AsyncPgConnection,
        rows: &[NewRecord<PersonInput>],
    ) -> Result<()> {
        Ok(repo::insert_many(conn, rows).await?)
    }
    async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        expected: i32,
        p: &PersonInput,
        by: Uuid,
    ) -> Result<()> {
        repo::update(conn, id, expected, p, by).await
    }
    async fn search(
        conn: &mut AsyncPgConnection,
        filter: repo::Filter,
    ) -> Result<Vec<Listed<PersonDto>>> {
        Ok(repo::list(conn, filter).await?)
    }
    async fn filter(
        conn: &mut AsyncPgConnection,
        q: dto::PersonQuery,
        start: super::SearchStart,
        review: f64,
    ) -> Result<(repo::Filter, serde_json::Value)> {
        crate::codelists::repo::require_known(
            conn,
            &[
                ("nationality", "countries", q.nationality.as_deref()),
                ("country", "countries", q.country.as_deref()),
            ],
        )
        .await?;
        let born = match q.born.as_deref() {
            None => None,
            // the shape only: a day the month does not have matches no one
            Some(b) => Some(dto::partial_date_shape(b).ok_or_else(|| {
                crate::error::Error::validation(
                    "born",
                    "invalid",
                    "must be YYYY, YYYY-MM or YYYY-MM-DD",
                )
            })?),
        };
        let details = serde_json::json!({
            "q": start.text, "document": q.document, "nationality": q.nationality,
            "country": q.country, "born": q.born, "birth_year": q.birth_year, "sort": start.sort,
        });
        let filter = repo::Filter {
            q: start.text,
            document: q.document.filter(|d| !d.trim().is_empty()),
            nationality: q.nationality,
            country: q.country,
            born: born.or(q.birth_year.map(|y| (y, None, None))),
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
        "family_name",
        "given_names",
        "aliases",
        "original_script_name",
        "date_of_birth",
        "place_of_birth",
        "gender",
        "nationalities",
        "documents",
        "phones",
        "emails",
        "addresses",
        "last_case_at",
        "id",
    ];
    fn export_row(row: Listed<PersonDto>) -> Vec<Cell> {
        let p = row.record.fields;
        let documents: Vec<String> = p
            .documents
            .iter()
            .map(|d| {
                let kind = d.document_type.as_deref().unwrap_or_default();
                let number = d.number.as_deref().unwrap_or_default();
                match &d.issuing_country {
                    Some(c) => format!("{kind} {number} ({c})"),
                    None => format!("{kind} {number}"),
                }
            })
            .collect();
        vec![
            p.family_name.into(),
            p.given_names.into(),
            Cell::list(&p.aliases),
            p.original_script_name.into(),
            p.date_of_birth.into(),
            p.place_of_birth.into(),
            p.gender.into(),
            Cell::list(&p.nationalities),
            Cell::list(&documents),
            Cell::list(&p.phones),
            Cell::list(&p.emails),
            Cell::list(&p.addresses),
            row.last_case_at.map_or(Cell::Empty, Cell::Time),
            Cell::Text(row.record.id.to_string()),
        ]
    }
    async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        Ok(repo::existing(conn, ids).await?)
    }
}
