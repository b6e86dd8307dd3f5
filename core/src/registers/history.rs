//! Every change to a register record, with its old → new values (the record's fields as the
//! API shows them, `common::patch::diff`), written in the transaction of the change and read
//! at `GET /{persons|companies|conveyances}/{id}/history`. The audit log names the changed
//! fields only; the values live here, as protected as the record itself.

use crate::audit::Actor;
use crate::common::patch;
use crate::db::schema::register_history as h;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

/// One change to a register record.
#[derive(Debug, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = h)]
pub struct RecordChange {
    pub id: i64,
    /// The version the change produced.
    pub version: i32,
    /// `create` or `update`.
    pub action: String,
    pub actor_id: Option<Uuid>,
    pub actor_username: Option<String>,
    pub at: DateTime<Utc>,
    /// `{field: {old, new}}` for every field that changed (on `create`, every field given).
    #[schema(value_type = Object)]
    pub changes: Value,
}

/// A record's first version, as `add` keeps it for a created record.
pub struct Created {
    pub kind: &'static str,
    pub id: Uuid,
    pub changes: Value,
}

/// Keeps the creation of several records with one statement per thousand.
pub async fn add_created(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    created: &[Created],
) -> QueryResult<()> {
    for chunk in created.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    h::kind.eq(c.kind),
                    h::record_id.eq(c.id),
                    h::version.eq(1),
                    h::action.eq("create"),
                    h::actor_id.eq(actor.id),
                    h::actor_username.eq(actor.username.as_deref()),
                    h::changes.eq(&c.changes),
                )
            })
            .collect();
        diesel::insert_into(h::table)
            .values(rows)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// A record's changes, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordHistory {
    pub items: Vec<RecordChange>,
}

/// The changes between a record's fields before (`old`, as JSON; `Value::Null` for a new
/// record) and after.
pub fn changes<T: Serialize>(old: &Value, new: &T) -> Result<Value> {
    let new = serde_json::to_value(new).map_err(Error::internal)?;
    Ok(patch::diff(old, &new))
}

/// Keeps one change: `kind` is the register's (`person`), `version` the one it produced.
pub async fn add(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    kind: &str,
    record_id: Uuid,
    version: i32,
    action: &str,
    changes: Value,
) -> QueryResult<()> {
    diesel::insert_into(h::table)
        .values((
            h::kind.eq(kind),
            h::record_id.eq(record_id),
            h::version.eq(version),
            h::action.eq(action),
            h::actor_id.eq(actor.id),
            h::actor_username.eq(actor.username.as_deref()),
            h::changes.eq(changes),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A record's changes, oldest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    kind: &str,
    record_id: Uuid,
) -> QueryResult<RecordHistory> {
    let items = h::table
        .filter(h::record_id.eq(record_id))
        .filter(h::kind.eq(kind))
        .order(h::id)
        .select(RecordChange::as_select())
        .load(conn)
        .await?;
    Ok(RecordHistory { items })
}
