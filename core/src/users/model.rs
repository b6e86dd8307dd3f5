use crate::db::schema::users;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Uuid,
    pub roles: Vec<String>,
    pub password_hash: String,
    pub password_changed_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Uuid,
    pub roles: Vec<String>,
    pub password_hash: String,
}

/// `None` leaves a column alone; `Some(None)` sets a nullable column to NULL.
#[derive(AsChangeset, Default)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub email: Option<Option<String>>,
    pub unit_id: Option<Uuid>,
    pub roles: Option<Vec<String>>,
    pub disabled_at: Option<Option<DateTime<Utc>>>,
    pub password_hash: Option<String>,
    pub password_changed_at: Option<DateTime<Utc>>,
}
