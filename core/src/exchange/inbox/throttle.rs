//! The inbox's per-address throttle: an address refused too often of late is answered 429
//! `throttled` before its body is even read, counted from the audit trail so every instance
//! agrees.

use super::{audit_refusal, refusal, Attempt, Known, Limits, Refusal, REFUSAL_WINDOW_SECS};
use crate::error::Result;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;

/// Before an attempt's body is read (a package or a file): 429 `throttled` for an address
/// refused too often of late (see [`throttled`]), audited as a refusal.
pub async fn throttle(
    conn: &mut AsyncPgConnection,
    limits: &Limits,
    ip: Option<IpNetwork>,
    request_id: Option<String>,
) -> Result<Option<Refusal>> {
    let Some(r) = throttled(conn, limits, ip).await? else {
        return Ok(None);
    };
    let attempt = Attempt {
        key: None,
        sent_at: None,
        signature: None,
        body: &[],
        oversize: true,
        ip,
        request_id,
    };
    audit_refusal(conn, &attempt, &Known::default(), &r).await?;
    Ok(Some(r))
}

/// 429 `throttled` when `ip` made `max_refusals` refused attempts in the window (counted
/// from the audit trail, so every instance sees the same count); the wait lasts until the
/// oldest of them leaves the window. Refusals while throttled count too: an address that
/// keeps trying stays out.
async fn throttled(
    conn: &mut AsyncPgConnection,
    limits: &Limits,
    ip: Option<IpNetwork>,
) -> Result<Option<Refusal>> {
    use crate::db::schema::audit_events as a;
    let Some(ip) = ip.filter(|_| limits.max_refusals > 0) else {
        return Ok(None);
    };
    let since = Utc::now() - chrono::Duration::seconds(REFUSAL_WINDOW_SECS);
    let recent: Vec<DateTime<Utc>> = a::table
        .filter(a::action.eq("exchange.inbox_refused"))
        .filter(a::ip.eq(ip))
        .filter(a::occurred_at.gt(since))
        .order(a::occurred_at.desc())
        .select(a::occurred_at)
        .limit(limits.max_refusals)
        .load(conn)
        .await?;
    if i64::try_from(recent.len()).unwrap_or(i64::MAX) < limits.max_refusals {
        return Ok(None);
    }
    let oldest = recent.last().copied().unwrap_or_else(Utc::now);
    let wait = (oldest + chrono::Duration::seconds(REFUSAL_WINDOW_SECS) - Utc::now())
        .num_seconds()
        .max(1);
    let mut r = refusal(
        429,
        "throttled",
        format!("too many refused packages from this address: try again in {wait} s"),
    );
    r.retry_after = u64::try_from(wait).ok();
    Ok(Some(r))
}
