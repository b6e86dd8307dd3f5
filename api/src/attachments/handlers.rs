use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, NotFound, UnsupportedMedia};
use crate::seizures::TAG as SEIZURES_TAG;
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::error::PayloadError;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use ncen_core::seizures::attachments::dto::{AttachmentDto, UploadForm};
use ncen_core::seizures::attachments::{self as attachments, FormFields};
use std::cell::Cell;
use std::rc::Rc;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_attachment)
        .service(download_attachment)
        .service(attachment_thumbnail);
}

/// Room for the form's other fields and multipart boundaries on top of the file itself.
const FORM_OVERHEAD: usize = 64 * 1024;

/// Reads the multipart form's parts: the whole body at most `limit + FORM_OVERHEAD` bytes,
/// counted as it arrives (a chunked body declares no length), the file at most `limit`,
/// other fields 4 KiB each.
async fn read_form(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<FormFields, ApiError> {
    let max = limit.saturating_add(FORM_OVERHEAD);
    let overflow = Rc::new(Cell::new(false));
    let mut received = 0usize;
    let counted = {
        let overflow = overflow.clone();
        payload.map(move |chunk| {
            let chunk = chunk?;
            received = received.saturating_add(chunk.len());
            if received > max {
                overflow.set(true);
                return Err(PayloadError::Overflow);
            }
            Ok(chunk)
        })
    };
    let mut payload = Multipart::new(req.headers(), counted);
    let mut form = FormFields::default();
    let malformed = |_| {
        if overflow.get() {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadRequest("the multipart body could not be read".into())
        }
    };
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or_default().to_string();
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(sanitise_filename);
        let cap = if name == "file" { limit } else { 4096 };
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if data.len() + chunk.len() > cap {
                return Err(if name == "file" {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::validation(&name, "length", "is too long")
                });
            }
            data.extend_from_slice(&chunk);
        }
        let text = || match String::from_utf8(data.clone()) {
            Ok(text) if text.contains('\0') => Err(ApiError::validation(
                &name,
                "nul_character",
                "text may not contain the NUL character (U+0000)",
            )),
            Ok(text) => Ok(text),
            Err(_) => Err(ApiError::validation(
                &name,
                "encoding",
                "must be UTF-8 text",
            )),
        };
        match name.as_str() {
            "file" => form.file = Some((filename, data)),
            "kind" => form.kind = Some(text()?),
            "caption" => form.caption = Some(text()?),
            "cleared_for_export" => form.cleared_for_export = Some(text()?),
            other => {
                return Err(ApiError::validation(
                    other,
                    "unknown_field",
                    "is not a field of this form",
                ))
            }
        }
    }
    Ok(form)
}

/// Keeps a display name only: no path, no control characters, bounded length.
fn sanitise_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.chars().filter(|c| !c.is_control()).take(200).collect()
}

/// Uploads a photo, X-ray image or document to a case.
///
/// The type is decided from the content (JPEG, PNG, WebP, TIFF, PDF), never from the name.
/// Images are re-encoded from their pixels, so no metadata (EXIF, XMP, ICC, text chunks),
/// secondary image or trailing data is kept: JPEG stays JPEG (quality 92), PNG and WebP are
/// lossless, TIFF is stored as PNG. An image over the server's pixel limit is refused from
/// its header, before decoding. PDFs lose their document information dictionary and XMP
/// metadata. Thumbnails are made for images.
#[utoipa::path(
    tag = SEIZURES_TAG,
    params(("id" = Uuid, Path, description = "The case")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = AttachmentDto),
        Denied, NotFound, UnsupportedMedia,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The case is locked"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Over the upload limit"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Unsupported, corrupt or encrypted content, an image too large to decode, a PDF with too many objects, a kind that does not fit the content"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/attachments")]
async fn upload_attachment(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let case_id = id.into_inner();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("multipart/form-data") {
        return Err(ApiError::UnsupportedMediaType(
            "uploads must be multipart/form-data".into(),
        ));
    }
    let limit = state.settings.upload_limit;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit + FORM_OVERHEAD) {
        return Err(ApiError::PayloadTooLarge);
    }
    // Refuse before reading the body when the case cannot take attachments.
    // The connection goes back to the pool before the (possibly slow) upload is read.
    attachments::check_case(&mut *state.conn().await?, &auth, case_id).await?;
    let mut upload = attachments::check_form(read_form(&req, payload, limit).await?)?;
    let prepared = attachments::prepare(&mut upload, &state.media).await?;
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    let saved = attachments::store(
        &mut conn,
        &state.storage,
        &auth,
        &actor,
        case_id,
        upload,
        prepared,
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/attachments/{}/content", saved.id),
        ))
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
    let ext = media_type
        .rsplit('/')
        .next()
        .unwrap_or("bin")
        .replace("jpeg", "jpg");
    let filename = match (&row.original_filename, thumbnail) {
        (Some(name), false) if !name.is_empty() => name.clone(),
        _ => format!("{}{}.{ext}", row.id, if thumbnail { "-thumb" } else { "" }),
    };
    let disposition = ContentDisposition {
        disposition: if thumbnail {
            DispositionType::Inline
        } else {
            DispositionType::Attachment
        },
        parameters: vec![DispositionParam::Filename(filename)],
    };
    Ok(HttpResponse::Ok()
        .content_type(media_type)
        .insert_header(disposition)
        .insert_header(("Cache-Control", "private, no-store"))
        .body(bytes))
}

/// Downloads an attachment (audited).
#[utoipa::path(
    tag = SEIZURES_TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, with its content type and a Content-Disposition", content_type = "application/octet-stream", body = Vec<u8>),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/attachments/{id}/content")]
async fn download_attachment(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    serve(&state, &auth, &meta, id.into_inner(), false).await
}

/// A JPEG thumbnail of an image attachment (audited).
#[utoipa::path(
    tag = SEIZURES_TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, content_type = "image/jpeg", body = Vec<u8>),
        Denied,
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such attachment, or it is not an image"),
    ),
    security(("bearer" = []))
)]
#[get("/attachments/{id}/thumbnail")]
async fn attachment_thumbnail(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    serve(&state, &auth, &meta, id.into_inner(), true).await
}
