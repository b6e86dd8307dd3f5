//! Field checks, one idiom for every input: `validator` derives on the input types for what
//! is declarative (lengths, ranges, formats — these reach `openapi.yaml`), and `Checker` for
//! what needs the database or cleaning (code lists, identifiers, trimming). Both produce
//! `FieldError`s at JSON paths, answered together as one 422.

use crate::codelists::book::CodeBook;
use crate::error::{Error, FieldError};
use chrono::{DateTime, Utc};
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

/// Validates a deserialised body, answering 422 with field errors when it is not valid.
pub fn validate<T: Validate>(value: &T) -> Result<(), Error> {
    value.validate().map_err(Error::from)
}

pub fn field_errors(errs: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errs, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(errs: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errs.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| default_message(&e.code, &e.params));
                    out.push(FieldError::new(path.clone(), e.code.to_string(), message));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (idx, inner) in items {
                    collect(inner, &format!("{path}[{idx}]"), out);
                }
            }
        }
    }
}

fn default_message(
    code: &str,
    params: &std::collections::HashMap<std::borrow::Cow<'static, str>, serde_json::Value>,
) -> String {
    let p = |k: &str| params.get(k).map(|v| v.to_string());
    match code {
        "length" => match (p("min"), p("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max} characters long"),
            (Some(min), None) => format!("must be at least {min} characters long"),
            (None, Some(max)) => format!("must be at most {max} characters long"),
            _ => "has an invalid length".into(),
        },
        "range" => "is out of range".into(),
        "email" => "must be an e-mail address".into(),
        "required" => "is required".into(),
        _ => format!("is not valid ({code})"),
    }
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

    pub fn finish(self) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(self.errors))
        }
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern.
pub fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The longest free-text search a list takes.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A list's free-text search (`q`): trimmed, blank is none, at most `MAX_SEARCH_CHARS`.
pub fn search_text(q: Option<String>) -> Result<Option<String>, Error> {
    let text = q.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    if text
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_SEARCH_CHARS)
    {
        return Err(Error::validation(
            "q",
            "length",
            "must be at most 200 characters long",
        ));
    }
    Ok(text)
}
