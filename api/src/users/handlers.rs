use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::users::dto::{CreateUser, ResetPassword, UpdateUser, UserDto, UserPage, UserQuery};
use ncen_core::users::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "users";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_users)
        .service(create_user)
        .service(get_user)
        .service(update_user)
        .service(reset_password);
}

/// Users, by username; disabled accounts only on request.
#[utoipa::path(
    tag = TAG,
    params(UserQuery),
    responses(
        (status = 200, body = UserPage),
        Denied,
    ),
    security(("bearer" = []))
)]
#[get("/users")]
async fn list_users(
    state: web::Data<AppState>,
    _auth: AuthUser,
    query: web::Query<UserQuery>,
) -> ApiResult<web::Json<UserPage>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        service::list(&mut conn, query.into_inner()).await?,
    ))
}

/// Creates a user account.
#[utoipa::path(
    tag = TAG,
    request_body = CreateUser,
    responses(
        (status = 201, body = UserDto),
        Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Username taken"),
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
    let mut conn = state.conn().await?;
    let user = service::create(&mut conn, &meta.actor(&auth), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(user.version))
        .insert_header(("Location", format!("/api/v1/users/{}", user.id)))
        .json(user))
}

/// One user.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = UserDto),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
async fn get_user(
    state: web::Data<AppState>,
    _auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let user = service::get(&mut conn, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(user.version))
        .json(user))
}

/// Updates a user (display name, e-mail, unit, roles, disabled): a JSON merge patch of
/// `UpdateUser` (send only what changes; `null` removes the e-mail). Needs `If-Match`.
///
/// Disabling ends the user's sessions at once; role changes apply to their next request.
/// Role changes are audited with the old and new roles. An administrator's own roles and
/// unit are changed by another administrator.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The user's current version, e.g. \"3\"")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the user: only what changes",
        content((UpdateUser = "application/merge-patch+json"), (UpdateUser = "application/json"))
    ),
    responses(
        (status = 200, body = UserDto),
        Malformed, Unauthenticated, NotFound, Conditional, Invalid,
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not an administrator, or `own_account`: one's own roles or unit"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Would lock the caller out"),
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
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let user = service::update(&mut conn, &auth, &actor, id.into_inner(), expected, &body).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(user.version))
        .json(user))
}

/// Sets a new password for another user (administrator reset); their sessions are ended.
/// An administrator changes their own password at `/me/password`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = ResetPassword,
    responses(
        (status = 204, description = "Password set"),
        Unauthenticated, NotFound, Invalid,
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not an administrator, or `own_password`: one's own password"),
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
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    service::reset_password(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
