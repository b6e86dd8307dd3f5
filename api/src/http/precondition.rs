//! Optimistic concurrency: resources carry a `version`, writes must send it back in `If-Match`.

use crate::error::ApiError;
use actix_web::http::header::{self, HeaderValue};
use actix_web::HttpRequest;

/// Reads the version a client expects from `If-Match` (`"3"`, `W/"3"` or `3`; or a case's
/// `ETag`, `"3.17"`: its version, then the generation of the document it served).
/// Missing → 428; unparseable → 400.
pub fn expected_version(req: &HttpRequest) -> Result<i32, ApiError> {
    let raw = req
        .headers()
        .get(header::IF_MATCH)
        .ok_or(ApiError::PreconditionRequired)?
        .to_str()
        .map_err(|_| ApiError::BadRequest("If-Match must be a quoted version number".into()))?;
    let trimmed = raw.trim().trim_start_matches("W/").trim_matches('"');
    let version = trimmed.split_once('.').map_or(trimmed, |(v, _)| v);
    version
        .parse::<i32>()
        .map_err(|_| ApiError::BadRequest("If-Match must be a quoted version number".into()))
}

/// The `ETag` of a case: its version and the generation of its document, so that it moves
/// whenever the document does (a linked record, an attachment, a renamed unit or officer),
/// while `If-Match` still compares the version only (`expected_version`).
pub fn case_etag(version: i32, generation: i64) -> (header::HeaderName, HeaderValue) {
    let value = HeaderValue::from_str(&format!("\"{version}.{generation}\""))
        .unwrap_or(HeaderValue::from_static("\"0\""));
    (header::ETAG, value)
}

/// The `ETag` for a version.
pub fn etag(version: i32) -> (header::HeaderName, HeaderValue) {
    let value = HeaderValue::from_str(&format!("\"{version}\""))
        .unwrap_or(HeaderValue::from_static("\"0\""));
    (header::ETAG, value)
}
