//! Delivering the outbox. One package at a time per instance, claimed with `SKIP LOCKED`
//! (instances share the outbox): the claim marks it `sent` with a lease (an instance killed
//! mid-attempt leaves it to be tried again when the lease ends), the attempt is signed with
//! its own time (`package`), and the answer decides:
//!
//! - a signed acknowledgement that verifies with the partner's key, for this package id and
//!   body: `acknowledged`, the acknowledgement kept;
//! - `409 replayed` carrying the acknowledgement of an earlier attempt whose answer was lost:
//!   the same;
//! - any other refusal (4xx): `rejected`, with the partner's code and reason;
//! - no answer, 5xx, 408 or 429: `pending` again after an exponential back-off (the base
//!   doubled at each attempt, at most an hour), `failed` once the attempts are spent.
//!
//! When the partner answers `409 files_missing`, the files it names (the photos and documents
//! the package lists, `files`) are uploaded, each signed, and the package posted again in the
//! same attempt.
//!
//! The package id is the idempotency key: the partner never imports a package twice. Every
//! outcome is audited (`exchange.delivery`, by the system). Attempts leave the package's
//! `version` alone: it counts the decisions on it (approve, decline), which `If-Match` guards.

use super::dto::PackageStatus;
use super::model::PartnerRow;
use super::package::{self, HEADER_KEY, HEADER_SENT_AT, HEADER_SIGNATURE, INBOX_PATH};
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::db::schema::exchange_outbox as o;
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ed25519_dalek::SigningKey;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// The channel the outbox trigger notifies.
pub const CHANNEL: &str = "ncen_exchange";

#[derive(Debug, Clone)]
pub struct Policy {
    /// The wait after the first failed attempt; doubled at each one after.
    pub retry_base: Duration,
    /// Attempts before a package is `failed`.
    pub max_attempts: i32,
    /// How long one attempt may take.
    pub timeout: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            retry_base: Duration::from_secs(30),
            max_attempts: 12,
            timeout: Duration::from_secs(120),
        }
    }
}

impl Policy {
    fn backoff(&self, attempts: i32) -> Duration {
        let exp = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(0);
        self.retry_base
            .saturating_mul(2u32.saturating_pow(exp))
            .min(Duration::from_secs(3600))
    }
}

/// A due package: id, partner, body, its hash, attempts so far.
type Due = (Uuid, Uuid, Option<Vec<u8>>, Option<String>, i32);

/// A claimed attempt.
struct Claim {
    id: Uuid,
    partner: PartnerRow,
    body: Vec<u8>,
    sha: String,
    attempts: i32,
    /// The files the package lists: SHA-256 and where this node keeps the bytes.
    files: Vec<(String, String)>,
}

enum Outcome {
    Acknowledged { ack: Vec<u8>, signature: String },
    Rejected(String),
    Retry(String),
}

fn lease(policy: &Policy) -> chrono::Duration {
    chrono::Duration::from_std(policy.timeout + Duration::from_secs(30))
        .unwrap_or(chrono::Duration::minutes(3))
}

/// Claims the next due package, if any.
async fn claim(conn: &mut AsyncPgConnection, policy: &Policy) -> Result<Option<Claim>> {
    conn.transaction::<_, Error, _>(async |conn| {
        let due: Option<Due> = o::table
            .filter(o::status.eq_any([PackageStatus::Pending, PackageStatus::Sent]))
            .filter(o::next_attempt_at.le(Utc::now()))
            .order((o::next_attempt_at.asc(), o::id.asc()))
            .select((o::id, o::partner_id, o::body, o::body_sha256, o::attempts))
            .limit(1)
            .for_update()
            .skip_locked()
            .first(conn)
            .await
            .optional()?;
        let Some((id, partner_id, Some(body), Some(sha), attempts)) = due else {
            return Ok(None);
        };
        let partner = repo::partner(conn, partner_id)
            .await?
            .ok_or_else(|| Error::internal(anyhow::anyhow!("package without partner")))?;
        let files = files_of(conn, &body).await?;
        let now = Utc::now();
        diesel::update(o::table.find(id))
            .set((
                o::status.eq(PackageStatus::Sent),
                o::attempts.eq(attempts + 1),
                o::next_attempt_at.eq(now + lease(policy)),
                o::updated_at.eq(now),
            ))
            .execute(conn)
            .await?;
        Ok(Some(Claim {
            id,
            partner,
            body,
            sha,
            attempts: attempts + 1,
            files,
        }))
    })
    .await
}

/// The files a package body lists (its cases' attachments, by the attachments' ids at this
/// node): each one's SHA-256 and storage key.
async fn files_of(conn: &mut AsyncPgConnection, body: &[u8]) -> Result<Vec<(String, String)>> {
    use crate::db::schema::seizure_attachments as a;
    let pkg: package::Package = serde_json::from_slice(body).map_err(Error::internal)?;
    let ids: Vec<Uuid> = pkg
        .cases
        .iter()
        .flat_map(|c| super::files::attachments(&c.document))
        .filter_map(|(id, _)| id.and_then(|id| Uuid::parse_str(id).ok()))
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Vec<u8>, String)> = a::table
        .filter(a::id.eq_any(&ids))
        .select((a::sha256, a::storage_key))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(sha, key)| (hex::encode(sha), key))
        .collect())
}

/// The refusal in a problem document: `code: detail`.
fn refusal(status: u16, body: &serde_json::Value) -> String {
    let member = |name: &str| body.get(name).and_then(serde_json::Value::as_str);
    let code = member("code").unwrap_or("refused");
    match member("detail") {
        Some(detail) => format!("{status} {code}: {detail}"),
        None => format!("{status} {code}"),
    }
}

/// What the partner answered to the package.
enum Answer {
    Settled(Outcome),
    /// 409 `files_missing`: the hashes of the files to upload first.
    Missing(Vec<String>),
}

/// One attempt: POST the package to the partner's inbox; if the partner misses some of its
/// files, upload them and POST it again.
async fn attempt(
    client: &reqwest::Client,
    key: &SigningKey,
    storage: &Storage,
    c: &Claim,
) -> Outcome {
    if c.partner.status != super::dto::PartnerStatus::Active {
        return Outcome::Retry("the partner is suspended".into());
    }
    let Some(partner_key) = super::keys::parse_public_key(&c.partner.public_key) else {
        return Outcome::Rejected("the partner's key is not valid".into());
    };
    match post(client, key, &partner_key, c).await {
        Answer::Settled(outcome) => outcome,
        Answer::Missing(missing) => {
            if let Err(outcome) = upload(client, key, storage, c, &missing).await {
                return outcome;
            }
            match post(client, key, &partner_key, c).await {
                Answer::Settled(outcome) => outcome,
                Answer::Missing(still) => Outcome::Retry(format!(
                    "the partner still misses {} files after they were uploaded",
                    still.len()
                )),
            }
        }
    }
}

/// How many files of a package travel at once.
const FILES_IN_FLIGHT: usize = 3;

/// Uploads the files the partner misses, each signed as an attempt is, a few at a time; the
/// first failure stops the others.
async fn upload(
    client: &reqwest::Client,
    key: &SigningKey,
    storage: &Storage,
    c: &Claim,
    missing: &[String],
) -> std::result::Result<(), Outcome> {
    use futures_util::stream::{FuturesUnordered, StreamExt};
    let mut waiting = missing.iter();
    let mut running = FuturesUnordered::new();
    for sha in waiting.by_ref().take(FILES_IN_FLIGHT) {
        running.push(upload_one(client, key, storage, c, sha));
    }
    while let Some(done) = running.next().await {
        done?;
        if let Some(sha) = waiting.next() {
            running.push(upload_one(client, key, storage, c, sha));
        }
    }
    Ok(())
}

/// Uploads one file the partner misses.
async fn upload_one(
    client: &reqwest::Client,
    key: &SigningKey,
    storage: &Storage,
    c: &Claim,
    sha: &str,
) -> std::result::Result<(), Outcome> {
    let endpoint = c.partner.endpoint.trim_end_matches('/');
    let Some((_, storage_key)) = c.files.iter().find(|(s, _)| s == sha) else {
        return Err(Outcome::Rejected(format!(
            "the partner asked for a file the package does not list ({sha})"
        )));
    };
    let bytes = storage
        .get(storage_key)
        .await
        .map_err(|e| Outcome::Retry(format!("the file {sha} cannot be read here: {e}")))?;
    let sent_at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let signature = package::sign_attempt(key, &sent_at, &bytes);
    let url = format!("{endpoint}{}", super::files::upload_path(sha));
    let res = client
        .put(&url)
        .header("content-type", "application/octet-stream")
        .header(HEADER_KEY, hex::encode(key.verifying_key().as_bytes()))
        .header(HEADER_SENT_AT, &sent_at)
        .header(HEADER_SIGNATURE, signature)
        .body(bytes)
        .send()
        .await
        .map_err(|e| Outcome::Retry(format!("no answer from {url}: {e}")))?;
    let status = res.status().as_u16();
    match status {
        200..=299 => Ok(()),
        408 | 429 | 500..=599 => Err(Outcome::Retry(format!(
            "the partner answered {status} to a file"
        ))),
        _ => {
            let bytes = res.bytes().await.unwrap_or_default();
            let problem: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            Err(Outcome::Rejected(format!(
                "a file was refused: {}",
                refusal(status, &problem)
            )))
        }
    }
}

/// POSTs the package to the partner's inbox and reads the answer.
async fn post(
    client: &reqwest::Client,
    key: &SigningKey,
    partner_key: &ed25519_dalek::VerifyingKey,
    c: &Claim,
) -> Answer {
    let sent_at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let signature = package::sign_attempt(key, &sent_at, &c.body);
    let url = format!("{}{INBOX_PATH}", c.partner.endpoint.trim_end_matches('/'));
    let res = client
        .post(&url)
        .header("content-type", "application/json")
        .header(HEADER_KEY, hex::encode(key.verifying_key().as_bytes()))
        .header(HEADER_SENT_AT, &sent_at)
        .header(HEADER_SIGNATURE, signature)
        .body(c.body.clone())
        .send()
        .await;
    let res = match res {
        Ok(res) => res,
        Err(e) => return Answer::Settled(Outcome::Retry(format!("no answer from {url}: {e}"))),
    };
    let status = res.status().as_u16();
    let signed = res
        .headers()
        .get(HEADER_SIGNATURE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = match res.bytes().await {
        Ok(b) => b.to_vec(),
        Err(e) => return Answer::Settled(Outcome::Retry(format!("the answer was cut: {e}"))),
    };
    let verified = |ack: &[u8], sig: &str| {
        package::verify_ack(partner_key, ack, sig, c.id, &c.sha).map(|_| Outcome::Acknowledged {
            ack: ack.to_vec(),
            signature: sig.to_string(),
        })
    };
    Answer::Settled(match status {
        200..=299 => signed
            .as_deref()
            .and_then(|sig| verified(&bytes, sig))
            .unwrap_or_else(|| {
                Outcome::Rejected(
                    "the partner's acknowledgement did not verify with its key".into(),
                )
            }),
        408 | 429 | 500..=599 => Outcome::Retry(format!("the partner answered {status}")),
        _ => {
            let problem: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            let member = |name: &str| problem.get(name).and_then(serde_json::Value::as_str);
            if member("code") == Some("files_missing") {
                let missing = problem
                    .get("missing")
                    .and_then(serde_json::Value::as_array)
                    .map(|m| {
                        m.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                return Answer::Missing(missing);
            }
            if member("code") == Some("replayed") {
                let earlier = member("acknowledgement")
                    .zip(member("acknowledgement_signature"))
                    .and_then(|(ack, sig)| verified(ack.as_bytes(), sig));
                if let Some(ack) = earlier {
                    return Answer::Settled(ack);
                }
            }
            Outcome::Rejected(refusal(status, &problem))
        }
    })
}

/// Records the outcome of attempt `c` (only if the claim is still this attempt's).
async fn settle(
    conn: &mut AsyncPgConnection,
    policy: &Policy,
    c: &Claim,
    outcome: Outcome,
) -> Result<()> {
    conn.transaction::<_, Error, _>(async |conn| {
        let now = Utc::now();
        let mine = o::table
            .filter(o::id.eq(c.id))
            .filter(o::status.eq(PackageStatus::Sent))
            .filter(o::attempts.eq(c.attempts));
        let (result, error) = match outcome {
            Outcome::Acknowledged { ack, signature } => {
                diesel::update(mine)
                    .set((
                        o::status.eq(PackageStatus::Acknowledged),
                        o::ack.eq(ack),
                        o::ack_signature.eq(signature),
                        o::acknowledged_at.eq(now),
                        o::sent_at.eq(now),
                        o::next_attempt_at.eq(None::<DateTime<Utc>>),
                        o::last_error.eq(None::<String>),
                        o::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .await?;
                (PackageStatus::Acknowledged, None)
            }
            Outcome::Rejected(reason) => {
                diesel::update(mine)
                    .set((
                        o::status.eq(PackageStatus::Rejected),
                        o::sent_at.eq(now),
                        o::next_attempt_at.eq(None::<DateTime<Utc>>),
                        o::last_error.eq(&reason),
                        o::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .await?;
                (PackageStatus::Rejected, Some(reason))
            }
            Outcome::Retry(reason) => {
                let (status, next) = if c.attempts >= policy.max_attempts {
                    (PackageStatus::Failed, None)
                } else {
                    let wait = chrono::Duration::from_std(policy.backoff(c.attempts))
                        .unwrap_or(chrono::Duration::hours(1));
                    (PackageStatus::Pending, Some(now + wait))
                };
                diesel::update(mine)
                    .set((
                        o::status.eq(status),
                        o::next_attempt_at.eq(next),
                        o::last_error.eq(&reason),
                        o::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .await?;
                (status, Some(reason))
            }
        };
        let event = Event::new("exchange.delivery")
            .object("package", c.id)
            .details(json!({
                "partner_id": c.partner.id, "attempt": c.attempts,
                "outcome": result, "error": error,
            }));
        record(conn, &Actor::system(), event).await?;
        Ok(())
    })
    .await
}

/// Delivers the next due package, if any; whether one was tried. No connection is held
/// while the partner answers (a slow partner does not starve the pool).
pub async fn deliver_one(
    pool: &crate::db::Pool,
    client: &reqwest::Client,
    key: &SigningKey,
    storage: &Storage,
    policy: &Policy,
) -> Result<bool> {
    let claimed = {
        let mut conn = pool.get().await?;
        claim(&mut conn, policy).await?
    };
    let Some(c) = claimed else {
        return Ok(false);
    };
    let outcome = attempt(client, key, storage, &c).await;
    let mut conn = pool.get().await?;
    settle(&mut conn, policy, &c, outcome).await?;
    Ok(true)
}

/// When the next package is due, if one waits.
async fn next_due(conn: &mut AsyncPgConnection) -> Result<Option<DateTime<Utc>>> {
    Ok(o::table
        .filter(o::status.eq_any([PackageStatus::Pending, PackageStatus::Sent]))
        .select(diesel::dsl::min(o::next_attempt_at))
        .first::<Option<DateTime<Utc>>>(conn)
        .await?)
}

pub fn client(policy: &Policy) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .timeout(policy.timeout)
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()?)
}

/// The delivery worker: woken when a package is queued (`NOTIFY ncen_exchange`), and when
/// the next retry is due.
pub fn spawn_worker(
    pool: crate::db::Pool,
    url: String,
    key: Arc<SigningKey>,
    storage: Storage,
    policy: Policy,
) -> anyhow::Result<()> {
    let client = client(&policy)?;
    let wake = Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        loop {
            let mut wait = Duration::from_secs(5);
            loop {
                match deliver_one(&pool, &client, &key, &storage, &policy).await {
                    Ok(true) => continue,
                    Ok(false) => {}
                    Err(e) => tracing::warn!(error = %e, "exchange: delivery failed"),
                }
                break;
            }
            if let Ok(mut conn) = pool.get().await {
                if let Ok(Some(due)) = next_due(&mut conn).await {
                    let until = (due - Utc::now()).to_std().unwrap_or(Duration::ZERO);
                    wait = wait.min(until).max(Duration::from_millis(50));
                }
            }
            let _ = tokio::time::timeout(wait, wake.notified()).await;
        }
    });
    Ok(())
}
