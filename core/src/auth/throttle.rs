//! Sign-in throttling, kept in the database so every instance sees the same counts:
//! 5 failures for one account, or 20 from one address, within 15 minutes → 429.

use crate::db::schema::login_attempts;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;

pub const WINDOW_SECS: i64 = 15 * 60;
pub const MAX_PER_ACCOUNT: i64 = 5;
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

/// Seconds the caller must wait, or `None` when the attempt may proceed.
pub async fn blocked_for(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: Option<IpNetwork>,
) -> QueryResult<Option<u64>> {
    // An account's count restarts after a successful sign-in.
    let account: Window = diesel::sql_query(
        "SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempts \
         WHERE username = $1 AND NOT succeeded AND attempted_at > now() - make_interval(secs => $2) \
         AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts \
             WHERE username = $1 AND succeeded), '-infinity')",
    )
    .bind::<Text, _>(username)
    .bind::<BigInt, _>(WINDOW_SECS)
    .get_result(conn)
    .await?;
    if let Some(wait) = retry_after(&account, MAX_PER_ACCOUNT) {
        return Ok(Some(wait));
    }
    let Some(ip) = ip else { return Ok(None) };
    let address: Window = diesel::sql_query(
        "SELECT count(*) AS failures, min(attempted_at) AS oldest FROM login_attempts \
         WHERE ip = $1 AND NOT succeeded AND attempted_at > now() - make_interval(secs => $2)",
    )
    .bind::<diesel::sql_types::Inet, _>(ip)
    .bind::<BigInt, _>(WINDOW_SECS)
    .get_result(conn)
    .await?;
    Ok(retry_after(&address, MAX_PER_ADDRESS))
}

pub async fn record_attempt(
    conn: &mut AsyncPgConnection,
    username: &str,
    ip: Option<IpNetwork>,
    succeeded: bool,
) -> QueryResult<()> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::username.eq(username),
            login_attempts::ip.eq(ip),
            login_attempts::succeeded.eq(succeeded),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
