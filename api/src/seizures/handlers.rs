//! Create, read, update and list cases.

use super::TAG;
use crate::auth::{AuthUser, SessionToken};
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{case_etag, expected_version};
use crate::http::problems::{
    Conditional, Denied, Invalid, Malformed, NotFound, Throttled, Unauthenticated,
};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::seizures::document::{self, Read, Reader};
use ncen_core::seizures::dto::{CaseDto, CaseInput, CasePage, CaseQuery};
use ncen_core::seizures::service;
use uuid::Uuid;

/// A case as sent: with its `ETag`, and its `Location` when it was just created.
pub(super) fn respond(status: StatusCode, case: CaseDto) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    res.insert_header(case_etag(case.version, case.generation));
    if status == StatusCode::CREATED {
        res.insert_header(("Location", format!("/api/v1/seizures/{}", case.id)));
    }
    res.json(case)
}

/// Records a case (as a draft of the caller's unit). Linked persons, companies and
/// conveyances are existing records (`person_id`…) or created inline (`person`…).
#[utoipa::path(
    tag = TAG,
    request_body = CaseInput,
    responses(
        (status = 201, body = CaseDto),
        Malformed, Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "An inline conveyance is already registered"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures")]
pub(super) async fn create_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CaseInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let country = &state.settings.country;
    let case = service::create(
        &mut conn,
        &auth,
        &meta.actor(&auth),
        country,
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::CREATED, case))
}

/// The whole case: goods, route, concealment and linked records.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = CaseDto),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/seizures/{id}")]
pub(super) async fn get_case(
    state: web::Data<AppState>,
    token: SessionToken,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    // The session, the role (`SeizuresRead`) and the case are checked by the statement itself
    // (one round trip: `ncen_core::seizures::document`), so this handler takes no `AuthUser`.
    let mut conn = state.conn().await?;
    let reader = Reader {
        session: &token.claims,
        ip: meta.ip,
        request_id: meta.request_id.as_deref(),
        format: super::document_format(),
    };
    match document::read_audited(&mut conn, id.into_inner(), reader).await? {
        Read::Unauthenticated => Err(ApiError::Unauthenticated),
        Read::Forbidden => Err(ApiError::Forbidden),
        Read::NotFound => Err(ApiError::NotFound),
        Read::Found(case) => Ok(HttpResponse::Ok()
            .insert_header(case_etag(case.version, case.generation))
            .content_type("application/json")
            .body(case.json)),
    }
}

/// Changes a case: a JSON merge patch of `CaseInput` (send only what changes; `null`
/// clears a field; `goods`, `route`, `persons`, `companies`, `conveyances` and
/// `detection_methods` are replaced whole). Needs `If-Match`. Drafts: the reporting unit's
/// officers and supervisors; submitted cases: its supervisors; validated cases: reopen first.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the case: only what changes; `null` clears",
        content((CaseInput = "application/merge-patch+json"), (CaseInput = "application/json"))
    ),
    responses(
        (status = 200, body = CaseDto),
        Malformed, Unauthenticated, NotFound, Conditional, Invalid,
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Another unit's case"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The case is submitted or validated"),
    ),
    security(("bearer" = []))
)]
#[patch("/seizures/{id}")]
pub(super) async fn update_case(
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
    let case = service::update(&mut conn, &auth, &actor, id.into_inner(), expected, &body).await?;
    Ok(respond(StatusCode::OK, case))
}

/// Cases by date (newest first by default), filtered; keyset-paginated.
#[utoipa::path(
    tag = TAG,
    params(CaseQuery),
    responses(
        (status = 200, body = CasePage),
        Malformed, Denied, Invalid, Throttled,
    ),
    security(("bearer" = []))
)]
#[get("/seizures")]
pub(super) async fn list_cases(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<CaseQuery>,
) -> ApiResult<web::Json<CasePage>> {
    let mut conn = state.conn().await?;
    let watch = state.settings.read_watch();
    ncen_core::audit::watch::throttle_pages(&mut conn, auth.id, &watch).await?;
    let page = service::list(&mut conn, &auth, &meta.actor(&auth), query.into_inner()).await?;
    Ok(web::Json(page))
}
