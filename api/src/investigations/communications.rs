//! An investigation's communications — its threads and requests for information — and the
//! open tasks of a person or a unit across investigations (their deadlines).

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, NotFound};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use ncen_core::investigations::communications::{self, InvestigationThreads, ThreadInput};
use ncen_core::investigations::reminders::{self, WorkPage, WorkQuery};
use ncen_core::messaging::dto::ThreadDetail;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_investigation_threads)
        .service(start_investigation_thread)
        .service(list_work);
}

/// Open tasks across investigations, soonest due first: the caller's (`scope=mine`, the
/// default: assigned to them, on investigations they still work on) or those of every
/// investigation their unit supervises (`scope=unit`, supervisors); `overdue=true` for the
/// tasks past their due date only.
#[utoipa::path(
    tag = TAG,
    params(WorkQuery),
    responses((status = 200, body = WorkPage), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/investigation-tasks")]
async fn list_work(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<WorkQuery>,
) -> ApiResult<web::Json<WorkPage>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        reminders::work(&mut conn, &auth, q.into_inner()).await?,
    ))
}

/// The investigation's message threads and requests for information, most recent message
/// first, each saying whether the caller takes part (audited).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = InvestigationThreads), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/threads")]
async fn list_investigation_threads(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<InvestigationThreads>> {
    let mut conn = state.conn().await?;
    let list = communications::list(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(web::Json(list))
}

/// Starts a thread of the investigation (any team member): the lead and the team take part,
/// with the users and units named. With `request_due` it is a request for information, which
/// a recipient answers once (`POST /threads/{id}/messages` with `answer: true`); its author
/// is told of the answer, or when the date passes without one.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = ThreadInput,
    responses(
        (status = 201, body = ThreadDetail),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/threads")]
async fn start_investigation_thread(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<ThreadInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let thread =
        communications::start(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(thread))
}
