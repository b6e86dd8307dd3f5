use super::model::{AgreementChanges, AgreementRow, PartnerChanges, PartnerRow};
use crate::db::schema::{exchange_agreements, exchange_partners};
use crate::error::Error;
use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

pub async fn partners(conn: &mut AsyncPgConnection) -> QueryResult<Vec<PartnerRow>> {
    exchange_partners::table
        .select(PartnerRow::as_select())
        .order((exchange_partners::name.asc(), exchange_partners::id.asc()))
        .load(conn)
        .await
}

pub async fn partner(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<PartnerRow>> {
    exchange_partners::table
        .find(id)
        .select(PartnerRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// The partner a key belongs to (a package is attributed by the key that signed it).
pub async fn partner_by_key(
    conn: &mut AsyncPgConnection,
    public_key: &str,
) -> QueryResult<Option<PartnerRow>> {
    exchange_partners::table
        .filter(exchange_partners::public_key.eq(public_key))
        .select(PartnerRow::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert_partner(conn: &mut AsyncPgConnection, row: &PartnerRow) -> QueryResult<()> {
    diesel::insert_into(exchange_partners::table)
        .values(row.clone())
        .execute(conn)
        .await
        .map(drop)
}

pub async fn update_partner(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    changes: PartnerChanges,
) -> Result<PartnerRow, Error> {
    diesel::update(
        exchange_partners::table
            .filter(exchange_partners::id.eq(id))
            .filter(exchange_partners::version.eq(expected)),
    )
    .set((
        changes,
        exchange_partners::version.eq(exchange_partners::version + 1),
        exchange_partners::updated_at.eq(Utc::now()),
    ))
    .returning(PartnerRow::as_returning())
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)
}

pub async fn agreements(
    conn: &mut AsyncPgConnection,
    partner: Option<Uuid>,
) -> QueryResult<Vec<AgreementRow>> {
    let mut query = exchange_agreements::table
        .select(AgreementRow::as_select())
        .order((
            exchange_agreements::valid_from.desc(),
            exchange_agreements::id.asc(),
        ))
        .into_boxed();
    if let Some(partner) = partner {
        query = query.filter(exchange_agreements::partner_id.eq(partner));
    }
    query.load(conn).await
}

pub async fn agreement(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<AgreementRow>> {
    exchange_agreements::table
        .find(id)
        .select(AgreementRow::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert_agreement(conn: &mut AsyncPgConnection, row: &AgreementRow) -> QueryResult<()> {
    diesel::insert_into(exchange_agreements::table)
        .values(row.clone())
        .execute(conn)
        .await
        .map(drop)
}

pub async fn update_agreement(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    changes: AgreementChanges,
) -> Result<AgreementRow, Error> {
    diesel::update(
        exchange_agreements::table
            .filter(exchange_agreements::id.eq(id))
            .filter(exchange_agreements::version.eq(expected)),
    )
    .set((
        changes,
        exchange_agreements::version.eq(exchange_agreements::version + 1),
        exchange_agreements::updated_at.eq(Utc::now()),
    ))
    .returning(AgreementRow::as_returning())
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)
}
