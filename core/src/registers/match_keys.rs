//! The matching keys stored beside each person and company (migration
//! `2026-12-03-000017_matching_keys`): computed by the matching engine on every create and
//! update (`PersonValues`, `CompanyValues`), and by [`reindex`] for rows written by a bulk
//! path or an older engine (`match_version` below [`KEYS_VERSION`]).

use super::companies::dto::CompanyInput;
use super::persons::dto::PersonInput;
use crate::db::schema::{companies, persons};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_matching::company::CompanyFacts;
use ncen_matching::person::{Document, PersonFacts};
pub use ncen_matching::KEYS_VERSION;
use std::time::Instant;
use uuid::Uuid;

/// What the matching engine reads of a person record.
pub fn person_facts(p: &PersonInput) -> PersonFacts {
    PersonFacts {
        family_name: p.family_name.clone(),
        given_names: p.given_names.clone(),
        name: None,
        aliases: p.aliases.clone(),
        original_script_name: p.original_script_name.clone(),
        date_of_birth: p.date_of_birth.clone(),
        gender: p.gender.clone(),
        nationalities: p.nationalities.clone(),
        documents: p
            .documents
            .iter()
            .filter_map(|d| {
                d.number.clone().map(|number| Document {
                    number,
                    country: d.issuing_country.clone(),
                })
            })
            .collect(),
        phones: p.phones.clone(),
        emails: p.emails.clone(),
        addresses: p.addresses.clone(),
    }
}

/// What the matching engine reads of a company record.
pub fn company_facts(c: &CompanyInput) -> CompanyFacts {
    CompanyFacts {
        name: c.name.clone(),
        // former names are names the company was known by: they match as aliases do
        aliases: c
            .aliases
            .iter()
            .cloned()
            .chain(c.former_names.iter().filter_map(|f| f.name.clone()))
            .collect(),
        country: c.country.clone(),
        registration_number: c.registration_number.clone(),
        tax_id: c.tax_id.clone(),
        eori: c.eori.clone(),
        phones: Vec::new(),
        emails: Vec::new(),
        addresses: c.addresses.iter().map(|a| a.line()).collect(),
    }
}

/// The stored keys: (`match_latin`, `match_keys`).
pub fn person_keys(p: &PersonInput) -> (String, Vec<String>) {
    let k = ncen_matching::person::keys(&person_facts(p));
    (k.latin, k.keys.into_iter().collect())
}

/// The stored keys: (`match_latin`, `match_keys`).
pub fn company_keys(c: &CompanyInput) -> (String, Vec<String>) {
    let k = ncen_matching::company::keys(&company_facts(c));
    (k.latin, k.keys.into_iter().collect())
}

/// What a reindex did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reindexed {
    pub persons: u64,
    pub companies: u64,
    pub seconds: f64,
}

/// Rows read and written per statement.
const BATCH: i64 = 2_000;

/// Computes the keys of every person and company whose keys are missing or from an older
/// engine, `BATCH` rows per transaction (a crash loses at most one batch of work, never
/// leaves a row half-written).
pub async fn reindex(conn: &mut AsyncPgConnection) -> QueryResult<Reindexed> {
    let started = Instant::now();
    let persons = reindex_table(conn, Table::Persons).await?;
    let companies = reindex_table(conn, Table::Companies).await?;
    Ok(Reindexed {
        persons,
        companies,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[derive(Clone, Copy)]
enum Table {
    Persons,
    Companies,
}

/// The batches of one table, until none is stale; returns the rows written.
async fn reindex_table(conn: &mut AsyncPgConnection, table: Table) -> QueryResult<u64> {
    let mut done = 0;
    loop {
        let ids: Vec<Uuid> = match table {
            Table::Persons => {
                persons::table
                    .filter(persons::match_version.lt(KEYS_VERSION))
                    .order(persons::match_version)
                    .select(persons::id)
                    .limit(BATCH)
                    .load(conn)
                    .await?
            }
            Table::Companies => {
                companies::table
                    .filter(companies::match_version.lt(KEYS_VERSION))
                    .order(companies::match_version)
                    .select(companies::id)
                    .limit(BATCH)
                    .load(conn)
                    .await?
            }
        };
        if ids.is_empty() {
            return Ok(done);
        }
        let rows: Vec<(Uuid, String, Vec<String>)> = match table {
            Table::Persons => super::persons::repo::load_many(conn, &ids)
                .await?
                .iter()
                .map(|p| {
                    let (latin, keys) = person_keys(&p.fields);
                    (p.id, latin, keys)
                })
                .collect(),
            Table::Companies => {
                let records = super::companies::repo::load_many(conn, &ids).await?;
                // the company database's keys (identifiers, addresses, contact points) too:
                // a row written by a bulk path has none yet
                super::companies::keys::write_many(conn, records.iter().map(|c| (c.id, &c.fields)))
                    .await?;
                records
                    .iter()
                    .map(|c| {
                        let (latin, keys) = company_keys(&c.fields);
                        (c.id, latin, keys)
                    })
                    .collect()
            }
        };
        write(conn, table, &rows).await?;
        done += rows.len() as u64;
    }
}

/// One `UPDATE … FROM unnest(…)` for a whole batch (raw SQL: diesel has no bulk update from
/// arrays). The keys go as JSON text per row, as a text[] of arrays would need equal lengths.
async fn write(
    conn: &mut AsyncPgConnection,
    table: Table,
    rows: &[(Uuid, String, Vec<String>)],
) -> QueryResult<()> {
    use diesel::sql_types::{Array, Text, Uuid as SqlUuid};
    let ids: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    let latin: Vec<String> = rows.iter().map(|r| r.1.clone()).collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|r| serde_json::Value::from(r.2.clone()).to_string())
        .collect();
    let table = match table {
        Table::Persons => "persons",
        Table::Companies => "companies",
    };
    let sql = format!(
        "UPDATE {table} t SET match_latin = u.latin, \
           match_keys = ARRAY(SELECT jsonb_array_elements_text(u.keys::jsonb)), match_version = $4 \
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, latin, keys) WHERE t.id = u.id"
    );
    diesel::sql_query(sql)
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<Text>, _>(&latin)
        .bind::<Array<Text>, _>(&keys)
        .bind::<diesel::sql_types::SmallInt, _>(KEYS_VERSION)
        .execute(conn)
        .await?;
    Ok(())
}
