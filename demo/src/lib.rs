//! `ncen demo`: fills a database with realistic synthetic data — units, users of every
//! role, seizure cases across every commodity group with goods, routes across real
//! countries, concealment, detection, persons and companies that recur across cases,
//! conveyances with valid identifiers, and placeholder pictures — so that a new user sees
//! a living system, and so that the benchmark has 100 000 cases to work on.
//!
//! - Deterministic: the same `--seed`, `--cases` and `--as-of` give the same data.
//! - One transaction, multi-row `INSERT`s of 1 000 rows; one audit event (`demo.generate`).
//! - Then message threads between the units, written through the messaging service like the
//!   API's (`messages`), and moved back in time over the last six weeks.
//! - Refuses to run twice on a database (it looks for that audit event).
//! - Every value passes the API's own validation (code lists, check digits, ranges, dates,
//!   route order); references follow `<country>-<year>-<sequence>` and the counters are
//!   moved past them, so cases created later through the API do not collide.

mod alerts;
mod cases;
mod catalog;
mod codelists;
mod companies;
mod company_network;
mod conveyance_numbers;
mod conveyances;
mod detection;
mod exchange;
mod goods;
mod history;
mod images;
mod imports;
mod investigation_threads;
mod investigations;
mod link_network;
mod lookalikes;
mod messages;
mod narrative;
mod organisation;
mod parties;
mod persons;
mod pictures;
mod random;
mod route;
mod saved_searches;
mod scale;
mod sql;
mod state;
mod tables;
mod text;
mod unit_names;
mod workflow;

pub use conveyance_numbers::container_check_digit;

use anyhow::{bail, Context};
use catalog::OFFICES;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use codelists::Lists;
use diesel::sql_types::{Bool, Integer};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use ncen_core::audit::{record, Actor, Event};
use ncen_core::auth::password;
use ncen_core::files::storage::Storage;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use state::Gen;
use std::collections::{HashMap, HashSet};
use tables::Tables;

/// The default password of every demo user (`NCEN_DEMO_PASSWORD` overrides it).
pub const DEFAULT_PASSWORD: &str = "customs-demo-2026";

/// Cases generated (and written) per round.
const CHUNK: usize = 2_000;

pub struct Options {
    pub cases: usize,
    pub seed: u64,
    /// The last day of the demo period; cases are detected in the three years before it.
    pub as_of: NaiveDate,
    /// Reference prefix (`NCEN_COUNTRY`, as the server uses).
    pub country: String,
    pub password: String,
    /// Most cases that get pictures.
    pub max_pictured_cases: usize,
    /// Persons and companies of the registers beyond those of the cases (`scale`).
    pub register_persons: usize,
    pub register_companies: usize,
    /// Public keys (hex) of real partner nodes by country (`make two-nodes`); the others'
    /// are derived from the seed.
    pub partner_keys: Vec<(String, String)>,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub units: u64,
    pub users: u64,
    pub cases: u64,
    pub goods: u64,
    pub route_legs: u64,
    pub persons: u64,
    pub companies: u64,
    pub conveyances: u64,
    pub attachments: u64,
    /// Message threads (warnings, feedback, seizure messages, discussions).
    pub threads: u64,
    /// Messages in those threads, the first ones included.
    pub messages: u64,
    pub seconds: f64,
    /// Time spent computing the registers' matching keys (part of `seconds`).
    pub name_keys_seconds: f64,
    pub sample_users: Vec<(String, String)>,
    pub alerts: u64,
    pub alert_hits: u64,
    pub investigations: u64,
    pub partners: u64,
    pub imports: u64,
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Bool)]
    found: bool,
}

#[derive(QueryableByName)]
struct CounterRow {
    #[diesel(sql_type = Integer)]
    year: i32,
    #[diesel(sql_type = Integer)]
    last_value: i32,
}

/// Generates the demo data on the database at `url`, storing pictures in `storage`.
/// How many cases each month brings, relative to the others (January first).
const SEASON: [f64; 12] = [
    0.8, 0.75, 0.85, 0.9, 1.0, 1.15, 1.4, 1.45, 1.05, 0.95, 1.0, 1.3,
];
const SEASON_MAX: f64 = 1.45;

pub async fn generate(url: &str, storage: &Storage, opts: &Options) -> anyhow::Result<Report> {
    let started = std::time::Instant::now();
    anyhow::ensure!(opts.cases >= 1, "--cases must be at least 1");
    anyhow::ensure!(opts.cases <= 2_000_000, "--cases is limited to 2 000 000");
    anyhow::ensure!(
        opts.register_persons <= 5_000_000 && opts.register_companies <= 1_000_000,
        "--register-persons is limited to 5 000 000 and --register-companies to 1 000 000"
    );
    if let Some((_, message)) = password::policy_violation(&opts.password, None) {
        bail!("NCEN_DEMO_PASSWORD {message}");
    }
    let mut conn = AsyncPgConnection::establish(url)
        .await
        .context("cannot connect to the database")?;
    let done: Found = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM audit_events WHERE action = 'demo.generate') AS found",
    )
    .get_result(&mut conn)
    .await?;
    if done.found {
        bail!("this database already holds demo data (`ncen demo` ran on it before); use a fresh database, e.g. `make stop`, remove the cluster with `rm -rf $(scripts/db.sh dir pg)` and run `make demo` again");
    }
    let lists = Lists::load(&mut conn).await?;
    lists.verify()?;
    let clash: Found = diesel::sql_query(format!(
        "SELECT EXISTS (SELECT 1 FROM units WHERE code IN ({})) AS found",
        OFFICES
            .iter()
            .map(|o| o.code)
            .chain(catalog::DIRECTORATES.iter().map(|d| d.0))
            .chain([catalog::NATIONAL_UNIT.0])
            .map(sql::text)
            .collect::<Vec<_>>()
            .join(",")
    ))
    .get_result(&mut conn)
    .await?;
    if clash.found {
        bail!("units with the demo's codes (CDG-PAX, DR-PARIS, NCU…) already exist; run the demo on a fresh database");
    }
    let hash = password::hash_blocking(opts.password.clone()).await?;
    let end = opts
        .as_of
        .and_time(NaiveTime::MIN)
        .and_utc()
        .min(Utc::now());
    let mut rng = StdRng::seed_from_u64(opts.seed);

    conn.batch_execute("BEGIN").await?;
    let result = async {
        conn.batch_execute("LOCK TABLE seizure_reference_counters IN SHARE ROW EXCLUSIVE MODE")
            .await?;
        let counters: Vec<CounterRow> =
            diesel::sql_query("SELECT year, last_value FROM seizure_reference_counters")
                .load(&mut conn)
                .await?;
        let mut report = Report::default();
        let unit_info = organisation::create(&mut conn, &mut rng, &hash, &mut report).await?;

        // Cases in date order, so that each year's sequence follows time.
        let span = Duration::days(3 * 365);
        let start = end - span;
        let mut times: Vec<DateTime<Utc>> = (0..opts.cases)
            .map(|_| loop {
                // Slightly more cases recently: activity grows; and seasons: the summer
                // holidays and December bring more travellers and parcels (kept with the
                // month's weight, the rest drawn again).
                let u: f64 = rng.random::<f64>().powf(0.8);
                let t = start + Duration::seconds((span.num_seconds() as f64 * u) as i64);
                let season = SEASON[t.month0() as usize];
                if rng.random::<f64>() * SEASON_MAX <= season {
                    break t;
                }
            })
            .collect();
        times.sort();
        let mut pictured = HashSet::new();
        let pictures = opts.max_pictured_cases.min(opts.cases);
        while pictured.len() < pictures {
            pictured.insert(rng.random_range(0..opts.cases));
        }
        let mut generator = Gen {
            rng,
            lists: &lists,
            opts,
            end,
            units: unit_info,
            persons: Vec::new(),
            person_pools: HashMap::new(),
            companies: Vec::new(),
            company_pools: HashMap::new(),
            conveyance_keys: HashMap::new(),
            conveyance_type_of: HashMap::new(),
            flights: HashMap::new(),
            vessels: Vec::new(),
            truck_pools: HashMap::new(),
            counters: counters.iter().map(|c| (c.year, c.last_value)).collect(),
            pictured,
            pictures: Vec::new(),
            t: Tables::new(),
            report,
        };
        // Every commodity group appears, spread over the period.
        let groups = catalog::GROUP_WEIGHTS.len();
        let stride = (opts.cases / groups).max(1);
        for (i, t) in times.iter().enumerate() {
            let forced = (i % stride == 0 && i / stride < groups).then(|| catalog::GROUP_WEIGHTS[i / stride].0);
            generator.case(i, *t, forced)?;
            if (i + 1) % CHUNK == 0 {
                generator.t.flush(&mut conn).await?;
                if opts.cases >= 20_000 && (i + 1) % 20_000 == 0 {
                    eprintln!("  … {} cases", i + 1);
                }
            }
        }
        if let Some(creator) = generator.units.values().filter_map(|u| <[_]>::first(&u.officers)).map(|o| o.0).min() {
            let when = generator.end - chrono::Duration::days(30);
            generator.lookalikes(creator, when);
        }
        generator.t.flush(&mut conn).await?;
        generator
            .register_only(&mut conn, opts.register_persons, opts.register_companies)
            .await?;
        history::created(&mut conn).await?;

        // Reference counters move past every reference used.
        if !generator.counters.is_empty() {
            let values: Vec<String> = generator
                .counters
                .iter()
                .map(|(y, v)| format!("({y}, {v})"))
                .collect();
            conn.batch_execute(&format!(
                "INSERT INTO seizure_reference_counters (year, last_value) VALUES {} \
                 ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(seizure_reference_counters.last_value, EXCLUDED.last_value)",
                values.join(",")
            ))
            .await?;
        }

        // Picture bytes go to the attachment store before the rows become visible.
        pictures::store(storage, &generator.pictures).await?;
        let mut report = std::mem::take(&mut generator.report);
        report.seconds = started.elapsed().as_secs_f64();
        let details = json!({
            "seed": opts.seed, "as_of": opts.as_of, "cases": report.cases, "goods": report.goods,
            "persons": report.persons, "companies": report.companies, "conveyances": report.conveyances,
            "attachments": report.attachments, "units": report.units, "users": report.users,
        });
        record(&mut conn, &Actor::system(), Event::new("demo.generate").details(details)).await?;
        Ok::<_, anyhow::Error>(report)
    }
    .await;
    match result {
        Ok(mut report) => {
            conn.batch_execute("COMMIT").await?;
            // The registers were loaded in bulk: the matching engine computes their keys now.
            let keys = ncen_core::registers::match_keys::reindex(&mut conn)
                .await
                .context("the cases are written but the matching keys failed")?;
            report.name_keys_seconds = keys.seconds;
            // Fresh statistics, so that the planner uses the filter indexes at once.
            conn.batch_execute(
                "ANALYZE seizure_cases, seizure_goods, seizure_route_legs, seizure_case_persons, \
                 seizure_case_companies, seizure_case_conveyances, persons, person_documents, \
                 companies, conveyances, seizure_history, seizure_attachments",
            )
            .await?;
            // Messages go through the messaging service, which opens its own transactions.
            let counts =
                messages::create(&mut conn, opts.seed, end, opts.cases, &report.sample_users)
                    .await
                    .context("the cases are written but the demo messages failed")?;
            report.threads = counts.threads;
            report.messages = counts.messages;
            // The watch list, and the hits of data entering nCEN after it.
            let thresholds = ncen_core::screening::Thresholds::default();
            let alerts = alerts::create(&mut conn, &opts.country, thresholds)
                .await
                .context("the cases are written but the demo alerts failed")?;
            report.alerts = alerts.alerts;
            report.alert_hits = alerts.hits;
            // The investigations of the national unit, linked to cases, persons and the watch list.
            report.investigations = investigations::create(&mut conn, storage, &opts.country)
                .await
                .context("the cases are written but the demo investigations failed")?;
            let (threads, messages) =
                investigation_threads::create(&mut conn, investigations::FIRST)
                    .await
                    .context("the cases are written but the investigations' threads failed")?;
            report.threads += threads;
            report.messages += messages;
            // The company database: a group, a formation agent's address, a phoenix chain.
            let made = company_network::create(&mut conn)
                .await
                .context("the cases are written but the demo company structures failed")?;
            report.companies += made.companies;
            // The link analysis: a courier's phone leads to the company behind three cases.
            link_network::create(&mut conn)
                .await
                .context("the cases are written but the demo link network failed")?;
            // A saved search that alerts: the analyst's rule on the emerging route.
            saved_searches::create(&mut conn)
                .await
                .context("the cases are written but the demo saved search failed")?;
            report.companies += 1;
            // Icomm: partner administrations and the agreements that allow an exchange.
            report.partners = exchange::create(
                &mut conn,
                storage,
                opts.seed,
                &opts.country,
                &opts.partner_keys,
            )
            .await
            .context("the cases are written but the demo partners failed")?
                as u64;
            // Bulk imports: a unit's weekly spreadsheet of cases, the old companies registry.
            report.imports = imports::create(&mut conn, url, storage, &opts.country, thresholds)
                .await
                .context("the cases are written but the demo imports failed")?;
            history::created(&mut conn).await?;
            // The statistics count every case at once (rather than case by case, as a running
            // server's worker would).
            ncen_core::stats::worker::rebuild(&mut conn)
                .await
                .context("the cases are written but the statistics failed")?;
            report.seconds = started.elapsed().as_secs_f64();
            Ok(report)
        }
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}
