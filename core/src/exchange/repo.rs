use super::dto::PackageStatus;
use super::model::{AgreementChanges, AgreementRow, PartnerChanges, PartnerRow};
use crate::db::schema::{exchange_agreements, exchange_outbox, exchange_partners};
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

/// A package row with its body's size.
pub type Outbox = (super::model::OutboxRow, Option<i64>);

fn outbox_columns() -> (
    diesel::helper_types::AsSelect<super::model::OutboxRow, diesel::pg::Pg>,
    diesel::expression::SqlLiteral<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>,
) {
    (
        super::model::OutboxRow::as_select(),
        diesel::dsl::sql::<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>(
            "octet_length(exchange_outbox.body)::bigint",
        ),
    )
}

pub async fn insert_outbox(
    conn: &mut AsyncPgConnection,
    row: &super::model::NewOutbox,
) -> QueryResult<Outbox> {
    diesel::insert_into(exchange_outbox::table)
        .values(row)
        .returning(outbox_columns())
        .get_result(conn)
        .await
}

pub async fn outbox(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Outbox>> {
    exchange_outbox::table
        .find(id)
        .select(outbox_columns())
        .first(conn)
        .await
        .optional()
}

/// A package, locked until the transaction ends.
pub async fn outbox_for_update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<Outbox>> {
    exchange_outbox::table
        .find(id)
        .select(outbox_columns())
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// A package's signed body, once approved.
pub async fn outbox_body(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Vec<u8>>> {
    Ok(exchange_outbox::table
        .find(id)
        .select(exchange_outbox::body)
        .first::<Option<Vec<u8>>>(conn)
        .await
        .optional()?
        .flatten())
}

/// For each of `ids` withdrawn: its latest withdrawal not refused by the partner nor failed.
pub async fn withdrawn_by(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<std::collections::HashMap<Uuid, Uuid>> {
    let rows: Vec<(Option<Uuid>, Uuid)> = exchange_outbox::table
        .filter(exchange_outbox::withdraws.eq_any(ids))
        .filter(exchange_outbox::status.ne_all([PackageStatus::Rejected, PackageStatus::Failed]))
        .order(exchange_outbox::created_at.asc())
        .select((exchange_outbox::withdraws, exchange_outbox::id))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(of, id)| of.map(|of| (of, id)))
        .collect())
}

/// Newest first, at most 500; `mine`: only that user's requests.
pub async fn outbox_list(
    conn: &mut AsyncPgConnection,
    mine: Option<Uuid>,
    status: Option<PackageStatus>,
) -> QueryResult<Vec<Outbox>> {
    let mut query = exchange_outbox::table
        .select(outbox_columns())
        .order((
            exchange_outbox::created_at.desc(),
            exchange_outbox::id.desc(),
        ))
        .limit(500)
        .into_boxed();
    if let Some(user) = mine {
        query = query.filter(exchange_outbox::requested_by.eq(user));
    }
    if let Some(status) = status {
        query = query.filter(exchange_outbox::status.eq(status));
    }
    query.load(conn).await
}

pub async fn approve_outbox(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    approver: Uuid,
    agreement: Uuid,
    body: Vec<u8>,
    sha: &str,
) -> Result<Outbox, Error> {
    let now = Utc::now();
    diesel::update(
        exchange_outbox::table
            .filter(exchange_outbox::id.eq(id))
            .filter(exchange_outbox::version.eq(expected)),
    )
    .set((
        exchange_outbox::status.eq(PackageStatus::Pending),
        exchange_outbox::approved_by.eq(approver),
        exchange_outbox::decided_at.eq(now),
        exchange_outbox::agreement_id.eq(agreement),
        exchange_outbox::body.eq(body),
        exchange_outbox::body_sha256.eq(sha),
        exchange_outbox::next_attempt_at.eq(now),
        exchange_outbox::version.eq(exchange_outbox::version + 1),
        exchange_outbox::updated_at.eq(now),
    ))
    .returning(outbox_columns())
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)
}

pub async fn decline_outbox(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    who: Uuid,
    reason: &str,
) -> Result<Outbox, Error> {
    let now = Utc::now();
    diesel::update(
        exchange_outbox::table
            .filter(exchange_outbox::id.eq(id))
            .filter(exchange_outbox::version.eq(expected)),
    )
    .set((
        exchange_outbox::status.eq(PackageStatus::Declined),
        exchange_outbox::approved_by.eq(who),
        exchange_outbox::decided_at.eq(now),
        exchange_outbox::decline_reason.eq(reason),
        exchange_outbox::version.eq(exchange_outbox::version + 1),
        exchange_outbox::updated_at.eq(now),
    ))
    .returning(outbox_columns())
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)
}

/// Case references by id.
pub async fn case_references(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<std::collections::HashMap<Uuid, String>> {
    use crate::db::schema::seizure_cases;
    Ok(seizure_cases::table
        .filter(seizure_cases::id.eq_any(ids))
        .select((seizure_cases::id, seizure_cases::reference))
        .load::<(Uuid, String)>(conn)
        .await?
        .into_iter()
        .collect())
}
