//! The files of the exchange: those of packages (`ncen_core::exchange::files`: a partner
//! uploads each before the package that lists it, authenticated by its signature; liaison
//! officers read those of a package under review and of a received case), and the document of
//! an agreement (`ncen_core::exchange::agreement_document`).

use super::handlers::TAG;
use super::packages::{arrival, attempt, refused};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::precondition::etag;
use crate::http::problems::{Denied, NotFound, UnsupportedMedia};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use ncen_core::exchange::agreement_document as document;
use ncen_core::exchange::dto::AgreementDto;
use ncen_core::exchange::files::{self, Holder};
use uuid::Uuid;

/// A partner node uploads a file (a photo, an X-ray, a document) that a package it is about to
/// deliver lists by SHA-256 — the inbox answers such a package 409 `files_missing` until
/// every file it lists has arrived. Signed as a package is (`Ncen-Key`, `Ncen-Sent-At`,
/// `Ncen-Signature` over the file's bytes). Refused with 413 `too_large` (the attachment
/// limit), 401 `unsigned`, `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`,
/// 422 `wrong_hash` (the bytes do not hash to the address) or `unsupported_type` (not a JPEG,
/// PNG, WebP, TIFF or PDF); 429 `throttled` as for packages. Kept once per partner and
/// content: uploading it again is answered 204 all the same. Every attempt is audited.
#[utoipa::path(
    tag = TAG,
    params(
        ("sha256" = String, Path, description = "The file's SHA-256, 64 lowercase hex digits", pattern = "^[0-9a-f]{64}$"),
        ("Ncen-Key" = String, Header, description = "The sender's Ed25519 public key, 64 hex digits"),
        ("Ncen-Sent-At" = String, Header, description = "When this attempt was made (RFC 3339)"),
        ("Ncen-Signature" = String, Header, description = "Ed25519 signature, 128 hex digits"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes"),
    responses(
        (status = 204, description = "Kept (or kept before)"),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json", description = "`unsigned`, `unknown_key`, `bad_signature` or `stale`"),
        (status = 403, body = crate::error::Problem, content_type = "application/problem+json", description = "`partner_suspended`"),
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json", description = "`too_large`"),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "`wrong_hash` or `unsupported_type`"),
        (status = 429, body = crate::error::Problem, content_type = "application/problem+json", description = "`throttled`; see `Retry-After`"),
    )
)]
#[put("/exchange/inbox/files/{sha256}")]
pub(super) async fn upload(
    state: web::Data<AppState>,
    meta: RequestMeta,
    req: HttpRequest,
    sha256: web::Path<String>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let limits = state.settings.inbox_limits();
    let (body, oversize) =
        match arrival(&state, &meta, &mut payload, &limits, limits.max_file_bytes).await? {
            Ok(read) => read,
            Err(throttled) => return Ok(throttled),
        };
    let attempt = attempt(&req, &meta, &body, oversize);
    let mut conn = state.conn().await?;
    let answer = files::receive(&mut conn, &state.storage, &limits, &sha256, attempt).await?;
    Ok(match answer {
        Ok(()) => HttpResponse::NoContent().finish(),
        Err(refusal) => refused(refusal, oversize),
    })
}

/// A file of `holder`, read (and audited) for `auth`.
async fn serve(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    holder: Holder,
    sha256: &str,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(auth);
    let (media_type, bytes) =
        files::read(&mut conn, &state.storage, &actor, holder, sha256).await?;
    let ext = media_type
        .rsplit('/')
        .next()
        .unwrap_or("bin")
        .replace("jpeg", "jpg");
    let name = format!("{}.{ext}", sha256.get(..16).unwrap_or(sha256));
    Ok(crate::http::files::download(
        Uuid::nil(),
        Some(&name),
        &media_type,
        false,
        bytes,
    ))
}

/// A file of a package under review, as the partner sent it (404 unless one of its cases
/// lists it). Audited (`exchange.file_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("sha256" = String, Path, description = "The file's SHA-256, as the case's attachment names it")),
    responses(
        (status = 200, description = "The file",
         content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"),
                 (Vec<u8> = "image/tiff"), (Vec<u8> = "application/pdf"))),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/exchange/inbox/{id}/files/{sha256}")]
pub(super) async fn package_file(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<HttpResponse> {
    let (id, sha256) = path.into_inner();
    serve(&state, &auth, &meta, Holder::Package(id), &sha256).await
}

/// A file of a received case (of its current version), as the partner sent it (404 unless
/// the case lists it). Audited (`exchange.file_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("sha256" = String, Path, description = "The file's SHA-256, as the case's attachment names it")),
    responses(
        (status = 200, description = "The file",
         content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"),
                 (Vec<u8> = "image/tiff"), (Vec<u8> = "application/pdf"))),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/exchange/received/{id}/files/{sha256}")]
pub(super) async fn received_file(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, String)>,
) -> ApiResult<HttpResponse> {
    let (id, sha256) = path.into_inner();
    serve(&state, &auth, &meta, Holder::ReceivedCase(id), &sha256).await
}

/// The form of an agreement's document: one `file` part.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub(super) struct AgreementDocumentForm {
    /// A PDF, or a scan (JPEG, PNG, WebP, TIFF), at most `NCEN_UPLOAD_LIMIT` bytes.
    #[schema(value_type = String, format = Binary, min_length = 1)]
    file: Vec<u8>,
}

/// Uploads the document of an agreement (the signed instrument: a PDF or a scan), replacing the
/// one it had. Cleaned as any upload (type read from the content, metadata stripped); the
/// agreement's version goes up. Audited (`exchange.agreement_document`) with the file's hash.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body(content = AgreementDocumentForm, content_type = "multipart/form-data"),
    responses(
        (status = 200, body = AgreementDto),
        Denied, NotFound, UnsupportedMedia,
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json", description = "Over the upload limit"),
        (status = 422, body = crate::error::Problem, content_type = "application/problem+json", description = "No file, or unsupported, corrupt or encrypted content"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/agreements/{id}/document")]
pub(super) async fn upload_agreement_document(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let limit = state.settings.upload_limit;
    crate::http::files::precheck(&req, limit)?;
    {
        let mut conn = state.conn().await?;
        ncen_core::exchange::service::get_agreement(&mut conn, id).await?;
    }
    let form = crate::http::files::read(&req, payload, limit, &[]).await?;
    let Some((filename, bytes)) = form.file else {
        return Err(ncen_core::error::Error::validation(
            "file",
            "required",
            "the agreement's document: a PDF or a scan",
        )
        .into());
    };
    let prepared = ncen_core::files::clean(bytes, &state.media).await?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let agreement = document::attach(
        &mut conn,
        &state.storage,
        &actor,
        &auth,
        id,
        filename,
        prepared,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(agreement.version))
        .json(agreement))
}

/// The document of an agreement, as uploaded (404 when it has none). Audited
/// (`exchange.agreement_document_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The document",
         content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"),
                 (Vec<u8> = "image/webp"))),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/exchange/agreements/{id}/document")]
pub(super) async fn download_agreement_document(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let (doc, bytes) = document::fetch(&mut conn, &state.storage, &actor, id).await?;
    Ok(crate::http::files::download(
        id,
        doc.filename.as_deref(),
        &doc.media_type,
        false,
        bytes,
    ))
}
