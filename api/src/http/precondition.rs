//! Optimistic concurrency: resources carry a `version`, writes must send it back in `If-Match`.

use crate::error::ApiError;
use actix_web::http::header::{self, HeaderValue};
use actix_web::HttpRequest;

/// What `If-Match` may hold, as published in the spec (`openapi::complete`).
pub const IF_MATCH_PATTERN: &str =
    r#"^(W/)?("[0-9]{1,9}(\.[0-9]{1,19})?"|[0-9]{1,9}(\.[0-9]{1,19})?)$"#;

/// Reads the version a client expects from `If-Match` (`"3"`, `W/"3"` or `3`; or a case's
/// `ETag`, `"3.17"`: its version, then the generation of the document it served).
/// Missing → 428; anything but `IF_MATCH_PATTERN` → 400.
pub fn expected_version(req: &HttpRequest) -> Result<i32, ApiError> {
    let raw = req
        .headers()
        .get(header::IF_MATCH)
        .ok_or(ApiError::PreconditionRequired)?;
    raw.to_str()
        .ok()
        .and_then(parse_if_match)
        .ok_or_else(|| ApiError::BadRequest("If-Match must be a quoted version number".into()))
}

fn parse_if_match(raw: &str) -> Option<i32> {
    let tag = raw.strip_prefix("W/").unwrap_or(raw);
    let inner = match tag.strip_prefix('"') {
        Some(rest) => rest.strip_suffix('"')?,
        None => tag,
    };
    let (version, generation) = inner
        .split_once('.')
        .map_or((inner, None), |(v, g)| (v, Some(g)));
    let digits =
        |d: &str, max: usize| (1..=max).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit());
    if !digits(version, 9) || generation.is_some_and(|g| !digits(g, 19)) {
        return None;
    }
    version.parse().ok()
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

#[cfg(test)]
mod tests {
    use super::parse_if_match;

    #[test]
    fn if_match_takes_versions_and_case_etags_only() {
        for (raw, version) in [("\"3\"", 3), ("W/\"3\"", 3), ("3", 3), ("\"3.17\"", 3)] {
            assert_eq!(parse_if_match(raw), Some(version), "{raw}");
        }
        for raw in [
            "",
            "*",
            "\"\"",
            "\"3",
            "\"3.\"",
            "\"3.x\"",
            "\"-1\"",
            "\"1234567890\"",
        ] {
            assert_eq!(parse_if_match(raw), None, "{raw}");
        }
    }
}
