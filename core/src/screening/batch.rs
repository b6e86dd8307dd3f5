//! Batch screening: a passenger list or a cargo manifest checked in one request against the
//! active alerts and the registers — the check a passenger information unit runs before a
//! flight lands. Every line is checked first (all errors at once, nothing screened when one
//! line is wrong); the register candidates of all lines come from one statement and one load,
//! then each line is scored, and the list comes back hits first. One audit row
//! (`screening.batch`) lists every record and alert shown.

use super::dto::{
    Band, BatchCounts, BatchLine, BatchOutcome, BatchResult, BatchRow, DocumentQuery, PersonQuery,
};
use super::service::{person_candidate_prepared, person_query, result};
use crate::alerts::{self, candidates::Found};
use crate::audit::watch::{self, ReadWatch};
use crate::audit::{record, Actor, Event};
use crate::common::check::Checker;
use crate::error::{Error, Result};
use crate::identifiers::{self, IdentifierKind};
use crate::registers::candidates::{self as repo, LineProbe};
use crate::registers::match_keys::person_facts;
use crate::registers::persons::{self, dto::PersonDto};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_matching::person::{Person, PersonFacts};
use ncen_matching::{Feature, Outcome, Thresholds};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The most lines one request may carry.
pub const MAX_LINES: usize = 1000;
/// The columns a CSV list may have (the fields of `BatchRow`).
const COLUMNS: [&str; 16] = [
    "reference",
    "name",
    "family_name",
    "given_names",
    "date_of_birth",
    "gender",
    "nationality",
    "document_number",
    "document_country",
    "phone",
    "email",
    "container",
    "air_waybill",
    "bill_of_lading",
    "flight_number",
    "plate",
];
/// Register candidates kept per line.
const PER_LINE: i64 = 3;
/// From this many lines with a person on, a second connection takes part of the work.
const SPLIT_FROM: usize = 20;
/// The share of the lines (%) probed on the request's own connection, which also probes the
/// alerts; the side connection takes the rest of the lines.
const MAIN_SHARE: usize = 35;

/// A line ready to screen.
struct Line {
    line: usize,
    reference: Option<String>,
    label: String,
    person: Option<PersonFacts>,
    /// (kind, normalised, as written)
    identifiers: Vec<(IdentifierKind, String, String)>,
}

/// Reads a CSV list: a header line naming the columns (those of `BatchRow`, any order), then
/// one line per passenger or consignment. An unknown column or a malformed line is a 422.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<BatchRow>> {
    if bytes.contains(&0) {
        return Err(Error::validation(
            "rows",
            "nul_character",
            "text may not contain the NUL character (U+0000)",
        ));
    }
    // a byte-order mark some spreadsheets write before the header
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader.headers().map_err(|e| {
        Error::validation(
            "columns",
            "csv",
            &format!("cannot be read: {}", csv_message(&e)),
        )
    })?;
    if let Some(unknown) = headers.iter().find(|h| !COLUMNS.contains(h)) {
        return Err(Error::validation(
            "columns",
            "csv",
            &format!(
                "unknown column `{}`; the columns are {}",
                unknown.chars().take(40).collect::<String>(),
                COLUMNS.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.deserialize::<BatchRow>().enumerate() {
        if rows.len() >= MAX_LINES {
            return Err(Error::validation(
                "rows",
                "length",
                &format!("at most {MAX_LINES} lines"),
            ));
        }
        match record {
            Ok(row) => rows.push(row),
            Err(e) => {
                return Err(Error::validation(
                    &format!("rows[{i}]"),
                    "csv",
                    &format!("cannot be read: {}", csv_message(&e)),
                ));
            }
        }
    }
    Ok(rows)
}

/// The reason a CSV line was refused, without echoing its content.
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8".into(),
        csv::ErrorKind::Deserialize { err, .. } => err.to_string(),
        _ => "malformed CSV".into(),
    }
}

fn check_line(i: usize, row: BatchRow, ck: &mut Checker) -> Line {
    let prefix = format!("rows[{i}]");
    let f = |name: &str| format!("{prefix}.{name}");
    let reference = ck.text(&f("reference"), row.reference, 40);
    let nationality = ck.text(&f("nationality"), row.nationality, 2);
    let document_number = ck.text(&f("document_number"), row.document_number, 64);
    let document_country = ck.text(&f("document_country"), row.document_country, 2);
    let phone = ck.text(&f("phone"), row.phone, 40);
    let email = ck.text(&f("email"), row.email, 254);
    let mut identifiers = Vec::new();
    for (field, kind, value, max) in [
        ("container", IdentifierKind::Container, row.container, 20),
        (
            "air_waybill",
            IdentifierKind::AirWaybill,
            row.air_waybill,
            20,
        ),
        (
            "bill_of_lading",
            IdentifierKind::BillOfLading,
            row.bill_of_lading,
            40,
        ),
        (
            "flight_number",
            IdentifierKind::FlightNumber,
            row.flight_number,
            20,
        ),
        ("plate", IdentifierKind::Plate, row.plate, 20),
    ] {
        let Some(value) = ck.text(&f(field), value, max) else {
            continue;
        };
        match identifiers::validate(kind, &value) {
            Ok(norm) => identifiers.push((kind, norm, value)),
            Err(e) => ck.push(f(field), e.code(), e.message()),
        }
    }
    let personal = [
        &row.name,
        &row.family_name,
        &row.given_names,
        &document_number,
        &phone,
        &email,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()));
    let mut label_parts: Vec<String> = [&row.name, &row.family_name, &row.given_names]
        .into_iter()
        .flatten()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    label_parts.extend(row.date_of_birth.clone().filter(|d| !d.trim().is_empty()));
    label_parts.extend(document_number.clone());
    label_parts.extend(identifiers.iter().map(|(_, _, shown)| shown.clone()));
    let person = if personal {
        let query = PersonQuery {
            name: row.name,
            family_name: row.family_name,
            given_names: row.given_names,
            date_of_birth: row.date_of_birth,
            gender: row.gender,
            nationalities: nationality.into_iter().collect(),
            documents: document_number
                .map(|number| DocumentQuery {
                    number,
                    country: document_country,
                })
                .into_iter()
                .collect(),
            phones: phone.into_iter().collect(),
            emails: email.into_iter().collect(),
        };
        Some(person_query(query, &prefix, ck))
    } else {
        if identifiers.is_empty() {
            ck.push(
                prefix.as_str(),
                "nothing_to_match",
                "give a name, a document number, a phone, an e-mail or a conveyance identifier",
            );
        }
        None
    };
    Line {
        line: i + 1,
        reference,
        label: label_parts.join(" · "),
        person,
        identifiers,
    }
}

/// Screens every line of a list; hits first.
pub async fn screen_batch(
    conn: &mut AsyncPgConnection,
    side: Option<&mut AsyncPgConnection>,
    actor: &Actor,
    t: Thresholds,
    watch: &ReadWatch,
    rows: Vec<BatchRow>,
) -> Result<BatchResult> {
    if rows.is_empty() || rows.len() > MAX_LINES {
        return Err(Error::validation(
            "rows",
            "length",
            &format!("must have 1 to {MAX_LINES} lines"),
        ));
    }
    let mut ck = Checker::new();
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| check_line(i, r, &mut ck))
        .collect();
    ck.finish()?;
    if let Some(user) = actor.id {
        watch::throttle_pages(conn, user, watch).await?;
    }
    conn.transaction(async |conn| {
        let result = screen_lines(conn, side, t, lines).await?;
        audit(conn, actor, &result).await?;
        watch::note_reads(conn, actor, watch).await?;
        Ok(result)
    })
    .await
}

/// The persons the lines may be (`(line, id)` pairs) and their records: one probe statement,
/// one load.
async fn probe_and_load(
    conn: &mut AsyncPgConnection,
    probes: &[LineProbe],
) -> Result<(Vec<(i32, Uuid)>, HashMap<Uuid, PersonDto>)> {
    if probes.is_empty() {
        return Ok((Vec::new(), HashMap::new()));
    }
    let pairs = repo::persons_by_line(conn, probes, repo::LineBounds::LIST).await?;
    let ids: Vec<Uuid> = pairs
        .iter()
        .map(|(_, id)| *id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let records = persons::repo::load_many(conn, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    Ok((pairs, records))
}

/// The active alerts each line's person may be the subject of: one statement.
async fn person_alerts(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    facts: &[(i32, &PersonFacts)],
) -> Result<HashMap<i32, Vec<Found>>> {
    if facts.is_empty() {
        return Ok(HashMap::new());
    }
    alerts::candidates::person_alerts_by_line(conn, t, facts).await
}

async fn screen_lines(
    conn: &mut AsyncPgConnection,
    side: Option<&mut AsyncPgConnection>,
    t: Thresholds,
    lines: Vec<Line>,
) -> Result<BatchResult> {
    // the persons every line may be: one statement, one load
    let prepared: Vec<Option<Person>> = lines
        .iter()
        .map(|l| l.person.as_ref().map(Person::prepare))
        .collect();
    let probes: Vec<LineProbe> = lines
        .iter()
        .zip(&prepared)
        .filter_map(|(l, p)| {
            let (facts, p) = (l.person.as_ref()?, p.as_ref()?);
            let keys = p.keys();
            Some(LineProbe {
                line: i32::try_from(l.line).unwrap_or(i32::MAX),
                keys: keys.selective(),
                latin: keys.spelling_probe().to_string(),
                birth_year: repo::birth_year(facts),
                documents: repo::documents(facts),
            })
        })
        .collect();
    let facts: Vec<(i32, &PersonFacts)> = lines
        .iter()
        .filter_map(|l| Some((i32::try_from(l.line).ok()?, l.person.as_ref()?)))
        .collect();
    // Two connections, two cores: this one probes the alerts and the first part of the lines
    // while the side connection probes the rest (the split evens the two out). Both only read, and this request's audit row commits before anything is shown.
    let (pairs, mut records, side_part) = match side {
        Some(side) if probes.len() >= SPLIT_FROM => {
            let at = probes.len() * MAIN_SHARE / 100;
            let (mine, theirs) = probes.split_at(at);
            let (main, other) = futures_util::future::join(
                async {
                    let alerts = person_alerts(conn, t, &facts).await?;
                    let (pairs, records) = probe_and_load(conn, mine).await?;
                    Ok::<_, Error>((pairs, records, alerts))
                },
                probe_and_load(side, theirs),
            )
            .await;
            let ((mut pairs, records, alerts), (other_pairs, other_records)) = (main?, other?);
            pairs.extend(other_pairs);
            (pairs, records, Some((other_records, alerts)))
        }
        _ => {
            let (pairs, records) = probe_and_load(conn, &probes).await?;
            (pairs, records, None)
        }
    };
    let mut person_alerts = match side_part {
        Some((other_records, alerts)) => {
            records.extend(other_records);
            alerts
        }
        None => person_alerts(conn, t, &facts).await?,
    };
    // each record prepared for the engine once, whatever the number of lines it may be
    let ready: HashMap<Uuid, Person> = records
        .iter()
        .map(|(id, r)| (*id, Person::prepare(&person_facts(&r.fields))))
        .collect();
    let mut by_line: HashMap<usize, Vec<Uuid>> = HashMap::new();
    for (line, id) in pairs {
        by_line
            .entry(usize::try_from(line).unwrap_or(0))
            .or_default()
            .push(id);
    }
    // conveyances of the registers carrying a listed identifier: one statement
    let norms: Vec<String> = lines
        .iter()
        .flat_map(|l| l.identifiers.iter().map(|(_, n, _)| n.clone()))
        .collect();
    let known = if norms.is_empty() {
        Vec::new()
    } else {
        repo::conveyances_by_identifier(conn, &norms).await?
    };

    // the alerts of every listed identifier: one statement
    let wanted: Vec<(String, String, String)> = lines
        .iter()
        .flat_map(|l| {
            l.identifiers
                .iter()
                .map(|(k, n, shown)| (k.as_str().to_string(), n.clone(), shown.clone()))
        })
        .collect();
    let identifier_alerts = if wanted.is_empty() {
        HashMap::new()
    } else {
        alerts::candidates::identifier_alerts(conn, &wanted).await?
    };

    let mut screened = Vec::with_capacity(lines.len());
    let mut found_by_line = Vec::with_capacity(lines.len());
    for (line, query) in lines.into_iter().zip(prepared) {
        let mut scored: Vec<(&str, Uuid, String, Outcome)> = Vec::new();
        let mut found: Vec<Found> = i32::try_from(line.line)
            .ok()
            .and_then(|l| person_alerts.remove(&l))
            .unwrap_or_default();
        if let Some(query) = query.as_ref() {
            for id in by_line.get(&line.line).map(Vec::as_slice).unwrap_or(&[]) {
                if let (Some(r), Some(p)) = (records.get(id), ready.get(id)) {
                    scored.push(person_candidate_prepared(query, r.id, &r.fields, p));
                }
            }
        }
        for (kind, norm, shown) in &line.identifiers {
            for c in known
                .iter()
                .filter(|c| c.identifier_kind == kind.as_str() && &c.identifier_norm == norm)
            {
                scored.push((
                    "conveyance",
                    c.id,
                    format!("{} ({})", c.identifier, c.conveyance_type),
                    Outcome {
                        score: 1.0,
                        features: vec![Feature::new(kind.as_str(), format!("{shown} (same)"), 1.0)],
                    },
                ));
            }
            let key = (kind.as_str().to_string(), norm.clone());
            found.extend(
                identifier_alerts
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .map(|f| Found {
                        alert: f.alert.clone(),
                        outcome: f.outcome.clone(),
                    }),
            );
        }
        let mut seen = BTreeSet::new();
        found.retain(|f| seen.insert(f.alert.id));
        let count = scored.len();
        let candidates = result(scored, t, PER_LINE, count).candidates;
        screened.push((line, candidates));
        found_by_line.push(found);
    }
    let told = alerts::hits::screening_alerts_grouped(conn, found_by_line).await?;
    let mut out = Vec::with_capacity(screened.len());
    for ((line, candidates), alerts) in screened.into_iter().zip(told) {
        let outcome = if !alerts.is_empty() || candidates.iter().any(|c| c.band == Band::Hit) {
            BatchOutcome::Hit
        } else if candidates.is_empty() {
            BatchOutcome::Clear
        } else {
            BatchOutcome::Review
        };
        out.push(BatchLine {
            line: line.line,
            reference: line.reference,
            label: line.label,
            outcome,
            alerts,
            candidates,
        });
    }
    out.sort_by_key(|l| (l.outcome, l.line));
    let counts = BatchCounts {
        lines: out.len(),
        hit: out
            .iter()
            .filter(|l| l.outcome == BatchOutcome::Hit)
            .count(),
        review: out
            .iter()
            .filter(|l| l.outcome == BatchOutcome::Review)
            .count(),
        clear: out
            .iter()
            .filter(|l| l.outcome == BatchOutcome::Clear)
            .count(),
    };
    Ok(BatchResult {
        lines: out,
        counts,
        thresholds: t,
    })
}

async fn audit(conn: &mut AsyncPgConnection, actor: &Actor, r: &BatchResult) -> Result<()> {
    let returned: BTreeSet<Uuid> = r
        .lines
        .iter()
        .flat_map(|l| l.candidates.iter().map(|c| c.id))
        .collect();
    let alerts: BTreeSet<&str> = r
        .lines
        .iter()
        .flat_map(|l| l.alerts.iter().map(|a| a.alert_reference.as_str()))
        .collect();
    record(
        conn,
        actor,
        Event::new("screening.batch").details(serde_json::json!({
            "lines": r.counts.lines,
            "hits": r.counts.hit,
            "review": r.counts.review,
            "returned": returned,
            "alerts": alerts,
        })),
    )
    .await?;
    Ok(())
}
