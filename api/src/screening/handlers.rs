use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::http::fallback::json_error;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid};
use crate::state::AppState;
use actix_web::error::JsonPayloadError;
use actix_web::http::header;
use actix_web::{post, web, HttpRequest};
use futures_util::StreamExt;
use ncen_core::screening::batch;
use ncen_core::screening::dto::{
    BatchRequest, BatchResult, BatchRow, ScreeningParams, ScreeningRequest, ScreeningResult,
};
use ncen_core::screening::service;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "screening";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(screen).service(screen_batch);
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

/// A list in the body, as JSON (`{"rows": [...]}`) or CSV (`text/csv`: a header naming the
/// columns, then one line each).
async fn batch_rows(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<Vec<BatchRow>, ApiError> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|_| ApiError::BadRequest("the request body could not be read".into()))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let kind = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if kind == "text/csv" {
        return Ok(batch::parse_csv(&body)?);
    }
    if kind == "application/json" || kind.ends_with("+json") {
        return serde_json::from_slice::<BatchRequest>(&body)
            .map(|b| b.rows)
            .map_err(|e| json_error(JsonPayloadError::Deserialize(e)));
    }
    Err(ApiError::UnsupportedMediaType(
        "the request body must be application/json or text/csv".into(),
    ))
}

/// Screens a passenger list or a cargo manifest (1–1 000 lines) against the active alerts and
/// the registers in one request: each line with the alerts it hits (what to do and whom to
/// contact, never why), its best register records (at most 3, with scores and explanations)
/// and its outcome (`hit`, `review`, `clear`); hits first. JSON (`{"rows": […]}`) or CSV
/// (`text/csv`, a header naming the columns of a row, any order). Every line is checked
/// before any is screened: 422 with each line's errors (`rows[3].container`: `check_digit`;
/// `rows[5]`: `nothing_to_match`). One audit row, `screening.batch`, lists what was shown.
#[utoipa::path(
    tag = TAG,
    request_body(content(
        (BatchRequest = "application/json"),
        (String = "text/csv", example = json!("reference,name,date_of_birth,document_number,container\n12A,Abdelkader Bensaleh,1979-11-07,X1234567,\n")),
    )),
    responses((status = 200, body = BatchResult), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/screening/batch")]
async fn screen_batch(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    payload: web::Payload,
) -> ApiResult<web::Json<BatchResult>> {
    let rows = batch_rows(&req, payload, state.settings.json_limit).await?;
    let mut conn = state.conn().await?;
    // a second connection for a long list (its probes on the other core), if one is free now
    let mut side = ncen_core::db::spare(&state.pool).await;
    let result = batch::screen_batch(
        &mut conn,
        side.as_deref_mut(),
        &meta.actor(&auth),
        state.settings.thresholds(),
        &state.settings.read_watch(),
        rows,
    )
    .await?;
    Ok(web::Json(result))
}
