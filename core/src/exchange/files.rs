//! The files of a package: the photos, X-rays and documents its cases list (each case
//! document's `attachments`, with their SHA-256, size and type — in the non-nominal scope
//! only those cleared for export). The package names them by hash, so its signature covers
//! them; their bytes travel apart, each uploaded before the package:
//!
//! `PUT <endpoint>/api/v1/exchange/inbox/files/<sha256>`, signed as a package attempt is
//! (`Ncen-Key`, `Ncen-Sent-At`, `Ncen-Signature` over the file's bytes). The receiver checks
//! the partner and the signature as for a package, that the bytes hash to the name (422
//! `wrong_hash`), their type (JPEG, PNG, WebP, TIFF or PDF, read from the content: 422
//! `unsupported_type`) and size (413 `too_large`), and keeps the file once per partner and
//! content. A package is accepted only when every file its cases list has arrived; until
//! then it is answered 409 `files_missing` with the hashes still missing, which the sender
//! uploads before trying again — so an attempt never carries a file twice, a retry only what
//! was lost, and the package body stays small however many photos it brings.
//!
//! On the receiving node the files of a package under review and of a received case are
//! served to liaison officers (audited `exchange.file_read`), as the partner sent them.

use super::inbox::{self, Attempt, Known, Limits, Refusal};
use super::package::Package;
use crate::audit::{record, Actor, Event};
use crate::db::schema::{exchange_files as f, exchange_inbox as i, received_cases as r};
use crate::error::{Error, Result};
use crate::files::media;
use crate::files::storage::Storage;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

/// The most files one package may list.
pub const MAX_FILES: usize = 2000;

/// The path of a file upload under a node's endpoint.
pub fn upload_path(sha256: &str) -> String {
    format!("{}/files/{sha256}", super::package::INBOX_PATH)
}

/// Whether `s` is a SHA-256 as packages write it: 64 lowercase hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Each attachment a case document lists: its id at the sender and its SHA-256.
pub fn attachments(document: &Value) -> impl Iterator<Item = (Option<&str>, Option<&str>)> {
    document
        .get("attachments")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|a| {
            (
                a.get("id").and_then(Value::as_str),
                a.get("sha256").and_then(Value::as_str),
            )
        })
}

/// The hashes of the files a package's cases list, or what is wrong with them.
pub fn listed(pkg: &Package) -> std::result::Result<BTreeSet<String>, &'static str> {
    let mut out = BTreeSet::new();
    for case in &pkg.cases {
        for (_, sha) in attachments(&case.document) {
            match sha {
                Some(s) if is_sha256(s) => {
                    out.insert(s.to_string());
                }
                _ => {
                    return Err(
                        "each attachment names its file by SHA-256, 64 lowercase hex digits",
                    )
                }
            }
        }
    }
    if out.len() > MAX_FILES {
        return Err("a package lists at most 2000 files");
    }
    Ok(out)
}

/// 409 `files_missing` (or 422 `malformed`) unless every file `pkg` lists has arrived from
/// `partner`.
pub(super) async fn unreceived(
    conn: &mut AsyncPgConnection,
    partner: Uuid,
    pkg: &Package,
) -> Result<Option<Refusal>> {
    let wanted = match listed(pkg) {
        Ok(w) => w,
        Err(problem) => return Ok(Some(inbox::refusal(422, "malformed", problem))),
    };
    if wanted.is_empty() {
        return Ok(None);
    }
    let have: BTreeSet<String> = f::table
        .filter(f::partner_id.eq(partner))
        .filter(f::sha256.eq_any(&wanted))
        .select(f::sha256)
        .load::<String>(conn)
        .await?
        .into_iter()
        .collect();
    let missing: Vec<String> = wanted.difference(&have).cloned().collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let mut r = inbox::refusal(
        409,
        "files_missing",
        format!(
            "{} of the package's {} files have not arrived: upload them first",
            missing.len(),
            wanted.len()
        ),
    );
    r.missing = missing;
    Ok(Some(r))
}

/// Claims the files `pkg` lists, in the transaction that accepts it: from then on they are
/// kept. 409 `files_missing` if one vanished since `unreceived` looked (swept as abandoned at
/// that very moment): the sender uploads it again.
pub(super) async fn claim(
    conn: &mut AsyncPgConnection,
    partner: Uuid,
    pkg: &Package,
) -> Result<()> {
    let wanted = listed(pkg).map_err(|m| Error::BadRequest(m.into()))?;
    if wanted.is_empty() {
        return Ok(());
    }
    let held: Vec<String> = diesel::update(
        f::table
            .filter(f::partner_id.eq(partner))
            .filter(f::sha256.eq_any(&wanted)),
    )
    .set(f::claimed_at.eq(diesel::dsl::now))
    .returning(f::sha256)
    .get_results(conn)
    .await?;
    if held.len() < wanted.len() {
        return Err(Error::State(
            "files_missing",
            "some of the package's files are no longer here: upload them again".into(),
        ));
    }
    Ok(())
}

/// Files uploaded but never listed by an accepted package are swept after this many days.
pub const UNCLAIMED_DAYS: i64 = 7;

/// Removes the files no accepted package claimed within `UNCLAIMED_DAYS` of their last
/// upload, bytes and rows, audited (`exchange.files_purged`); returns how many.
pub async fn purge_unclaimed(conn: &mut AsyncPgConnection, storage: &Storage) -> Result<usize> {
    let cutoff = chrono::Utc::now() - chrono::Duration::days(UNCLAIMED_DAYS);
    let gone: Vec<(Uuid, String, String)> = diesel::delete(
        f::table
            .filter(f::claimed_at.is_null())
            .filter(f::received_at.lt(cutoff)),
    )
    .returning((f::partner_id, f::sha256, f::storage_key))
    .get_results(conn)
    .await?;
    if gone.is_empty() {
        return Ok(0);
    }
    let files: Vec<Value> = gone
        .iter()
        .map(|(partner, sha, _)| json!({ "partner_id": partner, "sha256": sha }))
        .collect();
    let event = Event::new("exchange.files_purged")
        .details(json!({ "files": files, "unclaimed_days": UNCLAIMED_DAYS }));
    record(conn, &Actor::system(), event).await?;
    for (_, _, key) in &gone {
        let _ = storage.delete(key).await;
    }
    Ok(gone.len())
}

/// Checks and keeps one uploaded file, or refuses it; either way audited.
pub async fn receive(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    limits: &Limits,
    sha256: &str,
    attempt: Attempt<'_>,
) -> Result<std::result::Result<(), Refusal>> {
    let mut known = Known::default();
    match check(conn, storage, limits, sha256, &attempt, &mut known).await? {
        Ok(()) => Ok(Ok(())),
        Err(r) => {
            inbox::audit_refusal(conn, &attempt, &known, &r).await?;
            Ok(Err(r))
        }
    }
}

async fn check(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    limits: &Limits,
    sha256: &str,
    attempt: &Attempt<'_>,
    known: &mut Known,
) -> Result<std::result::Result<(), Refusal>> {
    let partner =
        match inbox::authenticate(conn, limits, limits.max_file_bytes, attempt, known).await? {
            Ok(p) => p,
            Err(r) => return Ok(Err(r)),
        };
    let actual = super::package::sha256_hex(attempt.body);
    if actual != sha256 {
        return Ok(Err(inbox::refusal(
            422,
            "wrong_hash",
            "the file's SHA-256 is not the one its address names",
        )));
    }
    let Some(media_type) = media::sniff(attempt.body) else {
        return Ok(Err(inbox::refusal(
            422,
            "unsupported_type",
            "a file is a JPEG, PNG, WebP or TIFF image or a PDF",
        )));
    };
    let seen: bool = diesel::select(diesel::dsl::exists(
        f::table
            .filter(f::partner_id.eq(partner.id))
            .filter(f::sha256.eq(sha256)),
    ))
    .get_result(conn)
    .await?;
    let key = format!("exchange/{}/{sha256}", partner.id);
    if seen {
        // sent again for a package still to come: not swept as abandoned meanwhile
        diesel::update(
            f::table
                .filter(f::partner_id.eq(partner.id))
                .filter(f::sha256.eq(sha256))
                .filter(f::claimed_at.is_null()),
        )
        .set(f::received_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    } else {
        // stored before it is recorded: a row always has its bytes
        storage
            .put(&key, attempt.body.to_vec())
            .await
            .map_err(Error::internal)?;
        diesel::insert_into(f::table)
            .values((
                f::partner_id.eq(partner.id),
                f::sha256.eq(sha256),
                f::media_type.eq(media_type.mime()),
                f::size_bytes.eq(i64::try_from(attempt.body.len()).unwrap_or(i64::MAX)),
                f::storage_key.eq(&key),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    let event = Event::new("exchange.file_received").details(json!({
        "partner_id": partner.id, "sha256": sha256, "size": attempt.body.len(),
        "media_type": media_type.mime(), "already_received": seen,
    }));
    record(conn, &inbox::actor(attempt, Some(&partner.country)), event).await?;
    Ok(Ok(()))
}

/// Where a file is read from: a package under review or a received case.
#[derive(Debug, Clone, Copy)]
pub enum Holder {
    Package(Uuid),
    ReceivedCase(Uuid),
}

/// A file a package under review or a received case lists (404 for any other), with its
/// type, as the partner sent it. Audited (`exchange.file_read`).
pub async fn read(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    actor: &Actor,
    holder: Holder,
    sha256: &str,
) -> Result<(String, Vec<u8>)> {
    if !is_sha256(sha256) {
        return Err(Error::NotFound);
    }
    let (partner, documents, object) = match holder {
        Holder::Package(id) => {
            let (partner, body): (Uuid, Vec<u8>) = i::table
                .find(id)
                .select((i::partner_id, i::body))
                .first(conn)
                .await
                .optional()?
                .ok_or(Error::NotFound)?;
            let pkg: Package = serde_json::from_slice(&body).map_err(Error::internal)?;
            let docs = pkg.cases.into_iter().map(|c| c.document).collect();
            (partner, docs, ("package", id))
        }
        Holder::ReceivedCase(id) => {
            let (partner, document): (Uuid, Value) = r::table
                .find(id)
                .select((r::partner_id, r::document))
                .first(conn)
                .await
                .optional()?
                .ok_or(Error::NotFound)?;
            (partner, vec![document], ("received_case", id))
        }
    };
    let listed = documents
        .iter()
        .any(|d| attachments(d).any(|(_, s)| s == Some(sha256)));
    if !listed {
        return Err(Error::NotFound);
    }
    let (media_type, key): (String, String) = f::table
        .find((partner, sha256))
        .select((f::media_type, f::storage_key))
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    let bytes = storage.get(&key).await.map_err(Error::internal)?;
    let event = Event::new("exchange.file_read")
        .object(object.0, object.1)
        .details(json!({ "partner_id": partner, "sha256": sha256 }));
    record(conn, actor, event).await?;
    Ok((media_type, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_64_lowercase_hex_digits() {
        assert!(is_sha256(&"a1".repeat(32)));
        assert!(!is_sha256(&"A1".repeat(32)));
        assert!(!is_sha256(&"a1".repeat(31)));
        assert!(!is_sha256(&format!("{}g", "a".repeat(63))));
    }
}
