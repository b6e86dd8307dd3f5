//! `SELECT count(*) FROM (<query> LIMIT n) AS counted`: how many rows a query returns, up to a
//! cap, counted by the database (the rows themselves never leave it). Diesel's `.count()`
//! counts before `LIMIT`, so a capped count needs this wrapper (the shape diesel's guide
//! shows for pagination).

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::BigInt;
use diesel::QueryResult;

/// The number of rows of `query` (which carries its own `LIMIT`).
#[derive(Debug, Clone, Copy)]
pub struct CountRows<Q>(pub Q);

impl<Q> QueryId for CountRows<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for CountRows<Q> {
    type SqlType = BigInt;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for CountRows<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT count(*) FROM (");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(") AS counted");
        Ok(())
    }
}
