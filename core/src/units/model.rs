use crate::db::schema::units;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = units)]
pub struct UnitRow {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub name_translations: serde_json::Value,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = units)]
pub struct NewUnit {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub name_translations: serde_json::Value,
}

#[derive(AsChangeset, Default)]
#[diesel(table_name = units)]
pub struct UnitChanges {
    pub code: Option<String>,
    pub name: Option<String>,
    pub parent_id: Option<Option<Uuid>>,
    pub location_type: Option<Option<String>>,
    pub unlocode: Option<Option<String>>,
    pub name_translations: Option<serde_json::Value>,
}
