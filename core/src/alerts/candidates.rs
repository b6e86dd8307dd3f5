//! Candidate alerts of a record or a screening query: proposed by indexes (the subject's name
//! keys copied onto the alert and listed one per row in `alert_keys` for active alerts — a
//! B-tree probe the planner cannot trade for a scan, see migration 000025 —, trigram on its
//! Latin name, document numbers, identifiers), only the alerts active today, scored by the
//! matching engine.

use super::dto::{AlertStatus, RecordKind, SubjectKind};
use super::model::AlertRow;
use crate::db::schema::{alerts as a, conveyances};
use crate::error::Result;
use crate::registers::candidates::indexed;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::persons::dto::PersonDto;
use crate::registers::{companies, persons};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Int4, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use ncen_matching::company::{Company, CompanyFacts};
use ncen_matching::person::{Person, PersonFacts};
use ncen_matching::{Feature, Outcome, Thresholds};
use std::collections::HashMap;
use uuid::Uuid;

/// Alerts taken from each probe at most.
const PER_PROBE: i64 = 200;
/// Alerts taken from each name probe of a list's line (a list is many queries at once).
const PER_LINE_PROBE: i64 = 60;

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
      UNION (SELECT DISTINCT alert_id FROM alert_keys WHERE subject_kind = 'person' \
             AND key = ANY($2) LIMIT $6) \
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
      UNION (SELECT DISTINCT alert_id FROM alert_keys WHERE subject_kind = 'company' \
             AND key = ANY($2) LIMIT $5) \
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

/// What a person offers the alert probes, read once.
pub struct PersonProbe {
    prepared: Person,
    keys: Vec<String>,
    latin: String,
    documents: Vec<String>,
    phones: Vec<String>,
    emails: Vec<String>,
}

impl PersonProbe {
    pub fn new(facts: &PersonFacts) -> Self {
        let prepared = Person::prepare(facts);
        let keys = prepared.keys();
        let phones: Vec<String> = facts
            .phones
            .iter()
            .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|d| d.len() >= 6)
            .map(|d| super::input::phone_key(&d))
            .collect();
        PersonProbe {
            keys: keys.selective(),
            latin: keys.latin.clone(),
            documents: facts
                .documents
                .iter()
                .map(|d| crate::identifiers::normalise(&d.number))
                .filter(|n| !n.is_empty())
                .collect(),
            phones,
            emails: facts
                .emails
                .iter()
                .map(|e| e.trim().to_lowercase())
                .collect(),
            prepared,
        }
    }

    fn contacts(&self) -> Vec<String> {
        self.phones.iter().chain(&self.emails).cloned().collect()
    }

    /// Scores the proposed alerts (`subjects`: their subjects' records) against the person.
    fn score(
        &self,
        t: Thresholds,
        alerts: impl IntoIterator<Item = AlertRow>,
        subjects: &HashMap<Uuid, Person>,
        record: Option<(Uuid, bool)>,
    ) -> Vec<Found> {
        let (record_id, in_case) = record.unwrap_or((Uuid::nil(), false));
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
                    let Some(other) = alert.person_id.and_then(|id| subjects.get(&id)) else {
                        continue;
                    };
                    ncen_matching::person::compare(other, &self.prepared)
                }
                SubjectKind::Identifier => {
                    let (kind, norm) = (
                        alert.identifier_kind.clone().unwrap_or_default(),
                        alert.identifier_norm.clone().unwrap_or_default(),
                    );
                    let list = match kind.as_str() {
                        "document" => &self.documents,
                        "phone" => &self.phones,
                        "email" => &self.emails,
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
        out
    }
}

/// The alerts' subjects, read and prepared for the engine once each.
async fn prepared_subjects(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Person>> {
    Ok(persons::repo::load_many(conn, ids)
        .await?
        .into_iter()
        .map(|s: PersonDto| (s.id, Person::prepare(&person_facts(&s.fields))))
        .collect())
}

/// The active alerts a person (`facts`) hits, with the scores. `record`: the register record
/// the facts are (and whether a case brought it), or `None` for a screening query.
pub async fn person_alerts(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &PersonFacts,
    record: Option<(Uuid, bool)>,
) -> Result<Vec<Found>> {
    let probe = PersonProbe::new(facts);
    let ids = ids(indexed!(conn, {
        diesel::sql_query(PERSON_PROBE)
            .bind::<SqlUuid, _>(record.map_or(Uuid::nil(), |r| r.0))
            .bind::<Array<Text>, _>(&probe.keys)
            .bind::<Text, _>(&probe.latin)
            .bind::<Array<Text>, _>(&probe.documents)
            .bind::<Array<Text>, _>(&probe.contacts())
            .bind::<BigInt, _>(PER_PROBE)
            .load(conn)
            .await
    }));
    let alerts = active(conn, &ids).await?;
    let mut subjects: Vec<Uuid> = alerts.iter().filter_map(|a| a.person_id).collect();
    subjects.sort();
    subjects.dedup();
    let subjects = prepared_subjects(conn, &subjects).await?;
    Ok(probe.score(t, alerts, &subjects, record))
}

/// The person probes of every line of a list, in one statement: `(line, alert id)`.
const LINES_PROBE: &str = "WITH q AS (SELECT * FROM unnest($1::int[], $2::text[]) AS q(line, latin)), \
      k AS (SELECT line, array_agg(key) AS keys FROM unnest($3::int[], $4::text[]) AS k(line, key) GROUP BY line) \
    SELECT q.line, c.id FROM q LEFT JOIN k ON k.line = q.line CROSS JOIN LATERAL ( \
      (SELECT DISTINCT alert_id AS id FROM alert_keys WHERE subject_kind = 'person' \
         AND k.keys IS NOT NULL AND key = ANY(k.keys) LIMIT $9) \
      UNION (SELECT id FROM alerts WHERE status = 'active' AND q.latin <> '' AND q.latin <% match_latin \
         AND subject_kind = 'person' LIMIT $9) \
    ) c \
    UNION SELECT d.line, a.id FROM unnest($5::int[], $6::text[]) AS d(line, number) \
      JOIN person_documents pd ON pd.number_norm = d.number \
      JOIN alerts a ON a.person_id = pd.person_id AND a.status = 'active' \
    UNION SELECT d.line, a.id FROM unnest($5::int[], $6::text[]) AS d(line, number) \
      JOIN alerts a ON a.status = 'active' AND a.identifier_kind = 'document' AND a.identifier_norm = d.number \
    UNION SELECT c.line, a.id FROM unnest($7::int[], $8::text[]) AS c(line, contact) \
      JOIN alerts a ON a.status = 'active' AND a.identifier_kind IN ('phone', 'email') \
       AND a.identifier_norm = c.contact";

#[derive(QueryableByName)]
struct LineId {
    #[diesel(sql_type = Int4)]
    line: i32,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The active alerts each line of a list hits (`lines`: position and the person's facts),
/// with one statement for all lines' probes and one load of the alerts and their subjects.
pub async fn person_alerts_by_line(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    lines: &[(i32, &PersonFacts)],
) -> Result<HashMap<i32, Vec<Found>>> {
    let probes: Vec<(i32, PersonProbe)> = lines
        .iter()
        .map(|(line, facts)| (*line, PersonProbe::new(facts)))
        .collect();
    let flat = |pick: &dyn Fn(&PersonProbe) -> Vec<String>| {
        let mut at = Vec::new();
        let mut values = Vec::new();
        for (line, p) in &probes {
            for v in pick(p) {
                at.push(*line);
                values.push(v);
            }
        }
        (at, values)
    };
    let (key_line, keys) = flat(&|p| p.keys.clone());
    let (doc_line, docs) = flat(&|p| p.documents.clone());
    let (contact_line, contacts) = flat(&|p| p.contacts());
    let line: Vec<i32> = probes.iter().map(|(l, _)| *l).collect();
    let latin: Vec<String> = probes.iter().map(|(_, p)| p.latin.clone()).collect();
    let pairs: Vec<LineId> = indexed!(conn, {
        diesel::sql_query(LINES_PROBE)
            .bind::<Array<Int4>, _>(&line)
            .bind::<Array<Text>, _>(&latin)
            .bind::<Array<Int4>, _>(&key_line)
            .bind::<Array<Text>, _>(&keys)
            .bind::<Array<Int4>, _>(&doc_line)
            .bind::<Array<Text>, _>(&docs)
            .bind::<Array<Int4>, _>(&contact_line)
            .bind::<Array<Text>, _>(&contacts)
            .bind::<BigInt, _>(PER_LINE_PROBE)
            .load(conn)
            .await
    });
    let mut all: Vec<Uuid> = pairs.iter().map(|p| p.id).collect();
    all.sort();
    all.dedup();
    let alerts = active(conn, &all).await?;
    let mut subjects: Vec<Uuid> = alerts.iter().filter_map(|a| a.person_id).collect();
    subjects.sort();
    subjects.dedup();
    let subjects = prepared_subjects(conn, &subjects).await?;
    let by_id: HashMap<Uuid, &AlertRow> = alerts.iter().map(|a| (a.id, a)).collect();
    let mut by_line: HashMap<i32, Vec<Uuid>> = HashMap::new();
    for p in &pairs {
        by_line.entry(p.line).or_default().push(p.id);
    }
    let mut out = HashMap::new();
    for (line, probe) in &probes {
        let proposed: Vec<AlertRow> = by_line
            .get(line)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter_map(|id| by_id.get(id).map(|a| (*a).clone()))
            .collect();
        if !proposed.is_empty() {
            out.insert(*line, probe.score(t, proposed, &subjects, None));
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
    let ids = ids(indexed!(conn, {
        diesel::sql_query(COMPANY_PROBE)
            .bind::<SqlUuid, _>(record_id)
            .bind::<Array<Text>, _>(&probe_keys)
            .bind::<Text, _>(&keys.latin)
            .bind::<Array<Text>, _>(&idents)
            .bind::<BigInt, _>(PER_PROBE)
            .load(conn)
            .await
    }));
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

#[derive(QueryableByName)]
struct IdentifierHit {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    norm: String,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The active alerts on each of `wanted` (kind, normalised identifier) — as a bare identifier
/// or on a register conveyance carrying it — in one statement; each an exact hit. `shown`:
/// the identifier as written, for the explanation.
pub async fn identifier_alerts(
    conn: &mut AsyncPgConnection,
    wanted: &[(String, String, String)],
) -> Result<HashMap<(String, String), Vec<Found>>> {
    let kinds: Vec<&str> = wanted.iter().map(|w| w.0.as_str()).collect();
    let norms: Vec<&str> = wanted.iter().map(|w| w.1.as_str()).collect();
    let rows: Vec<IdentifierHit> = diesel::sql_query(
        "SELECT w.kind, w.norm, a.id FROM unnest($1::text[], $2::text[]) AS w(kind, norm) \
           JOIN alerts a ON a.status = 'active' AND a.identifier_kind = w.kind \
            AND a.identifier_norm = w.norm \
         UNION SELECT w.kind, w.norm, a.id FROM unnest($1::text[], $2::text[]) AS w(kind, norm) \
           JOIN conveyances c ON c.identifier_kind = w.kind AND c.identifier_norm = w.norm \
           JOIN alerts a ON a.conveyance_id = c.id AND a.status = 'active'",
    )
    .bind::<Array<Text>, _>(&kinds)
    .bind::<Array<Text>, _>(&norms)
    .load(conn)
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let alerts: HashMap<Uuid, AlertRow> = active(conn, &ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut out: HashMap<(String, String), Vec<Found>> = HashMap::new();
    for r in rows {
        let Some(alert) = alerts.get(&r.id) else {
            continue;
        };
        let shown = wanted
            .iter()
            .find(|w| w.0 == r.kind && w.1 == r.norm)
            .map_or(r.norm.as_str(), |w| w.2.as_str());
        let outcome = exact(&r.kind, format!("{shown} (same)"));
        out.entry((r.kind, r.norm)).or_default().push(Found {
            alert: alert.clone(),
            outcome,
        });
    }
    Ok(out)
}
