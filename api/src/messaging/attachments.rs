//! Files sent with messages: upload first (held by the uploader), then name them in the
//! message (`attachment_ids`); downloads are for whoever reads the thread, audited.

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::files;
use crate::http::meta::RequestMeta;
use crate::http::problems::{NotFound, Unauthenticated, UnsupportedMedia};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use ncen_core::messaging::attachments::{self, MessageAttachmentDto, MessageUploadForm};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_message_attachment)
        .service(download_message_attachment)
        .service(message_attachment_thumbnail);
}

/// Uploads a file for a message the caller is writing, through the attachment pipeline:
/// the type is read from the content (JPEG, PNG, WebP, TIFF, PDF), image metadata is
/// stripped by re-encoding, PDF metadata removed, a thumbnail made for images. Name its id
/// in `attachment_ids` when sending; an upload no message takes within a day is deleted.
#[utoipa::path(
    tag = TAG,
    request_body(content = MessageUploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = MessageAttachmentDto),
        Unauthenticated, UnsupportedMedia,
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Over the upload limit"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "No file, or unsupported, corrupt or encrypted content, an image too large to decode, a PDF with too many objects"),
    ),
    security(("bearer" = []))
)]
#[post("/message-attachments")]
async fn upload_message_attachment(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let limit = state.settings.upload_limit;
    files::precheck(&req, limit)?;
    let form = files::read(&req, payload, limit, &[]).await?;
    let (filename, bytes) = match form.file {
        Some((name, bytes)) if !bytes.is_empty() => (name, bytes),
        _ => {
            return Err(ncen_core::Error::validation(
                "file",
                "required",
                "a non-empty file is required",
            )
            .into())
        }
    };
    let prepared = ncen_core::files::clean(bytes, &state.media).await?;
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    let saved =
        attachments::store(&mut conn, &state.storage, &auth, &actor, filename, prepared).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", saved.content_url.clone()))
        .json(saved))
}

async fn serve(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    id: Uuid,
    thumbnail: bool,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(auth);
    let (row, media_type, bytes) =
        attachments::fetch(&mut conn, &state.storage, auth, &actor, id, thumbnail).await?;
    Ok(files::download(
        row.id,
        row.original_filename.as_deref(),
        &media_type,
        thumbnail,
        bytes,
    ))
}

/// Downloads a message's file (audited). Only for whoever reads its thread (or its uploader
/// before it is sent); anyone else gets 404.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, as stored (its type was read from the content)",
         content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"),
                 (Vec<u8> = "application/pdf"))),
        Unauthenticated, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/message-attachments/{id}/content")]
async fn download_message_attachment(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    serve(&state, &auth, &meta, id.into_inner(), false).await
}

/// A JPEG thumbnail of a message's image (audited); 404 for a PDF, or for anyone who does
/// not read the thread.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        Unauthenticated, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/message-attachments/{id}/thumbnail")]
async fn message_attachment_thumbnail(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    serve(&state, &auth, &meta, id.into_inner(), true).await
}
