use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::units::dto::{CreateUnit, UnitDto, UnitList, UpdateUnit};
use ncen_core::units::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "units";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_units)
        .service(create_unit)
        .service(get_unit)
        .service(update_unit);
}

/// Every unit (flat list; `parent_id` gives the tree).
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = UnitList),
        Unauthenticated,
    ),
    security(("bearer" = []))
)]
#[get("/units")]
async fn list_units(state: web::Data<AppState>, _auth: AuthUser) -> ApiResult<web::Json<UnitList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(service::list(&mut conn).await?))
}

/// Creates a unit.
#[utoipa::path(
    tag = TAG,
    request_body = CreateUnit,
    responses(
        (status = 201, body = UnitDto),
        Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code taken"),
    ),
    security(("bearer" = []))
)]
#[post("/units")]
async fn create_unit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreateUnit>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let unit = service::create(&mut conn, &meta.actor(&auth), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(unit.version))
        .insert_header(("Location", format!("/api/v1/units/{}", unit.id)))
        .json(unit))
}

/// One unit.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = UnitDto),
        Unauthenticated, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/units/{id}")]
async fn get_unit(
    state: web::Data<AppState>,
    _auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let unit = service::get(&mut conn, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(unit.version))
        .json(unit))
}

/// Renames, re-codes or moves a unit: a JSON merge patch of `UpdateUnit` (send only what
/// changes; `null` clears an optional field). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The unit's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the unit: only what changes; `null` clears",
        content((UpdateUnit = "application/merge-patch+json"), (UpdateUnit = "application/json"))
    ),
    responses(
        (status = 200, body = UnitDto),
        Malformed,
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code taken, or the move would make a cycle"),
    ),
    security(("bearer" = []))
)]
#[patch("/units/{id}")]
async fn update_unit(
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
    let unit = service::update(&mut conn, &actor, id.into_inner(), expected, &body).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(unit.version))
        .json(unit))
}
