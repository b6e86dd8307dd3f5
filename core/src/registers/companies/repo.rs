use super::dto::{CompanyDto, CompanyInput};
use crate::db::schema::{companies, company_keys, company_people, company_typologies};
use crate::error::Error;
use crate::registers::order::{self, After, Listed, RegisterSort};
use chrono::{DateTime, NaiveDate, Utc};
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
    pub addresses: serde_json::Value,
    pub notes: Option<String>,
    pub legal_form: Option<String>,
    pub status_since: Option<NaiveDate>,
    pub incorporated_on: Option<NaiveDate>,
    pub incorporation_country: Option<String>,
    pub former_names: serde_json::Value,
    pub identifiers: serde_json::Value,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub websites: Vec<String>,
    pub hs_chapters: Vec<String>,
    pub trade_countries: Vec<String>,
    pub risk_score: i32,
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
    addresses: serde_json::Value,
    notes: Option<String>,
    legal_form: Option<String>,
    status_since: Option<NaiveDate>,
    incorporated_on: Option<NaiveDate>,
    incorporation_country: Option<String>,
    former_names: serde_json::Value,
    identifiers: serde_json::Value,
    phones: Vec<String>,
    emails: Vec<String>,
    websites: Vec<String>,
    hs_chapters: Vec<String>,
    trade_countries: Vec<String>,
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
            addresses: json(&c.addresses),
            notes: c.notes.clone(),
            legal_form: c.legal_form.clone(),
            status_since: c.status_since,
            incorporated_on: c.incorporated_on,
            incorporation_country: c.incorporation_country.clone(),
            former_names: json(&c.former_names),
            identifiers: json(&c.identifiers),
            phones: c.phones.clone(),
            emails: c.emails.clone(),
            websites: c.websites.clone(),
            hs_chapters: c.hs_chapters.clone(),
            trade_countries: c.trade_countries.clone(),
        }
    }
}

fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// A list kept as JSON in its column; a row written by hand that does not parse reads as
/// empty rather than failing every read of the company.
fn json_list<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Vec<T> {
    serde_json::from_value(v).unwrap_or_default()
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
            addresses: json_list(r.addresses),
            notes: r.notes,
            former_names: json_list(r.former_names),
            legal_form: r.legal_form,
            identifiers: json_list(r.identifiers),
            incorporation_country: r.incorporation_country,
            incorporated_on: r.incorporated_on,
            status_since: r.status_since,
            phones: r.phones,
            emails: r.emails,
            websites: r.websites,
            hs_chapters: r.hs_chapters,
            trade_countries: r.trade_countries,
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
    last_case: Option<DateTime<Utc>>,
) -> Result<(), Error> {
    diesel::insert_into(companies::table)
        .values((
            companies::id.eq(id),
            CompanyValues::from(c),
            companies::created_by.eq(actor),
            companies::updated_by.eq(actor),
            companies::last_case_at.eq(last_case),
        ))
        .execute(conn)
        .await?;
    super::keys::write(conn, id, c).await
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
    super::keys::write(conn, id, c).await?;
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

/// The stored risk scores of `ids`.
pub async fn risk_scores(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, i32>> {
    let rows: Vec<(Uuid, i32)> = companies::table
        .filter(companies::id.eq_any(ids))
        .select((companies::id, companies::risk_score))
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
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
    /// An identifier of any kind, normalised (exact).
    pub identifier: Option<String>,
    pub status: Option<String>,
    /// A fraud typology recorded against the company.
    pub typology: Option<String>,
    /// Risk scores from `.0` up to, not including, `.1`.
    pub risk: Option<(i32, i32)>,
    /// A person in the company's people.
    pub person_id: Option<Uuid>,
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
    let text_matched = text_matches(conn, &q).await?;
    ids.extend(text_matched.iter().copied());
    ids.sort();
    ids.dedup();
    // a narrowed search (the saved-search worker's batch) ranks only its records
    if let Some(among) = &f.ids {
        ids.retain(|id| among.contains(id));
    }
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

/// What the relevance search adds to the engine's candidates: companies the name typed
/// names ([`crate::registers::relevance::named`]), and those carrying what was typed as
/// an identifier or contact key. Similar spellings are the engine's.
async fn text_matches(conn: &mut AsyncPgConnection, q: &str) -> QueryResult<Vec<Uuid>> {
    let ident = crate::identifiers::normalise(q);
    let mut ids: Vec<Uuid> = company_keys::table
        .filter(company_keys::kind.eq_any(super::keys::ALL_KINDS))
        .filter(company_keys::key.eq(ident))
        .select(company_keys::company_id)
        .load(conn)
        .await?;
    ids.extend(crate::registers::relevance::named(conn, "companies", q).await?);
    Ok(ids)
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
        // The companies carrying what was typed as a key are read first and bound as a list:
        // as a subquery under the OR, the planner guessed half the table matched and walked
        // the name order filtering every row (1.5 s at 500 000 companies).
        let ident = crate::identifiers::normalise(&q);
        let by_key: Vec<Uuid> = company_keys::table
            .filter(company_keys::kind.eq_any(super::keys::ALL_KINDS))
            .filter(company_keys::key.eq(ident))
            .select(company_keys::company_id)
            .load(conn)
            .await?;
        query = query.filter(
            sql::<Bool>("(companies.search_key LIKE '%' || ncen_name_key(")
                .bind::<Text, _>(q.clone())
                .sql(") || '%' OR companies.search_key %> ncen_name_key(")
                .bind::<Text, _>(q)
                .sql("))")
                .or(companies::id.eq_any(by_key)),
        );
    }
    if let Some(ident) = f.identifier {
        let ident = super::ids::normalise(&ident);
        query = query.filter(
            companies::id.eq_any(
                company_keys::table
                    .filter(company_keys::kind.eq_any(super::keys::IDENTIFIER_KINDS))
                    .filter(company_keys::key.eq(ident))
                    .select(company_keys::company_id),
            ),
        );
    }
    if let Some(st) = f.status {
        query = query.filter(companies::status.eq(st));
    }
    if let Some(t) = f.typology {
        query = query.filter(
            companies::id.eq_any(
                company_typologies::table
                    .filter(company_typologies::typology.eq(t))
                    .select(company_typologies::company_id),
            ),
        );
    }
    if let Some((lo, hi)) = f.risk {
        query = query.filter(
            companies::risk_score
                .ge(lo)
                .and(companies::risk_score.lt(hi)),
        );
    }
    if let Some(p) = f.person_id {
        query = query.filter(
            companies::id.eq_any(
                company_people::table
                    .filter(company_people::person_id.eq(p))
                    .select(company_people::company_id),
            ),
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
