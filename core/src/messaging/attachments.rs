//! Files sent with messages or written into an investigation's journal. An upload goes
//! through the attachment pipeline (`crate::files::clean`: type from the content, metadata
//! stripped, thumbnail) and waits, held by its uploader, until a message or a journal entry
//! takes it (`link`); from then on whoever reads the thread (or the investigation: its
//! route checks that, `journal_file`) may download it, and every download is audited.
//! Uploads nothing took are purged after `PENDING_HOURS`.

use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::Checker;
use crate::db::schema::message_attachments as a;
use crate::error::{Error, Result};
use crate::files::media::{self, Prepared};
use crate::files::storage::Storage;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

/// The most files one message takes.
pub const MAX_PER_MESSAGE: usize = 10;
/// How long an upload waits for its message.
pub const PENDING_HOURS: i64 = 24;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct Row {
    pub id: Uuid,
    pub message_id: Option<Uuid>,
    pub uploaded_by: Uuid,
    pub original_filename: Option<String>,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: Vec<u8>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub storage_key: String,
    pub thumbnail_key: Option<String>,
    pub created_at: DateTime<Utc>,
    pub journal_entry_id: Option<Uuid>,
}

/// What takes an upload.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Message(Uuid),
    JournalEntry(Uuid),
}

/// A file sent with a message (or uploaded for one).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageAttachmentDto {
    pub id: Uuid,
    /// The message that took it; null while it waits for one.
    pub message_id: Option<Uuid>,
    pub original_filename: Option<String>,
    /// Decided from the content: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
    pub media_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the stored content, hex.
    pub sha256: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// Download URL (bearer token required).
    pub content_url: String,
    pub thumbnail_url: Option<String>,
    pub uploaded_by: Uuid,
    pub uploaded_at: DateTime<Utc>,
}

impl From<Row> for MessageAttachmentDto {
    fn from(r: Row) -> Self {
        let base = format!("/api/v1/message-attachments/{}", r.id);
        MessageAttachmentDto::at(r, &base)
    }
}

impl MessageAttachmentDto {
    /// A journal entry's file, downloaded through its investigation.
    pub fn of_journal(r: Row, investigation: Uuid) -> Self {
        let base = format!(
            "/api/v1/investigations/{investigation}/journal-files/{}",
            r.id
        );
        MessageAttachmentDto::at(r, &base)
    }

    fn at(r: Row, base: &str) -> Self {
        MessageAttachmentDto {
            content_url: format!("{base}/content"),
            thumbnail_url: r
                .thumbnail_key
                .as_ref()
                .map(|_| format!("{base}/thumbnail")),
            id: r.id,
            message_id: r.message_id,
            original_filename: r.original_filename,
            media_type: r.media_type,
            size_bytes: r.size_bytes,
            sha256: hex::encode(&r.sha256),
            width: r.width,
            height: r.height,
            uploaded_by: r.uploaded_by,
            uploaded_at: r.created_at,
        }
    }
}

/// Keeps a cleaned upload for the caller: bytes first, then the row and its audit row; a
/// failed transaction removes the bytes again.
pub async fn store(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    who: &Principal,
    actor: &Actor,
    filename: Option<String>,
    prepared: Prepared,
) -> Result<MessageAttachmentDto> {
    let id = Uuid::now_v7();
    let stored_type = media::stored_type(&prepared);
    let storage_key = format!("messages/{id}.{}", stored_type.extension());
    let thumbnail_key = prepared
        .thumbnail
        .as_ref()
        .map(|_| format!("messages/{id}-thumb.jpg"));
    let row = Row {
        id,
        message_id: None,
        uploaded_by: who.id,
        original_filename: filename,
        media_type: stored_type.mime().to_string(),
        size_bytes: i64::try_from(prepared.content.len()).unwrap_or(i64::MAX),
        sha256: Sha256::digest(&prepared.content).to_vec(),
        width: prepared.width.and_then(|w| i32::try_from(w).ok()),
        height: prepared.height.and_then(|h| i32::try_from(h).ok()),
        storage_key: storage_key.clone(),
        thumbnail_key: thumbnail_key.clone(),
        created_at: Utc::now(),
        journal_entry_id: None,
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
            diesel::insert_into(a::table)
                .values(&row)
                .execute(conn)
                .await?;
            let details =
                serde_json::json!({ "media_type": row.media_type, "size_bytes": row.size_bytes });
            let event = Event::new("message_attachment.upload")
                .object("message_attachment", id)
                .details(details);
            record(conn, actor, event).await?;
            Ok::<_, Error>(())
        })
        .await;
    if let Err(err) = saved {
        remove_bytes(storage, &row).await;
        return Err(err);
    }
    Ok(row.into())
}

async fn remove_bytes(storage: &Storage, row: &Row) {
    let _ = storage.delete(&row.storage_key).await;
    if let Some(key) = &row.thumbnail_key {
        let _ = storage.delete(key).await;
    }
}

/// Checks that each id names an upload of the sender that nothing took yet (field errors at
/// `attachment_ids[i]`).
pub async fn check_pending(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    sender: Uuid,
    ids: &[Uuid],
) -> Result<()> {
    if ids.len() > MAX_PER_MESSAGE {
        ck.push(
            "attachment_ids",
            "length",
            format!("at most {MAX_PER_MESSAGE} files"),
        );
    }
    let pending: Vec<Uuid> = a::table
        .filter(a::id.eq_any(ids))
        .filter(a::uploaded_by.eq(sender))
        .filter(a::message_id.is_null())
        .filter(a::journal_entry_id.is_null())
        .select(a::id)
        .load(conn)
        .await?;
    for (i, id) in ids.iter().enumerate() {
        if !pending.contains(id) {
            ck.push(
                format!("attachment_ids[{i}]"),
                "not_found",
                "no upload of yours waiting to be sent",
            );
        }
    }
    Ok(())
}

/// Gives the sender's pending uploads to a message or a journal entry, in its transaction.
/// Another one taking a file meanwhile is a conflict.
pub async fn link(
    conn: &mut AsyncPgConnection,
    sender: Uuid,
    owner: Owner,
    ids: &[Uuid],
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let pending = a::table
        .filter(a::id.eq_any(ids))
        .filter(a::uploaded_by.eq(sender))
        .filter(a::message_id.is_null())
        .filter(a::journal_entry_id.is_null());
    let taken = match owner {
        Owner::Message(m) => diesel::update(pending)
            .set(a::message_id.eq(m))
            .execute(conn),
        Owner::JournalEntry(e) => diesel::update(pending)
            .set(a::journal_entry_id.eq(e))
            .execute(conn),
    }
    .await?;
    let mut distinct = ids.to_vec();
    distinct.sort();
    distinct.dedup();
    if taken != distinct.len() {
        return Err(Error::Conflict(
            "an attachment was sent with another message or entry meanwhile".into(),
        ));
    }
    Ok(())
}

/// The files of a thread's messages.
pub async fn of_thread(conn: &mut AsyncPgConnection, thread: Uuid) -> Result<Vec<Row>> {
    use crate::db::schema::messages as m;
    Ok(a::table
        .inner_join(m::table.on(a::message_id.eq(m::id.nullable())))
        .filter(m::thread_id.eq(thread))
        .order((a::created_at.asc(), a::id.asc()))
        .select(Row::as_select())
        .load(conn)
        .await?)
}

/// The files of journal entries, oldest first.
pub async fn of_journal_entries(
    conn: &mut AsyncPgConnection,
    entries: &[Uuid],
) -> Result<Vec<Row>> {
    Ok(a::table
        .filter(a::journal_entry_id.eq_any(entries))
        .order((a::created_at.asc(), a::id.asc()))
        .select(Row::as_select())
        .load(conn)
        .await?)
}

/// A journal file's bytes (or its thumbnail's) and media type, when it belongs to an entry of
/// `investigation` — the caller has checked that `who` may read that investigation; the
/// download is audited. Anything else: `NotFound`.
pub async fn journal_file(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    actor: &Actor,
    investigation: Uuid,
    id: Uuid,
    thumbnail: bool,
) -> Result<(Row, String, Vec<u8>)> {
    use crate::db::schema::investigation_journal as j;
    let row: Row = a::table
        .inner_join(j::table.on(a::journal_entry_id.eq(j::id.nullable())))
        .filter(a::id.eq(id))
        .filter(j::investigation_id.eq(investigation))
        .select(Row::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    let (media_type, bytes) = bytes_of(storage, &row, thumbnail).await?;
    let event = Event::new(if thumbnail {
        "investigation.journal_file_thumbnail"
    } else {
        "investigation.journal_file_download"
    })
    .object("investigation", investigation)
    .details(serde_json::json!({ "file": id, "entry": row.journal_entry_id }));
    record(conn, actor, event).await?;
    Ok((row, media_type, bytes))
}

async fn bytes_of(storage: &Storage, row: &Row, thumbnail: bool) -> Result<(String, Vec<u8>)> {
    let (key, media_type) = if thumbnail {
        (
            row.thumbnail_key.clone().ok_or(Error::NotFound)?,
            "image/jpeg".to_string(),
        )
    } else {
        (row.storage_key.clone(), row.media_type.clone())
    };
    let bytes = storage.get(&key).await.map_err(Error::internal)?;
    Ok((media_type, bytes))
}

/// A file's bytes (or its thumbnail's) and media type, for the uploader while it waits, and
/// for whoever reads its thread once sent; the download is audited. Anyone else (and a
/// journal entry's file: its investigation's route serves it): `NotFound`.
pub async fn fetch(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    thumbnail: bool,
) -> Result<(Row, String, Vec<u8>)> {
    let row: Row = a::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    if row.journal_entry_id.is_some() {
        return Err(Error::NotFound);
    }
    let thread = match row.message_id {
        None if row.uploaded_by == who.id => None,
        None => return Err(Error::NotFound),
        Some(message) => {
            use crate::db::schema::messages as m;
            let thread: Uuid = m::table
                .find(message)
                .select(m::thread_id)
                .first(conn)
                .await?;
            repo::visible(conn, thread, who.id, who.unit_id)
                .await?
                .ok_or(Error::NotFound)?;
            Some(thread)
        }
    };
    let (media_type, bytes) = bytes_of(storage, &row, thumbnail).await?;
    let action = if thumbnail {
        "message_attachment.thumbnail"
    } else {
        "message_attachment.download"
    };
    let event = Event::new(action)
        .object("message_attachment", id)
        .details(serde_json::json!({ "thread_id": thread }));
    record(conn, actor, event).await?;
    Ok((row, media_type, bytes))
}

/// Removes uploads nothing took within `PENDING_HOURS`, bytes and rows; returns how many.
pub async fn purge_pending(conn: &mut AsyncPgConnection, storage: &Storage) -> Result<usize> {
    let cutoff = Utc::now() - chrono::Duration::hours(PENDING_HOURS);
    let rows: Vec<Row> = diesel::delete(
        a::table
            .filter(a::message_id.is_null())
            .filter(a::journal_entry_id.is_null())
            .filter(a::created_at.lt(cutoff)),
    )
    .returning(Row::as_returning())
    .get_results(conn)
    .await?;
    for row in &rows {
        remove_bytes(storage, row).await;
    }
    Ok(rows.len())
}

/// The multipart form of an upload for a message: one part, `file`.
// Deserialize only so that the published schema is closed: the handler refuses other parts.
#[derive(ToSchema, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct MessageUploadForm {
    /// The file (JPEG, PNG, WebP, TIFF or PDF; the type is read from the content).
    #[schema(value_type = String, format = Binary, min_length = 1)]
    file: Vec<u8>,
}
