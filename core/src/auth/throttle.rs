//! Sign-in throttling, kept in the database so every instance sees the same counts.
//!
//! Failures are counted per username **and** client address together (5 in 15 minutes), and
//! per address whatever the username (20 in 15 minutes). An attacker at one address cannot
//! lock a known account out of its owner's address, and one address cannot spray guesses
//! over many usernames. A successful sign-in restarts the username's counts.
//!
//! An attempt takes its place before the password is checked (`reserve`): under a lock on
//! its address, it counts the failures and inserts itself as one, then `succeeded` turns it
//! into a success. Parallel attempts therefore queue on the count, and no more of them are
//! evaluated than the limit allows.

use crate::db::schema::login_attempts;
use crate::error::{Error, Result};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Inet, Nullable, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;

pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures of one username from one address.
pub const MAX_PER_PAIR: i64 = 5;
/// Failures from one address, whatever the usernames.
pub const MAX_PER_ADDRESS: i64 = 20;

#[derive(QueryableByName)]
struct Window {
    #[diesel(sql_type = BigInt)]
    failures: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    oldest: Option<chrono::DateTime<chrono::Utc>>,
}

fn retry_after(w: &Window, max: i64) -> Option<u64> {
    if w.failures < max {
        return None;
    }
    let oldest = w.oldest?;
    let until = oldest + chrono::Duration::seconds(WINDOW_SECS);
    Some((until - chrono::Utc::now()).num_seconds().max(1) as u64)
}

/// An attempt that passed the throttle. It counts as a failure until `succeeded`.
#[derive(Debug, Clone, Copy)]
pub struct Attempt(i64);

/// Takes a place for a sign-in attempt of `username` from `ip`, or answers
/// `Error::Throttled` with the seconds to wait.
pub async fn reserve(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: Option<IpNetwork>,
) -> Result<Attempt> {
    let key = match ip {
        Some(ip) => format!("login:{ip}"),
        None => format!("login-user:{username}"),
    };
    conn.transaction(async |conn| {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind::<Text, _>(&key)
            .execute(conn)
            .await?;
        let pair: Window = diesel::sql_query(
            "SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempts \
             WHERE username = $1 AND ip IS NOT DISTINCT FROM $2 AND NOT succeeded \
             AND attempted_at > now() - make_interval(secs => $3) \
             AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts \
                 WHERE username = $1 AND succeeded), '-infinity')",
        )
        .bind::<Text, _>(username)
        .bind::<Nullable<Inet>, _>(ip)
        .bind::<BigInt, _>(WINDOW_SECS)
        .get_result(conn)
        .await?;
        let mut wait = retry_after(&pair, MAX_PER_PAIR);
        if let (None, Some(ip)) = (wait, ip) {
            let address: Window = diesel::sql_query(
                "SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempts \
                 WHERE ip = $1 AND NOT succeeded \
                 AND attempted_at > now() - make_interval(secs => $2)",
            )
            .bind::<Inet, _>(ip)
            .bind::<BigInt, _>(WINDOW_SECS)
            .get_result(conn)
            .await?;
            wait = retry_after(&address, MAX_PER_ADDRESS);
        }
        if let Some(retry_after_secs) = wait {
            return Err(Error::Throttled { retry_after_secs });
        }
        let id: i64 = diesel::insert_into(login_attempts::table)
            .values((
                login_attempts::username.eq(username),
                login_attempts::ip.eq(ip),
                login_attempts::succeeded.eq(false),
            ))
            .returning(login_attempts::id)
            .get_result(conn)
            .await?;
        Ok(Attempt(id))
    })
    .await
}

/// The attempt's password was right.
pub async fn succeeded(conn: &mut AsyncPgConnection, attempt: Attempt) -> Result<()> {
    diesel::update(login_attempts::table.filter(login_attempts::id.eq(attempt.0)))
        .set(login_attempts::succeeded.eq(true))
        .execute(conn)
        .await?;
    Ok(())
}
