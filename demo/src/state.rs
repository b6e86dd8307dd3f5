//! The generator's state: the random source, the code lists, the records that recur across cases and the rows waiting to be written.

use super::codelists::Lists;
use super::companies::CompanyInfo;
use super::organisation::UnitInfo;
use super::persons::PersonInfo;
use super::pictures::Picture;
use super::tables::Tables;
use super::{Options, Report};
use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

pub(super) struct Gen<'a> {
    pub(super) rng: StdRng,
    pub(super) lists: &'a Lists,
    pub(super) opts: &'a Options,
    pub(super) end: DateTime<Utc>,
    pub(super) units: HashMap<&'static str, UnitInfo>,
    pub(super) persons: Vec<PersonInfo>,
    pub(super) person_pools: HashMap<&'static str, Vec<usize>>,
    pub(super) companies: Vec<CompanyInfo>,
    pub(super) company_pools: HashMap<&'static str, Vec<usize>>,
    pub(super) conveyance_keys: HashMap<(String, String, String), Uuid>,
    /// The type of every conveyance made, for the cases' `conveyance_types` filter copy.
    pub(super) conveyance_type_of: HashMap<Uuid, String>,
    pub(super) flights: HashMap<(String, String), Vec<String>>,
    pub(super) vessels: Vec<(String, String, String)>,
    pub(super) truck_pools: HashMap<&'static str, Vec<(Uuid, String)>>,
    pub(super) counters: HashMap<i32, i32>,
    pub(super) pictured: HashSet<usize>,
    pub(super) pictures: Vec<Picture>,
    pub(super) t: Tables,
    pub(super) report: Report,
}

impl Gen<'_> {
    pub(super) fn at(&mut self, base: DateTime<Utc>, min_h: i64, max_h: i64) -> DateTime<Utc> {
        let t = base + Duration::minutes(self.rng.random_range(min_h * 60..=max_h * 60));
        t.min(self.end)
    }
}
