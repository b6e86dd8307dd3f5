use super::model::UserRow;
use crate::auth::Role;
use crate::common::check::Checker;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserDto {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub unit_id: Uuid,
    pub unit_name: Option<String>,
    pub roles: Vec<Role>,
    pub disabled: bool,
    pub disabled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Send back in `If-Match` when updating.
    pub version: i32,
}

impl UserDto {
    pub fn from_row(row: UserRow, unit_name: Option<String>) -> Self {
        UserDto {
            id: row.id,
            username: row.username,
            display_name: row.display_name,
            email: row.email,
            unit_id: row.unit_id,
            unit_name,
            roles: row.roles.iter().filter_map(|r| Role::parse(r)).collect(),
            disabled: row.disabled_at.is_some(),
            disabled_at: row.disabled_at,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<UserDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Matches username or display name (case- and accent-insensitive substring).
    #[param(max_length = 200)]
    pub q: Option<String>,
    pub role: Option<Role>,
    pub unit_id: Option<Uuid>,
    /// Include disabled accounts (default false).
    pub include_disabled: Option<bool>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// Lower-case letters, digits, `.`, `_` and `-`; 2–64 characters.
    #[schema(
        min_length = 2,
        max_length = 64,
        pattern = "^[a-z0-9][a-z0-9._-]{1,63}$"
    )]
    pub username: String,
    #[schema(min_length = 1, max_length = 200)]
    pub display_name: String,
    /// An e-mail address (the HTML5 rule).
    #[schema(
        max_length = 254,
        pattern = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
    )]
    pub email: Option<String>,
    pub unit_id: Uuid,
    #[schema(min_items = 1)]
    pub roles: Vec<Role>,
    /// 12–256 characters, not containing the username.
    #[schema(min_length = 12, max_length = 256)]
    pub password: String,
}

/// A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch of them
/// (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
/// checked like a creation, so `null` on a required field is a field error.
#[derive(Debug, Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub display_name: Option<String>,
    /// `null` removes the address.
    /// An e-mail address (the HTML5 rule).
    #[schema(
        max_length = 254,
        pattern = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
    )]
    pub email: Option<String>,
    #[schema(nullable = false)]
    pub unit_id: Option<Uuid>,
    #[schema(min_items = 1, nullable = false)]
    pub roles: Option<Vec<Role>>,
    #[schema(nullable = false)]
    pub disabled: Option<bool>,
}

impl UpdateUser {
    /// The current fields of an account, the document a patch applies to.
    pub fn current(row: &UserRow) -> Self {
        UpdateUser {
            display_name: Some(row.display_name.clone()),
            email: row.email.clone(),
            unit_id: Some(row.unit_id),
            roles: Some(row.roles.iter().filter_map(|r| Role::parse(r)).collect()),
            disabled: Some(row.disabled_at.is_some()),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    /// 12–256 characters, not containing the username.
    #[schema(min_length = 12, max_length = 256)]
    pub new_password: String,
}

/// Account limits, checked by `users::service` and published in the schema above.
impl CreateUser {
    pub(crate) fn check(&self, ck: &mut Checker) {
        ck.length("display_name", &self.display_name, 1, 200);
        if let Some(email) = &self.email {
            ck.email("email", email);
            ck.length("email", email, 0, 254);
        }
        if self.roles.is_empty() {
            ck.push("roles", "required", "at least one role is required");
        }
        ck.length("username", &self.username, 2, 64);
    }
}

impl UpdateUser {
    pub(crate) fn check(&self, ck: &mut Checker) {
        match &self.display_name {
            Some(name) => ck.length("display_name", name, 1, 200),
            None => ck.push("display_name", "required", "is required"),
        }
        if let Some(email) = &self.email {
            ck.email("email", email);
            ck.length("email", email, 0, 254);
        }
        if self.unit_id.is_none() {
            ck.push("unit_id", "required", "is required");
        }
        if self.roles.as_ref().is_none_or(|r| r.is_empty()) {
            ck.push("roles", "required", "at least one role is required");
        }
    }
}
