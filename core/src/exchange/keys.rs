//! This node's exchange key: Ed25519, kept in a file outside the database
//! (`NCEN_EXCHANGE_KEY_FILE`, created on first use with mode 0600, its public half beside it
//! as `<file>.pub`). Partners are given the public key and its fingerprint out of band
//! (`ncen exchange key`), and confirm the fingerprint when they register this node.

use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The fingerprint of a public key: the first 16 bytes of its SHA-256, upper-case hex in
/// groups of four (`3F2A 9C01 …`), short enough to read out over the telephone.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hex = hex::encode_upper(digest.get(..16).unwrap_or_default());
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as typed (any case, spaces, colons or dashes between groups), normalised for
/// comparison.
pub fn normalise_fingerprint(typed: &str) -> String {
    typed
        .chars()
        .filter(char::is_ascii_hexdigit)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A public key written as 64 hex digits.
pub fn parse_public_key(hex_key: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = hex::decode(hex_key.trim()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// The node's signing key in `path`, created on first use.
pub fn load_or_create(path: &Path) -> anyhow::Result<SigningKey> {
    crate::audit::anchor::load_or_create_key(path, "exchange")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_grouped_and_compare_as_typed() {
        let key = SigningKey::from_bytes(&[7u8; 32]).verifying_key();
        let fp = fingerprint(&key);
        assert_eq!(fp.len(), 16 * 2 + 7, "{fp}");
        assert_eq!(
            normalise_fingerprint(&fp.to_lowercase().replace(' ', ":")),
            fp.replace(' ', "")
        );
        let hex_key = hex::encode(key.as_bytes());
        assert_eq!(parse_public_key(&hex_key), Some(key));
        assert_eq!(parse_public_key("00"), None);
    }
}
