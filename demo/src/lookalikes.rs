//! Persons recorded in their own script, and one recorded twice under two spellings: what
//! the matching engine has to find from a Latin name typed at a desk (`Screening`, duplicate
//! warnings). Fixed, not random, so the guide and a new user can try them by name.

use super::sql;
use super::state::Gen;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// (year, month, day).
type Born = (i64, i64, i64);

/// (family, given, date of birth, gender, nationality, passport, note).
type Lookalike = (
    &'static str,
    &'static str,
    Born,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PERSONS: &[Lookalike] = &[
    (
        "بن صالح",
        "عبد القادر",
        (1979, 11, 7),
        "male",
        "DZ",
        "DZ4417920",
        "Recorded from an Algerian passport, in Arabic script.",
    ),
    (
        "Иванов",
        "Сергей Петрович",
        (1976, 4, 12),
        "male",
        "RU",
        "RU7512044",
        "Recorded from a Russian internal passport, in Cyrillic.",
    ),
    (
        "王",
        "小明",
        (1985, 2, 3),
        "male",
        "CN",
        "CN8502031",
        "Recorded from a Chinese identity card, in Chinese characters.",
    ),
    (
        "Παπαδόπουλος",
        "Γιώργος",
        (1971, 9, 30),
        "male",
        "GR",
        "GR7109305",
        "Recorded from a Greek identity card, in Greek.",
    ),
    (
        "כהן",
        "משה",
        (1968, 1, 20),
        "male",
        "IL",
        "IL6801207",
        "Recorded from an Israeli passport, in Hebrew.",
    ),
    (
        "Nguyễn",
        "Văn Thành",
        (1990, 6, 15),
        "male",
        "VN",
        "VN9006158",
        "Vietnamese, with its diacritics.",
    ),
    (
        "Okonkwo",
        "Chinedu",
        (1982, 5, 14),
        "male",
        "NG",
        "A08251482",
        "Recorded twice: see OKONKOW Chinedu.",
    ),
    (
        "Okonkow",
        "Chinedu",
        (1982, 5, 14),
        "male",
        "NG",
        "A0825I482",
        "A second entry of OKONKWO Chinedu, with a typo in the name and the passport number.",
    ),
];

impl Gen<'_> {
    /// Adds the persons above, registered by `creator` at `when`.
    pub(super) fn lookalikes(&mut self, creator: Uuid, when: DateTime<Utc>) {
        for (i, (family, given, (y, m, d), gender, nationality, passport, note)) in
            PERSONS.iter().enumerate()
        {
            let id = Uuid::from_u128(0x6e63_656e_0000_4000_8000_0000_0000_0000 | i as u128);
            self.t.persons.push(&[
                sql::uuid(id),
                sql::text(family),
                sql::text(given),
                sql::texts::<String>(&[]),
                sql::opt_text(None),
                sql::int(*y),
                sql::opt_int(Some(*m)),
                sql::opt_int(Some(*d)),
                sql::opt_text(None),
                sql::text(gender),
                sql::texts(&[nationality.to_string()]),
                sql::texts::<String>(&[]),
                sql::texts::<String>(&[]),
                sql::texts::<String>(&[]),
                sql::opt_text(Some(note)),
                sql::uuid(creator),
                sql::time(when),
                sql::uuid(creator),
                sql::time(when),
            ]);
            self.t.documents.push(&[
                sql::uuid(id),
                sql::int(1),
                sql::text("passport"),
                sql::text(passport),
                sql::text(&ncen_core::identifiers::normalise(passport)),
                sql::text(nationality),
                sql::date(when.date_naive() + chrono::Duration::days(1500)),
            ]);
            self.report.persons += 1;
        }
    }
}
