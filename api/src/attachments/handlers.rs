use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::files;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, NotFound, UnsupportedMedia};
use crate::seizures::TAG as SEIZURES_TAG;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use ncen_core::seizures::attachments::dto::{AttachmentDto, UploadForm};
use ncen_core::seizures::attachments::{self as attachments, FormFields};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload_attachment)
        .service(download_attachment)
        .service(attachment_thumbnail);
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
    let limit = state.settings.upload_limit;
    files::precheck(&req, limit)?;
    // Refuse before reading the body when the case cannot take attachments.
    // The connection goes back to the pool before the (possibly slow) upload is read.
    attachments::check_case(&mut *state.conn().await?, &auth, case_id).await?;
    let form = files::read(
        &req,
        payload,
        limit,
        &["kind", "caption", "cleared_for_export"],
    )
    .await?;
    let field = |name: &str| form.fields.get(name).cloned();
    let mut upload = attachments::check_form(FormFields {
        kind: field("kind"),
        caption: field("caption"),
        cleared_for_export: field("cleared_for_export"),
        file: form.file,
    })?;
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
    Ok(files::download(
        row.id,
        row.original_filename.as_deref(),
        &media_type,
        thumbnail,
        bytes,
    ))
}

/// Downloads an attachment (audited).
#[utoipa::path(
    tag = SEIZURES_TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, with its content type and a Content-Disposition",
         content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"),
                 (Vec<u8> = "application/pdf"))),
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
