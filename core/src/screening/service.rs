//! `screen`: check, find candidates, score, audit — one transaction.

use super::dto::{
    Band, Candidate, CompanyQuery, PersonQuery, ScreeningParams, ScreeningRequest, ScreeningResult,
};
use crate::alerts;
use crate::audit::watch::{self, ReadWatch};
use crate::audit::{record, Actor, Event};
use crate::common::check::Checker;
use crate::error::Result;
use crate::registers::candidates as repo;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::{companies, persons};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_matching::company::{Company, CompanyFacts};
use ncen_matching::person::{Document, Person, PersonFacts};
use ncen_matching::{Outcome, Thresholds};

const DEFAULT_LIMIT: i64 = 20;

/// Screens one person or company against the registers.
pub async fn screen(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    thresholds: Thresholds,
    watch: &ReadWatch,
    request: ScreeningRequest,
    params: ScreeningParams,
) -> Result<ScreeningResult> {
    let mut ck = Checker::new();
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=50).contains(&limit) {
        ck.push("limit", "range", "must be between 1 and 50");
    }
    if let Some(user) = actor.id {
        // a screening is a search of the registers: the same page cap per minute
        watch::throttle_pages(conn, user, watch).await?;
    }
    match request {
        ScreeningRequest::Person(p) => {
            let facts = person_query(p, "person", &mut ck);
            ck.finish()?;
            conn.transaction(async |conn| {
                let mut result = screen_person(conn, thresholds, &facts, limit).await?;
                let found =
                    alerts::candidates::person_alerts(conn, thresholds, &facts, None).await?;
                result.alerts = alerts::hits::screening_alerts(conn, found).await?;
                audit(conn, actor, "screening.person", &result).await?;
                watch::note_reads(conn, actor, watch).await?;
                Ok(result)
            })
            .await
        }
        ScreeningRequest::Company(c) => {
            let facts = company_query(c, &mut ck);
            ck.finish()?;
            conn.transaction(async |conn| {
                let mut result = screen_company(conn, thresholds, &facts, limit).await?;
                let found =
                    alerts::candidates::company_alerts(conn, thresholds, &facts, None).await?;
                result.alerts = alerts::hits::screening_alerts(conn, found).await?;
                audit(conn, actor, "screening.company", &result).await?;
                watch::note_reads(conn, actor, watch).await?;
                Ok(result)
            })
            .await
        }
    }
}

/// A date of birth as a query gives it (`YYYY`, `YYYY-MM` with a month 01–12, `YYYY-MM-DD`
/// with a day 01–31, as the published pattern says): full when it is a real date, else its
/// year and month (`1979-02-30` is read `1979-02`: a query is not stored, and a near date
/// still helps). `None` when it does not follow the pattern.
pub(super) fn query_date(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let shaped = match parts.as_slice() {
        [y] => number(y, 4).is_some(),
        [y, m] => number(y, 4).is_some() && number(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    };
    let parse = crate::registers::persons::dto::parse_partial_date;
    shaped
        .then(|| {
            [raw, raw.get(..7).unwrap_or(""), raw.get(..4).unwrap_or("")]
                .into_iter()
                .find(|d| !d.is_empty() && parse(d).is_some())
        })
        .flatten()
        .map(str::to_string)
}

/// A person query checked field by field, errors under `prefix` (`person`, `rows[3]`).
pub(super) fn person_query(p: PersonQuery, prefix: &str, ck: &mut Checker) -> PersonFacts {
    let f = |name: &str| format!("{prefix}.{name}");
    let name = ck.text(&f("name"), p.name, 200);
    let family_name = ck.text(&f("family_name"), p.family_name, 200);
    let given_names = ck.text(&f("given_names"), p.given_names, 200);
    let raw_date = ck.text(&f("date_of_birth"), p.date_of_birth, 10);
    let date_of_birth = raw_date.as_deref().and_then(query_date);
    if raw_date.is_some() && date_of_birth.is_none() {
        ck.push(
            f("date_of_birth"),
            "format",
            "must be YYYY, YYYY-MM or YYYY-MM-DD",
        );
    }
    let gender = ck.one_of(
        &f("gender"),
        p.gender,
        crate::registers::persons::dto::GENDERS,
    );
    let nationalities = ck.texts(&f("nationalities"), p.nationalities, 10, 2);
    if p.documents.len() > 20 {
        ck.push(f("documents"), "length", "at most 20 items");
    }
    let documents: Vec<Document> = p
        .documents
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let number = ck.text(
                &format!("{prefix}.documents[{i}].number"),
                Some(d.number),
                64,
            )?;
            let country = ck.text(&format!("{prefix}.documents[{i}].country"), d.country, 2);
            Some(Document { number, country })
        })
        .collect();
    let phones = ck.texts(&f("phones"), p.phones, 20, 40);
    let emails = ck.texts(&f("emails"), p.emails, 20, 254);
    let has_name = [&name, &family_name, &given_names].iter().any(|n| {
        n.as_deref()
            .is_some_and(|n| n.chars().any(char::is_alphabetic))
    });
    if !has_name && documents.is_empty() && phones.is_empty() && emails.is_empty() {
        ck.push(
            prefix,
            "nothing_to_match",
            "give a name, a document number, a phone or an e-mail",
        );
    }
    PersonFacts {
        family_name,
        given_names,
        name,
        aliases: Vec::new(),
        original_script_name: None,
        date_of_birth,
        gender,
        nationalities,
        documents,
        phones,
        emails,
        addresses: Vec::new(),
    }
}

fn company_query(c: CompanyQuery, ck: &mut Checker) -> CompanyFacts {
    let name = ck.text("company.name", c.name, 200);
    let country = ck.text("company.country", c.country, 2);
    let registration_number = ck.text("company.registration_number", c.registration_number, 64);
    let tax_id = ck.text("company.tax_id", c.tax_id, 64);
    let eori = ck.text("company.eori", c.eori, 32);
    let has_name = name
        .as_deref()
        .is_some_and(|n| n.chars().any(char::is_alphanumeric));
    if !has_name && registration_number.is_none() && tax_id.is_none() && eori.is_none() {
        ck.push(
            "company",
            "nothing_to_match",
            "give a name, a registration number, a tax id or an EORI",
        );
    }
    CompanyFacts {
        name,
        aliases: Vec::new(),
        country,
        registration_number,
        tax_id,
        eori,
        phones: Vec::new(),
        emails: Vec::new(),
        addresses: Vec::new(),
    }
}

/// Persons of the registers that may be `facts`, best first (no audit: the caller's).
pub async fn screen_person(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &PersonFacts,
    limit: i64,
) -> Result<ScreeningResult> {
    let query = Person::prepare(facts);
    let ids = repo::persons_for(conn, facts, &query).await?;
    let records = persons::repo::load_many(conn, &ids).await?;
    let scored = records.len();
    let candidates = records
        .iter()
        .map(|r| person_candidate(&query, r))
        .collect();
    Ok(result(candidates, t, limit, scored))
}

/// A register person scored against `query`, with its list label.
pub(super) fn person_candidate(
    query: &Person,
    r: &crate::registers::persons::dto::PersonDto,
) -> (&'static str, uuid::Uuid, String, Outcome) {
    person_candidate_prepared(
        query,
        r.id,
        &r.fields,
        &Person::prepare(&person_facts(&r.fields)),
    )
}

/// As `person_candidate`, with the record (`id`, `f`) already prepared for the engine (a list
/// prepares each record once for all its lines).
pub(crate) fn person_candidate_prepared(
    query: &Person,
    id: uuid::Uuid,
    f: &crate::registers::persons::dto::PersonInput,
    prepared: &Person,
) -> (&'static str, uuid::Uuid, String, Outcome) {
    let outcome = ncen_matching::person::compare(query, prepared);
    let mut label = format!(
        "{}{}",
        f.family_name.clone().unwrap_or_default().to_uppercase(),
        f.given_names
            .as_deref()
            .map(|g| format!(", {g}"))
            .unwrap_or_default()
    );
    if let Some(d) = &f.date_of_birth {
        label.push_str(&format!(" ({d})"));
    }
    ("person", id, label, outcome)
}

/// Companies of the registers that may be `facts`, best first (no audit: the caller's).
pub async fn screen_company(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &CompanyFacts,
    limit: i64,
) -> Result<ScreeningResult> {
    let query = Company::prepare(facts);
    let ids = repo::companies_for(conn, facts, &query).await?;
    let records = companies::repo::load_many(conn, &ids).await?;
    let scored = records.len();
    let candidates = records
        .into_iter()
        .map(|r| {
            let outcome = ncen_matching::company::compare(
                &query,
                &Company::prepare(&company_facts(&r.fields)),
            );
            let f = &r.fields;
            let label = format!(
                "{}{}",
                f.name.clone().unwrap_or_default(),
                f.country
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default()
            );
            ("company", r.id, label, outcome)
        })
        .collect();
    Ok(result(candidates, t, limit, scored))
}

pub(crate) fn result(
    all: Vec<(&str, uuid::Uuid, String, Outcome)>,
    t: Thresholds,
    limit: i64,
    scored: usize,
) -> ScreeningResult {
    let mut candidates: Vec<Candidate> = all
        .into_iter()
        .filter(|c| c.3.score >= t.review || c.3.exact_identifier())
        .map(|(kind, id, label, o)| Candidate {
            kind: kind.to_string(),
            id,
            label,
            band: if o.is_hit(t) { Band::Hit } else { Band::Review },
            score: o.score,
            features: o.features,
        })
        .collect();
    // hits first (an exact identifier may score low), then by score
    candidates.sort_by(|a, b| {
        (b.band == Band::Hit)
            .cmp(&(a.band == Band::Hit))
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.label.cmp(&b.label))
    });
    candidates.truncate(usize::try_from(limit).unwrap_or(20));
    ScreeningResult {
        candidates,
        thresholds: t,
        scored,
        alerts: Vec::new(),
    }
}

async fn audit(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    action: &str,
    r: &ScreeningResult,
) -> Result<()> {
    let ids: Vec<uuid::Uuid> = r.candidates.iter().map(|c| c.id).collect();
    let hits = r.candidates.iter().filter(|c| c.band == Band::Hit).count();
    record(
        conn,
        actor,
        Event::new(action).details(serde_json::json!({
            "returned": ids,
            "hits": hits,
            "alerts": r.alerts.iter().map(|a| &a.alert_reference).collect::<Vec<_>>(),
        })),
    )
    .await?;
    Ok(())
}
