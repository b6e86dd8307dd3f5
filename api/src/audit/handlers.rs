use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid};
use crate::state::AppState;
use actix_web::{get, web};
use ncen_core::audit::chain::VerifyReport;
use ncen_core::audit::dto::{AuditPage, AuditQuery};
use ncen_core::audit::query;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "audit";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit).service(verify_audit);
}

/// Audit trail, newest first.
#[utoipa::path(
    tag = TAG,
    params(AuditQuery),
    responses(
        (status = 200, body = AuditPage),
        Denied, Invalid,
    ),
    security(("bearer" = []))
)]
#[get("/audit")]
async fn list_audit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<AuditPage>> {
    let mut conn = state.conn().await?;
    let page = query::list(&mut conn, &meta.actor(&auth), query.into_inner()).await?;
    Ok(web::Json(page))
}

/// Verifies the audit hash chain, and against the checkpoints this server signed outside the
/// database; names the first broken position.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = VerifyReport),
        Denied,
    ),
    security(("bearer" = []))
)]
#[get("/audit/verify")]
async fn verify_audit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
) -> ApiResult<web::Json<VerifyReport>> {
    let mut conn = state.conn().await?;
    let anchor = state
        .anchor
        .as_ref()
        .map(|(file, key)| (file.as_path(), key));
    let report = query::verify(&mut conn, &meta.actor(&auth), anchor).await?;
    Ok(web::Json(report))
}
