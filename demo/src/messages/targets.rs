//! What a warning watches: drawn from a scenario (with fresh, valid identifiers: ISO 6346
//! containers, IMO numbers, air waybills, plates, postal items) or taken from a demo case's
//! own conveyance or person, so that the feedback's seizure matches the warning.

use super::plan::Plan;
use super::texts::{self, fill, tr, Lang, Pair};
use super::topics::{self, Scenario, Watch, SCENARIOS};
use super::world::Case;
use crate::catalog::{self, Mode, Office};
use crate::conveyance_numbers::{air_waybill, container_check_digit, imo_number, plate, s10};
use crate::random::{digits, letters, pick};
use ncen_core::messaging::dto::{WarningRoute, WatchTarget, WatchType};
use rand::Rng;
use uuid::Uuid;

pub(super) struct Target {
    pub(super) watch: Watch,
    /// Leaving France (checked at departure).
    pub(super) outbound: bool,
    kind: WatchType,
    identifier: Option<String>,
    register: Option<Uuid>,
    pub(super) description: String,
    pub(super) subject: String,
    pub(super) goods: String,
    origin: Option<String>,
    transit: Vec<String>,
    destination: Option<String>,
    place: String,
    pub(super) indicators: &'static [Pair],
}

impl Target {
    pub(super) fn watch_target(&self) -> WatchTarget {
        WatchTarget {
            kind: self.kind,
            description: self.description.clone(),
            register_id: self.register,
            identifier: self.identifier.clone(),
        }
    }

    pub(super) fn route(&self) -> Option<WarningRoute> {
        Some(WarningRoute {
            origin: self.origin.clone(),
            transit: self.transit.clone(),
            destination: self.destination.clone(),
            place: Some(self.place.clone()),
        })
    }
}

/// The words that fill a target's subject and description.
#[derive(Default)]
struct Words {
    id: String,
    name: String,
    country: String,
    flight: String,
    year: String,
    cover: String,
}

fn kind_of(watch: Watch) -> WatchType {
    match watch {
        Watch::Container => WatchType::Container,
        Watch::Vessel => WatchType::Vessel,
        Watch::Vehicle => WatchType::Vehicle,
        Watch::Flight => WatchType::Flight,
        Watch::Passport => WatchType::Passport,
        Watch::Person => WatchType::Person,
        Watch::Awb => WatchType::Awb,
        Watch::Parcel => WatchType::Other,
    }
}

/// Risk indicators for what is watched (a person travels: the passengers' ones).
fn indicators_for(watch: Watch) -> &'static [Pair] {
    let like = if watch == Watch::Person {
        Watch::Passport
    } else {
        watch
    };
    SCENARIOS
        .iter()
        .find(|s| s.watch == like)
        .map_or(&[], |s| s.indicators)
}

/// The conveyance of a case a warning would have named, by preference.
pub(super) fn watchable(c: &Case) -> Option<(Watch, usize)> {
    let order = [
        ("container", Watch::Container),
        ("air_waybill", Watch::Awb),
        ("plate", Watch::Vehicle),
        ("tracking_number", Watch::Parcel),
        ("flight_number", Watch::Flight),
        ("imo", Watch::Vessel),
    ];
    order.iter().find_map(|(kind, watch)| {
        c.conveyances
            .iter()
            .position(|v| v.kind == *kind)
            .map(|i| (*watch, i))
    })
}

impl Plan<'_> {
    fn describe(
        &self,
        lang: Lang,
        watch: Watch,
        w: &Words,
        origin: &str,
        goods: &str,
        place: &str,
    ) -> (String, String) {
        let (subject, description) = texts::wording(watch);
        let values = [
            ("id", w.id.as_str()),
            ("name", w.name.as_str()),
            ("country", w.country.as_str()),
            ("flight", w.flight.as_str()),
            ("year", w.year.as_str()),
            ("cover", w.cover.as_str()),
            ("origin", origin),
            ("goods", goods),
            ("place", place),
        ];
        (
            fill(&tr(lang, subject), &values),
            fill(&tr(lang, description), &values),
        )
    }

    fn country_name(&self, lang: Lang, code: &str) -> String {
        self.w.label("countries", code, lang == Lang::Fr)
    }

    fn flight_from(&mut self, country: &str) -> String {
        let airline = pick(&mut self.rng, catalog::airlines(country)).to_string();
        format!("{airline}{}", self.rng.random_range(10..2000))
    }

    /// A scenario, and the office of `mode` that receives its warning.
    pub(super) fn scenario_target(
        &mut self,
        lang: Lang,
        s: &'static Scenario,
        office: &'static Office,
    ) -> Target {
        let origin = pick(&mut self.rng, s.origins).to_string();
        let mut transit = Vec::new();
        if !s.transit.is_empty() && self.chance(0.5) {
            let t = pick(&mut self.rng, s.transit).to_string();
            if t != origin {
                transit.push(t);
            }
        }
        let destination = if s.export_to.is_empty() {
            "FR".to_string()
        } else {
            pick(&mut self.rng, s.export_to).to_string()
        };
        let abroad = if origin == "FR" {
            destination.clone()
        } else {
            origin.clone()
        };
        let cover = pick(&mut self.rng, s.cover);
        let mut words = Words {
            cover: tr(lang, *cover),
            ..Words::default()
        };
        match s.watch {
            Watch::Container => {
                let owner = pick(&mut self.rng, catalog::CONTAINER_OWNERS).to_string();
                let serial = digits(&mut self.rng, 6);
                let check = container_check_digit(&format!("{owner}{serial}"));
                words.id = format!("{owner} {serial} {check}");
            }
            Watch::Vessel => {
                words.id = imo_number(&mut self.rng);
                words.name = format!(
                    "{} {}",
                    pick(&mut self.rng, catalog::VESSEL_PREFIXES),
                    pick(&mut self.rng, catalog::VESSEL_NAMES)
                );
            }
            Watch::Vehicle => {
                let country = if self.chance(0.7) {
                    abroad.clone()
                } else {
                    "FR".to_string()
                };
                words.id = plate(&mut self.rng, &country);
                words.country = country;
            }
            Watch::Flight => words.id = self.flight_from(&abroad),
            Watch::Passport | Watch::Person => {
                words.flight = self.flight_from(&abroad);
                words.id = format!("{}{}", letters(&mut self.rng, 2), digits(&mut self.rng, 7));
                words.country = if abroad == "GF" || self.chance(0.4) {
                    "FR".to_string()
                } else {
                    abroad.clone()
                };
            }
            Watch::Awb => words.id = air_waybill(&mut self.rng),
            Watch::Parcel => {
                words.id = if office.modes.contains(&Mode::Postal) {
                    s10(&mut self.rng, &abroad)
                } else if self.chance(0.5) {
                    format!(
                        "1Z{}{}",
                        letters(&mut self.rng, 6),
                        digits(&mut self.rng, 10)
                    )
                } else {
                    digits(&mut self.rng, 12)
                };
            }
        }
        if !words.country.is_empty() {
            words.country = self.country_name(lang, &words.country);
        }
        let goods = tr(lang, s.goods);
        let place = tr(lang, topics::at_office(office.code));
        let origin_name = self.country_name(lang, &origin);
        let (subject, description) =
            self.describe(lang, s.watch, &words, &origin_name, &goods, &place);
        let w = self.w;
        Target {
            watch: s.watch,
            outbound: s.origins == ["FR"],
            kind: kind_of(s.watch),
            identifier: Some(words.id),
            register: None,
            description,
            subject,
            goods,
            origin: Some(origin).filter(|c| w.is_country(c)),
            transit: transit.into_iter().filter(|c| w.is_country(c)).collect(),
            destination: Some(destination).filter(|c| w.is_country(c)),
            place: office.name.to_string(),
            indicators: s.indicators,
        }
    }

    /// What a warning would have said about the case, before it was found.
    pub(super) fn case_target(
        &mut self,
        lang: Lang,
        c: &Case,
        office: &'static Office,
    ) -> Option<Target> {
        let w = self.w;
        let (mut watch, i) = watchable(c)?;
        let conveyance = &c.conveyances[i];
        let route: Vec<&String> = c.route.iter().filter(|x| w.is_country(x)).collect();
        let origin = route.first().map(|s| s.to_string());
        let destination = (route.len() >= 2).then(|| route[route.len() - 1].to_string());
        let mut transit: Vec<String> = Vec::new();
        for x in route.iter().skip(1).take(route.len().saturating_sub(2)) {
            if Some(x.as_str()) != origin.as_deref()
                && Some(x.as_str()) != destination.as_deref()
                && !transit.contains(x)
                && transit.len() < 10
            {
                transit.push(x.to_string());
            }
        }
        let mut words = Words {
            cover: tr(lang, texts::unknown_cover(watch)),
            id: conveyance.identifier.clone(),
            ..Words::default()
        };
        let mut register = None;
        let mut identifier = Some(conveyance.identifier.clone());
        let mut kind = kind_of(watch);
        match watch {
            Watch::Vessel => words.name = conveyance.name.clone().unwrap_or_else(|| "?".into()),
            Watch::Container | Watch::Vehicle if self.chance(0.4) => {
                kind = WatchType::Conveyance;
                register = Some(conveyance.id);
            }
            Watch::Flight if !c.suspects.is_empty() => {
                let s = &c.suspects[0];
                words.flight = conveyance.identifier.clone();
                words.country = s
                    .nationality
                    .as_deref()
                    .map(|n| self.country_name(lang, n))
                    .unwrap_or_default();
                match &s.passport {
                    Some((number, issuer)) if self.chance(0.5) => {
                        watch = Watch::Passport;
                        words.id = number.clone();
                        if let Some(issuer) = issuer {
                            words.country = self.country_name(lang, issuer);
                        }
                        identifier = Some(number.clone());
                    }
                    _ => {
                        watch = Watch::Person;
                        words.name = s.name.clone();
                        words.year = s
                            .birth_year
                            .map(|y| y.to_string())
                            .unwrap_or_else(|| "?".into());
                        identifier = s.passport.as_ref().map(|p| p.0.clone());
                        register = Some(s.id);
                    }
                }
                kind = kind_of(watch);
            }
            _ => {}
        }
        if watch == Watch::Vehicle {
            let country = conveyance.country.as_deref().or(origin.as_deref());
            words.country = self.country_name(lang, country.unwrap_or("FR"));
        }
        let goods = texts::goods_of(w, lang, c).1;
        let place = tr(lang, topics::at_office(office.code));
        let origin_name = origin
            .as_deref()
            .map(|o| self.country_name(lang, o))
            .unwrap_or_default();
        let (subject, description) =
            self.describe(lang, watch, &words, &origin_name, &goods, &place);
        Some(Target {
            watch,
            outbound: origin.as_deref() == Some("FR"),
            kind,
            identifier,
            register,
            description,
            subject,
            goods,
            origin,
            transit,
            destination,
            place: office.name.to_string(),
            indicators: indicators_for(watch),
        })
    }

    /// Two to four of the scenario's risk indicators, in `lang`.
    pub(super) fn indicators(&mut self, lang: Lang, pool: &'static [Pair]) -> Vec<String> {
        let n = self.rng.random_range(2..=4).min(pool.len());
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < n {
            let i = self.rng.random_range(0..pool.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        picked.into_iter().map(|i| tr(lang, pool[i])).collect()
    }
}
