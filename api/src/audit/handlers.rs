use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid};
use crate::state::AppState;
use actix_web::{get, web};
use ncen_core::audit::chain::VerifyReport;
use ncen_core::audit::dto::{AuditPage, AuditQuery};
use ncen_core::audit::query;
use ncen_core::export::FileFormat;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "audit";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit)
        .service(verify_audit)
        .service(audit_actions)
        .service(export_audit);
}

/// Every action the trail records (for an action picker; the browser app translates them).
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ActionList {
    pub items: Vec<&'static str>,
}

/// The actions the audit trail records.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = ActionList), Denied),
    security(("bearer" = []))
)]
#[get("/audit/actions")]
async fn audit_actions(_auth: AuthUser) -> ApiResult<web::Json<ActionList>> {
    Ok(web::Json(ActionList {
        items: ncen_core::audit::actions::ALL.to_vec(),
    }))
}

/// The filtered trail as a CSV or XLSX file, newest first (`limit` and `cursor` are ignored:
/// every matching event, up to `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`).
/// The export is itself audited (`audit.export`).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), AuditQuery),
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
#[get("/audit/export/{format}")]
async fn export_audit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<AuditQuery>,
) -> ApiResult<actix_web::HttpResponse> {
    let mut conn = state.conn().await?;
    let max = state.settings.export_max_rows;
    let table = query::export(&mut conn, &meta.actor(&auth), query.into_inner(), max).await?;
    Ok(crate::http::export::download(
        &table,
        format.into_inner(),
        "audit",
    )?)
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
