use super::dto::{CreateUser, ResetPassword, UpdateUser, UserDto, UserPage, UserQuery};
use super::model::{NewUser, UserChanges};
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::{password, sessions, AuthUser, Permission, Role};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::meta::RequestMeta;
use crate::http::pagination;
use crate::http::precondition::{etag, expected_version};
use crate::http::validation::field_errors;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub const TAG: &str = "users";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_users)
        .service(create_user)
        .service(get_user)
        .service(update_user)
        .service(reset_password);
}

fn role_names(roles: &[Role]) -> Vec<String> {
    let mut names: Vec<String> = roles.iter().map(|r| r.as_str().to_string()).collect();
    names.sort();
    names.dedup();
    names
}

/// Users, by username; disabled accounts only on request.
#[utoipa::path(
    tag = TAG,
    params(UserQuery),
    responses(
        (status = 200, body = UserPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users")]
async fn list_users(
    state: web::Data<AppState>,
    auth: AuthUser,
    query: web::Query<UserQuery>,
) -> ApiResult<web::Json<UserPage>> {
    auth.require(Permission::UsersRead)?;
    let q = query.into_inner();
    let limit = pagination::limit(q.limit)?;
    let after: Option<String> = pagination::decode_cursor(q.cursor.as_deref())?;
    let mut conn = state.conn().await?;
    let filter = repo::Filter {
        q: q.q,
        role: q.role.map(|r| r.as_str().to_string()),
        unit_id: q.unit_id,
        include_disabled: q.include_disabled.unwrap_or(false),
        after_username: after,
        limit,
    };
    let rows = repo::list(&mut conn, filter).await?;
    let has_more = rows.len() as i64 > limit;
    let items: Vec<UserDto> = rows
        .into_iter()
        .take(limit as usize)
        .map(|(row, unit)| UserDto::from_row(row, Some(unit)))
        .collect();
    let next_cursor = if has_more {
        items.last().map(|u| pagination::encode_cursor(&u.username))
    } else {
        None
    };
    Ok(web::Json(UserPage { items, next_cursor }))
}

/// Creates a user account.
#[utoipa::path(
    tag = TAG,
    request_body = CreateUser,
    responses(
        (status = 201, body = UserDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Username taken"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users")]
async fn create_user(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreateUser>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UsersManage)?;
    let body = body.into_inner();
    let username = body.username.trim().to_lowercase();
    let mut errors = body
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    if !repo::valid_username(&username) {
        errors.push(FieldError::new(
            "username",
            "format",
            "use 2–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
        ));
    }
    if let Some((code, message)) = password::policy_violation(&body.password, Some(&username)) {
        errors.push(FieldError::new("password", code, message));
    }
    let mut conn = state.conn().await?;
    let unit_name = repo::unit_name(&mut conn, body.unit_id).await?;
    if unit_name.is_none() {
        errors.push(FieldError::new("unit_id", "not_found", "no such unit"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let hash = password::hash_blocking(body.password.clone())
        .await
        .map_err(ApiError::internal)?;
    let actor = Actor::user(&auth, &meta);
    let new = NewUser {
        id: Uuid::now_v7(),
        username,
        display_name: body.display_name.trim().to_string(),
        email: body.email.map(|e| e.trim().to_string()),
        unit_id: body.unit_id,
        roles: role_names(&body.roles),
        password_hash: hash,
    };
    let row = conn
        .transaction(async |conn| {
            let row = repo::insert(conn, new)
                .await
                .map_err(|e| match ApiError::from(e) {
                    ApiError::Conflict(_) => {
                        ApiError::Conflict("this username is already taken".into())
                    }
                    other => other,
                })?;
            let details =
                json!({ "username": row.username, "roles": row.roles, "unit_id": row.unit_id });
            record(
                conn,
                &actor,
                Event::new("user.create")
                    .object("user", row.id)
                    .details(details),
            )
            .await?;
            Ok::<_, ApiError>(row)
        })
        .await?;
    let version = row.version;
    Ok(HttpResponse::Created()
        .insert_header(etag(version))
        .insert_header(("Location", format!("/api/v1/users/{}", row.id)))
        .json(UserDto::from_row(row, unit_name)))
}

/// One user.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = UserDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
async fn get_user(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UsersRead)?;
    let mut conn = state.conn().await?;
    let (row, unit) = repo::find_with_unit(&mut conn, *id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(UserDto::from_row(row, unit)))
}

/// Updates a user (display name, e-mail, unit, roles, disabled). Needs `If-Match`.
///
/// Disabling ends the user's sessions at once; role changes apply to their next request.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The user's current version, e.g. \"3\"")),
    request_body = UpdateUser,
    responses(
        (status = 200, body = UserDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Would lock the caller out"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
async fn update_user(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateUser>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UsersManage)?;
    let id = id.into_inner();
    let body = body.into_inner();
    let mut errors = body
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    if let Some(Some(email)) = &body.email {
        if !validator::ValidateEmail::validate_email(email) {
            errors.push(FieldError::new(
                "email",
                "email",
                "must be an e-mail address",
            ));
        }
    }
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    if let Some(unit) = body.unit_id {
        if repo::unit_name(&mut conn, unit).await?.is_none() {
            errors.push(FieldError::new("unit_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if id == auth.id {
        let drops_admin = body
            .roles
            .as_ref()
            .is_some_and(|r| !r.contains(&Role::Admin));
        if body.disabled == Some(true) || drops_admin {
            return Err(ApiError::Conflict(
                "you cannot disable your own account or remove your own admin role".into(),
            ));
        }
    }
    let now = chrono::Utc::now();
    let changes = UserChanges {
        display_name: body.display_name.as_ref().map(|s| s.trim().to_string()),
        email: body.email.clone().map(|e| e.map(|s| s.trim().to_string())),
        unit_id: body.unit_id,
        roles: body.roles.as_deref().map(role_names),
        disabled_at: body.disabled.map(|d| d.then_some(now)),
        ..Default::default()
    };
    let actor = Actor::user(&auth, &meta);
    let changed = serde_json::json!({
        "display_name": body.display_name,
        "email": body.email,
        "unit_id": body.unit_id,
        "roles": body.roles.as_deref().map(role_names),
        "disabled": body.disabled,
    });
    let row = conn
        .transaction(async |conn| {
            let row = repo::update(conn, id, expected, changes).await?;
            if body.disabled == Some(true) {
                sessions::revoke_all(conn, id, None, "account_disabled").await?;
            }
            let details = strip_nulls(changed);
            record(
                conn,
                &actor,
                Event::new("user.update")
                    .object("user", id)
                    .details(details),
            )
            .await?;
            Ok::<_, ApiError>(row)
        })
        .await?;
    let unit = repo::unit_name(&mut conn, row.unit_id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(UserDto::from_row(row, unit)))
}

fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map.into_iter().filter(|(_, v)| !v.is_null()).collect(),
        other => other,
    }
}

/// Sets a new password for a user (administrator reset); their sessions are ended.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = ResetPassword,
    responses(
        (status = 204, description = "Password set"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/password")]
async fn reset_password(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<ResetPassword>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UsersManage)?;
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let (row, _) = repo::find_with_unit(&mut conn, id).await?;
    if let Some((code, message)) =
        password::policy_violation(&body.new_password, Some(&row.username))
    {
        return Err(ApiError::validation("new_password", code, &message));
    }
    let hash = password::hash_blocking(body.new_password.clone())
        .await
        .map_err(ApiError::internal)?;
    let actor = Actor::user(&auth, &meta);
    conn.transaction(async |conn| {
        repo::set_password(conn, id, hash).await?;
        sessions::revoke_all(conn, id, None, "password_reset").await?;
        record(
            conn,
            &actor,
            Event::new("user.password_reset").object("user", id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
