//! Candidate generation: the register rows worth scoring, found through indexes only
//! (GIN on `match_keys`, trigram GIN on `match_latin`, the document-number and identifier
//! indexes). Each probe is bounded, so a common name costs the same as a rare one.

use diesel::sql_types::{Array, BigInt, Nullable, SmallInt, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Rows taken from each key and identifier probe at most.
const PER_PROBE: i64 = 100;
/// Rows taken from the spelling probe (trigrams), closest first: it is there for the typo
/// that changes a phonetic key, not for every namesake of one word.
const BY_SPELLING: i64 = 30;

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// What a person query offers the indexes.
pub struct PersonProbe<'a> {
    pub keys: &'a [String],
    pub latin: &'a str,
    pub birth_year: Option<i16>,
    pub documents: &'a [String],
}

/// Persons sharing a key, close in spelling, or carrying one of the document numbers. When
/// a year of birth is known, a second key probe keeps to persons born within a year of it, so
/// the right one among thousands of namesakes is never left out by the bound.
pub async fn persons(
    conn: &mut AsyncPgConnection,
    p: &PersonProbe<'_>,
) -> diesel::QueryResult<Vec<Uuid>> {
    let sql = "SELECT id FROM ( \
          (SELECT id FROM persons WHERE cardinality($1::text[]) > 0 AND match_keys && $1 \
             AND $4::smallint IS NOT NULL AND birth_year BETWEEN $4 - 1 AND $4 + 1 LIMIT $5) \
          UNION (SELECT id FROM persons WHERE cardinality($1::text[]) > 0 AND match_keys && $1 LIMIT $5) \
          UNION (SELECT id FROM persons WHERE $2 <> '' AND $2 <% match_latin \
                 ORDER BY $2 <<-> match_latin LIMIT $6) \
          UNION (SELECT person_id FROM person_documents WHERE number_norm = ANY($3) LIMIT $5) \
        ) c";
    let rows: Vec<Id> = diesel::sql_query(sql)
        .bind::<Array<Text>, _>(p.keys)
        .bind::<Text, _>(p.latin)
        .bind::<Array<Text>, _>(p.documents)
        .bind::<Nullable<SmallInt>, _>(p.birth_year)
        .bind::<BigInt, _>(PER_PROBE)
        .bind::<BigInt, _>(BY_SPELLING)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// What a company query offers the indexes.
pub struct CompanyProbe<'a> {
    pub keys: &'a [String],
    pub latin: &'a str,
    pub registration_number: Option<&'a str>,
    pub tax_id: Option<&'a str>,
    pub eori: Option<&'a str>,
}

/// Companies sharing a key, close in spelling, or one of the identifiers.
pub async fn companies(
    conn: &mut AsyncPgConnection,
    p: &CompanyProbe<'_>,
) -> diesel::QueryResult<Vec<Uuid>> {
    let sql = "SELECT id FROM ( \
          (SELECT id FROM companies WHERE cardinality($1::text[]) > 0 AND match_keys && $1 LIMIT $6) \
          UNION (SELECT id FROM companies WHERE $2 <> '' AND $2 <% match_latin \
                 ORDER BY $2 <<-> match_latin LIMIT $7) \
          UNION (SELECT id FROM companies WHERE ncen_ident(registration_number) = ncen_ident($3)) \
          UNION (SELECT id FROM companies WHERE ncen_ident(tax_id) = ncen_ident($4)) \
          UNION (SELECT id FROM companies WHERE ncen_ident(eori) = ncen_ident($5)) \
        ) c LIMIT 500";
    let rows: Vec<Id> = diesel::sql_query(sql)
        .bind::<Array<Text>, _>(p.keys)
        .bind::<Text, _>(p.latin)
        .bind::<Nullable<Text>, _>(p.registration_number)
        .bind::<Nullable<Text>, _>(p.tax_id)
        .bind::<Nullable<Text>, _>(p.eori)
        .bind::<BigInt, _>(PER_PROBE)
        .bind::<BigInt, _>(BY_SPELLING)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}
