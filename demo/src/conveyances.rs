//! The conveyances register: vehicles, flights, vessels, containers and parcels, reused when an identifier comes back.

use super::catalog;
use super::conveyance_numbers::{container_check_digit, imo_number, plate};
use super::random::{digits, new_id, pick, skewed};
use super::sql;
use super::state::Gen;
use chrono::{DateTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sha2::{Digest, Sha256};
use uuid::Uuid;

impl Gen<'_> {
    /// A conveyance, reused when one with the same identifier exists.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn conveyance(
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
        let norm = match ncen_core::identifiers::IdentifierKind::parse(kind) {
            Some(k) => ncen_core::identifiers::validate(k, identifier)
                .unwrap_or_else(|_| ncen_core::identifiers::normalise(identifier)),
            None => ncen_core::identifiers::normalise(identifier),
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
    pub(super) fn fresh(
        &mut self,
        kind: &str,
        country: &str,
        make: impl Fn(&mut StdRng) -> String,
    ) -> String {
        loop {
            let candidate = make(&mut self.rng);
            let key = (
                kind.to_string(),
                ncen_core::identifiers::normalise(&candidate),
                country.to_string(),
            );
            if !self.conveyance_keys.contains_key(&key) {
                return candidate;
            }
        }
    }

    pub(super) fn container_number(&mut self) -> String {
        self.fresh("container", "", |rng| {
            let owner = pick(rng, catalog::CONTAINER_OWNERS).to_string();
            let serial = digits(rng, 6);
            let first10 = format!("{owner}{serial}");
            format!("{owner} {serial} {}", container_check_digit(&first10))
        })
    }

    pub(super) fn vehicle(
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

    pub(super) fn flight(
        &mut self,
        from: &str,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> (Uuid, String) {
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

    pub(super) fn vessel(
        &mut self,
        ferry: bool,
        when: DateTime<Utc>,
        creator: Uuid,
    ) -> (Uuid, String) {
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
}
