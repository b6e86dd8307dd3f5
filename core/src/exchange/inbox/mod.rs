//! Receiving packages (`POST /api/v1/exchange/inbox`): authenticated by the package's
//! signature, never by a user token. In order, a package is refused when it is over the size
//! limit (413 `too_large`); unsigned (401 `unsigned`); signed by a key no partner has (401
//! `unknown_key`) or by a suspended partner (403 `partner_suspended`); when the signature does
//! not verify (401 `bad_signature`: a wrong key, or a body changed after signing); when the
//! attempt is not fresh (401 `stale`); when it is not a package (400 `malformed`) or not for
//! this node (422 `wrong_recipient`, `wrong_sender`); when its id was seen before (409
//! `replayed`, carrying the acknowledgement given then if the body is the same); and when no
//! agreement of this node with the sender covers its scope and goods (403 `no_agreement`); and
//! while a file its cases list has not arrived (409 `files_missing`, naming them: the sender
//! uploads them, `files`, and tries again). Before any of that, even before the body is read,
//! an address with too many refusals in the last 15 minutes is answered 429 `throttled` (with
//! `Retry-After`) without its package being checked.
//!
//! An accepted package is kept exactly as received, with the attempt's signature, for a
//! liaison officer's review, and answered with a signed acknowledgement. Every attempt,
//! accepted or refused, is audited with the sender's address.

use super::dto::{InboxStatus, PartnerStatus};
use super::keys;
use super::model::{NewInbox, PartnerRow};
use super::outbox::Node;
use super::package::{self, Ack, Package, ACK_FORMAT, FORMAT};
use super::{repo, service};
use crate::audit::{record, Actor, Event};
use crate::db::schema::exchange_inbox as i;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use serde_json::json;
use std::time::Duration;
use uuid::Uuid;

mod queue;
mod throttle;

pub use queue::{get, list};
pub use throttle::throttle;

#[derive(Debug, Clone)]
pub struct Limits {
    /// The largest package body accepted, in bytes.
    pub max_bytes: usize,
    /// How far an attempt's `Ncen-Sent-At` may be from this node's clock.
    pub max_skew: Duration,
    /// The largest file (a photo, an X-ray, a document) a package may bring, in bytes.
    pub max_file_bytes: usize,
    /// Refused attempts one address may make in [`REFUSAL_WINDOW_SECS`] before the next are
    /// answered 429 `throttled` unchecked (0: no limit).
    pub max_refusals: i64,
}

/// The window over which an address's refused attempts are counted.
pub const REFUSAL_WINDOW_SECS: i64 = 15 * 60;

/// One delivery attempt as it arrived.
pub struct Attempt<'a> {
    pub key: Option<&'a str>,
    pub sent_at: Option<&'a str>,
    pub signature: Option<&'a str>,
    pub body: &'a [u8],
    /// The body was longer than `Limits::max_bytes` (and not read further).
    pub oversize: bool,
    pub ip: Option<IpNetwork>,
    pub request_id: Option<String>,
}

/// A refusal: status, stable code, reason, and for a replay of an accepted package the
/// acknowledgement given then (bytes as signed, signature).
#[derive(Debug)]
pub struct Refusal {
    pub status: u16,
    pub code: &'static str,
    pub detail: String,
    pub ack: Option<(Vec<u8>, String)>,
    /// For 429: the seconds until the address may try again.
    pub retry_after: Option<u64>,
    /// For 409 `files_missing`: the SHA-256 of each file the sender is to upload first.
    pub missing: Vec<String>,
}

pub(super) fn refusal(status: u16, code: &'static str, detail: impl Into<String>) -> Refusal {
    Refusal {
        status,
        code,
        detail: detail.into(),
        ack: None,
        retry_after: None,
        missing: Vec::new(),
    }
}

/// An acknowledgement: the canonical JSON as signed, and the signature.
pub struct Accepted {
    pub ack: Vec<u8>,
    pub signature: String,
}

/// What is known of the sender when a refusal is audited.
#[derive(Default)]
pub(super) struct Known {
    partner: Option<Uuid>,
    country: Option<String>,
    package: Option<Uuid>,
}

pub(super) fn actor(attempt: &Attempt<'_>, country: Option<&str>) -> Actor {
    Actor {
        id: None,
        username: Some(match country {
            Some(c) => format!("partner {c}"),
            None => "partner (unknown)".into(),
        }),
        ip: attempt.ip,
        request_id: attempt.request_id.clone(),
    }
}

pub(super) async fn audit_refusal(
    conn: &mut AsyncPgConnection,
    attempt: &Attempt<'_>,
    known: &Known,
    r: &Refusal,
) -> Result<()> {
    // a package waiting for its files is no refusal: the sender uploads them and tries again
    let action = if r.code == "files_missing" {
        "exchange.inbox_awaiting_files"
    } else {
        "exchange.inbox_refused"
    };
    let mut event = Event::new(action).details(json!({
        "code": r.code, "detail": r.detail, "partner_id": known.partner,
        "package_id": known.package, "size": attempt.body.len(),
        "body_sha256": (!attempt.oversize).then(|| package::sha256_hex(attempt.body)),
        "missing": (!r.missing.is_empty()).then_some(r.missing.len()),
    }));
    if let Some(p) = known.package {
        event = event.object("package", p);
    }
    Ok(record(conn, &actor(attempt, known.country.as_deref()), event).await?)
}

/// Checks, keeps and acknowledges a package, or refuses it; either way audited.
pub async fn receive(
    conn: &mut AsyncPgConnection,
    node: &Node<'_>,
    limits: &Limits,
    attempt: Attempt<'_>,
) -> Result<std::result::Result<Accepted, Refusal>> {
    let mut known = Known::default();
    match check(conn, node, limits, &attempt, &mut known).await? {
        Ok(accepted) => Ok(Ok(accepted)),
        Err(r) => {
            audit_refusal(conn, &attempt, &known, &r).await?;
            Ok(Err(r))
        }
    }
}

/// The partner that signed an attempt (a package or a file), or why not: over the size limit,
/// unsigned, an unknown key, a suspended partner, a signature that does not verify over the
/// body and time, a time too far from this node's clock.
pub(super) async fn authenticate(
    conn: &mut AsyncPgConnection,
    limits: &Limits,
    max_bytes: usize,
    attempt: &Attempt<'_>,
    known: &mut Known,
) -> Result<std::result::Result<PartnerRow, Refusal>> {
    if attempt.oversize {
        return Ok(Err(refusal(
            413,
            "too_large",
            format!("at most {max_bytes} bytes are accepted"),
        )));
    }
    let (Some(key), Some(sent_at), Some(signature)) =
        (attempt.key, attempt.sent_at, attempt.signature)
    else {
        return Ok(Err(refusal(
            401,
            "unsigned",
            "a package carries the Ncen-Key, Ncen-Sent-At and Ncen-Signature headers",
        )));
    };
    let Some(verifying) = keys::parse_public_key(key) else {
        return Ok(Err(refusal(
            401,
            "unsigned",
            "Ncen-Key must be an Ed25519 public key, 64 hex digits",
        )));
    };
    let Some(partner) = repo::partner_by_key(conn, &hex::encode(verifying.as_bytes())).await?
    else {
        return Ok(Err(refusal(
            401,
            "unknown_key",
            "no partner of this node has this key",
        )));
    };
    known.partner = Some(partner.id);
    known.country = Some(partner.country.clone());
    if partner.status != PartnerStatus::Active {
        return Ok(Err(refusal(
            403,
            "partner_suspended",
            "this node does not accept packages from this partner at present",
        )));
    }
    if !package::verify_attempt(&verifying, sent_at, attempt.body, signature) {
        return Ok(Err(refusal(
            401,
            "bad_signature",
            "the signature does not verify with the partner's key over this body and time",
        )));
    }
    let fresh = DateTime::parse_from_rfc3339(sent_at)
        .ok()
        .and_then(|t| (Utc::now() - t.with_timezone(&Utc)).abs().to_std().ok())
        .is_some_and(|skew| skew <= limits.max_skew);
    if !fresh {
        return Ok(Err(refusal(
            401,
            "stale",
            format!(
                "Ncen-Sent-At must be within {} s of this node's clock",
                limits.max_skew.as_secs()
            ),
        )));
    }
    Ok(Ok(partner))
}

async fn check(
    conn: &mut AsyncPgConnection,
    node: &Node<'_>,
    limits: &Limits,
    attempt: &Attempt<'_>,
    known: &mut Known,
) -> Result<std::result::Result<Accepted, Refusal>> {
    let partner = match authenticate(conn, limits, limits.max_bytes, attempt, known).await? {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let pkg: Package = match serde_json::from_slice(attempt.body) {
        Ok(p) => p,
        Err(e) => {
            return Ok(Err(refusal(
                400,
                "malformed",
                format!("not a package: {e}"),
            )))
        }
    };
    known.package = Some(pkg.id);
    if pkg.format != FORMAT {
        return Ok(Err(refusal(
            400,
            "malformed",
            format!("format must be {FORMAT}"),
        )));
    }
    if let Some(r) = malformed_withdrawal(&pkg) {
        return Ok(Err(r));
    }
    if pkg.withdrawal.is_none() && (pkg.cases.is_empty() || pkg.cases.len() > 100) {
        return Ok(Err(refusal(
            422,
            "malformed",
            "a package carries 1 to 100 cases",
        )));
    }
    if pkg.agreement.reference.contains('\0')
        || pkg
            .cases
            .iter()
            .any(|c| has_nul(&c.document) || c.reference.contains('\0'))
    {
        return Ok(Err(refusal(
            422,
            "malformed",
            "text may not contain the NUL character (U+0000)",
        )));
    }
    if pkg.cases.iter().any(|c| !c.document.is_object()) {
        return Ok(Err(refusal(
            422,
            "malformed",
            "each case's document must be an object",
        )));
    }
    let me = node.party();
    if keys::normalise_fingerprint(&pkg.recipient.fingerprint)
        != keys::normalise_fingerprint(&me.fingerprint)
    {
        return Ok(Err(refusal(
            422,
            "wrong_recipient",
            "this package is addressed to another node",
        )));
    }
    if keys::normalise_fingerprint(&pkg.sender.fingerprint)
        != keys::normalise_fingerprint(&partner.fingerprint)
    {
        return Ok(Err(refusal(
            422,
            "wrong_sender",
            "the sender named in the package is not the key's partner",
        )));
    }
    let sha = package::sha256_hex(attempt.body);
    if let Some(r) = replayed(conn, pkg.id, &sha).await? {
        return Ok(Err(r));
    }
    let groups = pkg.commodity_groups();
    let agreement = if pkg.withdrawal.is_some() {
        // taking data back needs no agreement in force: the one the cases came under, or
        // the latest with the partner
        let all = repo::agreements(conn, Some(partner.id)).await?;
        let named = all
            .iter()
            .position(|a| a.reference == pkg.agreement.reference)
            .unwrap_or(0);
        all.into_iter().nth(named)
    } else {
        service::covering(conn, &partner, pkg.scope, &groups).await?
    };
    let Some(agreement) = agreement else {
        return Ok(Err(refusal(
            403,
            "no_agreement",
            format!(
                "no agreement of this node with {} in force covers this package (scope {}, commodity groups {})",
                partner.name,
                pkg.scope.as_str(),
                groups.into_iter().collect::<Vec<_>>().join(", ")
            ),
        )));
    };
    if let Some(r) = super::files::unreceived(conn, partner.id, &pkg).await? {
        return Ok(Err(r));
    }
    let received_at = Utc::now();
    let ack = Ack {
        format: ACK_FORMAT.into(),
        package_id: pkg.id,
        status: "accepted".into(),
        receiver: me,
        received_at,
        body_sha256: sha.clone(),
    };
    let (ack_bytes, ack_signature) = package::sign_ack(node.key, &ack).map_err(Error::internal)?;
    let carried = pkg.references();
    let references: Vec<String> = carried.iter().map(|(r, _)| r.clone()).collect();
    let kind = pkg.kind();
    let row = NewInbox {
        id: pkg.id,
        kind,
        withdraws: pkg.withdrawal.as_ref().map(|w| w.package_id),
        // a withdrawal is applied on arrival
        status: if pkg.withdrawal.is_some() {
            InboxStatus::Imported
        } else {
            InboxStatus::Received
        },
        partner_id: partner.id,
        agreement_id: agreement.id,
        agreement_reference: pkg.agreement.reference.clone(),
        scope: pkg.scope,
        cases: i32::try_from(carried.len()).unwrap_or(i32::MAX),
        case_references: references.clone(),
        created_at: pkg.created_at,
        sent_at: DateTime::parse_from_rfc3339(attempt.sent_at.unwrap_or_default())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(received_at),
        received_at,
        body: attempt.body.to_vec(),
        body_sha256: sha.clone(),
        signature: attempt.signature.unwrap_or_default().to_string(),
        ack: ack_bytes.clone(),
        ack_signature: ack_signature.clone(),
    };
    let stored = conn
        .transaction::<_, Error, _>(async |conn| {
            let inserted = diesel::insert_into(i::table)
                .values(&row)
                .on_conflict(i::id)
                .do_nothing()
                .execute(conn)
                .await?;
            if inserted == 0 {
                return Ok(false);
            }
            super::files::claim(conn, partner.id, &pkg).await?;
            if let Some(w) = &pkg.withdrawal {
                apply_withdrawal(conn, partner.id, pkg.id, w).await?;
            }
            let event = Event::new("exchange.inbox_accept")
                .object("package", pkg.id)
                .details(json!({
                    "partner_id": partner.id, "agreement_id": agreement.id,
                    "agreement_reference": pkg.agreement.reference, "scope": pkg.scope,
                    "kind": kind, "withdraws": pkg.withdrawal.as_ref().map(|w| w.package_id),
                    "case_references": references, "body_sha256": sha,
                    "size": attempt.body.len(),
                }));
            record(conn, &actor(attempt, Some(&partner.country)), event).await?;
            Ok(true)
        })
        .await?;
    if !stored {
        // The same package arrived twice at once; the other attempt kept it.
        return Ok(Err(replayed(conn, pkg.id, &sha).await?.unwrap_or_else(
            || refusal(409, "replayed", "this package id was received before"),
        )));
    }
    Ok(Ok(Accepted {
        ack: ack_bytes,
        signature: ack_signature,
    }))
}

/// What is wrong with a withdrawal's form, if it is one: it carries no cases, withdraws 1 to
/// 100, and says why (1–2000 characters); no NUL anywhere.
fn malformed_withdrawal(pkg: &Package) -> Option<Refusal> {
    let w = pkg.withdrawal.as_ref()?;
    let problem = if !pkg.cases.is_empty() {
        "a withdrawal carries no cases"
    } else if w.cases.is_empty() || w.cases.len() > 100 {
        "a withdrawal withdraws 1 to 100 cases"
    } else if w.reason.trim().is_empty() || w.reason.chars().count() > 2000 {
        "a withdrawal's reason has 1 to 2000 characters"
    } else if w.reason.contains('\0') || w.cases.iter().any(|c| c.reference.contains('\0')) {
        "text may not contain the NUL character (U+0000)"
    } else {
        return None;
    };
    Some(refusal(422, "malformed", problem))
}

/// Marks the partner's cases withdrawn (received or still waiting for review): their received
/// versions up to the one withdrawn say so, and no later import brings them back at those
/// versions.
async fn apply_withdrawal(
    conn: &mut AsyncPgConnection,
    partner: Uuid,
    package: Uuid,
    w: &package::Withdrawal,
) -> Result<()> {
    use crate::db::schema::received_withdrawals as rw;
    use diesel::upsert::excluded;
    let now = Utc::now();
    let rows: Vec<_> = w
        .cases
        .iter()
        .map(|c| {
            (
                rw::partner_id.eq(partner),
                rw::reference.eq(c.reference.clone()),
                rw::version.eq(c.version),
                rw::package_id.eq(package),
                rw::reason.eq(w.reason.trim().to_string()),
                rw::withdrawn_at.eq(now),
            )
        })
        .collect();
    diesel::insert_into(rw::table)
        .values(rows)
        .on_conflict((rw::partner_id, rw::reference))
        .do_update()
        .set((
            rw::version.eq(excluded(rw::version)),
            rw::package_id.eq(excluded(rw::package_id)),
            rw::reason.eq(excluded(rw::reason)),
            rw::withdrawn_at.eq(excluded(rw::withdrawn_at)),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether a NUL character is in a string or key of `v` (PostgreSQL keeps none in text).
fn has_nul(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(has_nul),
        serde_json::Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

/// The refusal of a package id seen before: with the acknowledgement given then when the
/// body is the same (the sender lost the answer), without it otherwise.
async fn replayed(conn: &mut AsyncPgConnection, id: Uuid, sha: &str) -> Result<Option<Refusal>> {
    let seen: Option<(String, Vec<u8>, String)> = i::table
        .find(id)
        .select((i::body_sha256, i::ack, i::ack_signature))
        .first(conn)
        .await
        .optional()?;
    Ok(seen.map(|(seen_sha, ack, signature)| {
        let same = seen_sha == sha;
        Refusal {
            status: 409,
            code: "replayed",
            detail: if same {
                "this package was received before; its acknowledgement is repeated".into()
            } else {
                "this package id was received before with another body".into()
            },
            ack: same.then_some((ack, signature)),
            retry_after: None,
            missing: Vec::new(),
        }
    }))
}
