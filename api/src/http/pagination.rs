//! Keyset pagination: opaque cursors, a default and a hard maximum page size.

use crate::error::ApiError;
use serde::{de::DeserializeOwned, Serialize};

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

pub fn limit(requested: Option<i64>) -> Result<i64, ApiError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::validation(
            "limit",
            "range",
            &format!("must be between 1 and {MAX_LIMIT}"),
        )),
    }
}

/// Encodes a cursor position as URL-safe text (hex of its JSON form).
pub fn encode_cursor<T: Serialize>(position: &T) -> String {
    hex::encode(serde_json::to_vec(position).unwrap_or_default())
}

pub fn decode_cursor<T: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<T>, ApiError> {
    let Some(cursor) = cursor else {
        return Ok(None);
    };
    let invalid =
        || ApiError::validation("cursor", "invalid", "is not a cursor returned by this list");
    let bytes = hex::decode(cursor).map_err(|_| invalid())?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|_| invalid())
}
