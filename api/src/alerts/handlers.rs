use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::fallback::optional_json;
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::alerts::dto::{
    AlertDto, AlertInput, AlertList, AlertNotices, AlertQuery, DismissInput, HitDetail, HitList,
    HitQuery, HitStatus, NoticeQuery, RenewInput, ReviewInput, WithdrawInput,
};
use ncen_core::alerts::{hits, service};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "alerts";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_alerts)
        .service(create_alert)
        .service(get_alert)
        .service(update_alert)
        .service(activate_alert)
        .service(withdraw_alert)
        .service(renew_alert)
        .service(list_hits)
        .service(get_hit)
        .service(confirm_hit)
        .service(dismiss_hit)
        .service(alert_notices);
}

fn respond(alert: AlertDto) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(alert.version))
        .json(alert)
}

/// The alerts of the caller's unit, most recently changed first (audited as `alert.list`
/// with the ids shown). Another unit's alerts are never listed.
#[utoipa::path(
    tag = TAG,
    params(AlertQuery),
    responses((status = 200, body = AlertList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/alerts")]
async fn list_alerts(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    q: web::Query<AlertQuery>,
) -> ApiResult<web::Json<AlertList>> {
    let mut conn = state.conn().await?;
    let list = service::list(&mut conn, &auth, &meta.actor(&auth), q.into_inner()).await?;
    Ok(web::Json(list))
}

/// Writes a draft alert of the caller's unit, the caller its owner. Its subject is a person,
/// company or conveyance of the registers, or a bare identifier (document number, phone,
/// e-mail, plate, VIN, container, IMO, air waybill, flight number…); it is valid for at most
/// 12 months. A draft matches nothing until a supervisor of the unit activates it.
#[utoipa::path(
    tag = TAG,
    request_body = AlertInput,
    responses((status = 201, body = AlertDto), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/alerts")]
async fn create_alert(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<AlertInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let country = &state.settings.country;
    let alert = service::create(&mut conn, &auth, &actor, country, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(alert.version))
        .insert_header(("Location", format!("/api/v1/alerts/{}", alert.id)))
        .json(alert))
}

/// An alert of the caller's unit in full, with its hit counts (audited as `alert.read`).
/// Another unit's alert is 404: its existence is secret.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AlertDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/alerts/{id}")]
async fn get_alert(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let alert = service::get(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(respond(alert))
}

/// Corrects a draft (JSON merge patch of the alert as written). An active alert is not
/// edited (409): it is withdrawn and written again, so what a supervisor activated is what
/// runs. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The alert's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the alert: only what changes; `null` clears",
        content((AlertInput = "application/merge-patch+json"), (AlertInput = "application/json"))
    ),
    responses(
        (status = 200, body = AlertDto),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a draft"),
    ),
    security(("bearer" = []))
)]
#[patch("/alerts/{id}")]
async fn update_alert(
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
    let alert = service::update(
        &mut conn,
        &auth,
        &actor,
        id.into_inner(),
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(respond(alert))
}

/// Activates a draft: a supervisor of the owning unit who neither wrote nor owns it
/// (`own_alert` otherwise). From then on, data entering nCEN is checked against it. The
/// owner is notified (`alert_activation`). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The alert's current version")),
    responses(
        (status = 200, body = AlertDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a draft"),
    ),
    security(("bearer" = []))
)]
#[post("/alerts/{id}/activate")]
async fn activate_alert(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let alert = service::activate(&mut conn, &auth, &actor, id.into_inner(), expected).await?;
    Ok(respond(alert))
}

/// Withdraws an alert of the caller's unit (draft, active or expired), with a reason. Needs
/// `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The alert's current version")),
    request_body = WithdrawInput,
    responses(
        (status = 200, body = AlertDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already withdrawn"),
    ),
    security(("bearer" = []))
)]
#[post("/alerts/{id}/withdraw")]
async fn withdraw_alert(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<WithdrawInput>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let id = id.into_inner();
    let alert =
        service::withdraw(&mut conn, &auth, &actor, id, expected, body.into_inner()).await?;
    Ok(respond(alert))
}

/// Renews an active or expired alert from today until `valid_until` (at most 12 months): a
/// supervisor of its unit who neither wrote nor owns it. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The alert's current version")),
    request_body = RenewInput,
    responses(
        (status = 200, body = AlertDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Neither active nor expired"),
    ),
    security(("bearer" = []))
)]
#[post("/alerts/{id}/renew")]
async fn renew_alert(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<RenewInput>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let id = id.into_inner();
    let alert = service::renew(&mut conn, &auth, &actor, id, expected, body.into_inner()).await?;
    Ok(respond(alert))
}

/// The hits of the caller's unit's alerts, newest first: `new` (awaiting review) unless
/// `status` says otherwise (audited as `alert_hit.list`).
#[utoipa::path(
    tag = TAG,
    params(HitQuery),
    responses((status = 200, body = HitList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/alert-hits")]
async fn list_hits(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    q: web::Query<HitQuery>,
) -> ApiResult<web::Json<HitList>> {
    let mut conn = state.conn().await?;
    let list = hits::list(&mut conn, &auth, &meta.actor(&auth), q.into_inner()).await?;
    Ok(web::Json(list))
}

/// A hit of the caller's unit: the alert's subject and the record side by side, and the
/// engine's explanation of the score (audited as `alert_hit.read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = HitDetail), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/alert-hits/{id}")]
async fn get_hit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<HitDetail>> {
    let mut conn = state.conn().await?;
    let hit = hits::get(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(web::Json(hit))
}

async fn review(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    id: Uuid,
    to: HitStatus,
    body: ReviewInput,
) -> ApiResult<web::Json<HitDetail>> {
    let mut conn = state.conn().await?;
    let hit = hits::review(&mut conn, auth, &meta.actor(auth), id, to, body).await?;
    Ok(web::Json(hit))
}

/// Confirms a hit: the record is the alert's subject; the cases that brought it are linked
/// to the alert. An optional reason is kept.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = Option<ReviewInput>,
    responses(
        (status = 200, body = HitDetail),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already reviewed"),
    ),
    security(("bearer" = []))
)]
#[post("/alert-hits/{id}/confirm")]
async fn confirm_hit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Bytes,
) -> ApiResult<web::Json<HitDetail>> {
    let body: ReviewInput = optional_json(&req, &body)?;
    let id = id.into_inner();
    review(&state, &auth, &meta, id, HitStatus::Confirmed, body).await
}

/// Dismisses a hit, with a reason: the record is not the alert's subject, and the same data
/// will not hit this alert again.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = DismissInput,
    responses(
        (status = 200, body = HitDetail),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already reviewed"),
    ),
    security(("bearer" = []))
)]
#[post("/alert-hits/{id}/dismiss")]
async fn dismiss_hit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<ReviewInput>,
) -> ApiResult<web::Json<HitDetail>> {
    let id = id.into_inner();
    review(
        &state,
        &auth,
        &meta,
        id,
        HitStatus::Dismissed,
        body.into_inner(),
    )
    .await
}

/// What the caller may know of the alerts hit by a case's records (`case_id`, for whoever
/// may read the case) or by one register record (`record_id`, for whoever may read the
/// registers): the requested action, handling instructions and whom to contact — never the
/// alert's reason (graded disclosure). Hits dismissed by the alert's unit are left out.
#[utoipa::path(
    tag = TAG,
    params(NoticeQuery),
    responses((status = 200, body = AlertNotices), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/alert-notices")]
async fn alert_notices(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<NoticeQuery>,
) -> ApiResult<web::Json<AlertNotices>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(hits::notices(&mut conn, &auth, &q).await?))
}
