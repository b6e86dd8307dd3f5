//! The conveyances register: its types and queries.

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
use dto::{ConveyanceDto, ConveyanceInput};
use uuid::Uuid;

/// The conveyance register, for code that serves every register (`super::Register`).
pub struct Conveyances;

impl super::Register for Conveyances {
    type Input = ConveyanceInput;
    /// The input and its normalised identifier.
    type Clean = (ConveyanceInput, String);
    type Record = ConveyanceDto;
    type Filter = repo::Filter;
    type Query = dto::ConveyanceQuery;
    const KIND: &'static str = "conveyance";
    const CODE_LISTS: &'static [&'static str] = dto::CODE_LISTS;

    fn id_version(record: &ConveyanceDto) -> (Uuid, i32) {
        (record.id, record.version)
    }
    fn fields(record: &ConveyanceDto) -> &ConveyanceInput {
        &record.fields
    }
    fn input(clean: &(ConveyanceInput, String)) -> &ConveyanceInput {
        &clean.0
    }
    fn clean(
        input: ConveyanceInput,
        book: &CodeBook,
        prefix: &str,
        ck: &mut Checker,
    ) -> (ConveyanceInput, String) {
        input.clean(book, prefix, ck)
    }
    async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<ConveyanceDto> {
        repo::find(conn, id).await
    }
    async fn insert(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        (c, norm): &(ConveyanceInput, String),
        by: Uuid,
        last_case: Option<DateTime<Utc>>,
    ) -> Result<()> {
        repo::insert(conn, id, c, norm, by, last_case).await
    }
    async fn insert_many(
        conn: &mut AsyncPgConnection,
        rows: &[NewRecord<(ConveyanceInput, String)>],
    ) -> Result<()> {
        repo::insert_many(conn, rows).await
    }
    async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        expected: i32,
        (c, norm): &(ConveyanceInput, String),
        by: Uuid,
    ) -> Result<()> {
        repo::update(conn, id, expected, c, norm, by).await
    }
    async fn search(
        conn: &mut AsyncPgConnection,
        filter: repo::Filter,
    ) -> Result<Vec<Listed<ConveyanceDto>>> {
        Ok(repo::list(conn, filter).await?)
    }
    async fn filter(
        conn: &mut AsyncPgConnection,
        q: dto::ConveyanceQuery,
        start: super::SearchStart,
        _review: f64,
    ) -> Result<(repo::Filter, serde_json::Value)> {
        crate::codelists::repo::require_known(
            conn,
            &[
                ("country", "countries", q.country.as_deref()),
                (
                    "conveyance_type",
                    "conveyance_types",
                    q.conveyance_type.as_deref(),
                ),
            ],
        )
        .await?;
        let kind = q.identifier_kind.map(|k| k.as_str().to_string());
        let details = serde_json::json!({
            "q": start.text, "conveyance_type": q.conveyance_type, "identifier_kind": kind,
            "country": q.country, "sort": start.sort,
        });
        let filter = repo::Filter {
            q: start.text,
            conveyance_type: q.conveyance_type,
            identifier_kind: kind,
            country: q.country,
            sort: start.sort,
            after: start.after,
            limit: start.limit,
            ids: None,
        };
        Ok((filter, details))
    }
    fn among(filter: &mut repo::Filter, ids: Vec<Uuid>) {
        filter.ids = Some(ids);
    }
    const EXPORT_COLUMNS: &'static [&'static str] = &[
        "conveyance_type",
        "identifier_kind",
        "identifier",
        "name",
        "country",
        "make",
        "model",
        "last_case_at",
        "id",
    ];
    fn export_row(row: Listed<ConveyanceDto>) -> Vec<Cell> {
        let c = row.record.fields;
        vec![
            c.conveyance_type.into(),
            c.identifier_kind.into(),
            c.identifier.into(),
            c.name.into(),
            c.country.into(),
            c.make.into(),
            c.model.into(),
            row.last_case_at.map_or(Cell::Empty, Cell::Time),
            Cell::Text(row.record.id.to_string()),
        ]
    }
    async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        Ok(repo::existing(conn, ids).await?)
    }
}
