//! A company's risk score, computed from what nCEN holds about it, with the explanation of
//! every contribution (the contributions add up to the score).
//!
//! | factor | points | cap |
//! |---|---|---|
//! | `cases` | each case naming the company: the `risk_points` of its most serious commodity group (code list attribute, 5 when none) × recency (detected within a year ×1, within three ×0.5, older ×0.25) | 40 |
//! | `case_value` | goods values in EUR over its cases: from 10 000 → 3, 100 000 → 6, 1 000 000 → 10 | 10 |
//! | `alerts` | each active alert on the company: 20 (`high`, `critical`) or 10 | 20 |
//! | `hits` | each confirmed hit on the company: 5 | 15 |
//! | `investigations` | each investigation linking it: open 15, closed with prosecution or a penalty 10, otherwise 0 | 25 |
//! | `typologies` | each distinct fraud typology recorded against it: 8 | 24 |
//! | `linked_persons` | each of its people who is an offender, suspect or courier in a case, or the subject of an active alert: 8 | 16 |
//! | `manual_flags` | the analysts' flags, as set (−50 to 50 each) | — |
//! | `linked_companies` | each company related to it, sharing a director or owner, or sharing an address, phone, e-mail or bank account with at most 20 companies, whose own score (without this factor) reaches the high threshold: 10 | 20 |
//! | `bound` | what keeps the total between 0 and 100 | — |
//!
//! Recomputed in the transaction that changes an input through the company's own endpoints,
//! and otherwise by the risk worker from `company_risk_queue`, which triggers fill when a case
//! names the company or its goods change, an alert or hit on it changes, or an investigation
//! links it or closes (migration `2026-12-03-000028_company_database`). When a company's own
//! score crosses the high threshold, the companies linked to it are queued in turn.

use super::dto::{Contribution, Factor, FactorRef, RiskDto};
use crate::auth::Principal;
use crate::db::schema::{companies as c, company_risk_queue as q};
use crate::error::{Error, Result};
use crate::registers::companies::risk::{bands, RiskBand};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Double, Int4, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// A shared address or contact point counts as a link only up to this many companies (a
/// formation agent's address hosting hundreds links nobody).
pub const HUB_LIMIT: i64 = 20;

#[derive(QueryableByName)]
struct Labelled {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = Int4)]
    points: i32,
    #[diesel(sql_type = Nullable<Double>)]
    value: Option<f64>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    at: Option<DateTime<Utc>>,
}

async fn labelled(conn: &mut AsyncPgConnection, sql: &str, id: Uuid) -> Result<Vec<Labelled>> {
    Ok(diesel::sql_query(sql)
        .bind::<SqlUuid, _>(id)
        .bind::<Int4, _>(bands().high)
        .bind::<diesel::sql_types::BigInt, _>(HUB_LIMIT)
        .load(conn)
        .await?)
}

// Raw SQL: each factor is one grouped query over several tables, its rows labelled for the
// explanation. `$2` is the high threshold and `$3` the hub limit, bound to every query.
const CASES: &str = "SELECT sc.id, sc.reference AS label, sc.detected_at AS at, \
    coalesce(max((ce.attributes->>'risk_points')::int), 5) AS points, \
    sum(g.value) FILTER (WHERE g.currency IS NULL OR g.currency = 'EUR') AS value \
    FROM seizure_case_companies scc JOIN seizure_cases sc ON sc.id = scc.case_id \
    LEFT JOIN seizure_goods g ON g.case_id = sc.id \
    LEFT JOIN codelist_entries ce ON ce.list_name = 'commodity_groups' AND ce.code = g.commodity_group \
    WHERE scc.company_id = $1 GROUP BY sc.id ORDER BY sc.detected_at DESC LIMIT 200";
const ALERTS: &str = "SELECT id, reference AS label, CASE WHEN risk_level IN ('high', 'critical') \
    THEN 20 ELSE 10 END AS points, NULL::float8 AS value, NULL::timestamptz AS at FROM alerts \
    WHERE company_id = $1 AND status = 'active' ORDER BY points DESC, reference";
const HITS: &str = "SELECT h.id, a.reference AS label, 5 AS points, NULL::float8 AS value, \
    h.created_at AS at FROM alert_hits h JOIN alerts a ON a.id = h.alert_id \
    WHERE h.record_kind = 'company' AND h.record_id = $1 AND h.status = 'confirmed' \
    ORDER BY h.created_at DESC";
const INVESTIGATIONS: &str = "SELECT DISTINCT i.id, i.reference AS label, \
    CASE WHEN i.status <> 'closed' THEN 15 WHEN i.outcome IN ('prosecution', 'administrative_penalty') \
    THEN 10 ELSE 0 END AS points, NULL::float8 AS value, NULL::timestamptz AS at \
    FROM investigation_links l JOIN investigations i ON i.id = l.investigation_id \
    WHERE l.company_id = $1 ORDER BY points DESC, label";
const TYPOLOGIES: &str = "SELECT min(t.id::text)::uuid AS id, t.typology AS label, 8 AS points, \
    NULL::float8 AS value, NULL::timestamptz AS at FROM company_typologies t \
    WHERE t.company_id = $1 GROUP BY t.typology ORDER BY t.typology";
const PERSONS: &str = "SELECT DISTINCT p.person_id AS id, upper(x.family_name) || coalesce(', ' || x.given_names, '') AS label, \
    8 AS points, NULL::float8 AS value, NULL::timestamptz AS at \
    FROM company_people p JOIN persons x ON x.id = p.person_id WHERE p.company_id = $1 AND ( \
    EXISTS (SELECT 1 FROM seizure_case_persons s WHERE s.person_id = p.person_id AND s.role IN ('offender', 'suspect', 'courier')) \
    OR EXISTS (SELECT 1 FROM alerts a WHERE a.person_id = p.person_id AND a.status = 'active')) ORDER BY label";
const FLAGS: &str = "SELECT id, reason AS label, points, NULL::float8 AS value, set_at AS at \
    FROM company_flags WHERE company_id = $1 ORDER BY set_at";
/// The companies linked to `$1` (relations, shared directors and owners, shared contact
/// points of at most `$3` companies).
const NEIGHBOURS: &str = "SELECT other_id AS id FROM company_relations WHERE company_id = $1 \
    UNION SELECT company_id FROM company_relations WHERE other_id = $1 \
    UNION SELECT p2.company_id FROM company_people p1 JOIN company_people p2 ON p2.person_id = p1.person_id \
      WHERE p1.company_id = $1 AND p1.role IN ('director', 'shareholder', 'beneficial_owner') \
      AND p2.role IN ('director', 'shareholder', 'beneficial_owner') \
    UNION SELECT k2.company_id FROM company_keys k1 \
      JOIN company_keys k2 ON k2.kind = k1.kind AND k2.key = k1.key \
      WHERE k1.company_id = $1 AND k1.kind IN ('address', 'phone', 'email', 'iban') \
      AND (SELECT count(*) FROM company_keys k3 WHERE k3.kind = k1.kind AND k3.key = k1.key) <= $3";

fn linked_sql() -> String {
    format!(
        "SELECT c.id, c.name AS label, 10 AS points, NULL::float8 AS value, NULL::timestamptz AS at \
         FROM ({NEIGHBOURS}) n JOIN companies c ON c.id = n.id \
         WHERE c.id <> $1 AND c.merged_into IS NULL AND c.risk_own >= $2 \
         ORDER BY c.risk_own DESC, c.name LIMIT 10"
    )
}

fn refs(kind: &str, rows: &[Labelled]) -> Vec<FactorRef> {
    rows.iter()
        .map(|r| FactorRef {
            kind: kind.to_string(),
            id: Some(r.id),
            label: r.label.clone(),
            points: r.points,
        })
        .collect()
}

/// A factor's contribution: its rows' points, capped.
fn capped(
    factor: Factor,
    rule: &str,
    kind: &str,
    rows: &[Labelled],
    cap: Option<i32>,
) -> Option<Contribution> {
    if rows.is_empty() {
        return None;
    }
    let sum: i32 = rows.iter().map(|r| r.points).sum();
    let points = cap.map_or(sum, |c| sum.min(c));
    Some(Contribution {
        factor,
        points,
        rule: rule.to_string(),
        refs: refs(kind, rows),
    })
}

/// The recency weight of a case detected at `at`.
fn recency(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> f64 {
    let days = at.map_or(i64::MAX, |a| (now - a).num_days());
    if days <= 365 {
        1.0
    } else if days <= 3 * 365 {
        0.5
    } else {
        0.25
    }
}

/// The score's contributions and the company's own score (without linked companies).
pub async fn compute(conn: &mut AsyncPgConnection, id: Uuid) -> Result<(Vec<Contribution>, i32)> {
    let now = Utc::now();
    let mut out: Vec<Contribution> = Vec::new();
    let mut cases = labelled(conn, CASES, id).await?;
    let value: f64 = cases.iter().filter_map(|c| c.value).sum();
    for c in &mut cases {
        c.points = (f64::from(c.points) * recency(c.at, now)).round() as i32;
    }
    out.extend(capped(
        Factor::Cases,
        "each case: its most serious commodity group's points × recency (1 year ×1, 3 years ×0.5, older ×0.25), at most 40",
        "case",
        &cases,
        Some(40),
    ));
    let value_points = if value >= 1_000_000.0 {
        10
    } else if value >= 100_000.0 {
        6
    } else if value >= 10_000.0 {
        3
    } else {
        0
    };
    if value_points > 0 {
        out.push(Contribution {
            factor: Factor::CaseValue,
            points: value_points,
            rule: format!("goods worth {value:.0} EUR over its cases: 10 000 → 3, 100 000 → 6, 1 000 000 → 10"),
            refs: Vec::new(),
        });
    }
    let rules: [(Factor, &str, &str, &str, Option<i32>); 6] = [
        (Factor::Alerts, ALERTS, "alert", "each active alert on the company: 20 if high or critical, else 10; at most 20", Some(20)),
        (Factor::Hits, HITS, "hit", "each confirmed alert hit: 5, at most 15", Some(15)),
        (Factor::Investigations, INVESTIGATIONS, "investigation", "each investigation: open 15, closed with prosecution or a penalty 10; at most 25", Some(25)),
        (Factor::Typologies, TYPOLOGIES, "typology", "each fraud typology recorded: 8, at most 24", Some(24)),
        (Factor::LinkedPersons, PERSONS, "person", "each of its people who is an offender, suspect or courier in a case or under an active alert: 8, at most 16", Some(16)),
        (Factor::ManualFlags, FLAGS, "flag", "analysts' flags, as set", None),
    ];
    for (factor, sql, kind, rule, cap) in rules {
        let rows = labelled(conn, sql, id).await?;
        let rows: Vec<Labelled> = rows
            .into_iter()
            .filter(|r| r.points != 0 || kind == "investigation")
            .collect();
        out.extend(capped(factor, rule, kind, &rows, cap));
    }
    let own = out.iter().map(|c| c.points).sum::<i32>().clamp(0, 100);
    let linked = labelled(conn, &linked_sql(), id).await?;
    out.extend(capped(
        Factor::LinkedCompanies,
        "each linked company (relation, shared director or owner, shared address, phone, e-mail or bank account) whose own score is high: 10, at most 20",
        "company",
        &linked,
        Some(20),
    ));
    let total: i32 = out.iter().map(|c| c.points).sum();
    let bounded = total.clamp(0, 100);
    if bounded != total {
        out.push(Contribution {
            factor: Factor::Bound,
            points: bounded - total,
            rule: "the score stays between 0 and 100".into(),
            refs: Vec::new(),
        });
    }
    Ok((out, own))
}

/// Recomputes and stores one company's risk; queues its linked companies when its own score
/// crossed the high threshold.
pub async fn refresh(conn: &mut AsyncPgConnection, id: Uuid) -> Result<()> {
    let before: Option<i32> = c::table
        .find(id)
        .select(c::risk_own)
        .first(conn)
        .await
        .optional()?;
    let Some(before) = before else {
        return Ok(());
    };
    let (explanation, own) = compute(conn, id).await?;
    let score: i32 = explanation.iter().map(|c| c.points).sum();
    diesel::update(c::table.find(id))
        .set((
            c::risk_score.eq(score),
            c::risk_own.eq(own),
            c::risk_explanation.eq(serde_json::to_value(&explanation)?),
            c::risk_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    diesel::delete(q::table.find(id)).execute(conn).await?;
    let high = bands().high;
    if (before >= high) != (own >= high) {
        diesel::sql_query(format!(
            "SELECT company_risk_enqueue(ARRAY(SELECT n.id FROM ({NEIGHBOURS}) n WHERE n.id <> $1 AND $2 = $2))"
        ))
        .bind::<SqlUuid, _>(id)
        .bind::<Int4, _>(high)
        .bind::<diesel::sql_types::BigInt, _>(HUB_LIMIT)
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// An input of these companies changed through their own endpoints: recompute now, in the
/// caller's transaction.
pub async fn changed(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<()> {
    for id in ids {
        refresh(conn, *id).await?;
    }
    Ok(())
}

/// Recomputes up to `max` queued companies, each in its own transaction (claimed with
/// `SKIP LOCKED`, so instances share the queue). Returns how many. Each recomputation is
/// logged at debug level with its duration and the time since the change that queued it
/// (`make bench-companies` reads them).
pub async fn drain(conn: &mut AsyncPgConnection, max: i64) -> Result<usize> {
    let mut done = 0;
    while (done as i64) < max {
        let started = std::time::Instant::now();
        let one = conn
            .transaction::<_, Error, _>(async |conn| {
                let claimed: Option<(Uuid, DateTime<Utc>)> = q::table
                    .select((q::company_id, q::queued_at))
                    .order(q::queued_at.asc())
                    .limit(1)
                    .for_update()
                    .skip_locked()
                    .first(conn)
                    .await
                    .optional()?;
                if let Some((id, _)) = claimed {
                    refresh(conn, id).await?;
                }
                Ok(claimed)
            })
            .await?;
        let Some((id, queued_at)) = one else {
            break;
        };
        tracing::debug!(
            company = %id,
            compute_ms = started.elapsed().as_secs_f64() * 1000.0,
            since_queued_ms = (Utc::now() - queued_at).num_microseconds().unwrap_or(0) as f64 / 1000.0,
            "company risk recomputed"
        );
        done += 1;
    }
    Ok(done)
}

/// The company's risk as `who` may read it: references to investigations they are not on
/// the team of are kept as a count, not named.
pub async fn read(conn: &mut AsyncPgConnection, who: &Principal, id: Uuid) -> Result<RiskDto> {
    let (score, explanation, at): (i32, serde_json::Value, Option<DateTime<Utc>>) = c::table
        .find(id)
        .select((c::risk_score, c::risk_explanation, c::risk_at))
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    let pending: bool = diesel::select(diesel::dsl::exists(q::table.find(id)))
        .get_result(conn)
        .await?;
    let mut explanation: Vec<Contribution> =
        serde_json::from_value(explanation).unwrap_or_default();
    let inv_ids: Vec<Uuid> = explanation
        .iter()
        .flat_map(|c| c.refs.iter())
        .filter(|r| r.kind == "investigation")
        .filter_map(|r| r.id)
        .collect();
    let seen = crate::investigations::visible_among(conn, who, &inv_ids).await?;
    for c in &mut explanation {
        for r in &mut c.refs {
            if r.kind == "investigation" && !r.id.is_some_and(|i| seen.contains(&i)) {
                r.id = None;
                r.label = String::new();
            }
        }
    }
    Ok(RiskDto {
        score,
        band: RiskBand::of(score),
        thresholds: bands(),
        computed_at: at,
        pending,
        explanation,
    })
}

/// The channel `company_risk_enqueue` notifies.
pub const CHANNEL: &str = "company_risk";

/// The risk worker: drains `company_risk_queue` when notified (any instance's trigger), and
/// every 30 s regardless.
pub fn spawn_worker(pool: crate::db::Pool, url: String) {
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        loop {
            if let Ok(mut conn) = pool.get().await {
                loop {
                    match drain(&mut conn, 200).await {
                        Ok(0) => break,
                        Ok(_) => {}
                        Err(e) => {
                            tracing::warn!(error = %e, "company risk: draining failed");
                            break;
                        }
                    }
                }
            }
            let _ = tokio::time::timeout(std::time::Duration::from_secs(30), wake.notified()).await;
        }
    });
}
