//! Who and what carried the goods: the persons, companies and conveyances of a case, and its links to them.

use super::cases::Facts;
use super::catalog::{self, Mode, HOME};
use super::conveyance_numbers::{air_waybill, plate, s10, vin};
use super::random::{digits, letters, pick};
use super::route::Route;
use super::sql;
use super::state::Gen;
use rand::rngs::StdRng;
use rand::Rng;
use std::collections::HashSet;
use uuid::Uuid;

/// The records linked to a case (indexes into the generator's persons and companies).
pub(super) struct Parties {
    pub(super) person_links: Vec<(usize, &'static str)>,
    pub(super) company_links: Vec<(usize, &'static str)>,
    pub(super) conveyance_links: Vec<(Uuid, &'static str)>,
    /// How the goods travelled, for the narrative.
    pub(super) carrier_text: String,
    /// Goods moved under a commercial declaration.
    pub(super) commercial: bool,
}

impl Gen<'_> {
    /// Draws the persons, companies and conveyances of a case and writes its links.
    pub(super) fn parties(&mut self, c: &Facts, route: &Route) -> Parties {
        let Facts {
            case_id,
            when,
            mode,
            group,
            offence,
            officer_id,
            ..
        } = *c;
        let main_type = &c.main_type;
        let Route {
            origin,
            dest,
            home_pos,
            direction,
            from_country,
            ..
        } = *route;

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
        Parties {
            person_links,
            company_links,
            conveyance_links,
            carrier_text,
            commercial,
        }
    }
}
