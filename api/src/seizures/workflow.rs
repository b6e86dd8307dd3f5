//! Status changes (`draft → submitted → validated`; sent back or reopened to draft) and the
//! history.

use super::handlers::respond;
use super::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::fallback::optional_json;
use crate::http::meta::RequestMeta;
use crate::http::precondition::expected_version;
use crate::http::problems::{Conditional, Denied, Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use ncen_core::export::FileFormat;
use ncen_core::seizures::dto::{CaseDto, CaseQuery, HistoryList, ReopenInput, WorkflowComment};
use ncen_core::seizures::service;
use ncen_core::seizures::workflow::{self, Transition, REOPEN, RETURN, SUBMIT, VALIDATE};
use uuid::Uuid;

async fn transition(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    req: &HttpRequest,
    id: Uuid,
    t: &Transition,
    reason: Option<String>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(auth);
    let case = workflow::transition(&mut conn, auth, &actor, id, expected, t, reason).await?;
    Ok(respond(StatusCode::OK, case))
}

/// Submits a draft for validation (the reporting unit), with an optional comment kept in the
/// history. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body = Option<WorkflowComment>,
    responses(
        (status = 200, body = CaseDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a draft"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/submit")]
pub(super) async fn submit_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let body: WorkflowComment = optional_json(&req, &body)?;
    let comment = workflow::comment(body.comment)?;
    transition(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        &SUBMIT,
        comment,
    )
    .await
}

/// Validates a submitted case, which locks it (a supervisor of the reporting unit who did
/// not create, edit or submit it: four eyes), with an optional comment kept in the history.
/// Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body = Option<WorkflowComment>,
    responses(
        (status = 200, body = CaseDto),
        Unauthenticated, NotFound, Conditional, Invalid,
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not a supervisor of the unit, or `four_eyes`: the caller created, edited or submitted the case"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not submitted"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/validate")]
pub(super) async fn validate_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    let body: WorkflowComment = optional_json(&req, &body)?;
    let comment = workflow::comment(body.comment)?;
    transition(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        &VALIDATE,
        comment,
    )
    .await
}

/// Sends a submitted case back to draft for correction (a supervisor of the reporting unit),
/// with a reason: kept in the history, shown at the top of the case, and sent to the officers
/// who created and submitted it as a `case_returned` notification. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body = ReopenInput,
    responses(
        (status = 200, body = CaseDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not submitted"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/return")]
pub(super) async fn return_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<ReopenInput>,
) -> ApiResult<HttpResponse> {
    let reason = workflow::reopen_reason(&body.reason)?;
    let id = id.into_inner();
    transition(&state, &auth, &meta, &req, id, &RETURN, Some(reason)).await
}

/// Reopens a validated case to draft so it can be changed (a supervisor of the reporting
/// unit), with a reason: kept in the history, shown at the top of the case, and sent to its
/// officers as a `case_reopened` notification. A submitted case is sent back with `/return`.
/// Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body = ReopenInput,
    responses(
        (status = 200, body = CaseDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not validated"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/reopen")]
pub(super) async fn reopen_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<ReopenInput>,
) -> ApiResult<HttpResponse> {
    let reason = workflow::reopen_reason(&body.reason)?;
    let id = id.into_inner();
    transition(&state, &auth, &meta, &req, id, &REOPEN, Some(reason)).await
}

/// The cases the list shows with the same filters, as a CSV or XLSX file, newest first
/// (`limit`, `cursor` and `order` are ignored: every matching case, up to
/// `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`). Audited like the list
/// (`seizure.export`, with every id written).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), CaseQuery),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        Denied, Invalid,
        (status = 404, body = Problem, content_type = "application/problem+json", description = "Not a known file format"),
    ),
    security(("bearer" = []))
)]
#[get("/seizures/export/{format}")]
pub(super) async fn export_cases(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<CaseQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let max = state.settings.export_max_rows;
    let table = ncen_core::seizures::export::export(
        &mut conn,
        &auth,
        &meta.actor(&auth),
        query.into_inner(),
        max,
    )
    .await?;
    Ok(crate::http::export::download(
        &table,
        format.into_inner(),
        "seizures",
    )?)
}

/// Every change to the case, oldest first: who, when, the version it produced, and each
/// changed field with its old and new value.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = HistoryList),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/seizures/{id}/history")]
pub(super) async fn case_history(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<HistoryList>> {
    let mut conn = state.conn().await?;
    let history = service::history(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(web::Json(history))
}
