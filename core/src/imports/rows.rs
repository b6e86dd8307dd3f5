//! One line of an import: read (an object in the create endpoint's shape, plus `external_id`
//! and optionally `source_system`), checked as the create endpoint checks a body (the same
//! field errors), and applied: a new external id creates a record, one seen before with the
//! same content changes nothing, an edited one updates its record (history, the cases linking
//! it, audit — as a correction typed in would).

use super::dto::ImportProblem;
use crate::audit::{record, Actor, Event};
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::db::schema::import_keys as k;
use crate::error::{Error, Result};
use crate::registers::merge::dto::MergeKind;
use crate::registers::{history, merge, Register};
use crate::seizures::dto::RecordRef;
use crate::seizures::links::{record_changed, Party};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use uuid::Uuid;

/// The longest external id or source system name.
pub const MAX_ID: usize = 200;

/// A line read as a record to import.
#[derive(Debug)]
pub struct Row {
    pub line: i32,
    pub source_system: String,
    pub external_id: String,
    pub body: Map<String, Value>,
}

fn problem(
    line: i32,
    external_id: Option<&str>,
    field: &str,
    code: &str,
    message: &str,
) -> ImportProblem {
    ImportProblem {
        line,
        external_id: external_id.map(str::to_string),
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// A line-wide problem.
pub fn line_problem(line: i32, code: &str, message: &str) -> ImportProblem {
    problem(line, None, "line", code, message)
}

fn key_text(
    line: i32,
    body: &mut Map<String, Value>,
    field: &str,
    default: Option<&str>,
) -> std::result::Result<String, ImportProblem> {
    let value = match body.remove(field) {
        None | Some(Value::Null) => default.map(str::to_string),
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Err(problem(line, None, field, "invalid", "a string"));
        }
    };
    let value = value.map(|s| s.trim().to_string()).unwrap_or_default();
    if value.is_empty() {
        return Err(problem(
            line,
            None,
            field,
            "required",
            "required to name the record across imports",
        ));
    }
    if value.chars().count() > MAX_ID || value.contains('\0') {
        return Err(problem(
            line,
            None,
            field,
            "length",
            "1 to 200 characters, no NUL",
        ));
    }
    Ok(value)
}

/// Reads a line's text as a row (its problem otherwise).
pub fn parse(
    line: i32,
    text: &str,
    default_source: &str,
) -> std::result::Result<Row, ImportProblem> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| line_problem(line, "json", &format!("not JSON: {e}")))?;
    let Value::Object(mut body) = value else {
        return Err(line_problem(
            line,
            "not_an_object",
            "each line is one JSON object",
        ));
    };
    let external_id = key_text(line, &mut body, "external_id", None)?;
    let source_system =
        key_text(line, &mut body, "source_system", Some(default_source)).map_err(|mut p| {
            p.external_id = Some(external_id.clone());
            p
        })?;
    Ok(Row {
        line,
        source_system,
        external_id,
        body,
    })
}

/// A row checked: the record's input cleaned as the create endpoint cleans a body, and the
/// hash of what would be written (the same hash: nothing to change).
pub struct Checked<C> {
    pub clean: C,
    pub sha256: String,
}

/// Checks a row's body as `R`'s create endpoint would; the field errors otherwise.
pub fn check<R: Register>(
    book: &CodeBook,
    row: &Row,
) -> std::result::Result<Checked<R::Clean>, Vec<ImportProblem>> {
    let body = Value::Object(row.body.clone());
    let p = |field: &str, code: &str, message: &str| {
        problem(row.line, Some(&row.external_id), field, code, message)
    };
    let input: R::Input = serde_path_to_error::deserialize(body).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            "line".to_string()
        } else {
            path
        };
        vec![p(&field, "invalid", &e.inner().to_string())]
    })?;
    let mut ck = Checker::new();
    let clean = R::clean(input, book, "", &mut ck);
    if let Err(Error::Validation(errors)) = ck.finish() {
        return Err(errors
            .into_iter()
            .map(|e| p(&e.field, &e.code, &e.message))
            .collect());
    }
    let bytes = serde_json::to_vec(R::input(&clean)).unwrap_or_default();
    Ok(Checked {
        clean,
        sha256: hex::encode(Sha256::digest(&bytes)),
    })
}

/// What a row did (or, in a dry run, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// The record an external id became, and the hash of what was imported last.
pub async fn known(
    conn: &mut AsyncPgConnection,
    kind: &str,
    row: &Row,
) -> Result<Option<(Uuid, String)>> {
    Ok(k::table
        .find((kind, &row.source_system, &row.external_id))
        .select((k::record_id, k::content_sha256))
        .first(conn)
        .await
        .optional()?)
}

/// The records the external ids of `rows` became, with the hashes of what was imported
/// last, keyed by (source system, external id): `known` for a batch, in one statement.
pub async fn known_many(
    conn: &mut AsyncPgConnection,
    kind: &str,
    rows: &[&Row],
) -> Result<HashMap<(String, String), (Uuid, String)>> {
    let mut sources: Vec<&str> = rows.iter().map(|r| r.source_system.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let ids: Vec<&str> = rows.iter().map(|r| r.external_id.as_str()).collect();
    let found: Vec<(String, String, Uuid, String)> = k::table
        .filter(k::record_type.eq(kind))
        .filter(k::source_system.eq_any(&sources))
        .filter(k::external_id.eq_any(&ids))
        .select((
            k::source_system,
            k::external_id,
            k::record_id,
            k::content_sha256,
        ))
        .load(conn)
        .await?;
    Ok(found
        .into_iter()
        .map(|(s, e, id, h)| ((s, e), (id, h)))
        .collect())
}

/// What applying the row would do, without writing.
pub async fn foresee(
    conn: &mut AsyncPgConnection,
    kind: &str,
    row: &Row,
    sha256: &str,
) -> Result<Outcome> {
    Ok(match known(conn, kind, row).await? {
        None => Outcome::Created,
        Some((_, h)) if h == sha256 => Outcome::Unchanged,
        Some(_) => Outcome::Updated,
    })
}

/// Writes a checked row (see the module's comment), audited as a typed change would be, the
/// import named in the audit row.
pub async fn apply<R: Register>(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: Uuid,
    job: Uuid,
    party: Party,
    row: &Row,
    checked: &Checked<R::Clean>,
) -> Result<Outcome> {
    let kind = R::KIND;
    let origin = json!({
        "import": job, "source_system": row.source_system, "external_id": row.external_id,
    });
    let found = known(conn, kind, row).await?;
    let id = match found {
        Some((_, h)) if h == checked.sha256 => return Ok(Outcome::Unchanged),
        Some((id, _)) => id,
        None => {
            let id = Uuid::now_v7();
            R::insert(conn, id, &checked.clean, who, None).await?;
            let changes = history::changes(&Value::Null, R::input(&checked.clean))?;
            history::add(conn, actor, kind, id, 1, "create", changes).await?;
            let action = format!("{kind}.create");
            record(
                conn,
                actor,
                Event::new(&action).object(kind, id).details(origin),
            )
            .await?;
            diesel::insert_into(k::table)
                .values((
                    k::record_type.eq(kind),
                    k::source_system.eq(&row.source_system),
                    k::external_id.eq(&row.external_id),
                    k::record_id.eq(id),
                    k::content_sha256.eq(&checked.sha256),
                    k::job_id.eq(job),
                ))
                .execute(conn)
                .await?;
            return Ok(Outcome::Created);
        }
    };
    // a record merged since: its survivor is the record now
    let id = match MergeKind::parse(kind) {
        Some(m) => merge::resolve(conn, m, id).await?,
        None => id,
    };
    let current = R::find(conn, id).await?;
    let (_, version) = R::id_version(&current);
    let old = serde_json::to_value(R::fields(&current)).map_err(Error::internal)?;
    R::update(conn, id, version, &checked.clean, who).await?;
    let changes = history::changes(&old, R::input(&checked.clean))?;
    let fields: Vec<String> = changes
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    if !fields.is_empty() {
        history::add(
            conn,
            actor,
            kind,
            id,
            version + 1,
            "update",
            changes.clone(),
        )
        .await?;
        let named = RecordRef {
            kind: kind.into(),
            id,
            version: version + 1,
        };
        record_changed(conn, actor, party, named, &changes).await?;
    }
    let action = format!("{kind}.update");
    let mut details = origin;
    if let Some(map) = details.as_object_mut() {
        map.insert("fields".into(), json!(fields));
    }
    record(
        conn,
        actor,
        Event::new(&action).object(kind, id).details(details),
    )
    .await?;
    diesel::update(k::table.find((kind, &row.source_system, &row.external_id)))
        .set((
            k::record_id.eq(id),
            k::content_sha256.eq(&checked.sha256),
            k::job_id.eq(job),
            k::imported_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(Outcome::Updated)
}
