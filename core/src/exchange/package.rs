//! The wire format of an Icomm exchange: a package is the canonical JSON (RFC 8785, so both
//! nodes hash the same bytes) of the cases in the agreed scope, with its id, sender,
//! recipient, the agreement it rests on and when it was made. It travels as the body of
//! `POST <endpoint>/api/v1/exchange/inbox` with three headers:
//!
//! - `Ncen-Key`: the sender's Ed25519 public key (64 hex digits), which names the partner;
//! - `Ncen-Sent-At`: when this attempt was made (RFC 3339), for the freshness check;
//! - `Ncen-Signature`: the Ed25519 signature (128 hex digits) of
//!   `ncen-exchange/1\n<Ncen-Sent-At>\n<SHA-256 of the body, hex>`.
//!
//! The body never changes between attempts (the package id is the idempotency key); only
//! the time and signature of the attempt do. The receiver answers with a signed
//! acknowledgement: the canonical JSON of [`Ack`] as body, its signature (of the body's
//! bytes) in `Ncen-Signature`.

use super::dto::{Instrument, Scope};
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const FORMAT: &str = "ncen-exchange/1";
pub const ACK_FORMAT: &str = "ncen-exchange-ack/1";
pub const HEADER_KEY: &str = "Ncen-Key";
pub const HEADER_SENT_AT: &str = "Ncen-Sent-At";
pub const HEADER_SIGNATURE: &str = "Ncen-Signature";
/// The path of a node's inbox under its endpoint.
pub const INBOX_PATH: &str = "/api/v1/exchange/inbox";

/// A node, as a package names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub country: String,
    pub fingerprint: String,
}

/// The legal basis as the sender records it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementRef {
    pub instrument: Instrument,
    pub reference: String,
}

/// One case: its reference and version at the sender (a later package with a higher version
/// updates it) and the case document through the scope's allow-list.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PackageCase {
    pub reference: String,
    pub version: i32,
    /// The case document (`CaseDto`) through the scope's allow-list.
    #[schema(value_type = Object)]
    pub document: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
/// A package as it travels (its canonical JSON is what is signed and hashed).
pub struct Package {
    /// `ncen-exchange/1`.
    pub format: String,
    pub id: Uuid,
    pub sender: Party,
    pub recipient: Party,
    pub agreement: AgreementRef,
    pub scope: Scope,
    pub created_at: DateTime<Utc>,
    /// The cases (1–100); none in a withdrawal.
    #[schema(max_items = 100)]
    pub cases: Vec<PackageCase>,
    /// A withdrawal: the sender withdraws the cases of a package it sent. Absent from a
    /// package of cases (so its canonical bytes are those of format 1 without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
}

/// The cases a sender withdraws, and why.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// The package that carried them.
    pub package_id: Uuid,
    /// Told to the receiver, 1–2000 characters.
    pub reason: String,
    /// Each case's reference and the version withdrawn (that one and every earlier one).
    #[schema(min_items = 1, max_items = 100)]
    pub cases: Vec<WithdrawnCase>,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawnCase {
    pub reference: String,
    pub version: i32,
}

impl Package {
    pub fn kind(&self) -> super::dto::PackageKind {
        if self.withdrawal.is_some() {
            super::dto::PackageKind::Withdrawal
        } else {
            super::dto::PackageKind::Cases
        }
    }

    /// The references and versions a package carries or withdraws.
    pub fn references(&self) -> Vec<(String, i32)> {
        match &self.withdrawal {
            Some(w) => w
                .cases
                .iter()
                .map(|c| (c.reference.clone(), c.version))
                .collect(),
            None => self
                .cases
                .iter()
                .map(|c| (c.reference.clone(), c.version))
                .collect(),
        }
    }

    /// The commodity groups of the goods of every case (what an agreement may restrict).
    pub fn commodity_groups(&self) -> std::collections::BTreeSet<String> {
        self.cases
            .iter()
            .filter_map(|c| c.document.get("goods").and_then(|g| g.as_array()))
            .flatten()
            .filter_map(|g| g.get("commodity_group").and_then(|c| c.as_str()))
            .map(str::to_string)
            .collect()
    }
}

/// What the receiver answers to an accepted package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Ack {
    pub format: String,
    pub package_id: Uuid,
    /// `accepted`: kept for review by a liaison officer.
    pub status: String,
    pub receiver: Party,
    pub received_at: DateTime<Utc>,
    /// SHA-256 of the package's body as received, hex.
    pub body_sha256: String,
}

/// RFC 8785 canonical JSON.
pub fn canonical<T: Serialize>(value: &T) -> anyhow::Result<Vec<u8>> {
    Ok(serde_json_canonicalizer::to_vec(value)?)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// What the signature of one attempt covers.
fn attempt_message(sent_at: &str, body: &[u8]) -> Vec<u8> {
    format!("{FORMAT}\n{sent_at}\n{}", sha256_hex(body)).into_bytes()
}

/// The `Ncen-Signature` of an attempt to send `body` at `sent_at`.
pub fn sign_attempt(key: &SigningKey, sent_at: &str, body: &[u8]) -> String {
    hex::encode(key.sign(&attempt_message(sent_at, body)).to_bytes())
}

fn parse_signature(hex_sig: &str) -> Option<Signature> {
    let bytes: [u8; 64] = hex::decode(hex_sig.trim()).ok()?.try_into().ok()?;
    Some(Signature::from_bytes(&bytes))
}

/// Whether `signature` is `key`'s over the attempt.
pub fn verify_attempt(key: &VerifyingKey, sent_at: &str, body: &[u8], signature: &str) -> bool {
    parse_signature(signature)
        .is_some_and(|s| key.verify(&attempt_message(sent_at, body), &s).is_ok())
}

/// An acknowledgement's bytes and signature.
pub fn sign_ack(key: &SigningKey, ack: &Ack) -> anyhow::Result<(Vec<u8>, String)> {
    let bytes = canonical(ack)?;
    let signature = hex::encode(key.sign(&bytes).to_bytes());
    Ok((bytes, signature))
}

/// The acknowledgement in `bytes` if `signature` is `key`'s over them and it acknowledges
/// `package_id` with the body of `body_sha256`.
pub fn verify_ack(
    key: &VerifyingKey,
    bytes: &[u8],
    signature: &str,
    package_id: Uuid,
    body_sha256: &str,
) -> Option<Ack> {
    let sig = parse_signature(signature)?;
    key.verify(bytes, &sig).ok()?;
    let ack: Ack = serde_json::from_slice(bytes).ok()?;
    (ack.format == ACK_FORMAT && ack.package_id == package_id && ack.body_sha256 == body_sha256)
        .then_some(ack)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_and_attempt_signatures_cover_time_and_body() {
        let bytes = canonical(&serde_json::json!({"b": 1, "a": [true, "é"], "c": 1.5e3})).unwrap();
        assert_eq!(bytes, r#"{"a":[true,"é"],"b":1,"c":1500}"#.as_bytes());

        let key = SigningKey::from_bytes(&[3u8; 32]);
        let other = SigningKey::from_bytes(&[4u8; 32]);
        let at = "2026-12-05T10:00:00Z";
        let sig = sign_attempt(&key, at, &bytes);
        assert!(verify_attempt(&key.verifying_key(), at, &bytes, &sig));
        assert!(!verify_attempt(&other.verifying_key(), at, &bytes, &sig));
        assert!(!verify_attempt(
            &key.verifying_key(),
            "2026-12-05T10:00:01Z",
            &bytes,
            &sig
        ));
        let mut tampered = bytes.clone();
        tampered[5] = b'X';
        assert!(!verify_attempt(&key.verifying_key(), at, &tampered, &sig));
        assert!(!verify_attempt(&key.verifying_key(), at, &bytes, "zz"));

        let ack = Ack {
            format: ACK_FORMAT.into(),
            package_id: Uuid::nil(),
            status: "accepted".into(),
            receiver: Party {
                country: "BE".into(),
                fingerprint: "AB".into(),
            },
            received_at: Utc::now(),
            body_sha256: sha256_hex(&bytes),
        };
        let (ack_bytes, ack_sig) = sign_ack(&key, &ack).unwrap();
        let back = verify_ack(
            &key.verifying_key(),
            &ack_bytes,
            &ack_sig,
            Uuid::nil(),
            &sha256_hex(&bytes),
        );
        assert_eq!(back, Some(ack));
        assert!(verify_ack(
            &other.verifying_key(),
            &ack_bytes,
            &ack_sig,
            Uuid::nil(),
            &sha256_hex(&bytes)
        )
        .is_none());
        assert!(verify_ack(
            &key.verifying_key(),
            &ack_bytes,
            &ack_sig,
            Uuid::max(),
            &sha256_hex(&bytes)
        )
        .is_none());
    }
}
