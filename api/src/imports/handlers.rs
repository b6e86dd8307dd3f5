use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, IdempotencyMisuse, Problem};
use crate::http::idempotency::{replay, valid_key, HEADER};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use futures_util::{stream, StreamExt};
use ncen_core::common::idempotency::{self as keys, Claim, Request, Stored};
use ncen_core::error::Error;
use ncen_core::imports::dto::{
    ImportFormat, ImportJob, ImportList, ImportMode, ImportProblems, ImportProposals,
    ImportRequest, ProblemsQuery, ProposalsQuery,
};
use ncen_core::imports::service::{self as jobs, Upload};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "imports";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_import)
        .service(list_imports)
        .service(get_import)
        .service(import_problems)
        .service(import_problems_csv)
        .service(import_proposals)
        .service(cancel_import)
        .service(commit_import);
}

fn accepted(job: &ImportJob) -> Result<(HttpResponse, Stored), Error> {
    let body = serde_json::to_vec(job).map_err(Error::internal)?;
    let location = format!("/api/v1/imports/{}", job.id);
    let res = HttpResponse::Accepted()
        .insert_header(("Location", location.as_str()))
        .content_type("application/json")
        .body(body.clone());
    Ok((
        res,
        Stored {
            status: 202,
            content_type: Some("application/json".into()),
            location: Some(location),
            etag: None,
            body,
        },
    ))
}

/// Why the start of a file says it is not of `format` (text for NDJSON and CSV — not a ZIP, a
/// PDF or binary data —, a ZIP for XLSX), if it does.
fn wrong_type(format: ImportFormat, head: &[u8]) -> Option<&'static str> {
    let zip = head.starts_with(b"PK\x03\x04");
    match format {
        ImportFormat::Xlsx if zip || head.len() < 4 => None,
        ImportFormat::Xlsx => Some("the file is not an XLSX workbook (a ZIP)"),
        _ if zip => Some("the file is a ZIP (an XLSX workbook?): send it with format=xlsx"),
        _ if head.starts_with(b"%PDF") || head.contains(&0) => {
            Some("the file is not text: an import reads NDJSON or CSV in UTF-8, or XLSX")
        }
        _ => None,
    }
}

/// Streams the body into the store: its key, size and SHA-256 (the store's copy dropped if
/// it is refused).
async fn store(
    state: &AppState,
    id: Uuid,
    format: ImportFormat,
    req: &HttpRequest,
    payload: &mut web::Payload,
) -> Result<Upload, ApiError> {
    let limit = state.settings.import_limit;
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(Error::TooLarge.into());
    }
    let key = format!("imports/{id}");
    let mut writer = state.storage.writer(&key);
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut head: Vec<u8> = Vec::new();
    let refused = |e: ApiError| e;
    while let Some(chunk) = payload.next().await {
        let chunk = match chunk {
            Ok(c) => c,
            Err(e) => {
                let _ = writer.abort().await;
                return Err(refused(ApiError::BadRequest(format!(
                    "the upload broke off: {e}"
                ))));
            }
        };
        size += chunk.len() as u64;
        if size > limit {
            let _ = writer.abort().await;
            return Err(Error::TooLarge.into());
        }
        if head.len() < 512 {
            head.extend(chunk.iter().take(512 - head.len()));
            if let Some(why) = wrong_type(format, &head) {
                let _ = writer.abort().await;
                return Err(Error::validation("file", "wrong_type", why).into());
            }
        }
        hasher.update(&chunk);
        writer.write_all(&chunk).await.map_err(Error::internal)?;
    }
    if size == 0 {
        let _ = writer.abort().await;
        return Err(Error::validation("file", "empty", "the file is empty").into());
    }
    // a workbook too short to have shown its first four bytes above
    if matches!(format, ImportFormat::Xlsx) && !head.starts_with(b"PK\x03\x04") {
        let _ = writer.abort().await;
        let why = "the file is not an XLSX workbook (a ZIP)";
        return Err(Error::validation("file", "wrong_type", why).into());
    }
    writer.shutdown().await.map_err(Error::internal)?;
    Ok(Upload {
        id,
        storage_key: key,
        size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
        sha256: format!("{:x}", hasher.finalize()),
    })
}

/// Uploads a file to import (the body: NDJSON, streamed to the store, at most
/// `NCEN_IMPORT_LIMIT` bytes) and queues it: 202 with the job, which an instance runs
/// (`GET /imports/{id}` follows it). A dry run (the default) checks every line and reports;
/// `dry_run=false` writes, `all_or_nothing` or `valid_rows`. Each row is the create endpoint's
/// body of `record_type` plus `external_id` (and `source_system` to override the import's) —
/// an NDJSON line, or a CSV row whose header names each column by its field's path
/// (`goods[0].quantity`; `docs/imports.md`): the same row again changes nothing, an edited one
/// updates its record. The parties of imported cases are matched to the registers (see
/// `GET /imports/{id}/proposals`). `Idempotency-Key`:
/// a retry with the same key, settings and file answers the first job. Audited
/// (`import.create`).
#[utoipa::path(
    tag = TAG,
    params(ImportRequest, ("Idempotency-Key" = Option<String>, Header, description = "1–255 visible ASCII characters: a retry with the same key answers the first job")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file (UTF-8): NDJSON, one JSON object per line, or CSV with a header of field paths (`format`); sent with any content type (`application/x-ndjson`, `text/csv`, `application/octet-stream`…)"),
    responses(
        (status = 202, body = ImportJob, description = "Queued; `Location` names it"),
        Malformed, Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`idempotency_key_in_flight`"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Larger than `NCEN_IMPORT_LIMIT`"),
    ),
    security(("bearer" = []))
)]
#[post("/imports")]
async fn upload_import(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    q: web::Query<ImportRequest>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let key = match req.headers().get(HEADER) {
        None => None,
        Some(v) => match v.to_str() {
            Ok(k) if valid_key(k) => Some(k.to_string()),
            _ => {
                return Err(ApiError::BadRequest(
                    "Idempotency-Key must be 1–255 visible ASCII characters".into(),
                ))
            }
        },
    };
    let id = Uuid::now_v7();
    let file = store(&state, id, q.format, &req, &mut payload).await?;
    let mut conn = state.conn().await?;
    if let Some(key) = &key {
        let fingerprint = Sha256::new()
            .chain_update(req.query_string())
            .chain_update([0])
            .chain_update(&file.sha256)
            .finalize();
        let claimed = keys::claim(
            &mut conn,
            &Request {
                user_id: auth.id,
                key,
                method: "POST",
                path: req.path(),
                fingerprint: &fingerprint,
            },
        )
        .await?;
        match claimed {
            Claim::Fresh => {}
            Claim::Done(stored) => {
                let _ = state.storage.delete(&file.storage_key).await;
                return Ok(replay(&stored));
            }
            Claim::Reused => return Err(ApiError::Idempotency(IdempotencyMisuse::Reused)),
            Claim::InFlight => return Err(ApiError::Idempotency(IdempotencyMisuse::InFlight)),
        }
    }
    let created = jobs::create(&mut conn, &meta.actor(&auth), &auth, &q, &file).await;
    let job = match created {
        Ok(job) => job,
        Err(e) => {
            let _ = state.storage.delete(&file.storage_key).await;
            if let Some(key) = &key {
                let _ = keys::forget(&mut conn, auth.id, key).await;
            }
            return Err(e.into());
        }
    };
    let (res, stored) = accepted(&job)?;
    if let Some(key) = &key {
        keys::complete(&mut conn, auth.id, key, &stored).await?;
    }
    Ok(res)
}

/// The latest imports, newest first (at most 100), with their counts.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = ImportList), Denied),
    security(("bearer" = []))
)]
#[get("/imports")]
async fn list_imports(
    state: web::Data<AppState>,
    auth: AuthUser,
) -> ApiResult<web::Json<ImportList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(jobs::list(&mut conn, auth.unit_id).await?))
}

/// An import: where it stands (lines done so far while it runs), its counts, why it failed.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ImportJob), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/imports/{id}")]
async fn get_import(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ImportJob>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        jobs::get(&mut conn, auth.unit_id, id.into_inner()).await?,
    ))
}

/// The problems of an import in line order, a page at a time: each with its line, field,
/// stable code and message.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ProblemsQuery),
    responses((status = 200, body = ImportProblems), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/imports/{id}/problems")]
async fn import_problems(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
    q: web::Query<ProblemsQuery>,
) -> ApiResult<web::Json<ImportProblems>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        jobs::problems(&mut conn, auth.unit_id, id.into_inner(), &q).await?,
    ))
}

/// The proposals of an import of cases in line order, a page at a time: each party the
/// import created beside an existing register record it may be (score between the review
/// and hit thresholds), with how lists show both, to compare and merge through the
/// registers if they are one. Audited (`import.proposals_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ProposalsQuery),
    responses((status = 200, body = ImportProposals), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/imports/{id}/proposals")]
async fn import_proposals(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<ProposalsQuery>,
) -> ApiResult<web::Json<ImportProposals>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        jobs::proposals(&mut conn, &actor, auth.unit_id, id.into_inner(), &q).await?,
    ))
}

/// Every problem of an import as CSV (`line,external_id,field,code,message`), streamed.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, content_type = "text/csv", body = String, description = "The problems"), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/imports/{id}/problems.csv")]
async fn import_problems_csv(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let unit = auth.unit_id;
    {
        let mut conn = state.conn().await?;
        jobs::get(&mut conn, unit, id).await?;
    }
    let pool = state.pool.clone();
    let head = "\u{feff}line,external_id,field,code,message\r\n".to_string();
    let pages = stream::unfold(Some(0i32), move |after| {
        let pool = pool.clone();
        async move {
            let after = after?;
            let page = async {
                let mut conn = pool.get().await.map_err(std::io::Error::other)?;
                let q = ProblemsQuery {
                    after: Some(after),
                    code: None,
                };
                let page = jobs::problems(&mut conn, unit, id, &q)
                    .await
                    .map_err(std::io::Error::other)?;
                let mut w = csv::Writer::from_writer(Vec::new());
                for p in &page.items {
                    w.write_record([
                        p.line.to_string(),
                        p.external_id.clone().unwrap_or_default(),
                        p.field.clone(),
                        p.code.clone(),
                        p.message.clone(),
                    ])
                    .map_err(std::io::Error::other)?;
                }
                let bytes = w.into_inner().map_err(std::io::Error::other)?;
                Ok::<_, std::io::Error>((bytes, page.next_after))
            }
            .await;
            match page {
                Ok((bytes, next)) => Some((Ok(web::Bytes::from(bytes)), next)),
                Err(e) => Some((Err(e), None)),
            }
        }
    });
    let body =
        stream::once(async move { Ok::<_, std::io::Error>(web::Bytes::from(head)) }).chain(pages);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"import-{id}-problems.csv\""),
        ))
        .streaming(body))
}

/// Stops an import: a queued one at once, a running one at its next batch (an
/// `all_or_nothing` import then writes nothing; a `valid_rows` one keeps what it wrote).
/// 409 `finished` for one that ended. Audited (`import.cancel`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = ImportJob),
        Denied, NotFound,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`finished`"),
    ),
    security(("bearer" = []))
)]
#[post("/imports/{id}/cancel")]
async fn cancel_import(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ImportJob>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        jobs::cancel(&mut conn, &meta.actor(&auth), auth.unit_id, id.into_inner()).await?,
    ))
}

/// Committing a dry run: its file, imported for real.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitRequest {
    /// The dry run's mode when absent.
    pub mode: Option<ImportMode>,
}

/// Imports the file of a dry run that succeeded, for real (its settings, the mode changeable):
/// 202 with the new job. Once per dry run (409 `committed`); only a finished dry run (409
/// `not_a_dry_run`, `not_finished`) whose file is still kept (409 `file_gone`: it goes 30 days
/// after its imports ended). Audited (`import.create`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = CommitRequest,
    responses(
        (status = 202, body = ImportJob, description = "Queued; `Location` names it"),
        Malformed, Denied, NotFound,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`not_a_dry_run`, `not_finished`, `committed` or `file_gone` (its file was removed, 30 days after its imports ended)"),
    ),
    security(("bearer" = []))
)]
#[post("/imports/{id}/commit")]
async fn commit_import(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<CommitRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let job = jobs::commit(
        &mut conn,
        &meta.actor(&auth),
        &auth,
        id.into_inner(),
        body.mode,
    )
    .await?;
    Ok(accepted(&job)?.0)
}
