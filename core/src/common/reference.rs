//! Gap-free yearly sequences behind references (`FR-2026-000123`, `FR-ALR-2026-000004`,
//! `FR-INV-2026-000002`): one counter row per year, bumped in the caller's transaction and
//! locked until it ends, so two writers never get the same number and a rolled-back write
//! leaves no gap.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Which sequence.
#[derive(Debug, Clone, Copy)]
pub enum Counter {
    Seizures,
    Alerts,
    Investigations,
}

macro_rules! bump {
    ($table:ident, $conn:expr, $year:expr, $n:expr) => {{
        use crate::db::schema::$table as c;
        diesel::insert_into(c::table)
            .values((c::year.eq($year), c::last_value.eq($n)))
            .on_conflict(c::year)
            .do_update()
            .set(c::last_value.eq(c::last_value + $n))
            .returning(c::last_value)
            .get_result::<i32>($conn)
            .await
    }};
}

/// The next number of `counter` in `year`.
pub async fn next(conn: &mut AsyncPgConnection, counter: Counter, year: i32) -> QueryResult<i32> {
    take(conn, counter, year, 1).await
}

/// The first of the `n` next numbers of `counter` in `year` (`n` ≥ 1), taken at once: a
/// batch of records numbered in one statement.
pub async fn take(
    conn: &mut AsyncPgConnection,
    counter: Counter,
    year: i32,
    n: i32,
) -> QueryResult<i32> {
    let last = match counter {
        Counter::Seizures => bump!(seizure_reference_counters, conn, year, n),
        Counter::Alerts => bump!(alert_reference_counters, conn, year, n),
        Counter::Investigations => bump!(investigation_reference_counters, conn, year, n),
    }?;
    Ok(last - n + 1)
}
