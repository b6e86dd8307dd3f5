//! The goods of a case: commodity group and type, quantity, value, brand and packaging, and their rows.

use super::cases::Facts;
use super::catalog::{self, Mode, Profile};
use super::random::{log_uniform, new_id, pick, weighted};
use super::sql;
use super::state::Gen;
use rand::Rng;
use uuid::Uuid;

pub(super) struct Item {
    pub(super) group: &'static str,
    pub(super) commodity_type: String,
    pub(super) quantity: f64,
    pub(super) unit: &'static str,
    pub(super) description: String,
}

impl Gen<'_> {
    fn profile(&self, code: &str) -> Option<&'static Profile> {
        catalog::PROFILES.iter().find(|p| p.code == code)
    }

    pub(super) fn group_for(&mut self, mode: Mode) -> &'static str {
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

    pub(super) fn type_for(&mut self, group: &str) -> String {
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

    /// The goods of a case, three on average; an offence found on audit has none.
    pub(super) fn goods(&mut self, c: &Facts) -> Vec<(Item, Vec<String>)> {
        let Facts {
            mode,
            group,
            offence,
            ..
        } = *c;
        let main_type = &c.main_type;
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
                    .profile(main_type)
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
        items
    }

    pub(super) fn goods_rows(&mut self, case_id: Uuid, items: &[(Item, Vec<String>)]) {
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
    }
}
