use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Malformed, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use ncen_core::codelists::dto::{
    CodeEntry, CodeList, CodeListIndex, CodeListQuery, CreateEntry, UpdateEntry,
};
use ncen_core::codelists::{repo, service};
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "codelists";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_codelists)
        .service(get_codelist)
        .service(create_entry)
        .service(update_entry);
}

/// The code lists and how many active entries each has.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = CodeListIndex),
        Unauthenticated,
    ),
    security(("bearer" = []))
)]
#[get("/codelists")]
async fn list_codelists(
    state: web::Data<AppState>,
    _auth: AuthUser,
) -> ApiResult<web::Json<CodeListIndex>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(CodeListIndex {
        items: repo::summaries(&mut conn).await?,
    }))
}

/// One code list with its entries (retired ones on request).
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path, description = "e.g. `commodity_types`, `countries`"), CodeListQuery),
    responses(
        (status = 200, body = CodeList),
        Unauthenticated, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/codelists/{name}")]
async fn get_codelist(
    state: web::Data<AppState>,
    _auth: AuthUser,
    name: web::Path<String>,
    query: web::Query<CodeListQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let include_retired = query.include_retired.unwrap_or(false);
    let body = service::get(&mut conn, &name, include_retired).await?;
    // Code lists change rarely; let browsers revalidate instead of refetching blindly.
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "private, no-cache"))
        .json(body))
}

/// Adds an entry to a code list.
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path)),
    request_body = CreateEntry,
    responses(
        (status = 201, body = CodeEntry),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code already in the list"),
    ),
    security(("bearer" = []))
)]
#[post("/codelists/{name}/entries")]
async fn create_entry(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    name: web::Path<String>,
    body: web::Json<CreateEntry>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let entry = service::create_entry(&mut conn, &actor, &name, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(entry))
}

/// Changes an entry's labels or order, retires or reinstates it: a JSON merge patch of
/// `UpdateEntry` (send only what changes; within `labels`, `null` removes a language).
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path), ("code" = String, Path)),
    request_body(
        description = "JSON merge patch (RFC 7396) of the entry: only what changes",
        content((UpdateEntry = "application/merge-patch+json"), (UpdateEntry = "application/json"))
    ),
    responses(
        (status = 200, body = CodeEntry),
        Malformed, Denied, NotFound, Invalid,
    ),
    security(("bearer" = []))
)]
#[patch("/codelists/{name}/entries/{code}")]
async fn update_entry(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(String, String)>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<web::Json<CodeEntry>> {
    let (name, code) = path.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let entry = service::update_entry(&mut conn, &actor, &name, &code, &body).await?;
    Ok(web::Json(entry))
}
