use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use ncen_core::messaging::dto::{
    CreateThread, PostMessage, RecipientList, RecipientQuery, ThreadDetail, ThreadPage, ThreadQuery,
};
use ncen_core::messaging::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "messaging";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_threads)
        .service(create_thread)
        .service(get_thread)
        .service(post_message)
        .service(mark_read)
        .service(recipients);
}

/// Units and enabled users a thread can be addressed to, by part of a name, username or
/// unit code (units first).
#[utoipa::path(
    tag = TAG,
    params(RecipientQuery),
    responses((status = 200, body = RecipientList), Unauthenticated, Invalid),
    security(("bearer" = []))
)]
#[get("/recipients")]
async fn recipients(
    state: web::Data<AppState>,
    _auth: AuthUser,
    q: web::Query<RecipientQuery>,
) -> ApiResult<web::Json<RecipientList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        service::recipients(&mut conn, q.into_inner()).await?,
    ))
}

/// The caller's threads (as a participant, or through a participant unit), most recent
/// message first, with unread counts and the caller's unread total.
#[utoipa::path(
    tag = TAG,
    params(ThreadQuery),
    responses((status = 200, body = ThreadPage), Unauthenticated, Invalid),
    security(("bearer" = []))
)]
#[get("/threads")]
async fn list_threads(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<ThreadQuery>,
) -> ApiResult<web::Json<ThreadPage>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        service::list(&mut conn, &auth, q.into_inner()).await?,
    ))
}

/// Starts a thread with its first message. The sender always takes part; a unit
/// participant means its members at each moment. `template` decides the kind: a discussion,
/// or a CENcomm warning, feedback (on a warning) or seizure message with their fields.
/// Everyone it reaches is notified and told live.
#[utoipa::path(
    tag = TAG,
    request_body = CreateThread,
    responses((status = 201, body = ThreadDetail), Unauthenticated, Invalid),
    security(("bearer" = []))
)]
#[post("/threads")]
async fn create_thread(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreateThread>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let thread = service::create(&mut conn, &auth, &meta.actor(&auth), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/threads/{}", thread.thread.id)))
        .json(thread))
}

/// A thread with its messages (oldest first) and read receipts. Reading it is audited.
/// Someone who does not take part gets 404, whether or not it exists.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ThreadDetail), Unauthenticated, NotFound),
    security(("bearer" = []))
)]
#[get("/threads/{id}")]
async fn get_thread(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ThreadDetail>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        service::get(&mut conn, &auth, &actor, id.into_inner()).await?,
    ))
}

/// Posts a message. Messages are never edited or deleted: a correction is a new message.
/// `answer: true` answers a request for information (once; not by its author).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = PostMessage,
    responses(
        (status = 201, body = ThreadDetail), Unauthenticated, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a request, already answered, or the caller's own request"),
    ),
    security(("bearer" = []))
)]
#[post("/threads/{id}/messages")]
async fn post_message(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<PostMessage>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let thread =
        service::post(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(thread))
}

/// Marks every message of the thread read by the caller (read receipts).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 204), Unauthenticated, NotFound),
    security(("bearer" = []))
)]
#[post("/threads/{id}/read")]
async fn mark_read(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    service::mark_read(&mut conn, &auth, &actor, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
