//! The route of a case: the countries the goods crossed, in order, with dates, and the direction of the movement.

use super::cases::Facts;
use super::catalog::{self, Mode, HOME};
use super::random::{pick, share_of, trend};
use super::sql;
use super::state::Gen;
use chrono::{Duration, NaiveDate};
use rand::Rng;

/// The route of a case, as the later steps need it.
pub(super) struct Route {
    pub(super) origin: &'static str,
    pub(super) dest: &'static str,
    pub(super) countries: Vec<&'static str>,
    /// The position of the home country in `countries`.
    pub(super) home_pos: usize,
    pub(super) direction: &'static str,
    /// The country the goods came from just before the home country.
    pub(super) from_country: &'static str,
}

impl Gen<'_> {
    /// Draws the route and writes its legs.
    pub(super) fn route(&mut self, c: &Facts) -> Route {
        let Facts {
            case_id,
            when,
            office,
            mode,
            group,
            ..
        } = *c;
        let main_type = &c.main_type;
        let date = when.date_naive();

        // Route.
        let routes = catalog::routes(group, main_type);
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
        // The emerging route analysts find in the demo: cocaine shipped straight from Ecuador,
        // from nothing nine months ago to three cocaine cases in four now.
        if main_type == "cocaine"
            && share_of(case_id) < 0.75 * trend(self.end, when, 270)
            && dest != "EC"
        {
            origin = "EC";
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
        Route {
            origin,
            dest,
            countries,
            home_pos,
            direction,
            from_country,
        }
    }
}
