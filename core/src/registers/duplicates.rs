//! Records an officer may be about to register a second time: the persons that carry one of
//! the new person's document numbers, or have exactly their name and date of birth; the
//! companies that share a registration number, tax id or EORI, or exactly their name. A
//! warning, never a refusal: two people may share a name and a birthday. Reading the matches
//! is a read of nominal data, audited by the caller's transaction.

use super::companies::dto::CompanyInput;
use super::persons::dto::{parse_partial_date, PersonInput};
use crate::audit::{record, Actor, Event};
use crate::error::Result;
use diesel::sql_types::{Array, Bool, Nullable, SmallInt, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// At most this many matches are listed.
const LIMIT: i64 = 20;

/// An existing record that looks like the one being registered.
#[derive(Debug, Serialize, ToSchema)]
pub struct Duplicate {
    pub id: Uuid,
    /// The record's name as a list shows it (with the year of birth for a person, the
    /// country for a company).
    pub label: String,
    /// What it shares: `document`, `name_and_birth_date` (persons); `registration_number`,
    /// `tax_id`, `eori`, `name` (companies).
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicateList {
    pub items: Vec<Duplicate>,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = Array<Text>)]
    reasons: Vec<String>,
}

fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Persons sharing a document number, or the exact name and date of birth, of `input`.
pub async fn persons(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    input: &PersonInput,
) -> Result<DuplicateList> {
    let numbers: Vec<String> = input
        .documents
        .iter()
        .filter_map(|d| trimmed(&d.number))
        .map(|n| crate::identifiers::normalise(&n))
        .filter(|n| !n.is_empty())
        .take(20)
        .collect();
    let family = trimmed(&input.family_name);
    let given = trimmed(&input.given_names);
    let born = trimmed(&input.date_of_birth).and_then(|d| parse_partial_date(&d));
    let (year, month, day) = match born {
        Some((y, m, d)) => (Some(y), m, d),
        None => (None, None, None),
    };
    let by_name = family.is_some() && year.is_some();
    let sql = "WITH same_name AS (SELECT p.id FROM persons p WHERE $7 AND p.birth_year = $4 \
                 AND p.birth_month IS NOT DISTINCT FROM $5 AND p.birth_day IS NOT DISTINCT FROM $6 \
                 AND ncen_fold(p.family_name) = ncen_fold($2) \
                 AND ncen_fold(coalesce(p.given_names, '')) = ncen_fold(coalesce($3, ''))), \
               same_document AS (SELECT DISTINCT d.person_id AS id FROM person_documents d \
                 WHERE d.number_norm = ANY($1)) \
               SELECT p.id, \
                 p.family_name || coalesce(', ' || p.given_names, '') \
                   || coalesce(' (' || p.birth_year || ')', '') AS label, \
                 array_remove(ARRAY[ \
                   CASE WHEN p.id IN (SELECT id FROM same_document) THEN 'document' END, \
                   CASE WHEN p.id IN (SELECT id FROM same_name) THEN 'name_and_birth_date' END], \
                   NULL) AS reasons \
               FROM persons p \
               WHERE p.id IN (SELECT id FROM same_document UNION SELECT id FROM same_name) \
               ORDER BY p.family_name, p.id LIMIT $8";
    conn.transaction(async |conn| {
        let rows: Vec<Row> = diesel::sql_query(sql)
            .bind::<Array<Text>, _>(&numbers)
            .bind::<Nullable<Text>, _>(family)
            .bind::<Nullable<Text>, _>(given)
            .bind::<Nullable<SmallInt>, _>(year)
            .bind::<Nullable<SmallInt>, _>(month)
            .bind::<Nullable<SmallInt>, _>(day)
            .bind::<Bool, _>(by_name)
            .bind::<diesel::sql_types::BigInt, _>(LIMIT)
            .load(conn)
            .await?;
        audit(conn, actor, "person.check_duplicates", &rows).await?;
        Ok(list(rows))
    })
    .await
}

/// Companies sharing a registration number, tax id or EORI (compared without spaces,
/// punctuation or case), or exactly the name, of `input`.
pub async fn companies(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    input: &CompanyInput,
) -> Result<DuplicateList> {
    let sql = "SELECT c.id, c.name || coalesce(' (' || c.country || ')', '') AS label, \
                 array_remove(ARRAY[ \
                   CASE WHEN ncen_ident(c.registration_number) = ncen_ident($1) THEN 'registration_number' END, \
                   CASE WHEN ncen_ident(c.tax_id) = ncen_ident($2) THEN 'tax_id' END, \
                   CASE WHEN ncen_ident(c.eori) = ncen_ident($3) THEN 'eori' END, \
                   CASE WHEN ncen_fold(c.name) = ncen_fold($4) THEN 'name' END], NULL) AS reasons \
               FROM companies c \
               WHERE ncen_ident(c.registration_number) = ncen_ident($1) \
                  OR ncen_ident(c.tax_id) = ncen_ident($2) OR ncen_ident(c.eori) = ncen_ident($3) \
                  OR ncen_fold(c.name) = ncen_fold($4) \
               ORDER BY c.name, c.id LIMIT $5";
    conn.transaction(async |conn| {
        let rows: Vec<Row> = diesel::sql_query(sql)
            .bind::<Nullable<Text>, _>(trimmed(&input.registration_number))
            .bind::<Nullable<Text>, _>(trimmed(&input.tax_id))
            .bind::<Nullable<Text>, _>(trimmed(&input.eori))
            .bind::<Nullable<Text>, _>(trimmed(&input.name))
            .bind::<diesel::sql_types::BigInt, _>(LIMIT)
            .load(conn)
            .await?;
        audit(conn, actor, "company.check_duplicates", &rows).await?;
        Ok(list(rows))
    })
    .await
}

async fn audit(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    action: &str,
    rows: &[Row],
) -> Result<()> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let details = serde_json::json!({ "matches": ids });
    record(conn, actor, Event::new(action).details(details)).await?;
    Ok(())
}

fn list(rows: Vec<Row>) -> DuplicateList {
    DuplicateList {
        items: rows
            .into_iter()
            .map(|r| Duplicate {
                id: r.id,
                label: r.label,
                reasons: r.reasons,
            })
            .collect(),
    }
}
