//! Field checks, one idiom for every input: a service runs its input through a `Checker`
//! (lengths, trimming, code lists, identifiers, dates), which collects every `FieldError` at
//! its JSON path, answered together as one 422. The limits a client can know in advance are
//! also declared on the input types (`#[schema(max_length = …)]`), so they reach
//! `openapi.yaml`.

use crate::error::{Error, FieldError};
use chrono::{DateTime, Utc};

/// What `Checker::code` checks codes against (`codelists::book::CodeBook`): kept as a trait
/// so that the shared helpers do not depend on a domain module.
pub trait CodeLists {
    /// Adds an `unknown_code` error at `field` when `code` is not in `list`.
    fn check(&self, list: &str, code: Option<&str>, field: &str, errors: &mut Vec<FieldError>);
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

    /// Trims an optional text; blank becomes `None`; longer than `max` characters (as sent,
    /// which is what the published `maxLength` counts) is an error.
    pub fn text(&mut self, field: &str, value: Option<String>, max: usize) -> Option<String> {
        let value = value?;
        if value.chars().count() > max {
            self.push(
                field,
                "length",
                format!("must be at most {max} characters long"),
            );
        }
        Some(value.trim().to_string()).filter(|v| !v.is_empty())
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

    /// A required name: as `required`, and it must contain a letter (a record named "0", "-" or
    /// "?" is junk that would match nothing and mislead everyone).
    pub fn name(&mut self, field: &str, value: Option<String>, max: usize) -> String {
        let name = self.required(field, value, max);
        if !name.is_empty() && !name.chars().any(char::is_alphabetic) {
            self.push(field, "no_letters", "must contain at least one letter");
        }
        name
    }

    /// Trims every item, drops blank ones and duplicates, bounds count (as sent) and length.
    pub fn texts(
        &mut self,
        field: &str,
        values: Vec<String>,
        max_items: usize,
        max: usize,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if values.len() > max_items {
            self.push(field, "length", format!("at most {max_items} items"));
        }
        for (i, v) in values.into_iter().enumerate() {
            if let Some(v) = self.text(&format!("{field}[{i}]"), Some(v), max) {
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
        out
    }

    /// A list of e-mail addresses (`emails_schema`): each item as sent (not trimmed, not
    /// blank) must be an address; then trimmed and deduplicated like `texts`.
    pub fn emails(&mut self, field: &str, values: Vec<String>) -> Vec<String> {
        for (i, e) in values.iter().enumerate() {
            if e.chars().count() <= 254 {
                self.email(&format!("{field}[{i}]"), e);
            }
        }
        self.texts(field, values, 10, 254)
    }

    /// A code from a code list (codes are used as given: they are case-sensitive).
    pub fn code(
        &mut self,
        book: &impl CodeLists,
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
        book: &impl CodeLists,
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

    /// A text's length in characters, not trimmed (passwords, usernames as typed): between
    /// `min` and `max` (`min` 0: at most `max`).
    pub fn length(&mut self, field: &str, value: &str, min: usize, max: usize) {
        let n = value.chars().count();
        if n < min || n > max {
            let message = if min == 0 {
                format!("must be at most {max} characters long")
            } else {
                format!("must be between {min} and {max} characters long")
            };
            self.push(field, "length", message);
        }
    }

    /// An e-mail address (the `validator` crate's HTML5 rule).
    pub fn email(&mut self, field: &str, value: &str) {
        if !validator::ValidateEmail::validate_email(&value) {
            self.push(field, "email", "must be an e-mail address");
        }
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
    // Counted as sent, which is what the published `maxLength` counts.
    if q.as_ref()
        .is_some_and(|t| t.chars().count() > MAX_SEARCH_CHARS)
    {
        return Err(Error::validation(
            "q",
            "length",
            "must be at most 200 characters long",
        ));
    }
    Ok(q.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
}

/// The published schema of a list `Checker::texts` reads: at most `ITEMS` texts of at most
/// `LEN` characters, no U+0000 (for `#[schema(schema_with = …)]`).
pub fn texts_schema<const ITEMS: usize, const LEN: usize>() -> utoipa::openapi::Array {
    text_list(ITEMS, LEN, "^[^\u{0}]*$")
}

/// E-mail addresses as persons take them (the HTML5 rule of `validator`).
pub fn emails_schema() -> utoipa::openapi::Array {
    text_list(10, 254, EMAIL_PATTERN)
}

/// The HTML5 e-mail rule (`validator::ValidateEmail`), as a pattern.
pub const EMAIL_PATTERN: &str = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

fn text_list(items: usize, len: usize, pattern: &str) -> utoipa::openapi::Array {
    use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(len))
                .pattern(Some(pattern)),
        )
        .max_items(Some(items))
        .build()
}
