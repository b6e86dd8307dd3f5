//! The registers shared by the seizure, suspect and investigation databases: persons,
//! companies and conveyances. Records are reused across cases; each detail view lists
//! every case the record appears in, with its role there (asked of `seizures::links`, which
//! owns the link tables; the API composes the two).

pub mod candidates;
pub mod companies;
pub mod conveyances;
pub mod history;
pub mod labels;
pub mod match_keys;
pub mod merge;
pub mod order;
pub mod persons;
pub mod relevance;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::Result;
use crate::export::Cell;
use diesel_async::AsyncPgConnection;
use order::Listed;
use serde::de::DeserializeOwned;
use std::future::Future;

/// What the three registers have in common, so that one piece of code serves reading,
/// searching, creating and correcting records of every register (`ncen-api`'s `registers`
/// module). The futures are `Send` because they run inside diesel-async transactions.
/// What every register search starts from: the free text (trimmed, `None` when blank), the
/// order, the keyset position and how many records (a page's `limit + 1` rows are read).
pub struct SearchStart {
    pub text: Option<String>,
    pub sort: order::RegisterSort,
    pub after: Option<order::After>,
    pub limit: i64,
}

pub trait Register {
    /// The record's editable fields, as created and as patched.
    type Input: Serialize + DeserializeOwned + Send + Sync;
    /// A cleaned input, with whatever the register derives from it.
    type Clean: Send + Sync;
    /// The record as read.
    type Record: Serialize + Send;
    /// A search's filters.
    type Filter: Send;
    /// The list's filters as the query string carries them.
    type Query: Send;
    /// Audit object type and event prefix (`person` → `person.create`).
    const KIND: &'static str;
    /// The code lists `clean` checks against.
    const CODE_LISTS: &'static [&'static str];

    fn id_version(record: &Self::Record) -> (Uuid, i32);
    fn fields(record: &Self::Record) -> &Self::Input;
    fn input(clean: &Self::Clean) -> &Self::Input;
    /// Trims and normalises, recording every problem under `prefix`.
    fn clean(input: Self::Input, book: &CodeBook, prefix: &str, ck: &mut Checker) -> Self::Clean;

    fn find(
        conn: &mut AsyncPgConnection,
        id: Uuid,
    ) -> impl Future<Output = Result<Self::Record>> + Send;
    /// Creates the record; `last_case` is the date of the case creating it, if one is (what
    /// the case's links would make `last_case_at`, so their refresh has nothing to change).
    fn insert(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        input: &Self::Clean,
        by: Uuid,
        last_case: Option<DateTime<Utc>>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Creates several records, as `insert` creates each (with one statement per table where
    /// the register can: an import's batch writes its new records together).
    fn insert_many(
        conn: &mut AsyncPgConnection,
        rows: &[NewRecord<Self::Clean>],
    ) -> impl Future<Output = Result<()>> + Send {
        async move {
            for r in rows {
                Self::insert(conn, r.id, &r.clean, r.by, r.last_case).await?;
            }
            Ok(())
        }
    }
    /// Writes the record if its version is still `expected` (`Error::StaleVersion` if not).
    fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        expected: i32,
        input: &Self::Clean,
        by: Uuid,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Which of `ids` exist.
    fn existing(
        conn: &mut AsyncPgConnection,
        ids: &[Uuid],
    ) -> impl Future<Output = Result<Vec<Uuid>>> + Send;
    /// One page of a search (`limit + 1` rows, for `common::page::cut`), each record with
    /// its last case and keyset position.
    fn search(
        conn: &mut AsyncPgConnection,
        filter: Self::Filter,
    ) -> impl Future<Output = Result<Vec<Listed<Self::Record>>>> + Send;
    /// The list's filters checked (code lists, formats) and set for the repository, with
    /// the filters as the audit row records them.
    fn filter(
        conn: &mut AsyncPgConnection,
        query: Self::Query,
        start: SearchStart,
        review: f64,
    ) -> impl Future<Output = Result<(Self::Filter, serde_json::Value)>> + Send;
    /// Narrows a search to these records (the saved-search worker's batch).
    fn among(filter: &mut Self::Filter, ids: Vec<Uuid>);
    /// The columns of the register's CSV/XLSX export, and a listed record's cells.
    const EXPORT_COLUMNS: &'static [&'static str];
    fn export_row(row: Listed<Self::Record>) -> Vec<Cell>;

    /// A listed record's id.
    fn row_id(row: &Listed<Self::Record>) -> Uuid {
        Self::id_version(&row.record).0
    }
    /// A listed record's keyset position.
    fn row_key(row: &Listed<Self::Record>) -> (String, Uuid) {
        (row.key.clone(), Self::row_id(row))
    }
}

/// A record to create (`Register::insert_many`): its id, cleaned input, creator and the date
/// of the case creating it, if one is.
pub struct NewRecord<C> {
    pub id: Uuid,
    pub clean: C,
    pub by: Uuid,
    pub last_case: Option<DateTime<Utc>>,
}

/// Cleans and validates an input; `Error::Validation` with every field error.
pub async fn checked<R: Register>(
    conn: &mut AsyncPgConnection,
    input: R::Input,
) -> Result<R::Clean> {
    let book = CodeBook::load(conn, R::CODE_LISTS).await?;
    let mut ck = Checker::new();
    let clean = R::clean(input, &book, "", &mut ck);
    ck.finish()?;
    Ok(clean)
}
