//! The companies register: importers, exporters, forwarders and others, reused across the cases of a trade.

use super::catalog;
use super::random::{digits, letters, new_id, pick, skewed};
use super::scale;
use super::sql;
use super::state::Gen;
use chrono::{DateTime, Utc};
use rand::Rng;
use uuid::Uuid;

#[derive(Clone)]
pub(super) struct CompanyInfo {
    pub(super) id: Uuid,
    pub(super) name: String,
}

impl Gen<'_> {
    pub(super) fn company(
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
        let idx = self.new_company(country, activity, when, creator, false);
        self.company_pools.entry(group).or_default().push(idx);
        idx
    }

    /// A new register company; `varied` names it from a wider space (family names,
    /// coined words: `scale`) than the few trade names cases reuse.
    pub(super) fn new_company(
        &mut self,
        country: &str,
        activity: &str,
        when: DateTime<Utc>,
        creator: Uuid,
        varied: bool,
    ) -> usize {
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
        let word = if varied {
            scale::company_word(rng, &country)
        } else {
            pick(rng, catalog::COMPANY_WORDS).to_string()
        };
        let word = word.as_str();
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
                "dormant",
                "dissolved",
                "unknown",
            ],
        );
        let street = format!(
            "{} {}",
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
            sql::json(&serde_json::json!([{
                "kind": "registered", "street": street, "postcode": null, "city": city,
                "country": country,
            }])),
            sql::opt_text(notes.as_deref()),
            sql::uuid(creator),
            sql::time(when),
            sql::uuid(creator),
            sql::time(when),
        ]);
        self.report.companies += 1;
        self.companies.push(CompanyInfo { id, name });
        self.companies.len() - 1
    }
}
