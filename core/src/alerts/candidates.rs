//! Candidate alerts of a record or a screening query: proposed by indexes (the subject's name
//! keys copied onto the alert, trigram on its Latin name, document numbers, identifiers), only
//! the alerts active today, scored by the matching engine.

use super::dto::{AlertStatus, RecordKind, SubjectKind};
use super::model::AlertRow;
use crate::db::schema::{alerts as a, conveyances};
use crate::error::Result;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::{companies, persons};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_matching::company::{Company, CompanyFacts};
use ncen_matching::person::{Person, PersonFacts};
use ncen_matching::{Feature, Outcome, Thresholds};
use uuid::Uuid;

/// Alerts taken from each probe at most.
const PER_PROBE: i64 = 200;

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// A candidate hit: the alert, the score and why.
pub struct Found {
    pub alert: AlertRow,
    pub outcome: Outcome,
}

fn exact(feature: &str, detail: String) -> Outcome {
    Outcome {
        score: 1.0,
        features: vec![Feature::new(feature, detail, 1.0)],
    }
}

/// The alerts active today among `ids`.
async fn active(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<AlertRow>> {
    let today = chrono::Utc::now().date_naive();
    Ok(a::table
        .filter(a::id.eq_any(ids))
        .filter(a::status.eq(AlertStatus::Active))
        .filter(a::valid_from.le(today))
        .filter(a::valid_until.ge(today))
        .select(AlertRow::as_select())
        .load(conn)
        .await?)
}

fn ids(rows: Vec<Id>) -> Vec<Uuid> {
    rows.into_iter().map(|r| r.id).collect()
}

/// Candidate alerts of a person: on the person itself, on a person sharing a name key, close
/// in spelling or carrying one of its documents; on a bare document number, phone or e-mail
/// it carries.
const PERSON_PROBE: &str = "SELECT id FROM ( \
      (SELECT id FROM alerts WHERE person_id = $1 AND status = 'active') \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND cardinality($2::text[]) > 0 \
             AND match_keys && $2 AND subject_kind = 'person' LIMIT $6) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND $3 <> '' AND $3 <% match_latin \
             AND subject_kind = 'person' LIMIT $6) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND person_id IN \
             (SELECT person_id FROM person_documents WHERE number_norm = ANY($4) LIMIT $6)) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND identifier_norm = ANY($4) \
             AND identifier_kind = 'document') \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND identifier_norm = ANY($5) \
             AND identifier_kind IN ('phone', 'email')) \
    ) c";

/// Candidate alerts of a company: on the company itself, on a company sharing a name key,
/// close in spelling, or sharing a registration number, tax id or EORI.
const COMPANY_PROBE: &str = "SELECT id FROM ( \
      (SELECT id FROM alerts WHERE company_id = $1 AND status = 'active') \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND cardinality($2::text[]) > 0 \
             AND match_keys && $2 AND subject_kind = 'company' LIMIT $5) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND $3 <> '' AND $3 <% match_latin \
             AND subject_kind = 'company' LIMIT $5) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND company_id IN ( \
             SELECT id FROM companies WHERE ncen_ident(registration_number) = ANY($4) \
             UNION SELECT id FROM companies WHERE ncen_ident(tax_id) = ANY($4) \
             UNION SELECT id FROM companies WHERE ncen_ident(eori) = ANY($4))) \
    ) c";

/// Candidate alerts of a conveyance: on it, or on its identifier (as a conveyance's or bare).
const CONVEYANCE_PROBE: &str = "SELECT id FROM ( \
      (SELECT id FROM alerts WHERE conveyance_id = $1 AND status = 'active') \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND identifier_norm = $2 \
             AND identifier_kind = $3) \
    ) c";

/// The active alerts a register record hits, with the scores; `in_case`: a case brought it
/// (the alert's own subject then hits too).
pub async fn for_record(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    kind: RecordKind,
    id: Uuid,
    in_case: bool,
) -> Result<Vec<Found>> {
    match kind {
        RecordKind::Person => check_person(conn, t, id, in_case).await,
        RecordKind::Company => check_company(conn, t, id, in_case).await,
        RecordKind::Conveyance => check_conveyance(conn, id, in_case).await,
    }
}

async fn check_person(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    id: Uuid,
    in_case: bool,
) -> Result<Vec<Found>> {
    let Some(record) = persons::repo::load_many(conn, &[id]).await?.pop() else {
        return Ok(Vec::new());
    };
    let facts = person_facts(&record.fields);
    person_alerts(conn, t, &facts, Some((id, in_case))).await
}

/// The active alerts a person (`facts`) hits, with the scores. `record`: the register record
/// the facts are (and whether a case brought it), or `None` for a screening query.
pub async fn person_alerts(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &PersonFacts,
    record: Option<(Uuid, bool)>,
) -> Result<Vec<Found>> {
    let (record_id, in_case) = record.unwrap_or((Uuid::nil(), false));
    let prepared = Person::prepare(facts);
    let keys = prepared.keys();
    let probe_keys = keys.selective();
    let documents: Vec<String> = facts
        .documents
        .iter()
        .map(|d| crate::identifiers::normalise(&d.number))
        .filter(|n| !n.is_empty())
        .collect();
    let phones: Vec<String> = facts
        .phones
        .iter()
        .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|d| d.len() >= 6)
        .map(|d| super::input::phone_key(&d))
        .collect();
    let emails: Vec<String> = facts
        .emails
        .iter()
        .map(|e| e.trim().to_lowercase())
        .collect();
    let contacts: Vec<String> = phones.iter().chain(&emails).cloned().collect();
    let ids = ids(diesel::sql_query(PERSON_PROBE)
        .bind::<SqlUuid, _>(record_id)
        .bind::<Array<Text>, _>(&probe_keys)
        .bind::<Text, _>(&keys.latin)
        .bind::<Array<Text>, _>(&documents)
        .bind::<Array<Text>, _>(&contacts)
        .bind::<BigInt, _>(PER_PROBE)
        .load(conn)
        .await?);
    let alerts = active(conn, &ids).await?;
    let subjects: Vec<Uuid> = alerts.iter().filter_map(|a| a.person_id).collect();
    let subjects = persons::repo::load_many(conn, &subjects).await?;
    let mut out = Vec::new();
    for alert in alerts {
        let outcome = match alert.subject_kind {
            SubjectKind::Person if alert.person_id == Some(record_id) => {
                if !in_case {
                    // the subject's own record corrected: not news to the owner
                    continue;
                }
                exact("record", "the alert's subject itself".into())
            }
            SubjectKind::Person => {
                let Some(subject) = subjects.iter().find(|s| Some(s.id) == alert.person_id) else {
                    continue;
                };
                let other = Person::prepare(&person_facts(&subject.fields));
                ncen_matching::person::compare(&other, &prepared)
            }
            SubjectKind::Identifier => {
                let (kind, norm) = (
                    alert.identifier_kind.clone().unwrap_or_default(),
                    alert.identifier_norm.clone().unwrap_or_default(),
                );
                let list = match kind.as_str() {
                    "document" => &documents,
                    "phone" => &phones,
                    "email" => &emails,
                    _ => continue,
                };
                if !list.contains(&norm) {
                    continue;
                }
                exact(&kind, format!("{norm} (same)"))
            }
            _ => continue,
        };
        if outcome.is_hit(t) {
            out.push(Found { alert, outcome });
        }
    }
    Ok(out)
}

async fn check_company(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    id: Uuid,
    in_case: bool,
) -> Result<Vec<Found>> {
    let Some(record) = companies::repo::load_many(conn, &[id]).await?.pop() else {
        return Ok(Vec::new());
    };
    let facts = company_facts(&record.fields);
    company_alerts(conn, t, &facts, Some((id, in_case))).await
}

/// The active alerts a company (`facts`) hits, with the scores (`record` as for persons).
pub async fn company_alerts(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &CompanyFacts,
    record: Option<(Uuid, bool)>,
) -> Result<Vec<Found>> {
    let (record_id, in_case) = record.unwrap_or((Uuid::nil(), false));
    let prepared = Company::prepare(facts);
    let keys = prepared.keys();
    let probe_keys = keys.selective();
    let idents: Vec<String> = [&facts.registration_number, &facts.tax_id, &facts.eori]
        .into_iter()
        .flatten()
        .map(|v| {
            v.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase)
                .collect::<String>()
        })
        .filter(|v| !v.is_empty())
        .collect();
    let ids = ids(diesel::sql_query(COMPANY_PROBE)
        .bind::<SqlUuid, _>(record_id)
        .bind::<Array<Text>, _>(&probe_keys)
        .bind::<Text, _>(&keys.latin)
        .bind::<Array<Text>, _>(&idents)
        .bind::<BigInt, _>(PER_PROBE)
        .load(conn)
        .await?);
    let alerts = active(conn, &ids).await?;
    let subjects: Vec<Uuid> = alerts.iter().filter_map(|a| a.company_id).collect();
    let subjects = companies::repo::load_many(conn, &subjects).await?;
    let mut out = Vec::new();
    for alert in alerts {
        let outcome = if alert.company_id == Some(record_id) {
            if !in_case {
                continue;
            }
            exact("record", "the alert's subject itself".into())
        } else {
            let Some(subject) = subjects.iter().find(|s| Some(s.id) == alert.company_id) else {
                continue;
            };
            let other = Company::prepare(&company_facts(&subject.fields));
            ncen_matching::company::compare(&other, &prepared)
        };
        if outcome.is_hit(t) {
            out.push(Found { alert, outcome });
        }
    }
    Ok(out)
}

async fn check_conveyance(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    in_case: bool,
) -> Result<Vec<Found>> {
    let row: Option<(String, String, String)> = conveyances::table
        .find(id)
        .select((
            conveyances::identifier_kind,
            conveyances::identifier,
            conveyances::identifier_norm,
        ))
        .first(conn)
        .await
        .optional()?;
    let Some((kind, identifier, norm)) = row else {
        return Ok(Vec::new());
    };
    let ids = ids(diesel::sql_query(CONVEYANCE_PROBE)
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&norm)
        .bind::<Text, _>(&kind)
        .load(conn)
        .await?);
    let alerts = active(conn, &ids).await?;
    let mut out = Vec::new();
    for alert in alerts {
        let outcome = if alert.conveyance_id == Some(id) {
            if !in_case {
                continue;
            }
            exact("record", "the alert's subject itself".into())
        } else if alert.identifier_norm.as_deref() == Some(norm.as_str())
            && alert.identifier_kind.as_deref() == Some(kind.as_str())
        {
            exact(&kind, format!("{identifier} (same)"))
        } else {
            continue;
        };
        out.push(Found { alert, outcome });
    }
    Ok(out)
}

/// The active alerts on a bare identifier of `kind` (as normalised by `input::identifier_norm`)
/// or on a register conveyance carrying it — each an exact hit.
pub async fn identifier_alerts(
    conn: &mut AsyncPgConnection,
    kind: &str,
    norm: &str,
    shown: &str,
) -> Result<Vec<Found>> {
    let ids = ids(diesel::sql_query(
        "SELECT id FROM alerts WHERE status = 'active' AND identifier_kind = $1 \
           AND identifier_norm = $2 \
         UNION SELECT a.id FROM alerts a JOIN conveyances c ON c.id = a.conveyance_id \
          WHERE a.status = 'active' AND c.identifier_kind = $1 AND c.identifier_norm = $2",
    )
    .bind::<Text, _>(kind)
    .bind::<Text, _>(norm)
    .load(conn)
    .await?);
    Ok(active(conn, &ids)
        .await?
        .into_iter()
        .map(|alert| Found {
            alert,
            outcome: exact(kind, format!("{shown} (same)")),
        })
        .collect())
}
