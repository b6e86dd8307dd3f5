//! The persons register: its types and queries.

pub mod dto;
pub mod repo;

use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::Result;
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
    type Row = (PersonDto, String);
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
    ) -> Result<()> {
        Ok(repo::insert(conn, id, p, by).await?)
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
    ) -> Result<Vec<(PersonDto, String)>> {
        Ok(repo::list(conn, filter).await?)
    }
    fn row_id(row: &(PersonDto, String)) -> Uuid {
        row.0.id
    }
    fn row_key(row: &(PersonDto, String)) -> (String, Uuid) {
        (row.1.clone(), row.0.id)
    }
    async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        Ok(repo::existing(conn, ids).await?)
    }
}
