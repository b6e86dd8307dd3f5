//! Attachments of seizure cases: photos, X-ray images and documents. The type is decided by
//! the content, image metadata is stripped, thumbnails are made (`crate::files::media`), and
//! every download is audited. Attachments belong to their case, so they live in the seizure
//! module: changing them follows the case's own rule (`require_editable`).

pub mod dto;
pub mod repo;

use self::dto::{AttachmentDto, AttachmentKind};
use self::repo::AttachmentRow;
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::error::{Error, FieldError, Result};
use crate::files::media::{self, Prepared, Processing};
use crate::files::storage::Storage;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The most characters a caption may have.
pub const MAX_CAPTION: usize = 500;

/// The form fields of an upload, as received (multipart parts as text).
#[derive(Debug, Default)]
pub struct FormFields {
    pub kind: Option<String>,
    pub caption: Option<String>,
    pub cleared_for_export: Option<String>,
    /// The file's name as sent, and its bytes.
    pub file: Option<(Option<String>, Vec<u8>)>,
}

/// An upload whose fields were checked.
pub struct Upload {
    pub kind: AttachmentKind,
    pub caption: Option<String>,
    pub cleared_for_export: bool,
    pub filename: Option<String>,
    pub bytes: Vec<u8>,
}

/// Refuses an upload to a case the caller may not change (before its body is read).
pub async fn check_case(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    case_id: Uuid,
) -> Result<()> {
    who.require(Permission::SeizuresWrite)?;
    let case = super::read::find_row(conn, case_id).await?;
    super::require_editable(who, &case)
}

/// Checks the form's fields; every problem at its field.
pub fn check_form(form: FormFields) -> Result<Upload> {
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
    // counted as sent, as the published `maxLength`
    if form
        .caption
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_CAPTION)
    {
        errors.push(FieldError::new(
            "caption",
            "length",
            "must be at most 500 characters",
        ));
    }
    let caption = form
        .caption
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    let cleared_for_export = match form.cleared_for_export.as_deref().map(str::trim) {
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
        return Err(Error::Validation(errors));
    }
    let kind =
        kind.ok_or_else(|| Error::validation("kind", "required", "photo, xray or document"))?;
    Ok(Upload {
        kind,
        caption,
        cleared_for_export,
        filename,
        bytes,
    })
}

/// Reads the file's real type (the kind must fit it), then cleans it and makes the
/// thumbnail within the bounds of `processing` (a blocking thread, a limited number at a
/// time, the image's size checked from its header first). Takes the upload's bytes.
pub async fn prepare(upload: &mut Upload, processing: &Processing) -> Result<Prepared> {
    let media_type = media::sniff(&upload.bytes).ok_or_else(|| {
        Error::validation(
            "file",
            "unsupported_type",
            "only JPEG, PNG, WebP, TIFF images and PDF documents are accepted",
        )
    })?;
    if upload.kind != AttachmentKind::Document && !media_type.is_image() {
        return Err(Error::validation(
            "kind",
            "mismatch",
            "photos and X-rays must be images",
        ));
    }
    let bytes = std::mem::take(&mut upload.bytes);
    crate::files::clean(bytes, processing).await
}

/// Keeps a prepared upload: the bytes first, then the row and its audit row in one
/// transaction that re-checks the case (it may have been validated meanwhile). A failed
/// transaction removes the bytes again, so a row never points at missing bytes.
pub async fn store(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    who: &Principal,
    actor: &Actor,
    case_id: Uuid,
    upload: Upload,
    prepared: Prepared,
) -> Result<AttachmentDto> {
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
    let row = AttachmentRow {
        id: attachment_id,
        case_id,
        kind: upload.kind.as_str().to_string(),
        caption: upload.caption,
        cleared_for_export: upload.cleared_for_export,
        media_type: stored_type.mime().to_string(),
        original_filename: upload.filename,
        size_bytes: prepared.content.len() as i64,
        sha256: Sha256::digest(&prepared.content).to_vec(),
        width: prepared.width.map(|w| w as i32),
        height: prepared.height.map(|h| h as i32),
        storage_key: storage_key.clone(),
        thumbnail_key: thumbnail_key.clone(),
        uploaded_by: who.id,
        uploaded_at: chrono::Utc::now(),
    };
    storage
        .put(&storage_key, prepared.content)
        .await
        .map_err(Error::internal)?;
    if let (Some(key), Some(thumb)) = (&thumbnail_key, prepared.thumbnail) {
        storage.put(key, thumb).await.map_err(Error::internal)?;
    }
    let saved = conn
        .transaction(async |conn| {
            let case = super::read::find_row(conn, case_id).await?;
            super::require_editable(who, &case)?;
            repo::insert(conn, &row).await?;
            let details = serde_json::json!({ "case_id": case_id, "kind": row.kind, "media_type": row.media_type, "size_bytes": row.size_bytes });
            let event = Event::new("attachment.upload")
                .object("attachment", attachment_id)
                .details(details);
            record(conn, actor, event).await?;
            Ok::<_, Error>(())
        })
        .await;
    if let Err(err) = saved {
        let _ = storage.delete(&storage_key).await;
        if let Some(key) = &thumbnail_key {
            let _ = storage.delete(key).await;
        }
        return Err(err);
    }
    Ok(AttachmentDto::from(row))
}

/// An attachment's bytes (or its thumbnail's) as kept, with its row; the download is
/// audited. `NotFound` for an unknown attachment or a missing thumbnail.
pub async fn fetch(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    thumbnail: bool,
) -> Result<(AttachmentRow, String, Vec<u8>)> {
    who.require(Permission::SeizuresRead)?;
    let row = repo::find(conn, id).await?.ok_or(Error::NotFound)?;
    let case = super::read::find_row(conn, row.case_id).await?;
    super::require_visible(who, &case)?;
    let (key, media_type) = if thumbnail {
        (
            row.thumbnail_key.clone().ok_or(Error::NotFound)?,
            "image/jpeg".to_string(),
        )
    } else {
        (row.storage_key.clone(), row.media_type.clone())
    };
    let bytes = storage.get(&key).await.map_err(Error::internal)?;
    let action = if thumbnail {
        "attachment.thumbnail"
    } else {
        "attachment.download"
    };
    let details = serde_json::json!({ "case_id": row.case_id });
    record(
        conn,
        actor,
        Event::new(action).object("attachment", id).details(details),
    )
    .await?;
    Ok((row, media_type, bytes))
}
