//! Users and units as lists name them: `{id, name}`, read in one query for many ids.

use crate::db::schema::{units, users};
use crate::error::Result;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A user or unit named on an alert, a merge, a review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Named {
    pub id: Uuid,
    pub name: String,
}

/// Display names of users.
pub async fn user_names(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Named>> {
    let rows: Vec<(Uuid, String)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (id, Named { id, name }))
        .collect())
}

/// Names of units.
pub async fn unit_names(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Named>> {
    let rows: Vec<(Uuid, String)> = units::table
        .filter(units::id.eq_any(ids))
        .select((units::id, units::name))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (id, Named { id, name }))
        .collect())
}

/// The name of `id` in `map` (blank when it was not found).
pub fn named(map: &HashMap<Uuid, Named>, id: Uuid) -> Named {
    map.get(&id).cloned().unwrap_or(Named {
        id,
        name: String::new(),
    })
}
