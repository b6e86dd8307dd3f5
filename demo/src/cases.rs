//! A seizure case: where, when and by whom it was found, drawn step by step (goods, route, detection, parties, texts, workflow, pictures), and its row.

use super::catalog::{Mode, Office, HOME, OFFICES};
use super::detection::Detection;
use super::parties::Parties;
use super::random::{digits, letters, new_id, pick, weighted};
use super::route::Route;
use super::sql;
use super::state::Gen;
use super::workflow::Workflow;
use chrono::{DateTime, Datelike, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use uuid::Uuid;

/// What is settled about a case before its parts are drawn.
pub(super) struct Facts {
    pub(super) case_id: Uuid,
    pub(super) when: DateTime<Utc>,
    pub(super) office: &'static Office,
    pub(super) mode: Mode,
    pub(super) group: &'static str,
    pub(super) main_type: String,
    pub(super) offence: bool,
    pub(super) officer_id: Uuid,
    pub(super) officer_name: String,
    pub(super) supervisor_id: Uuid,
    pub(super) supervisor_name: String,
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

impl Gen<'_> {
    fn next_reference(&mut self, year: i32) -> String {
        let n = self.counters.entry(year).or_insert(0);
        *n += 1;
        format!("{}-{year}-{:06}", self.opts.country, n)
    }

    /// Draws case number `index` (in date order), detected at `detected_at`, and writes its rows.
    pub(super) fn case(
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

        let offence = matches!(
            group,
            "other_fraud" | "strategic_goods" | "ipr" | "hazardous_waste"
        ) && matches!(mode, Mode::SeaContainer | Mode::AirCargo | Mode::Road)
            && self.rng.random_bool(0.25);

        let c = Facts {
            case_id,
            when,
            office,
            mode,
            group,
            main_type,
            offence,
            officer_id,
            officer_name,
            supervisor_id,
            supervisor_name,
        };

        // The steps draw from the one random generator in this order: keep it, or the
        // same seed no longer gives the same data.
        let items = self.goods(&c);
        let route = self.route(&c);
        let detection = self.detection(&c);
        let parties = self.parties(&c, &route);
        self.goods_rows(case_id, &items);

        // Texts.
        let main_person =
            <[_]>::first(&parties.person_links).map(|(i, _)| self.persons[*i].clone());
        let (summary, narrative) = self.texts(
            &c,
            &items,
            &route,
            &detection,
            &parties,
            main_person.as_ref(),
        );
        let Route {
            countries,
            direction,
            ..
        } = route;
        let Detection {
            detection,
            concealment,
            concealment_description,
        } = detection;
        let Parties {
            conveyance_links,
            commercial,
            ..
        } = parties;

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

        let w = self.workflow(&c);
        let Workflow {
            status,
            version,
            created_at,
            updated_by,
            updated_at,
            ..
        } = w;
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

        self.history(&c, &w, direction, &items);
        self.pictures(index, &c, &items, created_at)
    }
}
