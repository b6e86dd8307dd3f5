use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Invalid, NotFound, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use ncen_core::notifications::dto::{NotificationPage, NotificationQuery, Preferences};
use ncen_core::notifications::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "notifications";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_notifications)
        .service(mark_all_read)
        .service(get_preferences)
        .service(put_preferences)
        .service(mark_notification_read);
}

/// The caller's notifications, newest first, with the unread total (the bell's count).
#[utoipa::path(
    tag = TAG,
    params(NotificationQuery),
    responses((status = 200, body = NotificationPage), Unauthenticated, Invalid),
    security(("bearer" = []))
)]
#[get("/notifications")]
async fn list_notifications(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<NotificationQuery>,
) -> ApiResult<web::Json<NotificationPage>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        service::list(&mut conn, &auth, q.into_inner()).await?,
    ))
}

/// Marks all of the caller's notifications read.
#[utoipa::path(
    tag = TAG,
    responses((status = 204), Unauthenticated),
    security(("bearer" = []))
)]
#[post("/notifications/read")]
async fn mark_all_read(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    service::mark_read(&mut conn, &auth, &meta.actor(&auth), None).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Marks one of the caller's notifications read (someone else's: 404).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 204), Unauthenticated, NotFound),
    security(("bearer" = []))
)]
#[post("/notifications/{id}/read")]
async fn mark_notification_read(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    service::mark_read(&mut conn, &auth, &actor, Some(id.into_inner())).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Which kinds of notification also ping the caller live (default: all).
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = Preferences), Unauthenticated),
    security(("bearer" = []))
)]
#[get("/notifications/preferences")]
async fn get_preferences(
    state: web::Data<AppState>,
    auth: AuthUser,
) -> ApiResult<web::Json<Preferences>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(service::preferences(&mut conn, &auth).await?))
}

/// Sets which kinds of notification ping the caller live; the others only count on the bell.
#[utoipa::path(
    tag = TAG,
    request_body = Preferences,
    responses((status = 200, body = Preferences), Unauthenticated, Invalid),
    security(("bearer" = []))
)]
#[put("/notifications/preferences")]
async fn put_preferences(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<Preferences>,
) -> ApiResult<web::Json<Preferences>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        service::save_preferences(&mut conn, &auth, &actor, body.into_inner()).await?,
    ))
}
