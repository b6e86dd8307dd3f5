use super::model::{NewUser, UserChanges, UserRow};
use crate::db::schema::{units, users};
use crate::error::Error;
use chrono::Utc;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

pub async fn find_with_unit(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<(UserRow, Option<String>), Error> {
    let row: (UserRow, String) = users::table
        .inner_join(units::table)
        .filter(users::id.eq(id))
        .select((UserRow::as_select(), units::name))
        .first(conn)
        .await?;
    Ok((row.0, Some(row.1)))
}

pub struct Filter {
    pub q: Option<String>,
    pub role: Option<String>,
    pub unit_id: Option<Uuid>,
    pub include_disabled: bool,
    pub after_username: Option<String>,
    pub limit: i64,
}

pub async fn list(conn: &mut AsyncPgConnection, f: Filter) -> QueryResult<Vec<(UserRow, String)>> {
    let mut query = users::table
        .inner_join(units::table)
        .select((UserRow::as_select(), units::name))
        .into_boxed();
    if let Some(q) = f.q.filter(|q| !q.trim().is_empty()) {
        let pattern = format!(
            "%{}%",
            q.trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        query = query.filter(
            sql::<Bool>("(users.username ILIKE ")
                .bind::<Text, _>(pattern.clone())
                .sql(" OR unaccent(users.display_name) ILIKE unaccent(")
                .bind::<Text, _>(pattern)
                .sql("))"),
        );
    }
    if let Some(role) = f.role {
        query = query.filter(users::roles.contains(vec![role]));
    }
    if let Some(unit) = f.unit_id {
        query = query.filter(users::unit_id.eq(unit));
    }
    if !f.include_disabled {
        query = query.filter(users::disabled_at.is_null());
    }
    if let Some(after) = f.after_username {
        query = query.filter(users::username.gt(after));
    }
    query
        .order(users::username.asc())
        .limit(f.limit + 1)
        .load(conn)
        .await
}

pub async fn insert(conn: &mut AsyncPgConnection, new: NewUser) -> QueryResult<UserRow> {
    diesel::insert_into(users::table)
        .values(new)
        .returning(UserRow::as_returning())
        .get_result(conn)
        .await
}

/// Applies changes when the stored version is `expected`; 412 when it moved on, 404 when
/// the user does not exist.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    changes: UserChanges,
) -> Result<UserRow, Error> {
    let updated: Option<UserRow> = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::version.eq(expected)),
    )
    .set((
        changes,
        users::version.eq(users::version + 1),
        users::updated_at.eq(Utc::now()),
    ))
    .returning(UserRow::as_returning())
    .get_result(conn)
    .await
    .optional()?;
    match updated {
        Some(row) => Ok(row),
        None => {
            let exists: i64 = users::table
                .filter(users::id.eq(id))
                .count()
                .get_result(conn)
                .await?;
            Err(if exists > 0 {
                Error::StaleVersion
            } else {
                Error::NotFound
            })
        }
    }
}

pub async fn set_password(conn: &mut AsyncPgConnection, id: Uuid, hash: String) -> QueryResult<()> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(hash),
            users::password_changed_at.eq(Utc::now()),
            users::updated_at.eq(Utc::now()),
            users::version.eq(users::version + 1),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn unit_name(conn: &mut AsyncPgConnection, unit_id: Uuid) -> QueryResult<Option<String>> {
    units::table
        .filter(units::id.eq(unit_id))
        .select(units::name)
        .first(conn)
        .await
        .optional()
}

pub async fn count(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn).await
}

pub fn valid_username(s: &str) -> bool {
    let mut chars = s.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    first_ok
        && (2..=64).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
}

/// The user of a live session (not revoked, not expired, user not disabled).
pub async fn by_session(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    session_id: Uuid,
) -> QueryResult<Option<UserRow>> {
    use crate::db::schema::sessions;
    sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(session_id))
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(Utc::now()))
        .filter(users::disabled_at.is_null())
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// A user by (lower-case) username, for sign-in.
pub async fn by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> QueryResult<Option<UserRow>> {
    users::table
        .filter(users::username.eq(username))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// A unit's id by its code.
pub async fn unit_id_by_code(
    conn: &mut AsyncPgConnection,
    code: &str,
) -> QueryResult<Option<Uuid>> {
    units::table
        .filter(units::code.eq(code))
        .select(units::id)
        .first(conn)
        .await
        .optional()
}
