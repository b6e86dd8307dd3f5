//! The registers shared by the seizure, suspect and investigation databases: persons,
//! companies and conveyances. Records are reused across cases; each detail view lists
//! every case the record appears in, with its role there.

pub mod companies;
pub mod conveyances;
pub mod persons;

use crate::codelists::book::CodeBook;
use crate::error::{ApiError, FieldError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    persons::configure(cfg);
    companies::configure(cfg);
    conveyances::configure(cfg);
}

/// A case a register record appears in, and its role there.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseAppearance {
    pub case_id: Uuid,
    pub reference: String,
    /// `seizure` or `offence`.
    pub kind: String,
    /// `draft`, `submitted` or `validated`.
    pub status: String,
    pub detected_at: DateTime<Utc>,
    pub role: String,
}

/// Collects field errors while cleaning an input (trimming, normalising, checking codes).
pub struct Checker {
    pub errors: Vec<FieldError>,
    pub now: DateTime<Utc>,
}

impl Default for Checker {
    fn default() -> Self {
        Self::new()
    }
}

impl Checker {
    pub fn new() -> Self {
        Checker {
            errors: Vec::new(),
            now: Utc::now(),
        }
    }

    pub fn push(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// Trims an optional text; blank becomes `None`; longer than `max` characters is an error.
    pub fn text(&mut self, field: &str, value: Option<String>, max: usize) -> Option<String> {
        let value = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())?;
        if value.chars().count() > max {
            self.push(
                field,
                "length",
                format!("must be at most {max} characters long"),
            );
        }
        Some(value)
    }

    /// Like `text`, but the value must be present.
    pub fn required(&mut self, field: &str, value: Option<String>, max: usize) -> String {
        match self.text(field, value, max) {
            Some(v) => v,
            None => {
                self.push(field, "required", "is required");
                String::new()
            }
        }
    }

    /// Trims every item, drops blank ones and duplicates, bounds count and length.
    pub fn texts(
        &mut self,
        field: &str,
        values: Vec<String>,
        max_items: usize,
        max: usize,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = self.text(&format!("{field}[{i}]"), Some(v), max) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        if out.len() > max_items {
            self.push(field, "length", format!("at most {max_items} items"));
        }
        out
    }

    /// A code from a code list (codes are used as given: they are case-sensitive).
    pub fn code(
        &mut self,
        book: &CodeBook,
        list: &str,
        field: &str,
        value: Option<String>,
    ) -> Option<String> {
        let value = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        book.check(list, value.as_deref(), field, &mut self.errors);
        value
    }

    pub fn codes(
        &mut self,
        book: &CodeBook,
        list: &str,
        field: &str,
        values: Vec<String>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = self.code(book, list, &format!("{field}[{i}]"), Some(v)) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out
    }

    /// One of a fixed set of values.
    pub fn one_of(
        &mut self,
        field: &str,
        value: Option<String>,
        allowed: &[&str],
    ) -> Option<String> {
        let value = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())?;
        if !allowed.contains(&value.as_str()) {
            self.push(
                field,
                "unknown_code",
                format!("must be one of: {}", allowed.join(", ")),
            );
        }
        Some(value)
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern.
pub fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Reads a JSON body into `T`, answering 400 with the serde message when it does not fit.
pub fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::BadRequest(format!(
            "the JSON body does not have the expected shape: {e}"
        ))
    })
}

/// Applies a JSON merge patch (RFC 7396) to a record's current fields. Returns the fields
/// before the patch (as JSON, for the change list) and the patched input to validate.
pub fn merge<T>(current: &T, patch: &serde_json::Value) -> Result<(serde_json::Value, T), ApiError>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    if !patch.is_object() {
        return Err(ApiError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    }
    let old = serde_json::to_value(current).map_err(ApiError::internal)?;
    let mut merged = old.clone();
    crate::http::merge_patch::apply(&mut merged, patch);
    Ok((old, from_json(merged)?))
}

/// Names of the top-level fields that changed. Audit rows carry these, not the values, so
/// no personal data is copied into the log.
pub fn changed_fields<T: serde::Serialize>(
    old: &serde_json::Value,
    new: &T,
) -> Result<Vec<String>, ApiError> {
    let new = serde_json::to_value(new).map_err(ApiError::internal)?;
    Ok(crate::http::merge_patch::diff(old, &new)
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default())
}

/// A register record's response: its `ETag`, and `Location` when it was just created.
pub fn respond<T: serde::Serialize>(
    status: actix_web::http::StatusCode,
    collection: &str,
    id: Uuid,
    version: i32,
    body: T,
) -> actix_web::HttpResponse {
    let mut res = actix_web::HttpResponse::build(status);
    res.insert_header(crate::http::precondition::etag(version));
    if status == actix_web::http::StatusCode::CREATED {
        res.insert_header(("Location", format!("/api/v1/{collection}/{id}")));
    }
    res.json(body)
}
