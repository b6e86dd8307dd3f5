//! The entries of several code lists loaded at once, for validating a whole request
//! against them in memory (one query instead of one per field). Like `repo::is_known`,
//! retired entries count as known: they stay valid on existing records.

use crate::common::check::CodeLists;
use crate::db::schema::codelist_entries;
use crate::error::FieldError;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

pub struct CodeBook {
    entries: HashMap<(String, String), (Option<String>, serde_json::Value)>,
}

impl CodeBook {
    pub async fn load(conn: &mut AsyncPgConnection, lists: &[&str]) -> QueryResult<Self> {
        let rows: Vec<(String, String, Option<String>, serde_json::Value)> =
            codelist_entries::table
                .filter(codelist_entries::list_name.eq_any(lists))
                .select((
                    codelist_entries::list_name,
                    codelist_entries::code,
                    codelist_entries::parent_code,
                    codelist_entries::attributes,
                ))
                .load(conn)
                .await?;
        let entries = rows
            .into_iter()
            .map(|(list, code, parent, attrs)| ((list, code), (parent, attrs)))
            .collect();
        Ok(CodeBook { entries })
    }

    fn entry(&self, list: &str, code: &str) -> Option<&(Option<String>, serde_json::Value)> {
        self.entries.get(&(list.to_string(), code.to_string()))
    }

    pub fn knows(&self, list: &str, code: &str) -> bool {
        self.entry(list, code).is_some()
    }

    /// The parent code of an entry (e.g. the commodity group of a commodity type).
    pub fn parent(&self, list: &str, code: &str) -> Option<&str> {
        self.entry(list, code).and_then(|(p, _)| p.as_deref())
    }

    /// A text attribute of an entry, e.g. `country` of a legal form.
    pub fn attribute(&self, list: &str, code: &str, attribute: &str) -> Option<&str> {
        self.entry(list, code)
            .and_then(|(_, attrs)| attrs.get(attribute))
            .and_then(serde_json::Value::as_str)
    }

    /// A numeric attribute of an entry, e.g. `kg_factor` of a unit of measure.
    pub fn number(&self, list: &str, code: &str, attribute: &str) -> Option<f64> {
        self.entry(list, code)
            .and_then(|(_, attrs)| attrs.get(attribute))
            .and_then(serde_json::Value::as_f64)
    }
}

impl CodeLists for CodeBook {
    /// Adds an `unknown_code` error for `field` unless `code` is absent or known.
    fn check(&self, list: &str, code: Option<&str>, field: &str, errors: &mut Vec<FieldError>) {
        if let Some(code) = code {
            if !self.knows(list, code) {
                errors.push(FieldError::new(
                    field,
                    "unknown_code",
                    format!("is not in the {list} code list"),
                ));
            }
        }
    }
}
