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
//! | `linked_companies` | each company related to it, or sharing with it a director or owner (who holds at most 20 such positions) or an address, phone, e-mail or bank account (of at most 20 companies), whose own score (without this factor) reaches the high threshold: 10 | 20 |
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
use diesel::sql_types::{
    BigInt, Double, Int4, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// A shared address, contact point, director or owner counts as a link only up to this many
/// companies (positions, for a person): a formation agent's address or a nominee director
/// hosting hundreds links nobody.
pub const HUB_LIMIT: i64 = 20;

/// One row of the factors statement: `f` says which factor (0 is the company's own score
/// before this computation, the row that says the company exists), `ord` its order there.
#[derive(QueryableByName)]
struct Labelled {
    #[diesel(sql_type = Int4)]
    f: i32,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    id: Option<Uuid>,
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = Int4)]
    points: i32,
    #[diesel(sql_type = Nullable<Double>)]
    value: Option<f64>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    at: Option<DateTime<Utc>>,
}

/// The companies linked to `$1` (relations; directors and owners, and contact points or
/// bank accounts, shared by at most `$3` companies). The hub tests count at most `$3 + 1`
/// rows, so a hub costs no more than an ordinary link.
macro_rules! neighbours {
    () => {
        "SELECT other_id AS id FROM company_relations WHERE company_id = $1 \
    UNION SELECT company_id FROM company_relations WHERE other_id = $1 \
    UNION SELECT p2.company_id FROM company_people p1 JOIN company_people p2 ON p2.person_id = p1.person_id \
      WHERE p1.company_id = $1 AND p1.role IN ('director', 'shareholder', 'beneficial_owner') \
      AND p2.role IN ('director', 'shareholder', 'beneficial_owner') \
      AND (SELECT count(*) FROM (SELECT 1 FROM company_people p3 WHERE p3.person_id = p1.person_id \
        AND p3.role IN ('director', 'shareholder', 'beneficial_owner') LIMIT $3 + 1) h) <= $3 \
    UNION SELECT k2.company_id FROM company_keys k1 \
      JOIN company_keys k2 ON k2.kind = k1.kind AND k2.key = k1.key \
      WHERE k1.company_id = $1 AND k1.kind IN ('address', 'phone', 'email', 'iban') \
      AND (SELECT count(*) FROM (SELECT 1 FROM company_keys k3 WHERE k3.kind = k1.kind AND k3.key = k1.key \
        LIMIT $3 + 1) h) <= $3"
    };
}
const NEIGHBOURS: &str = neighbours!();

// Raw SQL: every factor is a grouped query over several tables with its rows labelled for
// the explanation; all of them run as one statement (one round trip, one plan), tagged by
// factor `f` and ordered within it by `ord`. `$1` is the company, `$2` the high threshold,
// `$3` the hub limit.
const FACTORS: &str = concat!(
    "\
    SELECT 0 AS f, NULL::uuid AS id, '' AS label, risk_own AS points, NULL::float8 AS value, \
      NULL::timestamptz AS at, 0::bigint AS ord FROM companies WHERE id = $1 \
    UNION ALL SELECT 1, id, label, points, value, at, row_number() OVER (ORDER BY at DESC, id) FROM ( \
      SELECT sc.id, sc.reference AS label, sc.detected_at AS at, \
      coalesce(max((ce.attributes->>'risk_points')::int), 5) AS points, \
      sum(g.value) FILTER (WHERE g.currency IS NULL OR g.currency = 'EUR') AS value \
      FROM seizure_case_companies scc JOIN seizure_cases sc ON sc.id = scc.case_id \
      LEFT JOIN seizure_goods g ON g.case_id = sc.id \
      LEFT JOIN codelist_entries ce ON ce.list_name = 'commodity_groups' AND ce.code = g.commodity_group \
      WHERE scc.company_id = $1 GROUP BY sc.id ORDER BY sc.detected_at DESC LIMIT 200) x \
    UNION ALL SELECT 2, id, reference, points, NULL, NULL, row_number() OVER (ORDER BY points DESC, reference) FROM ( \
      SELECT id, reference, CASE WHEN risk_level IN ('high', 'critical') THEN 20 ELSE 10 END AS points \
      FROM alerts WHERE company_id = $1 AND status = 'active') x \
    UNION ALL SELECT 3, h.id, a.reference, 5, NULL, h.created_at, row_number() OVER (ORDER BY h.created_at DESC, h.id) \
      FROM alert_hits h JOIN alerts a ON a.id = h.alert_id \
      WHERE h.record_kind = 'company' AND h.record_id = $1 AND h.status = 'confirmed' \
    UNION ALL SELECT 4, id, label, points, NULL, NULL, row_number() OVER (ORDER BY points DESC, label, id) FROM ( \
      SELECT DISTINCT i.id, i.reference AS label, CASE WHEN i.status <> 'closed' THEN 15 \
      WHEN i.outcome IN ('prosecution', 'administrative_penalty') THEN 10 ELSE 0 END AS points \
      FROM investigation_links l JOIN investigations i ON i.id = l.investigation_id WHERE l.company_id = $1) x \
    UNION ALL SELECT 5, min(t.id::text)::uuid, t.typology, 8, NULL, NULL, row_number() OVER (ORDER BY t.typology) \
      FROM company_typologies t WHERE t.company_id = $1 GROUP BY t.typology \
    UNION ALL SELECT 6, id, label, 8, NULL, NULL, row_number() OVER (ORDER BY label, id) FROM ( \
      SELECT DISTINCT p.person_id AS id, upper(x.family_name) || coalesce(', ' || x.given_names, '') AS label \
      FROM company_people p JOIN persons x ON x.id = p.person_id WHERE p.company_id = $1 AND ( \
      EXISTS (SELECT 1 FROM seizure_case_persons s WHERE s.person_id = p.person_id AND s.role IN ('offender', 'suspect', 'courier')) \
      OR EXISTS (SELECT 1 FROM alerts a WHERE a.person_id = p.person_id AND a.status = 'active'))) x \
    UNION ALL SELECT 7, id, reason, points, NULL, set_at, row_number() OVER (ORDER BY set_at, id) \
      FROM company_flags WHERE company_id = $1 \
    UNION ALL SELECT 8, id, label, 10, NULL, NULL, ord FROM ( \
      SELECT c.id, c.name AS label, row_number() OVER (ORDER BY c.risk_own DESC, c.name, c.id) AS ord \
      FROM (",
    neighbours!(),
    ") n JOIN companies c ON c.id = n.id \
      WHERE c.id <> $1 AND c.merged_into IS NULL AND c.risk_own >= $2) x WHERE ord <= 10 \
    ORDER BY f, ord"
);

/// A factor's rows: the record, its label, its points.
type Row = (Option<Uuid>, String, i32);

fn refs(kind: &str, rows: &[Row]) -> Vec<FactorRef> {
    rows.iter()
        .map(|(id, label, points)| FactorRef {
            kind: kind.to_string(),
            id: *id,
            label: label.clone(),
            points: *points,
        })
        .collect()
}

/// A factor's contribution: its rows' points, capped.
fn capped(
    factor: Factor,
    rule: &str,
    kind: &str,
    rows: &[Row],
    cap: Option<i32>,
) -> Option<Contribution> {
    if rows.is_empty() {
        return None;
    }
    let sum: i32 = rows.iter().map(|r| r.2).sum();
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

/// A company's score: its contributions (they add up to the score) and its own score
/// (without linked companies), with the own score it had before.
struct Computed {
    explanation: Vec<Contribution>,
    own: i32,
    before: i32,
}

/// Computes the score of company `id` (`None`: no such company) in one statement.
async fn compute(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<Computed>> {
    let rows: Vec<Labelled> = diesel::sql_query(FACTORS)
        .bind::<SqlUuid, _>(id)
        .bind::<Int4, _>(bands().high)
        .bind::<BigInt, _>(HUB_LIMIT)
        .load(conn)
        .await?;
    let Some(before) = rows.iter().find(|r| r.f == 0).map(|r| r.points) else {
        return Ok(None);
    };
    let of = |f: i32| rows.iter().filter(move |r| r.f == f);
    let now = Utc::now();
    let mut out: Vec<Contribution> = Vec::new();
    let value: f64 = of(1).filter_map(|c| c.value).sum();
    let cases: Vec<Row> = of(1)
        .map(|c| {
            let points = (f64::from(c.points) * recency(c.at, now)).round() as i32;
            (c.id, c.label.clone(), points)
        })
        .collect();
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
    let rules: [(i32, Factor, &str, &str, Option<i32>); 6] = [
        (2, Factor::Alerts, "alert", "each active alert on the company: 20 if high or critical, else 10; at most 20", Some(20)),
        (3, Factor::Hits, "hit", "each confirmed alert hit: 5, at most 15", Some(15)),
        (4, Factor::Investigations, "investigation", "each investigation: open 15, closed with prosecution or a penalty 10; at most 25", Some(25)),
        (5, Factor::Typologies, "typology", "each fraud typology recorded: 8, at most 24", Some(24)),
        (6, Factor::LinkedPersons, "person", "each of its people who is an offender, suspect or courier in a case or under an active alert: 8, at most 16", Some(16)),
        (7, Factor::ManualFlags, "flag", "analysts' flags, as set", None),
    ];
    for (f, factor, kind, rule, cap) in rules {
        let rows: Vec<Row> = of(f)
            .filter(|r| r.points != 0 || kind == "investigation")
            .map(|r| (r.id, r.label.clone(), r.points))
            .collect();
        out.extend(capped(factor, rule, kind, &rows, cap));
    }
    let own = out.iter().map(|c| c.points).sum::<i32>().clamp(0, 100);
    let linked: Vec<Row> = of(8).map(|r| (r.id, r.label.clone(), r.points)).collect();
    out.extend(capped(
        Factor::LinkedCompanies,
        "each linked company (relation, or a director, owner, address, phone, e-mail or bank account shared by at most 20 companies) whose own score is high: 10, at most 20",
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
    Ok(Some(Computed {
        explanation: out,
        own,
        before,
    }))
}

/// Recomputes and stores one company's risk and takes it off the queue (one statement
/// computes, one stores); queues its linked companies when its own score crossed the high
/// threshold.
pub async fn refresh(conn: &mut AsyncPgConnection, id: Uuid) -> Result<()> {
    let Some(Computed {
        explanation,
        own,
        before,
    }) = compute(conn, id).await?
    else {
        return Ok(());
    };
    let score: i32 = explanation.iter().map(|c| c.points).sum();
    diesel::sql_query(
        "WITH done AS (DELETE FROM company_risk_queue WHERE company_id = $1) \
         UPDATE companies SET risk_score = $2, risk_own = $3, risk_explanation = $4, risk_at = now() \
         WHERE id = $1",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Int4, _>(score)
    .bind::<Int4, _>(own)
    .bind::<Jsonb, _>(serde_json::to_value(&explanation)?)
    .execute(conn)
    .await?;
    let high = bands().high;
    if (before >= high) != (own >= high) {
        diesel::sql_query(format!(
            "SELECT company_risk_enqueue(ARRAY(SELECT n.id FROM ({NEIGHBOURS}) n WHERE n.id <> $1 AND $2 = $2))"
        ))
        .bind::<SqlUuid, _>(id)
        .bind::<Int4, _>(high)
        .bind::<BigInt, _>(HUB_LIMIT)
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
