//! Access tokens (short-lived JWT, HS256 pinned) and refresh tokens (opaque, hashed at rest).

use jsonwebtoken::{
    decode, decode_header, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation,
};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const ISSUER: &str = "ncen";
pub const AUDIENCE: &str = "ncen-api";
const ALGORITHM: Algorithm = Algorithm::HS256;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    /// The session (refresh-token family) this token belongs to; revoking it ends the token.
    pub sid: Uuid,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: Uuid,
}

/// The keys that sign and verify access tokens: the current one signs (its id goes in the
/// token's `kid` header), and during a rotation the previous one still verifies tokens it
/// signed, until they expire (`NCEN_ACCESS_TOKEN_TTL`, at most 15 minutes).
pub struct JwtKeys {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    previous: Option<(String, DecodingKey)>,
    validation: Validation,
    pub access_ttl_secs: i64,
}

/// A key's public id: the first 8 bytes of its SHA-256, in hex. It names the key without
/// revealing it.
pub fn key_id(secret: &[u8]) -> String {
    hex::encode(Sha256::digest(secret).get(..8).unwrap_or_default())
}

impl JwtKeys {
    pub fn new(secret: &[u8], access_ttl_secs: i64) -> Self {
        Self::rotating(secret, None, access_ttl_secs)
    }

    /// The current key, and the previous one while a rotation is under way.
    pub fn rotating(secret: &[u8], previous: Option<&[u8]>, access_ttl_secs: i64) -> Self {
        let mut validation = Validation::new(ALGORITHM);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.leeway = 5;
        validation.validate_exp = true;
        Self {
            kid: key_id(secret),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            previous: previous
                .filter(|p| *p != secret)
                .map(|p| (key_id(p), DecodingKey::from_secret(p))),
            validation,
            access_ttl_secs,
        }
    }

    /// The id of the key that signs new tokens.
    pub fn current_kid(&self) -> &str {
        &self.kid
    }

    pub fn issue(&self, user_id: Uuid, session_id: Uuid) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + self.access_ttl_secs,
            jti: Uuid::new_v4(),
        };
        let mut header = Header::new(ALGORITHM);
        header.kid = Some(self.kid.clone());
        Ok(encode(&header, &claims, &self.encoding)?)
    }

    /// Verifies signature, algorithm and the registered claims, with the key the token's
    /// `kid` names (the current key when it names none). Any failure is `None`: callers
    /// answer 401 without saying why.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let kid = decode_header(token).ok()?.kid;
        let key = match (kid.as_deref(), &self.previous) {
            (None, _) => &self.decoding,
            (Some(k), _) if k == self.kid => &self.decoding,
            (Some(k), Some((previous, key))) if k == previous => key,
            _ => return None,
        };
        match decode::<Claims>(token, key, &self.validation) {
            Ok(data) if data.claims.iat <= chrono::Utc::now().timestamp() + 60 => Some(data.claims),
            Ok(_) => None,
            Err(err) => {
                tracing::debug!(error = %err, "rejected access token");
                None
            }
        }
    }
}

/// A new opaque refresh token (256 bits) and its SHA-256, which is all the database keeps.
pub fn new_refresh_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = hash_refresh_token(&token);
    (token, hash)
}

pub fn hash_refresh_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A random secret for signing, when the operator configured none: 32 random bytes as 64
/// hex characters (the key is the text, as with `NCEN_JWT_SECRET`).
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
