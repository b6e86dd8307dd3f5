use super::dto::{format_partial_date, parse_partial_date, DocumentInput, PersonDto, PersonInput};
use crate::db::schema::{person_documents, persons};
use crate::error::Error;
use crate::registers::order::{self, After, Listed, RegisterSort};
use crate::registers::NewRecord;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Queryable, Selectable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = persons)]
pub struct PersonRow {
    pub id: Uuid,
    pub family_name: String,
    pub given_names: Option<String>,
    pub aliases: Vec<String>,
    pub original_script_name: Option<String>,
    pub birth_year: Option<i16>,
    pub birth_month: Option<i16>,
    pub birth_day: Option<i16>,
    pub place_of_birth: Option<String>,
    pub gender: Option<String>,
    pub nationalities: Vec<String>,
    pub addresses: Vec<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub notes: Option<String>,
    pub version: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable, Insertable, Debug, Clone, serde::Deserialize)]
#[diesel(table_name = person_documents)]
pub struct DocumentRow {
    pub person_id: Uuid,
    pub position: i32,
    pub document_type: String,
    pub number: String,
    pub number_norm: String,
    pub issuing_country: Option<String>,
    pub expires_on: Option<NaiveDate>,
}

/// The stored columns of a (cleaned) input; `None` writes NULL.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = persons, treat_none_as_null = true)]
struct PersonValues {
    family_name: String,
    given_names: Option<String>,
    aliases: Vec<String>,
    original_script_name: Option<String>,
    birth_year: Option<i16>,
    birth_month: Option<i16>,
    birth_day: Option<i16>,
    place_of_birth: Option<String>,
    gender: Option<String>,
    nationalities: Vec<String>,
    addresses: Vec<String>,
    phones: Vec<String>,
    emails: Vec<String>,
    notes: Option<String>,
    match_latin: String,
    match_keys: Vec<String>,
    match_version: i16,
}

impl PersonValues {
    fn from(p: &PersonInput) -> Self {
        let (birth_year, birth_month, birth_day) =
            match p.date_of_birth.as_deref().and_then(parse_partial_date) {
                Some((y, m, d)) => (Some(y), m, d),
                None => (None, None, None),
            };
        let (match_latin, match_keys) = crate::registers::match_keys::person_keys(p);
        PersonValues {
            match_latin,
            match_keys,
            match_version: crate::registers::match_keys::KEYS_VERSION,
            family_name: p.family_name.clone().unwrap_or_default(),
            given_names: p.given_names.clone(),
            aliases: p.aliases.clone(),
            original_script_name: p.original_script_name.clone(),
            birth_year,
            birth_month,
            birth_day,
            place_of_birth: p.place_of_birth.clone(),
            gender: p.gender.clone(),
            nationalities: p.nationalities.clone(),
            addresses: p.addresses.clone(),
            phones: p.phones.clone(),
            emails: p.emails.clone(),
            notes: p.notes.clone(),
        }
    }
}

fn document_rows(person_id: Uuid, docs: &[DocumentInput]) -> Vec<DocumentRow> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let number = d.number.clone().unwrap_or_default();
            DocumentRow {
                person_id,
                position: i as i32 + 1,
                document_type: d.document_type.clone().unwrap_or_default(),
                number_norm: crate::identifiers::normalise(&number),
                number,
                issuing_country: d.issuing_country.clone(),
                expires_on: d.expires_on,
            }
        })
        .collect()
}

pub fn to_dto(row: PersonRow, docs: Vec<DocumentRow>) -> PersonDto {
    PersonDto {
        id: row.id,
        fields: PersonInput {
            family_name: Some(row.family_name),
            given_names: row.given_names,
            aliases: row.aliases,
            original_script_name: row.original_script_name,
            date_of_birth: format_partial_date(row.birth_year, row.birth_month, row.birth_day),
            place_of_birth: row.place_of_birth,
            gender: row.gender,
            nationalities: row.nationalities,
            documents: docs
                .into_iter()
                .map(|d| DocumentInput {
                    document_type: Some(d.document_type),
                    number: Some(d.number),
                    issuing_country: d.issuing_country,
                    expires_on: d.expires_on,
                })
                .collect(),
            addresses: row.addresses,
            phones: row.phones,
            emails: row.emails,
            notes: row.notes,
        },
        version: row.version,
        created_by: row.created_by,
        created_at: row.created_at,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
    }
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    p: &PersonInput,
    actor: Uuid,
    last_case: Option<DateTime<Utc>>,
) -> QueryResult<()> {
    diesel::insert_into(persons::table)
        .values((
            persons::id.eq(id),
            PersonValues::from(p),
            persons::created_by.eq(actor),
            persons::updated_by.eq(actor),
            persons::last_case_at.eq(last_case),
        ))
        .execute(conn)
        .await?;
    diesel::insert_into(person_documents::table)
        .values(document_rows(id, &p.documents))
        .execute(conn)
        .await?;
    Ok(())
}

/// Creates records with their documents: one statement per table (per 500 persons, under
/// PostgreSQL's parameter limit), so the tables' statement triggers run once for them all.
pub async fn insert_many(
    conn: &mut AsyncPgConnection,
    rows: &[NewRecord<PersonInput>],
) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        let values: Vec<_> = chunk
            .iter()
            .map(|r| {
                (
                    persons::id.eq(r.id),
                    PersonValues::from(&r.clean),
                    persons::created_by.eq(r.by),
                    persons::updated_by.eq(r.by),
                    persons::last_case_at.eq(r.last_case),
                )
            })
            .collect();
        diesel::insert_into(persons::table)
            .values(values)
            .execute(conn)
            .await?;
    }
    let documents: Vec<DocumentRow> = rows
        .iter()
        .flat_map(|r| document_rows(r.id, &r.clean.documents))
        .collect();
    for chunk in documents.chunks(1000) {
        diesel::insert_into(person_documents::table)
            .values(chunk)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Replaces the record when its version is `expected` (412 otherwise, 404 when missing).
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    p: &PersonInput,
    actor: Uuid,
) -> Result<(), Error> {
    let n = diesel::update(
        persons::table
            .filter(persons::id.eq(id))
            .filter(persons::version.eq(expected)),
    )
    .set((
        PersonValues::from(p),
        persons::version.eq(persons::version + 1),
        persons::updated_at.eq(Utc::now()),
        persons::updated_by.eq(actor),
    ))
    .execute(conn)
    .await?;
    if n == 0 {
        return Err(Error::StaleVersion);
    }
    diesel::delete(person_documents::table.filter(person_documents::person_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::insert_into(person_documents::table)
        .values(document_rows(id, &p.documents))
        .execute(conn)
        .await?;
    Ok(())
}

/// Persons with their documents, in the order of `ids` (two queries).
pub async fn load_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<PersonDto>> {
    let rows: Vec<PersonRow> = persons::table
        .filter(persons::id.eq_any(ids))
        .select(PersonRow::as_select())
        .load(conn)
        .await?;
    let mut by_id: HashMap<Uuid, PersonRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    let ordered = ids.iter().filter_map(|id| by_id.remove(id)).collect();
    with_documents(conn, ordered).await
}

/// Attaches the documents of every row with one query.
async fn with_documents(
    conn: &mut AsyncPgConnection,
    rows: Vec<PersonRow>,
) -> QueryResult<Vec<PersonDto>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let docs: Vec<DocumentRow> = person_documents::table
        .filter(person_documents::person_id.eq_any(&ids))
        .order((person_documents::person_id, person_documents::position))
        .select(DocumentRow::as_select())
        .load(conn)
        .await?;
    let mut by_person: HashMap<Uuid, Vec<DocumentRow>> = HashMap::new();
    for d in docs {
        by_person.entry(d.person_id).or_default().push(d);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let docs = by_person.remove(&r.id).unwrap_or_default();
            to_dto(r, docs)
        })
        .collect())
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<PersonDto, Error> {
    load_many(conn, &[id]).await?.pop().ok_or(Error::NotFound)
}

pub async fn existing(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Uuid>> {
    persons::table
        .filter(persons::id.eq_any(ids))
        .select(persons::id)
        .load(conn)
        .await
}

pub struct Filter {
    pub q: Option<String>,
    pub document: Option<String>,
    pub nationality: Option<String>,
    /// A nationality, or the issuing country of one of the person's documents.
    pub country: Option<String>,
    /// Year, and month and day when given (`parse_partial_date`).
    pub born: Option<(i16, Option<i16>, Option<i16>)>,
    pub sort: RegisterSort,
    pub after: Option<After>,
    pub limit: i64,
    /// Only these records (the relevance search's candidates).
    pub ids: Option<Vec<Uuid>>,
    /// The engine's review threshold: the least score a record only the engine proposed
    /// needs to be listed by relevance.
    pub review: f64,
}

/// One page in the chosen order; each person with its last case and its keyset position.
/// By relevance (with `q`): the engine's candidates and the text's matches, scored, best
/// first, one page.
pub async fn list(conn: &mut AsyncPgConnection, f: Filter) -> QueryResult<Vec<Listed<PersonDto>>> {
    let Some(q) = f.q.clone().filter(|_| f.sort == RegisterSort::Relevance) else {
        return list_filtered(conn, f).await;
    };
    let facts = crate::registers::relevance::person_query(&q);
    let query = ncen_matching::person::Person::prepare(&facts);
    let mut ids = crate::registers::candidates::persons_for(conn, &facts, &query).await?;
    let text_matched = text_matches(conn, &q, facts.name.as_deref()).await?;
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
    Ok(crate::registers::relevance::rank_persons(
        &facts,
        rows,
        &text_matched,
        review,
        limit,
    ))
}

/// What the relevance search adds to the engine's candidates: persons the name typed names
/// ([`crate::registers::relevance::named`]; `name`: what was typed less its date),
/// holders of a document of that number, and persons with that phone or e-mail. Similar
/// spellings and sounds are the engine's.
async fn text_matches(
    conn: &mut AsyncPgConnection,
    q: &str,
    name: Option<&str>,
) -> QueryResult<Vec<Uuid>> {
    let norm = crate::identifiers::normalise(q);
    let mut ids: Vec<Uuid> = person_documents::table
        .filter(person_documents::number_norm.eq(norm))
        .select(person_documents::person_id)
        .load(conn)
        .await?;
    let contacts: Vec<Uuid> = persons::table
        .filter(persons::merged_into.is_null())
        .filter(
            sql::<Bool>(
                "ncen_contact_keys(persons.phones, persons.emails) && ncen_contact_keys(ARRAY[",
            )
            .bind::<Text, _>(q.to_string())
            .sql("], ARRAY[")
            .bind::<Text, _>(q.to_string())
            .sql("])"),
        )
        .select(persons::id)
        .limit(crate::registers::relevance::CANDIDATES)
        .load(conn)
        .await?;
    ids.extend(contacts);
    if let Some(name) = name {
        ids.extend(crate::registers::relevance::named(conn, "persons", name).await?);
    }
    Ok(ids)
}

async fn list_filtered(
    conn: &mut AsyncPgConnection,
    f: Filter,
) -> QueryResult<Vec<Listed<PersonDto>>> {
    let mut query = persons::table
        .select((
            PersonRow::as_select(),
            persons::search_key.assume_not_null(),
            persons::last_case_at,
        ))
        .into_boxed();
    if let Some(q) = f.q {
        // Substring of the folded name key, similar words, or the same consonant skeleton
        // (each served by a trigram index); or what was typed is the number of one of the
        // person's documents, or one of their phones or e-mail addresses (GIN index of
        // `ncen_contact_keys`, migration 2026-12-02-000015).
        // The holders of a document of that number are read first and bound as a list (as a
        // subquery under the OR, the planner guessed half the table matched and walked the
        // name order filtering every row).
        let norm = crate::identifiers::normalise(&q);
        let holders: Vec<Uuid> = person_documents::table
            .filter(person_documents::number_norm.eq(norm))
            .select(person_documents::person_id)
            .load(conn)
            .await?;
        query = query.filter(
            sql::<Bool>("(persons.search_key LIKE '%' || ncen_name_key(")
                .bind::<Text, _>(q.clone())
                .sql(") || '%' OR persons.search_key %> ncen_name_key(")
                .bind::<Text, _>(q.clone())
                .sql(") OR persons.phonetic_key %> ncen_name_skeleton(ncen_name_key(")
                .bind::<Text, _>(q.clone())
                .sql(")) OR persons.id = ANY(")
                .bind::<diesel::sql_types::Array<diesel::sql_types::Uuid>, _>(holders)
                .sql(") OR ncen_contact_keys(persons.phones, persons.emails) && ncen_contact_keys(ARRAY[")
                .bind::<Text, _>(q.clone())
                .sql("], ARRAY[")
                .bind::<Text, _>(q)
                .sql("]))"),
        );
    }
    // a merged record is found through its survivor
    query = query.filter(persons::merged_into.is_null());
    if let Some(ids) = f.ids {
        query = query.filter(persons::id.eq_any(ids));
    }
    if let Some(doc) = f.document {
        let norm = crate::identifiers::normalise(&doc);
        query = query.filter(
            persons::id.eq_any(
                person_documents::table
                    .filter(person_documents::number_norm.eq(norm))
                    .select(person_documents::person_id),
            ),
        );
    }
    if let Some(n) = f.nationality {
        query = query.filter(persons::nationalities.contains(vec![n]));
    }
    if let Some(c) = f.country {
        query = query.filter(
            persons::nationalities
                .contains(vec![c.clone()])
                .or(persons::id.eq_any(
                    person_documents::table
                        .filter(person_documents::issuing_country.eq(c))
                        .select(person_documents::person_id),
                )),
        );
    }
    if let Some((y, m, d)) = f.born {
        query = query.filter(persons::birth_year.eq(y));
        if let Some(m) = m {
            query = query.filter(persons::birth_month.eq(m));
        }
        if let Some(d) = d {
            query = query.filter(persons::birth_day.eq(d));
        }
    }
    query = match f.after {
        Some(After::Name(key, id)) => {
            query.filter(order::after_name("persons.search_key", "persons", key, id))
        }
        Some(After::LastCase(at, id)) => query.filter(order::after_last_case("persons", at, id)),
        None => query,
    };
    query = match f.sort {
        RegisterSort::Name | RegisterSort::Relevance => {
            query.order((persons::search_key.asc(), persons::id.asc()))
        }
        RegisterSort::LastCase => query.order(order::last_case_order("persons")),
    };
    let rows: Vec<(PersonRow, String, Option<DateTime<Utc>>)> =
        query.limit(f.limit + 1).load(conn).await?;
    let keys: Vec<(String, Option<DateTime<Utc>>)> = rows
        .iter()
        .map(|(_, k, at)| (order::key(f.sort, k, *at), *at))
        .collect();
    let dtos = with_documents(conn, rows.into_iter().map(|(r, _, _)| r).collect()).await?;
    Ok(dtos
        .into_iter()
        .zip(keys)
        .map(|(record, (key, last_case_at))| Listed {
            record,
            last_case_at,
            key,
        })
        .collect())
}
