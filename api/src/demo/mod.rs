//! `ncen demo`: fills a database with realistic synthetic data — units, users of every
//! role, seizure cases across every commodity group with goods, routes across real
//! countries, concealment, detection, persons and companies that recur across cases,
//! conveyances with valid identifiers, and placeholder pictures — so that a new user sees
//! a living system, and so that the benchmark has 100 000 cases to work on.
//!
//! - Deterministic: the same `--seed`, `--cases` and `--as-of` give the same data.
//! - One transaction, multi-row `INSERT`s of 1 000 rows; one audit event (`demo.generate`).
//! - Refuses to run twice on a database (it looks for that audit event).
//! - Every value passes the API's own validation (code lists, check digits, ranges, dates,
//!   route order); references follow `<country>-<year>-<sequence>` and the counters are
//!   moved past them, so cases created later through the API do not collide.

mod catalog;
mod images;
mod sql;

use crate::attachments::{media, storage::Storage};
use crate::audit::{record, Actor, Event};
use crate::auth::password;
use anyhow::{bail, Context};
use catalog::{Mode, Office, Profile, HOME, OFFICES};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use diesel::sql_types::{Bool, Integer, Nullable, Text};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;
use sha2::{Digest, Sha256};
use sql::Batch;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

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
    pub seconds: f64,
    pub sample_users: Vec<(String, String)>,
}

// ---------------------------------------------------------------------------------------
// Code lists

#[derive(QueryableByName)]
struct EntryRow {
    #[diesel(sql_type = Text)]
    list_name: String,
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Nullable<Text>)]
    parent_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    label: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    kg_factor: Option<String>,
}

/// Parent code, English label and kg factor of a code-list entry.
type Entry = (Option<String>, String, Option<f64>);

struct Lists {
    entries: HashMap<(String, String), Entry>,
    types_by_group: HashMap<String, Vec<String>>,
}

impl Lists {
    async fn load(conn: &mut AsyncPgConnection) -> anyhow::Result<Self> {
        let rows: Vec<EntryRow> = diesel::sql_query(
            "SELECT list_name, code, parent_code, labels->>'en' AS label, attributes->>'kg_factor' AS kg_factor \
             FROM codelist_entries WHERE retired_at IS NULL ORDER BY list_name, sort_order, code",
        )
        .load(conn)
        .await?;
        let mut entries = HashMap::new();
        let mut types_by_group: HashMap<String, Vec<String>> = HashMap::new();
        for r in rows {
            if r.list_name == "commodity_types" {
                if let Some(g) = &r.parent_code {
                    types_by_group
                        .entry(g.clone())
                        .or_default()
                        .push(r.code.clone());
                }
            }
            let kg = r.kg_factor.and_then(|k| k.parse().ok());
            entries.insert(
                (r.list_name, r.code.clone()),
                (r.parent_code, r.label.unwrap_or(r.code), kg),
            );
        }
        Ok(Lists {
            entries,
            types_by_group,
        })
    }

    fn knows(&self, list: &str, code: &str) -> bool {
        self.entries
            .contains_key(&(list.to_string(), code.to_string()))
    }

    fn label(&self, list: &str, code: &str) -> String {
        self.entries
            .get(&(list.to_string(), code.to_string()))
            .map(|e| e.1.clone())
            .unwrap_or_else(|| code.to_string())
    }

    fn parent(&self, list: &str, code: &str) -> Option<&str> {
        self.entries
            .get(&(list.to_string(), code.to_string()))
            .and_then(|e| e.0.as_deref())
    }

    fn kg_factor(&self, unit: &str) -> Option<f64> {
        self.entries
            .get(&("units_of_measure".to_string(), unit.to_string()))
            .and_then(|e| e.2)
    }

    /// Every code the catalogue uses must be in the seeded lists (a renamed code would
    /// otherwise produce data the API refuses).
    fn verify(&self) -> anyhow::Result<()> {
        let mut missing = Vec::new();
        let mut need = |list: &str, code: &str| {
            if !self.knows(list, code) {
                missing.push(format!("{list}:{code}"));
            }
        };
        for (g, _) in catalog::GROUP_WEIGHTS {
            need("commodity_groups", g);
            need("units_of_measure", catalog::group_default(g).0);
            let r = catalog::routes(g, "");
            for c in r.origins.iter().chain(r.hubs).chain(r.destinations) {
                need("countries", c);
            }
        }
        for p in catalog::PROFILES {
            need("commodity_types", p.code);
            need("units_of_measure", p.unit);
            let r = catalog::routes(self.parent("commodity_types", p.code).unwrap_or(""), p.code);
            for c in r.origins.iter().chain(r.hubs).chain(r.destinations) {
                need("countries", c);
            }
        }
        for o in OFFICES {
            need("location_types", o.location_type);
        }
        for c in catalog::COMPANY_COUNTRIES.iter().chain(catalog::EU) {
            need("countries", c);
        }
        for list in [
            "detection_methods",
            "concealment_methods",
            "conveyance_types",
            "person_roles",
            "company_roles",
            "directions",
            "route_leg_roles",
            "document_types",
            "currencies",
        ] {
            for code in codes_used(list) {
                need(list, code);
            }
        }
        if !missing.is_empty() {
            bail!(
                "the code lists lack codes the demo uses: {}",
                missing.join(", ")
            );
        }
        Ok(())
    }
}

fn codes_used(list: &str) -> &'static [&'static str] {
    match list {
        "detection_methods" => &[
            "risk_profiling",
            "intelligence",
            "watch_list_hit",
            "routine_control",
            "random_selection",
            "document_check",
            "physical_examination",
            "xray_nii",
            "detector_dog",
            "post_clearance_audit",
            "joint_operation",
        ],
        "concealment_methods" => &[
            "none",
            "in_luggage",
            "false_compartment",
            "on_body",
            "inside_body",
            "in_clothing",
            "mixed_with_cargo",
            "conveyance_structure",
            "container_structure",
            "postal_express",
            "in_goods",
            "misdeclared",
        ],
        "conveyance_types" => &[
            "private_car",
            "truck",
            "bus",
            "container_vessel",
            "ferry",
            "passenger_aircraft",
            "cargo_aircraft",
            "postal_item",
            "express_parcel",
            "container",
        ],
        "person_roles" => &[
            "offender",
            "suspect",
            "courier",
            "driver",
            "passenger",
            "consignor",
            "consignee",
            "owner",
        ],
        "company_roles" => &[
            "importer",
            "exporter",
            "consignor",
            "consignee",
            "carrier",
            "forwarder",
            "broker",
            "manufacturer",
        ],
        "directions" => &["import", "export", "transit", "transhipment"],
        "route_leg_roles" => &["origin", "departure", "transit", "destination"],
        "document_types" => &["passport", "national_id_card", "driving_licence"],
        "currencies" => &["EUR", "USD", "GBP", "CHF", "AED"],
        _ => &[],
    }
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn new_id(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    // Every list in the catalogue is non-empty; index 0 is a safe fallback.
    items.choose(rng).unwrap_or(&items[0])
}

fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| *w).sum();
    let mut n = rng.random_range(0..total.max(1));
    for (item, w) in items {
        if n < *w {
            return item;
        }
        n -= w;
    }
    &items[0].0
}

/// Log-uniform in [lo, hi]: small seizures are many, large ones few.
fn log_uniform(rng: &mut StdRng, lo: f64, hi: f64) -> f64 {
    let (lo, hi) = (lo.max(1e-6), hi.max(lo.max(1e-6)));
    (lo.ln() + rng.random::<f64>() * (hi.ln() - lo.ln())).exp()
}

/// Skewed towards the start of the pool: early records come back again and again.
fn skewed(rng: &mut StdRng, len: usize) -> usize {
    let u: f64 = rng.random();
    ((len as f64) * u.powf(2.5)).floor().min(len as f64 - 1.0) as usize
}

fn digits(rng: &mut StdRng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn letters(rng: &mut StdRng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'A' + rng.random_range(0..26u8)))
        .collect()
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'ç' | 'č' | 'ć' => 'c',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
                'ñ' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ş' | 'š' | 'ś' => 's',
                'ğ' => 'g',
                'đ' => 'd',
                'ž' | 'ż' | 'ź' => 'z',
                'ł' => 'l',
                c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
                c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                _ => return None,
            };
            Some(base)
        })
        .collect::<String>()
        .to_lowercase()
}

/// ISO 6346 check digit of the first ten characters.
pub fn container_check_digit(first10: &str) -> u32 {
    let letter_value = |c: char| {
        let mut value = 10;
        for l in 'A'..='Z' {
            if value % 11 == 0 {
                value += 1;
            }
            if l == c {
                return value;
            }
            value += 1;
        }
        0
    };
    let sum: u32 = first10
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let v = c.to_digit(10).unwrap_or_else(|| letter_value(c));
            v << i
        })
        .sum();
    (sum % 11) % 10
}

fn imo_number(rng: &mut StdRng) -> String {
    let mut d: Vec<u32> = vec![9];
    d.extend((0..5).map(|_| rng.random_range(0..10)));
    let check: u32 = (0..6).map(|i| d[i] * (7 - i as u32)).sum::<u32>() % 10;
    d.push(check);
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

fn air_waybill(rng: &mut StdRng) -> String {
    let prefix = pick(
        rng,
        &["057", "074", "176", "235", "020", "157", "618", "125"],
    )
    .to_string();
    let serial: u32 = rng.random_range(1_000_000..9_999_999);
    format!("{prefix}-{serial:07}{}", serial % 7)
}

/// UPU S10 item identifier: 2 letters, 8 digits, check digit, country.
fn s10(rng: &mut StdRng, country: &str) -> String {
    let d: Vec<u32> = (0..8).map(|_| rng.random_range(0..10)).collect();
    let w = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = d.iter().zip(w).map(|(a, b)| a * b).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    let service = pick(rng, &["RR", "RB", "CP", "EE", "LX", "UA"]).to_string();
    let body: String = d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
    format!("{service}{body}{check}{country}")
}

fn plate(rng: &mut StdRng, country: &str) -> String {
    catalog::plate_style(country)
        .chars()
        .map(|c| match c {
            'L' => char::from(b'A' + rng.random_range(0..26u8)),
            'D' => char::from(b'0' + rng.random_range(0..10u8)),
            other => other,
        })
        .collect()
}

fn vin(rng: &mut StdRng, wmi: &str) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    let mut s = wmi.to_string();
    while s.len() < 17 {
        s.push(char::from(CHARS[rng.random_range(0..CHARS.len())]));
    }
    s
}

fn age_band(age: i32) -> &'static str {
    match age {
        i32::MIN..=17 => "under_18",
        18..=24 => "18_24",
        25..=34 => "25_34",
        35..=44 => "35_44",
        45..=54 => "45_54",
        55..=64 => "55_64",
        _ => "65_plus",
    }
}

fn fmt_qty(q: f64, unit: &str) -> String {
    let n = if q.fract() == 0.0 {
        format!("{q:.0}")
    } else {
        format!("{q:.2}")
    };
    let unit = match unit {
        "pcs" => "pieces",
        "m3" => "m³",
        u => u,
    };
    format!("{n} {unit}")
}

// ---------------------------------------------------------------------------------------
// The generator

struct UnitInfo {
    id: Uuid,
    officers: Vec<(Uuid, String)>,
    supervisor: (Uuid, String),
}

#[derive(Clone)]
struct PersonInfo {
    id: Uuid,
    name: String,
    nationality: String,
    gender: &'static str,
    birth_year: i32,
}

#[derive(Clone)]
struct CompanyInfo {
    id: Uuid,
    name: String,
}

struct Tables {
    cases: Batch,
    goods: Batch,
    legs: Batch,
    persons: Batch,
    documents: Batch,
    companies: Batch,
    conveyances: Batch,
    case_persons: Batch,
    case_companies: Batch,
    case_conveyances: Batch,
    history: Batch,
    attachments: Batch,
}

impl Tables {
    fn new() -> Self {
        Tables {
            cases: Batch::new(
                "seizure_cases",
                &[
                    "id",
                    "reference",
                    "kind",
                    "status",
                    "reporting_unit_id",
                    "reporting_officer_id",
                    "detected_at",
                    "place",
                    "location_type",
                    "unlocode",
                    "country",
                    "latitude",
                    "longitude",
                    "direction",
                    "customs_procedure",
                    "declaration_reference",
                    "detection_methods",
                    "risk_profiling",
                    "intelligence_led",
                    "watch_list_hit",
                    "concealment_method",
                    "concealment_description",
                    "narrative",
                    "summary_non_nominal",
                    "offender_nationality",
                    "offender_gender",
                    "offender_age_band",
                    "version",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                    "route_countries",
                    "conveyance_types",
                ],
            ),
            goods: Batch::new(
                "seizure_goods",
                &[
                    "id",
                    "case_id",
                    "position",
                    "commodity_group",
                    "commodity_type",
                    "hs_code",
                    "description",
                    "quantity",
                    "unit",
                    "mass_kg",
                    "value",
                    "currency",
                    "packaging",
                    "brand",
                    "species",
                    "cites_appendix",
                    "purity_percent",
                ],
            ),
            legs: Batch::new(
                "seizure_route_legs",
                &[
                    "case_id",
                    "position",
                    "country",
                    "unlocode",
                    "place",
                    "role",
                    "departure_date",
                    "arrival_date",
                ],
            ),
            persons: Batch::new(
                "persons",
                &[
                    "id",
                    "family_name",
                    "given_names",
                    "aliases",
                    "original_script_name",
                    "birth_year",
                    "birth_month",
                    "birth_day",
                    "place_of_birth",
                    "gender",
                    "nationalities",
                    "addresses",
                    "phones",
                    "emails",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            documents: Batch::new(
                "person_documents",
                &[
                    "person_id",
                    "position",
                    "document_type",
                    "number",
                    "number_norm",
                    "issuing_country",
                    "expires_on",
                ],
            ),
            companies: Batch::new(
                "companies",
                &[
                    "id",
                    "name",
                    "aliases",
                    "registration_number",
                    "tax_id",
                    "eori",
                    "country",
                    "activities",
                    "status",
                    "addresses",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            conveyances: Batch::new(
                "conveyances",
                &[
                    "id",
                    "conveyance_type",
                    "identifier_kind",
                    "identifier",
                    "identifier_norm",
                    "country",
                    "name",
                    "make",
                    "model",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            case_persons: Batch::new(
                "seizure_case_persons",
                &["case_id", "person_id", "role", "position"],
            ),
            case_companies: Batch::new(
                "seizure_case_companies",
                &["case_id", "company_id", "role", "position"],
            ),
            case_conveyances: Batch::new(
                "seizure_case_conveyances",
                &["case_id", "conveyance_id", "role", "position"],
            ),
            history: Batch::new(
                "seizure_history",
                &[
                    "case_id",
                    "version",
                    "action",
                    "actor_id",
                    "actor_username",
                    "at",
                    "reason",
                    "changes",
                ],
            ),
            attachments: Batch::new(
                "seizure_attachments",
                &[
                    "id",
                    "case_id",
                    "kind",
                    "caption",
                    "cleared_for_export",
                    "media_type",
                    "original_filename",
                    "size_bytes",
                    "sha256",
                    "width",
                    "height",
                    "storage_key",
                    "thumbnail_key",
                    "uploaded_by",
                    "uploaded_at",
                ],
            ),
        }
    }

    /// Writes every pending row, parents before children.
    async fn flush(&mut self, conn: &mut AsyncPgConnection) -> diesel::QueryResult<()> {
        self.persons.flush(conn).await?;
        self.documents.flush(conn).await?;
        self.companies.flush(conn).await?;
        self.conveyances.flush(conn).await?;
        self.cases.flush(conn).await?;
        self.goods.flush(conn).await?;
        self.legs.flush(conn).await?;
        self.case_persons.flush(conn).await?;
        self.case_companies.flush(conn).await?;
        self.case_conveyances.flush(conn).await?;
        self.history.flush(conn).await?;
        self.attachments.flush(conn).await?;
        Ok(())
    }
}

/// A picture to store once the rows are written.
struct Picture {
    key: String,
    thumb_key: String,
    content: Vec<u8>,
    thumbnail: Vec<u8>,
}

struct Gen<'a> {
    rng: StdRng,
    lists: &'a Lists,
    opts: &'a Options,
    end: DateTime<Utc>,
    units: HashMap<&'static str, UnitInfo>,
    persons: Vec<PersonInfo>,
    person_pools: HashMap<&'static str, Vec<usize>>,
    companies: Vec<CompanyInfo>,
    company_pools: HashMap<&'static str, Vec<usize>>,
    conveyance_keys: HashMap<(String, String, String), Uuid>,
    /// The type of every conveyance made, for the cases' `conveyance_types` filter copy.
    conveyance_type_of: HashMap<Uuid, String>,
    flights: HashMap<(String, String), Vec<String>>,
    vessels: Vec<(String, String, String)>,
    truck_pools: HashMap<&'static str, Vec<(Uuid, String)>>,
    counters: HashMap<i32, i32>,
    pictured: HashSet<usize>,
    pictures: Vec<Picture>,
    t: Tables,
    report: Report,
}

struct Item {
    group: &'static str,
    commodity_type: String,
    quantity: f64,
    unit: &'static str,
    description: String,
}

impl<'a> Gen<'a> {
    fn profile(&self, code: &str) -> Option<&'static Profile> {
        catalog::PROFILES.iter().find(|p| p.code == code)
    }

    fn at(&mut self, base: DateTime<Utc>, min_h: i64, max_h: i64) -> DateTime<Utc> {
        let t = base + Duration::minutes(self.rng.random_range(min_h * 60..=max_h * 60));
        t.min(self.end)
    }

    fn group_for(&mut self, mode: Mode) -> &'static str {
        loop {
            let g = *weighted(&mut self.rng, catalog::GROUP_WEIGHTS);
            let fits = match mode {
                Mode::AirPassenger => {
                    !matches!(g, "timber" | "hazardous_waste" | "nuclear" | "alcohol")
                }
                Mode::Express | Mode::Postal => !matches!(
                    g,
                    "timber" | "hazardous_waste" | "nuclear" | "alcohol" | "other_fraud"
                ),
                Mode::Rail => !matches!(g, "timber" | "nuclear"),
                _ => true,
            };
            if fits {
                return g;
            }
        }
    }

    fn type_for(&mut self, group: &str) -> String {
        let own: Vec<&'static str> = catalog::PROFILES
            .iter()
            .filter(|p| self.lists.parent("commodity_types", p.code) == Some(group))
            .map(|p| p.code)
            .collect();
        if !own.is_empty() && self.rng.random_bool(0.88) {
            return pick(&mut self.rng, &own).to_string();
        }
        match self.lists.types_by_group.get(group) {
            Some(all) if !all.is_empty() => pick(&mut self.rng, all).clone(),
            _ => <[_]>::first(&own)
                .map(|s| s.to_string())
                .unwrap_or_default(),
        }
    }

    fn item(
        &mut self,
        group: &'static str,
        commodity_type: String,
        mode: Mode,
    ) -> (Item, Vec<String>) {
        let profile = self.profile(&commodity_type);
        let (unit, (lo, hi), (vlo, vhi), hs) = match profile {
            Some(p) => (p.unit, p.qty, p.unit_value, p.hs),
            None => catalog::group_default(group),
        };
        let cap = match mode {
            Mode::AirPassenger | Mode::Rail => match unit {
                "kg" => 40.0,
                "g" => 3000.0,
                "tablets" | "doses" => 50_000.0,
                "sticks" => 40_000.0,
                "pcs" => 400.0,
                "l" => 60.0,
                "ml" => 5000.0,
                "heads" => 30.0,
                _ => 2.0,
            },
            Mode::Express | Mode::Postal => match unit {
                "kg" => 8.0,
                "g" => 1500.0,
                "tablets" | "doses" => 10_000.0,
                "sticks" => 4000.0,
                "pcs" => 120.0,
                "l" | "m3" => 2.0,
                "ml" => 2000.0,
                "heads" => 10.0,
                _ => 5.0,
            },
            _ => f64::MAX,
        };
        let hi = hi.min(cap);
        let lo = lo.min(hi / 2.0);
        let mut q = log_uniform(&mut self.rng, lo, hi);
        q = match unit {
            "kg" | "g" | "l" | "ml" | "m3" => (q * 100.0).round() / 100.0,
            _ => q.round(),
        }
        .max(if matches!(unit, "kg" | "l" | "m3") {
            0.01
        } else {
            1.0
        });
        let mass_kg = self.lists.kg_factor(unit).map(|k| q * k);
        let currency = if group == "currency"
            && matches!(
                commodity_type.as_str(),
                "banknotes" | "counterfeit_currency"
            ) {
            *pick(
                &mut self.rng,
                &["EUR", "EUR", "EUR", "USD", "USD", "GBP", "CHF", "AED"],
            )
        } else {
            "EUR"
        };
        let value = (q * self.rng.random_range(vlo..=vhi) / 10.0).round() * 10.0;
        let value = if self.rng.random_bool(0.9) {
            Some(value.max(0.0))
        } else {
            None
        };
        let label = self.lists.label("commodity_types", &commodity_type);
        let brand = profile
            .filter(|p| !p.brands.is_empty())
            .map(|p| pick(&mut self.rng, p.brands).to_string());
        let packaging = profile.map(|p| p.packaging.to_string());
        let species = profile.and_then(|p| p.species);
        let purity = profile
            .and_then(|p| p.purity)
            .filter(|_| self.rng.random_bool(0.6))
            .map(|(a, b)| (self.rng.random_range(a..=b) * 10.0).round() / 10.0);
        let description = match (&brand, group) {
            (Some(b), "ipr") => format!("Counterfeit {b} goods — {}", label.to_lowercase()),
            (Some(b), "tobacco") => format!("{label}, brand {b}, without tax stamps"),
            (Some(b), _) => format!("{label} ({b})"),
            (None, _) => match &packaging {
                Some(p) => format!("{label}: {p}"),
                None => label.clone(),
            },
        };
        let hs_code = self.rng.random_bool(0.85).then(|| hs.to_string());
        let row = vec![
            sql::opt_text(hs_code.as_deref()),
            sql::text(&description),
            sql::float(q),
            sql::text(unit),
            sql::opt_float(mass_kg),
            sql::opt_float(value),
            sql::opt_text(value.map(|_| currency)),
            sql::opt_text(packaging.as_deref()),
            sql::opt_text(brand.as_deref()),
            sql::opt_text(species.map(|s| s.0)),
            sql::opt_text(species.map(|s| s.1)),
            sql::opt_float(purity),
        ];
        (
            Item {
                group,
                commodity_type,
                quantity: q,
                unit,
                description,
            },
            row,
        )
    }

    fn new_person(&mut self, nationality: &str, when: DateTime<Utc>, creator: Uuid) -> usize {
        let rng = &mut self.rng;
        let pool = catalog::names_for(nationality);
        let female = rng.random_bool(0.18);
        let family = pick(rng, pool.family).to_string();
        let given = if female {
            pick(rng, pool.female)
        } else {
            pick(rng, pool.male)
        }
        .to_string();
        let birth_year = when.year() - rng.random_range(19..66);
        let (month, day) = if rng.random_bool(0.85) {
            (
                Some(rng.random_range(1..=12)),
                Some(rng.random_range(1..=28)),
            )
        } else if rng.random_bool(0.5) {
            (Some(rng.random_range(1..=12)), None)
        } else {
            (None, None)
        };
        let cyrillic = matches!(nationality, "RU" | "UA" | "BY" | "KZ") && rng.random_bool(0.7);
        let original = cyrillic.then(|| catalog::cyrillic(&format!("{family} {given}")));
        let alias = rng
            .random_bool(0.12)
            .then(|| format!("{} {}", pick(rng, pool.family), given));
        let cities = catalog::cities(nationality);
        let place_of_birth = (!cities.is_empty()).then(|| pick(rng, cities).to_string());
        let address_city = if rng.random_bool(0.6) {
            catalog::cities(HOME)
        } else {
            cities
        };
        let address = (!address_city.is_empty() && rng.random_bool(0.7)).then(|| {
            format!(
                "{} {} {}",
                rng.random_range(1..180),
                pick(
                    rng,
                    &[
                        "rue de la République",
                        "avenue Jean Jaurès",
                        "boulevard Victor Hugo",
                        "Main Street",
                        "Calle Mayor",
                        "Hauptstraße",
                        "Station Road",
                        "rue du Port"
                    ]
                ),
                pick(rng, address_city)
            )
        });
        let phone = rng.random_bool(0.6).then(|| {
            format!(
                "{} {} {} {}",
                catalog::phone_prefix(nationality),
                digits(rng, 2),
                digits(rng, 2),
                digits(rng, 3)
            )
        });
        let email = rng
            .random_bool(0.3)
            .then(|| {
                format!(
                    "{}.{}{}@{}",
                    ascii_fold(&given),
                    ascii_fold(&family),
                    rng.random_range(1..99),
                    pick(
                        rng,
                        &[
                            "gmail.com",
                            "outlook.com",
                            "yahoo.fr",
                            "hotmail.com",
                            "mail.ru",
                            "proton.me"
                        ]
                    )
                )
            })
            .filter(|e| !e.starts_with('.') && !e.contains("..") && !e.contains(".@"));
        let id = new_id(rng);
        let gender = if female { "female" } else { "male" };
        let mut nationalities = vec![nationality.to_string()];
        if rng.random_bool(0.08) && nationality != HOME {
            nationalities.push(HOME.to_string());
        }
        let notes = rng
            .random_bool(0.1)
            .then(|| "Known to the services for previous customs offences.".to_string());
        self.t.persons.push(&[
            sql::uuid(id),
            sql::text(&family.to_uppercase()),
            sql::text(&given),
            sql::texts(&alias.iter().collect::<Vec<_>>()),
            sql::opt_text(original.as_deref()),
            sql::int(birth_year.into()),
            sql::opt_int(month.map(i64::from)),
            sql::opt_int(day.map(i64::from)),
            sql::opt_text(place_of_birth.as_deref()),
            sql::text(gender),
            sql::texts(&nationalities),
            sql::texts(&address.iter().collect::<Vec<_>>()),
            sql::texts(&phone.iter().collect::<Vec<_>>()),
            sql::texts(&email.iter().collect::<Vec<_>>()),
            sql::opt_text(notes.as_deref()),
            sql::uuid(creator),
            sql::time(when),
            sql::uuid(creator),
            sql::time(when),
        ]);
        // Identity documents: a passport mostly, sometimes an identity card too.
        let docs = if rng.random_bool(0.85) { 1 } else { 0 } + i32::from(rng.random_bool(0.2));
        for position in 1..=docs {
            let (kind, number) = if position == 1 {
                ("passport", format!("{}{}", letters(rng, 2), digits(rng, 7)))
            } else if nationality == HOME {
                (
                    "national_id_card",
                    format!("{}{}", letters(rng, 1), digits(rng, 11)),
                )
            } else {
                (
                    "driving_licence",
                    format!("{}{}", digits(rng, 6), letters(rng, 2)),
                )
            };
            let expires = when.date_naive() + Duration::days(rng.random_range(-400..3000));
            self.t.documents.push(&[
                sql::uuid(id),
                sql::int(position.into()),
                sql::text(kind),
                sql::text(&number),
                sql::text(&crate::identifiers::normalise(&number)),
                sql::text(nationality),
                sql::date(expires),
            ]);
        }
        self.report.persons += 1;
        self.persons.push(PersonInfo {
            id,
            name: format!("{} {}", family.to_uppercase(), given),
            nationality: nationality.to_string(),
            gender,
            birth_year,
        });
        self.persons.len() - 1
    }

    /// A person for a case: someone from the same trade seen before (a repeat offender),
    /// or someone new.
    fn person(
        &mut self,
        group: &'static str,
        nationality: &str,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> usize {
        let pool_len = self.person_pools.get(group).map_or(0, Vec::len);
        if pool_len > 20 && self.rng.random_bool(0.2) {
            let i = skewed(&mut self.rng, pool_len);
            if let Some(idx) = self.person_pools.get(group).and_then(|p| p.get(i)) {
                return *idx;
            }
        }
        let idx = self.new_person(nationality, when, creator);
        self.person_pools.entry(group).or_default().push(idx);
        idx
    }

    fn company(
        &mut self,
        group: &'static str,
        country: &str,
        activity: &str,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> usize {
        let pool_len = self.company_pools.get(group).map_or(0, Vec::len);
        if pool_len > 10 && self.rng.random_bool(0.5) {
            let i = skewed(&mut self.rng, pool_len);
            if let Some(idx) = self.company_pools.get(group).and_then(|p| p.get(i)) {
                return *idx;
            }
        }
        let rng = &mut self.rng;
        let country = if catalog::COMPANY_COUNTRIES.contains(&country) {
            country.to_string()
        } else {
            pick(rng, catalog::COMPANY_COUNTRIES).to_string()
        };
        let cities = catalog::cities(&country);
        let city = if cities.is_empty() {
            "Central"
        } else {
            pick(rng, cities)
        };
        let word = pick(rng, catalog::COMPANY_WORDS);
        let trade = pick(rng, catalog::COMPANY_TRADES);
        let name = catalog::company_name(&country, word, trade, city);
        let registration = match country.as_str() {
            "FR" => digits(rng, 9),
            "CN" => format!("91{}{}", digits(rng, 14), letters(rng, 2)),
            "GB" => digits(rng, 8),
            "NL" => digits(rng, 8),
            _ => format!("{}{}", letters(rng, 2), digits(rng, 8)),
        };
        let eori = if catalog::EU.contains(&country.as_str()) {
            Some(format!("{country}{}", digits(rng, 12)))
        } else {
            rng.random_bool(0.3)
                .then(|| format!("{country}{}", digits(rng, 10)))
        };
        let tax = rng
            .random_bool(0.5)
            .then(|| format!("{}{}", country, digits(rng, 11)));
        let alias = rng
            .random_bool(0.15)
            .then(|| format!("{word} {}", pick(rng, catalog::COMPANY_TRADES)));
        let mut activities = vec![activity.to_string()];
        if rng.random_bool(0.3) {
            let extra = pick(
                rng,
                &["importer", "exporter", "forwarder", "broker", "carrier"],
            )
            .to_string();
            if !activities.contains(&extra) {
                activities.push(extra);
            }
        }
        let status = *pick(
            rng,
            &[
                "active",
                "active",
                "active",
                "active",
                "inactive",
                "dissolved",
                "unknown",
            ],
        );
        let address = format!(
            "{} {}, {city}",
            rng.random_range(1..400),
            pick(
                rng,
                &[
                    "Industrial Park",
                    "Free Trade Zone",
                    "Logistics Centre",
                    "Business Park",
                    "Port Road"
                ]
            )
        );
        let notes = rng
            .random_bool(0.15)
            .then(|| "Shares its address and director with other companies in seizure cases; possible front company.".to_string());
        let id = new_id(rng);
        self.t.companies.push(&[
            sql::uuid(id),
            sql::text(&name),
            sql::texts(&alias.iter().collect::<Vec<_>>()),
            sql::text(&registration),
            sql::opt_text(tax.as_deref()),
            sql::opt_text(eori.as_deref()),
            sql::text(&country),
            sql::texts(&activities),
            sql::text(status),
            sql::texts(&[address]),
            sql::opt_text(notes.as_deref()),
            sql::uuid(creator),
            sql::time(when),
            sql::uuid(creator),
            sql::time(when),
        ]);
        self.report.companies += 1;
        self.companies.push(CompanyInfo { id, name });
        let idx = self.companies.len() - 1;
        self.company_pools.entry(group).or_default().push(idx);
        idx
    }

    /// A conveyance, reused when one with the same identifier exists.
    #[allow(clippy::too_many_arguments)]
    fn conveyance(
        &mut self,
        conveyance_type: &str,
        kind: &str,
        identifier: &str,
        country: Option<&str>,
        name: Option<&str>,
        make: Option<&str>,
        model: Option<&str>,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> Uuid {
        let norm = match crate::identifiers::IdentifierKind::parse(kind) {
            Some(k) => crate::identifiers::validate(k, identifier)
                .unwrap_or_else(|_| crate::identifiers::normalise(identifier)),
            None => crate::identifiers::normalise(identifier),
        };
        let key = (
            kind.to_string(),
            norm.clone(),
            country.unwrap_or("").to_string(),
        );
        if let Some(id) = self.conveyance_keys.get(&key) {
            return *id;
        }
        let id = new_id(&mut self.rng);
        self.t.conveyances.push(&[
            sql::uuid(id),
            sql::text(conveyance_type),
            sql::text(kind),
            sql::text(identifier),
            sql::text(&norm),
            sql::opt_text(country),
            sql::opt_text(name),
            sql::opt_text(make),
            sql::opt_text(model),
            "NULL".into(),
            sql::uuid(creator),
            sql::time(when),
            sql::uuid(creator),
            sql::time(when),
        ]);
        self.conveyance_keys.insert(key, id);
        self.conveyance_type_of
            .insert(id, conveyance_type.to_string());
        self.report.conveyances += 1;
        id
    }

    /// A new identifier that no conveyance has yet.
    fn fresh(&mut self, kind: &str, country: &str, make: impl Fn(&mut StdRng) -> String) -> String {
        loop {
            let candidate = make(&mut self.rng);
            let key = (
                kind.to_string(),
                crate::identifiers::normalise(&candidate),
                country.to_string(),
            );
            if !self.conveyance_keys.contains_key(&key) {
                return candidate;
            }
        }
    }

    fn container_number(&mut self) -> String {
        self.fresh("container", "", |rng| {
            let owner = pick(rng, catalog::CONTAINER_OWNERS).to_string();
            let serial = digits(rng, 6);
            let first10 = format!("{owner}{serial}");
            format!("{owner} {serial} {}", container_check_digit(&first10))
        })
    }

    fn vehicle(
        &mut self,
        group: &'static str,
        country: &str,
        truck: bool,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> (Uuid, String) {
        if truck {
            if let Some(pool) = self.truck_pools.get(group) {
                if pool.len() > 5 && self.rng.random_bool(0.15) {
                    let i = skewed(&mut self.rng, pool.len());
                    return pool[i].clone();
                }
            }
        }
        let plate_no = self.fresh("plate", country, |rng| plate(rng, country));
        let (make, model, kind) = if truck {
            let (m, models) = *pick(&mut self.rng, catalog::TRUCK_MAKES);
            (m, *pick(&mut self.rng, models), "truck")
        } else {
            let (m, models, _) = *pick(&mut self.rng, catalog::CAR_MAKES);
            (m, *pick(&mut self.rng, models), "private_car")
        };
        let id = self.conveyance(
            kind,
            "plate",
            &plate_no,
            Some(country),
            None,
            Some(make),
            Some(model),
            when,
            creator,
        );
        let desc = format!("{make} {model} registered {plate_no} ({country})");
        if truck {
            self.truck_pools
                .entry(group)
                .or_default()
                .push((id, desc.clone()));
        }
        (id, desc)
    }

    fn flight(&mut self, from: &str, when: DateTime<Utc>, creator: Uuid) -> (Uuid, String) {
        let airline = pick(&mut self.rng, catalog::airlines(from)).to_string();
        let key = (airline.clone(), from.to_string());
        let existing = self.flights.get(&key).cloned().unwrap_or_default();
        let number = if existing.len() >= 3 && self.rng.random_bool(0.85) {
            pick(&mut self.rng, &existing).clone()
        } else {
            let n = format!("{airline}{}", self.rng.random_range(10..9999));
            self.flights.entry(key).or_default().push(n.clone());
            n
        };
        let id = self.conveyance(
            "passenger_aircraft",
            "flight_number",
            &number,
            None,
            None,
            None,
            None,
            when,
            creator,
        );
        (id, number)
    }

    fn vessel(&mut self, ferry: bool, when: DateTime<Utc>, creator: Uuid) -> (Uuid, String) {
        if ferry {
            let name = pick(&mut self.rng, catalog::FERRY_NAMES).to_string();
            // One IMO number per ferry name, stable across the run.
            let imo = {
                let mut h = Sha256::new();
                h.update(name.as_bytes());
                let seed = u64::from_le_bytes(h.finalize()[..8].try_into().unwrap_or([0; 8]));
                imo_number(&mut StdRng::seed_from_u64(seed))
            };
            let id = self.conveyance(
                "ferry",
                "imo",
                &imo,
                Some("FR"),
                Some(&name),
                None,
                None,
                when,
                creator,
            );
            return (id, format!("ferry {name} (IMO {imo})"));
        }
        if self.vessels.len() < 300 && (self.vessels.len() < 20 || self.rng.random_bool(0.2)) {
            let imo = self.fresh("imo", "", imo_number);
            let name = format!(
                "{} {}",
                pick(&mut self.rng, catalog::VESSEL_PREFIXES),
                pick(&mut self.rng, catalog::VESSEL_NAMES)
            );
            let flag = pick(
                &mut self.rng,
                &["PA", "LR", "MH", "MT", "SG", "HK", "DK", "FR", "PT", "CY"],
            )
            .to_string();
            self.vessels.push((imo, name, flag));
        }
        let i = skewed(&mut self.rng, self.vessels.len());
        let (imo, name, flag) = self.vessels[i].clone();
        let id = self.conveyance(
            "container_vessel",
            "imo",
            &imo,
            Some(&flag),
            Some(&name),
            None,
            None,
            when,
            creator,
        );
        (id, format!("container vessel {name} (IMO {imo})"))
    }

    fn next_reference(&mut self, year: i32) -> String {
        let n = self.counters.entry(year).or_insert(0);
        *n += 1;
        format!("{}-{year}-{:06}", self.opts.country, n)
    }

    #[allow(clippy::too_many_lines)]
    fn case(
        &mut self,
        index: usize,
        detected_at: DateTime<Utc>,
        forced_group: Option<&'static str>,
    ) -> anyhow::Result<()> {
        // Where and how.
        let office = match forced_group {
            // Bulk trades come by sea (Le Havre).
            Some("timber" | "hazardous_waste" | "nuclear" | "alcohol" | "other_fraud") => {
                &OFFICES[5]
            }
            _ => {
                let weights: Vec<(&'static Office, u32)> =
                    OFFICES.iter().map(|o| (o, o.weight)).collect();
                *weighted(&mut self.rng, &weights)
            }
        };
        let mode = *pick(&mut self.rng, office.modes);
        let group = forced_group.unwrap_or_else(|| self.group_for(mode));
        let main_type = self.type_for(group);
        let unit = &self.units[office.code];
        let unit_id = unit.id;
        let (officer_id, officer_name) = pick(&mut self.rng, &unit.officers).clone();
        let (supervisor_id, supervisor_name) = unit.supervisor.clone();
        let case_id = new_id(&mut self.rng);
        let when = detected_at;
        let date = when.date_naive();

        let offence = matches!(
            group,
            "other_fraud" | "strategic_goods" | "ipr" | "hazardous_waste"
        ) && matches!(mode, Mode::SeaContainer | Mode::AirCargo | Mode::Road)
            && self.rng.random_bool(0.25);

        // Goods: three on average.
        let mut items = Vec::new();
        if !offence {
            let count = *weighted(
                &mut self.rng,
                &[(1usize, 15), (2, 20), (3, 30), (4, 20), (5, 15)],
            );
            for i in 0..count {
                let roll: f64 = self.rng.random();
                let has_brands = self
                    .profile(&main_type)
                    .is_some_and(|p| !p.brands.is_empty());
                let (g, t) = if i == 0 || (roll < 0.3 && has_brands) {
                    (group, main_type.clone())
                } else if roll > 0.88 {
                    let g = self.group_for(mode);
                    (g, self.type_for(g))
                } else {
                    (group, self.type_for(group))
                };
                items.push(self.item(g, t, mode));
            }
        }

        // Route.
        let routes = catalog::routes(group, &main_type);
        let mut origin = *pick(&mut self.rng, routes.origins);
        let mut dest = *pick(&mut self.rng, routes.destinations);
        let neighbour: Option<&str> = match office.code {
            "HEN-ROAD" | "PGF-ROAD" => Some("ES"),
            "SXB-ROAD" => Some("DE"),
            "LIL-ROAD" => Some("BE"),
            "CQF-PORT" | "CQF-TUNNEL" | "DKK-PORT" if mode != Mode::SeaContainer => Some("GB"),
            _ => None,
        };
        if neighbour == Some("GB") && origin != "GB" && self.rng.random_bool(0.7) {
            dest = "GB";
        }
        if origin == dest {
            origin = *pick(&mut self.rng, routes.origins);
        }
        if origin == dest {
            dest = if dest == HOME { "GB" } else { HOME };
        }
        let hub = (self.rng.random_bool(0.6))
            .then(|| *pick(&mut self.rng, routes.hubs))
            .filter(|h| *h != origin && *h != dest && *h != HOME);
        let mut countries: Vec<&str> = vec![origin];
        if let Some(h) = hub {
            countries.push(h);
        }
        // The office's side of the border comes right before the home country.
        if let Some(n) = neighbour.filter(|n| *n != "GB") {
            if !countries.contains(&n) && origin != HOME {
                countries.push(n);
            }
        }
        let home_pos = if origin == HOME {
            0
        } else {
            countries.push(HOME);
            countries.len() - 1
        };
        if dest != HOME && !countries.contains(&dest) {
            countries.push(dest);
        }
        if countries.len() < 2 {
            countries.push(if origin == HOME { "ES" } else { HOME });
        }
        let direction = if home_pos == 0 {
            "export"
        } else if home_pos == countries.len() - 1 {
            "import"
        } else if mode == Mode::SeaContainer && self.rng.random_bool(0.5) {
            "transhipment"
        } else if routes.export && dest != HOME {
            "export"
        } else {
            "transit"
        };
        let last = countries.len() - 1;
        // Dates run backwards from the detection, for the legs up to the home country: each
        // leg carries the departure towards that country and the arrival there.
        let mut leg_dates: Vec<(Option<NaiveDate>, Option<NaiveDate>)> =
            vec![(None, None); countries.len()];
        if home_pos == 0 {
            leg_dates[0] = (Some(date), None);
        } else {
            let mut arrival = date;
            let mut departure = date;
            for i in (1..=home_pos).rev() {
                let travel = match mode {
                    Mode::SeaContainer => self.rng.random_range(5..25),
                    Mode::AirPassenger | Mode::AirCargo => self.rng.random_range(0..2),
                    _ => self.rng.random_range(0..4),
                };
                departure = arrival - Duration::days(travel);
                leg_dates[i] = (Some(departure), Some(arrival));
                arrival = departure - Duration::days(self.rng.random_range(0..3));
            }
            leg_dates[0] = (Some(departure), None);
        }
        for (i, c) in countries.iter().enumerate() {
            let role = if i == 0 {
                "origin"
            } else if i == last {
                "destination"
            } else if i + 1 == home_pos && matches!(mode, Mode::AirPassenger | Mode::AirCargo) {
                "departure"
            } else {
                "transit"
            };
            let (unlocode, place) = if *c == HOME {
                (
                    Some(office.unlocode.to_string()),
                    Some(office.name.to_string()),
                )
            } else {
                let cities = catalog::cities(c);
                (
                    None,
                    (!cities.is_empty() && self.rng.random_bool(0.7))
                        .then(|| pick(&mut self.rng, cities).to_string()),
                )
            };
            let (dep, arr) = if i <= home_pos {
                leg_dates[i]
            } else {
                (None, None)
            };
            self.t.legs.push(&[
                sql::uuid(case_id),
                sql::int(i as i64 + 1),
                sql::text(c),
                sql::opt_text(unlocode.as_deref()),
                sql::opt_text(place.as_deref()),
                sql::text(role),
                sql::opt_date(dep),
                sql::opt_date(arr),
            ]);
            self.report.route_legs += 1;
        }
        let from_country = if home_pos > 0 {
            countries[home_pos - 1]
        } else {
            countries[1]
        };

        // Detection and concealment.
        let methods: &[&str] = match mode {
            Mode::AirPassenger | Mode::Rail => &[
                "risk_profiling",
                "routine_control",
                "detector_dog",
                "xray_nii",
                "intelligence",
                "watch_list_hit",
                "random_selection",
                "physical_examination",
            ],
            Mode::SeaContainer | Mode::AirCargo => &[
                "risk_profiling",
                "xray_nii",
                "document_check",
                "physical_examination",
                "intelligence",
                "joint_operation",
            ],
            Mode::Road | Mode::SeaRoRo => &[
                "routine_control",
                "detector_dog",
                "xray_nii",
                "random_selection",
                "intelligence",
                "risk_profiling",
                "watch_list_hit",
            ],
            Mode::Express | Mode::Postal => &[
                "risk_profiling",
                "xray_nii",
                "detector_dog",
                "routine_control",
                "document_check",
            ],
        };
        let mut detection: Vec<&str> = if offence {
            vec!["post_clearance_audit"]
        } else {
            vec![*pick(&mut self.rng, methods)]
        };
        if self.rng.random_bool(0.4) {
            let m = *pick(&mut self.rng, methods);
            if !detection.contains(&m) {
                detection.push(m);
            }
        }
        let concealment = if offence
            || matches!(
                group,
                "other_fraud" | "strategic_goods" | "hazardous_waste" | "timber"
            ) {
            *pick(
                &mut self.rng,
                &["misdeclared", "misdeclared", "mixed_with_cargo"],
            )
        } else {
            match mode {
                Mode::AirPassenger | Mode::Rail => {
                    if group == "drugs" {
                        *pick(
                            &mut self.rng,
                            &[
                                "in_luggage",
                                "in_luggage",
                                "false_compartment",
                                "on_body",
                                "inside_body",
                                "in_clothing",
                            ],
                        )
                    } else {
                        *pick(
                            &mut self.rng,
                            &["in_luggage", "in_luggage", "none", "in_clothing", "on_body"],
                        )
                    }
                }
                Mode::SeaContainer | Mode::AirCargo => *pick(
                    &mut self.rng,
                    &[
                        "mixed_with_cargo",
                        "mixed_with_cargo",
                        "container_structure",
                        "in_goods",
                        "misdeclared",
                    ],
                ),
                Mode::Road | Mode::SeaRoRo => *pick(
                    &mut self.rng,
                    &[
                        "conveyance_structure",
                        "false_compartment",
                        "mixed_with_cargo",
                        "in_luggage",
                        "none",
                    ],
                ),
                Mode::Express | Mode::Postal => *pick(
                    &mut self.rng,
                    &[
                        "postal_express",
                        "postal_express",
                        "in_goods",
                        "misdeclared",
                    ],
                ),
            }
        };
        let concealment_description = match concealment {
            "in_luggage" => "In two suitcases, under clothing, wrapped in carbon paper.",
            "false_compartment" => "In a false bottom built into the suitcase / a compartment welded behind the panels.",
            "on_body" => "Strapped to the body under loose clothing.",
            "inside_body" => "Ingested capsules, confirmed by a body scan at the hospital.",
            "in_clothing" => "Sewn into the lining of a jacket and in the soles of shoes.",
            "mixed_with_cargo" => "Mixed with the declared cargo, in cartons at the back of the load.",
            "container_structure" => "In the floor and the roof of the container, behind welded plates.",
            "conveyance_structure" => "In the fuel tank and behind the dashboard of the vehicle.",
            "postal_express" => "In parcels declared as gifts or samples.",
            "in_goods" => "Inside hollowed-out goods (machine parts, statues, food tins).",
            "misdeclared" => "Declared under a different description and tariff code.",
            _ => "Carried openly.",
        };

        // Who and what carried it.
        let creator = officer_id;
        let mut person_links: Vec<(usize, &str)> = Vec::new();
        let mut company_links: Vec<(usize, &str)> = Vec::new();
        let mut conveyance_links: Vec<(Uuid, &str)> = Vec::new();
        let mut carrier_text;
        let nationality_for = |rng: &mut StdRng| -> String {
            let r: f64 = rng.random();
            if r < 0.45 {
                origin.to_string()
            } else if r < 0.7 {
                HOME.to_string()
            } else if r < 0.85 {
                from_country.to_string()
            } else {
                pick(rng, &["NL", "ES", "BE", "NG", "GB", "MA", "DZ", "AL", "RO"]).to_string()
            }
        };
        let commercial =
            matches!(mode, Mode::SeaContainer | Mode::AirCargo | Mode::Express) || offence;
        match mode {
            Mode::AirPassenger => {
                let (id, number) = self.flight(from_country, when, creator);
                conveyance_links.push((id, "carrying"));
                carrier_text = format!(
                    "flight {number} {} {}",
                    if home_pos == 0 { "to" } else { "from" },
                    self.lists.label("countries", from_country)
                );
                let nat = nationality_for(&mut self.rng);
                let role = if group == "drugs" {
                    "courier"
                } else {
                    "offender"
                };
                person_links.push((self.person(group, &nat, when, creator), role));
                if self.rng.random_bool(0.5) {
                    let nat = nationality_for(&mut self.rng);
                    person_links.push((self.person(group, &nat, when, creator), "passenger"));
                }
            }
            Mode::Rail | Mode::Road | Mode::SeaRoRo => {
                let truck = group != "drugs" || self.rng.random_bool(0.35);
                let plate_country = if self.rng.random_bool(0.5) {
                    from_country
                } else {
                    *pick(
                        &mut self.rng,
                        &[
                            "FR", "ES", "PL", "LT", "RO", "BG", "NL", "BE", "DE", "TR", "MA", "GB",
                        ],
                    )
                };
                let plate_country = if self.lists.knows("countries", plate_country) {
                    plate_country
                } else {
                    HOME
                };
                let (id, desc) = self.vehicle(group, plate_country, truck, when, creator);
                conveyance_links.push((id, "carrying"));
                carrier_text = if truck {
                    format!("the truck {desc}")
                } else {
                    format!("the car {desc}")
                };
                if truck && self.rng.random_bool(0.5) {
                    let trailer_no =
                        self.fresh("plate", plate_country, |rng| plate(rng, plate_country));
                    let trailer = self.conveyance(
                        "truck",
                        "plate",
                        &trailer_no,
                        Some(plate_country),
                        None,
                        Some("Krone"),
                        Some("Profi Liner"),
                        when,
                        creator,
                    );
                    conveyance_links.push((trailer, "trailer"));
                }
                if mode == Mode::SeaRoRo {
                    let (ferry, _) = self.vessel(true, when, creator);
                    conveyance_links.push((ferry, "other"));
                }
                if group == "other_fraud" && main_type == "stolen_vehicles" {
                    let (make, _, wmi) = pick(&mut self.rng, catalog::CAR_MAKES);
                    let v = self.fresh("vin", "", |rng| vin(rng, wmi));
                    let car = self.conveyance(
                        "private_car",
                        "vin",
                        &v,
                        None,
                        None,
                        Some(make),
                        None,
                        when,
                        creator,
                    );
                    conveyance_links.push((car, "other"));
                }
                let nat = nationality_for(&mut self.rng);
                person_links.push((self.person(group, &nat, when, creator), "driver"));
                if self.rng.random_bool(0.5) {
                    let nat = nationality_for(&mut self.rng);
                    person_links.push((self.person(group, &nat, when, creator), "passenger"));
                }
                if self.rng.random_bool(0.3) {
                    let nat = nationality_for(&mut self.rng);
                    person_links.push((self.person(group, &nat, when, creator), "owner"));
                }
            }
            Mode::SeaContainer => {
                let number = self.container_number();
                let container = self.conveyance(
                    "container",
                    "container",
                    &number,
                    None,
                    None,
                    None,
                    None,
                    when,
                    creator,
                );
                conveyance_links.push((container, "container"));
                carrier_text = format!("container {number}");
                if self.rng.random_bool(0.8) {
                    let (vessel, desc) = self.vessel(false, when, creator);
                    conveyance_links.push((vessel, "carrying"));
                    carrier_text = format!("container {number} unloaded from the {desc}");
                }
                if self.rng.random_bool(0.8) {
                    let nat = nationality_for(&mut self.rng);
                    let role = *pick(&mut self.rng, &["consignee", "suspect", "owner"]);
                    person_links.push((self.person(group, &nat, when, creator), role));
                }
                if self.rng.random_bool(0.6) {
                    let nat = nationality_for(&mut self.rng);
                    person_links.push((self.person(group, &nat, when, creator), "suspect"));
                }
            }
            Mode::AirCargo => {
                let awb = self.fresh("air_waybill", "", air_waybill);
                let id = self.conveyance(
                    "cargo_aircraft",
                    "air_waybill",
                    &awb,
                    None,
                    None,
                    None,
                    None,
                    when,
                    creator,
                );
                conveyance_links.push((id, "carrying"));
                carrier_text = format!("air cargo under air waybill {awb}");
                if self.rng.random_bool(0.8) {
                    let nat = nationality_for(&mut self.rng);
                    person_links.push((self.person(group, &nat, when, creator), "consignee"));
                }
                if self.rng.random_bool(0.5) {
                    person_links.push((self.person(group, origin, when, creator), "consignor"));
                }
            }
            Mode::Express | Mode::Postal => {
                let (kind, conveyance_type, number) = if mode == Mode::Postal {
                    let n = self.fresh("tracking_number", "", |rng| s10(rng, from_country));
                    ("tracking_number", "postal_item", n)
                } else {
                    let n = self.fresh("tracking_number", "", |rng| match rng.random_range(0..3) {
                        0 => digits(rng, 10),
                        1 => digits(rng, 12),
                        _ => format!("1Z{}{}", letters(rng, 6), digits(rng, 10)),
                    });
                    ("tracking_number", "express_parcel", n)
                };
                let id = self.conveyance(
                    conveyance_type,
                    kind,
                    &number,
                    None,
                    None,
                    None,
                    None,
                    when,
                    creator,
                );
                conveyance_links.push((id, "parcel"));
                carrier_text = format!(
                    "{} {number}",
                    if mode == Mode::Postal {
                        "postal item"
                    } else {
                        "express parcel"
                    }
                );
                let nat = if self.rng.random_bool(0.7) {
                    HOME.to_string()
                } else {
                    nationality_for(&mut self.rng)
                };
                person_links.push((self.person(group, &nat, when, creator), "consignee"));
                if self.rng.random_bool(0.5) {
                    person_links.push((self.person(group, origin, when, creator), "consignor"));
                }
            }
        }
        // Someone behind the scenes, often a known figure of the trade.
        if self.rng.random_bool(0.3) {
            let nat = nationality_for(&mut self.rng);
            person_links.push((self.person(group, &nat, when, creator), "suspect"));
        }
        if commercial
            || (matches!(mode, Mode::Road | Mode::SeaRoRo | Mode::Rail)
                && self.rng.random_bool(0.4))
        {
            let exporter_country = origin;
            let importer_country = if dest == HOME || direction == "import" {
                HOME
            } else {
                dest
            };
            company_links.push((
                self.company(group, exporter_country, "exporter", when, creator),
                *pick(&mut self.rng, &["exporter", "consignor"]),
            ));
            if self.rng.random_bool(0.8) {
                company_links.push((
                    self.company(group, importer_country, "importer", when, creator),
                    *pick(&mut self.rng, &["importer", "consignee"]),
                ));
            }
            if self.rng.random_bool(0.35) {
                let c = *pick(&mut self.rng, &[from_country, HOME]);
                let role = *pick(&mut self.rng, &["forwarder", "carrier", "broker"]);
                company_links.push((self.company(group, c, role, when, creator), role));
            }
        }
        // The same record linked twice with the same role is not allowed.
        let mut seen = HashSet::new();
        person_links.retain(|(i, r)| seen.insert((self.persons[*i].id, *r)));
        let mut seen = HashSet::new();
        company_links.retain(|(i, r)| seen.insert((self.companies[*i].id, *r)));
        let mut seen = HashSet::new();
        conveyance_links.retain(|(id, r)| seen.insert((*id, *r)));

        for (pos, (i, role)) in person_links.iter().enumerate() {
            self.t.case_persons.push(&[
                sql::uuid(case_id),
                sql::uuid(self.persons[*i].id),
                sql::text(role),
                sql::int(pos as i64 + 1),
            ]);
        }
        for (pos, (i, role)) in company_links.iter().enumerate() {
            self.t.case_companies.push(&[
                sql::uuid(case_id),
                sql::uuid(self.companies[*i].id),
                sql::text(role),
                sql::int(pos as i64 + 1),
            ]);
        }
        for (pos, (id, role)) in conveyance_links.iter().enumerate() {
            self.t.case_conveyances.push(&[
                sql::uuid(case_id),
                sql::uuid(*id),
                sql::text(role),
                sql::int(pos as i64 + 1),
            ]);
        }

        // Goods rows.
        for (pos, (item, row)) in items.iter().enumerate() {
            let mut values = vec![
                sql::uuid(new_id(&mut self.rng)),
                sql::uuid(case_id),
                sql::int(pos as i64 + 1),
                sql::text(item.group),
                sql::text(&item.commodity_type),
            ];
            values.extend(row.iter().cloned());
            self.t.goods.push(&values);
            self.report.goods += 1;
        }

        // Texts.
        let main_person = <[_]>::first(&person_links).map(|(i, _)| self.persons[*i].clone());
        let goods_text = if items.is_empty() {
            format!(
                "{} irregularities found in the declarations",
                self.lists
                    .label("commodity_types", &main_type)
                    .to_lowercase()
            )
        } else {
            items
                .iter()
                .map(|(i, _)| {
                    format!(
                        "{} of {}",
                        fmt_qty(i.quantity, i.unit),
                        i.description.to_lowercase()
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let origin_name = self.lists.label("countries", origin);
        // Transit countries other than this administration's own (it is named as the place).
        let transit: Vec<String> = countries
            .get(1..countries.len().saturating_sub(1))
            .unwrap_or_default()
            .iter()
            .filter(|c| **c != HOME)
            .map(|c| self.lists.label("countries", c))
            .collect();
        let via = if transit.is_empty() {
            String::new()
        } else {
            format!(" via {}", transit.join(", "))
        };
        let detection_text = detection
            .iter()
            .map(|d| self.lists.label("detection_methods", d).to_lowercase())
            .collect::<Vec<_>>()
            .join(" and ");
        let summary =
            format!(
            "{}{} at {} ({}): {}. Goods from {origin_name}{via}; {}. Detected by {detection_text}.",
            if offence { "Offence found" } else { "Seizure" },
            if direction == "export" { " on export" } else { "" },
            self.lists.label("location_types", office.location_type).to_lowercase(),
            office.unlocode,
            goods_text,
            self.lists.label("concealment_methods", concealment).to_lowercase(),
        );
        let declared_by = <[_]>::first(&company_links)
            .map(|(i, role)| {
                format!(
                    " Goods declared with {} as {role}.",
                    self.companies[*i].name
                )
            })
            .unwrap_or_default();
        let narrative = match &main_person {
            Some(p) => format!(
                "On {} at {}, officers of the unit examined {carrier_text}.{declared_by} {} ({}, born {}) was questioned. {} Found: {goods_text}. {} The case was reported by {officer_name} and reviewed by {supervisor_name}.",
                when.format("%d/%m/%Y %H:%M"),
                office.name,
                p.name,
                self.lists.label("countries", &p.nationality),
                p.birth_year,
                concealment_description,
                if offence { "A customs debt was notified and the file passed to the post-clearance audit team." } else { "The goods were seized and the persons concerned handed over to the public prosecutor." },
            ),
            None => format!(
                "On {} at {}, officers of the unit examined {carrier_text}.{declared_by} {concealment_description} Found: {goods_text}. The case was reported by {officer_name}.",
                when.format("%d/%m/%Y %H:%M"),
                office.name,
            ),
        };

        // Declaration, procedure.
        let declaration = (matches!(mode, Mode::SeaContainer | Mode::AirCargo)
            || (mode == Mode::Express && self.rng.random_bool(0.5))
            || offence)
            .then(|| {
                format!(
                    "{:02}{HOME}{}{}",
                    when.year() % 100,
                    letters(&mut self.rng, 1),
                    digits(&mut self.rng, 13)
                )
            });
        let procedure = match (commercial, direction) {
            (false, _) => None,
            (true, "import") => Some("40 — release for free circulation"),
            (true, "export") => Some("10 — permanent export"),
            (true, _) => Some("T1 — external transit"),
        };

        // Workflow: older cases are mostly validated.
        let age_days = (self.end - when).num_days();
        let roll: f64 = self.rng.random();
        let status = if age_days > 60 {
            if roll < 0.85 {
                "validated"
            } else if roll < 0.95 {
                "submitted"
            } else {
                "draft"
            }
        } else if roll < 0.35 {
            "draft"
        } else if roll < 0.7 {
            "submitted"
        } else {
            "validated"
        };
        let version: i64 = match status {
            "draft" => 1,
            "submitted" => 2,
            _ => 3,
        };
        let created_at = self.at(when, 1, 30);
        let submitted_at = self.at(created_at, 1, 72);
        let validated_at = self.at(submitted_at, 2, 240);
        let (updated_by, updated_at) = match status {
            "draft" => (officer_id, created_at),
            "submitted" => (officer_id, submitted_at),
            _ => (supervisor_id, validated_at),
        };
        let reference = self.next_reference(when.year());
        let (nat, gender, band) = match &main_person {
            Some(p) => (
                Some(p.nationality.clone()),
                Some(p.gender),
                Some(age_band(when.year() - p.birth_year)),
            ),
            None => (None, None, None),
        };
        // The list filters' copies of the route and conveyance links (sorted, distinct), as
        // `seizures::repo::refresh_filter_arrays` writes them.
        let route_countries: Vec<&str> = countries
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let conveyance_types: Vec<&str> = conveyance_links
            .iter()
            .filter_map(|(id, _)| self.conveyance_type_of.get(id).map(String::as_str))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let jitter = |rng: &mut StdRng| rng.random_range(-0.004..0.004);
        let lat = office.lat + jitter(&mut self.rng);
        let lon = office.lon + jitter(&mut self.rng);
        self.t.cases.push(&[
            sql::uuid(case_id),
            sql::text(&reference),
            sql::text(if offence { "offence" } else { "seizure" }),
            sql::text(status),
            sql::uuid(unit_id),
            sql::uuid(officer_id),
            sql::time(when),
            sql::text(office.name),
            sql::text(office.location_type),
            sql::text(office.unlocode),
            sql::text(HOME),
            sql::float((lat * 1e5).round() / 1e5),
            sql::float((lon * 1e5).round() / 1e5),
            sql::text(direction),
            sql::opt_text(procedure),
            sql::opt_text(declaration.as_deref()),
            sql::texts(&detection),
            sql::boolean(detection.contains(&"risk_profiling")),
            sql::boolean(
                detection
                    .iter()
                    .any(|d| matches!(*d, "intelligence" | "joint_operation")),
            ),
            sql::boolean(detection.contains(&"watch_list_hit")),
            sql::text(concealment),
            sql::text(concealment_description),
            sql::text(&narrative),
            sql::text(&summary),
            sql::opt_text(nat.as_deref()),
            sql::opt_text(gender),
            sql::opt_text(band),
            sql::int(version),
            sql::uuid(officer_id),
            sql::time(created_at),
            sql::uuid(updated_by),
            sql::time(updated_at),
            sql::texts(&route_countries),
            sql::texts(&conveyance_types),
        ]);
        self.report.cases += 1;

        // History: what the API would have written for the same steps.
        let created = json!({
            "kind": { "old": null, "new": if offence { "offence" } else { "seizure" } },
            "detected_at": { "old": null, "new": when },
            "place": { "old": null, "new": office.name },
            "direction": { "old": null, "new": direction },
            "goods": { "old": null, "new": items.len() },
        });
        let mut steps = vec![(
            1,
            "create",
            officer_id,
            officer_name.clone(),
            created_at,
            created,
        )];
        if version >= 2 {
            steps.push((
                2,
                "submit",
                officer_id,
                officer_name.clone(),
                submitted_at,
                json!({ "status": { "old": "draft", "new": "submitted" } }),
            ));
        }
        if version >= 3 {
            steps.push((
                3,
                "validate",
                supervisor_id,
                supervisor_name.clone(),
                validated_at,
                json!({ "status": { "old": "submitted", "new": "validated" } }),
            ));
        }
        for (v, action, actor, name, at, changes) in steps {
            self.t.history.push(&[
                sql::uuid(case_id),
                sql::int(v),
                sql::text(action),
                sql::uuid(actor),
                sql::text(&name),
                sql::time(at),
                "NULL".into(),
                sql::json(&changes),
            ]);
        }

        // Pictures.
        if self.pictured.contains(&index) && !items.is_empty() {
            let xray = matches!(
                mode,
                Mode::SeaContainer
                    | Mode::Road
                    | Mode::SeaRoRo
                    | Mode::Rail
                    | Mode::Express
                    | Mode::Postal
                    | Mode::AirCargo
            );
            let mut kinds = vec!["photo"];
            if xray && self.rng.random_bool(0.6) {
                kinds.push("xray");
            }
            for kind in kinds {
                let raw = if kind == "photo" {
                    images::photo(&mut self.rng, group)
                } else {
                    images::xray(&mut self.rng)
                };
                let prepared = media::prepare(raw)
                    .map_err(|e| anyhow::anyhow!("demo picture refused: {e:?}"))?;
                let stored = media::stored_type(&prepared);
                let attachment_id = new_id(&mut self.rng);
                let key = format!("seizures/{case_id}/{attachment_id}.{}", stored.extension());
                let thumb_key = format!("seizures/{case_id}/{attachment_id}-thumb.jpg");
                let sha = Sha256::digest(&prepared.content).to_vec();
                let uploaded_at = self.at(created_at, 0, 3);
                let filename = if kind == "photo" {
                    format!("IMG_{}.jpg", self.rng.random_range(1000..9999))
                } else {
                    format!(
                        "NII_{}_{}.png",
                        office.code,
                        self.rng.random_range(10000..99999)
                    )
                };
                let caption = if kind == "photo" {
                    "The seized goods laid out for counting"
                } else {
                    "X-ray image showing the anomaly"
                };
                self.t.attachments.push(&[
                    sql::uuid(attachment_id),
                    sql::uuid(case_id),
                    sql::text(kind),
                    sql::text(caption),
                    sql::boolean(kind == "xray"),
                    sql::text(stored.mime()),
                    sql::text(&filename),
                    sql::int(prepared.content.len() as i64),
                    sql::bytes(&sha),
                    sql::opt_int(prepared.width.map(i64::from)),
                    sql::opt_int(prepared.height.map(i64::from)),
                    sql::text(&key),
                    sql::text(&thumb_key),
                    sql::uuid(officer_id),
                    sql::time(uploaded_at),
                ]);
                self.pictures.push(Picture {
                    key,
                    thumb_key,
                    content: prepared.content,
                    thumbnail: prepared.thumbnail.unwrap_or_default(),
                });
                self.report.attachments += 1;
            }
        }
        Ok(())
    }
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

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
}

/// Generates the demo data on the database at `url`, storing pictures in `storage`.
pub async fn generate(url: &str, storage: &Storage, opts: &Options) -> anyhow::Result<Report> {
    let started = std::time::Instant::now();
    anyhow::ensure!(opts.cases >= 1, "--cases must be at least 1");
    anyhow::ensure!(opts.cases <= 2_000_000, "--cases is limited to 2 000 000");
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

        // Units: the root (kept if it exists), the national unit, directorates, offices.
        let mut report = Report::default();
        let root: Option<IdRow> =
            diesel::sql_query("SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1")
                .get_result(&mut conn)
                .await
                .ok();
        let mut units_batch = Batch::new("units", &["id", "code", "name", "parent_id", "location_type", "unlocode"]);
        let root_id = match root {
            Some(r) => r.id,
            None => {
                let id = new_id(&mut rng);
                units_batch.push(&[sql::uuid(id), sql::text("HQ"), sql::text("Headquarters"), "NULL".into(), "NULL".into(), "NULL".into()]);
                id
            }
        };
        let mut unit_ids: HashMap<&str, Uuid> = HashMap::new();
        let ncu = new_id(&mut rng);
        units_batch.push(&[sql::uuid(ncu), sql::text(catalog::NATIONAL_UNIT.0), sql::text(catalog::NATIONAL_UNIT.1), sql::uuid(root_id), sql::text("inland"), sql::text("FRPAR")]);
        for (code, name, locode) in catalog::DIRECTORATES {
            let id = new_id(&mut rng);
            unit_ids.insert(code, id);
            units_batch.push(&[sql::uuid(id), sql::text(code), sql::text(name), sql::uuid(root_id), "NULL".into(), sql::text(locode)]);
        }
        for o in OFFICES {
            let id = new_id(&mut rng);
            unit_ids.insert(o.code, id);
            units_batch.push(&[sql::uuid(id), sql::text(o.code), sql::text(o.name), sql::opt_uuid(unit_ids.get(o.parent).copied()), sql::text(o.location_type), sql::text(o.unlocode)]);
        }
        units_batch.flush(&mut conn).await?;
        report.units = units_batch.written;

        // Users: officers and a supervisor per office; a supervisor, an investigator and
        // an analyst per directorate; the national unit holds every other role.
        let mut users = Batch::new("users", &["id", "username", "display_name", "email", "unit_id", "roles", "password_hash"]);
        let mut unit_info: HashMap<&'static str, UnitInfo> = HashMap::new();
        let add_user = |rng: &mut StdRng, users: &mut Batch, username: String, unit: Uuid, roles: &[&str]| -> (Uuid, String) {
            let id = new_id(rng);
            let female = rng.random_bool(0.45);
            let given = if female { pick(rng, catalog::names_for("FR").female) } else { pick(rng, catalog::names_for("FR").male) };
            let family = pick(rng, catalog::names_for("FR").family);
            let display = format!("{given} {family}");
            let email = format!("{}.{}@customs.example", ascii_fold(given), ascii_fold(family));
            users.push(&[sql::uuid(id), sql::text(&username), sql::text(&display), sql::text(&email), sql::uuid(unit), sql::texts(roles), sql::text(&hash)]);
            (id, display)
        };
        let mut sample_users = Vec::new();
        for o in OFFICES {
            let unit = unit_ids[o.code];
            let prefix = o.code.to_lowercase();
            let n = if o.weight >= 8 { 3 } else { 2 };
            let officers: Vec<(Uuid, String)> = (1..=n)
                .map(|i| add_user(&mut rng, &mut users, format!("{prefix}.officer{i}"), unit, &["officer"]))
                .collect();
            let supervisor = add_user(&mut rng, &mut users, format!("{prefix}.supervisor"), unit, &["supervisor"]);
            unit_info.insert(o.code, UnitInfo { id: unit, officers, supervisor });
        }
        for (code, _, _) in catalog::DIRECTORATES {
            let unit = unit_ids[code];
            let prefix = code.to_lowercase();
            for role in ["supervisor", "investigator", "analyst"] {
                add_user(&mut rng, &mut users, format!("{prefix}.{role}"), unit, &[role]);
            }
        }
        for role in ["analyst", "investigator", "supervisor", "liaison", "auditor"] {
            add_user(&mut rng, &mut users, format!("ncu.{role}"), ncu, &[role]);
        }
        add_user(&mut rng, &mut users, "demo.admin".into(), ncu, &["admin"]);
        for (u, what) in [
            ("cdg-pax.officer1", "officer at Paris-CDG passenger terminals (records cases)"),
            ("cdg-pax.supervisor", "supervisor of that office (validates, reopens)"),
            ("leh-port.officer1", "officer at the port of Le Havre"),
            ("ncu.analyst", "analyst (reads every case)"),
            ("ncu.investigator", "investigator"),
            ("ncu.liaison", "liaison officer"),
            ("ncu.auditor", "auditor (reads the audit trail)"),
            ("demo.admin", "administrator (users, units, code lists)"),
        ] {
            sample_users.push((u.to_string(), what.to_string()));
        }
        users.flush(&mut conn).await?;
        report.users = users.written;
        report.sample_users = sample_users;

        // Cases in date order, so that each year's sequence follows time.
        let span = Duration::days(3 * 365);
        let start = end - span;
        let mut times: Vec<DateTime<Utc>> = (0..opts.cases)
            .map(|_| {
                // Slightly more cases recently: activity grows.
                let u: f64 = rng.random::<f64>().powf(0.8);
                start + Duration::seconds((span.num_seconds() as f64 * u) as i64)
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
        generator.t.flush(&mut conn).await?;

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
        for p in &generator.pictures {
            storage.put(&p.key, p.content.clone()).await?;
            storage.put(&p.thumb_key, p.thumbnail.clone()).await?;
        }
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
            // Fresh statistics, so that the planner uses the filter indexes at once.
            conn.batch_execute(
                "ANALYZE seizure_cases, seizure_goods, seizure_route_legs, seizure_case_persons, \
                 seizure_case_companies, seizure_case_conveyances, persons, person_documents, \
                 companies, conveyances, seizure_history, seizure_attachments",
            )
            .await?;
            report.seconds = started.elapsed().as_secs_f64();
            Ok(report)
        }
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}
