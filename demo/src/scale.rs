//! Registers at national size (`--register-persons`, `--register-companies`): persons and
//! companies known from other sources than the demo's cases (earlier systems, declarations,
//! other administrations), so that the matching benchmark (`bench/scale.sh`) runs against a
//! million persons without generating a case for each.
//!
//! A register that size is not the demo's few hundred common names repeated: family names are
//! spliced from two of the culture's (`Mor` + `and` → `Morand`), given names are sometimes
//! compound (`Jean-Pierre`, `María José`, Chinese `Jianhua`), company names use family names
//! and coined words. The common names stay the most frequent, as in a real register.

use super::catalog::{self, NamePool, HOME};
use super::random::{pick, weighted};
use super::state::Gen;
use chrono::Duration;
use diesel_async::AsyncPgConnection;
use rand::rngs::StdRng;
use rand::Rng;
use uuid::Uuid;

/// Register records written per flush.
const CHUNK: usize = 10_000;

/// Nationalities of register persons: the home country first, then every culture of the
/// name catalogue.
const NATIONALITIES: &[(&str, u32)] = &[
    (HOME, 30),
    ("ES", 3),
    ("CO", 2),
    ("BR", 2),
    ("PT", 2),
    ("NL", 2),
    ("MA", 5),
    ("DZ", 5),
    ("TN", 3),
    ("SY", 2),
    ("EG", 2),
    ("NG", 4),
    ("GH", 2),
    ("SN", 3),
    ("CM", 2),
    ("CD", 2),
    ("KE", 2),
    ("SO", 1),
    ("RU", 2),
    ("UA", 2),
    ("AL", 2),
    ("RO", 2),
    ("TR", 4),
    ("CN", 4),
    ("VN", 2),
    ("IN", 2),
    ("PK", 2),
    ("GB", 3),
    ("US", 2),
    ("DE", 3),
    ("IT", 3),
];

const ACTIVITIES: &[&str] = &["importer", "exporter", "forwarder", "broker", "carrier"];

/// The first half of `a` and the second half of `b`, by characters.
fn splice(a: &str, b: &str) -> String {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let head: String = a[..a.len().div_ceil(2)].iter().collect();
    let tail: String = b[b.len() / 2..].iter().collect::<String>().to_lowercase();
    format!("{head}{tail}")
}

/// Cultures whose given names are built from two syllables rather than hyphenated.
fn syllabic(pool: &NamePool) -> bool {
    std::ptr::eq(pool, catalog::names_for("CN")) || std::ptr::eq(pool, catalog::names_for("VN"))
}

/// (family name, given names) from the culture's wider name space.
pub(super) fn person_name(rng: &mut StdRng, pool: &NamePool, female: bool) -> (String, String) {
    let given_pool = if female { pool.female } else { pool.male };
    let family = if syllabic(pool) || rng.random_bool(0.4) {
        pick(rng, pool.family).to_string()
    } else {
        splice(
            pick::<&str>(rng, pool.family),
            pick::<&str>(rng, pool.family),
        )
    };
    let first = pick(rng, given_pool);
    let given = if !rng.random_bool(0.45) {
        first.to_string()
    } else {
        let second = pick(rng, given_pool);
        if second == first {
            first.to_string()
        } else if syllabic(pool) {
            format!("{first}{}", second.to_lowercase())
        } else if rng.random_bool(0.5) {
            format!("{first}-{second}")
        } else {
            format!("{first} {second}")
        }
    };
    (family, given)
}

/// The distinctive word of a company name: a trade word, a family name of the country, both,
/// or a coined word.
pub(super) fn company_word(rng: &mut StdRng, country: &str) -> String {
    let families = catalog::names_for(country).family;
    match rng.random_range(0..4) {
        0 => pick(rng, catalog::COMPANY_WORDS).to_string(),
        1 => pick(rng, families).to_string(),
        2 => format!(
            "{} {}",
            pick(rng, catalog::COMPANY_WORDS),
            pick(rng, families)
        ),
        _ => splice(
            pick::<&str>(rng, catalog::COMPANY_WORDS),
            pick::<&str>(rng, catalog::COMPANY_WORDS),
        ),
    }
}

impl Gen<'_> {
    /// Writes `persons` register persons and `companies` register companies, created over the
    /// ten years before the demo's end by the offices' officers.
    pub(super) async fn register_only(
        &mut self,
        conn: &mut AsyncPgConnection,
        persons: usize,
        companies: usize,
    ) -> diesel::QueryResult<()> {
        let mut creators: Vec<Uuid> = self
            .units
            .values()
            .flat_map(|u| u.officers.iter().map(|o| o.0))
            .collect();
        creators.sort();
        if creators.is_empty() {
            return Ok(());
        }
        for i in 0..persons + companies {
            let when = self.end - Duration::minutes(self.rng.random_range(0..10 * 365 * 24 * 60));
            let creator = *pick(&mut self.rng, &creators);
            if i < persons {
                let nationality = *weighted(&mut self.rng, NATIONALITIES);
                self.new_person(nationality, when, creator, true);
            } else {
                let country = *pick(&mut self.rng, catalog::COMPANY_COUNTRIES);
                let activity = *pick(&mut self.rng, ACTIVITIES);
                self.new_company(country, activity, when, creator, true);
            }
            if (i + 1) % CHUNK == 0 {
                self.t.flush(conn).await?;
                if (i + 1) % 100_000 == 0 {
                    eprintln!("  … {} register records", i + 1);
                }
            }
        }
        self.t.flush(conn).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn spliced_names_keep_the_culture_s_letters() {
        assert_eq!(splice("Moreau", "Durand"), "Morand");
        assert_eq!(splice("Lefèvre", "Guérin"), "Lefèrin");
        assert_eq!(splice("Иванов", "Петров"), "Иваров");
    }

    #[test]
    fn a_million_persons_are_not_a_few_names_repeated() {
        let mut rng = StdRng::seed_from_u64(7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..20_000 {
            let nat = *weighted(&mut rng, NATIONALITIES);
            let female = rng.random_bool(0.2);
            seen.insert(person_name(&mut rng, catalog::names_for(nat), female));
        }
        // the common pools alone give a few thousand names; the wider space many more
        assert!(seen.len() > 8_000, "{} distinct names", seen.len());
    }
}
