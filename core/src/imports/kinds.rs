//! What differs between the record types an import takes: how a row is checked, what writing
//! it would do, and how it is written. The runs (`runs`) are the same for every type.
//!
//! Register records (persons, companies, conveyances) are `Registers<R>` (`rows`); cases are
//! `cases::Cases`.

use super::dto::ImportProblem;
use super::rows::{self, Checked, Outcome, Row};
use crate::audit::Actor;
use crate::codelists::book::CodeBook;
use crate::error::Result;
use crate::registers::Register;
use crate::screening::Thresholds;
use crate::seizures::links::Party;
use diesel::prelude::*;
use diesel_async::AsyncPgConnection;
use std::future::Future;
use uuid::Uuid;

/// Who writes, for which import: what `Kind::apply` needs beyond the row.
pub struct Ctx<'a> {
    pub actor: &'a Actor,
    pub who: Uuid,
    pub unit_id: Uuid,
    pub job: Uuid,
    /// The country case references name.
    pub country: &'a str,
    pub thresholds: Thresholds,
}

/// What a row did (or would do), counted into the job's figures (its columns).
#[derive(Debug, Default, Clone, Copy, AsChangeset, Queryable, Selectable)]
#[diesel(table_name = crate::db::schema::import_jobs)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Tally {
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    pub rejected: i32,
    /// Parties of a case linked to existing records.
    pub matched: i32,
    /// Parties of a case created beside an existing record they may be.
    pub proposals: i32,
}

impl Tally {
    pub fn of(o: Outcome) -> Self {
        let mut t = Tally::default();
        match o {
            Outcome::Created => t.created = 1,
            Outcome::Updated => t.updated = 1,
            Outcome::Unchanged => t.unchanged = 1,
        }
        t
    }

    pub fn add(&mut self, o: Tally) {
        self.created += o.created;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.rejected += o.rejected;
        self.matched += o.matched;
        self.proposals += o.proposals;
    }
}

/// A row's fate: counted, or refused with its problems.
pub type Settled = std::result::Result<Tally, Vec<ImportProblem>>;

/// One record type of imports.
pub trait Kind: Sync {
    /// A row checked, ready to write.
    type Ready: Send + Sync;
    /// What `apply` leaves for `finish` to write, for a whole batch at once.
    type Batch: Default + Send;

    /// The kind import keys and audit rows name (`person`, `seizure`).
    fn kind(&self) -> &'static str;

    /// Checks a row as the create endpoint checks a body (the same field errors).
    fn check(
        &self,
        conn: &mut AsyncPgConnection,
        row: &Row,
    ) -> impl Future<Output = Result<std::result::Result<Self::Ready, Vec<ImportProblem>>>> + Send;

    /// What writing the row would do, without writing.
    fn foresee(
        &self,
        conn: &mut AsyncPgConnection,
        row: &Row,
        ready: &Self::Ready,
    ) -> impl Future<Output = Result<Settled>> + Send;

    /// Reads ahead for a batch's rows before they are applied, in the same transaction: what
    /// each row would look up on its own, found for all of them at once, into `batch`.
    /// Nothing by default.
    fn prepare(
        &self,
        conn: &mut AsyncPgConnection,
        rows: &[(&Row, &Self::Ready)],
        batch: &mut Self::Batch,
    ) -> impl Future<Output = Result<()>> + Send {
        let _ = (conn, rows, batch);
        async { Ok(()) }
    }

    /// Writes the row, in the caller's transaction — or some of it, leaving the rest in
    /// `batch` for `finish`: what it counts is true once `finish` has run.
    fn apply(
        &self,
        conn: &mut AsyncPgConnection,
        ctx: &Ctx<'_>,
        row: &Row,
        ready: Self::Ready,
        batch: &mut Self::Batch,
    ) -> impl Future<Output = Result<Settled>> + Send;

    /// Writes what the batch's rows left, in the same transaction.
    fn finish(
        &self,
        conn: &mut AsyncPgConnection,
        ctx: &Ctx<'_>,
        batch: Self::Batch,
    ) -> impl Future<Output = Result<()>> + Send;
}

/// The records of register `R`.
pub struct Registers<R: Register> {
    pub book: CodeBook,
    pub party: Party,
    _r: std::marker::PhantomData<fn() -> R>,
}

impl<R: Register> Registers<R> {
    pub async fn new(conn: &mut AsyncPgConnection, party: Party) -> Result<Self> {
        Ok(Registers {
            book: CodeBook::load(conn, R::CODE_LISTS).await?,
            party,
            _r: std::marker::PhantomData,
        })
    }
}

impl<R: Register> Kind for Registers<R>
where
    R::Clean: Send + Sync,
{
    type Ready = Checked<R::Clean>;
    /// A register row is written whole by `apply`.
    type Batch = ();

    fn kind(&self) -> &'static str {
        R::KIND
    }

    async fn check(
        &self,
        _conn: &mut AsyncPgConnection,
        row: &Row,
    ) -> Result<std::result::Result<Self::Ready, Vec<ImportProblem>>> {
        Ok(rows::check::<R>(&self.book, row))
    }

    async fn foresee(
        &self,
        conn: &mut AsyncPgConnection,
        row: &Row,
        ready: &Self::Ready,
    ) -> Result<Settled> {
        Ok(Ok(Tally::of(
            rows::foresee(conn, R::KIND, row, &ready.sha256).await?,
        )))
    }

    async fn apply(
        &self,
        conn: &mut AsyncPgConnection,
        ctx: &Ctx<'_>,
        row: &Row,
        ready: Self::Ready,
        _batch: &mut (),
    ) -> Result<Settled> {
        let o =
            rows::apply::<R>(conn, ctx.actor, ctx.who, ctx.job, self.party, row, &ready).await?;
        Ok(Ok(Tally::of(o)))
    }

    async fn finish(
        &self,
        _conn: &mut AsyncPgConnection,
        _ctx: &Ctx<'_>,
        _batch: (),
    ) -> Result<()> {
        Ok(())
    }
}
