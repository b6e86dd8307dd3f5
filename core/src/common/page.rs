//! Keyset pagination: opaque cursors, a default and a hard maximum page size.

use crate::error::Error;
use serde::{de::DeserializeOwned, Serialize};

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

pub fn limit(requested: Option<i64>) -> Result<i64, Error> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(Error::validation(
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

pub fn decode_cursor<T: DeserializeOwned>(cursor: Option<&str>) -> Result<Option<T>, Error> {
    let Some(cursor) = cursor else {
        return Ok(None);
    };
    let invalid =
        || Error::validation("cursor", "invalid", "is not a cursor returned by this list");
    let bytes = hex::decode(cursor).map_err(|_| invalid())?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|_| invalid())
}

/// A page of a keyset-paginated list, as every list endpoint answers it.
#[derive(Debug, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// Cuts the `limit + 1` rows a keyset query read into a page: the first `limit` items, and a
/// cursor (the `key` of the last item kept) when there was one more row.
pub fn cut<R, K: Serialize>(
    rows: Vec<R>,
    limit: i64,
    key: impl Fn(&R) -> K,
) -> (Vec<R>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(0);
    let has_more = rows.len() > limit;
    let mut items = rows;
    items.truncate(limit);
    let next = if has_more {
        items.last().map(|last| encode_cursor(&key(last)))
    } else {
        None
    };
    (items, next)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_limit_and_points_at_the_last_kept_row() {
        let (items, next) = cut(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(items, vec![1, 2]);
        assert_eq!(decode_cursor::<i32>(next.as_deref()).unwrap(), Some(2));
        let (items, next) = cut(vec![1, 2], 2, |n| *n);
        assert_eq!(items, vec![1, 2]);
        assert!(next.is_none());
    }
}
