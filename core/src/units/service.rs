//! Organisational units: a tree of offices, directorates and teams. Every change is audited.

use super::dto::{CreateUnit, UnitDto, UnitList, UpdateUnit};
use super::model::{NewUnit, UnitChanges};
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::common::check::Checker;
use crate::common::patch;
use crate::error::{Error, FieldError, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

fn valid_code(code: &str) -> bool {
    let first = code
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    first
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
}

/// Checks the fields shared by create and update; returns field errors.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    code: Option<&str>,
    location_type: Option<&str>,
    unlocode: Option<&str>,
) -> Result<Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some(code) = code {
        if !valid_code(code) {
            errors.push(FieldError::new(
                "code",
                "format",
                "use upper-case letters, digits, '_', '.' or '-'",
            ));
        }
    }
    if let Some(lt) = location_type {
        if !repo::location_type_exists(conn, lt).await? {
            errors.push(FieldError::new(
                "location_type",
                "unknown_code",
                "is not in the location_types code list",
            ));
        }
    }
    if let Some(lo) = unlocode {
        if !crate::identifiers::unlocode(lo) {
            errors.push(FieldError::new(
                "unlocode",
                "format",
                "must be a UN/LOCODE such as FRPAR",
            ));
        }
    }
    Ok(errors)
}

fn code_taken(e: Error) -> Error {
    match e {
        Error::Conflict(_) => Error::Conflict("this unit code is already used".into()),
        other => other,
    }
}

pub async fn list(conn: &mut AsyncPgConnection) -> Result<UnitList> {
    let items = repo::list(conn)
        .await?
        .into_iter()
        .map(UnitDto::from)
        .collect();
    Ok(UnitList { items })
}

pub async fn get(conn: &mut AsyncPgConnection, id: Uuid) -> Result<UnitDto> {
    let row = repo::find(conn, id).await?.ok_or(Error::NotFound)?;
    Ok(UnitDto::from(row))
}

pub async fn create(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    body: CreateUnit,
) -> Result<UnitDto> {
    let code = body.code.trim().to_uppercase();
    let mut ck = Checker::new();
    body.check(&mut ck);
    let translations = body.name_translations.clone().cleaned(&mut ck);
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    let mut errors = ck.errors;
    errors.extend(
        check_fields(
            conn,
            Some(&code),
            body.location_type.as_deref(),
            body.unlocode.as_deref(),
        )
        .await?,
    );
    if let Some(parent) = body.parent_id {
        if repo::find(conn, parent).await?.is_none() {
            errors.push(FieldError::new("parent_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let new = NewUnit {
        id: Uuid::now_v7(),
        code,
        name: body.name.trim().to_string(),
        parent_id: body.parent_id,
        location_type: body.location_type,
        unlocode: body.unlocode,
        name_translations: translations.stored(),
    };
    let row = conn
        .transaction(async |conn| {
            let row = repo::insert(conn, new)
                .await
                .map_err(|e| code_taken(e.into()))?;
            let details = serde_json::json!({
                "code": row.code, "name": row.name, "name_translations": row.name_translations,
                "parent_id": row.parent_id,
            });
            let event = Event::new("unit.create")
                .object("unit", row.id)
                .details(details);
            record(conn, actor, event).await?;
            Ok::<_, Error>(row)
        })
        .await?;
    Ok(UnitDto::from(row))
}

/// Applies a JSON merge patch (`UpdateUnit`'s fields) to a unit whose version is
/// `expected`: renames, re-codes or moves it, never under itself. The audit row carries each
/// changed field's old and new value.
pub async fn update(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    patch: &serde_json::Value,
) -> Result<UnitDto> {
    let row = conn
        .transaction(async |conn| {
            let current = repo::find(conn, id).await?.ok_or(Error::NotFound)?;
            if current.version != expected {
                return Err(Error::StaleVersion);
            }
            let (old, body) = patch::merge(&UpdateUnit::current(&current), patch)?;
            let changes = check_update(conn, body).await?;
            if let Some(parent) = changes.parent_id.flatten() {
                if repo::is_self_or_descendant(conn, id, parent).await? {
                    return Err(Error::Conflict(
                        "a unit cannot be moved under itself or one of its sub-units".into(),
                    ));
                }
            }
            let row = repo::update(conn, id, expected, changes)
                .await
                .map_err(code_taken)?;
            let new = UpdateUnit::current(&row);
            let new = serde_json::to_value(&new).map_err(Error::internal)?;
            let event = Event::new("unit.update")
                .object("unit", id)
                .details(serde_json::json!({ "changes": patch::diff(&old, &new) }));
            record(conn, actor, event).await?;
            Ok(row)
        })
        .await?;
    Ok(UnitDto::from(row))
}

/// Checks a patched unit and turns it into the columns to write.
async fn check_update(conn: &mut AsyncPgConnection, body: UpdateUnit) -> Result<UnitChanges> {
    let code = body.code.as_ref().map(|c| c.trim().to_uppercase());
    let mut ck = Checker::new();
    body.check(&mut ck);
    let translations = body.name_translations.clone().map(|t| t.cleaned(&mut ck));
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    let mut errors = ck.errors;
    let (lt, lo) = (body.location_type.as_deref(), body.unlocode.as_deref());
    errors.extend(check_fields(conn, code.as_deref(), lt, lo).await?);
    if let Some(parent) = body.parent_id {
        if repo::find(conn, parent).await?.is_none() {
            errors.push(FieldError::new("parent_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    Ok(UnitChanges {
        code,
        name: body.name.map(|n| n.trim().to_string()),
        parent_id: Some(body.parent_id),
        location_type: Some(body.location_type),
        unlocode: Some(body.unlocode),
        name_translations: translations.map(|t| t.stored()),
    })
}
