use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid};
use crate::state::AppState;
use actix_web::{post, web};
use ncen_core::screening::dto::{ScreeningParams, ScreeningRequest, ScreeningResult};
use ncen_core::screening::service;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "screening";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(screen);
}

/// Screens a person or a company against the registers: the records that may be them, best
/// first, each with its score and the evidence behind it (`hit` at or above the hit
/// threshold, `review` between the two thresholds; both thresholds are configuration and are
/// returned). A full name may be given in any order and script. Nothing is stored but the
/// audit row (`screening.person` / `screening.company`, with the ids shown). 422
/// `nothing_to_match` when the query has no name and no identifier.
#[utoipa::path(
    tag = TAG,
    params(ScreeningParams),
    request_body = ScreeningRequest,
    responses((status = 200, body = ScreeningResult), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/screening")]
async fn screen(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    params: web::Query<ScreeningParams>,
    body: web::Json<ScreeningRequest>,
) -> ApiResult<web::Json<ScreeningResult>> {
    let mut conn = state.conn().await?;
    let result = service::screen(
        &mut conn,
        &meta.actor(&auth),
        state.settings.thresholds(),
        &state.settings.read_watch(),
        body.into_inner(),
        params.into_inner(),
    )
    .await?;
    Ok(web::Json(result))
}
