use super::repo::AttachmentRow;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Photo,
    Xray,
    Document,
}

impl AttachmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Photo => "photo",
            AttachmentKind::Xray => "xray",
            AttachmentKind::Document => "document",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            AttachmentKind::Photo,
            AttachmentKind::Xray,
            AttachmentKind::Document,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachmentDto {
    pub id: Uuid,
    pub case_id: Uuid,
    #[schema(value_type = AttachmentKind)]
    pub kind: String,
    pub caption: Option<String>,
    /// May go to CEN with the non-nominal part of the case (shows no face, plate or name).
    pub cleared_for_export: bool,
    /// Decided from the content: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
    pub media_type: String,
    pub original_filename: Option<String>,
    pub size_bytes: i64,
    /// SHA-256 of the stored content, hex.
    pub sha256: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub has_thumbnail: bool,
    /// Download URL (bearer token required).
    pub content_url: String,
    pub thumbnail_url: Option<String>,
    pub uploaded_by: Uuid,
    pub uploaded_at: DateTime<Utc>,
}

impl From<AttachmentRow> for AttachmentDto {
    fn from(r: AttachmentRow) -> Self {
        AttachmentDto {
            content_url: format!("/api/v1/attachments/{}/content", r.id),
            thumbnail_url: r
                .thumbnail_key
                .as_ref()
                .map(|_| format!("/api/v1/attachments/{}/thumbnail", r.id)),
            has_thumbnail: r.thumbnail_key.is_some(),
            id: r.id,
            case_id: r.case_id,
            kind: r.kind,
            caption: r.caption,
            cleared_for_export: r.cleared_for_export,
            media_type: r.media_type,
            original_filename: r.original_filename,
            size_bytes: r.size_bytes,
            sha256: hex::encode(&r.sha256),
            width: r.width,
            height: r.height,
            uploaded_by: r.uploaded_by,
            uploaded_at: r.uploaded_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentList {
    pub items: Vec<AttachmentDto>,
}

/// The multipart form of an upload.
// Deserialize only so that the published schema is closed: the handler refuses other parts.
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file (JPEG, PNG, WebP, TIFF or PDF; the type is read from the content).
    #[schema(value_type = String, format = Binary, min_length = 1)]
    file: Vec<u8>,
    kind: AttachmentKind,
    /// At most 500 characters.
    #[schema(max_length = 500, nullable = false)]
    caption: Option<String>,
    /// Default `false`.
    #[schema(nullable = false)]
    cleared_for_export: Option<bool>,
}
