//! Register search by relevance: the free text read as the matching engine reads a screening
//! query (a name in any order and script, a year or date of birth, an identifier), candidates
//! from the engine's indexes joined to the plain text matches, every record scored, best
//! first. `mwangi abdirahman 1979` ranks the Abdirahman Mwangi born in 1979 above his
//! namesakes; `عبد القادر بن صالح` finds the record written in Latin letters.

use crate::registers::companies::dto::CompanyDto;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::order::Listed;
use crate::registers::persons::dto::PersonDto;
use ncen_matching::company::{Company, CompanyFacts};
use ncen_matching::person::{Document, Person, PersonFacts};
use uuid::Uuid;

/// How many candidates each source may bring to be scored.
pub const CANDIDATES: i64 = 200;

/// The records of `table` (`persons` or `companies`) whose name the text names, bounded
/// whatever was typed (at most [`CANDIDATES`] per part):
/// - the same words in any order (the folded, sorted name key: `search_key`'s B-tree);
/// - for one word of three letters or more, every name containing it (`orion` finds
///   `Orionis Distribution`; the trigram index);
/// - one or two letters are too short to look for inside names (a trigram search of two
///   letters reads the whole index: 0.4 s at 500 000 companies).
///
/// Names of several words are the engine's: a trigram search of a long name reads the
/// posting lists of every common word in it (20 ms at 500 000 companies), and the engine's
/// keys already find names sharing those words in any order and spelling.
pub async fn named(
    conn: &mut diesel_async::AsyncPgConnection,
    table: &str,
    name: &str,
) -> diesel::QueryResult<Vec<Uuid>> {
    use diesel::sql_types::{BigInt, Text};
    use diesel_async::RunQueryDsl;
    let key: String = diesel::select(
        diesel::dsl::sql::<Text>("ncen_name_key(")
            .bind::<Text, _>(name)
            .sql(")"),
    )
    .get_result(conn)
    .await?;
    let letters = key.chars().count();
    if letters == 0 {
        return Ok(Vec::new());
    }
    let same =
        format!("(SELECT id FROM {table} WHERE merged_into IS NULL AND search_key = $1 LIMIT $2)");
    let sql = if letters >= 3 && !key.contains(' ') {
        format!("{same} UNION (SELECT id FROM {table} WHERE merged_into IS NULL AND search_key LIKE '%' || $1 || '%' LIMIT $2)")
    } else {
        same
    };
    let rows: Vec<Named> = diesel::sql_query(sql)
        .bind::<Text, _>(&key)
        .bind::<BigInt, _>(CANDIDATES)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

#[derive(diesel::QueryableByName)]
struct Named {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
}

/// A date written in the search box: `1979`, `1979-11`, `1979-11-07`, `07.11.1979` or
/// `07/11/1979`, as the partial date the registers store.
fn date_token(t: &str) -> Option<String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = t.split(['.', '/']).collect();
    let candidate = match parts.as_slice() {
        [y] if digits(y, 4) => (*y).to_string(),
        [d, m, y] if digits(y, 4) && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ if t.len() >= 7 && t.get(4..5) == Some("-") => t.to_string(),
        _ => return None,
    };
    let (y, _, _) = crate::registers::persons::dto::parse_partial_date(&candidate)?;
    (1900..=2100).contains(&y).then_some(candidate)
}

/// A person query read from free text.
pub fn person_query(q: &str) -> PersonFacts {
    let mut name = Vec::new();
    let mut date = None;
    for token in q.split_whitespace() {
        match date_token(token) {
            Some(d) if date.is_none() => date = Some(d),
            // a token with digits is a number (document, phone), not part of a name
            _ if token.chars().any(|c| c.is_ascii_digit()) => {}
            _ => name.push(token),
        }
    }
    let text = q.trim();
    let one_token = !text.contains(char::is_whitespace);
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    PersonFacts {
        name: Some(name.join(" ")).filter(|n| n.chars().any(char::is_alphabetic)),
        date_of_birth: date,
        documents: (one_token && has_digit && date_token(text).is_none())
            .then(|| Document {
                number: text.to_string(),
                country: None,
            })
            .into_iter()
            .collect(),
        phones: (has_digit && text.chars().filter(char::is_ascii_digit).count() >= 6)
            .then(|| text.to_string())
            .into_iter()
            .collect(),
        emails: text
            .contains('@')
            .then(|| text.to_string())
            .into_iter()
            .collect(),
        ..PersonFacts::default()
    }
}

/// A company query read from free text (a name, or an identifier).
pub fn company_query(q: &str) -> CompanyFacts {
    let text = q.trim();
    let ident = (!text.contains(char::is_whitespace) && text.chars().any(|c| c.is_ascii_digit()))
        .then(|| text.to_string());
    CompanyFacts {
        name: Some(text.to_string()),
        registration_number: ident.clone(),
        tax_id: ident.clone(),
        eori: ident,
        ..CompanyFacts::default()
    }
}

/// Scores `rows` against the query and keeps, best first, at most `limit`: records the text
/// matched whatever their score, records only the engine proposed when at least `review`.
pub fn rank_persons(
    facts: &PersonFacts,
    rows: Vec<Listed<PersonDto>>,
    text_matched: &[Uuid],
    review: f64,
    limit: i64,
) -> Vec<Listed<PersonDto>> {
    let query = Person::prepare(facts);
    let scored = rows
        .into_iter()
        .map(|r| {
            let o = ncen_matching::person::compare(
                &query,
                &Person::prepare(&person_facts(&r.record.fields)),
            );
            (o.score, o.exact_identifier(), r)
        })
        .collect();
    keep(scored, text_matched, review, limit, |r| r.record.id)
}

/// As `rank_persons`, for companies.
pub fn rank_companies(
    facts: &CompanyFacts,
    rows: Vec<Listed<CompanyDto>>,
    text_matched: &[Uuid],
    review: f64,
    limit: i64,
) -> Vec<Listed<CompanyDto>> {
    let query = Company::prepare(facts);
    let scored = rows
        .into_iter()
        .map(|r| {
            let o = ncen_matching::company::compare(
                &query,
                &Company::prepare(&company_facts(&r.record.fields)),
            );
            (o.score, o.exact_identifier(), r)
        })
        .collect();
    keep(scored, text_matched, review, limit, |r| r.record.id)
}

fn keep<T>(
    mut scored: Vec<(f64, bool, Listed<T>)>,
    text_matched: &[Uuid],
    review: f64,
    limit: i64,
    id: impl Fn(&Listed<T>) -> Uuid,
) -> Vec<Listed<T>> {
    scored.retain(|(score, exact, r)| *exact || *score >= review || text_matched.contains(&id(r)));
    scored.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| b.0.total_cmp(&a.0))
            .then_with(|| a.2.key.cmp(&b.2.key))
    });
    scored
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(0))
        .map(|(_, _, r)| r)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_or_a_date_is_read_as_the_birth_date() {
        let q = person_query("mwangi abdirahman 1979");
        assert_eq!(q.name.as_deref(), Some("mwangi abdirahman"));
        assert_eq!(q.date_of_birth.as_deref(), Some("1979"));
        assert_eq!(
            person_query("Bensaleh 07.11.1979").date_of_birth.as_deref(),
            Some("1979-11-07")
        );
        assert!(person_query("A08251482").documents.len() == 1);
        assert!(person_query("Ivanov").documents.is_empty());
    }
}
