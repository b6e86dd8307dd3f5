//! Seizure statistics: counts, masses, values and quantities of the submitted and validated
//! cases, grouped by up to two dimensions (period, commodity, method, place, route…), read
//! from rollups the statistics worker keeps up to date (`repo` says which request reads
//! what; migration `2026-12-04-000031_statistics` how a case is cut into cells).
//!
//! Need-to-know: drafts are never counted (until submitted a case is known to its unit
//! only); every submitted or validated case may be read by whoever reads cases, so a count
//! reveals nothing its reader could not list. Each read is audited with what was asked.

pub mod dto;
pub mod repo;
pub mod worker;

use crate::audit::{record, Actor, Event};
use crate::error::{Error, Result};
use chrono::{Datelike, Months, NaiveDate};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use dto::{Dimension, Measures, SeizureStats, StatsComparison, StatsQuery, StatsRow};
use serde_json::json;
use std::collections::HashMap;

/// The currency values are counted in (the rates of the `currencies` code list are EUR for
/// one unit).
pub const CURRENCY: &str = "EUR";

/// The longest range a table grouped by day may cover (one row per day and value).
pub const MAX_DAYS: i64 = 366;

/// Checks what cannot be told from the types: the order of the range, a day grouping over
/// at most a year, two groupings at most and not twice the same, one filter per dimension.
pub fn check(q: &StatsQuery) -> Result<()> {
    if q.to < q.from {
        return Err(Error::validation(
            "to",
            "before_start",
            "`to` is before `from`",
        ));
    }
    if q.group.len() > 2 {
        return Err(Error::validation(
            "group",
            "too_many",
            "at most two groupings",
        ));
    }
    if q.group.len() == 2 && q.group.first() == q.group.get(1) {
        return Err(Error::validation(
            "group",
            "duplicate",
            "the same grouping twice",
        ));
    }
    let days = (q.to - q.from).num_days() + 1;
    if q.group.contains(&Dimension::Period) && q.period == dto::Period::Day && days > MAX_DAYS {
        return Err(Error::validation(
            "period",
            "range_too_long",
            "a table by day covers at most 366 days: choose weeks or months",
        ));
    }
    if q.filters.iter().any(|(d, _)| *d == Dimension::Period) {
        return Err(Error::validation(
            "period",
            "not_a_filter",
            "the period is filtered by `from` and `to`",
        ));
    }
    Ok(())
}

/// Cases a request may name through the seizure list's filters (a person, a company, a
/// conveyance, a route country, free text) at most: more is refused (narrow the filters).
pub const MAX_NAMED_CASES: i64 = 100_000;

/// The request the query string carries (`today` for the default range), with the cases
/// the seizure list's filters name resolved.
pub async fn resolve(
    conn: &mut AsyncPgConnection,
    p: dto::StatsParams,
    today: NaiveDate,
) -> Result<StatsQuery> {
    // The published lengths, counted as sent.
    let mut checks = crate::common::check::Checker::new();
    for (field, value, max) in [
        ("group", &p.group, 60),
        ("kind", &p.kind, 20),
        ("commodity_group", &p.commodity_group, 100),
        ("commodity_type", &p.commodity_type, 100),
        ("unit", &p.unit, 100),
        ("detection_method", &p.detection_method, 100),
        ("concealment_method", &p.concealment_method, 100),
        ("location_type", &p.location_type, 100),
        ("direction", &p.direction, 100),
        ("origin_country", &p.origin_country, 2),
        ("transit_country", &p.transit_country, 2),
        ("destination_country", &p.destination_country, 2),
        ("route", &p.route, 5),
        ("conveyance_type", &p.conveyance_type, 100),
        ("offender_nationality", &p.offender_nationality, 2),
        ("route_country", &p.route_country, 2),
        ("q", &p.q, crate::common::check::MAX_SEARCH_CHARS),
    ] {
        if let Some(v) = value {
            checks.length(field, v, 0, max);
        }
    }
    checks.finish()?;
    let mut group = Vec::new();
    for g in p.group.iter().flat_map(|g| g.split(',')) {
        let d = Dimension::parse(g.trim()).ok_or_else(|| {
            Error::validation("group", "unknown", &format!("`{g}` is not a grouping"))
        })?;
        group.push(d);
    }
    let to = p.to.unwrap_or(today);
    let from = p.from.unwrap_or_else(|| {
        to.with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(11)))
            .unwrap_or(to)
    });
    let mut filters: Vec<(Dimension, String)> = Vec::new();
    for (d, v) in [
        (Dimension::Kind, p.kind),
        (Dimension::ReportingUnit, p.unit_id.map(|u| u.to_string())),
        (Dimension::CommodityGroup, p.commodity_group),
        (Dimension::CommodityType, p.commodity_type),
        (Dimension::Unit, p.unit),
        (Dimension::DetectionMethod, p.detection_method),
        (Dimension::ConcealmentMethod, p.concealment_method),
        (Dimension::LocationType, p.location_type),
        (Dimension::Direction, p.direction),
        (Dimension::OriginCountry, p.origin_country),
        (Dimension::TransitCountry, p.transit_country),
        (Dimension::DestinationCountry, p.destination_country),
        (Dimension::Route, p.route),
        (Dimension::ConveyanceType, p.conveyance_type),
        (Dimension::OffenderNationality, p.offender_nationality),
    ] {
        if let Some(v) = v {
            filters.push((d, v));
        }
    }
    let named = p.person_id.is_some()
        || p.company_id.is_some()
        || p.conveyance_id.is_some()
        || p.route_country.is_some()
        || p.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    let cases = if named {
        let f = crate::seizures::read::Filter {
            person_id: p.person_id,
            company_id: p.company_id,
            conveyance_id: p.conveyance_id,
            route_country: p.route_country,
            q: p.q.filter(|q| !q.trim().is_empty()),
            ..Default::default()
        };
        let ids = crate::seizures::read::ids(conn, &f, MAX_NAMED_CASES).await?;
        if ids.len() as i64 > MAX_NAMED_CASES {
            return Err(Error::validation(
                "q",
                "too_many_cases",
                "the person, company, conveyance, route country or text filters name more than 100 000 cases: narrow them",
            ));
        }
        Some(ids)
    } else {
        None
    };
    Ok(StatsQuery {
        group,
        period: p.period.unwrap_or_default(),
        from,
        to,
        status: p.status,
        filters,
        cases,
        compare: p.compare.unwrap_or(false),
    })
}

/// One year earlier (29 February → 28 February).
fn year_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_months(Months::new(12)).unwrap_or(d)
}

/// The range of the same length just before `from..=to` (whole months when the range is
/// whole months).
fn previous(from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    let whole_months = from.day() == 1 && to.succ_opt().is_some_and(|n| n.day() == 1);
    if whole_months {
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
        let start = from
            .checked_sub_months(Months::new(months.unsigned_abs()))
            .unwrap_or(from);
        return (start, from.pred_opt().unwrap_or(from));
    }
    let len = to - from + chrono::Duration::days(1);
    (from - len, from.pred_opt().unwrap_or(from))
}

/// A period key moved one year on (`2025-03` → `2026-03`, `2025-W10` → `2026-W10`).
fn key_year_on(key: &str) -> String {
    match (
        key.get(..4).and_then(|y| y.parse::<i32>().ok()),
        key.get(4..),
    ) {
        (Some(y), Some(rest)) => format!("{}{rest}", y + 1),
        _ => key.to_string(),
    }
}

async fn total(
    conn: &mut AsyncPgConnection,
    q: &StatsQuery,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Measures> {
    let all = StatsQuery {
        group: Vec::new(),
        ..q.clone()
    };
    Ok(repo::table(conn, &all, from, to)
        .await?
        .into_iter()
        .next()
        .map(|(_, m)| m)
        .unwrap_or_default())
}

/// The table `q` asks for, with its comparisons (read-only; the caller audits).
pub async fn compute(conn: &mut AsyncPgConnection, q: &StatsQuery) -> Result<SeizureStats> {
    // Called in a transaction (the read's audit, the export's). JIT compilation costs ~1 s on a
    // table from the cells and never pays for itself on these statements.
    diesel_async::RunQueryDsl::execute(diesel::sql_query("SET LOCAL jit = off"), conn).await?;
    check(q)?;
    let rows = repo::table(conn, q, q.from, q.to).await?;
    let mut rows: Vec<StatsRow> = rows
        .into_iter()
        .map(|(keys, measures)| StatsRow {
            keys,
            measures,
            last_year: None,
            previous: None,
        })
        .collect();
    let by_period = q.group.contains(&Dimension::Period);
    let period_at = q.group.iter().position(|d| *d == Dimension::Period);
    let (mut prev, mut last) = (None, None);
    if q.compare {
        let (pf, pt) = previous(q.from, q.to);
        let (lf, lt) = (year_before(q.from), year_before(q.to));
        let mut year: HashMap<Vec<String>, Measures> = HashMap::new();
        for (mut keys, m) in repo::table(conn, q, lf, lt).await? {
            if let Some(k) = period_at.and_then(|i| keys.get_mut(i)) {
                *k = key_year_on(k);
            }
            year.insert(keys, m);
        }
        let before: HashMap<Vec<String>, Measures> = if by_period {
            HashMap::new()
        } else {
            repo::table(conn, q, pf, pt).await?.into_iter().collect()
        };
        for r in &mut rows {
            r.last_year = Some(year.get(&r.keys).cloned().unwrap_or_default());
            if !by_period {
                r.previous = Some(before.get(&r.keys).cloned().unwrap_or_default());
            }
        }
        prev = Some(StatsComparison {
            from: pf,
            to: pt,
            total: total(conn, q, pf, pt).await?,
        });
        last = Some(StatsComparison {
            from: lf,
            to: lt,
            total: total(conn, q, lf, lt).await?,
        });
    }
    let more = rows.len() as i64 > repo::MAX_ROWS;
    rows.truncate(usize::try_from(repo::MAX_ROWS).unwrap_or(usize::MAX));
    Ok(SeizureStats {
        group: q.group.clone(),
        period: q.period,
        from: q.from,
        to: q.to,
        status: q.status,
        currency: CURRENCY.to_string(),
        rows,
        more,
        total: total(conn, q, q.from, q.to).await?,
        previous: prev,
        last_year: last,
        pending: repo::pending(conn).await?,
    })
}

/// What the audit row of a statistics read says was asked.
pub fn asked(q: &StatsQuery) -> serde_json::Value {
    json!({
        "group": q.group,
        "period": q.period,
        "from": q.from,
        "to": q.to,
        "status": q.status,
        "filters": q.filters.iter().map(|(d, v)| json!({ "dimension": d, "value": v })).collect::<Vec<_>>(),
        "cases": q.cases.as_ref().map(Vec::len),
        "compare": q.compare,
    })
}

/// The table, audited (`stats.seizures_read`, with what was asked) in one transaction.
pub async fn read(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    q: &StatsQuery,
) -> Result<SeizureStats> {
    conn.transaction::<_, Error, _>(async |c| {
        let stats = compute(c, q).await?;
        let mut details = asked(q);
        if let Some(m) = details.as_object_mut() {
            m.insert("rows".into(), json!(stats.rows.len()));
        }
        record(c, actor, Event::new("stats.seizures_read").details(details)).await?;
        Ok(stats)
    })
    .await
}
