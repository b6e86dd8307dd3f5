//! Code lists: reading them, adding entries, changing, retiring and reinstating entries.
//! Retired entries stay valid on old records. Every change is audited.

use super::dto::{CodeEntry, CodeList, CreateEntry, UpdateEntry};
use super::repo::{self, EntryRow};
use crate::audit::{record, Actor, Event};
use crate::common::patch;
use crate::error::{Error, FieldError, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use std::collections::BTreeMap;

fn valid_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn check_labels(labels: &BTreeMap<String, String>, errors: &mut Vec<FieldError>) {
    if labels.get("en").is_none_or(|l| l.trim().is_empty()) {
        errors.push(FieldError::new(
            "labels.en",
            "required",
            "an English label is required",
        ));
    }
    for (lang, label) in labels {
        let lang_ok = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !lang_ok {
            errors.push(FieldError::new(
                format!("labels.{lang}"),
                "format",
                "language must be an ISO 639 code such as en or fr",
            ));
        } else if label.trim().is_empty() || label.chars().count() > 200 {
            errors.push(FieldError::new(
                format!("labels.{lang}"),
                "length",
                "must be 1–200 characters",
            ));
        }
    }
}

fn trimmed(labels: BTreeMap<String, String>) -> serde_json::Value {
    serde_json::to_value(
        labels
            .into_iter()
            .map(|(k, v)| (k, v.trim().to_string()))
            .collect::<BTreeMap<_, _>>(),
    )
    .unwrap_or_default()
}

/// A list with its entries (retired ones on request).
pub async fn get(
    conn: &mut AsyncPgConnection,
    name: &str,
    include_retired: bool,
) -> Result<CodeList> {
    let list = repo::find_list(conn, name).await?.ok_or(Error::NotFound)?;
    let entries = repo::entries(conn, &list.name, include_retired).await?;
    Ok(CodeList {
        name: list.name,
        description: list.description,
        parent_list: list.parent_list,
        entries: entries.into_iter().map(CodeEntry::from).collect(),
    })
}

pub async fn create_entry(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    name: &str,
    body: CreateEntry,
) -> Result<CodeEntry> {
    let list = repo::find_list(conn, name).await?.ok_or(Error::NotFound)?;
    let code = body.code.trim().to_string();
    let mut errors = Vec::new();
    if !valid_code(&code) {
        errors.push(FieldError::new(
            "code",
            "format",
            "use 1–64 letters, digits, '_', '-' or '.'",
        ));
    }
    check_labels(&body.labels, &mut errors);
    match (&list.parent_list, &body.parent_code) {
        (Some(parent_list), Some(parent)) => {
            if !repo::is_known(conn, parent_list, parent).await? {
                errors.push(FieldError::new(
                    "parent_code",
                    "unknown_code",
                    format!("is not in the {parent_list} code list"),
                ));
            }
        }
        (Some(_), None) => errors.push(FieldError::new(
            "parent_code",
            "parent_required",
            "this list needs a parent code",
        )),
        (None, Some(_)) => errors.push(FieldError::new(
            "parent_code",
            "not_allowed",
            "this list has no parent list",
        )),
        (None, None) => {}
    }
    if body.attributes.as_ref().is_some_and(|a| !a.is_object()) {
        errors.push(FieldError::new("attributes", "type", "must be an object"));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let entry = conn
        .transaction(async |conn| {
            let sort_order = match body.sort_order {
                Some(s) => s,
                None => repo::next_sort_order(conn, &list.name).await?,
            };
            let row = EntryRow {
                list_name: list.name.clone(),
                code: code.clone(),
                parent_code: body.parent_code.clone(),
                labels: trimmed(body.labels.clone()),
                attributes: body
                    .attributes
                    .clone()
                    .unwrap_or_else(|| serde_json::json!({})),
                sort_order,
                retired_at: None,
            };
            let row = repo::insert(conn, row)
                .await
                .map_err(|e| match Error::from(e) {
                    Error::Conflict(_) => {
                        Error::Conflict("this code is already in the list".into())
                    }
                    other => other,
                })?;
            let event = Event::new("codelist.entry_create")
                .object("codelist_entry", format!("{}/{}", list.name, code))
                .details(serde_json::json!({ "labels": row.labels }));
            record(conn, actor, event).await?;
            Ok::<_, Error>(CodeEntry::from(row))
        })
        .await?;
    Ok(entry)
}

pub async fn update_entry(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    name: &str,
    code: &str,
    patch: &serde_json::Value,
) -> Result<CodeEntry> {
    conn.transaction(async |conn| {
        let current = CodeEntry::from(
            repo::find_entry(conn, name, code)
                .await?
                .ok_or(Error::NotFound)?,
        );
        let (old, body) = patch::merge(&UpdateEntry::current(&current), patch)?;
        let mut errors = Vec::new();
        check_labels(
            body.labels.as_ref().unwrap_or(&BTreeMap::new()),
            &mut errors,
        );
        let Some(sort_order) = body.sort_order else {
            errors.push(FieldError::new("sort_order", "required", "is required"));
            return Err(Error::Validation(errors));
        };
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        let retired = body.retired.unwrap_or(false);
        let retired_at = match (retired, current.retired) {
            (true, false) => Some(Some(chrono::Utc::now())),
            (false, true) => Some(None),
            _ => None,
        };
        let labels = body.labels.clone().map(trimmed);
        let row = repo::update(conn, name, code, labels, retired_at, Some(sort_order)).await?;
        let entry = CodeEntry::from(row);
        let new = serde_json::to_value(UpdateEntry::current(&entry)).map_err(Error::internal)?;
        let details = serde_json::json!({ "changes": patch::diff(&old, &new) });
        let event = Event::new("codelist.entry_update")
            .object("codelist_entry", format!("{name}/{code}"))
            .details(details);
        record(conn, actor, event).await?;
        Ok::<_, Error>(entry)
    })
    .await
}
