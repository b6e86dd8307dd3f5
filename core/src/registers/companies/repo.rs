use super::dto::{CompanyDto, CompanyInput};
use crate::db::schema::companies;
use crate::error::Error;
use crate::registers::order::{self, After, Listed, RegisterSort};
use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = companies)]
pub struct CompanyRow {
    pub id: Uuid,
    pub name: String,
    pub aliases: Vec<String>,
    pub registration_number: Option<String>,
    pub tax_id: Option<String>,
    pub eori: Option<String>,
    pub country: Option<String>,
    pub activities: Vec<String>,
    pub status: String,
    pub addresses: Vec<String>,
    pub notes: Option<String>,
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = companies, treat_none_as_null = true)]
struct CompanyValues {
    name: String,
    aliases: Vec<String>,
    registration_number: Option<String>,
    tax_id: Option<String>,
    eori: Option<String>,
    country: Option<String>,
    activities: Vec<String>,
    status: String,
    addresses: Vec<String>,
    notes: Option<String>,
    match_latin: String,
    match_keys: Vec<String>,
    match_version: i16,
}

impl CompanyValues {
    fn from(c: &CompanyInput) -> Self {
        let (match_latin, match_keys) = crate::registers::match_keys::company_keys(c);
        CompanyValues {
            match_latin,
            match_keys,
            match_version: crate::registers::match_keys::KEYS_VERSION,
            name: c.name.clone().unwrap_or_default(),
            aliases: c.aliases.clone(),
            registration_number: c.registration_number.clone(),
            tax_id: c.tax_id.clone(),
            eori: c.eori.clone(),
            country: c.country.clone(),
            activities: c.activities.clone(),
            status: c.status.clone().unwrap_or_else(|| "active".into()),
            addresses: c.addresses.clone(),
            notes: c.notes.clone(),
        }
    }
}

pub fn to_dto(r: CompanyRow) -> CompanyDto {
    CompanyDto {
        id: r.id,
        fields: CompanyInput {
            name: Some(r.name),
            aliases: r.aliases,
            registration_number: r.registration_number,
            tax_id: r.tax_id,
            eori: r.eori,
            country: r.country,
            activities: r.activities,
            status: Some(r.status),
            addresses: r.addresses,
            notes: r.notes,
        },
        version: r.version,
        created_by: r.created_by,
        created_at: r.created_at,
        updated_by: r.updated_by,
        updated_at: r.updated_at,
    }
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    c: &CompanyInput,
    actor: Uuid,
) -> QueryResult<()> {
    diesel::insert_into(companies::table)
        .values((
            companies::id.eq(id),
            CompanyValues::from(c),
            companies::created_by.eq(actor),
            companies::updated_by.eq(actor),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    c: &CompanyInput,
    actor: Uuid,
) -> Result<(), Error> {
    let n = diesel::update(
        companies::table
            .filter(companies::id.eq(id))
            .filter(companies::version.eq(expected)),
    )
    .set((
        CompanyValues::from(c),
        companies::version.eq(companies::version + 1),
        companies::updated_at.eq(Utc::now()),
        companies::updated_by.eq(actor),
    ))
    .execute(conn)
    .await?;
    if n == 0 {
        return Err(Error::StaleVersion);
    }
    Ok(())
}

/// Companies in the order of `ids` (one query).
pub async fn load_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<CompanyDto>> {
    let rows: Vec<CompanyRow> = companies::table
        .filter(companies::id.eq_any(ids))
        .select(CompanyRow::as_select())
        .load(conn)
        .await?;
    let mut by_id: HashMap<Uuid, CompanyRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(to_dto)
        .collect())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<CompanyDto, Error> {
    load_many(conn, &[id]).await?.pop().ok_or(Error::NotFound)
}

pub async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    companies::table
        .filter(companies::id.eq_any(ids))
        .select(companies::id)
        .load(conn)
        .await
}

pub struct Filter {
    pub q: Option<String>,
    pub country: Option<String>,
    pub activity: Option<String>,
    pub sort: RegisterSort,
    pub after: Option<After>,
    pub limit: i64,
    /// Only these records (the relevance search's candidates).
    pub ids: Option<Vec<Uuid>>,
    /// The least score a record only the engine proposed needs to be listed by relevance.
    pub review: f64,
}

/// One page in the chosen order; each company with its last case and keyset position. By
/// relevance (with `q`): the engine's candidates and the text's matches, best first.
pub async fn list(conn: &mut AsyncPgConnection, f: Filter) -> QueryResult<Vec<Listed<CompanyDto>>> {
    let Some(q) = f.q.clone().filter(|_| f.sort == RegisterSort::Relevance) else {
        return list_filtered(conn, f).await;
    };
    let facts = crate::registers::relevance::company_query(&q);
    let query = ncen_matching::company::Company::prepare(&facts);
    let mut ids = crate::registers::candidates::companies_for(conn, &facts, &query).await?;
    let text = Filter {
        q: Some(q),
        sort: RegisterSort::Name,
        after: None,
        limit: crate::registers::relevance::CANDIDATES,
        ids: None,
        country: None,
        activity: None,
        review: f.review,
    };
    let text_matched: Vec<Uuid> = list_filtered(conn, text)
        .await?
        .into_iter()
        .map(|r| r.record.id)
        .collect();
    ids.extend(text_matched.iter().copied());
    ids.sort();
    ids.dedup();
    let (limit, review) = (f.limit, f.review);
    let rows = list_filtered(
        conn,
        Filter {
            q: None,
            sort: RegisterSort::Name,
            after: None,
            limit: i64::try_from(ids.len()).unwrap_or(i64::MAX),
            ids: Some(ids),
            ..f
        },
    )
    .await?;
    Ok(crate::registers::relevance::rank_companies(
        &facts,
        rows,
        &text_matched,
        review,
        limit,
    ))
}

async fn list_filtered(
    conn: &mut AsyncPgConnection,
    f: Filter,
) -> QueryResult<Vec<Listed<CompanyDto>>> {
    let mut query = companies::table
        .select((
            CompanyRow::as_select(),
            companies::search_key.assume_not_null(),
            companies::last_case_at,
        ))
        .into_boxed();
    if let Some(q) = f.q {
        let ident = crate::identifiers::normalise(&q);
        query = query.filter(
            sql::<Bool>("(companies.search_key LIKE '%' || ncen_name_key(")
                .bind::<Text, _>(q.clone())
                .sql(") || '%' OR companies.search_key %> ncen_name_key(")
                .bind::<Text, _>(q)
                .sql("))")
                .or(companies::registration_number.eq(ident.clone()))
                .or(companies::tax_id.eq(ident.clone()))
                .or(companies::eori.eq(ident)),
        );
    }
    // a merged record is found through its survivor
    query = query.filter(companies::merged_into.is_null());
    if let Some(ids) = f.ids {
        query = query.filter(companies::id.eq_any(ids));
    }
    if let Some(c) = f.country {
        query = query.filter(companies::country.eq(c));
    }
    if let Some(a) = f.activity {
        query = query.filter(companies::activities.contains(vec![a]));
    }
    query = match f.after {
        Some(After::Name(key, id)) => query.filter(order::after_name(
            "companies.search_key",
            "companies",
            key,
            id,
        )),
        Some(After::LastCase(at, id)) => query.filter(order::after_last_case("companies", at, id)),
        None => query,
    };
    query = match f.sort {
        RegisterSort::Name | RegisterSort::Relevance => {
            query.order((companies::search_key.asc(), companies::id.asc()))
        }
        RegisterSort::LastCase => query.order(order::last_case_order("companies")),
    };
    let rows: Vec<(CompanyRow, String, Option<DateTime<Utc>>)> =
        query.limit(f.limit + 1).load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(r, k, at)| Listed {
            key: order::key(f.sort, &k, at),
            last_case_at: at,
            record: to_dto(r),
        })
        .collect())
}
