//! The document of an agreement: the signed instrument (a PDF or a scan), cleaned as any upload
//! is (`files::clean`: type read from the content, metadata stripped). One current document an
//! agreement; uploading another replaces it (the earlier bytes stay in the store, named by their
//! hash, and the audit trail keeps every upload's hash). Uploading changes the agreement: its
//! version goes up. Managed and read by liaison officers; uploads and reads are audited.

use super::dto::{AgreementDocument, AgreementDto};
use super::{repo, service};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::db::schema::{exchange_agreement_documents as d, exchange_agreements as a};
use crate::error::{Error, Result};
use crate::files::media::Prepared;
use crate::files::storage::Storage;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

type Row = (
    Uuid,
    Option<String>,
    String,
    i64,
    String,
    Uuid,
    DateTime<Utc>,
);

fn columns() -> (
    d::agreement_id,
    d::filename,
    d::media_type,
    d::size_bytes,
    d::sha256,
    d::uploaded_by,
    d::uploaded_at,
) {
    (
        d::agreement_id,
        d::filename,
        d::media_type,
        d::size_bytes,
        d::sha256,
        d::uploaded_by,
        d::uploaded_at,
    )
}

fn dto(r: Row) -> (Uuid, AgreementDocument) {
    let (agreement, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at) = r;
    (
        agreement,
        AgreementDocument {
            content_url: format!("/api/v1/exchange/agreements/{agreement}/document"),
            filename,
            media_type,
            size_bytes,
            sha256,
            uploaded_by,
            uploaded_at,
        },
    )
}

/// The documents of `agreements`, by agreement.
pub(super) async fn of(
    conn: &mut AsyncPgConnection,
    agreements: &[Uuid],
) -> Result<HashMap<Uuid, AgreementDocument>> {
    let rows: Vec<Row> = d::table
        .filter(d::agreement_id.eq_any(agreements))
        .select(columns())
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(dto).collect())
}

/// Keeps `prepared` as the document of agreement `id` (404 for no such agreement), in one
/// transaction with the agreement's new version and the audit row (`exchange.agreement_document`).
pub async fn attach(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    actor: &Actor,
    who: &Principal,
    id: Uuid,
    filename: Option<String>,
    prepared: Prepared,
) -> Result<AgreementDto> {
    repo::agreement(conn, id).await?.ok_or(Error::NotFound)?;
    let sha256 = super::package::sha256_hex(&prepared.content);
    let media_type = crate::files::media::stored_type(&prepared);
    let key = format!("agreements/{id}/{sha256}.{}", media_type.extension());
    let size = i64::try_from(prepared.content.len()).unwrap_or(i64::MAX);
    storage
        .put(&key, prepared.content)
        .await
        .map_err(Error::internal)?;
    conn.transaction::<_, Error, _>(async |conn| {
        let now = Utc::now();
        let values = (
            d::agreement_id.eq(id),
            d::filename.eq(&filename),
            d::media_type.eq(media_type.mime()),
            d::size_bytes.eq(size),
            d::sha256.eq(&sha256),
            d::storage_key.eq(&key),
            d::uploaded_by.eq(who.id),
            d::uploaded_at.eq(now),
        );
        diesel::insert_into(d::table)
            .values(values)
            .on_conflict(d::agreement_id)
            .do_update()
            .set(values)
            .execute(conn)
            .await?;
        diesel::update(a::table.find(id))
            .set((a::version.eq(a::version + 1), a::updated_at.eq(now)))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.agreement_document")
            .object("agreement", id)
            .details(json!({
                "filename": filename, "media_type": media_type.mime(),
                "size": size, "sha256": sha256,
            }));
        record(conn, actor, event).await?;
        Ok(())
    })
    .await?;
    service::get_agreement(conn, id).await
}

/// The document of agreement `id` and its bytes (404 when it has none). Audited
/// (`exchange.agreement_document_read`).
pub async fn fetch(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    actor: &Actor,
    id: Uuid,
) -> Result<(AgreementDocument, Vec<u8>)> {
    let (row, key): (Row, String) = d::table
        .find(id)
        .select((columns(), d::storage_key))
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    let (_, document) = dto(row);
    let bytes = storage.get(&key).await.map_err(Error::internal)?;
    let event = Event::new("exchange.agreement_document_read")
        .object("agreement", id)
        .details(json!({ "sha256": document.sha256 }));
    record(conn, actor, event).await?;
    Ok((document, bytes))
}
