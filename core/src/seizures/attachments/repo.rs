use crate::db::schema::seizure_attachments;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = seizure_attachments)]
pub struct AttachmentRow {
    pub id: Uuid,
    pub case_id: Uuid,
    pub kind: String,
    pub caption: Option<String>,
    pub cleared_for_export: bool,
    pub media_type: String,
    pub original_filename: Option<String>,
    pub size_bytes: i64,
    #[serde(deserialize_with = "crate::db::json::bytea")]
    pub sha256: Vec<u8>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub storage_key: String,
    pub thumbnail_key: Option<String>,
    pub uploaded_by: Uuid,
    pub uploaded_at: DateTime<Utc>,
}

pub async fn insert(conn: &mut AsyncPgConnection, row: &AttachmentRow) -> QueryResult<()> {
    diesel::insert_into(seizure_attachments::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<AttachmentRow>> {
    seizure_attachments::table
        .find(id)
        .select(AttachmentRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// Attachments of a case, oldest first (one query, for the case view).
pub async fn of_case(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
) -> QueryResult<Vec<AttachmentRow>> {
    seizure_attachments::table
        .filter(seizure_attachments::case_id.eq(case_id))
        .order((
            seizure_attachments::uploaded_at.asc(),
            seizure_attachments::id.asc(),
        ))
        .select(AttachmentRow::as_select())
        .load(conn)
        .await
}
