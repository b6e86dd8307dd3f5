//! The case report of an investigation, as PDF or as a print-friendly HTML page.

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, NotFound};
use crate::state::AppState;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, web, HttpResponse};
use ncen_core::investigations::report::{self, Format, ReportQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_report);
}

/// The case report for a prosecutor or a partner: summary, persons and companies with their
/// identifiers, linked seizures with goods and photos, chronology, journal; every page names
/// the classification and who printed it when. `format=pdf` (default: a download, fonts
/// embedded) or `format=html` (a page to print, nothing loaded from elsewhere); `lang=en|fr`.
/// Whoever reads the investigation may print it (404 for anyone else); a linked case the
/// caller may not read appears by its label only. Audited (`investigation.report`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ReportQuery),
    responses(
        (status = 200, description = "The report",
         content((Vec<u8> = "application/pdf"), (String = "text/html"))),
        Denied, NotFound, Invalid
    ),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/report")]
async fn get_report(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let (format, language) = q.read()?;
    let mut conn = state.conn().await?;
    let doc = report::build(
        &mut conn,
        &state.storage,
        &auth,
        &meta.actor(&auth),
        id.into_inner(),
        language,
        &state.settings.report_classification,
        format,
    )
    .await?;
    drop(conn);
    let name = doc
        .title
        .split(' ')
        .next()
        .unwrap_or("investigation")
        .to_string();
    match format {
        Format::Pdf => {
            // laying out and compressing is CPU work: off the request threads
            let bytes = web::block(move || ncen_report::pdf::write(doc))
                .await
                .map_err(ApiError::internal)?
                .map_err(ApiError::internal)?;
            Ok(HttpResponse::Ok()
                .content_type("application/pdf")
                .insert_header(ContentDisposition {
                    disposition: DispositionType::Attachment,
                    parameters: vec![DispositionParam::Filename(format!("{name}-report.pdf"))],
                })
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(bytes))
        }
        Format::Html => Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .insert_header((
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
            ))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(ncen_report::html::write(&doc))),
    }
}
