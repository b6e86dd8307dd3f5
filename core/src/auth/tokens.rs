//! Access tokens (short-lived JWT, HS256 pinned) and refresh tokens (opaque, hashed at rest).

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
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

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], access_ttl_secs: i64) -> Self {
        let mut validation = Validation::new(ALGORITHM);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.leeway = 5;
        validation.validate_exp = true;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            access_ttl_secs,
        }
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
        Ok(encode(&Header::new(ALGORITHM), &claims, &self.encoding)?)
    }

    /// Verifies signature, algorithm and the registered claims. Any failure is `None`:
    /// callers answer 401 without saying why.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        match decode::<Claims>(token, &self.decoding, &self.validation) {
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

/// A random secret for signing, when the operator configured none.
pub fn random_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; 64];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

/// The token key shared by every instance on this database: generated once, kept in
/// `server_secrets` (used when `NCEN_JWT_SECRET` is not set).
pub async fn shared_secret(
    conn: &mut diesel_async::AsyncPgConnection,
) -> diesel::QueryResult<Vec<u8>> {
    use crate::db::schema::server_secrets;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    diesel::insert_into(server_secrets::table)
        .values((
            server_secrets::name.eq("jwt_hs256"),
            server_secrets::value.eq(random_secret()),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    server_secrets::table
        .filter(server_secrets::name.eq("jwt_hs256"))
        .select(server_secrets::value)
        .first(conn)
        .await
}
