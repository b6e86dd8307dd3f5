//! Candidate generation for the matching engine (screening, the register search, duplicates,
//! lists): the register rows worth scoring, found through indexes only
//! (GIN on `match_keys`, trigram GIN on `match_latin`, the document-number and identifier
//! indexes). Each probe is bounded, so a common name costs the same as a rare one.

use diesel::sql_types::{Array, BigInt, Nullable, SmallInt, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use uuid::Uuid;

/// Rows taken from each key and identifier probe at most.
const PER_PROBE: i64 = 100;
/// Rows taken from the spelling probe (trigrams), closest first: it is there for the typo
/// that changes a phonetic key, not for every namesake of one word.
const BY_SPELLING: i64 = 30;
/// Rows the spelling probe reads at most before taking the closest: a word in tens of
/// thousands of names ("pharma", "mohamed") otherwise had every one of them read and sorted
/// (280 ms at 500 000 companies). Those names contain the word itself, which the keys and
/// the text search find; the probe is there for rarer spellings, which are few.
const SPELLING_SCAN: i64 = 300;

/// Runs a candidate probe (`$load`, an expression on `$conn` yielding a `QueryResult`) with
/// sequential scans off: the probes are bounded index lookups, but a name of several tokens
/// gives many keys, the planner then expects tens of thousands of rows and, under a `LIMIT`,
/// prefers reading the table until it has enough — on a million persons, seconds
/// (`bench/MATCHING.md`). Never a full scan, whatever the estimate. (A session setting, reset
/// after; inside a transaction that fails, the rollback resets it.)
macro_rules! indexed {
    ($conn:ident, $load:expr) => {{
        $conn.batch_execute("SET enable_seqscan = off").await?;
        let out = $load;
        $conn.batch_execute("RESET enable_seqscan").await?;
        out?
    }};
}
pub(crate) use indexed;

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
/// the right one among thousands of namesakes is never left out by the bound. The year is
/// tested on the rows the keys found (`birth_year + 0`: not through the year index, whose
/// 60 000 rows a year on a million persons cost more to intersect than the key matches cost
/// to check — 20 ms against 2 ms, `bench/MATCHING.md`); and only when the first probe, whatever
/// the year, reached its bound: below it, that probe found every person sharing a key, those
/// born within the year among them (the year probe would read the same index again). The spelling
/// probe runs for one-token names only ([`ncen_matching::keys::NameKeys::spelling_probe`]).
pub async fn persons(
    conn: &mut AsyncPgConnection,
    p: &PersonProbe<'_>,
) -> diesel::QueryResult<Vec<Uuid>> {
    let sql = "WITH a AS MATERIALIZED ( \
          SELECT id FROM persons WHERE merged_into IS NULL AND cardinality($1::text[]) > 0 AND match_keys && $1 LIMIT $5) \
        SELECT id FROM ( \
          SELECT id FROM a \
          UNION (SELECT id FROM persons WHERE merged_into IS NULL AND cardinality($1::text[]) > 0 AND match_keys && $1 \
             AND $4::smallint IS NOT NULL AND birth_year + 0 BETWEEN $4 - 1 AND $4 + 1 \
             AND (SELECT count(*) FROM a) >= $5 LIMIT $5) \
          UNION (SELECT id FROM (SELECT id, match_latin FROM persons WHERE merged_into IS NULL AND $2 <> '' \
                 AND $2 <% match_latin LIMIT $7) s ORDER BY $2 <<-> match_latin LIMIT $6) \
          UNION (SELECT person_id FROM person_documents WHERE number_norm = ANY($3) LIMIT $5) \
        ) c";
    let rows: Vec<Id> = indexed!(conn, {
        diesel::sql_query(sql)
            .bind::<Array<Text>, _>(p.keys)
            .bind::<Text, _>(p.latin)
            .bind::<Array<Text>, _>(p.documents)
            .bind::<Nullable<SmallInt>, _>(p.birth_year)
            .bind::<BigInt, _>(PER_PROBE)
            .bind::<BigInt, _>(BY_SPELLING)
            .bind::<BigInt, _>(SPELLING_SCAN)
            .load(conn)
            .await
    });
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
          (SELECT id FROM companies WHERE merged_into IS NULL AND cardinality($1::text[]) > 0 AND match_keys && $1 LIMIT $6) \
          UNION (SELECT id FROM (SELECT id, match_latin FROM companies WHERE merged_into IS NULL AND $2 <> '' \
                 AND $2 <% match_latin LIMIT $8) s ORDER BY $2 <<-> match_latin LIMIT $7) \
          UNION (SELECT id FROM companies WHERE merged_into IS NULL AND ncen_ident(registration_number) = ncen_ident($3)) \
          UNION (SELECT id FROM companies WHERE merged_into IS NULL AND ncen_ident(tax_id) = ncen_ident($4)) \
          UNION (SELECT id FROM companies WHERE merged_into IS NULL AND ncen_ident(eori) = ncen_ident($5)) \
        ) c LIMIT 500";
    let rows: Vec<Id> = indexed!(conn, {
        diesel::sql_query(sql)
            .bind::<Array<Text>, _>(p.keys)
            .bind::<Text, _>(p.latin)
            .bind::<Nullable<Text>, _>(p.registration_number)
            .bind::<Nullable<Text>, _>(p.tax_id)
            .bind::<Nullable<Text>, _>(p.eori)
            .bind::<BigInt, _>(PER_PROBE)
            .bind::<BigInt, _>(BY_SPELLING)
            .bind::<BigInt, _>(SPELLING_SCAN)
            .load(conn)
            .await
    });
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// What one line of a list offers the indexes (`line`: its position).
pub struct LineProbe {
    pub line: i32,
    pub keys: Vec<String>,
    pub latin: String,
    pub birth_year: Option<i16>,
    pub documents: Vec<String>,
}

#[derive(QueryableByName)]
struct LineId {
    #[diesel(sql_type = diesel::sql_types::Int4)]
    line: i32,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// How far the probes of `persons_by_line` reach for each line.
#[derive(Clone, Copy)]
pub struct LineBounds {
    /// Rows taken from each key and document probe.
    pub per_probe: i64,
    /// Rows taken from the spelling probe.
    pub by_spelling: i64,
    /// With a year of birth, also probe the keys whatever the year (as `persons` does), or
    /// keep to persons born within a year of it.
    pub any_year: bool,
}

impl LineBounds {
    /// A list's line: a list is screened for the persons it names, so the bound is tighter
    /// than an officer's single query, and a line with a year of birth is looked for among
    /// persons born within a year of it (and by spelling).
    pub const LIST: LineBounds = LineBounds {
        per_probe: 40,
        by_spelling: 10,
        any_year: false,
    };
    /// A party of an imported case: the probes of `persons`, the same bounds.
    pub const SINGLE: LineBounds = LineBounds {
        per_probe: PER_PROBE,
        by_spelling: BY_SPELLING,
        any_year: true,
    };
}

/// The persons each line may be: the probes of `persons` for every line, in one statement
/// (one round trip for the whole list), within `bounds` (with `any_year`, the year probe runs
/// only when the key probe reached its bound, as in `persons`). Returns `(line, person id)`
/// pairs.
pub async fn persons_by_line(
    conn: &mut AsyncPgConnection,
    lines: &[LineProbe],
    bounds: LineBounds,
) -> diesel::QueryResult<Vec<(i32, Uuid)>> {
    use diesel::sql_types::Int4;
    let (mut key_line, mut key): (Vec<i32>, Vec<String>) = (Vec::new(), Vec::new());
    let (mut doc_line, mut doc): (Vec<i32>, Vec<String>) = (Vec::new(), Vec::new());
    for l in lines {
        for k in &l.keys {
            key_line.push(l.line);
            key.push(k.clone());
        }
        for d in &l.documents {
            doc_line.push(l.line);
            doc.push(d.clone());
        }
    }
    let line: Vec<i32> = lines.iter().map(|l| l.line).collect();
    let latin: Vec<String> = lines.iter().map(|l| l.latin.clone()).collect();
    let year: Vec<Option<i16>> = lines.iter().map(|l| l.birth_year).collect();
    let sql = "WITH q AS (SELECT * FROM unnest($1::int[], $2::text[], $3::smallint[]) AS q(line, latin, year)), \
          k AS (SELECT line, array_agg(key) AS keys FROM unnest($4::int[], $5::text[]) AS k(line, key) GROUP BY line) \
        SELECT q.line, c.id FROM q LEFT JOIN k ON k.line = q.line CROSS JOIN LATERAL ( \
          WITH a AS MATERIALIZED (SELECT id FROM persons WHERE merged_into IS NULL AND k.keys IS NOT NULL \
             AND match_keys && k.keys AND (q.year IS NULL OR $11) LIMIT $8) \
          SELECT id FROM a \
          UNION (SELECT id FROM persons WHERE merged_into IS NULL AND k.keys IS NOT NULL AND match_keys && k.keys \
             AND q.year IS NOT NULL AND birth_year + 0 BETWEEN q.year - 1 AND q.year + 1 \
             AND (NOT $11 OR (SELECT count(*) FROM a) >= $8) LIMIT $8) \
          UNION (SELECT id FROM (SELECT id, match_latin FROM persons WHERE merged_into IS NULL AND q.latin <> '' \
                 AND q.latin <% match_latin LIMIT $10) s ORDER BY q.latin <<-> match_latin LIMIT $9) \
        ) c \
        UNION SELECT d.line, pd.person_id FROM unnest($6::int[], $7::text[]) AS d(line, number) \
          JOIN person_documents pd ON pd.number_norm = d.number";
    let rows: Vec<LineId> = indexed!(conn, {
        diesel::sql_query(sql)
            .bind::<Array<Int4>, _>(&line)
            .bind::<Array<Text>, _>(&latin)
            .bind::<Array<Nullable<SmallInt>>, _>(&year)
            .bind::<Array<Int4>, _>(&key_line)
            .bind::<Array<Text>, _>(&key)
            .bind::<Array<Int4>, _>(&doc_line)
            .bind::<Array<Text>, _>(&doc)
            .bind::<BigInt, _>(bounds.per_probe)
            .bind::<BigInt, _>(bounds.by_spelling)
            .bind::<BigInt, _>(SPELLING_SCAN)
            .bind::<diesel::sql_types::Bool, _>(bounds.any_year)
            .load(conn)
            .await
    });
    Ok(rows.into_iter().map(|r| (r.line, r.id)).collect())
}

#[derive(QueryableByName)]
pub struct KnownConveyance {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub identifier_kind: String,
    #[diesel(sql_type = Text)]
    pub identifier_norm: String,
    #[diesel(sql_type = Text)]
    pub identifier: String,
    #[diesel(sql_type = Text)]
    pub conveyance_type: String,
}

/// Register conveyances carrying one of `norms` (any kind: the caller compares kinds).
pub async fn conveyances_by_identifier(
    conn: &mut AsyncPgConnection,
    norms: &[String],
) -> diesel::QueryResult<Vec<KnownConveyance>> {
    diesel::sql_query(
        "SELECT id, identifier_kind, identifier_norm, identifier, conveyance_type \
           FROM conveyances WHERE identifier_norm = ANY($1)",
    )
    .bind::<Array<Text>, _>(norms)
    .load(conn)
    .await
}

/// The persons the indexes propose for `facts` (`query`: the facts prepared for the engine).
pub async fn persons_for(
    conn: &mut AsyncPgConnection,
    facts: &ncen_matching::person::PersonFacts,
    query: &ncen_matching::person::Person,
) -> diesel::QueryResult<Vec<Uuid>> {
    let keys = query.keys();
    persons(
        conn,
        &PersonProbe {
            keys: &keys.selective(),
            latin: keys.spelling_probe(),
            birth_year: birth_year(facts),
            documents: &documents(facts),
        },
    )
    .await
}

/// The document numbers of `facts` as the document index holds them.
pub fn documents(facts: &ncen_matching::person::PersonFacts) -> Vec<String> {
    facts
        .documents
        .iter()
        .map(|d| crate::identifiers::normalise(&d.number))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The year of birth of `facts`, when its date reads.
pub fn birth_year(facts: &ncen_matching::person::PersonFacts) -> Option<i16> {
    facts
        .date_of_birth
        .as_deref()
        .and_then(crate::registers::persons::dto::parse_partial_date)
        .map(|d| d.0)
}

/// The companies the indexes propose for `facts` (`query`: the facts prepared).
pub async fn companies_for(
    conn: &mut AsyncPgConnection,
    facts: &ncen_matching::company::CompanyFacts,
    query: &ncen_matching::company::Company,
) -> diesel::QueryResult<Vec<Uuid>> {
    let keys = query.keys();
    companies(
        conn,
        &CompanyProbe {
            keys: &keys.selective(),
            latin: keys.spelling_probe(),
            registration_number: facts.registration_number.as_deref(),
            tax_id: facts.tax_id.as_deref(),
            eori: facts.eori.as_deref(),
        },
    )
    .await
}
