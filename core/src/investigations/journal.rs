//! The journal: dated entries of what was done, learnt and decided — append-only (the
//! database refuses any change); a correction is a new entry naming the one it corrects.

use super::timeline::{event, EventKind};
use super::{require, visible, workflow::Standing, writable};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::Checker;
use crate::common::names::{self, Named};
use crate::common::page;
use crate::db::schema::investigation_journal as j;
use crate::error::{Error, Result};
use crate::messaging::attachments::{self, MessageAttachmentDto, Owner};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// `action` (what was done), `finding` (what was learnt), `decision` (what was decided),
    /// `note`.
    pub enum EntryKind {
        Action = "action",
        Finding = "finding",
        Decision = "decision",
        Note = "note",
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JournalInput {
    #[schema(required = true, value_type = EntryKind)]
    pub kind: Option<String>,
    /// When it happened (default: now; not in the future).
    pub occurred_at: Option<DateTime<Utc>>,
    #[schema(required = true, value_type = String, min_length = 1, max_length = 20000)]
    pub body: Option<String>,
    /// The entry this one corrects (of the same investigation).
    pub corrects_id: Option<Uuid>,
    /// Files uploaded first (`POST /message-attachments`: the attachment pipeline), at most
    /// 10; the entry takes them.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JournalEntry {
    pub id: Uuid,
    /// 1, 2, 3… in the order written.
    pub seq: i32,
    pub kind: EntryKind,
    pub occurred_at: DateTime<Utc>,
    pub body: String,
    pub corrects_id: Option<Uuid>,
    /// The entries that correct this one.
    pub corrected_by: Vec<Uuid>,
    /// Its files (photos, scans), downloaded through the investigation (audited).
    pub attachments: Vec<MessageAttachmentDto>,
    pub author: Named,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Journal {
    pub items: Vec<JournalEntry>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct JournalQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

type Row = (
    Uuid,
    i32,
    EntryKind,
    DateTime<Utc>,
    String,
    Option<Uuid>,
    Uuid,
    DateTime<Utc>,
);

async fn entries(
    conn: &mut AsyncPgConnection,
    rows: Vec<Row>,
    id: Uuid,
) -> Result<Vec<JournalEntry>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let corrections: Vec<(Uuid, Option<Uuid>)> = j::table
        .filter(j::investigation_id.eq(id).and(j::corrects_id.eq_any(&ids)))
        .order(j::seq.asc())
        .select((j::id, j::corrects_id))
        .load(conn)
        .await?;
    let authors: Vec<Uuid> = rows.iter().map(|r| r.6).collect();
    let users = names::user_names(conn, &authors).await?;
    let mut files = attachments::of_journal_entries(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| JournalEntry {
            attachments: files
                .extract_if(.., |f| f.journal_entry_id == Some(r.0))
                .map(|f| MessageAttachmentDto::of_journal(f, id))
                .collect(),
            corrected_by: corrections
                .iter()
                .filter(|c| c.1 == Some(r.0))
                .map(|c| c.0)
                .collect(),
            id: r.0,
            seq: r.1,
            kind: r.2,
            occurred_at: r.3,
            body: r.4,
            corrects_id: r.5,
            author: names::named(&users, r.6),
            created_at: r.7,
        })
        .collect())
}

const COLUMNS: (
    j::id,
    j::seq,
    j::kind,
    j::occurred_at,
    j::body,
    j::corrects_id,
    j::author_id,
    j::created_at,
) = (
    j::id,
    j::seq,
    j::kind,
    j::occurred_at,
    j::body,
    j::corrects_id,
    j::author_id,
    j::created_at,
);

/// The journal in the order written (audited).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    q: JournalQuery,
) -> Result<Journal> {
    let limit = page::limit(q.limit)?;
    let after: Option<i32> = page::decode_cursor(q.cursor.as_deref())?;
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let rows: Vec<Row> = j::table
            .filter(
                j::investigation_id
                    .eq(id)
                    .and(j::seq.gt(after.unwrap_or(0))),
            )
            .order(j::seq.asc())
            .limit(limit + 1)
            .select(COLUMNS)
            .load(conn)
            .await?;
        let (rows, next_cursor) = page::cut(rows, limit, |r| r.1);
        record(
            conn,
            actor,
            Event::new("investigation.read")
                .object("investigation", id)
                .details(json!({ "part": "journal" })),
        )
        .await?;
        Ok(Journal {
            items: entries(conn, rows, id).await?,
            next_cursor,
        })
    })
    .await
}

/// Writes an entry (any team member; not in a closed investigation).
pub async fn add(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: JournalInput,
) -> Result<JournalEntry> {
    let mut ck = Checker::new();
    let kind_text = ck.text("kind", input.kind, 32);
    let kind = match kind_text.as_deref() {
        None => {
            ck.push("kind", "required", "is required");
            None
        }
        Some(k) => {
            let parsed = EntryKind::parse(k);
            if parsed.is_none() {
                ck.push(
                    "kind",
                    "unknown_code",
                    "must be one of: action, finding, decision, note",
                );
            }
            parsed
        }
    };
    let body = ck.required("body", input.body, 20000);
    let now = Utc::now();
    let occurred_at = input.occurred_at.unwrap_or(now);
    if occurred_at > now + chrono::Duration::minutes(5) {
        ck.push("occurred_at", "range", "must not be in the future");
    }
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Member)?;
        if let Some(c) = input.corrects_id {
            let same: bool = diesel::select(diesel::dsl::exists(
                j::table.filter(j::id.eq(c).and(j::investigation_id.eq(id))),
            ))
            .get_result(conn)
            .await?;
            if !same {
                ck.push("corrects_id", "not_found", "no such entry in this journal");
            }
        }
        if occurred_at.date_naive() < inv.opened_on - chrono::Duration::days(3650) {
            ck.push("occurred_at", "range", "is too far in the past");
        }
        attachments::check_pending(conn, &mut ck, who.id, &input.attachment_ids).await?;
        std::mem::take(&mut ck).finish()?;
        let kind = kind.ok_or_else(|| Error::validation("kind", "required", "is required"))?;
        // one writer at a time per journal: the sequence has no gaps and no duplicates
        super::repo::lock(conn, id).await?;
        let last: Option<i32> = j::table
            .filter(j::investigation_id.eq(id))
            .select(diesel::dsl::max(j::seq))
            .first(conn)
            .await?;
        let seq = last.unwrap_or(0) + 1;
        let entry = Uuid::now_v7();
        diesel::insert_into(j::table)
            .values((
                j::id.eq(entry),
                j::investigation_id.eq(id),
                j::seq.eq(seq),
                j::kind.eq(kind.as_str()),
                j::occurred_at.eq(occurred_at),
                j::body.eq(&body),
                j::corrects_id.eq(input.corrects_id),
                j::author_id.eq(who.id),
            ))
            .execute(conn)
            .await?;
        attachments::link(
            conn,
            who.id,
            Owner::JournalEntry(entry),
            &input.attachment_ids,
        )
        .await?;
        event(
            conn,
            id,
            Some(who.id),
            EventKind::Journal,
            Some(entry),
            json!({ "seq": seq, "kind": kind, "corrects_id": input.corrects_id }),
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("investigation.journal_add")
                .object("investigation", id)
                .details(json!({ "entry": entry, "seq": seq, "files": input.attachment_ids })),
        )
        .await?;
        let row: Row = j::table.find(entry).select(COLUMNS).first(conn).await?;
        entries(conn, vec![row], id)
            .await?
            .into_iter()
            .next()
            .ok_or(Error::NotFound)
    })
    .await
}

/// A file of the journal, for whoever may read the journal (audited); anyone else, and a
/// file of another investigation: `NotFound`.
pub async fn file(
    conn: &mut AsyncPgConnection,
    storage: &crate::files::storage::Storage,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    file: Uuid,
    thumbnail: bool,
) -> Result<(attachments::Row, String, Vec<u8>)> {
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        attachments::journal_file(conn, storage, actor, id, file, thumbnail).await
    })
    .await
}
