//! Statistics queries. Raw SQL: the grouping columns, the table (a rollup or the cases'
//! cells) and the filters are chosen per request.
//!
//! Where a request reads:
//! - **a rollup of one dimension** (`stat_monthly` for whole months grouped by month, quarter,
//!   year or not by period; `stat_daily` otherwise) when it uses at most one dimension besides
//!   the period, the commodity group and the status, and names no particular cases: a few rows
//!   per day or month, whatever the number of cases;
//! - **the rollup of pairs** (`stat_pair_monthly`, migration `2026-12-04-000035_statistics_pairs`)
//!   when it uses two dimensions over whole months (not grouped by day or week), neither of them
//!   the map's;
//! - **the cells of the cases** (`stat_case_cells`, one row per case and dimension value,
//!   indexed by dimension, commodity group and day with the measures included) otherwise: one
//!   row per case in the range for each dimension used, read from the index alone.
//!
//! A range is whole months from the first of a month to the last day of one, or to today or
//! later: no case is detected after today (the seizure checks refuse it), so the month so far
//! is the month. The quantities without a mass are summed per unit over an array of each
//! group's objects ([`QTY`]), never with a per-row aggregate.

use super::dto::{CountedStatus, Dimension, Measures, Period, StatsQuery, UnitQuantity};
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use diesel::sql_types::{Array, BigInt, Date, Double, Jsonb, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Rows a table holds at most (the largest counts first).
pub const MAX_ROWS: i64 = 5_000;

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Array<Text>)]
    keys: Vec<String>,
    #[diesel(sql_type = BigInt)]
    cases: i64,
    #[diesel(sql_type = BigInt)]
    lines: i64,
    #[diesel(sql_type = Double)]
    kg: f64,
    #[diesel(sql_type = Double)]
    value: f64,
    #[diesel(sql_type = BigInt)]
    unconverted: i64,
    #[diesel(sql_type = Jsonb)]
    qty: serde_json::Value,
}

impl Row {
    fn measures(self) -> (Vec<String>, Measures) {
        let mut quantities: Vec<UnitQuantity> = self
            .qty
            .as_object()
            .map(|m| {
                m.iter()
                    .filter_map(|(unit, q)| {
                        Some(UnitQuantity {
                            unit: unit.clone(),
                            quantity: q.as_f64()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        quantities.sort_by(|a, b| a.unit.cmp(&b.unit));
        (
            self.keys,
            Measures {
                cases: self.cases,
                lines: self.lines,
                kg: self.kg,
                value: self.value,
                unconverted_lines: self.unconverted,
                quantities,
            },
        )
    }
}

/// A value bound to the statement.
enum Bind {
    Text(String),
    Texts(Vec<String>),
    Date(NaiveDate),
    Ids(Vec<Uuid>),
}

/// A statement under construction: its text and binds.
#[derive(Default)]
struct Sql {
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    /// `$n` of a new bind.
    fn bind(&mut self, b: Bind) -> String {
        self.binds.push(b);
        format!("${}", self.binds.len())
    }

    async fn load(self, conn: &mut AsyncPgConnection) -> Result<Vec<Row>> {
        let mut q = diesel::sql_query(self.text).into_boxed();
        for b in self.binds {
            q = match b {
                Bind::Text(v) => q.bind::<Text, _>(v),
                Bind::Texts(v) => q.bind::<Array<Text>, _>(v),
                Bind::Date(v) => q.bind::<Date, _>(v),
                Bind::Ids(v) => q.bind::<Array<SqlUuid>, _>(v),
            };
        }
        Ok(q.load(conn).await?)
    }
}

/// The period key of a date column.
fn period_key(period: Period, column: &str) -> String {
    let format = match period {
        Period::Day => "YYYY-MM-DD",
        Period::Week => "IYYY-\"W\"IW",
        Period::Month => "YYYY-MM",
        Period::Quarter => "YYYY-\"Q\"Q",
        Period::Year => "YYYY",
    };
    format!("to_char({column}, '{format}')")
}

fn last_day_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.month() != d.month())
}

fn statuses(q: &StatsQuery) -> Vec<String> {
    match q.status {
        Some(s) => vec![s.as_str().to_string()],
        None => CountedStatus::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
    }
}

/// The dimensions a request uses besides the period and the commodity group.
fn other_dimensions(q: &StatsQuery) -> Vec<Dimension> {
    let mut dims: Vec<Dimension> = Vec::new();
    let used = q
        .group
        .iter()
        .copied()
        .chain(q.filters.iter().map(|(d, _)| *d));
    for d in used {
        if d != Dimension::Period && d != Dimension::CommodityGroup && !dims.contains(&d) {
            dims.push(d);
        }
    }
    dims
}

fn filter_of(q: &StatsQuery, d: Dimension) -> Option<&str> {
    q.filters
        .iter()
        .find(|(f, _)| *f == d)
        .map(|(_, v)| v.as_str())
}

/// The commodity-group condition on `alias`: the filtered group, every group apart when
/// grouped by group, or `*` (all goods of the case).
fn commodity_condition(q: &StatsQuery, sql: &mut Sql, alias: &str) -> String {
    if let Some(g) = filter_of(q, Dimension::CommodityGroup) {
        let p = sql.bind(Bind::Text(g.to_string()));
        format!("{alias}.commodity_group = {p}")
    } else if q.group.contains(&Dimension::CommodityGroup) {
        format!("{alias}.commodity_group <> '*'")
    } else {
        format!("{alias}.commodity_group = '*'")
    }
}

/// The statement of `q` over `from..=to`, on the table the module's documentation says.
fn statement(q: &StatsQuery, from: NaiveDate, to: NaiveDate) -> Result<Sql> {
    let others = other_dimensions(q);
    Ok(match others.as_slice() {
        _ if q.cases.is_some() => cells(q, &others, from, to)?,
        [] => rollup(q, None, from, to),
        [d] => rollup(q, Some(*d), from, to),
        [a, b]
            if monthly(q, from, to)
                && paired(*a)
                && paired(*b)
                && !(a.of_goods() && b.of_goods()) =>
        {
            pairs(q, *a, *b, from, to)
        }
        _ => cells(q, &others, from, to)?,
    })
}

/// The table of `q` over `from..=to`: (keys, measures) per row.
pub async fn table(
    conn: &mut AsyncPgConnection,
    q: &StatsQuery,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Vec<String>, Measures)>> {
    let sql = statement(q, from, to)?;
    Ok(sql
        .load(conn)
        .await?
        .into_iter()
        .map(Row::measures)
        .collect())
}

/// The quantities of a group of rows `{a}` (their `qty` objects summed per unit): a subquery
/// per group over the array of its non-empty objects, all in built-in functions.
fn qty(a: &str) -> String {
    format!(
        "(SELECT coalesce(jsonb_object_agg(u, s), '{{}}'::jsonb) FROM (SELECT e.key AS u, \
         sum(e.value::text::float8) AS s FROM unnest(array_agg({a}.qty) FILTER (WHERE {a}.qty <> '{{}}'::jsonb)) x (o) \
         CROSS JOIN LATERAL jsonb_each(x.o) e GROUP BY e.key) y WHERE abs(s) > 1e-9) AS qty"
    )
}

/// The measures of a group of rollup rows.
fn measures_rollup() -> String {
    format!(
        "sum(r.cases)::int8 AS cases, sum(r.lines)::int8 AS lines, coalesce(sum(r.kg), 0) AS kg, \
         coalesce(sum(r.value_eur), 0) AS value, sum(r.unconverted)::int8 AS unconverted, {}",
        qty("r")
    )
}

/// Whether `from..=to` can be read from a monthly rollup: whole months (see the module's
/// documentation), unless grouped by day or week.
fn monthly(q: &StatsQuery, from: NaiveDate, to: NaiveDate) -> bool {
    let today = chrono::Utc::now().date_naive();
    from.day() == 1
        && (last_day_of_month(to) || to >= today)
        && !(q.group.contains(&Dimension::Period) && matches!(q.period, Period::Day | Period::Week))
}

/// Dimensions the pairs rollup holds (`ncen_stat_paired`): not the map's.
fn paired(d: Dimension) -> bool {
    !matches!(
        d,
        Dimension::Period | Dimension::CommodityGroup | Dimension::RouteSegment | Dimension::Place
    )
}

fn rollup(q: &StatsQuery, dim: Option<Dimension>, from: NaiveDate, to: NaiveDate) -> Sql {
    let mut sql = Sql::default();
    let (table, day) = if monthly(q, from, to) {
        ("stat_monthly", "r.month")
    } else {
        ("stat_daily", "r.day")
    };
    let keys: Vec<String> = q
        .group
        .iter()
        .map(|g| match g {
            Dimension::Period => period_key(q.period, day),
            Dimension::CommodityGroup => "r.commodity_group".to_string(),
            _ => "r.value".to_string(),
        })
        .collect();
    let dim_p = sql.bind(Bind::Text(dim.map_or("all", Dimension::as_str).to_string()));
    let status_p = sql.bind(Bind::Texts(statuses(q)));
    let from_p = sql.bind(Bind::Date(from));
    let to_p = sql.bind(Bind::Date(to));
    let mut conditions = vec![
        format!("r.dim = {dim_p}"),
        format!("r.status = ANY ({status_p})"),
        format!("{day} BETWEEN {from_p} AND {to_p}"),
        commodity_condition(q, &mut sql, "r"),
    ];
    if let Some(v) = dim.and_then(|d| filter_of(q, d)) {
        let p = sql.bind(Bind::Text(v.to_string()));
        conditions.push(format!("r.value = {p}"));
    }
    sql.text = finish(
        &keys,
        &measures_rollup(),
        &format!("{table} r"),
        &conditions,
        q,
    );
    sql
}

/// Two dimensions over whole months, from the pairs rollup (its `dim_a` sorts before `dim_b`).
fn pairs(q: &StatsQuery, x: Dimension, y: Dimension, from: NaiveDate, to: NaiveDate) -> Sql {
    let (a, b) = if x.as_str() < y.as_str() {
        (x, y)
    } else {
        (y, x)
    };
    let mut sql = Sql::default();
    let keys: Vec<String> = q
        .group
        .iter()
        .map(|g| match g {
            Dimension::Period => period_key(q.period, "r.month"),
            Dimension::CommodityGroup => "r.commodity_group".to_string(),
            d if *d == a => "r.value_a".to_string(),
            _ => "r.value_b".to_string(),
        })
        .collect();
    let a_p = sql.bind(Bind::Text(a.as_str().to_string()));
    let b_p = sql.bind(Bind::Text(b.as_str().to_string()));
    let status_p = sql.bind(Bind::Texts(statuses(q)));
    let from_p = sql.bind(Bind::Date(from));
    let to_p = sql.bind(Bind::Date(to));
    let mut conditions = vec![
        format!("r.dim_a = {a_p}"),
        format!("r.dim_b = {b_p}"),
        format!("r.status = ANY ({status_p})"),
        format!("r.month BETWEEN {from_p} AND {to_p}"),
        commodity_condition(q, &mut sql, "r"),
    ];
    for (d, column) in [(a, "r.value_a"), (b, "r.value_b")] {
        if let Some(v) = filter_of(q, d) {
            let p = sql.bind(Bind::Text(v.to_string()));
            conditions.push(format!("{column} = {p}"));
        }
    }
    sql.text = finish(
        &keys,
        &measures_rollup(),
        "stat_pair_monthly r",
        &conditions,
        q,
    );
    sql
}

/// `SELECT keys, measures FROM … WHERE … GROUP BY keys`, by period then the largest first.
fn finish(
    keys: &[String],
    measures: &str,
    from: &str,
    conditions: &[String],
    q: &StatsQuery,
) -> String {
    let key_array = if keys.is_empty() {
        "ARRAY[]::text[]".to_string()
    } else {
        format!("ARRAY[{}]::text[]", keys.join(", "))
    };
    let group_by = if keys.is_empty() {
        String::new()
    } else {
        format!("GROUP BY {}", keys.join(", "))
    };
    let order = if <[Dimension]>::first(&q.group) == Some(&Dimension::Period) {
        "keys[1], cases DESC, keys"
    } else {
        "cases DESC, keys"
    };
    format!(
        "SELECT * FROM (SELECT {key_array} AS keys, {measures} FROM {from} WHERE {} {group_by} \
         HAVING count(*) > 0) t ORDER BY {order} LIMIT {}",
        conditions.join(" AND "),
        MAX_ROWS + 1
    )
}

fn cells(q: &StatsQuery, others: &[Dimension], from: NaiveDate, to: NaiveDate) -> Result<Sql> {
    let goods: Vec<Dimension> = others.iter().copied().filter(|d| d.of_goods()).collect();
    if goods.len() > 1 {
        return Err(Error::validation(
            "group",
            "goods_dimensions",
            "two dimensions of the goods (commodity type, unit) cannot be combined: their lines differ",
        ));
    }
    let mut sql = Sql::default();
    let status_p = sql.bind(Bind::Texts(statuses(q)));
    let from_p = sql.bind(Bind::Date(from));
    let to_p = sql.bind(Bind::Date(to));
    // one alias per dimension: the first drives (`a`), the others join on the same case and
    // commodity group
    let anchor = <[Dimension]>::first(others).copied();
    let mut joins = String::new();
    let mut conditions = vec![
        format!(
            "a.dim = {}",
            sql.bind(Bind::Text(
                anchor.map_or("all", Dimension::as_str).to_string()
            ))
        ),
        format!("a.status = ANY ({status_p})"),
        format!("a.day BETWEEN {from_p} AND {to_p}"),
        commodity_condition(q, &mut sql, "a"),
    ];
    let alias = |i: usize| {
        if i == 0 {
            "a".to_string()
        } else {
            format!("d{i}")
        }
    };
    for (i, d) in others.iter().enumerate() {
        let t = alias(i);
        if i > 0 {
            let p = sql.bind(Bind::Text(d.as_str().to_string()));
            // the same day as the anchor's (a case's cells share its day): each dimension's
            // range is an index-only scan (`stat_case_cells_cover`), merged on the case
            joins.push_str(&format!(
                " JOIN stat_case_cells {t} ON {t}.case_id = a.case_id \
                 AND {t}.commodity_group = a.commodity_group AND {t}.dim = {p} \
                 AND {t}.day BETWEEN {from_p} AND {to_p}"
            ));
        }
        if let Some(v) = filter_of(q, *d) {
            let p = sql.bind(Bind::Text(v.to_string()));
            conditions.push(format!("{t}.value = {p}"));
        }
    }
    if let Some(ids) = &q.cases {
        let p = sql.bind(Bind::Ids(ids.clone()));
        conditions.push(format!("a.case_id = ANY ({p})"));
    }
    // the measures of a goods dimension's cell (its lines only), else the case's
    let m = others
        .iter()
        .position(|d| d.of_goods())
        .map_or("a".to_string(), alias);
    let keys: Vec<String> = q
        .group
        .iter()
        .map(|g| match g {
            Dimension::Period => period_key(q.period, "a.day"),
            Dimension::CommodityGroup => "a.commodity_group".to_string(),
            d => others
                .iter()
                .position(|o| o == d)
                .map_or("a.value".to_string(), |i| format!("{}.value", alias(i))),
        })
        .collect();
    let measures = format!(
        "count(*)::int8 AS cases, sum({m}.lines)::int8 AS lines, coalesce(sum({m}.kg), 0) AS kg, \
         coalesce(sum({m}.value_eur), 0) AS value, sum({m}.unconverted)::int8 AS unconverted, {}",
        qty(&m)
    );
    sql.text = finish(
        &keys,
        &measures,
        &format!("stat_case_cells a{joins}"),
        &conditions,
        q,
    );
    Ok(sql)
}

/// Cases saved and not counted yet.
pub async fn pending(conn: &mut AsyncPgConnection) -> Result<i64> {
    use crate::db::schema::stat_queue;
    use diesel::QueryDsl;
    Ok(stat_queue::table.count().get_result(conn).await?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn query(group: &[Dimension], filters: &[(Dimension, &str)]) -> StatsQuery {
        StatsQuery {
            group: group.to_vec(),
            period: Period::Month,
            from: NaiveDate::default(),
            to: NaiveDate::default(),
            status: None,
            filters: filters.iter().map(|(d, v)| (*d, v.to_string())).collect(),
            cases: None,
            compare: false,
        }
    }

    fn table_of(q: &StatsQuery, from: &str, to: &str) -> &'static str {
        let (from, to) = (
            NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap(),
            NaiveDate::parse_from_str(to, "%Y-%m-%d").unwrap(),
        );
        let text = statement(q, from, to).unwrap().text;
        [
            "stat_pair_monthly",
            "stat_monthly",
            "stat_daily",
            "stat_case_cells",
        ]
        .into_iter()
        .find(|t| text.contains(&format!("{t} ")))
        .unwrap()
    }

    #[test]
    fn each_request_reads_the_smallest_table_that_answers_it() {
        use Dimension::*;
        let whole = ("2026-01-01", "2026-06-30");
        let days = ("2026-01-02", "2026-06-30");
        let to_today = ("2026-01-01", "2999-12-31");
        let by_route = query(&[Route], &[]);
        assert_eq!(table_of(&by_route, whole.0, whole.1), "stat_monthly");
        assert_eq!(table_of(&by_route, to_today.0, to_today.1), "stat_monthly");
        assert_eq!(table_of(&by_route, days.0, days.1), "stat_daily");
        let mut by_week = query(&[Dimension::Period, Route], &[]);
        by_week.period = super::Period::Week;
        assert_eq!(table_of(&by_week, whole.0, whole.1), "stat_daily");
        let two = query(&[LocationType, Direction], &[]);
        assert_eq!(table_of(&two, whole.0, whole.1), "stat_pair_monthly");
        assert_eq!(table_of(&two, days.0, days.1), "stat_case_cells");
        let filtered = query(
            &[Period, OriginCountry],
            &[(DetectionMethod, "detector_dog")],
        );
        assert_eq!(table_of(&filtered, whole.0, whole.1), "stat_pair_monthly");
        let goods = query(
            &[CommodityType, DetectionMethod],
            &[(CommodityGroup, "drugs")],
        );
        assert_eq!(table_of(&goods, whole.0, whole.1), "stat_pair_monthly");
        let map = query(&[RouteSegment], &[(DetectionMethod, "detector_dog")]);
        assert_eq!(table_of(&map, whole.0, whole.1), "stat_case_cells");
        let three = query(
            &[CommodityType],
            &[(DetectionMethod, "x"), (LocationType, "seaport")],
        );
        assert_eq!(table_of(&three, whole.0, whole.1), "stat_case_cells");
        let mut some_cases = query(&[Route], &[]);
        some_cases.cases = Some(vec![Uuid::nil()]);
        assert_eq!(table_of(&some_cases, whole.0, whole.1), "stat_case_cells");
    }
}
