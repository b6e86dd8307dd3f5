//! The persons register: people with identity documents, who recur across the cases of their trade.

use super::catalog::{self, HOME};
use super::random::{digits, letters, new_id, pick, skewed};
use super::scale;
use super::sql;
use super::state::Gen;
use super::text::ascii_fold;
use chrono::{DateTime, Datelike, Duration, Utc};
use rand::Rng;
use uuid::Uuid;

#[derive(Clone)]
pub(super) struct PersonInfo {
    pub(super) id: Uuid,
    pub(super) name: String,
    pub(super) nationality: String,
    pub(super) gender: &'static str,
    pub(super) birth_year: i32,
}

impl Gen<'_> {
    /// A new register person of `nationality`; `varied` draws the name from the culture's
    /// wider space (spliced family names, compound given names: `scale`) rather than its
    /// most common names.
    pub(super) fn new_person(
        &mut self,
        nationality: &str,
        when: DateTime<Utc>,
        creator: Uuid,
        varied: bool,
    ) -> usize {
        let rng = &mut self.rng;
        let pool = catalog::names_for(nationality);
        let female = rng.random_bool(0.18);
        let (family, given) = if varied {
            scale::person_name(rng, pool, female)
        } else {
            let family = pick(rng, pool.family).to_string();
            let given = if female {
                pick(rng, pool.female)
            } else {
                pick(rng, pool.male)
            };
            (family, given.to_string())
        };
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
                sql::text(&ncen_core::identifiers::normalise(&number)),
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
    pub(super) fn person(
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
        let idx = self.new_person(nationality, when, creator, false);
        self.person_pools.entry(group).or_default().push(idx);
        idx
    }
}
