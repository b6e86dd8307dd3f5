//! Saved searches that alert (`ncen_core::searches`): a seizure search kept as a rule, its
//! hits, and the owner notified when a case saved matches it.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::auth::Permission as P;
use ncen_core::searches::dto::{
    SavedSearchDto, SavedSearchInput, SavedSearchList, SavedSearchPatch, SearchHitList,
    SearchHitQuery,
};
use ncen_core::searches::{self as service};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

const TAG: &str = "saved searches";
const READ: Access = Access::Requires(P::SeizuresRead);

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_searches)
        .service(create_search)
        .service(get_search)
        .service(update_search)
        .service(delete_search)
        .service(search_hits);
}

pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/saved-searches", READ),
        rule("POST", "/api/v1/saved-searches", READ),
        rule("GET", "/api/v1/saved-searches/{id}", READ),
        rule("PATCH", "/api/v1/saved-searches/{id}", READ),
        rule("DELETE", "/api/v1/saved-searches/{id}", READ),
        rule("GET", "/api/v1/saved-searches/{id}/hits", READ),
    ],
};

fn respond(s: SavedSearchDto) -> HttpResponse {
    HttpResponse::Ok().insert_header(etag(s.version)).json(s)
}

/// The caller's saved searches, then those shared with the caller's unit.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = SavedSearchList), Denied),
    security(("bearer" = []))
)]
#[get("/saved-searches")]
async fn list_searches(
    state: web::Data<AppState>,
    auth: AuthUser,
) -> ApiResult<web::Json<SavedSearchList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(service::list(&mut conn, &auth).await?))
}

/// Saves a seizure search (the list's filters and text, checked as the list checks them:
/// field errors under `query.`) as a rule of the caller's. From then on every case saved
/// that the search would show the caller is a hit, and the caller is notified
/// (`search_hit`) within seconds. `shared` lets the members of the caller's unit read the
/// rule and its hits. At most 200 rules each. Audited (`saved_search.create`).
#[utoipa::path(
    tag = TAG,
    request_body = SavedSearchInput,
    responses((status = 201, body = SavedSearchDto), Malformed, Denied, Invalid,
              (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Too many saved searches")),
    security(("bearer" = []))
)]
#[post("/saved-searches")]
async fn create_search(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<SavedSearchInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let s = service::create(&mut conn, &auth, &meta.actor(&auth), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(s.version))
        .insert_header(("Location", format!("/api/v1/saved-searches/{}", s.id)))
        .json(s))
}

/// A saved search of the caller's, or shared with the caller's unit; 404 otherwise.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = SavedSearchDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/saved-searches/{id}")]
async fn get_search(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(respond(
        service::get(&mut conn, &auth, id.into_inner()).await?,
    ))
}

/// Renames, changes the search of, shares or pauses (`active: false`) a rule: its owner
/// only (403 for the unit's other members). Needs `If-Match`. Audited
/// (`saved_search.update`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The rule's current version")),
    request_body = SavedSearchPatch,
    responses((status = 200, body = SavedSearchDto), Malformed, Denied, NotFound, Conditional, Invalid),
    security(("bearer" = []))
)]
#[patch("/saved-searches/{id}")]
async fn update_search(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<SavedSearchPatch>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let s = service::update(
        &mut conn,
        &auth,
        &actor,
        id.into_inner(),
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(respond(s))
}

/// Deletes a rule and its hits: its owner only. Audited (`saved_search.delete`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 204), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/saved-searches/{id}")]
async fn delete_search(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    service::delete(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The cases that matched the rule, latest first, as the caller may see them now. Audited
/// (`saved_search.hits_read`, with the cases shown).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), SearchHitQuery),
    responses((status = 200, body = SearchHitList), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/saved-searches/{id}/hits")]
async fn search_hits(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<SearchHitQuery>,
) -> ApiResult<web::Json<SearchHitList>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        service::hits(&mut conn, &auth, &actor, id.into_inner(), q.into_inner()).await?,
    ))
}
