use super::dto::{AttachmentDto, AttachmentKind, UploadForm};
use super::media::{self, MediaError};
use super::repo::{self, AttachmentRow};
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::meta::RequestMeta;
use crate::seizures;
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_attachment)
        .service(download_attachment)
        .service(attachment_thumbnail);
}

/// Room for the form's other fields and multipart boundaries on top of the file itself.
const FORM_OVERHEAD: usize = 64 * 1024;

#[derive(Default)]
struct Form {
    file: Option<(Option<String>, Vec<u8>)>,
    kind: Option<String>,
    caption: Option<String>,
    cleared_for_export: Option<String>,
}

async fn read_form(mut payload: Multipart, limit: usize) -> Result<Form, ApiError> {
    let mut form = Form::default();
    let malformed = |_| ApiError::BadRequest("the multipart body could not be read".into());
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
        let text = || {
            String::from_utf8(data.clone())
                .map_err(|_| ApiError::validation(&name, "encoding", "must be UTF-8 text"))
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
/// Image metadata (EXIF, XMP, text chunks) is removed; thumbnails are made for images.
#[utoipa::path(
    tag = seizures::TAG,
    params(("id" = Uuid, Path, description = "The case")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, body = AttachmentDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The case is locked"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Over the upload limit"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "Unsupported or corrupt content, an image too large to decode, a kind that does not fit the content"),
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
    payload: Multipart,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::SeizuresWrite)?;
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
    {
        let mut conn = state.conn().await?;
        let case = seizures::read::find_row(&mut conn, case_id).await?;
        seizures::require_editable(&auth, &case)?;
    }

    let form = read_form(payload, limit).await?;
    let mut errors = Vec::new();
    let kind = match form.kind.as_deref().map(str::trim) {
        None | Some("") => {
            errors.push(FieldError::new(
                "kind",
                "required",
                "photo, xray or document",
            ));
            None
        }
        Some(k) => {
            let parsed = AttachmentKind::parse(k);
            if parsed.is_none() {
                errors.push(FieldError::new(
                    "kind",
                    "unknown_code",
                    "must be photo, xray or document",
                ));
            }
            parsed
        }
    };
    let caption = form
        .caption
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    if caption.as_ref().is_some_and(|c| c.chars().count() > 500) {
        errors.push(FieldError::new(
            "caption",
            "length",
            "must be at most 500 characters",
        ));
    }
    let cleared = match form.cleared_for_export.as_deref().map(str::trim) {
        None | Some("") | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            errors.push(FieldError::new(
                "cleared_for_export",
                "type",
                "must be true or false",
            ));
            false
        }
    };
    let (filename, bytes) = match form.file {
        Some((name, bytes)) if !bytes.is_empty() => (name, bytes),
        _ => {
            errors.push(FieldError::new(
                "file",
                "required",
                "a non-empty file is required",
            ));
            (None, Vec::new())
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let kind =
        kind.ok_or_else(|| ApiError::validation("kind", "required", "photo, xray or document"))?;

    let prepared = tokio::task::spawn_blocking(move || media::prepare(bytes))
        .await
        .map_err(ApiError::internal)?
        .map_err(|e| match e {
            MediaError::Unsupported => ApiError::validation(
                "file",
                "unsupported_type",
                "only JPEG, PNG, WebP, TIFF images and PDF documents are accepted",
            ),
            MediaError::Corrupt => ApiError::validation(
                "file",
                "corrupt",
                "the file could not be read as the image it claims to be",
            ),
            MediaError::TooManyPixels { width, height } => ApiError::validation(
                "file",
                "image_too_large",
                &format!(
                    "{width}×{height} pixels is more than the {} megapixels allowed",
                    media::MAX_PIXELS / 1_000_000
                ),
            ),
        })?;
    if kind != AttachmentKind::Document && !prepared.media_type.is_image() {
        return Err(ApiError::validation(
            "kind",
            "mismatch",
            "photos and X-rays must be images",
        ));
    }

    let attachment_id = Uuid::now_v7();
    let stored_type = media::stored_type(&prepared);
    let storage_key = format!(
        "seizures/{case_id}/{attachment_id}.{}",
        stored_type.extension()
    );
    let thumbnail_key = prepared
        .thumbnail
        .as_ref()
        .map(|_| format!("seizures/{case_id}/{attachment_id}-thumb.jpg"));
    let sha256 = Sha256::digest(&prepared.content).to_vec();
    let row = AttachmentRow {
        id: attachment_id,
        case_id,
        kind: kind.as_str().to_string(),
        caption,
        cleared_for_export: cleared,
        media_type: stored_type.mime().to_string(),
        original_filename: filename,
        size_bytes: prepared.content.len() as i64,
        sha256,
        width: prepared.width.map(|w| w as i32),
        height: prepared.height.map(|h| h as i32),
        storage_key: storage_key.clone(),
        thumbnail_key: thumbnail_key.clone(),
        uploaded_by: auth.id,
        uploaded_at: chrono::Utc::now(),
    };
    // Bytes first, then the row: a failed transaction leaves only an orphan object, which
    // is removed below; a row never points at missing bytes.
    state
        .storage
        .put(&storage_key, prepared.content)
        .await
        .map_err(ApiError::internal)?;
    if let (Some(key), Some(thumb)) = (&thumbnail_key, prepared.thumbnail) {
        state
            .storage
            .put(key, thumb)
            .await
            .map_err(ApiError::internal)?;
    }
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let saved = conn
        .transaction(async |conn| {
            // Re-check under the transaction: the case may have been validated meanwhile.
            let case = seizures::read::find_row(conn, case_id).await?;
            seizures::require_editable(&auth, &case)?;
            repo::insert(conn, &row).await?;
            let details = serde_json::json!({ "case_id": case_id, "kind": row.kind, "media_type": row.media_type, "size_bytes": row.size_bytes });
            record(conn, &actor, Event::new("attachment.upload").object("attachment", attachment_id).details(details)).await?;
            Ok::<_, ApiError>(())
        })
        .await;
    if let Err(err) = saved {
        let _ = state.storage.delete(&storage_key).await;
        if let Some(key) = &thumbnail_key {
            let _ = state.storage.delete(key).await;
        }
        return Err(err);
    }
    Ok(HttpResponse::Created()
        .insert_header((
            "Location",
            format!("/api/v1/attachments/{attachment_id}/content"),
        ))
        .json(AttachmentDto::from(row)))
}

async fn serve(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    id: Uuid,
    thumbnail: bool,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::SeizuresRead)?;
    let mut conn = state.conn().await?;
    let row = repo::find(&mut conn, id).await?.ok_or(ApiError::NotFound)?;
    let (key, media_type) = if thumbnail {
        (
            row.thumbnail_key.clone().ok_or(ApiError::NotFound)?,
            "image/jpeg".to_string(),
        )
    } else {
        (row.storage_key.clone(), row.media_type.clone())
    };
    let bytes = state.storage.get(&key).await.map_err(ApiError::internal)?;
    let action = if thumbnail {
        "attachment.thumbnail"
    } else {
        "attachment.download"
    };
    let details = serde_json::json!({ "case_id": row.case_id });
    record(
        &mut conn,
        &Actor::user(auth, meta),
        Event::new(action).object("attachment", id).details(details),
    )
    .await?;
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
    tag = seizures::TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, with its content type and a Content-Disposition", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
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
    tag = seizures::TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, content_type = "image/jpeg", body = Vec<u8>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
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
