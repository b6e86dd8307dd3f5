//! The CEN export over HTTP: what the next batch would hold, making a batch, the kept batches,
//! and each batch's content as JSON or CSV, streamed page by page (constant memory whatever
//! the batch's size).

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, NotFound};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use bytes::Bytes;
use futures_util::stream;
use ncen_core::exchange::cen::{self, CenBatch, CenBatchList, CenFormat, CenPending};
use uuid::Uuid;

use super::handlers::TAG;

/// Records read per page of a download.
const PAGE: i64 = 500;

/// The most cases one batch made through the API holds (`ncen cen-export` takes any number).
const MAX_BATCH: i64 = 100_000;

/// What the next batch would hold: how many validated cases are new or changed since their
/// last export, and the first of them as they would leave. Audited (`cen.preview`).
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = CenPending), Denied),
    security(("bearer" = []))
)]
#[get("/exchange/cen-exports/pending")]
pub async fn pending(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
) -> ApiResult<web::Json<CenPending>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        cen::pending(&mut conn, &meta.actor(&auth)).await?,
    ))
}

/// Makes a batch of every validated case not yet exported at its current version (new, or
/// changed since), in non-nominal form; the batch is kept with its records and hash.
/// Audited (`cen.export`). 409 `nothing_to_export` when there is none.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 201, body = CenBatch),
        Denied,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "No case to export (`nothing_to_export`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/cen-exports")]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let batch = cen::export(&mut conn, &meta.actor(&auth), MAX_BATCH)
        .await?
        .ok_or_else(|| {
            ApiError::from(ncen_core::Error::State(
                "nothing_to_export",
                "every validated case was exported at its current version".into(),
            ))
        })?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/exchange/cen-exports/{}", batch.id),
        ))
        .json(batch))
}

/// The latest batches (at most 100), newest first.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = CenBatchList), Denied),
    security(("bearer" = []))
)]
#[get("/exchange/cen-exports")]
pub async fn list(
    state: web::Data<AppState>,
    _auth: AuthUser,
) -> ApiResult<web::Json<CenBatchList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(cen::list(&mut conn).await?))
}

/// One batch.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = CenBatch), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/cen-exports/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    _auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CenBatch>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(cen::get(&mut conn, id.into_inner()).await?))
}

/// A batch's content: `json` (`{"format", "batch", "records": [...]}`, the records whose
/// JSON Lines the batch's `content_sha256` hashes) or `csv` (UTF-8 with a byte-order mark,
/// one row per commodity). Audited (`cen.download`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("format" = CenFormat, Path)),
    responses(
        (status = 200, description = "The batch", content((String = "application/json"), (String = "text/csv"))),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/exchange/cen-exports/{id}/content/{format}")]
pub async fn content(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, CenFormat)>,
) -> ApiResult<HttpResponse> {
    let (id, format) = path.into_inner();
    let batch = {
        let mut conn = state.conn().await?;
        let batch = cen::get(&mut conn, id).await?;
        cen::downloaded(&mut conn, &meta.actor(&auth), id, format.as_str()).await?;
        batch
    };
    let head = match format {
        CenFormat::Json => {
            let batch = serde_json::to_string(&batch).map_err(ncen_core::Error::internal)?;
            format!("{{\"format\":\"ncen-cen-export/1\",\"batch\":{batch},\"records\":[")
        }
        CenFormat::Csv => {
            let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
            w.write_record(cen::CSV_COLUMNS)
                .map_err(ncen_core::Error::internal)?;
            String::from_utf8(w.into_inner().map_err(ncen_core::Error::internal)?)
                .map_err(ncen_core::Error::internal)?
        }
    };
    let pool = state.pool.clone();
    // (after, first record written, done)
    let pages = stream::unfold((0i32, true, false), move |(after, first, done)| {
        let pool = pool.clone();
        async move {
            if done {
                return None;
            }
            let page = async {
                let mut conn = pool.get().await.map_err(std::io::Error::other)?;
                cen::records(&mut conn, id, after, PAGE)
                    .await
                    .map_err(std::io::Error::other)
            }
            .await;
            let page = match page {
                Ok(p) => p,
                Err(e) => return Some((Err(e), (after, first, true))),
            };
            let last = page.last().map(|(p, _)| *p);
            let mut out = Vec::new();
            let mut first = first;
            for (_, rec) in &page {
                match format {
                    CenFormat::Json => {
                        if !first {
                            out.push(b',');
                        }
                        if let Err(e) = serde_json::to_writer(&mut out, rec) {
                            return Some((Err(std::io::Error::other(e)), (after, first, true)));
                        }
                    }
                    CenFormat::Csv => {
                        let mut w = csv::Writer::from_writer(Vec::new());
                        for row in cen::csv_rows(rec) {
                            if let Err(e) = w.write_record(row) {
                                return Some((Err(std::io::Error::other(e)), (after, first, true)));
                            }
                        }
                        match w.into_inner() {
                            Ok(bytes) => out.extend(bytes),
                            Err(e) => {
                                return Some((
                                    Err(std::io::Error::other(e.to_string())),
                                    (after, first, true),
                                ))
                            }
                        }
                    }
                }
                first = false;
            }
            match last {
                Some(p) if page.len() as i64 == PAGE => {
                    Some((Ok(Bytes::from(out)), (p, first, false)))
                }
                _ => {
                    if format == CenFormat::Json {
                        out.extend(b"]}");
                    }
                    Some((Ok(Bytes::from(out)), (after, first, true)))
                }
            }
        }
    });
    let body = futures_util::StreamExt::chain(
        stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(head)) }),
        pages,
    );
    let (content_type, extension) = match format {
        CenFormat::Json => ("application/json", "json"),
        CenFormat::Csv => ("text/csv; charset=utf-8", "csv"),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"cen-export-{id}.{extension}\""),
        ))
        .streaming(body))
}
