//! Files over HTTP, for every module that takes or serves them: the multipart upload read
//! with its limits (`precheck`, `read`), and the download response (`download`).

use crate::error::ApiError;
use actix_multipart::Multipart;
use actix_web::error::PayloadError;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Room for the form's other fields and multipart boundaries on top of the file itself.
const FORM_OVERHEAD: usize = 64 * 1024;

/// A multipart form as read: the `file` part (its sanitised name and bytes) and the other
/// named text fields.
#[derive(Debug, Default)]
pub struct Form {
    pub file: Option<(Option<String>, Vec<u8>)>,
    pub fields: BTreeMap<String, String>,
}

/// Refuses, before reading the body, what is not `multipart/form-data` (415) or declares
/// more than `limit` plus the form's overhead (413).
pub fn precheck(req: &HttpRequest, limit: usize) -> Result<(), ApiError> {
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
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit.saturating_add(FORM_OVERHEAD)) {
        return Err(ApiError::PayloadTooLarge);
    }
    Ok(())
}

/// Reads the multipart form's parts: the whole body at most `limit + FORM_OVERHEAD` bytes,
/// counted as it arrives (a chunked body declares no length), the file at most `limit`,
/// each of the `allowed` text fields 4 KiB (UTF-8, no NUL); any other part is refused.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
    allowed: &[&str],
) -> Result<Form, ApiError> {
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
    let mut form = Form::default();
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
        if name != "file" && !allowed.contains(&name.as_str()) {
            return Err(ApiError::validation(
                &name,
                "unknown_field",
                "is not a field of this form",
            ));
        }
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
        if name == "file" {
            form.file = Some((filename, data));
            continue;
        }
        let text = match String::from_utf8(data) {
            Ok(text) if text.contains('\0') => {
                return Err(ApiError::validation(
                    &name,
                    "nul_character",
                    "text may not contain the NUL character (U+0000)",
                ))
            }
            Ok(text) => text,
            Err(_) => {
                return Err(ApiError::validation(
                    &name,
                    "encoding",
                    "must be UTF-8 text",
                ))
            }
        };
        form.fields.insert(name, text);
    }
    Ok(form)
}

/// Keeps a display name only: no path, no control characters, bounded length.
fn sanitise_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.chars().filter(|c| !c.is_control()).take(200).collect()
}

/// A stored file as a download (`attachment`) or a thumbnail shown inline, never cached.
pub fn download(
    id: uuid::Uuid,
    original: Option<&str>,
    media_type: &str,
    thumbnail: bool,
    bytes: Vec<u8>,
) -> HttpResponse {
    let ext = media_type
        .rsplit('/')
        .next()
        .unwrap_or("bin")
        .replace("jpeg", "jpg");
    let filename = match (original, thumbnail) {
        (Some(name), false) if !name.is_empty() => name.to_string(),
        _ => format!("{id}{}.{ext}", if thumbnail { "-thumb" } else { "" }),
    };
    let disposition = ContentDisposition {
        disposition: if thumbnail {
            DispositionType::Inline
        } else {
            DispositionType::Attachment
        },
        parameters: vec![DispositionParam::Filename(filename)],
    };
    HttpResponse::Ok()
        .content_type(media_type.to_string())
        .insert_header(disposition)
        .insert_header(("Cache-Control", "private, no-store"))
        .body(bytes)
}
